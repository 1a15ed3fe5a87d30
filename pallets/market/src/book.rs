//! Limit orders: placing, matching, resting and removing orders on the books.

use crate::{settlement::Settlement, *};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{
	traits::{CheckedMul, Saturating, Zero},
	Permill,
};

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
	/// Orders of the worst level of a full side, evicted to rest the order at a better price.
	pub evicted: u32,
}

impl<T: Config> Pallet<T> {
	/// What placing an order on `side` of a `right`'s book weighs, having done `matched`: its
	/// fills on as many levels, beyond one a level, the removals and evictions (each a cancel and
	/// its owner's account) and, when a copyright changed hands, its transfer (and the at-once
	/// settlement of a copyright sold into a bid).
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
		let removals = matched.removed.saturating_add(matched.evicted);
		weight.saturating_accrue(Self::removal_weight().saturating_mul(removals.into()));
		if matched.fills > 0 {
			weight.saturating_accrue(Self::grant_weight(right));
			// A copyright sold into a bid settles in the call.
			if right == Right::Copyright && side == Side::Sell {
				weight.saturating_accrue(T::WeightInfo::settle_order());
			}
		}
		weight
	}

	/// The most placing an order of `quantity` units on `side` of a `right`'s book weighs: the
	/// most fills (each takes at least a unit, so at most `quantity`), on the most levels or on
	/// one (the weight is linear in both, so one of these is the most), the most removals and
	/// the eviction of a full level.
	pub(crate) fn place_order_max_weight(side: Side, right: Right, quantity: Quantity) -> Weight {
		let fills = T::MaxFillsPerCall::get().min(quantity.max(1));
		let most_levels = T::MaxPriceLevels::get().min(fills);
		let with_levels = |levels| {
			Self::place_order_weight(side, right, Matched { fills, levels, ..Default::default() })
		};
		let removals = T::MaxRemovalsPerCall::get().saturating_add(T::MaxOrdersPerLevel::get());
		with_levels(most_levels)
			.max(with_levels(1))
			.max(T::WeightInfo::place_resting_order())
			.saturating_add(Self::removal_weight().saturating_mul(removals.into()))
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
		let (mut matched, spent, still_crosses) =
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
			matched.evicted = Self::rest_order(id, taker)?;
		}
		if side == Side::Buy {
			// Keep held only what the resting remainder needs.
			let still_needed = price.saturating_mul(resting.into());
			Self::release_excess(who, escrow.saturating_sub(spent).saturating_sub(still_needed))?;
		}
		Ok(matched)
	}

	/// Release `excess`, escrow a buyer's placed order no longer needs, and say so.
	fn release_excess(who: T::AccountId, excess: BalanceOf<T>) -> DispatchResult {
		if !excess.is_zero() {
			T::Currency::release(&HoldReason::Escrow.into(), &who, excess, Precision::Exact)?;
			Self::deposit_event(Event::EscrowReleased { who, amount: excess });
		}
		Ok(())
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
	///
	/// The steps are `MatchRun`'s: the best level, while it crosses, until the taker is filled or
	/// the limit of visits is reached (`MatchRun::fill_against_level`), then the end of the call
	/// (`MatchRun::finish`).
	fn match_order(
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		owner: T::AccountId,
		terms: allspark_primitives::LicenceTerms<BlockNumberOf<T>>,
		now: BlockNumberOf<T>,
	) -> Result<(Matched, BalanceOf<T>, bool), DispatchError> {
		let mut run = MatchRun::<T>::new(taker, owner, terms, now);
		while taker.remaining > 0 && run.visited < run.max_visits {
			let Some(best) = run.ladder.first().copied() else { break };
			if !crosses(taker.side, &taker.price, &best) {
				break;
			}
			if !run.fill_against_level(taker_id, taker, best)? {
				break;
			}
		}
		run.finish(taker)
	}

	/// Put an order on its book: the back of its price level's queue, opening the level if new.
	/// Returns the orders evicted to make room ([`Self::open_level`]).
	fn rest_order(id: OrderId, order: OrderOf<T>) -> Result<u32, DispatchError> {
		let level_key = (order.listing, order.right, order.side, order.price);
		let (mut level, evicted) = match Levels::<T>::get(level_key) {
			Some(level) => (level, 0),
			None => (LevelOf::<T>::default(), Self::open_level(&order)?),
		};
		level.orders.try_push(id).map_err(|_| Error::<T>::PriceLevelFull)?;
		level.quantity = level.quantity.saturating_add(order.remaining.into());
		Levels::<T>::insert(level_key, level);
		Self::schedule(order.expires_at, Expiring::Order(id))?;
		AccountOrders::<T>::insert(&order.owner, id, ());
		if order.side == Side::Sell {
			Self::sale_opened(order.listing, &order.owner);
		}
		Orders::<T>::insert(id, order);
		Ok(evicted)
	}

	/// Add `order`'s price to its side's ladder. On a full side, a price better than the worst
	/// level takes that level's place: the worst level's orders are evicted
	/// ([`RemovalReason::Evicted`]), so that nobody can keep better prices off a book by filling
	/// its ladder with worse ones. A price no better than every level of a full side is refused
	/// with [`Error::TooManyPriceLevels`]. Returns the orders evicted.
	fn open_level(order: &OrderOf<T>) -> Result<u32, DispatchError> {
		let ladder_key = (order.listing, order.right, order.side);
		let mut ladder = Ladders::<T>::get(ladder_key);
		let pos = ladder_position(&ladder, order.side, &order.price)
			.err()
			.ok_or(Error::<T>::TooManyPriceLevels)?;
		let mut evicted = 0;
		if ladder.is_full() {
			let last = ladder.len().saturating_sub(1);
			ensure!(pos <= last, Error::<T>::TooManyPriceLevels);
			let worst = ladder.remove(last);
			evicted = Self::evict_level((order.listing, order.right, order.side, worst))?;
		}
		ladder
			.try_insert(pos, order.price)
			.map_err(|_| Error::<T>::TooManyPriceLevels)?;
		Ladders::<T>::insert(ladder_key, ladder);
		Ok(evicted)
	}

	/// Remove the level at `level_key` (already off its ladder) and retire its orders as
	/// evicted. Returns how many there were.
	fn evict_level(level_key: LevelKey<BalanceOf<T>>) -> Result<u32, DispatchError> {
		let level = Levels::<T>::take(level_key).unwrap_or_default();
		let mut evicted = 0u32;
		for id in level.orders {
			if let Some(order) = Orders::<T>::get(id) {
				Self::retire_order(id, order, RemovalReason::Evicted)?;
				evicted = evicted.saturating_add(1);
			}
		}
		Ok(evicted)
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
		match order.side {
			Side::Buy => Self::release_escrow(
				&order.owner,
				order.price.saturating_mul(order.remaining.into()),
			)?,
			Side::Sell if order.remaining > 0 => Self::sale_closed(order.listing, &order.owner),
			Side::Sell => {},
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

/// What an incoming order's matching has done so far, and what it leaves for the end of the call
/// (`MatchRun::finish`): the state of `Pallet::match_order`'s steps.
struct MatchRun<T: Config> {
	/// The side of the book the taker fills against.
	opposite: Side,
	/// The key of that side's ladder.
	ladder_key: (ListingId, Right, Side),
	/// That side's prices, best first, as matching leaves them.
	ladder: BoundedVec<BalanceOf<T>, T::MaxPriceLevels>,
	/// Whether a level left the ladder (the ladder is written back at the end).
	ladder_changed: bool,
	/// The listing's owner: a resting sell order of anyone else is stale.
	owner: T::AccountId,
	/// The listing's distributor commission, which a resting buy order with a referrer may owe.
	commission: Permill,
	/// The block now: a resting order expiring at or before it is expired.
	now: BlockNumberOf<T>,
	/// The most resting orders to visit ([`Config::MaxFillsPerCall`]).
	max_visits: u32,
	/// The most expired or stale resting orders to remove ([`Config::MaxRemovalsPerCall`]).
	max_removals: u32,
	/// Resting orders visited: filled, removed, or missing.
	visited: u32,
	/// Fills, levels visited and removals, for the weight.
	matched: Matched,
	/// What a buying taker's fills cost it.
	spent: BalanceOf<T>,
	/// A buying taker's payment to the owner for all its fills, made at the end.
	settlement: Option<Settlement<T>>,
	/// The resting orders that came to await settlement in this call.
	queued: Vec<OrderId>,
	/// How many of those are buy orders with fills (pending on the listing).
	pending_buys: u32,
}

/// What visiting one resting order did to its level.
enum Visit {
	/// It left the level: missing, removed as expired or stale, or filled completely.
	Left,
	/// It stays, partly filled (the taker was filled completely).
	Stays,
	/// It stays, expired or stale, as the limit of removals was reached: matching halts.
	Halt,
}

impl<T: Config> MatchRun<T> {
	/// Start matching `taker` against the opposite side of its book: read that side's ladder
	/// and, for a buying taker, open its payment to the listing's `owner` under `terms`.
	fn new(
		taker: &OrderOf<T>,
		owner: T::AccountId,
		terms: allspark_primitives::LicenceTerms<BlockNumberOf<T>>,
		now: BlockNumberOf<T>,
	) -> Self {
		let opposite = taker.side.opposite();
		let ladder_key = (taker.listing, taker.right, opposite);
		let ladder = Ladders::<T>::get(ladder_key);
		let max_visits = T::MaxFillsPerCall::get();
		let max_removals = T::MaxRemovalsPerCall::get();
		let commission = terms.distributor_commission;
		// A buying taker pays the owner for all its fills at once.
		let settlement = (taker.side == Side::Buy).then(|| {
			Settlement::<T>::new(
				owner.clone(),
				taker.owner.clone(),
				taker.referrer.clone(),
				taker.listing,
				taker.right,
				terms,
			)
		});
		Self {
			opposite,
			ladder_key,
			ladder,
			ladder_changed: false,
			owner,
			commission,
			now,
			max_visits,
			max_removals,
			visited: 0,
			matched: Matched::default(),
			spent: Zero::zero(),
			settlement,
			queued: Vec::new(),
			pending_buys: 0,
		}
	}

	/// Fill the taker (order `taker_id`) against the level at `best`, the best price left, oldest
	/// order first, until the taker is filled, the limit of visits is reached or matching halts.
	/// Returns `true` when the level was matched to its end: it leaves the book
	/// ([`Self::close_level`]) and matching goes on at the next level. Otherwise what is left of
	/// the level is written back ([`Self::keep_level`]) and matching stops (`false`).
	fn fill_against_level(
		&mut self,
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		best: BalanceOf<T>,
	) -> Result<bool, DispatchError> {
		let level_key = (taker.listing, taker.right, self.opposite, best);
		let mut level = Levels::<T>::get(level_key).unwrap_or_default();
		self.matched.levels = self.matched.levels.saturating_add(1);
		// The orders at the front of the level that left it in this call.
		let mut taken = 0usize;
		for &id in level.orders.iter() {
			if taker.remaining == 0 || self.visited >= self.max_visits {
				break;
			}
			match self.visit(id, taker_id, taker, &mut level.quantity)? {
				Visit::Left => taken = taken.saturating_add(1),
				Visit::Stays => {},
				Visit::Halt => break,
			}
		}
		// A halt leaves its order in the level, so only a level matched to its end goes.
		if taken >= level.orders.len() {
			self.close_level(level_key);
			Ok(true)
		} else {
			Self::keep_level(level_key, level, taken);
			Ok(false)
		}
	}

	/// Visit resting order `id`, at the front of what is left of its level (whose open units are
	/// `level_quantity`): an id without its order leaves the level; an expired or stale order is
	/// removed ([`Self::remove_resting`]); any other is filled ([`Self::fill_one`]).
	fn visit(
		&mut self,
		id: OrderId,
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		level_quantity: &mut u64,
	) -> Result<Visit, DispatchError> {
		let Some(resting) = Orders::<T>::get(id) else {
			// Defensive: an id without its order leaves the level.
			self.visited = self.visited.saturating_add(1);
			return Ok(Visit::Left);
		};
		let stale = resting.side == Side::Sell && resting.owner != self.owner;
		if resting.expires_at <= self.now || stale {
			return self.remove_resting(id, resting, stale, level_quantity);
		}
		self.fill_one(id, resting, taker_id, taker, level_quantity)
	}

	/// Remove `resting` (order `id`, expired, or `stale`) from the level's `level_quantity` and
	/// retire it, unless the limit of removals is reached: then it stays and matching halts.
	fn remove_resting(
		&mut self,
		id: OrderId,
		resting: OrderOf<T>,
		stale: bool,
		level_quantity: &mut u64,
	) -> Result<Visit, DispatchError> {
		if self.matched.removed >= self.max_removals {
			// Halt: the order stays in the level, which ends the matching.
			return Ok(Visit::Halt);
		}
		self.visited = self.visited.saturating_add(1);
		self.matched.removed = self.matched.removed.saturating_add(1);
		*level_quantity = (*level_quantity).saturating_sub(resting.remaining.into());
		let reason = if stale { RemovalReason::Stale } else { RemovalReason::Expired };
		Pallet::<T>::retire_order(id, resting, reason)?;
		Ok(Visit::Left)
	}

	/// Fill the taker (order `taker_id`) against `resting` (order `id`, neither expired nor
	/// stale) for the units both have open, at the resting price: record the fill
	/// ([`Self::record_fill`]), take its units off both orders and the level's
	/// `level_quantity`, emit [`Event::OrderFilled`], queue the resting order when it came to
	/// await settlement, and write it back. Filled completely, it leaves the level.
	fn fill_one(
		&mut self,
		id: OrderId,
		mut resting: OrderOf<T>,
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		level_quantity: &mut u64,
	) -> Result<Visit, DispatchError> {
		ensure!(resting.owner != taker.owner, Error::<T>::SelfTrade);
		self.visited = self.visited.saturating_add(1);
		self.matched.fills = self.matched.fills.saturating_add(1);
		let fill = taker.remaining.min(resting.remaining);
		let value = resting.price.checked_mul(&fill.into()).ok_or(Error::<T>::Overflow)?;
		let was_waiting = resting.awaits_settlement();
		let buyer = self.record_fill(taker, &mut resting, fill, value)?;
		taker.remaining = taker.remaining.saturating_sub(fill);
		resting.remaining = resting.remaining.saturating_sub(fill);
		*level_quantity = (*level_quantity).saturating_sub(fill.into());
		let seller = match taker.side {
			Side::Buy => resting.owner.clone(),
			Side::Sell => taker.owner.clone(),
		};
		Pallet::<T>::deposit_event(Event::OrderFilled {
			order: id,
			taker_order: taker_id,
			buyer,
			seller,
			price: resting.price,
			quantity: fill,
			remaining: resting.remaining,
		});
		// Filled completely, it leaves its level; the settlement queue removes it.
		let visit = if resting.remaining == 0 { Visit::Left } else { Visit::Stays };
		if resting.remaining == 0 && resting.side == Side::Sell {
			Pallet::<T>::sale_closed(resting.listing, &resting.owner);
		}
		if !was_waiting && resting.awaits_settlement() {
			self.queued.push(id);
			if resting.filled > 0 {
				self.pending_buys = self.pending_buys.saturating_add(1);
			}
		}
		Orders::<T>::insert(id, resting);
		Ok(visit)
	}

	/// Record a fill of `fill` units worth `value` between `taker` and `resting`; returns the
	/// buyer. A buying taker adds it to its payment, made at the end of the call; a resting buy
	/// order records it, to be paid when it settles, once the trade is checked to cover its
	/// charge and the commission it may owe.
	fn record_fill(
		&mut self,
		taker: &OrderOf<T>,
		resting: &mut OrderOf<T>,
		fill: Quantity,
		value: BalanceOf<T>,
	) -> Result<T::AccountId, DispatchError> {
		match &mut self.settlement {
			Some(settlement) => {
				settlement.add(fill, value)?;
				self.spent = self.spent.saturating_add(value);
				Ok(taker.owner.clone())
			},
			None => {
				// Paid out when the resting buy order settles: check now that the trade covers
				// its charge and the commission it may owe.
				let owed = match resting.referrer {
					Some(_) => self.commission.mul_floor(value),
					None => Zero::zero(),
				};
				Pallet::<T>::net_of_trade(value, owed)?;
				resting.filled = resting.filled.saturating_add(fill);
				resting.filled_value =
					resting.filled_value.checked_add(&value).ok_or(Error::<T>::Overflow)?;
				Ok(resting.owner.clone())
			},
		}
	}

	/// Take a level matched to its end off the book: its entry now, its price off the ladder
	/// (written back at the end of the call).
	fn close_level(&mut self, level_key: LevelKey<BalanceOf<T>>) {
		Levels::<T>::remove(level_key);
		self.ladder.remove(0);
		self.ladder_changed = true;
	}

	/// Write back the level matching stopped in, without the `taken` orders at its front that
	/// left it.
	fn keep_level(level_key: LevelKey<BalanceOf<T>>, mut level: LevelOf<T>, taken: usize) {
		if taken > 0 {
			let left: Vec<OrderId> = level.orders.iter().skip(taken).copied().collect();
			level.orders = BoundedVec::truncate_from(left);
		}
		Levels::<T>::insert(level_key, level);
	}

	/// End the matching of `taker`: find whether an unfilled remainder still crosses the book,
	/// write the ladder back if a level left it, count the resting buy orders that came to hold
	/// fills as pending on the listing, settle the orders queued (at once when a copyright is
	/// sold into bids) or queue them, and make a buying taker's payment. Returns what matching
	/// did, what a buying taker's fills cost, and whether the remainder still crosses.
	fn finish(self, taker: &OrderOf<T>) -> Result<(Matched, BalanceOf<T>, bool), DispatchError> {
		let Self {
			ladder_key,
			ladder,
			ladder_changed,
			matched,
			spent,
			settlement,
			queued,
			pending_buys,
			..
		} = self;
		let still_crosses = taker.remaining > 0
			&& ladder.first().is_some_and(|best| crosses(taker.side, &taker.price, best));
		if ladder_changed {
			Ladders::<T>::insert(ladder_key, ladder);
		}
		if pending_buys > 0 {
			PendingFills::<T>::mutate(taker.listing, |n| count_up(n, pending_buys));
		}
		if taker.side == Side::Sell && taker.right == Right::Copyright {
			// The copyright changes hands in this call, not later.
			for id in queued {
				if let Some(order) = Orders::<T>::get(id) {
					Pallet::<T>::settle(id, order, true)?;
				}
			}
		} else {
			Pallet::<T>::enqueue_settlements(&queued);
		}
		if let Some(settlement) = settlement {
			settlement.finish()?;
		}
		Ok((matched, spent, still_crosses))
	}
}
