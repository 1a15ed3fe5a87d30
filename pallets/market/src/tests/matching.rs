//! Matching an incoming order against the book: price-time priority, partial fills, the fill
//! limit per call, fill-or-kill, self-trades and the weight charged for a copyright trade.

use super::*;

#[test]
fn a_crossing_sell_fills_best_price_first_then_oldest_first() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let charlie_low = place(CHARLIE, l, Side::Buy, 80, 3);
		let bob_high = place(BOB, l, Side::Buy, 90, 2);
		let dave_low = place(DAVE, l, Side::Buy, 80, 2);
		let alice_before = free(ALICE);
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		let sell = place(ALICE, l, Side::Sell, 80, 4);

		let fills: Vec<_> = market_events()
			.into_iter()
			.filter_map(|e| match e {
				Event::OrderFilled { order, taker_order, price, quantity, .. } => {
					assert_eq!(taker_order, sell);
					Some((order, price, quantity))
				},
				_ => None,
			})
			.collect();
		// Bob's better price first, then Charlie's older order at 80; Dave's waits.
		assert_eq!(fills, vec![(bob_high, 90, 2), (charlie_low, 80, 2)]);
		// Each resting order settles as its own trade, with its own charge.
		let value = 2 * 90 + 2 * 80;
		assert_eq!(free(ALICE), alice_before + value - charge(2 * 90) - charge(2 * 80));
		assert_eq!(escrow(BOB), 0);
		assert_eq!(escrow(CHARLIE), 80);
		assert_eq!(escrow(DAVE), 160);
		assert_eq!(licence_units(BOB, l, PERSONAL), 2);
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 2);
		assert_eq!(licence_units(DAVE, l, PERSONAL), 0);
		assert_eq!(Market::order(charlie_low).unwrap().remaining, 1);
		assert!(Market::order(dave_low).is_some());
		assert!(Market::order(sell).is_none(), "the sell filled completely");
		assert_eq!(book_levels(l, Side::Buy), vec![(80, 3, 2)]);
		assert!(book_levels(l, Side::Sell).is_empty());
		// The burned part of the charge (a fifth) left issuance.
		let burned = pallet_allspark_token::BurnedTotal::<Test>::get();
		assert!(burned > 0 && burned <= (charge(2 * 90) + charge(2 * 80)) / 5 + 2);
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance - burned);
		let licence = Licences::<Test>::get(BOB, (l, PERSONAL)).unwrap();
		assert_eq!(licence.expires_at, Some(1 + LICENCE_BLOCKS));
		assert!(Market::licence(BOB, l, PERSONAL).unwrap().valid);
		// Each settlement reported its trade once, with its whole value.
		assert_eq!(reported_trades(), vec![(l, 2 * 90), (l, 2 * 80)]);
	});
}

#[test]
fn a_crossing_buy_pays_the_resting_prices_and_gets_the_difference_back() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		place(ALICE, l, Side::Sell, 100, 1);
		place(ALICE, l, Side::Sell, 110, 1);
		place(ALICE, l, Side::Sell, 150, 5);
		let buy = place(BOB, l, Side::Buy, 120, 4);
		// Two units filled at 100 and 110; two rest at 120.
		assert_eq!(free(BOB), INITIAL - 210 - 240);
		assert_eq!(escrow(BOB), 240);
		assert_eq!(Market::order(buy).unwrap().remaining, 2);
		assert_eq!(book_levels(l, Side::Buy), vec![(120, 2, 1)]);
		assert_eq!(book_levels(l, Side::Sell), vec![(150, 5, 1)]);
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::EscrowReleased { who: BOB, amount: 30 })));
		// Consecutive fills of one buyer are granted together.
		assert_eq!(licence_units(BOB, l, PERSONAL), 2);
	});
}

#[test]
fn fills_stop_at_the_limit_per_call_and_the_rest_rests() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		for _ in 0..MAX_FILLS + 2 {
			place(ALICE, l, Side::Sell, 100, 1);
		}
		let buy = place(BOB, l, Side::Buy, 100, MAX_FILLS + 2);
		assert_eq!(licence_units(BOB, l, PERSONAL), MAX_FILLS);
		// The remainder would cross the asks left: it does not rest, its escrow is released.
		assert!(Market::order(buy).is_none());
		assert_eq!(escrow(BOB), 0);
		assert_eq!(free(BOB), INITIAL - 100 * MAX_FILLS as Balance);
		assert_eq!(book_levels(l, Side::Sell), vec![(100, 2, 2)]);
		assert!(market_events().iter().any(|e| matches!(
			e,
			Event::OrderRemoved { order, remaining: 2, reason: RemovalReason::FillLimitReached, .. }
				if *order == buy
		)));
		// A remainder that no longer crosses rests.
		let next = place(CHARLIE, l, Side::Buy, 100, 4);
		assert_eq!(Market::order(next).map(|o| o.remaining), Some(2));
	});
}

#[test]
fn fill_or_kill_fails_without_a_trace() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		place(ALICE, l, Side::Sell, 100, 1);
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 100, 2, None, true, None),
			Error::<Test>::WouldNotFillCompletely
		);
	});
}

#[test]
fn a_self_trade_against_a_resting_order_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		// Bob bids, then buys the copyright and owns the listing: selling into his own bid
		// would trade with himself.
		place(BOB, l, Side::Buy, 100, 1);
		place(ALICE, l, Side::Sell, 200, 1);
		assert_ok!(Market::create_offer(
			RuntimeOrigin::signed(ALICE),
			l,
			Right::Copyright,
			PricingMode::Fixed { price: 1_000 },
			1,
			None
		));
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Market::buy_offer(RuntimeOrigin::signed(BOB), 0, 1, 1_000, None));
		assert_eq!(owner(l), Some(BOB));
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Sell, 100, 1, None, false, None),
			Error::<Test>::SelfTrade
		);
	});
}

#[test]
fn a_copyright_trade_is_charged_for_the_copyright_transfer() {
	ExtBuilder::default().build_and_execute(|| {
		let one = crate::book::Matched { fills: 1, levels: 1, ..Default::default() };
		let transfer = <Content as pallet_allspark_content::ContentTransfer<AccountId>>::transfer_copyright_weight();
		assert!(transfer.all_gt(frame_support::weights::Weight::zero()));
		for side in [Side::Buy, Side::Sell] {
			let licence = Market::place_order_weight(side, PERSONAL, one);
			let copyright = Market::place_order_weight(side, Right::Copyright, one);
			assert!(copyright.all_gte(licence.saturating_add(transfer)));
			// Nothing filled, nothing transferred.
			let none = crate::book::Matched::default();
			assert_eq!(
				Market::place_order_weight(side, Right::Copyright, none),
				Market::place_order_weight(side, PERSONAL, none)
			);
		}
		// A copyright sold into a bid settles at once: that settlement is charged too.
		assert!(Market::place_order_weight(Side::Sell, Right::Copyright, one).all_gte(
			Market::place_order_weight(Side::Sell, PERSONAL, one)
				.saturating_add(transfer)
				.saturating_add(<() as WeightInfo>::settle_queue(1))
		));
	});
}
