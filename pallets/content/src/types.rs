//! Types of the content pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// A listing's identifier, issued in sequence from 0.
pub type ListingId = u64;

/// The fingerprint of a work (for example the blake2-256 hash of its file). One listing per hash.
pub type ContentHash = [u8; 32];

/// What kind of work a listing is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Category {
	/// Articles, books, scripts.
	Text,
	/// Photographs, illustrations.
	Image,
	/// Music, podcasts, sound.
	Audio,
	/// Film, clips, animation.
	Video,
	/// Programs and libraries.
	Software,
	/// Data sets.
	Dataset,
	/// Advertising creative.
	Advertising,
	/// Designs, models, templates.
	Design,
	/// Anything else.
	Other,
}

/// The default licence terms a listing's owner offers: which usage licences are on sale, how long
/// they run, and what a distributor earns on the sales it refers.
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
#[serde(rename_all = "camelCase")]
pub struct LicenceTerms<BlockNumber> {
	/// Personal-use licences may be sold.
	pub personal: bool,
	/// Commercial-use licences may be sold.
	pub commercial: bool,
	/// Republication licences may be sold.
	pub republication: bool,
	/// How long a licence runs, in blocks; `None`: perpetual.
	pub licence_duration: Option<BlockNumber>,
	/// What a distributor earns on each sale it refers, as a share of the price.
	pub distributor_commission: Permill,
}

impl<BlockNumber> LicenceTerms<BlockNumber> {
	/// Whether any licence is offered at all.
	pub fn offers_any_licence(&self) -> bool {
		self.personal || self.commercial || self.republication
	}
}

/// Where a listing stands.
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
pub enum ListingStatus {
	/// Listed and tradable.
	Active,
	/// Suspended by governance: not tradable, and its owner can neither change, transfer nor
	/// delist it until governance reinstates or removes it.
	Suspended,
}

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

/// A creator's share of a listing's revenue.
pub type Share<AccountId> = (AccountId, Permill);

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

/// The stored bytes a listing's deposit is charged for, beyond the fixed part the base deposit
/// covers: the metadata, and each revenue share (an account and a per-mill).
pub fn deposit_bytes<AccountId: MaxEncodedLen>(metadata_len: usize, shares: usize) -> u32 {
	let share_size = AccountId::max_encoded_len().saturating_add(Permill::max_encoded_len());
	let bytes = metadata_len.saturating_add(shares.saturating_mul(share_size));
	u32::try_from(bytes).unwrap_or(u32::MAX)
}

/// Serialise a balance as a decimal string (JavaScript numbers cannot carry 128-bit amounts): the
/// runtime APIs' views use it for their JSON (RPC) form.
pub mod balance_string {
	use alloc::string::{String, ToString};
	use core::str::FromStr;
	use serde::{de::Error, Deserialize, Deserializer, Serializer};

	/// Write `b` as a decimal string.
	pub fn serialize<S: Serializer, B: ToString>(b: &B, s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&b.to_string())
	}

	/// Read a decimal string.
	pub fn deserialize<'de, D: Deserializer<'de>, B: FromStr>(d: D) -> Result<B, D::Error> {
		let s = String::deserialize(d)?;
		s.parse().map_err(|_| D::Error::custom("not a decimal amount"))
	}
}
