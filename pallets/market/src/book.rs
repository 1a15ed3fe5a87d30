//! Limit orders: placing, matching, resting and removing orders on the books.

use crate::{settlement::Settlement, *};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::Precision,
	},
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

impl<T: Config> Pallet<T> {
	/// Place a limit order; returns the number of resting orders visited (filled or removed).
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
	) -> Result<u32, DispatchError> {
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
			prev: None,
			next: None,
		};
		let (visited, spent, still_crosses) =
			Self::match_order(id, &mut taker, owner, terms, now)?;
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
		Ok(visited)
	}

	/// Fill `taker` (order `taker_id`) against the opposite side of its book. Returns the resting
	/// orders visited, for a buy what the fills cost it, and whether an unfilled remainder still
	/// crosses the book (the fill limit was reached).
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
	) -> Result<(u32, BalanceOf<T>, bool), DispatchError> {
		let opposite = taker.side.opposite();
		let ladder_key = (taker.listing, taker.right, opposite);
		let mut ladder = Ladders::<T>::get(ladder_key);
		let max_visits = T::MaxFillsPerCall::get();
		let mut visited = 0u32;
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
			let mut cursor = if level.orders > 0 { Some(level.head) } else { None };
			while let Some(id) = cursor {
				if taker.remaining == 0 || visited >= max_visits {
					break;
				}
				visited = visited.saturating_add(1);
				let Some(mut resting) = Orders::<T>::get(id) else {
					// Defensive: a dangling link ends the level.
					level.orders = 0;
					break;
				};
				cursor = resting.next;
				let stale = resting.side == Side::Sell && resting.owner != owner;
				if resting.expires_at <= now || stale {
					level.head = resting.next.unwrap_or(id);
					level.orders = level.orders.saturating_sub(1);
					level.quantity = level.quantity.saturating_sub(resting.remaining.into());
					let reason =
						if stale { RemovalReason::Stale } else { RemovalReason::Expired };
					Self::retire_order(id, resting, reason)?;
					continue;
				}
				ensure!(resting.owner != taker.owner, Error::<T>::SelfTrade);
				let fill = taker.remaining.min(resting.remaining);
				let value = resting
					.price
					.checked_mul(&fill.into())
					.ok_or(Error::<T>::Overflow)?;
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
						resting.filled_value = resting
							.filled_value
							.checked_add(&value)
							.ok_or(Error::<T>::Overflow)?;
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
					level.head = resting.next.unwrap_or(id);
					level.orders = level.orders.saturating_sub(1);
					resting.prev = None;
					resting.next = None;
				}
				if !was_waiting && resting.awaits_settlement() {
					queued.push(id);
					if resting.filled > 0 {
						pending_buys = pending_buys.saturating_add(1);
					}
				}
				Orders::<T>::insert(id, resting);
			}
			if level.orders == 0 {
				Levels::<T>::remove(level_key);
				ladder.remove(0);
				ladder_changed = true;
			} else {
				Levels::<T>::insert(level_key, level);
				break;
			}
		}
		let still_crosses = taker.remaining > 0 &&
			ladder.first().is_some_and(|best| crosses(taker.side, &taker.price, best));
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
		Ok((visited, spent, still_crosses))
	}

	/// Put an order on its book: the tail of its price level, opening the level if new.
	fn rest_order(id: OrderId, mut order: OrderOf<T>) -> DispatchResult {
		let ladder_key = (order.listing, order.right, order.side);
		let level_key = (order.listing, order.right, order.side, order.price);
		let mut level = match Levels::<T>::get(level_key) {
			Some(mut level) => {
				Orders::<T>::mutate(level.tail, |tail| {
					if let Some(tail) = tail {
						tail.next = Some(id);
					}
				});
				order.prev = Some(level.tail);
				level.tail = id;
				level
			},
			None => {
				let mut ladder = Ladders::<T>::get(ladder_key);
				let pos = ladder_position(&ladder, order.side, &order.price)
					.err()
					.ok_or(Error::<T>::TooManyPriceLevels)?;
				ladder.try_insert(pos, order.price).map_err(|_| Error::<T>::TooManyPriceLevels)?;
				Ladders::<T>::insert(ladder_key, ladder);
				Level { head: id, tail: id, quantity: 0, orders: 0 }
			},
		};
		level.orders = level.orders.saturating_add(1);
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
		if level.head == id {
			if let Some(next) = order.next {
				level.head = next;
			}
		} else if let Some(prev) = order.prev {
			Orders::<T>::mutate(prev, |p| {
				if let Some(p) = p {
					p.next = order.next;
				}
			});
			if let Some(next) = order.next {
				Orders::<T>::mutate(next, |n| {
					if let Some(n) = n {
						n.prev = Some(prev);
					}
				});
			}
		}
		if level.tail == id {
			if let Some(prev) = order.prev.filter(|_| level.head != id) {
				level.tail = prev;
			}
		}
		level.orders = level.orders.saturating_sub(1);
		level.quantity = level.quantity.saturating_sub(order.remaining.into());
		if level.orders == 0 {
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
			order.prev = None;
			order.next = None;
			Orders::<T>::insert(id, order);
		} else {
			Orders::<T>::remove(id);
			AccountOrders::<T>::remove(&order.owner, id);
		}
		Ok(())
	}
}
