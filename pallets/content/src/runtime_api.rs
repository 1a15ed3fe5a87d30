//! The content pallet's runtime API, for DApps and the node's `content_*` RPC methods.

use crate::{ClaimDetails, ContentHash, ListingDetails, ListingId, ListingState};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Content listings.
	pub trait ContentApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A listing, `None` when no listing has this id (now).
		fn listing(id: ListingId) -> Option<ListingDetails<AccountId, Balance, BlockNumber>>;
		/// One page of an account's listings: at most `limit` (capped by the runtime's page
		/// size), in storage order, after the listing `start_after` (the last id of the previous
		/// page; `None` for the first). A page shorter than `limit` is the last.
		fn listings_of(
			owner: AccountId,
			start_after: Option<ListingId>,
			limit: u32,
		) -> Vec<ListingDetails<AccountId, Balance, BlockNumber>>;
		/// The listing of a content hash, `None` when the hash is not listed.
		fn listing_by_hash(hash: ContentHash) -> Option<ListingDetails<AccountId, Balance, BlockNumber>>;
		/// Where a listing stands: active, suspended, delisted (or removed), or unknown.
		fn listing_state(id: ListingId) -> ListingState;
		/// An account's registration claims, oldest first, each with the block from which
		/// `register` accepts it.
		fn claims_of(who: AccountId) -> Vec<ClaimDetails<BlockNumber>>;
	}
}
