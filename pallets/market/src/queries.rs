//! What the runtime API reports.

use crate::*;
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use allspark_primitives::Category;
#[cfg(test)]
use frame_support::traits::fungible::InspectHold;
use frame_support::traits::Get;
use sp_runtime::traits::Saturating;

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
		let unsettled = Self::unsettled_fills();
		iter.filter_map(|(id, ())| Self::order_with(id, &unsettled))
			.take(Self::page_limit(limit))
			.collect()
	}

	/// Order `id` as it stands: resting on its level with its open units, or, having left the
	/// book, awaiting the settlement queue (nothing open); its fills awaiting settlement counted
	/// from the queue. `None` once it is forgotten.
	pub fn order(id: OrderId) -> Option<OrderViewOf<T>> {
		Self::order_with(id, &Self::unsettled_fills())
	}

	/// Order `id` as it stands, its unsettled fills read from `unsettled`.
	fn order_with(id: OrderId, unsettled: &BTreeMap<OrderId, Quantity>) -> Option<OrderViewOf<T>> {
		let location = OrderIndex::<T>::get(id)?;
		let remaining = Levels::<T>::get(location.level_key())
			.and_then(|level| level.position(id).and_then(|pos| level.orders.get(pos).cloned()))
			.map_or(0, |resting| resting.remaining);
		Some(OrderView {
			id,
			owner: location.owner,
			listing: location.listing,
			right: location.right,
			side: location.side,
			price: location.price,
			remaining,
			filled: unsettled.get(&id).copied().unwrap_or(0),
			expires_at: location.expires_at,
		})
	}

	/// The units of each order's fills that wait in the settlement queue (a read of every page:
	/// the queue is drained within a few blocks).
	pub fn unsettled_fills() -> BTreeMap<OrderId, Quantity> {
		let mut units = BTreeMap::<OrderId, Quantity>::new();
		for entry in Self::queued_pages().flatten() {
			if let Settling::Fill { order, quantity, .. } = entry {
				let n = units.entry(order).or_insert(0);
				*n = n.saturating_add(quantity);
			}
		}
		units
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

	/// Every account holding escrow, for tests that check no hold is left without an order.
	#[cfg(test)]
	pub(crate) fn escrow_of(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who)
	}
}
