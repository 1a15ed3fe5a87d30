//! Fills of resting orders settled later: recorded in the call, paid out and granted by `on_idle`
//! or `settle_queue`, bounded per block, refunded when the listing is gone.

use super::*;
use frame_support::{traits::Hooks, weights::Weight};

fn make_distributor(who: AccountId, l: ListingId) {
	Licences::<Test>::insert(
		who,
		(l, Right::Distribution),
		Licence { units: 1, granted_at: 1, expires_at: None },
	);
}

#[test]
fn a_sell_into_bids_records_the_fills_and_the_block_end_settles_them() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		make_distributor(DAVE, l);
		let bob = NextOrderId::<Test>::get();
		assert_ok!(raw_order(BOB, l, PERSONAL, Side::Buy, 100, 2, None, false, Some(DAVE)));
		let charlie = place(CHARLIE, l, Side::Buy, 90, 3);
		let (alice, dave) = (free(ALICE), free(DAVE));
		assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 90, 4, None, false, None));

		// Filled, not yet paid: the buyers' funds stay held, nothing is granted.
		assert_eq!(free(ALICE), alice);
		assert_eq!((escrow(BOB), escrow(CHARLIE)), (200, 270));
		assert_eq!(licence_units(BOB, l, PERSONAL) + licence_units(CHARLIE, l, PERSONAL), 0);
		let b = Market::order(bob).unwrap();
		assert_eq!((b.remaining, b.filled), (0, 2));
		let c = Market::order(charlie).unwrap();
		assert_eq!((c.remaining, c.filled), (1, 2));
		// One queue entry per fill, written once by the call.
		assert_eq!(SettlementQueue::<Test>::get(0).len(), 2);
		assert_eq!(PendingFills::<Test>::get(l), 2);
		assert_eq!(book_levels(l, Side::Buy), vec![(90, 1, 1)]);
		let view = Market::orders_of(BOB, None, 10);
		assert_eq!((view[0].remaining, view[0].filled), (0, 2));
		// The owner cannot give the copyright away or sell it while it owes settlements.
		assert_noop!(
			Content::transfer_copyright(RuntimeOrigin::signed(ALICE), l, EVE),
			pallet_allspark_content::Error::<Test>::HasOpenObligations
		);
		assert_ok!(raw_order(ALICE, l, Right::Copyright, Side::Sell, 5_000, 1, None, false, None));
		assert_noop!(
			raw_order(CHARLIE, l, Right::Copyright, Side::Buy, 5_000, 1, None, false, None),
			Error::<Test>::FillsAwaitingSettlement
		);

		Market::on_idle(1, Weight::MAX);
		// Dave referred Bob: 10 % of Bob's 200.
		let commission = 20;
		assert_eq!(free(ALICE), alice + 200 - charge(200) - commission + 180 - charge(180));
		assert_eq!(free(DAVE), dave + commission);
		assert_eq!((escrow(BOB), escrow(CHARLIE)), (0, 90));
		assert_eq!(licence_units(BOB, l, PERSONAL), 2);
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 2);
		assert!(Market::order(bob).is_none());
		assert!(!AccountOrders::<Test>::contains_key(BOB, bob));
		let c = Market::order(charlie).unwrap();
		assert_eq!((c.remaining, c.filled), (1, 0));
		assert_eq!(PendingFills::<Test>::get(l), 0);
		let settled: Vec<_> = market_events()
			.into_iter()
			.filter(|e| matches!(e, Event::OrderSettled { .. }))
			.collect();
		assert_eq!(
			settled,
			vec![
				Event::OrderSettled {
					order: bob,
					owner: BOB,
					quantity: 2,
					value: 200,
					closed: true
				},
				Event::OrderSettled {
					order: charlie,
					owner: CHARLIE,
					quantity: 2,
					value: 180,
					closed: false
				},
			]
		);
		// Settled: the copyright may be sold now.
		assert_ok!(raw_order(CHARLIE, l, Right::Copyright, Side::Buy, 5_000, 1, None, false, None));
		assert_eq!(owner(l), Some(CHARLIE));
	});
}

#[test]
fn a_buy_into_asks_pays_at_once_and_the_emptied_asks_leave_at_the_block_end() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let a1 = place(ALICE, l, Side::Sell, 100, 1);
		let a2 = place(ALICE, l, Side::Sell, 100, 2);
		let alice = free(ALICE);
		assert_ok!(raw_order(BOB, l, PERSONAL, Side::Buy, 100, 2, None, false, None));
		assert_eq!(free(ALICE), alice + 200 - charge(200));
		assert_eq!(licence_units(BOB, l, PERSONAL), 2);
		assert_eq!(escrow(BOB), 0);
		// The emptied ask left the book at once and waits only to be deleted.
		assert_eq!(Market::order(a1).map(|o| (o.remaining, o.filled)), Some((0, 0)));
		assert_eq!(book_levels(l, Side::Sell), vec![(100, 1, 1)]);
		assert_eq!(PendingFills::<Test>::get(l), 0);
		Market::on_idle(1, Weight::MAX);
		assert!(Market::order(a1).is_none());
		assert_eq!(Market::order(a2).map(|o| o.remaining), Some(1));
	});
}

#[test]
fn settlement_is_bounded_per_block_and_by_the_spare_weight() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let ids: Vec<_> = (0..5).map(|_| place(BOB, l, Side::Buy, 100, 1)).collect();
		assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 100, 5, None, false, None));
		let queued = |page| -> Vec<OrderId> {
			SettlementQueue::<Test>::get(page).iter().map(|e| e.order()).collect()
		};
		assert_eq!(queued(0), ids);
		// No room for one settlement: nothing is done, nothing is charged.
		assert_eq!(Market::on_idle(1, Weight::zero()), Weight::zero());
		// Room for exactly one.
		let one = <() as WeightInfo>::settle_queue(1);
		assert_eq!(Market::on_idle(1, one), one);
		assert_eq!(licence_units(BOB, l, PERSONAL), 1);
		// At most MAX_SETTLEMENTS (3) a block.
		Market::on_idle(1, Weight::MAX);
		assert_eq!(licence_units(BOB, l, PERSONAL), 4);
		assert_eq!(queued(0), vec![ids[4]]);
		Market::on_idle(1, Weight::MAX);
		assert_eq!(licence_units(BOB, l, PERSONAL), 5);
		assert_eq!(SettlementQueue::<Test>::iter().count(), 0);
		let (head, tail) = SettlementPages::<Test>::get();
		assert_eq!(head, tail);
	});
}

#[test]
fn anyone_may_settle_the_queue_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		assert_noop!(
			Market::settle_queue(RuntimeOrigin::signed(EVE), 5),
			Error::<Test>::NothingToSettle
		);
		let bob = place(BOB, l, Side::Buy, 100, 3);
		let charlie = place(CHARLIE, l, Side::Buy, 100, 1);
		assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 100, 4, None, false, None));
		assert_eq!(Market::order(bob).map(|o| (o.remaining, o.filled)), Some((0, 3)));
		// The oldest entry only: Bob's fill.
		let done = Market::settle_queue(RuntimeOrigin::signed(EVE), 1).expect("settled");
		assert_eq!(done.actual_weight, Some(<() as WeightInfo>::settle_queue(1)));
		assert_eq!(licence_units(BOB, l, PERSONAL), 3);
		assert_eq!(escrow(BOB), 0);
		assert!(Market::order(bob).is_none());
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 0);
		assert_eq!(PendingFills::<Test>::get(l), 1);
		// Asking for more than is queued does what there is, charged for that.
		let done = Market::settle_queue(RuntimeOrigin::signed(EVE), 5).expect("settled");
		assert_eq!(done.actual_weight, Some(<() as WeightInfo>::settle_queue(1)));
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 1);
		assert!(Market::order(charlie).is_none());
		assert_eq!(PendingFills::<Test>::get(l), 0);
		assert_noop!(
			Market::settle_queue(RuntimeOrigin::signed(EVE), 5),
			Error::<Test>::NothingToSettle
		);
		assert_noop!(
			Market::settle_queue(RuntimeOrigin::signed(EVE), 0),
			Error::<Test>::NothingToSettle
		);
	});
}

#[test]
fn a_cancelled_order_keeps_its_fills_held_until_they_settle() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let bob = place(BOB, l, Side::Buy, 100, 5);
		assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 100, 2, None, false, None));
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(BOB), bob));
		// The three open units' escrow is released; the two filled stay held, queued.
		assert_eq!(escrow(BOB), 200);
		assert!(Market::order(bob).is_none());
		assert_eq!(Market::unsettled_fills().get(&bob), Some(&2));
		assert!(book_levels(l, Side::Buy).is_empty());
		assert!(market_events().contains(&Event::OrderRemoved {
			order: bob,
			owner: BOB,
			remaining: 3,
			reason: RemovalReason::Cancelled
		}));
		assert_noop!(
			Market::cancel_order(RuntimeOrigin::signed(BOB), bob),
			Error::<Test>::OrderNotFound
		);
		settle_all();
		assert_eq!(escrow(BOB), 0);
		assert_eq!(licence_units(BOB, l, PERSONAL), 2);
		assert!(Market::order(bob).is_none());
	});
}

#[test]
fn fills_on_a_listing_removed_before_settlement_are_refunded() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let bob = place(BOB, l, Side::Buy, 100, 2);
		let alice = free(ALICE);
		assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 100, 2, None, false, None));
		assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), l));
		settle_all();
		assert!(market_events().contains(&Event::FillsRefunded {
			order: bob,
			owner: BOB,
			quantity: 2,
			value: 200
		}));
		assert_eq!((escrow(BOB), free(BOB)), (0, INITIAL));
		assert_eq!(licence_units(BOB, l, PERSONAL), 0);
		assert_eq!(free(ALICE), alice);
		assert!(Market::order(bob).is_none());
		assert_eq!(PendingFills::<Test>::get(l), 0);
	});
}

#[test]
fn a_copyright_sold_into_a_bid_changes_hands_in_the_call() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let bob = NextOrderId::<Test>::get();
		assert_ok!(raw_order(BOB, l, Right::Copyright, Side::Buy, 5_000, 1, None, false, None));
		assert_ok!(raw_order(ALICE, l, Right::Copyright, Side::Sell, 5_000, 1, None, false, None));
		assert_eq!(owner(l), Some(BOB));
		assert!(Market::order(bob).is_none());
		assert_eq!(escrow(BOB), 0);
		assert_eq!(SettlementQueue::<Test>::iter().count(), 0);
	});
}

#[test]
fn an_evicted_level_is_released_by_the_queue_and_charged_to_the_evicting_order() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		// Dave's two orders at the worst price of a full bid side.
		let worst = [place(DAVE, l, Side::Buy, 10, 1), place(DAVE, l, Side::Buy, 10, 2)];
		for i in 1..MAX_LEVELS as u64 {
			place(DAVE, l, Side::Buy, 10 + i, 1);
		}
		let held = escrow(DAVE);
		System::reset_events();
		let info = raw_order(BOB, l, PERSONAL, Side::Buy, 50, 1, None, false, None)
			.expect("a better price takes the worst level's place");

		// Off the book at once, said at once; the escrow is still held, queued for release.
		let evicted: Vec<_> = market_events()
			.into_iter()
			.filter_map(|e| match e {
				Event::OrderRemoved {
					order, reason: RemovalReason::Evicted, remaining, ..
				} => Some((order, remaining)),
				_ => None,
			})
			.collect();
		assert_eq!(evicted, vec![(worst[0], 1), (worst[1], 2)]);
		assert!(!book_levels(l, Side::Buy).iter().any(|(p, ..)| *p == 10));
		assert_eq!(escrow(DAVE), held);
		assert_eq!(Market::order(worst[1]).map(|o| o.remaining), Some(0));
		assert_eq!(
			info.actual_weight,
			Some(Market::place_order_weight(
				Side::Buy,
				PERSONAL,
				crate::book::Matched { evicted: 2, ..Default::default() }
			))
		);
		assert!(
			info.actual_weight.unwrap().ref_time()
				> <() as WeightInfo>::place_resting_order().ref_time()
		);

		// The queue releases it and forgets the orders.
		System::reset_events();
		assert_ok!(Market::settle_queue(RuntimeOrigin::signed(EVE), 5));
		assert_eq!(escrow(DAVE), held - 30);
		assert!(market_events().contains(&Event::EscrowReleased { who: DAVE, amount: 20 }));
		assert!(market_events().contains(&Event::EscrowReleased { who: DAVE, amount: 10 }));
		assert!(worst.iter().all(|id| Market::order(*id).is_none()));
	});
}
