//! Expiry of resting orders: the bounded `on_initialize` cleanup, and expired orders met (and
//! charged for) while matching.

use super::*;

#[test]
fn expired_orders_are_removed_by_on_initialize_and_their_escrow_released() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let id = NextOrderId::<Test>::get();
		assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100, 2, Some(10), false, None));
		run_to_block(9);
		assert!(Orders::<Test>::get(id).is_some());
		run_to_block(10);
		assert!(Orders::<Test>::get(id).is_none());
		assert_eq!(escrow(BOB), 0);
		assert_eq!(free(BOB), INITIAL);
		assert!(market_events().iter().any(|e| matches!(
			e,
			Event::OrderRemoved { reason: RemovalReason::Expired, remaining: 2, .. }
		)));
	});
}

#[test]
fn cleanup_is_bounded_per_block_and_catches_up() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		// Any number of entries may expire at one block: one key each.
		for _ in 0..12 {
			assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100, 1, Some(10), false, None));
		}
		assert_eq!(ExpiryQueue::<Test>::iter_prefix(10).count(), 12);
		// At most MAX_CLEANUP (6) steps a block: the block's lookup and five entries.
		run_to_block(10);
		assert_eq!(Orders::<Test>::iter().count(), 7);
		assert_eq!(ExpiryCursor::<Test>::get(), 10);
		run_to_block(11);
		assert_eq!(Orders::<Test>::iter().count(), 2);
		run_to_block(12);
		assert_eq!(Orders::<Test>::iter().count(), 0);
		assert_eq!(ExpiryQueue::<Test>::iter().count(), 0);
		assert_eq!(ExpiryCursor::<Test>::get(), 13);
		assert_eq!(escrow(BOB), 0);
	});
}

#[test]
fn a_matching_order_removes_expired_resting_orders() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100, 1, Some(5), false, None));
		let charlie = place(CHARLIE, l, Side::Buy, 90, 1);
		// Block 5 without running the hooks: the order is expired but still stored.
		frame_system::Pallet::<Test>::set_block_number(5);
		place(ALICE, l, Side::Sell, 90, 1);
		assert_eq!(licence_units(BOB, l, PERSONAL), 0);
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 1);
		assert_eq!(escrow(BOB), 0);
		assert!(Orders::<Test>::get(charlie).is_none());
	});
}

#[test]
fn matching_removes_at_most_the_limit_of_expired_orders_and_is_charged_for_them() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		for _ in 0..MAX_REMOVALS + 1 {
			assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100, 1, Some(5), false, None));
		}
		let charlie = place(CHARLIE, l, Side::Buy, 100, 1);
		frame_system::Pallet::<Test>::set_block_number(5);
		System::reset_events();
		let ask = NextOrderId::<Test>::get();
		let info = Market::place_order(
			RuntimeOrigin::signed(ALICE),
			l,
			PERSONAL,
			Side::Sell,
			100,
			1,
			None,
			false,
			None,
		)
		.expect("placed");
		let removed = |events: Vec<Event<Test>>| {
			events
				.iter()
				.filter(|e| matches!(e, Event::OrderRemoved { reason: RemovalReason::Expired, .. }))
				.count() as u32
		};
		// Three expired bids go; matching stops at the fourth, so the ask fills nothing and,
		// still crossing, does not rest.
		assert_eq!(removed(market_events()), MAX_REMOVALS);
		assert!(market_events().iter().any(|e| matches!(
			e,
			Event::OrderRemoved { order, reason: RemovalReason::FillLimitReached, .. } if *order == ask
		)));
		assert_eq!(Orders::<Test>::get(charlie).map(|o| o.remaining), Some(1));
		assert_eq!(escrow(BOB), 100);
		// Charged for each removal: a cancel's weight and more.
		let matched =
			crate::book::Matched { fills: 0, levels: 1, removed: MAX_REMOVALS, evicted: 0 };
		assert_eq!(
			info.actual_weight,
			Some(Market::place_order_weight(Side::Sell, PERSONAL, matched))
		);
		assert!(info
			.actual_weight
			.unwrap()
			.all_gte(<() as WeightInfo>::cancel_order().saturating_mul(MAX_REMOVALS.into())));
		// The next ask removes the last one and fills Charlie's bid.
		System::reset_events();
		place(ALICE, l, Side::Sell, 100, 1);
		assert_eq!(removed(market_events()), 1);
		// (`place` settles what it filled.)
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 1);
		assert!(Orders::<Test>::get(charlie).is_none());
		assert_eq!(escrow(BOB), 0);
	});
}
