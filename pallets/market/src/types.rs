//! Types of the market pallet.

use alloc::vec::Vec;
use allspark_primitives::{Category, ListingId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{BoundedVec, Get},
	CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// An order's identifier, issued in sequence from 0.
pub type OrderId = u64;
/// An offer's (fixed price, English or Dutch auction) identifier, issued in sequence from 0.
pub type OfferId = u64;
/// A request's identifier, issued in sequence from 0.
pub type RequestId = u64;
/// A proposal's identifier within its request, issued in sequence from 0.
pub type ProposalId = u32;
/// A number of units of a right.
pub type Quantity = u32;

/// A kind of usage licence.
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
pub enum LicenceKind {
	/// Private, non-commercial use.
	Personal,
	/// Use in a business.
	Commercial,
	/// Publishing the work again, in another outlet.
	Republication,
}

/// What is traded on a listing.
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
pub enum Right {
	/// A usage licence of a kind; it runs for the listing's licence duration (or forever).
	Licence(LicenceKind),
	/// A subscription to the listing's creator: each unit is one subscription period.
	Subscription,
	/// A distribution right: its holder earns the listing's distributor commission on the sales
	/// it refers. It runs for the listing's licence duration (or forever).
	Distribution,
	/// The copyright itself: one unit, which makes the buyer the listing's owner.
	Copyright,
}

impl Right {
	/// Every right, for walking a listing's books.
	pub const ALL: [Right; 6] = [
		Right::Licence(LicenceKind::Personal),
		Right::Licence(LicenceKind::Commercial),
		Right::Licence(LicenceKind::Republication),
		Right::Subscription,
		Right::Distribution,
		Right::Copyright,
	];
}

/// The side of an order.
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
pub enum Side {
	/// Buying: the order's funds are held until it fills, is cancelled or expires.
	Buy,
	/// Selling: only the listing's owner sells its rights.
	Sell,
}

impl Side {
	/// The other side.
	pub fn opposite(self) -> Self {
		match self {
			Side::Buy => Side::Sell,
			Side::Sell => Side::Buy,
		}
	}
}

/// One book: a listing's right.
pub type BookKey = (ListingId, Right);

/// A price level's key: a book, a side and a per-unit price.
pub type LevelKey<Balance> = (ListingId, Right, Side, Balance);

/// An order resting in its price level ([`Level`]): what matching needs of it, so that a fill
/// reads and writes nothing but its level.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct RestingOrder<AccountId, BlockNumber> {
	/// The order's id.
	pub id: OrderId,
	/// Who placed it.
	pub owner: AccountId,
	/// The units still open.
	pub remaining: Quantity,
	/// The first block at which the order no longer trades.
	pub expires_at: BlockNumber,
	/// A buy order's referring distributor, paid the listing's commission when it holds a valid
	/// distribution right.
	pub referrer: Option<AccountId>,
}

/// An order's fixed terms and where it rests, by id ([`crate::OrderIndex`]): written once when
/// the order rests, deleted when it has left the book and settled.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct OrderLocation<AccountId, Balance, BlockNumber> {
	/// Who placed it.
	pub owner: AccountId,
	/// The listing.
	pub listing: ListingId,
	/// The right traded.
	pub right: Right,
	/// Buy or sell.
	pub side: Side,
	/// The per-unit price: with the three above, the key of its level.
	pub price: Balance,
	/// The first block at which the order no longer trades.
	pub expires_at: BlockNumber,
}

impl<AccountId, Balance: Clone, BlockNumber> OrderLocation<AccountId, Balance, BlockNumber> {
	/// The key of the order's price level.
	pub fn level_key(&self) -> LevelKey<Balance> {
		(self.listing, self.right, self.side, self.price.clone())
	}
}

/// A price level: the orders resting at one price of one side of a book, oldest first.
///
/// The level holds its orders, so a call reads and writes each level it visits once, whatever
/// the number of its orders it fills: a fill takes from the front, a new order joins the back,
/// and a cancel takes its order out without touching the others.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
	DebugNoBound,
	DefaultNoBound,
)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Level<AccountId, BlockNumber, S: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The orders at this level, oldest first (ids rise, as orders are issued in sequence).
	pub orders: BoundedVec<RestingOrder<AccountId, BlockNumber>, S>,
	/// The units open at this level.
	pub quantity: u64,
}

impl<AccountId, BlockNumber, S: Get<u32>> Level<AccountId, BlockNumber, S>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Where order `id` rests in this level, if it does (the orders are kept in id order).
	pub fn position(&self, id: OrderId) -> Option<usize> {
		self.orders.binary_search_by_key(&id, |resting| resting.id).ok()
	}
}

/// Work a call leaves to the settlement queue ([`crate::SettlementQueue`]), done in the spare
/// weight of the next blocks (`on_idle`) or by anyone's [`crate::Pallet::settle_queue`]: a
/// call that fills or removes many resting orders writes one queue page instead of a key per
/// order.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Settling<AccountId, Balance> {
	/// Units a resting buy order bought: paid out of the buyer's escrow to the listing's owner
	/// (who pays the service charge, the commission and the co-creators' shares) and granted
	/// to the buyer.
	Fill {
		/// The buy order.
		order: OrderId,
		/// Its owner, the buyer.
		buyer: AccountId,
		/// Its referring distributor.
		referrer: Option<AccountId>,
		/// The listing.
		listing: ListingId,
		/// The right bought.
		right: Right,
		/// The units bought.
		quantity: Quantity,
		/// What they cost (held from the buyer).
		value: Balance,
		/// Whether the order was filled completely: settled, it is forgotten.
		closes: bool,
	},
	/// An order that left the book (filled completely, expired, stale or evicted): it is
	/// forgotten, and what its open units held is released to its owner.
	Close {
		/// The order.
		order: OrderId,
		/// Its owner.
		owner: AccountId,
		/// The escrow to release (a buy order removed with units open; zero otherwise).
		release: Balance,
	},
}

impl<AccountId, Balance> Settling<AccountId, Balance> {
	/// The order the entry settles.
	pub fn order(&self) -> OrderId {
		match self {
			Settling::Fill { order, .. } | Settling::Close { order, .. } => *order,
		}
	}
}

/// How an offer is priced.
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
#[serde(
	rename_all_fields = "camelCase",
	bound(
		serialize = "Balance: alloc::string::ToString, BlockNumber: serde::Serialize",
		deserialize = "Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	)
)]
pub enum PricingMode<Balance, BlockNumber> {
	/// A fixed per-unit price; buyers take units until none are left.
	Fixed {
		/// The per-unit price.
		#[serde(with = "balance_string")]
		price: Balance,
	},
	/// An English auction of the whole quantity as one lot: the highest bid at the end wins.
	/// Bids in the last [`crate::Config::AuctionExtension`] blocks move the end.
	English {
		/// The least first bid.
		#[serde(with = "balance_string")]
		reserve: Balance,
		/// The least a bid must beat the highest bid by.
		#[serde(with = "balance_string")]
		min_increment: Balance,
		/// The block the auction ends at (later when extended).
		end: BlockNumber,
	},
	/// A Dutch auction: the per-unit price falls linearly from `start_price` (at the offer's
	/// creation) to `floor_price` (at `end`), then stays at the floor until the offer expires.
	Dutch {
		/// The per-unit price when the offer is created.
		#[serde(with = "balance_string")]
		start_price: Balance,
		/// The lowest per-unit price, reached at `end`.
		#[serde(with = "balance_string")]
		floor_price: Balance,
		/// The block the price reaches the floor.
		end: BlockNumber,
	},
}

/// The highest bid of an English auction.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Bid<AccountId, Balance> {
	/// The bidder, whose `amount` is held.
	pub bidder: AccountId,
	/// The bid for the whole lot.
	pub amount: Balance,
	/// The bidder's referring distributor.
	pub referrer: Option<AccountId>,
	/// For a copyright lot, the listing's deposit, held with the bid: the winner holds it as
	/// the new owner. Zero for other rights.
	pub deposit: Balance,
}

/// An offer by a listing's owner, priced by one of the [`PricingMode`]s.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Offer<AccountId, Balance, BlockNumber> {
	/// The listing's owner, who made it.
	pub seller: AccountId,
	/// The listing.
	pub listing: ListingId,
	/// The right offered.
	pub right: Right,
	/// The pricing mode.
	pub mode: PricingMode<Balance, BlockNumber>,
	/// The units still offered (an English auction sells them as one lot).
	pub remaining: Quantity,
	/// The block the offer was made in.
	pub created_at: BlockNumber,
	/// The first block at which the offer no longer trades (an English auction: its end).
	pub expires_at: BlockNumber,
	/// An English auction's highest bid.
	pub best_bid: Option<Bid<AccountId, Balance>>,
}

/// An open request: what a buyer wants, and the budget held for it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Request<AccountId, Balance, BlockNumber> {
	/// Who posted it, whose budget is held.
	pub requester: AccountId,
	/// The category of work wanted.
	pub category: Category,
	/// The right wanted on the work.
	pub right: Right,
	/// The most the requester pays (held).
	pub budget: Balance,
	/// The first block at which proposals can no longer be made or accepted.
	pub deadline: BlockNumber,
	/// A hash of the brief (kept off chain).
	pub brief_hash: [u8; 32],
	/// The id the next proposal gets (ids are never reused; at most
	/// `MaxProposalsPerRequest` proposals are open at once).
	pub next_proposal: ProposalId,
}

/// A listing owner's answer to a request.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Proposal<AccountId, Balance> {
	/// The listing's owner, who proposed.
	pub proposer: AccountId,
	/// The listing proposed.
	pub listing: ListingId,
	/// The price asked, at most the request's budget.
	pub price: Balance,
}

/// Why a proposal left its request without a trade.
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
pub enum ProposalRemoval {
	/// Its proposer withdrew it.
	Withdrawn,
	/// The requester rejected it.
	Rejected,
	/// The request had the most proposals and a cheaper one took this one's place (the dearest).
	Evicted,
}

/// A right an account holds.
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
pub struct Licence<BlockNumber> {
	/// The units held (licence copies, subscription periods, distribution rights).
	pub units: Quantity,
	/// The block the holder last acquired units.
	pub granted_at: BlockNumber,
	/// The first block at which the right is no longer valid; `None`: perpetual.
	pub expires_at: Option<BlockNumber>,
}

impl<BlockNumber: PartialOrd> Licence<BlockNumber> {
	/// Whether the right is valid at block `now`.
	pub fn is_valid_at(&self, now: &BlockNumber) -> bool {
		self.expires_at.as_ref().is_none_or(|e| now < e)
	}
}

/// Something that expires at a block and must then be cleaned up or settled.
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
pub enum Expiring {
	/// An order: removed, its hold released.
	Order(OrderId),
	/// An offer: removed; an English auction is settled.
	Offer(OfferId),
	/// A request: removed with its proposals, its budget released.
	Request(RequestId),
}

/// Why an order left the book without filling.
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
pub enum RemovalReason {
	/// Its owner cancelled it.
	Cancelled,
	/// It reached its expiry.
	Expired,
	/// A sell order whose placer no longer owns the listing (the copyright was sold), or an order
	/// on a listing no longer tradable, met by a matching order.
	Stale,
	/// An incoming order reached the fill limit of one call while its remainder still crossed
	/// the book: the remainder does not rest (the book is never left crossed).
	FillLimitReached,
	/// Its price level was the worst of a side with the most levels, and an order at a better
	/// price took the level's place.
	Evicted,
}

pub use allspark_primitives::balance_string;

/// One price level of a book as the runtime API reports it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "Balance: alloc::string::ToString",
		deserialize = "Balance: core::str::FromStr"
	)
)]
pub struct LevelView<Balance> {
	/// The per-unit price.
	#[serde(with = "balance_string")]
	pub price: Balance,
	/// The units open at this price.
	pub quantity: u64,
	/// The orders at this price.
	pub orders: u32,
}

/// A book as the runtime API reports it: best levels first.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "Balance: alloc::string::ToString",
		deserialize = "Balance: core::str::FromStr"
	)
)]
pub struct BookView<Balance> {
	/// Buy levels, highest price first.
	pub bids: Vec<LevelView<Balance>>,
	/// Sell levels, lowest price first.
	pub asks: Vec<LevelView<Balance>>,
}

/// An order as the runtime API reports it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: serde::Serialize, Balance: alloc::string::ToString, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	)
)]
pub struct OrderView<AccountId, Balance, BlockNumber> {
	/// The order's id.
	pub id: OrderId,
	/// Who placed it.
	pub owner: AccountId,
	/// The listing.
	pub listing: ListingId,
	/// The right.
	pub right: Right,
	/// Buy or sell.
	pub side: Side,
	/// The per-unit price.
	#[serde(with = "balance_string")]
	pub price: Balance,
	/// The units still open on the book.
	pub remaining: Quantity,
	/// A buy order's units filled and awaiting settlement (paid out and granted within the
	/// next blocks, or at once by [`crate::Call::settle_queue`]).
	pub filled: Quantity,
	/// The first block at which it no longer trades.
	pub expires_at: BlockNumber,
}

/// A right an account holds, as the runtime API reports it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct LicenceView<BlockNumber> {
	/// The listing.
	pub listing: ListingId,
	/// The right.
	pub right: Right,
	/// The units held.
	pub units: Quantity,
	/// The block the holder last acquired units.
	pub granted_at: BlockNumber,
	/// The first block at which it is no longer valid; `None`: perpetual.
	pub expires_at: Option<BlockNumber>,
	/// Whether it is valid at the block queried.
	pub valid: bool,
}

/// An offer as the runtime API reports it, with its state now.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: serde::Serialize, Balance: alloc::string::ToString, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	)
)]
pub struct OfferView<AccountId, Balance, BlockNumber> {
	/// The offer's id.
	pub id: OfferId,
	/// The listing's owner, who made it.
	pub seller: AccountId,
	/// The listing.
	pub listing: ListingId,
	/// The right offered.
	pub right: Right,
	/// The pricing mode.
	pub mode: PricingMode<Balance, BlockNumber>,
	/// The units still offered.
	pub remaining: Quantity,
	/// The first block at which it no longer trades (an English auction: its end).
	pub expires_at: BlockNumber,
	/// What one unit costs now (fixed or Dutch), or the least acceptable next bid for the whole
	/// lot (English).
	#[serde(with = "balance_string")]
	pub price_now: Balance,
	/// An English auction's highest bidder.
	pub best_bidder: Option<AccountId>,
	/// An English auction's highest bid.
	#[serde(with = "option_balance_string")]
	pub best_bid: Option<Balance>,
	/// Blocks left until it ends or expires (0 when it has).
	pub blocks_left: BlockNumber,
}

/// Serialise an optional balance as a decimal string or `null`.
pub mod option_balance_string {
	use alloc::string::{String, ToString};
	use core::str::FromStr;
	use serde::{de::Error, Deserialize, Deserializer, Serializer};

	/// Write `b` as a decimal string, or `null`.
	pub fn serialize<S: Serializer, B: ToString>(b: &Option<B>, s: S) -> Result<S::Ok, S::Error> {
		match b {
			Some(b) => s.serialize_str(&b.to_string()),
			None => s.serialize_none(),
		}
	}

	/// Read a decimal string or `null`.
	pub fn deserialize<'de, D: Deserializer<'de>, B: FromStr>(d: D) -> Result<Option<B>, D::Error> {
		let s = Option::<String>::deserialize(d)?;
		s.map(|s| s.parse().map_err(|_| D::Error::custom("not a decimal amount")))
			.transpose()
	}
}

/// A proposal as the runtime API reports it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: serde::Serialize, Balance: alloc::string::ToString",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr"
	)
)]
pub struct ProposalView<AccountId, Balance> {
	/// The proposal's id within its request.
	pub id: ProposalId,
	/// Who proposed.
	pub proposer: AccountId,
	/// The listing proposed.
	pub listing: ListingId,
	/// The price asked.
	#[serde(with = "balance_string")]
	pub price: Balance,
}

/// An open request as the runtime API reports it, with its proposals.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: serde::Serialize, Balance: alloc::string::ToString, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	)
)]
pub struct RequestView<AccountId, Balance, BlockNumber> {
	/// The request's id.
	pub id: RequestId,
	/// Who posted it.
	pub requester: AccountId,
	/// The category wanted.
	pub category: Category,
	/// The right wanted.
	pub right: Right,
	/// The most the requester pays.
	#[serde(with = "balance_string")]
	pub budget: Balance,
	/// The first block at which it no longer takes proposals.
	pub deadline: BlockNumber,
	/// The brief's hash, `0x` hex.
	pub brief_hash: sp_core_hash::H256Hex,
	/// The proposals made, oldest first.
	pub proposals: Vec<ProposalView<AccountId, Balance>>,
}

/// A 32-byte hash that serialises as `0x` hex.
pub mod sp_core_hash {
	use alloc::{format, string::String, vec::Vec};
	use codec::{Decode, Encode};
	use scale_info::TypeInfo;
	use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

	/// A 32-byte hash, `0x` hex in JSON.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
	pub struct H256Hex(pub [u8; 32]);

	impl Serialize for H256Hex {
		fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
			let hex: String = self.0.iter().map(|b| format!("{:02x}", b)).collect();
			s.serialize_str(&format!("0x{hex}"))
		}
	}

	impl<'de> Deserialize<'de> for H256Hex {
		fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
			let s = String::deserialize(d)?;
			let s = s.strip_prefix("0x").unwrap_or(&s);
			let bytes: Vec<u8> = (0..s.len())
				.step_by(2)
				.map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
				.collect::<Option<_>>()
				.ok_or_else(|| D::Error::custom("not hex"))?;
			let arr: [u8; 32] = bytes.try_into().map_err(|_| D::Error::custom("not 32 bytes"))?;
			Ok(H256Hex(arr))
		}
	}
}
