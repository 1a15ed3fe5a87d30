//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::*;
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

/// What each account should hold in escrow, summed over its orders, bids and budgets.
pub type EscrowOf<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// How many sales each account has open on each listing.
type SalesOf<T> = BTreeMap<(ListingId, <T as frame_system::Config>::AccountId), u32>;

/// Count one more open sale of `who` on `listing`.
fn add_sale<T: Config>(sales: &mut SalesOf<T>, listing: ListingId, who: &T::AccountId) {
	let n = sales.entry((listing, who.clone())).or_insert(0);
	*n = n.saturating_add(1);
}

/// Add `amount` to what `who` should hold in escrow.
fn add_escrow<T: Config>(escrow: &mut EscrowOf<T>, who: &T::AccountId, amount: BalanceOf<T>) {
	let e = escrow.entry(who.clone()).or_insert_with(Zero::zero);
	*e = e.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// The pallet's invariants:
	/// - every price level lists orders oldest first, each with units open, indexed at that
	///   level under its owner, and its quantity is theirs; every ladder is sorted best first
	///   and lists exactly its side's levels; no book is crossed (best buy below best sell);
	/// - every indexed order rests on its level, or has left the book and its closing entry
	///   waits in the settlement queue; each listing's pending fills are its queued fills;
	/// - each account's escrow hold equals its resting buy orders' price × open units, plus its
	///   queued fills and releases, plus its highest auction bids, plus its requests' budgets;
	/// - offers and requests are indexed; each request has at most the most proposals, under
	///   ids it gave out, each of another listing;
	/// - each account's open sales on a listing ([`OpenSales`]) are its resting sell orders and
	///   open offers there; each listing's bid locks ([`BidLocks`]) are its auctions with a bid,
	///   and only a copyright lot's bid holds a deposit.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let escrow = Self::expected_holds()?;
		Self::check_escrow_holds(&escrow)
	}

	/// What each account should hold in escrow by the pallet's records (its resting buy
	/// orders, queued fills and releases, highest bids and request budgets), once every record
	/// invariant of [`Pallet::do_try_state`] but the holds themselves is checked. A harness that
	/// sees every hold (the runtime fuzzer) checks that no account holds more than this.
	pub fn expected_holds() -> Result<EscrowOf<T>, TryRuntimeError> {
		let mut escrow = EscrowOf::<T>::new();
		let mut sales = SalesOf::<T>::new();
		let resting = Self::check_books(&mut escrow, &mut sales)?;
		let leaving = Self::check_settlement_queue(&mut escrow)?;
		Self::check_orders(&resting, &leaving)?;
		Self::check_offers(&mut escrow, &mut sales)?;
		ensure!(
			OpenSales::<T>::iter().map(|(l, who, n)| ((l, who), n)).collect::<SalesOf<T>>()
				== sales,
			"an account's open sales are not its resting sell orders and open offers"
		);
		Self::check_requests(&mut escrow)?;
		Ok(escrow)
	}

	/// Every ladder is sorted best first and each of its prices has a stored, non-empty level
	/// listing, oldest first, orders with units open, indexed at that level, whose open units
	/// are the level's quantity; no book is crossed; every level is on its ladder. Adds each
	/// resting buy order's open value to its owner's `escrow`, and each sell order to its
	/// owner's `sales`. Returns the resting orders.
	fn check_books(
		escrow: &mut EscrowOf<T>,
		sales: &mut SalesOf<T>,
	) -> Result<BTreeSet<OrderId>, TryRuntimeError> {
		let mut resting = BTreeSet::new();
		for ((listing, right, side), ladder) in Ladders::<T>::iter() {
			for pair in ladder.windows(2) {
				let sorted = match side {
					Side::Buy => pair[0] > pair[1],
					Side::Sell => pair[0] < pair[1],
				};
				ensure!(sorted, "a ladder is not sorted best first");
			}
			for price in ladder.iter() {
				let key = (listing, right, side, *price);
				let level = Levels::<T>::get(key).ok_or("a ladder price has no level")?;
				ensure!(!level.orders.is_empty(), "an empty level is stored");
				ensure!(
					level.orders.windows(2).all(|pair| pair[0].id < pair[1].id),
					"a level's queue is not oldest first"
				);
				let mut quantity = 0u64;
				for order in level.orders.iter() {
					let location =
						OrderIndex::<T>::get(order.id).ok_or("a resting order is not indexed")?;
					ensure!(location.level_key() == key, "an order is indexed at another level");
					ensure!(
						location.owner == order.owner && location.expires_at == order.expires_at,
						"an order's index disagrees with its level"
					);
					ensure!(order.remaining > 0, "an order with nothing open rests");
					quantity = quantity.saturating_add(order.remaining.into());
					match side {
						Side::Buy => add_escrow::<T>(
							escrow,
							&order.owner,
							price.saturating_mul(order.remaining.into()),
						),
						Side::Sell => add_sale::<T>(sales, listing, &order.owner),
					}
					resting.insert(order.id);
				}
				ensure!(quantity == level.quantity, "a level's quantity is not its orders'");
			}
			if side == Side::Buy {
				if let (Some(bid), Some(ask)) =
					(ladder.first(), Ladders::<T>::get((listing, right, Side::Sell)).first())
				{
					ensure!(bid < ask, "a book is crossed");
				}
			}
		}
		ensure!(
			Levels::<T>::iter().count()
				== Ladders::<T>::iter_values().map(|l| l.len()).sum::<usize>(),
			"a level is missing from its ladder"
		);
		Ok(resting)
	}

	/// No settlement-queue page lies outside the queue's first and next free page, and none is
	/// empty; each listing's pending fills are its queued fills. Adds each queued fill's value
	/// and each release to its buyer's `escrow`. Returns the orders whose closing entry is
	/// queued.
	fn check_settlement_queue(
		escrow: &mut EscrowOf<T>,
	) -> Result<BTreeSet<OrderId>, TryRuntimeError> {
		let (head, tail) = SettlementPages::<T>::get();
		let mut leaving = BTreeSet::new();
		let mut pending: BTreeMap<ListingId, u32> = BTreeMap::new();
		for entries in Self::queued_pages() {
			ensure!(!entries.is_empty(), "a settlement-queue page is empty");
			for entry in entries {
				match entry {
					Settling::Fill { order, buyer, listing, value, closes, .. } => {
						add_escrow::<T>(escrow, &buyer, value);
						let n = pending.entry(listing).or_insert(0);
						*n = n.saturating_add(1);
						if closes {
							ensure!(leaving.insert(order), "an order closes twice");
						}
					},
					Settling::Close { order, owner, release } => {
						add_escrow::<T>(escrow, &owner, release);
						ensure!(leaving.insert(order), "an order closes twice");
					},
				}
			}
		}
		ensure!(
			SettlementQueue::<T>::iter_keys()
				.all(|p| p.wrapping_sub(head) < tail.wrapping_sub(head)),
			"a settlement-queue page lies outside the queue"
		);
		ensure!(
			PendingFills::<T>::iter().collect::<BTreeMap<_, _>>() == pending,
			"a listing's pending fills are not its queued fills"
		);
		Ok(leaving)
	}

	/// Every indexed order is indexed under its owner too, and either rests on its level or has
	/// left the book with its closing entry queued (not both); every closing entry has its
	/// order; every owner's index entry has its order.
	fn check_orders(
		resting: &BTreeSet<OrderId>,
		leaving: &BTreeSet<OrderId>,
	) -> Result<(), TryRuntimeError> {
		let mut orders = 0usize;
		for (id, location) in OrderIndex::<T>::iter() {
			orders = orders.saturating_add(1);
			ensure!(
				AccountOrders::<T>::contains_key(&location.owner, id),
				"an order is not indexed under its owner"
			);
			ensure!(
				resting.contains(&id) != leaving.contains(&id),
				"an indexed order neither rests nor waits to close, or both"
			);
		}
		ensure!(
			orders == resting.len().saturating_add(leaving.len()),
			"a resting or closing order is not indexed"
		);
		ensure!(AccountOrders::<T>::iter().count() == orders, "an index entry has no order");
		Ok(())
	}

	/// Every offer is indexed under its listing and every index entry has its offer; the bid
	/// locks count the auctions with a bid. Adds each highest auction bid to its bidder's
	/// `escrow`, and each offer to its seller's `sales`.
	fn check_offers(
		escrow: &mut EscrowOf<T>,
		sales: &mut SalesOf<T>,
	) -> Result<(), TryRuntimeError> {
		let mut locks = BTreeMap::<ListingId, u32>::new();
		for (id, offer) in Offers::<T>::iter() {
			ensure!(ListingOffers::<T>::contains_key(offer.listing, id), "an offer is not indexed");
			add_sale::<T>(sales, offer.listing, &offer.seller);
			if let Some(bid) = &offer.best_bid {
				add_escrow::<T>(escrow, &bid.bidder, bid.amount.saturating_add(bid.deposit));
				ensure!(
					bid.deposit.is_zero() || offer.right == Right::Copyright,
					"a licence bid holds a deposit"
				);
				let n = locks.entry(offer.listing).or_insert(0);
				*n = n.saturating_add(1);
			}
		}
		ensure!(
			BidLocks::<T>::iter().collect::<BTreeMap<_, _>>() == locks,
			"a listing's bid locks are not its auctions with a bid"
		);
		ensure!(
			ListingOffers::<T>::iter().count() == Offers::<T>::iter().count(),
			"an offer index entry has no offer"
		);
		Ok(())
	}

	/// Every request is indexed under its category and every index entry has its request;
	/// every proposal belongs to an open request. Adds each request's budget to its requester's
	/// `escrow`.
	fn check_requests(escrow: &mut EscrowOf<T>) -> Result<(), TryRuntimeError> {
		for (id, request) in Requests::<T>::iter() {
			ensure!(
				CategoryRequests::<T>::contains_key(request.category, id),
				"a request is not indexed"
			);
			let mut listings = alloc::collections::BTreeSet::new();
			for (proposal, p) in Proposals::<T>::iter_prefix(id) {
				ensure!(proposal < request.next_proposal, "a proposal has an id not given out");
				ensure!(listings.insert(p.listing), "a listing is proposed twice to a request");
			}
			ensure!(
				listings.len() <= T::MaxProposalsPerRequest::get() as usize,
				"a request has more proposals than allowed"
			);
			add_escrow::<T>(escrow, &request.requester, request.budget);
		}
		ensure!(
			CategoryRequests::<T>::iter().count() == Requests::<T>::iter().count(),
			"a request index entry has no request"
		);
		for (id, _, _) in Proposals::<T>::iter() {
			ensure!(Requests::<T>::contains_key(id), "a proposal outlived its request");
		}
		Ok(())
	}

	/// Each account's escrow hold is what its open orders, highest bids and budgets need.
	fn check_escrow_holds(escrow: &EscrowOf<T>) -> Result<(), TryRuntimeError> {
		let reason = HoldReason::Escrow.into();
		for (who, amount) in escrow {
			ensure!(
				T::Currency::balance_on_hold(&reason, who) == *amount,
				"an account's escrow hold is not its open orders, bids and budgets"
			);
		}
		Ok(())
	}
}
