//! Expiry of resting orders: the bounded `on_initialize` cleanup, and expired orders met (and
//! charged for) while matching.

use super::*;
use allspark_primitives::ContentTransfer;
use frame_support::{
	traits::{Get, Hooks},
	weights::Weight,
};

#[test]
fn expired_orders_are_removed_by_on_initialize_and_their_escrow_released() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let id = NextOrderId::<Test>::get();
		assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100, 2, Some(10), false, None));
		run_to_block(9);
		assert!(Market::order(id).is_some());
		run_to_block(10);
		assert!(Market::order(id).is_none());
		assert_eq!(escrow(BOB), 0);
		assert_eq!(free(BOB), INITIAL);
		assert!(market_events().iter().any(|e| matches!(
			e,
			Event::OrderRemoved { reason: RemovalReason::Expired, remaining: 2, .. }
		)));
	});
}

#[test]
fn on_initialize_cleans_up_at_a_bounded_pace() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		// Any number of entries may expire at one block: one key each.
		for _ in 0..12 {
			assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100, 1, Some(10), false, None));
		}
		assert_eq!(ExpiryQueue::<Test>::iter_prefix(10).count(), 12);
		// At most MAX_CLEANUP (6) steps a block: the block's lookup and five entries.
		System::set_block_number(10);
		Market::on_initialize(10);
		assert_eq!(OrderIndex::<Test>::iter().count(), 7);
		assert_eq!(ExpiryCursor::<Test>::get(), 10);
		System::set_block_number(11);
		Market::on_initialize(11);
		assert_eq!(OrderIndex::<Test>::iter().count(), 2);
		System::set_block_number(12);
		Market::on_initialize(12);
		assert_eq!(OrderIndex::<Test>::iter().count(), 0);
		assert_eq!(ExpiryQueue::<Test>::iter().count(), 0);
		assert_eq!(ExpiryCursor::<Test>::get(), 13);
		assert_eq!(escrow(BOB), 0);
	});
}

#[test]
fn on_idle_drains_a_backlog_in_the_spare_weight() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		// A backlog: 36 entries at block 10, and an honest order expiring just after.
		for i in 0..36 {
			assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100 + i % 3, 1, Some(10), false, None));
		}
		let honest = NextOrderId::<Test>::get();
		assert_ok!(order(CHARLIE, l, PERSONAL, Side::Buy, 103, 1, Some(11), false, None));
		System::set_block_number(10);
		Market::on_initialize(10);
		assert_eq!(OrderIndex::<Test>::iter().count(), 32);
		// No spare weight: nothing more is done, nothing is charged.
		assert_eq!(Market::on_idle(10, Weight::zero()), Weight::zero());
		// Spare weight for exactly ten steps: the block's lookup and nine entries.
		let base = <() as WeightInfo>::on_initialize_cleanup(0);
		let step = Market::expiry_entry_weight()
			+ <Content as ContentTransfer<_>>::transfer_copyright_weight();
		let ten = base + step * 10;
		assert_eq!(Market::expiry_steps_within(ten), 10);
		assert_eq!(Market::on_idle(10, ten), Market::expiry_weight(10));
		assert_eq!(OrderIndex::<Test>::iter().count(), 23);
		// A whole block's spare weight empties the backlog, and the honest order expires on time.
		Market::on_idle(10, Weight::MAX);
		assert_eq!(OrderIndex::<Test>::iter().count(), 1);
		assert_eq!(ExpiryCursor::<Test>::get(), 11);
		System::set_block_number(11);
		Market::on_initialize(11);
		assert!(Market::order(honest).is_none());
		assert_eq!(escrow(BOB) + escrow(CHARLIE), 0);
		// Nothing left: on_idle only reads the cursor.
		let db: frame_support::weights::RuntimeDbWeight =
			<Test as frame_system::Config>::DbWeight::get();
		let read = db.reads(1);
		assert_eq!(Market::on_idle(11, Weight::MAX), read);
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
		assert!(Market::order(charlie).is_none());
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
		assert_eq!(Market::order(charlie).map(|o| o.remaining), Some(1));
		// The removed bids' escrow is released by the settlement queue.
		assert_eq!(escrow(BOB), 400);
		assert_ok!(Market::settle_queue(RuntimeOrigin::signed(EVE), 10));
		assert_eq!(escrow(BOB), 100);
		// Charged for each removal as a visit of the level, and for its queue entry.
		let matched =
			crate::book::Matched { fills: 0, levels: 1, removed: MAX_REMOVALS, evicted: 0 };
		assert_eq!(
			info.actual_weight,
			Some(Market::place_order_weight(Side::Sell, PERSONAL, matched))
		);
		assert!(info
			.actual_weight
			.unwrap()
			.all_gte(<() as WeightInfo>::place_sell_order(1, MAX_REMOVALS - 1)));
		// The next ask removes the last one and fills Charlie's bid.
		System::reset_events();
		place(ALICE, l, Side::Sell, 100, 1);
		assert_eq!(removed(market_events()), 1);
		// (`place` settles what it filled.)
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 1);
		assert!(Market::order(charlie).is_none());
		assert_eq!(escrow(BOB), 0);
	});
}

#[test]
fn an_expiry_entry_weighs_its_costliest_kind() {
	let db: frame_support::weights::RuntimeDbWeight =
		<Test as frame_system::Config>::DbWeight::get();
	let write = db.writes(1);
	let entry = Market::expiry_entry_weight();
	for kind in [
		<() as WeightInfo>::expire_order(),
		<() as WeightInfo>::expire_offer(),
		<() as WeightInfo>::expire_request(),
	] {
		assert!((kind + write).all_lte(entry), "each kind and its queue entry's removal");
	}
	let auction =
		<() as WeightInfo>::on_initialize_cleanup(1) - <() as WeightInfo>::on_initialize_cleanup(0);
	assert!(auction.all_lte(entry), "an auction settled");
	assert_eq!(Market::expiry_weight(3), <() as WeightInfo>::on_initialize_cleanup(0) + entry * 3);
}
