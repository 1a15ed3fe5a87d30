//! English auctions: bids held and released, late bids extending the end, settlement at the end
//! and auctions that end unsold.

use super::*;

#[test]
fn english_auction_runs_to_settlement() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let o = offer(PricingMode::English { reserve: 100, min_increment: 10, end: 20 }, 1);
		assert_noop!(
			Market::bid(RuntimeOrigin::signed(BOB), o, 99, None),
			Error::<Test>::BidTooLow
		);
		assert_ok!(Market::bid(RuntimeOrigin::signed(BOB), o, 100, None));
		assert_eq!(escrow(BOB), 100);
		assert_noop!(
			Market::bid(RuntimeOrigin::signed(CHARLIE), o, 109, None),
			Error::<Test>::BidTooLow
		);
		assert_ok!(Market::bid(RuntimeOrigin::signed(CHARLIE), o, 110, None));
		assert_eq!(escrow(BOB), 0);
		assert_eq!(escrow(CHARLIE), 110);
		assert_noop!(
			Market::cancel_offer(RuntimeOrigin::signed(ALICE), o),
			Error::<Test>::AuctionHasBids
		);
		assert_noop!(
			Market::settle_auction(RuntimeOrigin::signed(BOB), o),
			Error::<Test>::AuctionNotEnded
		);
		assert_noop!(
			Market::buy_offer(RuntimeOrigin::signed(BOB), o, 1, 1_000, None),
			Error::<Test>::IsAnAuction
		);
		let alice = free(ALICE);
		run_to_block(20);
		assert!(Offers::<Test>::get(o).is_none());
		assert_eq!(escrow(CHARLIE), 0);
		assert_eq!(free(CHARLIE), INITIAL - 110);
		assert_eq!(free(ALICE), alice + 110 - charge(110));
		assert_eq!(licence_units(CHARLIE, 0, PERSONAL), 1);
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::AuctionSettled { winner: CHARLIE, amount: 110, .. })));
	});
}

#[test]
fn a_late_bid_extends_the_auction() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let o = offer(PricingMode::English { reserve: 100, min_increment: 10, end: 20 }, 1);
		run_to_block(17);
		assert_ok!(Market::bid(RuntimeOrigin::signed(BOB), o, 100, None));
		assert_eq!(Offers::<Test>::get(o).unwrap().expires_at, 17 + EXTENSION);
		run_to_block(21);
		assert!(Offers::<Test>::get(o).is_some(), "the old end no longer settles it");
		assert_ok!(Market::bid(RuntimeOrigin::signed(CHARLIE), o, 200, None));
		assert_eq!(Offers::<Test>::get(o).unwrap().expires_at, 21 + EXTENSION);
		run_to_block(25);
		assert!(Offers::<Test>::get(o).is_some());
		run_to_block(26);
		assert!(Offers::<Test>::get(o).is_none());
		assert_eq!(licence_units(CHARLIE, 0, PERSONAL), 1);
		assert_eq!(escrow(BOB), 0);
	});
}

#[test]
fn an_auction_without_bids_ends_unsold_and_bids_after_the_end_fail() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let o = offer(PricingMode::English { reserve: 100, min_increment: 10, end: 5 }, 1);
		frame_system::Pallet::<Test>::set_block_number(5);
		assert_noop!(
			Market::bid(RuntimeOrigin::signed(BOB), o, 100, None),
			Error::<Test>::OfferEnded
		);
		assert_ok!(Market::settle_auction(RuntimeOrigin::signed(BOB), o));
		assert!(market_events().iter().any(|e| matches!(e, Event::AuctionUnsold { .. })));
	});
}

#[test]
fn an_auction_whose_seller_sold_the_copyright_refunds_the_bidder() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let o = offer(PricingMode::English { reserve: 100, min_increment: 10, end: 20 }, 1);
		assert_ok!(Market::bid(RuntimeOrigin::signed(BOB), o, 100, None));
		// The copyright leaves Alice through the content pallet's trait (as a market sale
		// would).
		assert_ok!(
			<Content as pallet_allspark_content::ContentTransfer<AccountId>>::transfer_copyright(
				0, &ALICE, &CHARLIE
			)
		);
		run_to_block(20);
		assert_eq!(escrow(BOB), 0);
		assert_eq!(free(BOB), INITIAL);
		assert_eq!(licence_units(BOB, 0, PERSONAL), 0);
		assert!(market_events().iter().any(|e| matches!(e, Event::AuctionUnsold { .. })));
	});
}
