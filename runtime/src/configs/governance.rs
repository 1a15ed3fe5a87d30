//! On-chain governance: the technical committee (`pallet_collective` driven by
//! `pallet_membership`), token-holder referenda with conviction voting on the tracks of
//! [`crate::governance::tracks`], the committee's whitelist that fast-tracks a call it vouches
//! for, the preimages and the scheduler behind them, the emergency brakes (`pallet_safe_mode`,
//! `pallet_tx_pause`), the runtime parameters (`pallet_parameters`) and, on dev and local chains
//! only, the sudo key (the production preset has none). docs/governance.md says who can do what.

use crate::{
	configs::system::RuntimeBlockWeights,
	governance::{
		origins::{self, EnsureGovernance, Origin},
		tracks::TracksInfo,
	},
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System,
	TechnicalCommittee, Token, ASK, DAYS, MILLI_ASK,
};
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	parameter_types,
	traits::{
		fungible::HoldConsideration, tokens::currency::ActiveIssuanceOf, AsEnsureOriginWithArg,
		ConstU32, Contains, Currency, EitherOf, EqualPrivilegeOnly, LinearStoragePrice,
		OnUnbalanced,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSigned, EnsureWithSuccess};
use pallet_allspark_token::Pot;
use sp_runtime::Perbill;

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl origins::Config for Runtime {}

parameter_types! {
	pub const WhitelistedCallerOrigin: Origin = Origin::WhitelistedCaller;
	pub const ReferendumCancellerOrigin: Origin = Origin::ReferendumCanceller;
	pub const ReferendumKillerOrigin: Origin = Origin::ReferendumKiller;
	pub const ValidatorAdminOrigin: Origin = Origin::ValidatorAdmin;
	pub const ContentModeratorOrigin: Origin = Origin::ContentModerator;
	pub const EconomicAdminOrigin: Origin = Origin::EconomicAdmin;
	pub const TreasurerOrigin: Origin = Origin::Treasurer;
}

/// The technical committee's instance of `pallet_collective` and `pallet_membership`.
pub type TechnicalCollective = pallet_collective::Instance1;

/// Two thirds of the technical committee agree.
pub type TechnicalTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, TechnicalCollective, 2, 3>;
/// Half of the technical committee agrees.
pub type TechnicalHalf =
	pallet_collective::EnsureProportionAtLeast<AccountId, TechnicalCollective, 1, 2>;

/// Root (a root-track referendum, or sudo on dev chains) or the `validator_admin` track or two
/// thirds of the committee: adds and removes validators.
pub type ValidatorAdmin = EitherOf<
	EnsureRoot<AccountId>,
	EitherOf<EnsureGovernance<ValidatorAdminOrigin>, TechnicalTwoThirds>,
>;
/// Root, the `content_moderator` track or half of the committee: suspends, reinstates and
/// removes content.
pub type ContentModerator = EitherOf<
	EnsureRoot<AccountId>,
	EitherOf<EnsureGovernance<ContentModeratorOrigin>, TechnicalHalf>,
>;
/// Root or the `economic_admin` track: the service charge, its split, the author reward, the
/// evaluation parameters and the runtime parameters. The committee cannot change them alone.
pub type EconomicAdmin = EitherOf<EnsureRoot<AccountId>, EnsureGovernance<EconomicAdminOrigin>>;

/// The most the `treasurer` track spends from the treasury at once; root spends any amount.
pub const TREASURER_MAX_SPEND: Balance = 1_000_000 * ASK;
parameter_types! {
	pub const TreasurerMaxSpend: Balance = TREASURER_MAX_SPEND;
	pub const UnlimitedSpend: Balance = Balance::MAX;
}
/// Who spends from the treasury, and up to how much at once.
pub type TreasurySpender = EitherOf<
	EnsureRootWithSuccess<AccountId, UnlimitedSpend>,
	EnsureWithSuccess<EnsureGovernance<TreasurerOrigin>, AccountId, TreasurerMaxSpend>,
>;

/// Root or two thirds of the committee: the committee's own powers (whitelisting, the brakes).
pub type RootOrTechnicalTwoThirds = EitherOf<EnsureRoot<AccountId>, TechnicalTwoThirds>;

parameter_types! {
	/// A committee motion stays open at most three days.
	pub const MotionDuration: BlockNumber = 3 * DAYS;
	/// A proposal's weight is at most half a block's.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<TechnicalCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<16>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// The membership pallet sets the members; root may too.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Only members propose: no deposit.
	type Consideration = ();
}

/// Root or the `validator_admin` track (a referendum) changes the committee's members.
pub type CommitteeAdmin = EitherOf<EnsureRoot<AccountId>, EnsureGovernance<ValidatorAdminOrigin>>;

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CommitteeAdmin;
	type RemoveOrigin = CommitteeAdmin;
	type SwapOrigin = CommitteeAdmin;
	type ResetOrigin = CommitteeAdmin;
	type PrimeOrigin = CommitteeAdmin;
	type MembershipInitialized = TechnicalCommittee;
	type MembershipChanged = TechnicalCommittee;
	type MaxMembers = ConstU32<16>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// A preimage holds its noter's deposit: [`dynamic_params::preimage`] base plus per byte.
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<
			dynamic_params::preimage::BaseDeposit,
			dynamic_params::preimage::ByteDeposit,
			Balance,
		>,
	>;
}

parameter_types! {
	/// Scheduled calls use at most 80 % of a block.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type MaxScheduledPerBlock = ConstU32<50>;
	#[cfg(feature = "runtime-benchmarks")]
	type MaxScheduledPerBlock = ConstU32<512>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// Slashed referendum deposits go to the treasury pot, as the service charge's share does:
/// nothing governance takes is burned.
pub struct SlashToTreasury;

impl OnUnbalanced<pallet_balances::NegativeImbalance<Runtime>> for SlashToTreasury {
	fn on_nonzero_unbalanced(amount: pallet_balances::NegativeImbalance<Runtime>) {
		Balances::resolve_creating(&Token::pot_account(Pot::Treasury), amount);
	}
}

parameter_types! {
	/// Submitting a referendum reserves 100 ASK, refunded once it is decided.
	pub const SubmissionDeposit: Balance = 100 * ASK;
	/// A referendum that finds no decision deposit in 14 days times out.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
	/// Votes stay locked at least 7 days per conviction doubling (the longest enactment
	/// period is a day).
	pub const VoteLockingPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_referenda::Config for Runtime {
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin =
		EitherOf<EnsureRoot<AccountId>, EnsureGovernance<ReferendumCancellerOrigin>>;
	type KillOrigin = EitherOf<EnsureRoot<AccountId>, EnsureGovernance<ReferendumKillerOrigin>>;
	type Slash = SlashToTreasury;
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = ConstU32<1>;
	type Tracks = TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_conviction_voting::Config for Runtime {
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Polls = Referenda;
	type MaxTurnout = ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

parameter_types! {
	/// A whitelisted-caller referendum enacted before the committee whitelists its call waits
	/// at most 28 days for it.
	pub const DeferredDispatchExpiration: BlockNumber = 28 * DAYS;
}

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = RootOrTechnicalTwoThirds;
	type DispatchWhitelistedOrigin =
		EitherOf<EnsureRoot<AccountId>, EnsureGovernance<WhitelistedCallerOrigin>>;
	type Preimages = Preimage;
	type DeferredDispatchExpiration = DeferredDispatchExpiration;
	type BlockNumberProvider = System;
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

/// What safe mode still lets through: the chain's own operation and governance (to vote the
/// way out, or fix what made the committee pull the brake).
pub struct SafeModeWhitelistedCalls;

impl Contains<RuntimeCall> for SafeModeWhitelistedCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(_)
				| RuntimeCall::Timestamp(_)
				| RuntimeCall::Grandpa(_)
				| RuntimeCall::Session(_)
				| RuntimeCall::SafeMode(_)
				| RuntimeCall::TxPause(_)
				| RuntimeCall::Preimage(_)
				| RuntimeCall::Referenda(_)
				| RuntimeCall::ConvictionVoting(_)
				| RuntimeCall::Whitelist(_)
				| RuntimeCall::TechnicalCommittee(_)
				| RuntimeCall::TechnicalMembership(_)
				| RuntimeCall::Sudo(_)
		)
	}
}

parameter_types! {
	/// The committee enters safe mode for a day at most (extensions likewise).
	pub const SafeModeDuration: BlockNumber = DAYS;
}

/// Two thirds of the committee (or root) enter or extend safe mode, for a day.
pub type SafeModeForcer = EnsureWithSuccess<RootOrTechnicalTwoThirds, AccountId, SafeModeDuration>;

impl pallet_safe_mode::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WhitelistedCalls = SafeModeWhitelistedCalls;
	type EnterDuration = SafeModeDuration;
	type ExtendDuration = SafeModeDuration;
	// No permissionless entering or extending: the committee pulls the brake.
	type EnterDepositAmount = ();
	type ExtendDepositAmount = ();
	type ForceEnterOrigin = SafeModeForcer;
	type ForceExtendOrigin = SafeModeForcer;
	type ForceExitOrigin = RootOrTechnicalTwoThirds;
	type ForceDepositOrigin = EnsureRoot<AccountId>;
	type Notify = ();
	type ReleaseDelay = ();
	type WeightInfo = pallet_safe_mode::weights::SubstrateWeight<Runtime>;
}

/// Calls the committee cannot pause: governance's own, and the chain's operation.
pub struct TxPauseWhitelistedCalls;

impl Contains<pallet_tx_pause::RuntimeCallNameOf<Runtime>> for TxPauseWhitelistedCalls {
	fn contains(full_name: &pallet_tx_pause::RuntimeCallNameOf<Runtime>) -> bool {
		matches!(
			full_name.0.as_slice(),
			b"System"
				| b"Timestamp"
				| b"SafeMode"
				| b"TxPause" | b"Preimage"
				| b"Referenda"
				| b"ConvictionVoting"
				| b"Whitelist"
				| b"TechnicalCommittee"
				| b"TechnicalMembership"
		)
	}
}

impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = RootOrTechnicalTwoThirds;
	type UnpauseOrigin = RootOrTechnicalTwoThirds;
	type WhitelistedCalls = TxPauseWhitelistedCalls;
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = pallet_tx_pause::weights::SubstrateWeight<Runtime>;
}

/// The runtime parameters: tunables governance changes without a runtime upgrade.
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// Preimage deposits.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod preimage {
		/// The deposit a noted preimage holds, whatever its length.
		#[codec(index = 0)]
		pub static BaseDeposit: Balance = ASK;
		/// What a noted preimage holds per byte.
		#[codec(index = 1)]
		pub static ByteDeposit: Balance = MILLI_ASK;
	}

	/// The validator set.
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod validators {
		/// The bond a validator candidate holds to be added to the set.
		#[codec(index = 0)]
		pub static Bond: Balance = 100_000 * ASK;
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Preimage(dynamic_params::preimage::Parameters::BaseDeposit(
			dynamic_params::preimage::BaseDeposit,
			Some(ASK),
		))
	}
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	type AdminOrigin = AsEnsureOriginWithArg<EconomicAdmin>;
	// Upstream keeps its benchmarked weights private: its own `()` weights.
	type WeightInfo = ();
}
