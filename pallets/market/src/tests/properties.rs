//! Property tests: random order sequences keep the books sound, the holds exact and fills in
//! price-time priority.

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

/// Every settlement-queue entry, oldest first.
fn queued_entries() -> Vec<Settling<AccountId, Balance>> {
	Market::queued_pages().flatten().collect()
}

/// What `who` should hold: its open buy orders' units at their prices, and its queued fills
/// and releases.
fn held_for(who: AccountId) -> Balance {
	let open: Balance = OrderIndex::<Test>::iter_keys()
		.filter_map(Market::order)
		.filter(|o| o.owner == who && o.side == Side::Buy)
		.map(|o| o.price * o.remaining as Balance)
		.sum();
	let queued: Balance = queued_entries()
		.into_iter()
		.map(|e| match e {
			Settling::Fill { buyer, value, .. } if buyer == who => value,
			Settling::Close { owner, release, .. } if owner == who => release,
			_ => 0,
		})
		.sum();
	open + queued
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
						if let Some(o) = Market::order(id) {
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
							if let Some(o) = Market::order(order) {
								prop_assert_eq!(o.remaining, *left);
							}
						}
					},
					Op::Cancel { pick } => {
						let open: Vec<_> = OrderIndex::<Test>::iter_keys()
							.filter_map(Market::order)
							.filter(|o| o.remaining > 0)
							.collect();
						if let Some(o) = open.get(pick % open.len().max(1)) {
							prop_assert!(Market::cancel_order(RuntimeOrigin::signed(o.owner), o.id).is_ok());
							// What stays held: the open buy orders and the queued fills and releases.
							prop_assert_eq!(escrow(o.owner), held_for(o.owner));
						}
					},
					Op::Settle { pick } => {
						let queued = queued_entries();
						let count = (pick % 4 + 1) as u32;
						if queued.is_empty() {
							prop_assert!(Market::settle_queue(RuntimeOrigin::signed(EVE), count).is_err());
						} else {
							// At most MAX_SETTLEMENTS a call.
							let done = queued.len().min(count.min(MAX_SETTLEMENTS) as usize);
							let bought: Quantity = queued[..done]
								.iter()
								.filter_map(|e| match e {
									Settling::Fill { quantity, .. } => Some(*quantity),
									_ => None,
								})
								.sum();
							System::reset_events();
							prop_assert!(Market::settle_queue(RuntimeOrigin::signed(EVE), count).is_ok());
							let granted: Quantity = market_events()
								.into_iter()
								.filter_map(|e| match e {
									Event::RightGranted { units, .. } => Some(units),
									_ => None,
								})
								.sum();
							// Fills on a listing still tradable are all paid and granted.
							prop_assert_eq!(granted, bought);
							prop_assert_eq!(queued_entries().len(), queued.len() - done);
						}
					},
					Op::Advance { blocks } => run_to_block(System::block_number() + blocks),
				}
				check_invariants(issuance, burned);
			}
			// Everything ends: after the longest expiry and the settlements, no escrow is left.
			run_to_block(System::block_number() + 40);
			prop_assert_eq!(PendingFills::<Test>::iter().count(), 0);
			prop_assert_eq!(OrderIndex::<Test>::iter().count(), 0);
			for who in [BOB, CHARLIE, DAVE] {
				prop_assert_eq!(escrow(who), 0);
			}
			check_invariants(issuance, burned);
			Ok(())
		})?;
	}
}
