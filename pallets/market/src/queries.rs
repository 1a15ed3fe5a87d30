//! What the runtime API reports.

use crate::*;
use alloc::vec::Vec;
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

	/// Every account holding escrow, for tests that check no hold is left without an order.
	#[cfg(test)]
	pub(crate) fn escrow_of(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who)
	}
}
