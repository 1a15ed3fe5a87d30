//! Paying out trades: co-creators' shares, distributors' commissions, subscriptions and licence
//! expiry, copyright sales and a service charge above the trade's value.

use super::*;

#[test]
fn co_creators_and_the_distributor_are_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let l = register_with(
			ALICE,
			2,
			vec![(ALICE, Permill::from_percent(70)), (EVE, Permill::from_percent(30))],
		);
		// Dave becomes a distributor.
		place(ALICE, l, Side::Sell, 100, 1);
		let d = NextOrderId::<Test>::get();
		assert_ok!(order(DAVE, l, Right::Distribution, Side::Buy, 100, 1, None, false, None));
		assert_ok!(order(ALICE, l, Right::Distribution, Side::Sell, 100, 1, None, false, None));
		assert!(Market::order(d).is_none());
		assert!(Pallet::<Test>::is_distributor(&DAVE, l, 1));
		let (alice, eve, dave) = (free(ALICE), free(EVE), free(DAVE));
		assert_ok!(order(BOB, l, PERSONAL, Side::Buy, 100, 1, None, false, Some(DAVE)));
		let value = 100;
		let commission = 10;
		let net = value - charge(value) - commission;
		let eve_share = net * 30 / 100;
		assert_eq!(free(DAVE), dave + commission);
		assert_eq!(free(EVE), eve + eve_share);
		assert_eq!(free(ALICE), alice + net - eve_share);
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::TradeSettled { value: 100, commission: 10, .. })));
	});
}

#[test]
fn subscriptions_extend_from_the_current_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		for _ in 0..2 {
			assert_ok!(order(ALICE, l, Right::Subscription, Side::Sell, 100, 2, None, false, None));
			assert_ok!(order(BOB, l, Right::Subscription, Side::Buy, 100, 2, None, false, None));
		}
		let sub = Licences::<Test>::get(BOB, (l, Right::Subscription)).unwrap();
		assert_eq!(sub.units, 4);
		assert_eq!(sub.expires_at, Some(1 + 4 * SUBSCRIPTION_PERIOD));
	});
}

#[test]
fn licences_expire() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		place(ALICE, l, Side::Sell, 100, 1);
		place(BOB, l, Side::Buy, 100, 1);
		assert!(Market::licence(BOB, l, PERSONAL).unwrap().valid);
		run_to_block(1 + LICENCE_BLOCKS);
		assert!(!Market::licence(BOB, l, PERSONAL).unwrap().valid);
		assert_eq!(Market::licences_of(BOB).len(), 1);
	});
}

#[test]
fn a_copyright_sale_moves_the_listing_and_stale_sells_go() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let stale = place(ALICE, l, Side::Sell, 100, 5);
		assert_ok!(order(ALICE, l, Right::Copyright, Side::Sell, 5_000, 1, None, false, None));
		assert!(<Market as ContentObligations>::has_open_obligations(l));
		assert_ok!(order(BOB, l, Right::Copyright, Side::Buy, 5_000, 1, None, false, None));
		assert_eq!(owner(l), Some(BOB));
		// Alice's licence offer is stale now: anyone may remove it, and matching skips it.
		place(CHARLIE, l, Side::Buy, 100, 1);
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 0);
		assert!(Market::order(stale).is_none());
		assert!(!<Market as ContentObligations>::has_open_obligations(l));
	});
}

/// Attack 10 of the review: a previous owner's stale sell orders and offers kept the new owner
/// from delisting or transferring for up to their expiry (the obligations counted anyone's
/// entries). Only the current owner's open sales bind it now.
#[test]
fn only_the_current_owner_s_open_sales_bind_the_listing() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let stale = place(ALICE, l, Side::Sell, 100, 5);
		offer(PricingMode::Fixed { price: 100 }, 3);
		assert_eq!(OpenSales::<Test>::get(l, ALICE), 2);
		assert_ok!(order(ALICE, l, Right::Copyright, Side::Sell, 5_000, 1, None, false, None));
		assert_ok!(order(BOB, l, Right::Copyright, Side::Buy, 5_000, 1, None, false, None));
		assert_eq!(owner(l), Some(BOB));
		// Alice's order and offer are still there, stale, and bind Bob to nothing.
		assert!(Market::order(stale).is_some());
		assert_eq!(OpenSales::<Test>::get(l, ALICE), 2);
		assert!(!<Market as ContentObligations>::has_open_obligations(l));
		// Bob's own sale binds him, until it is gone.
		let own = place(BOB, l, Side::Sell, 200, 1);
		assert!(<Market as ContentObligations>::has_open_obligations(l));
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(BOB), own));
		assert_ok!(Content::delist(RuntimeOrigin::signed(BOB), l));
	});
}

#[test]
fn a_charge_above_the_value_fails_the_trade() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		place(ALICE, l, Side::Sell, 10, 1);
		pallet_allspark_token::Rates::<Test>::mutate(|r| {
			r.as_mut().unwrap().min_charge = 50;
		});
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 49, 1, None, false, None),
			Error::<Test>::PriceBelowMinimumCharge
		);
		// The resting order's price no longer covers the charge: the trade fails whole.
		assert_noop!(
			order(BOB, l, PERSONAL, Side::Buy, 60, 1, None, false, None),
			Error::<Test>::ChargeExceedsValue
		);
	});
}
