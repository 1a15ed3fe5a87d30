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

/// The deposit a listing registered by `register_with`/`listing()` holds.
fn listing_deposit(l: ListingId) -> Balance {
	<Content as pallet_allspark_content::ContentTransfer<AccountId>>::deposit(l)
}

/// Attack 4 of the review: the winner of a copyright lot could walk away, its deposit held only
/// at settlement out of whatever it had left. The deposit is now held with the bid, released
/// when outbid, and becomes the new owner's listing deposit.
#[test]
fn a_copyright_bid_holds_the_listing_deposit_with_it() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let deposit = listing_deposit(l);
		assert!(deposit > 0);
		let id = NextOfferId::<Test>::get();
		assert_ok!(Market::create_offer(
			RuntimeOrigin::signed(ALICE),
			l,
			Right::Copyright,
			PricingMode::English { reserve: 100, min_increment: 10, end: 20 },
			1,
			None
		));
		assert_ok!(Market::bid(RuntimeOrigin::signed(BOB), id, 100, None));
		assert_eq!(escrow(BOB), 100 + deposit);
		assert_ok!(Market::bid(RuntimeOrigin::signed(CHARLIE), id, 110, None));
		assert_eq!(escrow(BOB), 0);
		assert_eq!(free(BOB), INITIAL);
		assert_eq!(escrow(CHARLIE), 110 + deposit);
		// Charlie spends all it has left: the lot is paid for all the same.
		let rest = free(CHARLIE) - ED;
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
			&CHARLIE,
			&DAVE,
			rest,
			frame_support::traits::tokens::Preservation::Preserve
		));
		run_to_block(20);
		assert_eq!(owner(l), Some(CHARLIE));
		assert_eq!(escrow(CHARLIE), 0);
		assert_eq!(
			pallet_balances::Pallet::<Test>::reserved_balance(CHARLIE),
			deposit,
			"the deposit is the new owner's listing deposit"
		);
		assert_eq!(free(CHARLIE), ED);
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::AuctionSettled { winner: CHARLIE, amount: 110, .. })));
	});
}

/// Attack 12 of the review: a seller backs out of an auction with bids by changing the
/// listing's terms (raising the commission until the sale fails) or by selling the copyright to
/// an alt. While an auction has a bid, neither is allowed.
#[test]
fn a_bid_binds_the_listing_until_the_auction_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let o = offer(PricingMode::English { reserve: 100, min_increment: 10, end: 20 }, 1);
		// Without a bid the owner may still change its terms.
		assert_ok!(Content::update_listing(RuntimeOrigin::signed(ALICE), l, None, Some(terms())));
		assert_ok!(Market::bid(RuntimeOrigin::signed(BOB), o, 100, None));
		assert!(<Market as ContentObligations>::is_bound_by_bids(l));
		let mut greedy = terms();
		greedy.distributor_commission = Permill::from_percent(99);
		assert_noop!(
			Content::update_listing(RuntimeOrigin::signed(ALICE), l, None, Some(greedy)),
			pallet_allspark_content::Error::<Test>::BoundByBids
		);
		// A copyright sale to an alt through the market fails.
		let copyright = NextOfferId::<Test>::get();
		assert_ok!(Market::create_offer(
			RuntimeOrigin::signed(ALICE),
			l,
			Right::Copyright,
			PricingMode::Fixed { price: 100 },
			1,
			None
		));
		assert_noop!(
			Market::buy_offer(RuntimeOrigin::signed(DAVE), copyright, 1, 100, None),
			Error::<Test>::ListingBoundByBids
		);
		run_to_block(20);
		assert_eq!(licence_units(BOB, l, PERSONAL), 1);
		assert!(!<Market as ContentObligations>::is_bound_by_bids(l));
		assert_ok!(Market::buy_offer(RuntimeOrigin::signed(DAVE), copyright, 1, 100, None));
		assert_eq!(owner(l), Some(DAVE));
	});
}
