//! Cancelling resting orders: escrow released, levels relinked in time order, and who may cancel.

use super::*;

#[test]
fn cancel_releases_the_escrow_and_relinks_the_level() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let a = place(BOB, l, Side::Buy, 100, 1);
		let b = place(CHARLIE, l, Side::Buy, 100, 2);
		let c = place(DAVE, l, Side::Buy, 100, 3);
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(CHARLIE), b));
		assert_eq!(escrow(CHARLIE), 0);
		assert_eq!(free(CHARLIE), INITIAL);
		assert_eq!(book_levels(l, Side::Buy), vec![(100, 4, 2)]);
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(BOB), a));
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(DAVE), c));
		assert!(book_levels(l, Side::Buy).is_empty());
		assert!(Ladders::<Test>::get((l, PERSONAL, Side::Buy)).is_empty());
		assert!(market_events().iter().any(|e| matches!(
			e,
			Event::OrderRemoved { order, reason: RemovalReason::Cancelled, .. } if *order == b
		)));
	});
}

#[test]
fn cancel_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let a = place(BOB, l, Side::Buy, 100, 1);
		assert_noop!(
			Market::cancel_order(RuntimeOrigin::signed(CHARLIE), a),
			Error::<Test>::NotOrderOwner
		);
		assert_noop!(
			Market::cancel_order(RuntimeOrigin::signed(BOB), 99),
			Error::<Test>::OrderNotFound
		);
	});
}

#[test]
fn cancelling_inside_a_level_keeps_the_others_in_time_order() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let ids: Vec<_> = [BOB, CHARLIE, DAVE, BOB]
			.iter()
			.map(|who| place(*who, l, Side::Buy, 100, 2))
			.collect();
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(CHARLIE), ids[1]));
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(BOB), ids[3]));
		assert_eq!(
			Levels::<Test>::get((l, PERSONAL, Side::Buy, 100)).map(|v| v
				.orders
				.iter()
				.map(|o| o.id)
				.collect::<Vec<_>>()),
			Some(vec![ids[0], ids[2]])
		);
		assert_eq!(book_levels(l, Side::Buy), vec![(100, 4, 2)]);
		// Fills go oldest first among those left: Bob's, then Dave's.
		System::reset_events();
		place(ALICE, l, Side::Sell, 100, 3);
		let filled: Vec<_> = market_events()
			.into_iter()
			.filter_map(|e| match e {
				Event::OrderFilled { order, quantity, .. } => Some((order, quantity)),
				_ => None,
			})
			.collect();
		assert_eq!(filled, vec![(ids[0], 2), (ids[2], 1)]);
		assert_eq!(
			Levels::<Test>::get((l, PERSONAL, Side::Buy, 100)).map(|v| v
				.orders
				.iter()
				.map(|o| o.id)
				.collect::<Vec<_>>()),
			Some(vec![ids[2]])
		);
	});
}
