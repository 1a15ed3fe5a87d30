//! Unit tests of the market pallet against the mock runtime (real balances, token and content
//! pallets). Every test ends with the pallet's invariants and the conservation of issuance.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok};
use pallet_allspark_content::Category;
use sp_runtime::Permill;

fn charge(value: Balance) -> Balance {
	(value * 2).div_ceil(100).max(5)
}

fn licence_units(who: AccountId, listing: ListingId, right: Right) -> Quantity {
	Licences::<Test>::get(who, (listing, right)).map_or(0, |l| l.units)
}

fn owner(listing: ListingId) -> Option<AccountId> {
	<Content as pallet_allspark_content::ContentInspect<AccountId, u64>>::owner(listing)
}

fn escrow(who: AccountId) -> Balance {
	Market::escrow_of(&who)
}

/// Place a limit order with every parameter, then end the block: the resting orders it
/// filled are settled (see `mod lazy_settlement` for what happens in between).
#[allow(clippy::too_many_arguments)]
fn order(
	who: AccountId,
	listing: ListingId,
	right: Right,
	side: Side,
	price: Balance,
	quantity: Quantity,
	expires_at: Option<u64>,
	fill_or_kill: bool,
	referrer: Option<AccountId>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let result =
		raw_order(who, listing, right, side, price, quantity, expires_at, fill_or_kill, referrer);
	if result.is_ok() {
		settle_all();
	}
	result
}

/// Place a limit order and leave its fills unsettled.
#[allow(clippy::too_many_arguments)]
fn raw_order(
	who: AccountId,
	listing: ListingId,
	right: Right,
	side: Side,
	price: Balance,
	quantity: Quantity,
	expires_at: Option<u64>,
	fill_or_kill: bool,
	referrer: Option<AccountId>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Market::place_order(
		RuntimeOrigin::signed(who),
		listing,
		right,
		side,
		price,
		quantity,
		expires_at,
		fill_or_kill,
		referrer,
	)
}

fn book_levels(listing: ListingId, side: Side) -> Vec<(Balance, u64, u32)> {
	let book = Market::book(listing, PERSONAL, 10);
	let levels = if side == Side::Buy { book.bids } else { book.asks };
	levels.into_iter().map(|l| (l.price, l.quantity, l.orders)).collect()
}

mod limit_orders {
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
			assert_eq!(Orders::<Test>::get(charlie_low).unwrap().remaining, 1);
			assert!(Orders::<Test>::get(dave_low).is_some());
			assert!(Orders::<Test>::get(sell).is_none(), "the sell filled completely");
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
			assert_eq!(Orders::<Test>::get(buy).unwrap().remaining, 2);
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
			assert!(Orders::<Test>::get(buy).is_none());
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
			assert_eq!(Orders::<Test>::get(next).map(|o| o.remaining), Some(2));
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
	fn placement_errors_change_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let personal = |who, side, price, qty| {
				order(who, l, PERSONAL, side, price, qty, None, false, None)
			};
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
				Levels::<Test>::get((l, PERSONAL, Side::Buy, 100)).map(|v| v.orders.into_inner()),
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
				Levels::<Test>::get((l, PERSONAL, Side::Buy, 100)).map(|v| v.orders.into_inner()),
				Some(vec![ids[2]])
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
					.filter(|e| {
						matches!(e, Event::OrderRemoved { reason: RemovalReason::Expired, .. })
					})
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
			let matched = crate::book::Matched { fills: 0, levels: 1, removed: MAX_REMOVALS };
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

	#[test]
	fn a_copyright_trade_is_charged_for_the_copyright_transfer() {
		ExtBuilder::default().build_and_execute(|| {
			let one = crate::book::Matched { fills: 1, levels: 1, removed: 0 };
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
					.saturating_add(<() as WeightInfo>::settle_order())
			));
		});
	}
}

mod settlement {
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
			assert!(Orders::<Test>::get(d).is_none());
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
				assert_ok!(order(
					ALICE,
					l,
					Right::Subscription,
					Side::Sell,
					100,
					2,
					None,
					false,
					None
				));
				assert_ok!(order(
					BOB,
					l,
					Right::Subscription,
					Side::Buy,
					100,
					2,
					None,
					false,
					None
				));
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
			assert!(Orders::<Test>::get(stale).is_none());
			assert!(!<Market as ContentObligations>::has_open_obligations(l));
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
}

mod lazy_settlement {
	use super::*;
	use frame_support::{
		traits::{Get, Hooks},
		weights::Weight,
	};

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
			let b = Orders::<Test>::get(bob).unwrap();
			assert_eq!((b.remaining, b.filled, b.filled_value), (0, 2, 200));
			let c = Orders::<Test>::get(charlie).unwrap();
			assert_eq!((c.remaining, c.filled, c.filled_value), (1, 2, 180));
			assert_eq!(PendingFills::<Test>::get(l), 2);
			assert_eq!(book_levels(l, Side::Buy), vec![(90, 1, 1)]);
			let view = Market::orders_of(BOB, None, 10);
			assert_eq!((view[0].remaining, view[0].filled), (0, 2));
			// The owner cannot give the copyright away or sell it while it owes settlements.
			assert_noop!(
				Content::transfer_copyright(RuntimeOrigin::signed(ALICE), l, EVE),
				pallet_allspark_content::Error::<Test>::HasOpenObligations
			);
			assert_ok!(raw_order(
				ALICE,
				l,
				Right::Copyright,
				Side::Sell,
				5_000,
				1,
				None,
				false,
				None
			));
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
			assert!(Orders::<Test>::get(bob).is_none());
			assert!(!AccountOrders::<Test>::contains_key(BOB, bob));
			let c = Orders::<Test>::get(charlie).unwrap();
			assert_eq!((c.remaining, c.filled, c.filled_value), (1, 0, 0));
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
			assert_ok!(raw_order(
				CHARLIE,
				l,
				Right::Copyright,
				Side::Buy,
				5_000,
				1,
				None,
				false,
				None
			));
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
			assert_eq!(Orders::<Test>::get(a1).map(|o| (o.remaining, o.filled)), Some((0, 0)));
			assert_eq!(book_levels(l, Side::Sell), vec![(100, 1, 1)]);
			assert_eq!(PendingFills::<Test>::get(l), 0);
			Market::on_idle(1, Weight::MAX);
			assert!(Orders::<Test>::get(a1).is_none());
			assert_eq!(Orders::<Test>::get(a2).map(|o| o.remaining), Some(1));
		});
	}

	#[test]
	fn settlement_is_bounded_per_block_and_by_the_spare_weight() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let ids: Vec<_> = (0..5).map(|_| place(BOB, l, Side::Buy, 100, 1)).collect();
			assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 100, 5, None, false, None));
			assert_eq!(SettlementQueue::<Test>::get(0).into_inner(), ids);
			// No room for one settlement: nothing is done, nothing is charged.
			assert_eq!(Market::on_idle(1, Weight::zero()), Weight::zero());
			// Room for exactly one.
			let db: frame_support::weights::RuntimeDbWeight =
				<Test as frame_system::Config>::DbWeight::get();
			let one = db.reads(1) + db.reads_writes(1, 2) + <() as WeightInfo>::settle_order();
			assert_eq!(Market::on_idle(1, one), one);
			assert_eq!(licence_units(BOB, l, PERSONAL), 1);
			// At most MAX_SETTLEMENTS (3) a block.
			Market::on_idle(1, Weight::MAX);
			assert_eq!(licence_units(BOB, l, PERSONAL), 4);
			assert_eq!(SettlementQueue::<Test>::get(0).into_inner(), vec![ids[4]]);
			Market::on_idle(1, Weight::MAX);
			assert_eq!(licence_units(BOB, l, PERSONAL), 5);
			assert_eq!(SettlementQueue::<Test>::iter().count(), 0);
			let (head, tail) = SettlementPages::<Test>::get();
			assert_eq!(head, tail);
		});
	}

	#[test]
	fn anyone_may_settle_an_order_at_once() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			assert_noop!(
				Market::settle_order(RuntimeOrigin::signed(EVE), 7),
				Error::<Test>::OrderNotFound
			);
			let bob = place(BOB, l, Side::Buy, 100, 3);
			assert_noop!(
				Market::settle_order(RuntimeOrigin::signed(EVE), bob),
				Error::<Test>::NothingToSettle
			);
			assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 100, 2, None, false, None));
			assert_ok!(Market::settle_order(RuntimeOrigin::signed(EVE), bob));
			assert_eq!(licence_units(BOB, l, PERSONAL), 2);
			assert_eq!(escrow(BOB), 100);
			assert_eq!(PendingFills::<Test>::get(l), 0);
			assert_noop!(
				Market::settle_order(RuntimeOrigin::signed(EVE), bob),
				Error::<Test>::NothingToSettle
			);
			// Its queue entry is skipped at the block end.
			System::reset_events();
			Market::on_idle(1, Weight::MAX);
			assert!(market_events().is_empty());
			assert_eq!(licence_units(BOB, l, PERSONAL), 2);
		});
	}

	#[test]
	fn a_cancelled_order_keeps_its_fills_held_until_they_settle() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let bob = place(BOB, l, Side::Buy, 100, 5);
			assert_ok!(raw_order(ALICE, l, PERSONAL, Side::Sell, 100, 2, None, false, None));
			assert_ok!(Market::cancel_order(RuntimeOrigin::signed(BOB), bob));
			// The three open units' escrow is released; the two filled stay held.
			assert_eq!(escrow(BOB), 200);
			assert_eq!(Orders::<Test>::get(bob).map(|o| (o.remaining, o.filled)), Some((0, 2)));
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
			assert!(Orders::<Test>::get(bob).is_none());
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
			assert!(Orders::<Test>::get(bob).is_none());
			assert_eq!(PendingFills::<Test>::get(l), 0);
		});
	}

	#[test]
	fn a_copyright_sold_into_a_bid_changes_hands_in_the_call() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let bob = NextOrderId::<Test>::get();
			assert_ok!(raw_order(BOB, l, Right::Copyright, Side::Buy, 5_000, 1, None, false, None));
			assert_ok!(raw_order(
				ALICE,
				l,
				Right::Copyright,
				Side::Sell,
				5_000,
				1,
				None,
				false,
				None
			));
			assert_eq!(owner(l), Some(BOB));
			assert!(Orders::<Test>::get(bob).is_none());
			assert_eq!(escrow(BOB), 0);
			assert_eq!(SettlementQueue::<Test>::iter().count(), 0);
		});
	}
}

mod offers {
	use super::*;

	fn offer(mode: PricingMode<Balance, u64>, quantity: Quantity) -> OfferId {
		let id = NextOfferId::<Test>::get();
		assert_ok!(Market::create_offer(
			RuntimeOrigin::signed(ALICE),
			0,
			PERSONAL,
			mode,
			quantity,
			None
		));
		id
	}

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
			assert_ok!(<Content as pallet_allspark_content::ContentTransfer<AccountId>>::transfer_copyright(0, &ALICE, &CHARLIE));
			run_to_block(20);
			assert_eq!(escrow(BOB), 0);
			assert_eq!(free(BOB), INITIAL);
			assert_eq!(licence_units(BOB, 0, PERSONAL), 0);
			assert!(market_events().iter().any(|e| matches!(e, Event::AuctionUnsold { .. })));
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
}

mod requests {
	use super::*;

	const COMMERCIAL: Right = Right::Licence(LicenceKind::Commercial);

	fn post(budget: Balance, deadline: u64) -> RequestId {
		let id = NextRequestId::<Test>::get();
		assert_ok!(Market::post_request(
			RuntimeOrigin::signed(BOB),
			Category::Audio,
			COMMERCIAL,
			budget,
			deadline,
			[7; 32]
		));
		id
	}

	#[test]
	fn a_request_gets_a_proposal_that_is_accepted() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let r = post(500, 50);
			assert_eq!(escrow(BOB), 500);
			assert_eq!(Market::open_requests(Category::Audio, None, 10).len(), 1);
			assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300));
			let alice = free(ALICE);
			assert_ok!(Market::accept_proposal(RuntimeOrigin::signed(BOB), r, 0));
			assert_eq!(escrow(BOB), 0);
			assert_eq!(free(BOB), INITIAL - 300);
			assert_eq!(free(ALICE), alice + 300 - charge(300));
			assert_eq!(licence_units(BOB, l, COMMERCIAL), 1);
			assert!(Requests::<Test>::get(r).is_none());
			assert_eq!(Proposals::<Test>::iter_prefix(r).count(), 0);
			assert!(Market::open_requests(Category::Audio, None, 10).is_empty());
		});
	}

	#[test]
	fn request_errors() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let r = post(500, 50);
			assert_noop!(
				Market::propose(RuntimeOrigin::signed(CHARLIE), r, l, 300),
				Error::<Test>::NotListingOwner
			);
			assert_noop!(
				Market::propose(RuntimeOrigin::signed(ALICE), r, l, 501),
				Error::<Test>::PriceAboveBudget
			);
			assert_noop!(
				Market::propose(RuntimeOrigin::signed(ALICE), 9, l, 300),
				Error::<Test>::RequestNotFound
			);
			for _ in 0..MAX_PROPOSALS {
				assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300));
			}
			assert_noop!(
				Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300),
				Error::<Test>::TooManyProposals
			);
			assert_noop!(
				Market::accept_proposal(RuntimeOrigin::signed(CHARLIE), r, 0),
				Error::<Test>::NotRequester
			);
			assert_noop!(
				Market::accept_proposal(RuntimeOrigin::signed(BOB), r, 9),
				Error::<Test>::ProposalNotFound
			);
			frame_system::Pallet::<Test>::set_block_number(50);
			assert_noop!(
				Market::accept_proposal(RuntimeOrigin::signed(BOB), r, 0),
				Error::<Test>::RequestExpired
			);
			assert_noop!(
				Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300),
				Error::<Test>::RequestExpired
			);
			assert_noop!(
				Market::post_request(
					RuntimeOrigin::signed(POOR),
					Category::Audio,
					COMMERCIAL,
					500,
					60,
					[0; 32]
				),
				Error::<Test>::InsufficientFunds
			);
		});
	}

	#[test]
	fn a_proposal_of_another_category_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let id = NextRequestId::<Test>::get();
			assert_ok!(Market::post_request(
				RuntimeOrigin::signed(BOB),
				Category::Video,
				COMMERCIAL,
				500,
				50,
				[7; 32]
			));
			assert_noop!(
				Market::propose(RuntimeOrigin::signed(ALICE), id, l, 300),
				Error::<Test>::CategoryMismatch
			);
		});
	}

	#[test]
	fn cancelled_and_expired_requests_release_their_budget() {
		ExtBuilder::default().build_and_execute(|| {
			let l = listing();
			let a = post(500, 50);
			let b = post(400, 10);
			assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), b, l, 300));
			assert_noop!(
				Market::cancel_request(RuntimeOrigin::signed(ALICE), a),
				Error::<Test>::NotRequester
			);
			assert_ok!(Market::cancel_request(RuntimeOrigin::signed(BOB), a));
			assert_eq!(escrow(BOB), 400);
			run_to_block(10);
			assert_eq!(escrow(BOB), 0);
			assert_eq!(free(BOB), INITIAL);
			assert_eq!(Proposals::<Test>::iter().count(), 0);
			assert!(market_events()
				.iter()
				.any(|e| matches!(e, Event::RequestClosed { expired: true, .. })));
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		Place { who: AccountId, side: Side, price: Balance, quantity: Quantity, fok: bool },
		Cancel { pick: usize },
		Settle { pick: usize },
		Advance { blocks: u64 },
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			6 => (prop_oneof![Just(BOB), Just(CHARLIE), Just(DAVE), Just(ALICE)], 5u64..15, 1u32..6, any::<bool>(), any::<bool>())
				.prop_map(|(who, p, quantity, sell, fok)| {
					let side = if who == ALICE || sell && who == DAVE { Side::Sell } else { Side::Buy };
					Op::Place { who, side, price: p * 10, quantity, fok: fok && quantity < 3 }
				}),
			2 => (0usize..50).prop_map(|pick| Op::Cancel { pick }),
			1 => (0usize..50).prop_map(|pick| Op::Settle { pick }),
			1 => (1u64..4).prop_map(|blocks| Op::Advance { blocks }),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(150))]

		/// Over random order sequences: the book stays sorted and uncrossed, every hold equals
		/// the open orders' escrow (the invariants), issuance is conserved but for burns, fills
		/// follow price-time priority and never exceed either order's quantity.
		#[test]
		fn random_order_sequences_keep_the_books_sound(ops in proptest::collection::vec(op(), 1..40)) {
			ExtBuilder::default().build().execute_with(|| {
				let issuance = pallet_balances::TotalIssuance::<Test>::get();
				let burned = pallet_allspark_token::BurnedTotal::<Test>::get();
				let l = listing();
				let mut placed: std::collections::BTreeMap<OrderId, Quantity> = Default::default();
				for op in ops {
					match op {
						Op::Place { who, side, price, quantity, fok } => {
							System::reset_events();
							let id = NextOrderId::<Test>::get();
							let result = raw_order(who, l, PERSONAL, side, price, quantity, Some(System::block_number() + 10), fok, None);
							let fills: Vec<(OrderId, Balance, Quantity)> = market_events()
								.into_iter()
								.filter_map(|e| match e {
									Event::OrderFilled { order, price, quantity, .. } => Some((order, price, quantity)),
									_ => None,
								})
								.collect();
							if result.is_err() {
								prop_assert!(fills.is_empty() || fok);
								continue;
							}
							let total: Quantity = fills.iter().map(|f| f.2).sum();
							prop_assert!(total <= quantity, "a taker filled beyond its quantity");
							placed.insert(id, quantity - total);
							if let Some(o) = Orders::<Test>::get(id) {
								prop_assert_eq!(o.remaining, quantity - total);
							}
							for pair in fills.windows(2) {
								let ((a, pa, _), (b, pb, _)) = (pair[0], pair[1]);
								match side {
									// Buying: cheapest asks first; selling: highest bids first.
									Side::Buy => prop_assert!(pa <= pb),
									Side::Sell => prop_assert!(pa >= pb),
								}
								if pa == pb {
									prop_assert!(a < b, "older orders fill first within a price");
								}
							}
							for (order, p, q) in fills {
								match side {
									Side::Buy => prop_assert!(p <= price),
									Side::Sell => prop_assert!(p >= price),
								}
								let left = placed.get_mut(&order).expect("a filled order was placed");
								prop_assert!(q <= *left, "a resting order filled beyond its quantity");
								*left -= q;
								if let Some(o) = Orders::<Test>::get(order) {
									prop_assert_eq!(o.remaining, *left);
								}
							}
						},
						Op::Cancel { pick } => {
							let open: Vec<_> = Orders::<Test>::iter().filter(|(_, o)| o.remaining > 0).collect();
							if let Some((id, o)) = open.get(pick % open.len().max(1)) {
								prop_assert!(Market::cancel_order(RuntimeOrigin::signed(o.owner), *id).is_ok());
								// What stays held: the open buy orders and the unsettled fills.
								prop_assert_eq!(escrow(o.owner), Orders::<Test>::iter()
									.filter(|(_, x)| x.owner == o.owner && x.side == Side::Buy)
									.map(|(_, x)| x.price * x.remaining as Balance + x.filled_value)
									.sum::<Balance>());
							}
						},
						Op::Settle { pick } => {
							let waiting: Vec<_> = Orders::<Test>::iter().filter(|(_, o)| o.awaits_settlement()).collect();
							if let Some((id, o)) = waiting.get(pick % waiting.len().max(1)) {
								let before = licence_units(o.owner, l, PERSONAL);
								prop_assert!(Market::settle_order(RuntimeOrigin::signed(EVE), *id).is_ok());
								prop_assert_eq!(licence_units(o.owner, l, PERSONAL), before + o.filled);
								prop_assert!(Orders::<Test>::get(id).is_none_or(|x| x.filled == 0 && x.remaining > 0));
							}
						},
						Op::Advance { blocks } => run_to_block(System::block_number() + blocks),
					}
					check_invariants(issuance, burned);
				}
				// Everything ends: after the longest expiry and the settlements, no escrow is left.
				run_to_block(System::block_number() + 40);
				prop_assert_eq!(PendingFills::<Test>::iter().count(), 0);
				prop_assert_eq!(Orders::<Test>::iter().count(), 0);
				for who in [BOB, CHARLIE, DAVE] {
					prop_assert_eq!(escrow(who), 0);
				}
				check_invariants(issuance, burned);
				Ok(())
			})?;
		}
	}
}
