//! What the runtime API reports, and the pallet's invariants.

use crate::*;
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use pallet_allspark_content::Category;
use sp_runtime::traits::{Saturating, Zero};

/// An offer as the runtime API reports it.
pub type OfferViewOf<T> =
	OfferView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;
/// An order as the runtime API reports it.
pub type OrderViewOf<T> =
	OrderView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;
/// A request as the runtime API reports it.
pub type RequestViewOf<T> =
	RequestView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;

impl<T: Config> Pallet<T> {
	fn page_limit(limit: u32) -> usize {
		limit.min(T::MaxPageSize::get()) as usize
	}

	/// The book of `listing`'s `right`, `depth` levels a side.
	pub fn book(listing: ListingId, right: Right, depth: u32) -> BookView<BalanceOf<T>> {
		let side = |side: Side| {
			Ladders::<T>::get((listing, right, side))
				.into_iter()
				.take(Self::page_limit(depth))
				.filter_map(|price| {
					Levels::<T>::get((listing, right, side, price)).map(|l| LevelView {
						price,
						quantity: l.quantity,
						orders: l.orders.len() as u32,
					})
				})
				.collect()
		};
		BookView { bids: side(Side::Buy), asks: side(Side::Sell) }
	}

	/// One page of `who`'s open orders.
	pub fn orders_of(
		who: T::AccountId,
		start_after: Option<OrderId>,
		limit: u32,
	) -> Vec<OrderViewOf<T>> {
		let iter = match start_after {
			Some(start) => AccountOrders::<T>::iter_prefix_from(
				&who,
				AccountOrders::<T>::hashed_key_for(&who, start),
			),
			None => AccountOrders::<T>::iter_prefix(&who),
		};
		iter.filter_map(|(id, ())| {
			Orders::<T>::get(id).map(|o| OrderView {
				id,
				owner: o.owner,
				listing: o.listing,
				right: o.right,
				side: o.side,
				price: o.price,
				remaining: o.remaining,
				filled: o.filled,
				expires_at: o.expires_at,
			})
		})
		.take(Self::page_limit(limit))
		.collect()
	}

	fn licence_view(
		listing: ListingId,
		right: Right,
		l: Licence<BlockNumberOf<T>>,
	) -> LicenceView<BlockNumberOf<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		LicenceView {
			listing,
			right,
			units: l.units,
			granted_at: l.granted_at,
			expires_at: l.expires_at,
			valid: l.is_valid_at(&now),
		}
	}

	/// The rights `who` holds.
	pub fn licences_of(who: T::AccountId) -> Vec<LicenceView<BlockNumberOf<T>>> {
		Licences::<T>::iter_prefix(&who)
			.map(|((listing, right), l)| Self::licence_view(listing, right, l))
			.collect()
	}

	/// `who`'s right on `listing`.
	pub fn licence(
		who: T::AccountId,
		listing: ListingId,
		right: Right,
	) -> Option<LicenceView<BlockNumberOf<T>>> {
		Licences::<T>::get(&who, (listing, right)).map(|l| Self::licence_view(listing, right, l))
	}

	/// An open offer with its state now.
	pub fn offer(id: OfferId) -> Option<OfferViewOf<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Offers::<T>::get(id).map(|o| OfferView {
			id,
			price_now: Self::price_at(&o, now),
			best_bidder: o.best_bid.as_ref().map(|b| b.bidder.clone()),
			best_bid: o.best_bid.as_ref().map(|b| b.amount),
			blocks_left: o.expires_at.saturating_sub(now),
			seller: o.seller,
			listing: o.listing,
			right: o.right,
			mode: o.mode,
			remaining: o.remaining,
			expires_at: o.expires_at,
		})
	}

	/// The open offers on `listing`.
	pub fn offers_of_listing(listing: ListingId) -> Vec<OfferViewOf<T>> {
		ListingOffers::<T>::iter_key_prefix(listing).filter_map(Self::offer).collect()
	}

	/// One page of the open requests of `category`.
	pub fn open_requests(
		category: Category,
		start_after: Option<RequestId>,
		limit: u32,
	) -> Vec<RequestViewOf<T>> {
		let iter = match start_after {
			Some(start) => CategoryRequests::<T>::iter_key_prefix_from(
				category,
				CategoryRequests::<T>::hashed_key_for(category, start),
			),
			None => CategoryRequests::<T>::iter_key_prefix(category),
		};
		iter.filter_map(|id| {
			Requests::<T>::get(id).map(|r| RequestView {
				id,
				requester: r.requester,
				category: r.category,
				right: r.right,
				budget: r.budget,
				deadline: r.deadline,
				brief_hash: sp_core_hash::H256Hex(r.brief_hash),
				proposals: Proposals::<T>::iter_prefix(id)
					.map(|(pid, p)| ProposalView {
						id: pid,
						proposer: p.proposer,
						listing: p.listing,
						price: p.price,
					})
					.collect(),
			})
		})
		.take(Self::page_limit(limit))
		.collect()
	}

	/// The pallet's invariants:
	/// - every price level's queue lists orders of its price, oldest first, and its quantity is
	///   theirs; every ladder is sorted best first and lists exactly its side's
	///   levels; no book is crossed (best buy below best sell);
	/// - every order is indexed under its owner, and rests on a level;
	/// - each account's escrow hold equals its buy orders' price × remaining units, plus its
	///   highest auction bids, plus its requests' budgets;
	/// - offers and requests are indexed, proposals belong to open requests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
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

		let mut escrow: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let e = escrow.entry(who.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(amount);
		};
		let (head, tail) = SettlementPages::<T>::get();
		let mut queued = alloc::collections::btree_set::BTreeSet::new();
		let mut page = head;
		while page != tail {
			queued.extend(SettlementQueue::<T>::get(page).into_iter());
			page = page.wrapping_add(1);
		}
		ensure!(
			SettlementQueue::<T>::iter_keys()
				.all(|p| p.wrapping_sub(head) < tail.wrapping_sub(head)),
			"a settlement-queue page lies outside the queue"
		);
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
					add(
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
				Side::Sell => ensure!(order.filled == 0, "a sell order records fills"),
			}
		}
		ensure!(open == linked, "an open order is not linked on its level");
		ensure!(
			PendingFills::<T>::iter().collect::<BTreeMap<_, _>>() == pending,
			"a listing's pending fills are not its filled buy orders"
		);
		ensure!(AccountOrders::<T>::iter().count() == orders, "an index entry has no order");
		for (id, offer) in Offers::<T>::iter() {
			ensure!(ListingOffers::<T>::contains_key(offer.listing, id), "an offer is not indexed");
			if let Some(bid) = &offer.best_bid {
				add(&bid.bidder, bid.amount);
			}
		}
		ensure!(
			ListingOffers::<T>::iter().count() == Offers::<T>::iter().count(),
			"an offer index entry has no offer"
		);
		for (id, request) in Requests::<T>::iter() {
			ensure!(
				CategoryRequests::<T>::contains_key(request.category, id),
				"a request is not indexed"
			);
			add(&request.requester, request.budget);
		}
		ensure!(
			CategoryRequests::<T>::iter().count() == Requests::<T>::iter().count(),
			"a request index entry has no request"
		);
		for (id, _, _) in Proposals::<T>::iter() {
			ensure!(Requests::<T>::contains_key(id), "a proposal outlived its request");
		}
		let reason = HoldReason::Escrow.into();
		for (who, amount) in &escrow {
			ensure!(
				T::Currency::balance_on_hold(&reason, who) == *amount,
				"an account's escrow hold is not its open orders, bids and budgets"
			);
		}
		Ok(())
	}

	/// Every account holding escrow, for tests that check no hold is left without an order.
	#[cfg(test)]
	pub(crate) fn escrow_of(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who)
	}
}
