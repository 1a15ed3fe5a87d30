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

/// An incoming order while it matches: its terms and what is left of it.
pub(crate) struct Taker<T: Config> {
	/// Its id.
	pub id: OrderId,
	/// Who placed it.
	pub owner: T::AccountId,
	/// The listing.
	pub listing: ListingId,
	/// The right traded.
	pub right: Right,
	/// Buy or sell.
	pub side: Side,
	/// The per-unit limit price.
	pub price: BalanceOf<T>,
	/// The units not filled yet.
	pub remaining: Quantity,
	/// The first block at which it no longer trades, should it rest.
	pub expires_at: BlockNumberOf<T>,
	/// A buy order's referring distributor.
	pub referrer: Option<T::AccountId>,
}

impl<T: Config> Pallet<T> {
	/// What placing an order on `side` of a `right`'s book weighs, having done `matched`: its
	/// fills on as many levels, beyond one a level, the removals and evictions and, when a
	/// copyright changed hands, its transfer (and the at-once settlement of a copyright sold
	/// into a bid).
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
		// Removals while matching take orders of the other side; evictions, of this one.
		weight.saturating_accrue(
			Self::removal_weight(side.opposite()).saturating_mul(matched.removed.into()),
		);
		if matched.evicted > 0 {
			weight.saturating_accrue(Self::eviction_weight(side, matched.evicted));
		}
		if matched.fills > 0 {
			weight.saturating_accrue(Self::grant_weight(right));
			// A copyright sold into a bid settles in the call.
			if right == Right::Copyright && side == Side::Sell {
				weight.saturating_accrue(T::WeightInfo::settle_queue(1));
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
			Self::place_order_weight(
				side,
				right,
				Matched {
					fills,
					levels,
					removed: T::MaxRemovalsPerCall::get(),
					evicted: T::MaxOrdersPerLevel::get(),
				},
			)
		};
		with_levels(most_levels)
			.max(with_levels(1))
			.max(T::WeightInfo::place_resting_order())
	}

	/// What taking one resting order of `side` off its level while matching weighs beyond its
	/// visit (which the fill slope prices): its settlement-queue entry is in the call's page, so
	/// a removed buy order costs nothing more; a removed sell order closes its owner's sale
	/// ([`OpenSales`]), another account's key when it is stale.
	pub(crate) fn removal_weight(side: Side) -> Weight {
		match side {
			Side::Buy => Weight::zero(),
			Side::Sell => T::DbWeight::get().reads_writes(1, 1),
		}
	}

	/// What visiting one more resting order on a level weighs: the costlier side's fill slope.
	pub(crate) fn visit_weight() -> Weight {
		let slope = |f: fn(u32, u32) -> Weight| f(1, 1).saturating_sub(f(1, 0));
		slope(T::WeightInfo::place_sell_order).max(slope(T::WeightInfo::place_buy_order))
	}

	/// What evicting a level of `orders` orders of `side` weighs: each order visited and
	/// removed, the level's deletion and the settlement queue's page read and written twice.
	pub(crate) fn eviction_weight(side: Side, orders: u32) -> Weight {
		Self::visit_weight()
			.saturating_add(Self::removal_weight(side))
			.saturating_mul(orders.into())
			.saturating_add(T::DbWeight::get().reads_writes(2, 3))
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

		let mut taker = Taker::<T> {
			id,
			owner: who.clone(),
			listing,
			right,
			side,
			price,
			remaining: quantity,
			expires_at,
			referrer,
		};
		let (mut matched, spent, still_crosses) = Self::match_order(&mut taker, owner, terms, now)?;
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
			matched.evicted = Self::rest_order(taker)?;
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

	/// Fill `taker` against the opposite side of its book. Returns what it did, for a buy what
	/// the fills cost it, and whether an unfilled remainder still crosses the book (the fill
	/// limit, or the limit of removals, was reached).
	///
	/// Expired and stale resting orders met are removed, at most [`Config::MaxRemovalsPerCall`]:
	/// matching stops at the next one.
	///
	/// A level is read and written once, whatever the number of its orders filled: a buying
	/// taker pays the owner for all its fills at the end of the call; a resting buy order's
	/// fills, and the orders that left the book, are entries of the settlement queue, written
	/// once at the end of the call ([`Pallet::enqueue_settlements`]). The copyright is settled
	/// at once.
	///
	/// The steps are `MatchRun`'s: the best level, while it crosses, until the taker is filled or
	/// the limit of visits is reached (`MatchRun::fill_against_level`), then the end of the call
	/// (`MatchRun::finish`).
	fn match_order(
		taker: &mut Taker<T>,
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
			if !run.fill_against_level(taker, best)? {
				break;
			}
		}
		run.finish(taker)
	}

	/// Put what is left of `taker` on its book: the back of its price level, opening the level
	/// if new. Returns the orders evicted to make room ([`Self::open_level`]).
	fn rest_order(taker: Taker<T>) -> Result<u32, DispatchError> {
		let location = OrderLocation {
			owner: taker.owner.clone(),
			listing: taker.listing,
			right: taker.right,
			side: taker.side,
			price: taker.price,
			expires_at: taker.expires_at,
		};
		let level_key = location.level_key();
		let (mut level, evicted) = match Levels::<T>::get(level_key) {
			Some(level) => (level, 0),
			None => (LevelOf::<T>::default(), Self::open_level(&location)?),
		};
		level
			.orders
			.try_push(RestingOrder {
				id: taker.id,
				owner: taker.owner.clone(),
				remaining: taker.remaining,
				expires_at: taker.expires_at,
				referrer: taker.referrer,
			})
			.map_err(|_| Error::<T>::PriceLevelFull)?;
		level.quantity = level.quantity.saturating_add(taker.remaining.into());
		Levels::<T>::insert(level_key, level);
		Self::schedule(taker.expires_at, Expiring::Order(taker.id))?;
		AccountOrders::<T>::insert(&taker.owner, taker.id, ());
		if taker.side == Side::Sell {
			Self::sale_opened(taker.listing, &taker.owner);
		}
		OrderIndex::<T>::insert(taker.id, location);
		Ok(evicted)
	}

	/// Add the price of the order at `location` to its side's ladder. On a full side, a price
	/// better than the worst level takes that level's place: the worst level's orders are
	/// evicted ([`RemovalReason::Evicted`]), so that nobody can keep better prices off a book by
	/// filling its ladder with worse ones. A price no better than every level of a full side is
	/// refused with [`Error::TooManyPriceLevels`]. Returns the orders evicted.
	fn open_level(location: &OrderLocationOf<T>) -> Result<u32, DispatchError> {
		let ladder_key = (location.listing, location.right, location.side);
		let mut ladder = Ladders::<T>::get(ladder_key);
		let pos = ladder_position(&ladder, location.side, &location.price)
			.err()
			.ok_or(Error::<T>::TooManyPriceLevels)?;
		let mut evicted = 0;
		if ladder.is_full() {
			let last = ladder.len().saturating_sub(1);
			ensure!(pos <= last, Error::<T>::TooManyPriceLevels);
			let worst = ladder.remove(last);
			evicted = Self::evict_level((location.listing, location.right, location.side, worst))?;
		}
		ladder
			.try_insert(pos, location.price)
			.map_err(|_| Error::<T>::TooManyPriceLevels)?;
		Ladders::<T>::insert(ladder_key, ladder);
		Ok(evicted)
	}

	/// Remove the level at `level_key` (already off its ladder) and take its orders off the book
	/// as evicted: what they hold is released, and they are forgotten, by the settlement queue.
	/// Returns how many there were.
	fn evict_level(level_key: LevelKey<BalanceOf<T>>) -> Result<u32, DispatchError> {
		let level = Levels::<T>::take(level_key).unwrap_or_default();
		let (listing, _, side, price) = level_key;
		let evicted = u32::try_from(level.orders.len()).unwrap_or(u32::MAX);
		let entries: Vec<SettlingOf<T>> = level
			.orders
			.into_iter()
			.map(|resting| Self::take_off(listing, side, price, resting, RemovalReason::Evicted))
			.collect();
		Self::enqueue_settlements(&entries)?;
		Ok(evicted)
	}

	/// Take `resting`, an order of `side` at `price` on `listing`, off its level for `reason`
	/// while matching or evicting: close its sale (a sell order), say so, and return its
	/// settlement-queue entry (releasing a buy order's open units and forgetting it).
	fn take_off(
		listing: ListingId,
		side: Side,
		price: BalanceOf<T>,
		resting: RestingOrderOf<T>,
		reason: RemovalReason,
	) -> SettlingOf<T> {
		let release = match side {
			Side::Buy => price.saturating_mul(resting.remaining.into()),
			Side::Sell => {
				Self::sale_closed(listing, &resting.owner);
				Zero::zero()
			},
		};
		Self::deposit_event(Event::OrderRemoved {
			order: resting.id,
			owner: resting.owner.clone(),
			remaining: resting.remaining,
			reason,
		});
		Settling::Close { order: resting.id, owner: resting.owner, release }
	}

	/// Find order `id` on the book: where it rests, its level and its place there. Fails with
	/// [`Error::OrderNotFound`] when it no longer rests (it left the book, or never was).
	pub(crate) fn find_resting(
		id: OrderId,
	) -> Result<(OrderLocationOf<T>, LevelOf<T>, usize), DispatchError> {
		let location = OrderIndex::<T>::get(id).ok_or(Error::<T>::OrderNotFound)?;
		let level = Levels::<T>::get(location.level_key()).ok_or(Error::<T>::OrderNotFound)?;
		let pos = level.position(id).ok_or(Error::<T>::OrderNotFound)?;
		Ok((location, level, pos))
	}

	/// Cancel `id` for `who`: its owner, or anyone when it is a stale sell order.
	pub(crate) fn do_cancel_order(who: &T::AccountId, id: OrderId) -> DispatchResult {
		let (location, level, pos) = Self::find_resting(id)?;
		let reason = if location.owner == *who {
			RemovalReason::Cancelled
		} else {
			let stale =
				location.side == Side::Sell && !Self::owns(location.listing, &location.owner);
			ensure!(stale, Error::<T>::NotOrderOwner);
			RemovalReason::Stale
		};
		Self::remove_order(id, location, level, pos, reason)
	}

	/// Take order `id` (at `location`, at `pos` in its `level`) off the book and retire it at
	/// once: release a buy order's open units, close a sell order's sale, say so, and forget it.
	pub(crate) fn remove_order(
		id: OrderId,
		location: OrderLocationOf<T>,
		mut level: LevelOf<T>,
		pos: usize,
		reason: RemovalReason,
	) -> DispatchResult {
		let level_key = location.level_key();
		let resting = level.orders.remove(pos);
		level.quantity = level.quantity.saturating_sub(resting.remaining.into());
		if level.orders.is_empty() {
			Levels::<T>::remove(level_key);
			let ladder_key = (location.listing, location.right, location.side);
			Ladders::<T>::mutate(ladder_key, |ladder| {
				if let Ok(pos) = ladder_position(ladder, location.side, &location.price) {
					ladder.remove(pos);
				}
			});
		} else {
			Levels::<T>::insert(level_key, level);
		}
		match location.side {
			Side::Buy => Self::release_escrow(
				&location.owner,
				location.price.saturating_mul(resting.remaining.into()),
			)?,
			Side::Sell => Self::sale_closed(location.listing, &location.owner),
		}
		Self::deposit_event(Event::OrderRemoved {
			order: id,
			owner: location.owner.clone(),
			remaining: resting.remaining,
			reason,
		});
		Self::forget_order(id, &location.owner);
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
	/// Resting orders visited: filled or removed.
	visited: u32,
	/// Fills, levels visited and removals, for the weight.
	matched: Matched,
	/// What a buying taker's fills cost it.
	spent: BalanceOf<T>,
	/// A buying taker's payment to the owner for all its fills, made at the end.
	settlement: Option<Settlement<T>>,
	/// The settlement-queue entries of this call: resting buy orders' fills, and the orders
	/// that left the book.
	entries: Vec<SettlingOf<T>>,
}

/// What visiting one resting order did to its level.
enum Visit {
	/// It left the level: removed as expired or stale, or filled completely.
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
		taker: &Taker<T>,
		owner: T::AccountId,
		terms: allspark_primitives::LicenceTerms<BlockNumberOf<T>>,
		now: BlockNumberOf<T>,
	) -> Self {
		let opposite = taker.side.opposite();
		let ladder_key = (taker.listing, taker.right, opposite);
		let ladder = Ladders::<T>::get(ladder_key);
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
			max_visits: T::MaxFillsPerCall::get(),
			max_removals: T::MaxRemovalsPerCall::get(),
			visited: 0,
			matched: Matched::default(),
			spent: Zero::zero(),
			settlement,
			entries: Vec::new(),
		}
	}

	/// Fill the taker against the level at `best`, the best price left, oldest order first,
	/// until the taker is filled, the limit of visits is reached or matching halts. The level is
	/// read once and its fills change its orders in memory. Returns `true` when the level was
	/// matched to its end: it leaves the book ([`Self::close_level`]) and matching goes on at
	/// the next level. Otherwise what is left of the level is written back and matching stops
	/// (`false`).
	fn fill_against_level(
		&mut self,
		taker: &mut Taker<T>,
		best: BalanceOf<T>,
	) -> Result<bool, DispatchError> {
		let level_key = (taker.listing, taker.right, self.opposite, best);
		let mut level = Levels::<T>::get(level_key).unwrap_or_default();
		self.matched.levels = self.matched.levels.saturating_add(1);
		// The orders at the front of the level that left it in this call.
		let mut taken = 0usize;
		let mut quantity = level.quantity;
		for resting in level.orders.iter_mut() {
			if taker.remaining == 0 || self.visited >= self.max_visits {
				break;
			}
			match self.visit(resting, best, taker, &mut quantity)? {
				Visit::Left => taken = taken.saturating_add(1),
				Visit::Stays => {},
				Visit::Halt => break,
			}
		}
		level.quantity = quantity;
		// A halt leaves its order in the level, so only a level matched to its end goes.
		if taken >= level.orders.len() {
			self.close_level(level_key);
			Ok(true)
		} else {
			let mut orders = level.orders.into_inner();
			orders.drain(..taken);
			level.orders = BoundedVec::truncate_from(orders);
			Levels::<T>::insert(level_key, level);
			Ok(false)
		}
	}

	/// Visit `resting`, at the front of what is left of its level at `price` (whose open units
	/// are `level_quantity`): an expired or stale order is removed
	/// ([`Self::remove_resting`]); any other is filled ([`Self::fill_one`]).
	fn visit(
		&mut self,
		resting: &mut RestingOrderOf<T>,
		price: BalanceOf<T>,
		taker: &mut Taker<T>,
		level_quantity: &mut u64,
	) -> Result<Visit, DispatchError> {
		let stale = self.opposite == Side::Sell && resting.owner != self.owner;
		if resting.expires_at <= self.now || stale {
			return Ok(self.remove_resting(taker.listing, price, resting, stale, level_quantity));
		}
		self.fill_one(resting, price, taker, level_quantity)
	}

	/// Remove `resting` (expired, or `stale`) from the level's `level_quantity` and take it off
	/// the book ([`Pallet::take_off`]), unless the limit of removals is reached: then it stays
	/// and matching halts.
	fn remove_resting(
		&mut self,
		listing: ListingId,
		price: BalanceOf<T>,
		resting: &RestingOrderOf<T>,
		stale: bool,
		level_quantity: &mut u64,
	) -> Visit {
		if self.matched.removed >= self.max_removals {
			// Halt: the order stays in the level, which ends the matching.
			return Visit::Halt;
		}
		self.visited = self.visited.saturating_add(1);
		self.matched.removed = self.matched.removed.saturating_add(1);
		*level_quantity = (*level_quantity).saturating_sub(resting.remaining.into());
		let reason = if stale { RemovalReason::Stale } else { RemovalReason::Expired };
		let entry = Pallet::<T>::take_off(listing, self.opposite, price, resting.clone(), reason);
		self.entries.push(entry);
		Visit::Left
	}

	/// Fill the taker against `resting` (at `price`, neither expired nor stale) for the units
	/// both have open, at the resting price: record the fill ([`Self::record_fill`]), take its
	/// units off both orders and the level's `level_quantity`, and emit [`Event::OrderFilled`].
	/// Filled completely, it leaves the level.
	fn fill_one(
		&mut self,
		resting: &mut RestingOrderOf<T>,
		price: BalanceOf<T>,
		taker: &mut Taker<T>,
		level_quantity: &mut u64,
	) -> Result<Visit, DispatchError> {
		ensure!(resting.owner != taker.owner, Error::<T>::SelfTrade);
		self.visited = self.visited.saturating_add(1);
		self.matched.fills = self.matched.fills.saturating_add(1);
		let fill = taker.remaining.min(resting.remaining);
		let value = price.checked_mul(&fill.into()).ok_or(Error::<T>::Overflow)?;
		taker.remaining = taker.remaining.saturating_sub(fill);
		resting.remaining = resting.remaining.saturating_sub(fill);
		*level_quantity = (*level_quantity).saturating_sub(fill.into());
		let buyer = self.record_fill(taker, resting, fill, value)?;
		let seller = match taker.side {
			Side::Buy => resting.owner.clone(),
			Side::Sell => taker.owner.clone(),
		};
		Pallet::<T>::deposit_event(Event::OrderFilled {
			order: resting.id,
			taker_order: taker.id,
			buyer,
			seller,
			price,
			quantity: fill,
			remaining: resting.remaining,
		});
		Ok(if resting.remaining == 0 { Visit::Left } else { Visit::Stays })
	}

	/// Record a fill of `fill` units worth `value` between `taker` and `resting` (whose open
	/// units already count it out); returns the buyer. A buying taker adds it to its payment,
	/// made at the end of the call; a sell order filled completely closes its sale and is
	/// forgotten by the settlement queue. A resting buy order's fill, once checked to cover its
	/// charge and the commission it may owe, is a settlement-queue entry, paid out when the
	/// queue reaches it.
	fn record_fill(
		&mut self,
		taker: &Taker<T>,
		resting: &RestingOrderOf<T>,
		fill: Quantity,
		value: BalanceOf<T>,
	) -> Result<T::AccountId, DispatchError> {
		match &mut self.settlement {
			Some(settlement) => {
				settlement.add(fill, value)?;
				self.spent = self.spent.saturating_add(value);
				if resting.remaining == 0 {
					Pallet::<T>::sale_closed(taker.listing, &resting.owner);
					self.entries.push(Settling::Close {
						order: resting.id,
						owner: resting.owner.clone(),
						release: Zero::zero(),
					});
				}
				Ok(taker.owner.clone())
			},
			None => {
				let owed = match resting.referrer {
					Some(_) => self.commission.mul_floor(value),
					None => Zero::zero(),
				};
				Pallet::<T>::net_of_trade(value, owed)?;
				self.entries.push(Settling::Fill {
					order: resting.id,
					buyer: resting.owner.clone(),
					referrer: resting.referrer.clone(),
					listing: taker.listing,
					right: taker.right,
					quantity: fill,
					value,
					closes: resting.remaining == 0,
				});
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

	/// End the matching of `taker`: find whether an unfilled remainder still crosses the book,
	/// write the ladder back if a level left it, settle a copyright sold into bids at once and
	/// queue the other entries (counting the fills as pending on the listing), and make a
	/// buying taker's payment. Returns what matching did, what a buying taker's fills cost, and
	/// whether the remainder still crosses.
	fn finish(self, taker: &Taker<T>) -> Result<(Matched, BalanceOf<T>, bool), DispatchError> {
		let Self {
			ladder_key, ladder, ladder_changed, matched, spent, settlement, entries, ..
		} = self;
		let still_crosses = taker.remaining > 0
			&& ladder.first().is_some_and(|best| crosses(taker.side, &taker.price, best));
		if ladder_changed {
			Ladders::<T>::insert(ladder_key, ladder);
		}
		let entries = if taker.side == Side::Sell && taker.right == Right::Copyright {
			// The copyright changes hands in this call, not later.
			let (now, later): (Vec<_>, Vec<_>) =
				entries.into_iter().partition(|e| matches!(e, Settling::Fill { .. }));
			for entry in now {
				Pallet::<T>::settle_entry(entry, true)?;
			}
			later
		} else {
			entries
		};
		let fills = entries.iter().filter(|e| matches!(e, Settling::Fill { .. })).count();
		if fills > 0 {
			let fills = u32::try_from(fills).unwrap_or(u32::MAX);
			PendingFills::<T>::mutate(taker.listing, |n| count_up(n, fills));
		}
		Pallet::<T>::enqueue_settlements(&entries)?;
		if let Some(settlement) = settlement {
			settlement.finish()?;
		}
		Ok((matched, spent, still_crosses))
	}
}
