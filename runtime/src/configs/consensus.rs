//! Aura block authoring, GRANDPA finality, and the governed validator set behind both: sessions
//! (`pallet_session`, whose keys are the Aura and GRANDPA keys) managed by
//! `pallet_allspark_validators` (governance adds and removes bonded validators); GRANDPA
//! equivocations reported against the historical session roots slash the offender's bond.

use crate::{
	AccountId, Aura, Balances, Historical, Offences, Runtime, RuntimeEvent, RuntimeHoldReason,
	SessionKeys, Validators, ASK, HOURS,
};
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32},
};
use pallet_allspark_validators::SessionPeriod;
use pallet_session::PeriodicSessions;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::OpaqueKeys;

parameter_types! {
	/// Upper bound on the number of block authors and finality voters.
	pub const MaxAuthorities: u32 = 32;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

parameter_types! {
	/// Sessions in which an equivocation can still be reported and proved (the historical
	/// roots kept, GRANDPA's set-id-to-session entries) and after which an unbonded validator
	/// may withdraw its bond: 28 sessions (28 hours on production's hourly sessions).
	pub const SlashableSessions: u32 = 28;
	pub const MaxSetIdSessionEntries: u64 = SlashableSessions::get() as u64;
	/// An equivocation report stays valid in the pool as long as its evidence can be proved:
	/// the slashable sessions at the longest session length a chain sets (an hour).
	pub const ReportLongevity: u64 = SlashableSessions::get() as u64 * HOURS as u64;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	// A GRANDPA key's owner at a past session, from the historical session roots.
	type KeyOwnerProof = sp_session::MembershipProof;
	// Equivocations are reported by the voters that see them (an unsigned, fee-free
	// transaction), checked against the historical roots, and slash through the offences
	// pallet into the validators pallet (bond slashed, offender removed).
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = FindAuthorAccount;
	type EventHandler = ();
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// A validator is identified by its account alone: a bond changes, a proof must not.
	type FullIdentification = ();
	type FullIdentificationOf = IsSessionValidator;
}

/// The identification of a session validator (an account is one if it is in the session's set).
pub struct IsSessionValidator;

impl sp_runtime::traits::Convert<AccountId, Option<()>> for IsSessionValidator {
	fn convert(who: AccountId) -> Option<()> {
		pallet_session::Validators::<Runtime>::get().contains(&who).then_some(())
	}
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Validators;
}

/// Sessions rotate every [`pallet_allspark_validators::SessionLength`] blocks (set at genesis).
type Sessions = PeriodicSessions<SessionPeriod<Runtime>, ConstU32<0>>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, Validators>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Registering session keys holds 1 ASK, for the key-owner entries it stores.
	type KeyDeposit = ConstU128<ASK>;
}

impl pallet_allspark_validators::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type GovernanceOrigin = crate::configs::governance::ValidatorAdmin;
	type BondCurrency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type FrozenBalance = crate::configs::monetary::FrozenBalances;
	type BondAmount = crate::dynamic_params::validators::Bond;
	type BondingDelay = SlashableSessions;
	type SlashBeneficiary = crate::configs::content::TreasuryAccount;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_allspark_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = NewSessionKeys;
}

/// Session keys freshly generated in the keystore (the benchmark CLI registers one), with the
/// proof of ownership `pallet_session::set_keys` checks.
#[cfg(feature = "runtime-benchmarks")]
pub struct NewSessionKeys;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_allspark_validators::benchmarking::BenchmarkHelper<Runtime> for NewSessionKeys {
	fn session_keys(owner: &AccountId) -> (SessionKeys, alloc::vec::Vec<u8>) {
		use codec::Encode;
		let generated = SessionKeys::generate(&owner.encode(), None);
		(generated.keys, generated.proof.encode())
	}
}

/// The account of a block's author: the session validator at the Aura author's index.
pub type FindAuthorAccount = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;
