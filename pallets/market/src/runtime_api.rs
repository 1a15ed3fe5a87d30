//! The market pallet's runtime API, for DApps and the node's `market_*` RPC methods.

use crate::{
	BookView, LicenceView, OfferId, OfferView, OrderId, OrderView, RequestId, RequestView, Right,
};
use alloc::vec::Vec;
use allspark_primitives::{Category, ListingId};
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// The trade market.
	pub trait MarketApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The book of `listing`'s `right`: up to `depth` price levels a side (capped by the
		/// runtime's page size), best first, each with its open units and orders.
		fn book(listing: ListingId, right: Right, depth: u32) -> BookView<Balance>;
		/// One page of an account's open orders: at most `limit` (capped by the page size), in
		/// storage order, after the order `start_after` (`None` for the first page).
		fn orders_of(
			who: AccountId,
			start_after: Option<OrderId>,
			limit: u32,
		) -> Vec<OrderView<AccountId, Balance, BlockNumber>>;
		/// The rights an account holds (valid or expired), with their validity now.
		fn licences_of(who: AccountId) -> Vec<LicenceView<BlockNumber>>;
		/// An account's right on a listing, with its validity now; `None` when it never held it.
		fn licence(who: AccountId, listing: ListingId, right: Right) -> Option<LicenceView<BlockNumber>>;
		/// An offer with its state now (current Dutch price, English auction's highest bid and
		/// blocks left); `None` when it is not open.
		fn offer(id: OfferId) -> Option<OfferView<AccountId, Balance, BlockNumber>>;
		/// The open offers on a listing.
		fn offers_of_listing(listing: ListingId) -> Vec<OfferView<AccountId, Balance, BlockNumber>>;
		/// One page of the open requests of a category with their proposals, after the request
		/// `start_after` (`None` for the first page).
		fn open_requests(
			category: Category,
			start_after: Option<RequestId>,
			limit: u32,
		) -> Vec<RequestView<AccountId, Balance, BlockNumber>>;
	}
}
