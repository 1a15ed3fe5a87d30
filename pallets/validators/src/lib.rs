#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod bonds;
mod invariants;
mod offences;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_staking::SessionIndex;

/// The validator set as the runtime API (and, as camelCase JSON, the `validators_set` RPC method)
/// reports it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ValidatorSetInfo<AccountId, BlockNumber> {
	/// The current session's index.
	pub session_index: SessionIndex,
	/// How many blocks a session lasts.
	pub session_length: BlockNumber,
	/// The validators of the current session.
	pub current: Vec<AccountId>,
	/// The validators queued for the next session.
	pub queued: Vec<AccountId>,
	/// The set governance has planned: handed to the session pallet at the next boundary.
	pub planned: Vec<AccountId>,
	/// Whether the planned set differs from what was last handed over.
	pub pending_change: bool,
	/// The smallest set allowed.
	pub min_validators: u32,
	/// The largest set allowed.
	pub max_validators: u32,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, ValidatorRegistration},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Zero;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The origin that adds and removes validators.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The currency of the bonds (ASK), held under [`HoldReason::ValidatorBond`].
		type BondCurrency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Accounts' frozen balances (vesting locks among them): a bond is never held out of
		/// frozen funds, as no AllSpark hold is.
		type FrozenBalance: allspark_primitives::FrozenBalance<Self::AccountId, BalanceOf<Self>>;

		/// The bond an account holds to be added to the set (governance may change it; a bond
		/// made under a lower figure is topped up with [`Pallet::bond`]).
		type BondAmount: Get<BalanceOf<Self>>;

		/// Sessions from [`Pallet::unbond`] until the bond may be withdrawn: at least the
		/// sessions an equivocation may still be reported in.
		#[pallet::constant]
		type BondingDelay: Get<SessionIndex>;

		/// Where slashed bonds go (the treasury pot): nothing a slash takes is burned.
		type SlashBeneficiary: Get<Self::AccountId>;

		/// The largest validator set allowed.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Weight information for the pallet's calls.
		type WeightInfo: WeightInfo;

		/// Session keys and their proof of ownership, for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self>;
	}

	/// The planned validator set: what the session pallet gets at the next session boundary.
	#[pallet::storage]
	pub type PlannedSet<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`PlannedSet`] changed since it was last handed to the session pallet.
	#[pallet::storage]
	pub type PendingChange<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The smallest validator set allowed: set at genesis (one on a development chain; four on a
	/// network, since GRANDPA keeps finality with up to a third of its voters down).
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Each bonded account's bond: what it holds and when it may withdraw it.
	#[pallet::storage]
	pub type Bonds<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, BondOf<T>>;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A validator's (or candidate's) bond.
		#[codec(index = 0)]
		ValidatorBond,
	}

	/// How many blocks a session lasts: set at genesis (short on development chains, an hour on
	/// a production one). Read through [`SessionPeriod`].
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance added a validator to the planned set.
		ValidatorAdded {
			/// The new validator.
			who: T::AccountId,
		},
		/// Governance removed a validator from the planned set.
		ValidatorRemoved {
			/// The removed validator.
			who: T::AccountId,
		},
		/// An account bonded, or topped its bond up to the current figure.
		Bonded {
			/// The bonded account.
			who: T::AccountId,
			/// What it held now.
			added: BalanceOf<T>,
			/// Its whole bond.
			bond: BalanceOf<T>,
		},
		/// A bonded account that is no validator started unbonding.
		Unbonding {
			/// The account.
			who: T::AccountId,
			/// The session from which it may withdraw its bond.
			unlocks_at: SessionIndex,
		},
		/// A bond was released to its owner.
		BondWithdrawn {
			/// The owner.
			who: T::AccountId,
			/// What was released.
			amount: BalanceOf<T>,
		},
		/// A reported offence slashed a validator's bond into the treasury.
		Slashed {
			/// The offender.
			who: T::AccountId,
			/// What was taken from its bond.
			amount: BalanceOf<T>,
			/// The session of the offence.
			session: SessionIndex,
		},
		/// An offender was removed from the planned set: it stops authoring and voting from
		/// the session after the next boundary.
		OffenderRemoved {
			/// The offender.
			who: T::AccountId,
		},
		/// The planned set was handed to the session pallet at a session boundary: queued during
		/// the session that starts now, active from `session`.
		NewSetQueued {
			/// The session from which the new set authors and votes.
			session: SessionIndex,
			/// The new set.
			validators: BoundedVec<T::AccountId, T::MaxValidators>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the planned set.
		AlreadyValidator,
		/// The account is not in the planned set.
		NotValidator,
		/// The set would fall below [`MinValidators`].
		TooFewValidators,
		/// The set would grow above [`Config::MaxValidators`].
		TooManyValidators,
		/// The account has not registered session keys (`session.setKeys`).
		NoSessionKeys,
		/// The account is in the planned or current validator set: its session keys stay until
		/// governance has removed it and a set without it is active.
		StillValidator,
		/// The account has no bond.
		NotBonded,
		/// The account's bond is below [`Config::BondAmount`]: `bond` tops it up.
		BondTooSmall,
		/// The account's bond is unbonding: `bond` again to stand as a validator.
		BondUnbonding,
		/// The account's bond is already at [`Config::BondAmount`] or above.
		AlreadyBonded,
		/// The account is already unbonding.
		AlreadyUnbonding,
		/// The bond is not unbonded yet (see [`Event::Unbonding`]'s session).
		BondLocked,
		/// The account cannot hold the bond.
		InsufficientBalance,
		/// The account's free balance would cover the bond only with frozen funds (a vesting
		/// lock): a bond is held out of unfrozen funds only.
		FundsFrozen,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial validators. Their session keys go in the session pallet's genesis.
		pub validators: Vec<T::AccountId>,
		/// The smallest set allowed; at least one, at most [`Config::MaxValidators`].
		pub min_validators: u32,
		/// How many blocks a session lasts; at least one.
		pub session_length: BlockNumberFor<T>,
		/// The bond each initial validator holds from genesis (zero: none).
		pub genesis_bond: BalanceOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The default (empty) genesis leaves the pallet unconfigured.
			if self.validators.is_empty() && self.min_validators == 0 {
				return;
			}
			assert!(self.min_validators >= 1, "genesis: the minimum is at least one validator");
			assert!(
				self.min_validators <= T::MaxValidators::get(),
				"genesis: the minimum is above the maximum"
			);
			MinValidators::<T>::put(self.min_validators);
			assert!(
				self.validators.len() >= self.min_validators as usize,
				"genesis: fewer validators than the minimum"
			);
			assert!(!has_duplicates(&self.validators), "genesis: a validator is listed twice");
			let set: BoundedVec<_, T::MaxValidators> = self
				.validators
				.clone()
				.try_into()
				.expect("genesis: more validators than the maximum");
			PlannedSet::<T>::put(set);
			assert!(!self.session_length.is_zero(), "genesis: a session lasts at least one block");
			SessionLength::<T>::put(self.session_length);
			if !self.genesis_bond.is_zero() {
				for who in &self.validators {
					Pallet::<T>::do_bond(who.clone(), self.genesis_bond)
						.expect("genesis: a validator cannot hold its bond");
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxValidators::get() >= 1, "a chain needs a validator");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Add a validator to the planned set. It is handed to the session pallet at the next
		/// session boundary and authors from the session after.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - `who`: an account that has registered session keys, holds a bond of at least
		///   [`Config::BondAmount`] that is not unbonding, and is not a validator yet.
		///
		/// Emits [`Event::ValidatorAdded`]. Fails with [`Error::AlreadyValidator`],
		/// [`Error::NoSessionKeys`], [`Error::NotBonded`], [`Error::BondTooSmall`],
		/// [`Error::BondUnbonding`] or [`Error::TooManyValidators`].
		#[pallet::call_index(0)]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Remove a validator from the planned set. It stops authoring from the session after
		/// the next boundary.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - `who`: a validator in the planned set.
		///
		/// Emits [`Event::ValidatorRemoved`]. Fails with [`Error::NotValidator`] or
		/// [`Error::TooFewValidators`].
		#[pallet::call_index(1)]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}

		/// Remove the caller's session keys and release their deposit: the session pallet's
		/// `purge_keys`, which the runtime's call filter keeps from being called directly.
		///
		/// - Origin: signed, by an account in neither the planned nor the current validator set
		///   (a validator's keys leaving would shrink the set at the next session, below
		///   [`MinValidators`] for all governance could do).
		///
		/// Emits nothing of its own (the session pallet's effects). Fails with
		/// [`Error::StillValidator`], or the session pallet's errors.
		#[pallet::call_index(2)]
		pub fn purge_keys(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin.clone())?;
			ensure!(!Self::is_validator(&who), Error::<T>::StillValidator);
			pallet_session::Pallet::<T>::purge_keys(origin)
		}

		/// Hold the bond a validator needs ([`Config::BondAmount`]), or top an existing bond up
		/// to it; an unbonding bond stops unbonding.
		///
		/// - Origin: signed, by the would-be validator (the account of its session keys).
		///
		/// Emits [`Event::Bonded`]. Fails with [`Error::AlreadyBonded`] (a bond at the figure
		/// already, not unbonding), [`Error::FundsFrozen`] (what it would add reaches into
		/// frozen funds, as a vesting lock's) or [`Error::InsufficientBalance`].
		#[pallet::call_index(3)]
		pub fn bond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond(who, T::BondAmount::get())
		}

		/// Start unbonding: the bond may be withdrawn [`Config::BondingDelay`] sessions later.
		///
		/// - Origin: signed, by a bonded account in neither the planned nor the current set
		///   (governance removes a validator first).
		///
		/// Emits [`Event::Unbonding`]. Fails with [`Error::NotBonded`],
		/// [`Error::AlreadyUnbonding`] or [`Error::StillValidator`].
		#[pallet::call_index(4)]
		pub fn unbond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(who)
		}

		/// Release an unbonded bond (what slashes left of it) to its owner.
		///
		/// - Origin: signed, by the owner, from the session its [`Event::Unbonding`] named.
		///
		/// Emits [`Event::BondWithdrawn`]. Fails with [`Error::NotBonded`] or
		/// [`Error::BondLocked`].
		#[pallet::call_index(5)]
		pub fn withdraw_bond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_bond(who)
		}
	}

	impl<T: Config> Pallet<T> {
		pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
			let mut set = PlannedSet::<T>::get();
			ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
			ensure!(
				<pallet_session::Pallet<T> as ValidatorRegistration<T::AccountId>>::is_registered(
					&who
				),
				Error::<T>::NoSessionKeys
			);
			Self::ensure_bonded(&who)?;
			set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			PlannedSet::<T>::put(set);
			PendingChange::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		pub(crate) fn do_remove_validator(who: T::AccountId) -> DispatchResult {
			let mut set = PlannedSet::<T>::get();
			let at = set.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
			ensure!(set.len() > MinValidators::<T>::get() as usize, Error::<T>::TooFewValidators);
			set.remove(at);
			PlannedSet::<T>::put(set);
			PendingChange::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Whether `who` is in the planned or the current validator set.
		pub fn is_validator(who: &T::AccountId) -> bool {
			PlannedSet::<T>::get().contains(who)
				|| pallet_session::Validators::<T>::get().contains(who)
		}

		/// The validator set for DApps and operators: current, queued and planned.
		pub fn validator_set() -> ValidatorSetInfo<T::AccountId, BlockNumberFor<T>> {
			ValidatorSetInfo {
				session_index: pallet_session::CurrentIndex::<T>::get(),
				session_length: SessionPeriod::<T>::get(),
				current: pallet_session::Validators::<T>::get(),
				queued: pallet_session::QueuedKeys::<T>::get()
					.into_iter()
					.map(|(v, _)| v)
					.collect(),
				planned: PlannedSet::<T>::get().into_inner(),
				pending_change: PendingChange::<T>::get(),
				min_validators: MinValidators::<T>::get(),
				max_validators: T::MaxValidators::get(),
			}
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			if !PendingChange::<T>::take() {
				return None;
			}
			let validators = PlannedSet::<T>::get();
			Self::deposit_event(Event::NewSetQueued {
				session: new_index,
				validators: validators.clone(),
			});
			Some(validators.into_inner())
		}

		fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			Some(PlannedSet::<T>::get().into_inner())
		}

		fn end_session(_end_index: SessionIndex) {}

		fn start_session(_start_index: SessionIndex) {}
	}
}

/// Whether an account appears twice in `set` (at most [`Config::MaxValidators`] long).
fn has_duplicates<A: PartialEq>(set: &[A]) -> bool {
	set.iter()
		.enumerate()
		.any(|(i, v)| set.iter().skip(i.saturating_add(1)).any(|w| w == v))
}

/// The session length, for the session pallet's `PeriodicSessions<SessionPeriod<Runtime>, _>`:
/// [`SessionLength`] (never zero, so the period is safe to divide by).
pub struct SessionPeriod<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_support::traits::Get<frame_system::pallet_prelude::BlockNumberFor<T>>
	for SessionPeriod<T>
{
	fn get() -> frame_system::pallet_prelude::BlockNumberFor<T> {
		SessionLength::<T>::get().max(sp_runtime::traits::One::one())
	}
}
