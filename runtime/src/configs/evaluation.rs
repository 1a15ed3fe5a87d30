//! Staked content evaluation (`pallet_allspark_evaluation`).

use crate::{AccountId, Balances, Content, Runtime, RuntimeEvent, RuntimeHoldReason, Token};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_allspark_token::Pot;

parameter_types! {
	/// The most an era pays back of the charges an account's credited trades paid.
	pub const EraRebateCap: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);
	/// Rounds' rewards come from, and slashes go to, the evaluation-reward pot.
	pub EvaluationRewardPot: AccountId = Token::pot_account(Pot::EvaluationRewards);
	/// Era rewards come from the community-incentive pot.
	pub CommunityIncentivePot: AccountId = Token::pot_account(Pot::CommunityIncentives);
}

/// The parameters themselves (phases, stakes, slashes, eras) are genesis state set by
/// governance (`set_params`): see `genesis_config_presets.rs`.
impl pallet_allspark_evaluation::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Content = Content;
	type ServiceCharge = Token;
	type GovernanceOrigin = crate::configs::governance::EconomicAdmin;
	type RewardPot = EvaluationRewardPot;
	type IncentivePot = CommunityIncentivePot;
	type FrozenBalance = crate::configs::monetary::FrozenBalances;
	/// An era pays back at most half the service charges of the trades credited to an account:
	/// a wash trade loses at least half its charge.
	type RebateCap = EraRebateCap;
	type MaxEvaluators = ConstU32<64>;
	type MaxHistory = ConstU32<16>;
	type MaxRoundsEndingPerBlock = ConstU32<16>;
	/// Two rounds of 64 evaluators a block (with the committed weights about 100 ms, a
	/// twentieth of a block); a backlog is finalised by anyone with `finalise_round`.
	type MaxFinalisationsPerBlock = ConstU32<2>;
	/// Era payouts to 32 accounts a block (about 37 ms): with two full finalisations the hook's
	/// worst case is about 117 ms, under a sixteenth of a block (the integrity test checks a
	/// quarter, `tests::hooks` all hooks together a sixth).
	type MaxPayoutsPerBlock = ConstU32<32>;
	/// The content pallet's most revenue shares.
	type MaxRevenueShares = <Runtime as pallet_allspark_content::Config>::MaxCoCreators;
	type WeightInfo = pallet_allspark_evaluation::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::market::ListingBenchmarkHelper;
}
