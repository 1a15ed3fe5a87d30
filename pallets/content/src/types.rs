//! Types of the content pallet.

use alloc::vec::Vec;
pub use allspark_primitives::{
	balance_string, Category, ContentHash, LicenceTerms, ListingId, ListingStatus, Share,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::{traits::Saturating, Permill};

/// A listing's state as queries report it, including listings that are gone.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ListingState {
	/// Listed and tradable.
	Active,
	/// Suspended by governance.
	Suspended,
	/// The id was issued, but the listing was delisted by its owner or removed by governance.
	Delisted,
	/// No listing ever had this id.
	Unknown,
}

impl From<ListingStatus> for ListingState {
	fn from(s: ListingStatus) -> Self {
		match s {
			ListingStatus::Active => ListingState::Active,
			ListingStatus::Suspended => ListingState::Suspended,
		}
	}
}

/// A listing as stored.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
#[scale_info(skip_type_params(MaxMetadataLen, MaxCoCreators))]
pub struct Listing<
	AccountId,
	Balance,
	BlockNumber,
	MaxMetadataLen: Get<u32>,
	MaxCoCreators: Get<u32>,
> {
	/// The copyright holder.
	pub owner: AccountId,
	/// The work's fingerprint.
	pub content_hash: ContentHash,
	/// Where the work and its description are (an IPFS CID or a URL).
	pub metadata: BoundedVec<u8, MaxMetadataLen>,
	/// What kind of work it is.
	pub category: Category,
	/// The default licence terms.
	pub terms: LicenceTerms<BlockNumber>,
	/// How sales revenue is divided between the creators; empty: all to the owner. When not
	/// empty, the shares sum to exactly 100 %.
	pub shares: BoundedVec<Share<AccountId>, MaxCoCreators>,
	/// Active or suspended.
	pub status: ListingStatus,
	/// The deposit held from the owner for the listing's storage.
	pub deposit: Balance,
	/// The block the listing was registered in.
	pub registered_at: BlockNumber,
}

/// A listing as the runtime API reports it (plain vectors, no bounds).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ListingDetails<AccountId, Balance, BlockNumber> {
	/// The listing's id.
	pub id: ListingId,
	/// The copyright holder.
	pub owner: AccountId,
	/// The work's fingerprint.
	pub content_hash: ContentHash,
	/// Where the work and its description are.
	pub metadata: Vec<u8>,
	/// What kind of work it is.
	pub category: Category,
	/// The default licence terms.
	pub terms: LicenceTerms<BlockNumber>,
	/// How sales revenue is divided between the creators; empty: all to the owner.
	pub shares: Vec<Share<AccountId>>,
	/// Active or suspended.
	pub status: ListingStatus,
	/// The deposit held from the owner.
	pub deposit: Balance,
	/// The block the listing was registered in.
	pub registered_at: BlockNumber,
}

impl<AccountId, Balance, BlockNumber, M: Get<u32>, C: Get<u32>>
	Listing<AccountId, Balance, BlockNumber, M, C>
{
	/// The listing as the runtime API reports it.
	pub fn into_details(self, id: ListingId) -> ListingDetails<AccountId, Balance, BlockNumber> {
		ListingDetails {
			id,
			owner: self.owner,
			content_hash: self.content_hash,
			metadata: self.metadata.into_inner(),
			category: self.category,
			terms: self.terms,
			shares: self.shares.into_inner(),
			status: self.status,
			deposit: self.deposit,
			registered_at: self.registered_at,
		}
	}
}

/// A registration claim as stored: the commitment to a content hash
/// ([`crate::Pallet::claim_commitment`]) and the block it was made in. A claim lets its account
/// register the content once it is [`crate::ClaimDelay`] blocks old.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ContentClaim<BlockNumber> {
	/// `blake2_256("allspark/claim" ++ content hash ++ account)`.
	pub commitment: [u8; 32],
	/// The block the claim was made in.
	pub claimed_at: BlockNumber,
}

impl<BlockNumber: Saturating + Copy> ContentClaim<BlockNumber> {
	/// The first block in which `register` accepts the claim, with a claim delay of `delay`.
	pub fn matures_at(&self, delay: BlockNumber) -> BlockNumber {
		self.claimed_at.saturating_add(delay)
	}
}

/// A registration claim as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ClaimDetails<BlockNumber> {
	/// The commitment to a content hash.
	pub commitment: [u8; 32],
	/// The block the claim was made in.
	pub claimed_at: BlockNumber,
	/// The first block in which `register` accepts it.
	pub matures_at: BlockNumber,
}

/// The stored bytes a listing's deposit is charged for, beyond the fixed part the base deposit
/// covers: the metadata, and each revenue share (an account and a per-mill).
pub fn deposit_bytes<AccountId: MaxEncodedLen>(metadata_len: usize, shares: usize) -> u32 {
	let share_size = AccountId::max_encoded_len().saturating_add(Permill::max_encoded_len());
	let bytes = metadata_len.saturating_add(shares.saturating_mul(share_size));
	u32::try_from(bytes).unwrap_or(u32::MAX)
}
