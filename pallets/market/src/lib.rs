#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod book;
mod expiry;
mod invariants;
pub mod migrations;
mod offers;
mod queries;
mod requests;
pub mod runtime_api;
mod settlement;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

use allspark_primitives::ServiceCharge;
use allspark_primitives::{
	ContentInspect, ContentObligations, ContentTransfer, ListingId, OnTrade,
};
use frame_support::traits::fungible;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The block number type.
pub type BlockNumberOf<T> = frame_system::pallet_prelude::BlockNumberFor<T>;
/// An order resting in a level, as this runtime stores it.
pub type RestingOrderOf<T> = RestingOrder<<T as frame_system::Config>::AccountId, BlockNumberOf<T>>;
/// Where an order rests, as this runtime stores it.
pub type OrderLocationOf<T> =
	OrderLocation<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;
/// A price level of this runtime.
pub type LevelOf<T> = Level<
	<T as frame_system::Config>::AccountId,
	BlockNumberOf<T>,
	<T as pallet::Config>::MaxOrdersPerLevel,
>;
/// A settlement-queue entry of this runtime.
pub type SettlingOf<T> = Settling<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
/// An offer as this runtime stores it.
pub type OfferOf<T> = Offer<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;
/// A request as this runtime stores it.
pub type RequestOf<T> =
	Request<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;
/// A proposal as this runtime stores it.
pub type ProposalOf<T> = Proposal<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
/// A pricing mode of this runtime.
pub type PricingModeOf<T> = PricingMode<BalanceOf<T>, BlockNumberOf<T>>;

/// How many entries one page of the settlement queue holds.
pub const SETTLEMENT_PAGE: u32 = 256;

/// What the benchmarks need from the runtime (listings and a configured service charge): the one
/// helper the market and evaluation benchmarks share.
#[cfg(feature = "runtime-benchmarks")]
pub use allspark_primitives::BenchmarkHelper;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use allspark_primitives::Category;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Zero;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The native currency (ASK): escrow is held in it and trades are paid in it.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The content listings: who owns them, what they offer, and the copyright's transfer.
		type Content: ContentInspect<Self::AccountId, BlockNumberFor<Self>>
			+ ContentTransfer<Self::AccountId, Balance = BalanceOf<Self>>;

		/// The service charge every trade pays (the token pallet).
		type ServiceCharge: ServiceCharge<Self::AccountId, Balance = BalanceOf<Self>>;

		/// Told of every settled trade (the evaluation pallet's era rewards weigh trade volume).
		type OnTrade: OnTrade<Self::AccountId, BalanceOf<Self>>;

		/// Accounts' frozen balances (vesting locks among them): escrow is never held out of
		/// frozen funds.
		type FrozenBalance: allspark_primitives::FrozenBalance<Self::AccountId, BalanceOf<Self>>;

		/// The most price levels on one side of one book.
		#[pallet::constant]
		type MaxPriceLevels: Get<u32>;

		/// The most orders resting at one price level of one side of a book.
		#[pallet::constant]
		type MaxOrdersPerLevel: Get<u32>;

		/// The most resting orders one call fills (or removes as expired or stale).
		#[pallet::constant]
		type MaxFillsPerCall: Get<u32>;

		/// The most expired or stale resting orders one call removes while matching (each weighs
		/// about a cancel); matching stops at the next one.
		#[pallet::constant]
		type MaxRemovalsPerCall: Get<u32>;

		/// The longest an order, offer or request may stay open, in blocks.
		#[pallet::constant]
		type MaxOrderLifetime: Get<BlockNumberFor<Self>>;

		/// The most expiry-queue entries (and empty queue blocks) `on_initialize` handles in one
		/// block: the queue's guaranteed pace. `on_idle` goes on with a backlog in the block's
		/// spare weight.
		#[pallet::constant]
		type MaxCleanupPerBlock: Get<u32>;

		/// The most settlement-queue entries done in one block's spare weight (`on_idle`), or by
		/// one `settle_queue` call.
		#[pallet::constant]
		type MaxSettlementsPerBlock: Get<u32>;

		/// The length of one subscription unit, in blocks.
		#[pallet::constant]
		type SubscriptionPeriod: Get<BlockNumberFor<Self>>;

		/// A bid this many blocks or fewer before an English auction's end moves the end to this
		/// many blocks after the bid.
		#[pallet::constant]
		type AuctionExtension: Get<BlockNumberFor<Self>>;

		/// The most proposals one request takes.
		#[pallet::constant]
		type MaxProposalsPerRequest: Get<u32>;

		/// The most entries one page of the runtime API returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weight information for the pallet's calls.
		type WeightInfo: WeightInfo;

		/// Benchmark setup.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A buyer's escrow: open buy orders, highest auction bids, request budgets.
		Escrow,
	}

	/// Where each order rests, by id, with its fixed terms: from when it rests until it has left
	/// the book and settled (an order filled completely or removed while matching stays until
	/// the settlement queue reaches it).
	#[pallet::storage]
	pub type OrderIndex<T: Config> =
		StorageMap<_, Twox64Concat, OrderId, OrderLocationOf<T>, OptionQuery>;

	/// The id the next order gets.
	#[pallet::storage]
	pub type NextOrderId<T: Config> = StorageValue<_, OrderId, ValueQuery>;

	/// The price levels of every book: the orders resting at one price of one side, oldest
	/// first.
	#[pallet::storage]
	pub type Levels<T: Config> =
		StorageMap<_, Blake2_128Concat, LevelKey<BalanceOf<T>>, LevelOf<T>, OptionQuery>;

	/// The prices with open orders on one side of a book, best first (buys: highest first;
	/// sells: lowest first).
	#[pallet::storage]
	pub type Ladders<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(ListingId, Right, Side),
		BoundedVec<BalanceOf<T>, T::MaxPriceLevels>,
		ValueQuery,
	>;

	/// The orders of each account, as [`OrderIndex`] lists them.
	#[pallet::storage]
	pub type AccountOrders<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, OrderId, (), OptionQuery>;

	/// Every open offer (fixed price, English or Dutch auction), by id.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Twox64Concat, OfferId, OfferOf<T>, OptionQuery>;

	/// The id the next offer gets.
	#[pallet::storage]
	pub type NextOfferId<T: Config> = StorageValue<_, OfferId, ValueQuery>;

	/// The open offers on each listing.
	#[pallet::storage]
	pub type ListingOffers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ListingId, Twox64Concat, OfferId, (), OptionQuery>;

	/// Every open request, by id.
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, RequestOf<T>, OptionQuery>;

	/// The id the next request gets.
	#[pallet::storage]
	pub type NextRequestId<T: Config> = StorageValue<_, RequestId, ValueQuery>;

	/// The open requests of each category.
	#[pallet::storage]
	pub type CategoryRequests<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Category, Twox64Concat, RequestId, (), OptionQuery>;

	/// The proposals made to each open request.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RequestId,
		Twox64Concat,
		ProposalId,
		ProposalOf<T>,
		OptionQuery,
	>;

	/// The rights each account holds, by listing and right.
	#[pallet::storage]
	pub type Licences<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		(ListingId, Right),
		Licence<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// What expires at each block: orders, offers and requests to remove, auctions to settle.
	/// One key per entry, so scheduling writes one key and reads none.
	#[pallet::storage]
	pub type ExpiryQueue<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		Expiring,
		(),
		OptionQuery,
	>;

	/// The oldest block whose expiry queue may still hold entries.
	#[pallet::storage]
	pub type ExpiryCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The settlement queue, in pages, oldest first: resting buy orders' fills to pay out and
	/// grant, and orders that left the book to forget (releasing what they held).
	#[pallet::storage]
	pub type SettlementQueue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		u32,
		BoundedVec<SettlingOf<T>, ConstU32<SETTLEMENT_PAGE>>,
		ValueQuery,
	>;

	/// The settlement queue's first and next free page.
	#[pallet::storage]
	pub type SettlementPages<T: Config> = StorageValue<_, (u32, u32), ValueQuery>;

	/// The sales each account has open on each listing: its sell orders resting on the listing's
	/// books and its open offers. The listing's owner's count is what binds it
	/// ([`ContentObligations::has_open_obligations`]); a previous owner's stale sales do not.
	#[pallet::storage]
	pub type OpenSales<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ListingId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// The English auctions with a bid on each listing. While any has, the listing's terms and
	/// metadata cannot change and its copyright cannot change hands other than by the auction
	/// that sells it.
	#[pallet::storage]
	pub type BidLocks<T: Config> = StorageMap<_, Twox64Concat, ListingId, u32, ValueQuery>;

	/// The fills of buy orders on each listing that await settlement (settlement-queue entries).
	/// While any do, the listing's copyright cannot change hands (they are paid to its owner)
	/// and it cannot be delisted.
	#[pallet::storage]
	pub type PendingFills<T: Config> = StorageMap<_, Twox64Concat, ListingId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An order was placed. It fills against the book first (see [`Event::OrderFilled`]);
		/// what is left rests on the book under this id.
		OrderPlaced {
			/// The order's id.
			order: OrderId,
			/// Who placed it.
			owner: T::AccountId,
			/// The listing.
			listing: ListingId,
			/// The right.
			right: Right,
			/// Buy or sell.
			side: Side,
			/// The per-unit limit price.
			price: BalanceOf<T>,
			/// The units ordered.
			quantity: Quantity,
			/// The first block at which it no longer trades.
			expires_at: BlockNumberFor<T>,
		},
		/// A resting order was filled, wholly or partly, by an incoming order. When the resting
		/// order is a buy, the trade is paid out and granted when the order settles
		/// ([`Event::OrderSettled`]); when it is a sell, the incoming buyer pays at once
		/// ([`Event::TradeSettled`]).
		OrderFilled {
			/// The resting order.
			order: OrderId,
			/// The incoming order.
			taker_order: OrderId,
			/// Who bought.
			buyer: T::AccountId,
			/// Who sold.
			seller: T::AccountId,
			/// The per-unit price (the resting order's).
			price: BalanceOf<T>,
			/// The units traded.
			quantity: Quantity,
			/// The units the resting order still has open.
			remaining: Quantity,
		},
		/// An order left the book without filling its remainder. A buy order's held remainder is
		/// released at once when it was cancelled or expired from the queue, or by the settlement
		/// queue ([`Event::EscrowReleased`]) when it was removed while matching or evicted.
		OrderRemoved {
			/// The order.
			order: OrderId,
			/// Its owner.
			owner: T::AccountId,
			/// The units that were still open.
			remaining: Quantity,
			/// Cancelled, expired or stale.
			reason: RemovalReason,
		},
		/// A settlement-queue entry of a resting order was done: a buy order's fills were paid
		/// out to the listing's owner and granted to the buyer, or an order that left the book
		/// was forgotten.
		OrderSettled {
			/// The order.
			order: OrderId,
			/// Its owner.
			owner: T::AccountId,
			/// The units paid out and granted (0 for a sell order, whose buyers paid at once).
			quantity: Quantity,
			/// What they cost.
			value: BalanceOf<T>,
			/// Whether the order is gone (it had left the book).
			closed: bool,
		},
		/// A filled buy order's fills could not be paid out (the listing was removed, or the
		/// service charge rose above their value before settlement): their escrow went back to
		/// the buyer and nothing was granted.
		FillsRefunded {
			/// The order.
			order: OrderId,
			/// Its owner, refunded.
			owner: T::AccountId,
			/// The units not granted.
			quantity: Quantity,
			/// The escrow released.
			value: BalanceOf<T>,
		},
		/// Escrow released to a buyer: its order filled at better prices than its limit, or it was
		/// removed from the book while matching or evicted (released by the settlement queue).
		EscrowReleased {
			/// The buyer.
			who: T::AccountId,
			/// The amount released.
			amount: BalanceOf<T>,
		},
		/// A trade was paid out: the buyers' held funds reached the seller, who paid the service
		/// charge, the distributors' commissions and the co-creators' shares out of them.
		TradeSettled {
			/// The listing.
			listing: ListingId,
			/// The right traded.
			right: Right,
			/// The seller (the listing's owner when the trade was made).
			seller: T::AccountId,
			/// The units traded.
			quantity: Quantity,
			/// What the buyers paid in all.
			value: BalanceOf<T>,
			/// The service charge taken.
			charge: BalanceOf<T>,
			/// The commissions paid to referring distributors.
			commission: BalanceOf<T>,
			/// What the co-creators other than the seller received.
			co_creators: BalanceOf<T>,
		},
		/// A buyer was granted a right.
		RightGranted {
			/// The buyer.
			who: T::AccountId,
			/// The listing.
			listing: ListingId,
			/// The right.
			right: Right,
			/// The units granted.
			units: Quantity,
			/// The first block at which the right is no longer valid; `None`: perpetual (the
			/// copyright: the buyer now owns the listing).
			expires_at: Option<BlockNumberFor<T>>,
		},
		/// A distributor earned a commission on a sale it referred.
		CommissionPaid {
			/// The distributor.
			distributor: T::AccountId,
			/// The listing.
			listing: ListingId,
			/// The commission.
			amount: BalanceOf<T>,
		},
		/// A listing's owner made an offer.
		OfferCreated {
			/// The offer's id.
			offer: OfferId,
			/// The seller.
			seller: T::AccountId,
			/// The listing.
			listing: ListingId,
			/// The right offered.
			right: Right,
			/// How it is priced.
			mode: PricingModeOf<T>,
			/// The units offered.
			quantity: Quantity,
			/// The first block at which it no longer trades.
			expires_at: BlockNumberFor<T>,
		},
		/// Units of a fixed-price or Dutch offer were bought.
		OfferTaken {
			/// The offer.
			offer: OfferId,
			/// The buyer.
			buyer: T::AccountId,
			/// The units bought.
			quantity: Quantity,
			/// The per-unit price paid.
			price: BalanceOf<T>,
			/// The units still offered.
			remaining: Quantity,
		},
		/// An English auction received a new highest bid (held from the bidder; the previous
		/// highest bid was released).
		AuctionBidPlaced {
			/// The auction's offer.
			offer: OfferId,
			/// The bidder.
			bidder: T::AccountId,
			/// The bid for the lot.
			amount: BalanceOf<T>,
			/// The auction's end, moved when the bid came in its last blocks.
			end: BlockNumberFor<T>,
		},
		/// An English auction ended and sold its lot to the highest bidder.
		AuctionSettled {
			/// The auction's offer.
			offer: OfferId,
			/// The winner.
			winner: T::AccountId,
			/// The winning bid.
			amount: BalanceOf<T>,
		},
		/// An English auction ended without a sale: no bids, or the sale could not be made (the
		/// seller no longer owns the listing, it is no longer tradable, or the payout failed);
		/// the highest bid, if any, was released.
		AuctionUnsold {
			/// The auction's offer.
			offer: OfferId,
		},
		/// An offer was withdrawn by its seller (or, when the seller no longer owns the listing,
		/// by anyone).
		OfferCancelled {
			/// The offer.
			offer: OfferId,
		},
		/// A fixed-price or Dutch offer expired with units unsold.
		OfferExpired {
			/// The offer.
			offer: OfferId,
			/// The units unsold.
			remaining: Quantity,
		},
		/// A request was posted; its budget is held.
		RequestPosted {
			/// The request's id.
			request: RequestId,
			/// Who posted it.
			requester: T::AccountId,
			/// The category wanted.
			category: Category,
			/// The right wanted.
			right: Right,
			/// The budget held.
			budget: BalanceOf<T>,
			/// The first block at which it no longer takes proposals.
			deadline: BlockNumberFor<T>,
			/// The brief's hash.
			brief_hash: [u8; 32],
		},
		/// A listing's owner answered a request.
		ProposalMade {
			/// The request.
			request: RequestId,
			/// The proposal's id within the request.
			proposal: ProposalId,
			/// The proposer.
			proposer: T::AccountId,
			/// The listing proposed.
			listing: ListingId,
			/// The price asked.
			price: BalanceOf<T>,
		},
		/// A proposal left its request without a trade: withdrawn by its proposer, rejected by
		/// the requester, or evicted by a cheaper proposal to a request with the most proposals.
		ProposalRemoved {
			/// The request.
			request: RequestId,
			/// The proposal removed.
			proposal: ProposalId,
			/// Its proposer.
			proposer: T::AccountId,
			/// Withdrawn, rejected or evicted.
			reason: ProposalRemoval,
		},
		/// The requester accepted a proposal: the trade was made and the rest of the budget
		/// released.
		ProposalAccepted {
			/// The request, now closed.
			request: RequestId,
			/// The proposal accepted.
			proposal: ProposalId,
			/// The price paid.
			price: BalanceOf<T>,
		},
		/// A request was closed without a trade and its budget released.
		RequestClosed {
			/// The request.
			request: RequestId,
			/// True: its deadline passed; false: the requester cancelled it.
			expired: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No listing has this id.
		ListingNotFound,
		/// The listing is suspended: it cannot be traded.
		ListingNotActive,
		/// Only the listing's owner may sell its rights or answer requests with it.
		NotListingOwner,
		/// The listing's terms do not offer this right (a licence kind it does not sell, or a
		/// distribution right without a commission).
		RightNotOffered,
		/// A price must be above zero.
		ZeroPrice,
		/// A quantity must be above zero.
		ZeroQuantity,
		/// The copyright is sold as exactly one unit.
		InvalidQuantity,
		/// A per-unit price below the service charge of a one-unit trade: the seller would be
		/// paid nothing.
		PriceBelowMinimumCharge,
		/// The service charge and commissions exceed the trade's value (the charge rates changed
		/// after the order was placed).
		ChargeExceedsValue,
		/// A price or value overflowed.
		Overflow,
		/// The buyer cannot hold the funds the order needs.
		InsufficientFunds,
		/// Buyer and seller would be the same account.
		SelfTrade,
		/// No open order has this id.
		OrderNotFound,
		/// The settlement queue is empty.
		NothingToSettle,
		/// Fills of the listing's buy orders await settlement, paid to its owner: the copyright
		/// cannot change hands until they are settled (`settle_queue`, or within a few blocks).
		FillsAwaitingSettlement,
		/// Only the order's owner may cancel it (others only when it is stale).
		NotOrderOwner,
		/// The expiry is not after the current block.
		ExpiryInPast,
		/// The expiry is further away than the longest lifetime allowed.
		ExpiryTooFar,
		/// This side of the book has the most price levels allowed; use an existing price.
		TooManyPriceLevels,
		/// The price level holds the most orders allowed; use another price.
		PriceLevelFull,
		/// A fill-or-kill order could not be filled completely.
		WouldNotFillCompletely,
		/// The referrer does not hold a valid distribution right on the listing, or is the buyer.
		InvalidReferrer,
		/// No open offer has this id.
		OfferNotFound,
		/// Only the offer's seller may cancel it (others only when it is stale).
		NotOfferSeller,
		/// The auction's parameters are not valid: a zero increment, a floor not below the
		/// start price, or an end not after the current block.
		InvalidAuction,
		/// English auctions take bids, not purchases.
		IsAnAuction,
		/// Only English auctions take bids.
		NotAnAuction,
		/// The offer or auction has ended.
		OfferEnded,
		/// The auction has not ended yet.
		AuctionNotEnded,
		/// The bid is below the reserve or does not beat the highest bid by the increment.
		BidTooLow,
		/// The auction has a bid: it can no longer be cancelled.
		AuctionHasBids,
		/// Fewer units are offered than asked for.
		NotEnoughUnits,
		/// The price now is above the buyer's limit.
		PriceAboveLimit,
		/// The seller no longer owns the listing.
		SellerNoLongerOwner,
		/// No open request has this id.
		RequestNotFound,
		/// Only the requester may accept proposals or cancel the request.
		NotRequester,
		/// The request's deadline has passed.
		RequestExpired,
		/// The price is above the request's budget.
		PriceAboveBudget,
		/// The listing is not of the category the request asks for.
		CategoryMismatch,
		/// The request has the most proposals allowed, none dearer than this one.
		TooManyProposals,
		/// The listing is proposed to this request already.
		ListingAlreadyProposed,
		/// Only the proposer may withdraw a proposal, and only the requester reject it.
		NotProposerOrRequester,
		/// An auction of the listing has a bid: its copyright cannot change hands until the
		/// auction ends.
		ListingBoundByBids,
		/// The request has no proposal with this id.
		ProposalNotFound,
		/// The funds are there, but part of them is frozen (locked by vesting, say): frozen funds
		/// are never held.
		FundsFrozen,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_expiries(now, T::MaxCleanupPerBlock::get())
		}

		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let settled = Self::process_settlements(remaining);
			let left = remaining.saturating_sub(settled);
			settled.saturating_add(Self::process_expiries_within(now, left))
		}

		fn integrity_test() {
			assert!(T::MaxPriceLevels::get() > 0, "a book side needs at least one price level");
			assert!(T::MaxOrdersPerLevel::get() > 0, "a price level needs room for an order");
			assert!(T::MaxFillsPerCall::get() > 0, "an order must be able to fill");
			assert!(T::MaxRemovalsPerCall::get() > 0, "matching must clear expired orders");
			assert!(T::MaxSettlementsPerBlock::get() > 0, "filled orders must be settled");
			// One call's entries span at most two pages (the last one and a new one).
			assert!(
				T::MaxFillsPerCall::get().saturating_add(T::MaxRemovalsPerCall::get())
					<= SETTLEMENT_PAGE,
				"one call's fills and removals must fit a settlement-queue page"
			);
			assert!(
				T::MaxOrdersPerLevel::get() <= SETTLEMENT_PAGE,
				"an evicted level's orders must fit a settlement-queue page"
			);
			assert!(T::MaxCleanupPerBlock::get() > 0, "expired entries must be cleaned up");
			assert!(!T::MaxOrderLifetime::get().is_zero(), "orders need a lifetime");
			assert!(!T::SubscriptionPeriod::get().is_zero(), "subscriptions need a period");
			assert!(T::MaxProposalsPerRequest::get() > 0, "requests need room for proposals");
			assert!(T::MaxPageSize::get() > 0, "query pages need room");
			// The cleanup of one block must fit its normal dispatch weight many times over.
			let cleanup = Self::max_on_initialize_weight();
			let max = <T as frame_system::Config>::BlockWeights::get().max_block;
			assert!(cleanup.all_lte(max / 4), "the expiry cleanup takes over a quarter of a block");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Place a limit order on the book of `listing`'s `right`.
		///
		/// Signed. A sell order must come from the listing's owner; a buy order from anyone else,
		/// who must be able to hold `price × quantity` (held at once as escrow). The listing must
		/// be active and its terms must offer the right.
		///
		/// The order first fills against the opposite side at the resting orders' prices, best
		/// price first and oldest first within a price, up to [`Config::MaxFillsPerCall`] resting
		/// orders. What is left rests on the book until `expires_at` (default and at most
		/// [`Config::MaxOrderLifetime`] blocks from now) unless `fill_or_kill`, which makes the
		/// whole call fail instead. A buy order filled below its limit gets the difference back.
		///
		/// - `price`: per unit, at least the service charge of a one-unit trade.
		/// - `quantity`: units (exactly 1 for the copyright).
		/// - `referrer`: for a buy, a distributor holding a valid distribution right on the
		///   listing, paid the listing's commission out of each fill.
		///
		/// Emits [`Event::OrderPlaced`], then [`Event::OrderFilled`] per fill, with
		/// [`Event::TradeSettled`], [`Event::RightGranted`] and [`Event::CommissionPaid`] for
		/// the trades made. The weight declared counts at most `quantity` fills (each fill takes
		/// at least a unit); the weight charged is corrected to the fills made, the price levels
		/// visited and the expired or stale orders removed.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::place_order_max_weight(*side, *right, *quantity))]
		pub fn place_order(
			origin: OriginFor<T>,
			listing: ListingId,
			right: Right,
			side: Side,
			price: BalanceOf<T>,
			quantity: Quantity,
			expires_at: Option<BlockNumberFor<T>>,
			fill_or_kill: bool,
			referrer: Option<T::AccountId>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let matched = Self::do_place_order(
				who,
				listing,
				right,
				side,
				price,
				quantity,
				expires_at,
				fill_or_kill,
				referrer,
			)?;
			Ok(Some(Self::place_order_weight(side, right, matched)).into())
		}

		/// Cancel an open order and release what its open units hold.
		///
		/// Signed by the order's owner; anyone may remove a stale sell order (its placer no longer
		/// owns the listing). Fills already made stay held until they settle. Emits
		/// [`Event::OrderRemoved`]. Fails with [`Error::OrderNotFound`] when the order no longer
		/// rests on the book.
		#[pallet::call_index(1)]
		pub fn cancel_order(origin: OriginFor<T>, order: OrderId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_order(&who, order)
		}

		/// Do the oldest `count` entries of the settlement queue now instead of in the next
		/// blocks' spare weight (at most [`Config::MaxSettlementsPerBlock`]).
		///
		/// Anyone may call it: a buyer who wants its right at once, or a listing's owner whose
		/// copyright waits for its buyers' fills to settle. A resting buy order's fills are paid
		/// out (the held funds to the listing's owner, who pays the service charge, the
		/// referrer's commission and the co-creators' shares) and granted to the buyer; an order
		/// that left the book is forgotten and what it held released. Emits
		/// [`Event::OrderSettled`] per entry (or [`Event::FillsRefunded`] when fills can no
		/// longer be paid out), [`Event::EscrowReleased`] for a release. Fails with
		/// [`Error::NothingToSettle`] when the queue is empty. The weight charged is for the
		/// entries done.
		#[pallet::call_index(11)]
		#[pallet::weight(
			T::WeightInfo::settle_queue((*count).min(T::MaxSettlementsPerBlock::get()))
		)]
		pub fn settle_queue(origin: OriginFor<T>, count: u32) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let done = Self::do_settle_queue(count.min(T::MaxSettlementsPerBlock::get()))?;
			Ok(Some(T::WeightInfo::settle_queue(done)).into())
		}

		/// Make an offer of `quantity` units of `listing`'s `right`, priced by `mode`.
		///
		/// Signed by the listing's owner; the listing must be active and offer the right.
		/// - Fixed: a price of at least the minimum charge.
		/// - English: a reserve of at least the minimum charge, a non-zero increment, an end
		///   after this block and within the longest lifetime; the lot is all `quantity` units;
		///   `expires_at` is ignored (the end is the expiry).
		/// - Dutch: a floor of at least the minimum charge below the start price, an end after
		///   this block; `expires_at` (default: the end) not before the end.
		///
		/// Emits [`Event::OfferCreated`].
		#[pallet::call_index(2)]
		pub fn create_offer(
			origin: OriginFor<T>,
			listing: ListingId,
			right: Right,
			mode: PricingModeOf<T>,
			quantity: Quantity,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_offer(who, listing, right, mode, quantity, expires_at)
		}

		/// Buy `quantity` units of a fixed-price or Dutch offer at its price now, if that is at
		/// most `max_price` per unit.
		///
		/// Signed by anyone but the seller, who must still own the listing. `referrer`: as for
		/// [`Pallet::place_order`]. Emits [`Event::OfferTaken`], [`Event::TradeSettled`],
		/// [`Event::RightGranted`]. The weight charged drops the copyright's transfer for a
		/// licence or subscription.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::buy_offer().saturating_add(T::Content::transfer_copyright_weight())
		)]
		pub fn buy_offer(
			origin: OriginFor<T>,
			offer: OfferId,
			quantity: Quantity,
			max_price: BalanceOf<T>,
			referrer: Option<T::AccountId>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let right = Self::do_buy_offer(who, offer, quantity, max_price, referrer)?;
			Ok(Some(T::WeightInfo::buy_offer().saturating_add(Self::grant_weight(right))).into())
		}

		/// Bid `amount` for an English auction's lot.
		///
		/// Signed by anyone but the seller, before the end. The first bid must reach the reserve,
		/// later ones beat the highest by the minimum increment. The bid is held and the previous
		/// highest bid released; for a copyright lot the listing's deposit is held with it (the
		/// winner holds it as the new owner). While an auction has a bid, the listing's terms and
		/// metadata cannot change and its copyright cannot be sold otherwise. A bid in the last [`Config::AuctionExtension`] blocks moves the
		/// end to that many blocks after it. Emits [`Event::AuctionBidPlaced`].
		#[pallet::call_index(4)]
		pub fn bid(
			origin: OriginFor<T>,
			offer: OfferId,
			amount: BalanceOf<T>,
			referrer: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bid(who, offer, amount, referrer)
		}

		/// Withdraw an offer.
		///
		/// Signed by the seller; anyone may remove a stale offer (the seller no longer owns the
		/// listing). An English auction with a bid cannot be withdrawn. Emits
		/// [`Event::OfferCancelled`].
		#[pallet::call_index(5)]
		pub fn cancel_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_offer(&who, offer)
		}

		/// Settle an English auction that has ended (the pallet also does so on its own in the
		/// block it ends).
		///
		/// Signed by anyone. Emits [`Event::AuctionSettled`] with the trade's events, or
		/// [`Event::AuctionUnsold`]. The weight charged drops the copyright's transfer unless a
		/// copyright was sold.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::settle_auction().saturating_add(T::Content::transfer_copyright_weight())
		)]
		pub fn settle_auction(origin: OriginFor<T>, offer: OfferId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let granted = Self::do_settle_auction_call(offer)?;
			Ok(Some(T::WeightInfo::settle_auction().saturating_add(granted)).into())
		}

		/// Post a request for `right` on a work of `category`, holding `budget` until `deadline`
		/// (within the longest lifetime).
		///
		/// Signed by anyone who can hold the budget. Emits [`Event::RequestPosted`].
		#[pallet::call_index(7)]
		pub fn post_request(
			origin: OriginFor<T>,
			category: Category,
			right: Right,
			budget: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
			brief_hash: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_request(who, category, right, budget, deadline, brief_hash)
		}

		/// Answer a request with one of the caller's listings at `price`.
		///
		/// Signed by the listing's owner (not the requester); the listing must be active, of the
		/// request's category and not proposed to it already; the price within the budget and at
		/// least the minimum charge; the deadline not passed. A request with the most proposals
		/// ([`Config::MaxProposalsPerRequest`]) takes a new one only below its dearest, which it
		/// evicts ([`Event::ProposalRemoved`]); otherwise [`Error::TooManyProposals`]. Emits
		/// [`Event::ProposalMade`].
		#[pallet::call_index(8)]
		pub fn propose(
			origin: OriginFor<T>,
			request: RequestId,
			listing: ListingId,
			price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose(who, request, listing, price)
		}

		/// Accept a proposal: the trade is made at the proposal's price out of the held budget,
		/// the rest is released and the request closes.
		///
		/// Signed by the requester before the deadline; the proposer must still own the active
		/// listing. Emits [`Event::ProposalAccepted`] with the trade's events.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::accept_proposal(T::MaxProposalsPerRequest::get())
			.saturating_add(T::Content::transfer_copyright_weight()))]
		pub fn accept_proposal(
			origin: OriginFor<T>,
			request: RequestId,
			proposal: ProposalId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (proposals, right) = Self::do_accept_proposal(who, request, proposal)?;
			let weight =
				T::WeightInfo::accept_proposal(proposals).saturating_add(Self::grant_weight(right));
			Ok(Some(weight).into())
		}

		/// Remove a proposal from an open request.
		///
		/// Signed by the proposer, who withdraws it, or by the requester, who rejects it. Emits
		/// [`Event::ProposalRemoved`]. Fails with [`Error::RequestNotFound`],
		/// [`Error::ProposalNotFound`] or [`Error::NotProposerOrRequester`].
		#[pallet::call_index(12)]
		pub fn remove_proposal(
			origin: OriginFor<T>,
			request: RequestId,
			proposal: ProposalId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_proposal(who, request, proposal)
		}

		/// Cancel a request and release its budget.
		///
		/// Signed by the requester. Emits [`Event::RequestClosed`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::cancel_request(T::MaxProposalsPerRequest::get()))]
		pub fn cancel_request(
			origin: OriginFor<T>,
			request: RequestId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let proposals = Self::do_cancel_request(who, request)?;
			Ok(Some(T::WeightInfo::cancel_request(proposals)).into())
		}
	}
}

/// A listing has obligations while its owner offers rights on it (its sell orders resting on any
/// of the listing's books, or its open offers: [`OpenSales`]) or owes buyers the settlement of
/// fills (their funds are paid to the owner). A previous owner's stale sales do not count: they
/// cannot trade, and anyone may remove them. (Open buy orders do not count either: a buyer
/// cannot keep an owner from delisting; they expire or are cancelled.)
impl<T: Config> ContentObligations for Pallet<T> {
	fn has_open_obligations(listing: ListingId) -> bool {
		T::Content::owner(listing).is_some_and(|owner| OpenSales::<T>::contains_key(listing, owner))
			|| PendingFills::<T>::contains_key(listing)
	}

	fn is_bound_by_bids(listing: ListingId) -> bool {
		BidLocks::<T>::contains_key(listing)
	}
}

/// Add `by` to a counter kept while above zero ([`OpenSales`], [`BidLocks`], [`PendingFills`]).
pub(crate) fn count_up(n: &mut u32, by: u32) {
	*n = n.saturating_add(by);
}

/// Take one from such a counter in `mutate_exists`: the key goes at zero.
pub(crate) fn count_down(n: &mut Option<u32>) {
	*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
}

impl<T: Config> Pallet<T> {
	/// `seller` opened a sale on `listing`: a sell order came to rest, or an offer was made.
	pub(crate) fn sale_opened(listing: ListingId, seller: &T::AccountId) {
		OpenSales::<T>::mutate(listing, seller, |n| count_up(n, 1));
	}

	/// One of `seller`'s sales on `listing` closed: its sell order left the book, or its offer
	/// ended.
	pub(crate) fn sale_closed(listing: ListingId, seller: &T::AccountId) {
		OpenSales::<T>::mutate_exists(listing, seller, count_down);
	}
}
