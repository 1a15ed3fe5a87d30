#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod claims;
mod invariants;
mod listing;
pub mod runtime_api;
pub mod traits;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use traits::{ContentInspect, ContentObligations, ContentTransfer, OnTrade, TradeReport};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A listing as this runtime stores it.
pub type ListingOf<T> = Listing<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxMetadataLen,
	<T as Config>::MaxCoCreators,
>;

/// A listing as this runtime's API reports it.
pub type ListingDetailsOf<T> = ListingDetails<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible::Inspect};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Saturating, Permill};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// Default configurations of this pallet, for `#[derive_impl]`.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU32};

		/// The configuration the unit tests of the AllSpark pallets share: no market
		/// obligations, a deposit of 100 plus 1 a byte (for a `u64` balance), 64-byte metadata,
		/// 4 co-creators, pages of 10, no weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeEvent = ();
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type Obligations = ();
			type FrozenBalance = ();
			type DepositBase = frame_support::traits::ConstU64<100>;
			type DepositPerByte = frame_support::traits::ConstU64<1>;
			type MaxMetadataLen = ConstU32<64>;
			type MaxCoCreators = ConstU32<4>;
			type MaxPageSize = ConstU32<10>;
			type MaxClaims = ConstU32<4>;
			type WeightInfo = ();
		}
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The content pallet's configuration. Mocks start from
	/// [`config_preludes::TestDefaultConfig`] (`#[derive_impl]`) and declare only the currency,
	/// origin, treasury and market they use, and the limits they test.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[pallet::no_default_bounds]
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The native currency (ASK), in which deposits are held.
		#[pallet::no_default]
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// The origin that may suspend, reinstate and remove listings.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Where the deposits of removed infringing listings go.
		#[pallet::no_default]
		type Treasury: Get<Self::AccountId>;

		/// Accounts' frozen balances (vesting locks among them): a deposit is never held out of
		/// frozen funds.
		#[pallet::no_default_bounds]
		type FrozenBalance: allspark_primitives::FrozenBalance<Self::AccountId, BalanceOf<Self>>;

		/// Whether a listing has open market obligations (the market pallet; `()` for none).
		type Obligations: ContentObligations;

		/// The fixed part of a listing's deposit, for the listing's fixed-size fields and its
		/// index entries.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DepositBase: Get<BalanceOf<Self>>;

		/// The deposit per stored byte of metadata and revenue shares.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// The longest metadata reference, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The most co-creators a listing may name.
		#[pallet::constant]
		type MaxCoCreators: Get<u32>;

		/// The most listings one page of [`runtime_api::ContentApi::listings_of`] returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// The most registration claims an account keeps; a claim beyond them evicts its oldest.
		#[pallet::constant]
		type MaxClaims: Get<u32>;

		/// Weight information for the pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a listing's storage.
		ListingDeposit,
	}

	/// Every listing, by id.
	#[pallet::storage]
	pub type Listings<T: Config> =
		StorageMap<_, Twox64Concat, ListingId, ListingOf<T>, OptionQuery>;

	/// The listing of each registered content hash.
	#[pallet::storage]
	pub type ListingByHash<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, ListingId, OptionQuery>;

	/// Copyright transfers offered by owners and not yet accepted: the listing and its
	/// recipient. Any change of owner withdraws the offer.
	#[pallet::storage]
	pub type PendingTransfers<T: Config> =
		StorageMap<_, Twox64Concat, ListingId, T::AccountId, OptionQuery>;

	/// The listings each account owns.
	#[pallet::storage]
	pub type ListingsByOwner<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ListingId,
		(),
		OptionQuery,
	>;

	/// The id the next listing gets.
	#[pallet::storage]
	pub type NextListingId<T: Config> = StorageValue<_, ListingId, ValueQuery>;

	/// Each account's registration claims, oldest first (at most [`Config::MaxClaims`]).
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ContentClaim<BlockNumberFor<T>>, T::MaxClaims>,
		ValueQuery,
	>;

	/// How many blocks old a claim must be before `register` accepts it: the time an honest
	/// registration has to be included before anyone who learnt its content hash from the
	/// transaction pool could have a claim of its own. Set at genesis.
	#[pallet::storage]
	pub type ClaimDelay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// [`ClaimDelay`]: at least 1 on any real chain (0 lets a claim and its registration
		/// share a block, which leaves registration open to front-running).
		pub claim_delay: BlockNumberFor<T>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			ClaimDelay::<T>::put(self.claim_delay);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account claimed a content hash for registration, without naming it.
		ContentClaimed {
			/// The account that may register the content once the claim is old enough.
			who: T::AccountId,
			/// The commitment ([`Pallet::claim_commitment`]).
			commitment: [u8; 32],
			/// The account's oldest claim, dropped to make room, if it had [`Config::MaxClaims`].
			evicted: Option<[u8; 32]>,
		},
		/// A work was listed (and the owner's claim on it used up).
		ListingRegistered {
			/// The new listing's id.
			listing: ListingId,
			/// Its owner, who registered it.
			owner: T::AccountId,
			/// The work's fingerprint.
			content_hash: ContentHash,
			/// What kind of work it is.
			category: Category,
			/// The deposit held from the owner.
			deposit: BalanceOf<T>,
		},
		/// A listing's metadata or terms changed.
		ListingUpdated {
			/// The listing.
			listing: ListingId,
			/// The deposit now held for it (more or less than before when the metadata's length
			/// changed).
			deposit: BalanceOf<T>,
		},
		/// An owner offered a listing's copyright to another account, which may accept it.
		CopyrightTransferOffered {
			/// The listing.
			listing: ListingId,
			/// The owner.
			from: T::AccountId,
			/// The account that may accept it.
			to: T::AccountId,
		},
		/// An offered copyright transfer was withdrawn by the owner or declined by its recipient.
		CopyrightTransferCancelled {
			/// The listing.
			listing: ListingId,
			/// The account it had been offered to.
			to: T::AccountId,
		},
		/// A listing's copyright moved to another account.
		CopyrightTransferred {
			/// The listing.
			listing: ListingId,
			/// The former owner, whose deposit was released.
			from: T::AccountId,
			/// The new owner, from whom the deposit is now held.
			to: T::AccountId,
		},
		/// An owner delisted a listing.
		ListingDelisted {
			/// The listing.
			listing: ListingId,
			/// Its owner.
			owner: T::AccountId,
			/// The deposit released to the owner.
			released: BalanceOf<T>,
		},
		/// Governance suspended a listing.
		ListingSuspended {
			/// The listing.
			listing: ListingId,
		},
		/// Governance reinstated a suspended listing.
		ListingReinstated {
			/// The listing.
			listing: ListingId,
		},
		/// Governance removed an infringing listing and slashed its deposit to the treasury.
		ListingRemoved {
			/// The listing.
			listing: ListingId,
			/// Its owner.
			owner: T::AccountId,
			/// The deposit paid to the treasury.
			slashed: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No listing has this id.
		ListingNotFound,
		/// The caller does not own the listing.
		NotOwner,
		/// A listing of this content hash already exists.
		ContentAlreadyListed,
		/// The metadata reference is longer than [`Config::MaxMetadataLen`].
		MetadataTooLong,
		/// The metadata reference is empty.
		EmptyMetadata,
		/// More co-creators than [`Config::MaxCoCreators`].
		TooManyCoCreators,
		/// The co-creators' shares do not sum to exactly 100 %.
		SharesNotWhole,
		/// A co-creator appears twice.
		DuplicateCoCreator,
		/// A co-creator's share is zero.
		ZeroShare,
		/// A licence duration of zero blocks.
		ZeroLicenceDuration,
		/// The account cannot hold the listing's deposit (and stay alive).
		InsufficientBalance,
		/// The listing is suspended by governance.
		ListingSuspended,
		/// The listing is not suspended.
		ListingNotSuspended,
		/// The listing has open market obligations (offers, orders, auctions, subscriptions).
		HasOpenObligations,
		/// An auction of the listing has a bid: its terms and metadata stay as the bidders saw
		/// them until the auction ends.
		BoundByBids,
		/// The copyright would move to its current owner.
		AlreadyOwner,
		/// An update that changes nothing.
		NothingToUpdate,
		/// Every listing id has been issued.
		ListingIdsExhausted,
		/// No copyright transfer of this listing is offered to the caller.
		NoTransferOffered,
		/// The deposit is there, but part of it is frozen (locked by vesting, say): frozen funds
		/// are never held.
		FundsFrozen,
		/// The signer has no claim on this content hash: `claim` its commitment first.
		NotClaimed,
		/// The signer's claim on this content hash is younger than [`ClaimDelay`] blocks.
		ClaimNotMatured,
		/// The signer already holds a claim with this commitment.
		AlreadyClaimed,
		/// No room for a claim: [`Config::MaxClaims`] is zero.
		TooManyClaims,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMetadataLen::get() > 0, "metadata must be allowed some bytes");
			assert!(T::MaxPageSize::get() > 0, "a page must hold a listing");
			assert!(T::MaxClaims::get() > 0, "an account must be able to claim content");
			// Shares are checked against 100 % with u64 arithmetic: any count fits.
			assert!(T::MaxCoCreators::get() <= 1_000, "more co-creators than per-mill parts");
			// A removed listing's deposit must be able to open the treasury's account.
			assert!(
				T::DepositBase::get() >= <T::Currency as Inspect<T::AccountId>>::minimum_balance(),
				"the base deposit is below the existential deposit"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// List a work.
		///
		/// - Origin: signed; the signer becomes the owner and pays the deposit. The signer must
		///   hold a claim on `content_hash` ([`Pallet::claim`]) at least [`ClaimDelay`] blocks
		///   old ([`Error::NotClaimed`], [`Error::ClaimNotMatured`]); registering uses it up.
		/// - `content_hash`: the work's fingerprint; must not be listed already.
		/// - `metadata`: where the work and its description are (an IPFS CID or a URL); not
		///   empty, at most [`Config::MaxMetadataLen`] bytes.
		/// - `category`, `terms`: what kind of work it is, and the licences on offer by default (a
		///   licence duration, when given, is at least one block).
		/// - `shares`: the co-creators' revenue shares; empty (all revenue to the owner) or at
		///   most [`Config::MaxCoCreators`] distinct accounts, each with a share above zero, the
		///   shares summing to exactly 100 %.
		///
		/// Holds [`Config::DepositBase`] plus [`Config::DepositPerByte`] for each byte of
		/// metadata and shares. Emits [`Event::ListingRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register(
			(metadata.len() as u32).min(T::MaxMetadataLen::get()),
			(shares.len() as u32).min(T::MaxCoCreators::get()),
		))]
		pub fn register(
			origin: OriginFor<T>,
			content_hash: ContentHash,
			metadata: alloc::vec::Vec<u8>,
			category: Category,
			terms: LicenceTerms<BlockNumberFor<T>>,
			shares: alloc::vec::Vec<Share<T::AccountId>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_claimed(who, content_hash, metadata, category, terms, shares)
		}

		/// Claim a content hash for registration without naming it, so that nobody who learns
		/// the hash from the registration in the transaction pool can register it first.
		///
		/// - Origin: signed.
		/// - `commitment`: [`Pallet::claim_commitment`] of the content hash and the signer:
		///   `blake2_256("allspark/claim" ++ content_hash ++ signer's 32-byte account id)`.
		///   Compute it where the content is; asking a node to compute it tells the node the hash.
		///
		/// The claim lets the signer [`Pallet::register`] the content once it is [`ClaimDelay`]
		/// blocks old. An account keeps at most [`Config::MaxClaims`] claims: one more evicts
		/// its oldest. Fails with [`Error::AlreadyClaimed`] for a commitment it already holds.
		/// Emits [`Event::ContentClaimed`].
		#[pallet::call_index(9)]
		pub fn claim(origin: OriginFor<T>, commitment: [u8; 32]) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(who, commitment)
		}

		/// Change a listing's metadata reference, its default licence terms, or both. The
		/// co-creators' shares cannot be changed: they are the co-creators' rights.
		///
		/// - Origin: signed by the listing's owner.
		/// - `metadata`: the new reference, checked as in [`Pallet::register`]; `None` keeps it.
		/// - `terms`: the new default terms; `None` keeps them.
		///
		/// The deposit follows the metadata's length: the difference is held or released.
		/// Fails on a suspended listing, and while an auction of it has a bid
		/// ([`Error::BoundByBids`]: bidders bid on the terms as they are). Emits
		/// [`Event::ListingUpdated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_listing(
			metadata.as_ref().map_or(0, |m| m.len() as u32).min(T::MaxMetadataLen::get()),
		))]
		pub fn update_listing(
			origin: OriginFor<T>,
			listing: ListingId,
			metadata: Option<alloc::vec::Vec<u8>>,
			terms: Option<LicenceTerms<BlockNumberFor<T>>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_listing(who, listing, metadata, terms)
		}

		/// Offer a listing's copyright to another account (a gift or an off-chain sale; the
		/// market sells copyrights through [`ContentTransfer`]). Nothing moves until `to`
		/// accepts ([`Pallet::accept_copyright`]): nobody is made to hold a deposit, or to answer
		/// for content, without signing for it. A new offer replaces the previous one.
		///
		/// - Origin: signed by the listing's owner.
		/// - Checks: the owner ([`Error::NotOwner`]), an active listing
		///   ([`Error::ListingSuspended`]), no open market obligations
		///   ([`Error::HasOpenObligations`]), `to` another account ([`Error::AlreadyOwner`]).
		/// - Emits [`Event::CopyrightTransferOffered`].
		#[pallet::call_index(2)]
		pub fn transfer_copyright(
			origin: OriginFor<T>,
			listing: ListingId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_offer_copyright(listing, who, to)
		}

		/// Accept the copyright of a listing offered to the caller: the deposit is held from the
		/// caller (out of funds that are not frozen) and released to the former owner, whose
		/// revenue share, if any, passes to the caller; the other co-creators keep theirs.
		///
		/// - Origin: signed by the account the transfer was offered to.
		/// - Checks: an offer to the caller ([`Error::NoTransferOffered`]), still an active
		///   listing without open market obligations, the deposit can be held
		///   ([`Error::InsufficientBalance`], [`Error::FundsFrozen`]).
		/// - Emits [`Event::CopyrightTransferred`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::transfer_copyright())]
		pub fn accept_copyright(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_copyright(listing, who)
		}

		/// Withdraw (the owner) or decline (the recipient) an offered copyright transfer.
		///
		/// - Origin: signed by the listing's owner or by the account it was offered to.
		/// - Checks: an offer exists and the caller is one of the two ([`Error::NoTransferOffered`]).
		/// - Emits [`Event::CopyrightTransferCancelled`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::transfer_copyright())]
		pub fn cancel_copyright_transfer(
			origin: OriginFor<T>,
			listing: ListingId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_copyright_transfer(listing, who)
		}

		/// Withdraw a listing: it is removed and its deposit released. Its content hash may be
		/// listed again.
		///
		/// - Origin: signed by the listing's owner.
		///
		/// Fails on a suspended listing or one with open market obligations. Emits
		/// [`Event::ListingDelisted`].
		#[pallet::call_index(3)]
		pub fn delist(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delist(who, listing)
		}

		/// Suspend a listing: it cannot be traded, evaluated, changed, transferred or delisted
		/// until reinstated or removed.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Fails with [`Error::ListingSuspended`] when already suspended. Emits
		/// [`Event::ListingSuspended`].
		#[pallet::call_index(4)]
		pub fn suspend(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_status(listing, ListingStatus::Suspended)
		}

		/// Reinstate a suspended listing.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Fails with [`Error::ListingNotSuspended`]. Emits [`Event::ListingReinstated`].
		#[pallet::call_index(5)]
		pub fn reinstate(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_status(listing, ListingStatus::Active)
		}

		/// Remove an infringing listing (active or suspended) and pay its deposit to the
		/// treasury ([`Config::Treasury`]).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::ListingRemoved`].
		#[pallet::call_index(6)]
		pub fn remove_infringing(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_infringing(listing)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The listing `listing` if `who` owns it.
		pub(crate) fn ensure_owner(
			listing: ListingId,
			who: &T::AccountId,
		) -> Result<ListingOf<T>, DispatchError> {
			let l = Listings::<T>::get(listing).ok_or(Error::<T>::ListingNotFound)?;
			ensure!(&l.owner == who, Error::<T>::NotOwner);
			Ok(l)
		}

		/// The deposit a listing with `metadata_len` bytes of metadata and `shares` co-creators
		/// holds.
		pub fn deposit_for(metadata_len: usize, shares: usize) -> BalanceOf<T> {
			let bytes = deposit_bytes::<T::AccountId>(metadata_len, shares);
			T::DepositBase::get()
				.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()))
		}

		/// Check co-creator shares: at most [`Config::MaxCoCreators`] (the bound does that),
		/// each above zero, no account twice, and, unless empty, summing to exactly 100 %.
		pub(crate) fn validate_shares(shares: &[Share<T::AccountId>]) -> DispatchResult {
			if shares.is_empty() {
				return Ok(());
			}
			let mut total: u64 = 0;
			for (i, (who, part)) in shares.iter().enumerate() {
				ensure!(!part.is_zero(), Error::<T>::ZeroShare);
				ensure!(
					!shares.iter().skip(i.saturating_add(1)).any(|(other, _)| other == who),
					Error::<T>::DuplicateCoCreator
				);
				total = total.saturating_add(u64::from(part.deconstruct()));
			}
			ensure!(total == u64::from(Permill::one().deconstruct()), Error::<T>::SharesNotWhole);
			Ok(())
		}

		/// Hold `amount` from `who` as a listing deposit.
		pub(crate) fn hold_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			allspark_primitives::hold_unfrozen::<_, T::Currency, T::FrozenBalance>(
				&HoldReason::ListingDeposit.into(),
				who,
				amount,
			)
			.map_err(|refused| {
				refused
					.into_error(Error::<T>::FundsFrozen, Error::<T>::InsufficientBalance)
					.into()
			})
		}
	}
}
