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
type EscrowOf<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

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
	/// - every price level's queue lists orders of its price, oldest first, and its quantity is
	///   theirs; every ladder is sorted best first and lists exactly its side's
	///   levels; no book is crossed (best buy below best sell);
	/// - every order is indexed under its owner, and rests on a level;
	/// - each account's escrow hold equals its buy orders' price × remaining units, plus its
	///   highest auction bids, plus its requests' budgets;
	/// - offers and requests are indexed; each request has at most the most proposals, under
	///   ids it gave out, each of another listing;
	/// - each account's open sales on a listing ([`OpenSales`]) are its resting sell orders and
	///   open offers there; each listing's bid locks ([`BidLocks`]) are its auctions with a bid,
	///   and only a copyright lot's bid holds a deposit.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let linked = Self::check_books()?;
		let mut escrow = EscrowOf::<T>::new();
		let mut sales = SalesOf::<T>::new();
		let queued = Self::check_settlement_queue()?;
		Self::check_orders(linked, &queued, &mut escrow, &mut sales)?;
		Self::check_offers(&mut escrow, &mut sales)?;
		ensure!(
			OpenSales::<T>::iter().map(|(l, who, n)| ((l, who), n)).collect::<SalesOf<T>>()
				== sales,
			"an account's open sales are not its resting sell orders and open offers"
		);
		Self::check_requests(&mut escrow)?;
		Self::check_escrow_holds(&escrow)
	}

	/// Every ladder is sorted best first and each of its prices has a stored, non-empty level
	/// whose queue lists, oldest first, open orders of that price whose open units are the
	/// level's quantity; no book is crossed; every level is on its ladder. Returns how many
	/// orders the levels list.
	fn check_books() -> Result<usize, TryRuntimeError> {
		let mut linked = 0usize;
		for ((listing, right, side), ladder) in Ladders::<T>::iter() {
			for pair in ladder.windows(2) {
				let sorted = match side {
					Side::Buy => pair[0] > pair[1],
					Side::Sell => pair[0] < pair[1],
				};
				ensure!(sorted, "a ladder is not sorted best first");
			}
			for price in ladder.iter() {
				let level = Levels::<T>::get((listing, right, side, *price))
					.ok_or("a ladder price has no level")?;
				ensure!(!level.orders.is_empty(), "an empty level is stored");
				ensure!(
					level.orders.windows(2).all(|pair| pair[0] < pair[1]),
					"a level's queue is not oldest first"
				);
				let mut quantity = 0u64;
				for id in level.orders.iter() {
					let order = Orders::<T>::get(id).ok_or("a level lists a missing order")?;
					ensure!(
						(order.listing, order.right, order.side, order.price)
							== (listing, right, side, *price),
						"an order sits on another level"
					);
					ensure!(order.remaining > 0, "an order with nothing open rests");
					quantity = quantity.saturating_add(order.remaining.into());
				}
				ensure!(quantity == level.quantity, "a level's quantity is not its orders'");
				linked = linked.saturating_add(level.orders.len());
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
		Ok(linked)
	}

	/// No settlement-queue page lies outside the queue's first and next free page. Returns the
	/// orders the queue lists.
	fn check_settlement_queue() -> Result<BTreeSet<OrderId>, TryRuntimeError> {
		let (head, tail) = SettlementPages::<T>::get();
		let mut queued = BTreeSet::new();
		let mut page = head;
		while page != tail {
			queued.extend(SettlementQueue::<T>::get(page));
			page = page.wrapping_add(1);
		}
		ensure!(
			SettlementQueue::<T>::iter_keys()
				.all(|p| p.wrapping_sub(head) < tail.wrapping_sub(head)),
			"a settlement-queue page lies outside the queue"
		);
		Ok(queued)
	}

	/// Every order is indexed under its owner and every index entry has its order; an order
	/// awaiting settlement is `queued`; unsettled units and value agree; sell orders record no
	/// fills; the open orders are the `linked` ones; each listing's pending fills are its filled
	/// buy orders. Adds each buy order's open and filled value to its owner's `escrow`, and each
	/// open sell order to its owner's `sales`.
	fn check_orders(
		linked: usize,
		queued: &BTreeSet<OrderId>,
		escrow: &mut EscrowOf<T>,
		sales: &mut SalesOf<T>,
	) -> Result<(), TryRuntimeError> {
		let mut orders = 0usize;
		let mut open = 0usize;
		let mut pending: BTreeMap<ListingId, u32> = BTreeMap::new();
		for (id, order) in Orders::<T>::iter() {
			orders = orders.saturating_add(1);
			ensure!(
				AccountOrders::<T>::contains_key(&order.owner, id),
				"an order is not indexed under its owner"
			);
			if order.remaining > 0 {
				open = open.saturating_add(1);
			}
			ensure!(
				!order.awaits_settlement() || queued.contains(&id),
				"an order awaiting settlement is not queued"
			);
			ensure!(
				(order.filled == 0) == order.filled_value.is_zero(),
				"an order's unsettled units and value disagree"
			);
			match order.side {
				Side::Buy => {
					add_escrow::<T>(
						escrow,
						&order.owner,
						order
							.price
							.saturating_mul(order.remaining.into())
							.saturating_add(order.filled_value),
					);
					if order.filled > 0 {
						let n = pending.entry(order.listing).or_insert(0);
						*n = n.saturating_add(1);
					}
				},
				Side::Sell => {
					ensure!(order.filled == 0, "a sell order records fills");
					if order.remaining > 0 {
						add_sale::<T>(sales, order.listing, &order.owner);
					}
				},
			}
		}
		ensure!(open == linked, "an open order is not linked on its level");
		ensure!(
			PendingFills::<T>::iter().collect::<BTreeMap<_, _>>() == pending,
			"a listing's pending fills are not its filled buy orders"
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
