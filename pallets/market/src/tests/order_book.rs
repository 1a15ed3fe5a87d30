//! Placing limit orders that rest: escrow held, the book's levels, the limits of a book and the
//! errors that refuse an order.

use super::*;

#[test]
fn a_non_crossing_buy_rests_and_holds_its_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let id = place(BOB, l, Side::Buy, 100, 3);
		assert_eq!(escrow(BOB), 300);
		assert_eq!(free(BOB), INITIAL - 300);
		assert_eq!(book_levels(l, Side::Buy), vec![(100, 3, 1)]);
		assert!(AccountOrders::<Test>::contains_key(BOB, id));
		assert_eq!(Market::orders_of(BOB, None, 10).len(), 1);
	});
}

#[test]
fn a_sell_rests_and_holds_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let before = free(ALICE);
		place(ALICE, l, Side::Sell, 100, 3);
		assert_eq!(free(ALICE), before);
		assert_eq!(book_levels(l, Side::Sell), vec![(100, 3, 1)]);
	});
}

#[test]
fn placement_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let personal =
			|who, side, price, qty| order(who, l, PERSONAL, side, price, qty, None, false, None);
		assert_noop!(personal(BOB, Side::Sell, 100, 1), Error::<Test>::NotListingOwner);
		assert_noop!(personal(ALICE, Side::Buy, 100, 1), Error::<Test>::SelfTrade);
		assert_noop!(personal(BOB, Side::Buy, 0, 1), Error::<Test>::ZeroPrice);
		assert_noop!(personal(BOB, Side::Buy, 100, 0), Error::<Test>::ZeroQuantity);
		assert_noop!(personal(BOB, Side::Buy, 4, 1), Error::<Test>::PriceBelowMinimumCharge);
		assert_noop!(personal(POOR, Side::Buy, 100, 1), Error::<Test>::InsufficientFunds);
		assert_noop!(
			order(BOB, 99, PERSONAL, Side::Buy, 100, 1, None, false, None),
			Error::<Test>::ListingNotFound
		);
		assert_noop!(
			order(BOB, l, Right::Copyright, Side::Buy, 100, 2, None, false, None),
			Error::<Test>::InvalidQuantity
		);
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 100, 1, Some(1), false, None),
			Error::<Test>::ExpiryInPast
		);
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 100, 1, Some(2 + LIFETIME), false, None),
			Error::<Test>::ExpiryTooFar
		);
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 100, 1, None, false, Some(DAVE)),
			Error::<Test>::InvalidReferrer
		);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), l));
		assert_noop!(personal(BOB, Side::Buy, 100, 1), Error::<Test>::ListingNotActive);
	});
}

#[test]
fn a_right_the_terms_do_not_offer_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let mut t = terms();
		t.republication = false;
		t.distributor_commission = Permill::zero();
		assert_ok!(Content::update_listing(RuntimeOrigin::signed(ALICE), l, None, Some(t)));
		for right in [Right::Licence(LicenceKind::Republication), Right::Distribution] {
			assert_noop!(
				order(BOB, l, right, Side::Buy, 100, 1, None, false, None),
				Error::<Test>::RightNotOffered
			);
		}
	});
}

#[test]
fn too_many_price_levels_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		for i in 0..MAX_LEVELS as u64 {
			place(BOB, l, Side::Buy, 100 + i, 1);
		}
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 50, 1, None, false, None),
			Error::<Test>::TooManyPriceLevels
		);
		// An existing price still takes orders.
		place(CHARLIE, l, Side::Buy, 100, 1);
	});
}

/// Attack 6 of the review: one account fills a side's ladder with one-unit orders at the worst
/// prices. A better price takes the worst level's place: its orders are evicted (their escrow
/// released), and an order that partly crossed keeps its fills.
#[test]
fn a_better_price_evicts_the_worst_level_of_a_full_side() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		// The squatter's levels, two orders at the worst.
		let worst = place(DAVE, l, Side::Buy, 10, 1);
		let worst_too = place(DAVE, l, Side::Buy, 10, 1);
		for i in 1..MAX_LEVELS as u64 {
			place(DAVE, l, Side::Buy, 10 + i, 1);
		}
		assert_eq!(escrow(DAVE), 20 + (11..10 + MAX_LEVELS as Balance).sum::<Balance>());
		// A partly crossing buy above an ask: its remainder rests at a better price.
		place(ALICE, l, Side::Sell, 60, 1);
		let alice = free(ALICE);
		let bob = place(BOB, l, Side::Buy, 60, 3);
		assert_eq!(licence_units(BOB, l, PERSONAL), 1);
		assert_eq!(free(ALICE), alice + 60 - charge(60));
		assert_eq!(Market::order(bob).map(|o| o.remaining), Some(2));
		assert!(Market::order(worst).is_none() && Market::order(worst_too).is_none());
		assert_eq!(escrow(DAVE), (11..10 + MAX_LEVELS as Balance).sum::<Balance>());
		let evicted = market_events()
			.iter()
			.filter(|e| {
				matches!(e, Event::OrderRemoved { owner: DAVE, reason: RemovalReason::Evicted, .. })
			})
			.count();
		assert_eq!(evicted, 2);
		let prices: Vec<_> = book_levels(l, Side::Buy).into_iter().map(|(p, ..)| p).collect();
		assert_eq!(prices.len(), MAX_LEVELS as usize);
		assert_eq!(prices.first(), Some(&60));
		assert!(!prices.contains(&10));
	});
}

#[test]
fn a_full_price_level_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		for _ in 0..MAX_ORDERS_PER_LEVEL {
			place(BOB, l, Side::Buy, 100, 1);
		}
		assert_noop!(
			order(CHARLIE, l, PERSONAL, Side::Buy, 100, 1, None, false, None),
			Error::<Test>::PriceLevelFull
		);
		// Another price takes it; a fill makes room at the full one.
		place(CHARLIE, l, Side::Buy, 90, 1);
		place(ALICE, l, Side::Sell, 100, 1);
		place(CHARLIE, l, Side::Buy, 100, 1);
		assert_eq!(book_levels(l, Side::Buy), vec![(100, 12, 12), (90, 1, 1)]);
	});
}

#[test]
fn a_bid_is_never_escrowed_out_of_frozen_funds() {
	use frame_support::traits::{LockableCurrency, WithdrawReasons};
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		// Bob's balance is locked but for 1,000 (a vesting schedule, say).
		<Balances as LockableCurrency<_>>::set_lock(
			*b"vesting ",
			&BOB,
			INITIAL - 1_000,
			WithdrawReasons::all(),
		);
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 600, 2, None, false, None),
			Error::<Test>::FundsFrozen
		);
		assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 900, 1, None, false, None));
	});
}

#[test]
fn the_declared_weight_counts_at_most_quantity_fills() {
	use frame_support::dispatch::GetDispatchInfo;
	let declared = |side, quantity| {
		crate::Call::<Test>::place_order {
			listing: 0,
			right: PERSONAL,
			side,
			price: 100,
			quantity,
			expires_at: None,
			fill_or_kill: false,
			referrer: None,
		}
		.get_dispatch_info()
		.call_weight
	};
	for side in [Side::Buy, Side::Sell] {
		// A unit fills one resting order at most; more units may fill more.
		assert!(declared(side, 1).all_lte(declared(side, 2)));
		assert_ne!(declared(side, 1), declared(side, 2));
		// Never more than the fill limit: the quote stops growing there.
		assert_eq!(declared(side, MAX_FILLS), declared(side, MAX_FILLS + 1));
		assert_eq!(declared(side, MAX_FILLS), declared(side, Quantity::MAX));
		assert_eq!(declared(side, 0), declared(side, 1));
	}
}
