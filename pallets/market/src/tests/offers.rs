//! Fixed-price and Dutch offers: buying until sold out, the falling Dutch price, offer errors and
//! offers keeping a listing from being delisted.

use super::*;

#[test]
fn fixed_price_offers_sell_until_sold_out() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let o = offer(PricingMode::Fixed { price: 100 }, 3);
		assert_ok!(Market::buy_offer(RuntimeOrigin::signed(BOB), o, 2, 100, None));
		assert_eq!(Offers::<Test>::get(o).unwrap().remaining, 1);
		assert_noop!(
			Market::buy_offer(RuntimeOrigin::signed(CHARLIE), o, 2, 100, None),
			Error::<Test>::NotEnoughUnits
		);
		assert_noop!(
			Market::buy_offer(RuntimeOrigin::signed(ALICE), o, 1, 100, None),
			Error::<Test>::SelfTrade
		);
		assert_ok!(Market::buy_offer(RuntimeOrigin::signed(CHARLIE), o, 1, 100, None));
		assert!(Offers::<Test>::get(o).is_none());
		assert_eq!(licence_units(BOB, 0, PERSONAL), 2);
		assert_eq!(free(BOB), INITIAL - 200);
		assert_noop!(
			Market::buy_offer(RuntimeOrigin::signed(CHARLIE), o, 1, 100, None),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn dutch_prices_fall_linearly_to_the_floor() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let o = offer(PricingMode::Dutch { start_price: 1_000, floor_price: 200, end: 11 }, 5);
		assert_eq!(Market::offer(o).unwrap().price_now, 1_000);
		run_to_block(6);
		assert_eq!(Market::offer(o).unwrap().price_now, 600);
		assert_noop!(
			Market::buy_offer(RuntimeOrigin::signed(BOB), o, 1, 599, None),
			Error::<Test>::PriceAboveLimit
		);
		assert_ok!(Market::buy_offer(RuntimeOrigin::signed(BOB), o, 1, 600, None));
		assert_eq!(free(BOB), INITIAL - 600);
		run_to_block(11);
		// The offer expires at its end by default.
		assert!(Offers::<Test>::get(o).is_none());
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::OfferExpired { remaining: 4, .. })));
	});
}

#[test]
fn offer_errors() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let create = |who, mode| {
			Market::create_offer(RuntimeOrigin::signed(who), 0, PERSONAL, mode, 1, None)
		};
		assert_noop!(
			create(BOB, PricingMode::Fixed { price: 100 }),
			Error::<Test>::NotListingOwner
		);
		assert_noop!(create(ALICE, PricingMode::Fixed { price: 0 }), Error::<Test>::ZeroPrice);
		assert_noop!(
			create(ALICE, PricingMode::English { reserve: 100, min_increment: 0, end: 9 }),
			Error::<Test>::InvalidAuction
		);
		assert_noop!(
			create(ALICE, PricingMode::English { reserve: 100, min_increment: 1, end: 1 }),
			Error::<Test>::InvalidAuction
		);
		assert_noop!(
			create(ALICE, PricingMode::Dutch { start_price: 100, floor_price: 100, end: 9 }),
			Error::<Test>::InvalidAuction
		);
		let o = offer(PricingMode::Fixed { price: 100 }, 1);
		assert_noop!(
			Market::bid(RuntimeOrigin::signed(BOB), o, 100, None),
			Error::<Test>::NotAnAuction
		);
		assert_noop!(
			Market::cancel_offer(RuntimeOrigin::signed(BOB), o),
			Error::<Test>::NotOfferSeller
		);
		assert_ok!(Market::cancel_offer(RuntimeOrigin::signed(ALICE), o));
		assert_noop!(
			Market::cancel_offer(RuntimeOrigin::signed(ALICE), o),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn open_offers_keep_the_listing_from_being_delisted() {
	ExtBuilder::default().build_and_execute(|| {
		listing();
		let o = offer(PricingMode::Fixed { price: 100 }, 1);
		assert!(Content::delist(RuntimeOrigin::signed(ALICE), 0).is_err());
		assert_ok!(Market::cancel_offer(RuntimeOrigin::signed(ALICE), o));
		assert_ok!(Content::delist(RuntimeOrigin::signed(ALICE), 0));
	});
}
