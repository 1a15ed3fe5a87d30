//! Listings as the pallets share them: ids, categories, terms, status and revenue shares, and the
//! traits through which the market and evaluation pallets see the content pallet, the content
//! pallet sees the market, and the evaluation pallet is told of trades.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_runtime::{DispatchResult, Permill};

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

/// A creator's share of a listing's revenue.
pub type Share<AccountId> = (AccountId, Permill);

/// Read a listing's facts: the market and evaluation pallets' view of the content pallet.
pub trait ContentInspect<AccountId, BlockNumber> {
	/// The listing's owner, `None` when there is no such listing.
	fn owner(listing: ListingId) -> Option<AccountId>;
	/// The listing's status, `None` when there is no such listing.
	fn status(listing: ListingId) -> Option<ListingStatus>;
	/// The listing's category, `None` when there is no such listing.
	fn category(listing: ListingId) -> Option<Category>;
	/// The listing's default licence terms, `None` when there is no such listing.
	fn terms(listing: ListingId) -> Option<LicenceTerms<BlockNumber>>;
	/// How the listing's revenue is divided: its creators' shares, summing to 100 %. A listing
	/// without co-creators pays its owner everything (`[(owner, 100 %)]`); empty when there is
	/// no such listing.
	fn revenue_shares(listing: ListingId) -> Vec<Share<AccountId>>;
	/// Whether the listing exists and is active (may be traded and evaluated).
	fn is_active(listing: ListingId) -> bool {
		Self::status(listing) == Some(ListingStatus::Active)
	}
}

/// Move a listing's copyright: the market settles a copyright sale through this.
pub trait ContentTransfer<AccountId> {
	/// The balance type of listing deposits.
	type Balance;
	/// Make `to` the owner of `listing`, which `from` owns. The listing must be active and `to`
	/// must be able to hold the listing's deposit, which is released to `from`. Does not consult
	/// [`ContentObligations`]: the caller is the market, which settles its own obligations.
	fn transfer_copyright(listing: ListingId, from: &AccountId, to: &AccountId) -> DispatchResult;
	/// The most [`ContentTransfer::transfer_copyright`] weighs: callers add it to the weight of
	/// a trade that moves a copyright.
	fn transfer_copyright_weight() -> Weight;
	/// The deposit `listing`'s owner holds, which its next owner must hold in turn (zero when
	/// there is no such listing).
	fn deposit(listing: ListingId) -> Self::Balance;
}

/// Whether a listing has open market obligations (open offers, orders, auctions, running
/// subscriptions). A listing with obligations cannot be delisted, nor its copyright transferred
/// by its owner, out from under its buyers. The market pallet implements this.
pub trait ContentObligations {
	/// Whether `listing` has open obligations.
	fn has_open_obligations(listing: ListingId) -> bool;
	/// Whether bids bind `listing`: an auction of it has a bid, made on its terms and metadata
	/// as they are, which therefore must not change until the auction ends.
	fn is_bound_by_bids(_listing: ListingId) -> bool {
		false
	}
}

/// No market: no obligations.
impl ContentObligations for () {
	fn has_open_obligations(_listing: ListingId) -> bool {
		false
	}
}

/// A settled trade, as the market reports it to [`OnTrade`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TradeReport<AccountId, Balance> {
	/// The listing traded.
	pub listing: ListingId,
	/// What the buyer paid, in total (the service charge included).
	pub value: Balance,
	/// The service charge the trade paid (out of `value`).
	pub charge: Balance,
	/// The distributor that referred the buyer and the commission it was paid, when one was.
	pub distributor: Option<(AccountId, Balance)>,
}

/// Told of every settled trade of a listing: the evaluation pallet credits era rewards, bounded
/// by the service charge the trade paid, to the listing's revenue-share holders and distributor
/// of the moment. The market pallet calls it once per settlement.
pub trait OnTrade<AccountId, Balance> {
	/// `trade` was settled.
	fn on_trade(trade: TradeReport<AccountId, Balance>);
}

/// Nobody is told.
impl<AccountId, Balance> OnTrade<AccountId, Balance> for () {
	fn on_trade(_trade: TradeReport<AccountId, Balance>) {}
}
