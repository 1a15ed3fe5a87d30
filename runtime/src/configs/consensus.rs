//! Aura block authoring, GRANDPA finality, and the governed validator set behind both: sessions
//! (`pallet_session`, whose keys are the Aura and GRANDPA keys) managed by
//! `pallet_allspark_validators` (root adds and removes validators).

use crate::{AccountId, Aura, Balances, Runtime, RuntimeEvent, SessionKeys, Validators, ASK};
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64},
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

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need the historical-session pallet and an offences handler; until the
	// chain has slashing, equivocations are not reported on chain.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

/// Sessions rotate every [`pallet_allspark_validators::SessionLength`] blocks (set at genesis).
type Sessions = PeriodicSessions<SessionPeriod<Runtime>, ConstU32<0>>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = Validators;
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
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_allspark_validators::weights::SubstrateWeight<Runtime>;
}

/// The account of a block's author: the session validator at the Aura author's index.
pub type FindAuthorAccount = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;
