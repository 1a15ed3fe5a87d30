//! Limit orders: placing, matching, resting and removing orders on the books.

use crate::{settlement::Settlement, *};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::traits::{CheckedMul, Saturating, Zero};

/// Whether an incoming order at `price` on `side` crosses a resting price `resting`.
fn crosses<B: PartialOrd>(side: Side, price: &B, resting: &B) -> bool {
	match side {
		Side::Buy => price >= resting,
		Side::Sell => price <= resting,
	}
}

/// Where `price` belongs in a ladder of `side`, best first: `Ok` when present.
pub(crate) fn ladder_position<B: Ord>(ladder: &[B], side: Side, price: &B) -> Result<usize, usize> {
	ladder.binary_search_by(|probe| match side {
		Side::Buy => price.cmp(probe),
		Side::Sell => probe.cmp(price),
	})
}

/// What matching an order did, for its weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Matched {
	/// Resting orders filled.
	pub fills: u32,
	/// Price levels visited.
	pub levels: u32,
	/// Resting orders removed as expired or stale.
	pub removed: u32,
}

impl<T: Config> Pallet<T> {
	/// What placing an order on `side` of a `right`'s book weighs, having done `matched`: its
	/// fills on as many levels, beyond one a level, the removals (each a cancel and its owner's
	/// account) and, when a copyright changed hands, its transfer (and the at-once settlement of
	/// a copyright sold into a bid).
	pub(crate) fn place_order_weight(side: Side, right: Right, matched: Matched) -> Weight {
		let visited = matched.fills.saturating_add(matched.removed);
		let mut weight = if visited == 0 {
			T::WeightInfo::place_resting_order()
		} else {
			let levels = matched.levels.max(1);
			let beyond = visited.saturating_sub(levels);
			match side {
				Side::Sell => T::WeightInfo::place_sell_order(levels, beyond),
				Side::Buy => T::WeightInfo::place_buy_order(levels, beyond),
			}
		};
		weight.saturating_accrue(Self::removal_weight().saturating_mul(matched.removed.into()));
		if matched.fills > 0 {
			weight.saturating_accrue(Self::grant_weight(right));
			// A copyright sold into a bid settles in the call.
			if right == Right::Copyright && side == Side::Sell {
				weight.saturating_accrue(T::WeightInfo::settle_order());
			}
		}
		weight
	}

	/// The most placing an order on `side` of a `right`'s book weighs: the most fills, on the
	/// most levels or on one (the weight is linear in both, so one of these is the most), and
	/// the most removals.
	pub(crate) fn place_order_max_weight(side: Side, right: Right) -> Weight {
		let fills = T::MaxFillsPerCall::get();
		let most_levels = T::MaxPriceLevels::get().min(fills);
		let with_levels =
			|levels| Self::place_order_weight(side, right, Matched { fills, levels, removed: 0 });
		with_levels(most_levels)
			.max(with_levels(1))
			.max(T::WeightInfo::place_resting_order())
			.saturating_add(
				Self::removal_weight().saturating_mul(T::MaxRemovalsPerCall::get().into()),
			)
	}

	/// What removing an expired or stale resting order while matching weighs at most: a cancel,
	/// plus its owner's account (a cancel's signer's account is paid for with its fee).
	pub(crate) fn removal_weight() -> Weight {
		T::WeightInfo::cancel_order().saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// Place a limit order; returns what its matching did.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_place_order(
		who: T::AccountId,
		listing: ListingId,
		right: Right,
		side: Side,
		price: BalanceOf<T>,
		quantity: Quantity,
		expires_at: Option<BlockNumberOf<T>>,
		fill_or_kill: bool,
		referrer: Option<T::AccountId>,
	) -> Result<Matched, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let (owner, terms) = Self::ensure_tradable(listing, right, quantity)?;
		match side {
			Side::Sell => ensure!(who == owner, Error::<T>::NotListingOwner),
			Side::Buy => ensure!(who != owner, Error::<T>::SelfTrade),
		}
		Self::ensure_price_covers_charge(price)?;
		let expires_at = Self::check_expiry(now, expires_at)?;
		let referrer = match side {
			Side::Buy => Self::check_referrer(&who, listing, referrer, now)?,
			Side::Sell => None,
		};
		let escrow = price.checked_mul(&quantity.into()).ok_or(Error::<T>::Overflow)?;
		if side == Side::Buy {
			Self::hold_escrow(&who, escrow)?;
		}

		let id = NextOrderId::<T>::get();
		NextOrderId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Self::deposit_event(Event::OrderPlaced {
			order: id,
			owner: who.clone(),
			listing,
			right,
			side,
			price,
			quantity,
			expires_at,
		});

		let mut taker = Order {
			owner: who.clone(),
			listing,
			right,
			side,
			price,
			remaining: quantity,
			filled: 0,
			filled_value: Zero::zero(),
			expires_at,
			referrer,
		};
		let (matched, spent, still_crosses) = Self::match_order(id, &mut taker, owner, terms, now)?;
		ensure!(!fill_or_kill || taker.remaining == 0, Error::<T>::WouldNotFillCompletely);

		let resting = if still_crosses { 0 } else { taker.remaining };
		if still_crosses {
			Self::deposit_event(Event::OrderRemoved {
				order: id,
				owner: who.clone(),
				remaining: taker.remaining,
				reason: RemovalReason::FillLimitReached,
			});
		} else if taker.remaining > 0 {
			Self::rest_order(id, taker)?;
		}
		if side == Side::Buy {
			// Keep held only what the resting remainder needs.
			let still_needed = price.saturating_mul(resting.into());
			let excess = escrow.saturating_sub(spent).saturating_sub(still_needed);
			if !excess.is_zero() {
				T::Currency::release(&HoldReason::Escrow.into(), &who, excess, Precision::Exact)?;
				Self::deposit_event(Event::EscrowReleased { who, amount: excess });
			}
		}
		Ok(matched)
	}

	/// Fill `taker` (order `taker_id`) against the opposite side of its book. Returns what it
	/// did, for a buy what the fills cost it, and whether an unfilled remainder still crosses the
	/// book (the fill limit, or the limit of removals, was reached).
	///
	/// Expired and stale resting orders met are removed, at most [`Config::MaxRemovalsPerCall`]
	/// (each weighs about a cancel): matching stops at the next one.
	///
	/// A fill writes only the resting order (and its level once per level): a buying taker pays
	/// the owner for all its fills at the end of the call; a resting buy order records its fills
	/// and is queued for settlement ([`Pallet::settle`]), as is a resting order with nothing
	/// left open. The copyright is settled at once.
	fn match_order(
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		owner: T::AccountId,
		terms: pallet_allspark_content::LicenceTerms<BlockNumberOf<T>>,
		now: BlockNumberOf<T>,
	) -> Result<(Matched, BalanceOf<T>, bool), DispatchError> {
		let opposite = taker.side.opposite();
		let ladder_key = (taker.listing, taker.right, opposite);
		let mut ladder = Ladders::<T>::get(ladder_key);
		let max_visits = T::MaxFillsPerCall::get();
		let max_removals = T::MaxRemovalsPerCall::get();
		let mut visited = 0u32;
		let mut matched = Matched::default();
		let mut spent = BalanceOf::<T>::zero();
		let mut ladder_changed = false;
		let commission = terms.distributor_commission;
		// A buying taker pays the owner for all its fills at once.
		let mut settlement = (taker.side == Side::Buy).then(|| {
			Settlement::<T>::new(
				owner.clone(),
				taker.owner.clone(),
				taker.referrer.clone(),
				taker.listing,
				taker.right,
				terms,
			)
		});
		let mut queued: Vec<OrderId> = Vec::new();
		let mut pending_buys = 0u32;

		while taker.remaining > 0 && visited < max_visits {
			let Some(best) = ladder.first().copied() else { break };
			if !crosses(taker.side, &taker.price, &best) {
				break;
			}
			let level_key = (taker.listing, taker.right, opposite, best);
			let mut level = Levels::<T>::get(level_key).unwrap_or_default();
			matched.levels = matched.levels.saturating_add(1);
			// The orders at the front of the level that left it in this call.
			let mut taken = 0usize;
			for &id in level.orders.iter() {
				if taker.remaining == 0 || visited >= max_visits {
					break;
				}
				let Some(mut resting) = Orders::<T>::get(id) else {
					// Defensive: an id without its order leaves the level.
					visited = visited.saturating_add(1);
					taken = taken.saturating_add(1);
					continue;
				};
				let stale = resting.side == Side::Sell && resting.owner != owner;
				if resting.expires_at <= now || stale {
					if matched.removed >= max_removals {
						// Halt: the order stays in the level, which ends the matching below.
						break;
					}
					visited = visited.saturating_add(1);
					matched.removed = matched.removed.saturating_add(1);
					taken = taken.saturating_add(1);
					level.quantity = level.quantity.saturating_sub(resting.remaining.into());
					let reason = if stale { RemovalReason::Stale } else { RemovalReason::Expired };
					Self::retire_order(id, resting, reason)?;
					continue;
				}
				ensure!(resting.owner != taker.owner, Error::<T>::SelfTrade);
				visited = visited.saturating_add(1);
				matched.fills = matched.fills.saturating_add(1);
				let fill = taker.remaining.min(resting.remaining);
				let value = resting.price.checked_mul(&fill.into()).ok_or(Error::<T>::Overflow)?;
				let was_waiting = resting.awaits_settlement();
				let buyer = match &mut settlement {
					Some(settlement) => {
						settlement.add(fill, value)?;
						spent = spent.saturating_add(value);
						taker.owner.clone()
					},
					None => {
						// Paid out when the resting buy order settles: check now that the trade
						// covers its charge and the commission it may owe.
						let owed = match resting.referrer {
							Some(_) => commission.mul_floor(value),
							None => Zero::zero(),
						};
						Self::net_of_trade(value, owed)?;
						resting.filled = resting.filled.saturating_add(fill);
						resting.filled_value =
							resting.filled_value.checked_add(&value).ok_or(Error::<T>::Overflow)?;
						resting.owner.clone()
					},
				};
				taker.remaining = taker.remaining.saturating_sub(fill);
				resting.remaining = resting.remaining.saturating_sub(fill);
				level.quantity = level.quantity.saturating_sub(fill.into());
				let seller = match taker.side {
					Side::Buy => resting.owner.clone(),
					Side::Sell => taker.owner.clone(),
				};
				Self::deposit_event(Event::OrderFilled {
					order: id,
					taker_order: taker_id,
					buyer,
					seller,
					price: resting.price,
					quantity: fill,
					remaining: resting.remaining,
				});
				if resting.remaining == 0 {
					// It leaves its level; the settlement queue removes it.
					taken = taken.saturating_add(1);
				}
				if !was_waiting && resting.awaits_settlement() {
					queued.push(id);
					if resting.filled > 0 {
						pending_buys = pending_buys.saturating_add(1);
					}
				}
				Orders::<T>::insert(id, resting);
			}
			// A halt leaves its order in the level, so only a level matched to its end goes.
			if taken >= level.orders.len() {
				Levels::<T>::remove(level_key);
				ladder.remove(0);
				ladder_changed = true;
			} else {
				if taken > 0 {
					let left: Vec<OrderId> = level.orders.iter().skip(taken).copied().collect();
					level.orders = BoundedVec::truncate_from(left);
				}
				Levels::<T>::insert(level_key, level);
				break;
			}
		}
		let still_crosses = taker.remaining > 0
			&& ladder.first().is_some_and(|best| crosses(taker.side, &taker.price, best));
		if ladder_changed {
			Ladders::<T>::insert(ladder_key, ladder);
		}
		if pending_buys > 0 {
			PendingFills::<T>::mutate(taker.listing, |n| *n = n.saturating_add(pending_buys));
		}
		if taker.side == Side::Sell && taker.right == Right::Copyright {
			// The copyright changes hands in this call, not later.
			for id in queued {
				if let Some(order) = Orders::<T>::get(id) {
					Self::settle(id, order, true)?;
				}
			}
		} else {
			Self::enqueue_settlements(&queued);
		}
		if let Some(settlement) = settlement {
			settlement.finish()?;
		}
		Ok((matched, spent, still_crosses))
	}

	/// Put an order on its book: the back of its price level's queue, opening the level if new.
	fn rest_order(id: OrderId, order: OrderOf<T>) -> DispatchResult {
		let ladder_key = (order.listing, order.right, order.side);
		let level_key = (order.listing, order.right, order.side, order.price);
		let mut level = match Levels::<T>::get(level_key) {
			Some(level) => level,
			None => {
				let mut ladder = Ladders::<T>::get(ladder_key);
				let pos = ladder_position(&ladder, order.side, &order.price)
					.err()
					.ok_or(Error::<T>::TooManyPriceLevels)?;
				ladder
					.try_insert(pos, order.price)
					.map_err(|_| Error::<T>::TooManyPriceLevels)?;
				Ladders::<T>::insert(ladder_key, ladder);
				LevelOf::<T>::default()
			},
		};
		level.orders.try_push(id).map_err(|_| Error::<T>::PriceLevelFull)?;
		level.quantity = level.quantity.saturating_add(order.remaining.into());
		Levels::<T>::insert(level_key, level);
		Self::schedule(order.expires_at, Expiring::Order(id))?;
		AccountOrders::<T>::insert(&order.owner, id, ());
		Orders::<T>::insert(id, order);
		Ok(())
	}

	/// Cancel `id` for `who`: its owner, or anyone when it is a stale sell order.
	pub(crate) fn do_cancel_order(who: &T::AccountId, id: OrderId) -> DispatchResult {
		let order = Orders::<T>::get(id)
			.filter(|o| o.remaining > 0)
			.ok_or(Error::<T>::OrderNotFound)?;
		let reason = if order.owner == *who {
			RemovalReason::Cancelled
		} else {
			let stale = order.side == Side::Sell && !Self::owns(order.listing, &order.owner);
			ensure!(stale, Error::<T>::NotOrderOwner);
			RemovalReason::Stale
		};
		Self::remove_order(id, order, reason)
	}

	/// Take order `id` (stored as `order`, with units open) out of its level and retire it.
	pub(crate) fn remove_order(
		id: OrderId,
		order: OrderOf<T>,
		reason: RemovalReason,
	) -> DispatchResult {
		let level_key = (order.listing, order.right, order.side, order.price);
		let mut level = Levels::<T>::get(level_key).unwrap_or_default();
		level.orders.retain(|queued| *queued != id);
		level.quantity = level.quantity.saturating_sub(order.remaining.into());
		if level.orders.is_empty() {
			Levels::<T>::remove(level_key);
			let ladder_key = (order.listing, order.right, order.side);
			Ladders::<T>::mutate(ladder_key, |ladder| {
				if let Ok(pos) = ladder_position(ladder, order.side, &order.price) {
					ladder.remove(pos);
				}
			});
		} else {
			Levels::<T>::insert(level_key, level);
		}
		Self::retire_order(id, order, reason)
	}

	/// Close what is open of an order already unlinked from its level: release a buy order's
	/// escrow for its open units and say so. An order with unsettled fills stays, with nothing
	/// open, until it settles (it is queued already); any other order is deleted.
	fn retire_order(id: OrderId, mut order: OrderOf<T>, reason: RemovalReason) -> DispatchResult {
		if order.side == Side::Buy {
			Self::release_escrow(&order.owner, order.price.saturating_mul(order.remaining.into()))?;
		}
		Self::deposit_event(Event::OrderRemoved {
			order: id,
			owner: order.owner.clone(),
			remaining: order.remaining,
			reason,
		});
		if order.filled > 0 {
			order.remaining = 0;
			Orders::<T>::insert(id, order);
		} else {
			Self::delete_order(id, &order.owner);
		}
		Ok(())
	}
}
