//! The ASK token's economics (`pallet_allspark_token`) and the team's vesting (`pallet_vesting`).

use crate::{AccountId, Balance, Balances, Runtime, RuntimeEvent, System, ASK};
use frame_support::{parameter_types, traits::WithdrawReasons, PalletId};
use sp_runtime::{traits::ConvertInto, Permill};

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"as/trsry");
	pub const CommunityPalletId: PalletId = PalletId(*b"as/cmnty");
	pub const NodeIncentivePalletId: PalletId = PalletId(*b"as/nodes");
	pub const EvaluationRewardPalletId: PalletId = PalletId(*b"as/evalr");
	/// Governance may not charge more than a tenth of a trade's value.
	pub const MaxTradeRate: Permill = Permill::from_percent(10);
}

/// Runtime-specific setup for the token pallet's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TokenBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_allspark_token::benchmarking::BenchmarkHelper<AccountId> for TokenBenchmarkHelper {
	/// Make a validator the author of the block being built: the session's first validator and a
	/// pre-runtime digest naming Aura author 0.
	fn set_block_author() -> AccountId {
		use codec::Encode;
		use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
		let author = AccountId::from([7u8; 32]);
		pallet_session::Validators::<Runtime>::put(alloc::vec![author.clone()]);
		frame_system::Pallet::<Runtime>::deposit_log(sp_runtime::DigestItem::PreRuntime(
			AURA_ENGINE_ID,
			Slot::from(0u64).encode(),
		));
		author
	}
}

impl pallet_allspark_token::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type GovernanceOrigin = crate::configs::governance::EconomicAdmin;
	type SpendOrigin = crate::configs::governance::TreasurySpender;
	type FindAuthor = crate::configs::consensus::FindAuthorAccount;
	type TreasuryPalletId = TreasuryPalletId;
	type CommunityPalletId = CommunityPalletId;
	type NodeIncentivePalletId = NodeIncentivePalletId;
	type EvaluationRewardPalletId = EvaluationRewardPalletId;
	type MaxTradeRate = MaxTradeRate;
	type WeightInfo = pallet_allspark_token::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TokenBenchmarkHelper;
}

parameter_types! {
	pub const MinVestedTransfer: Balance = ASK;
	/// Vesting funds may pay fees, nothing else.
	pub UnvestedFundsAllowedWithdrawReasons: WithdrawReasons =
		WithdrawReasons::except(WithdrawReasons::TRANSFER | WithdrawReasons::RESERVE);
}

impl pallet_vesting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BlockNumberToBalance = ConvertInto;
	type MinVestedTransfer = MinVestedTransfer;
	type WeightInfo = pallet_vesting::weights::SubstrateWeight<Runtime>;
	type UnvestedFundsAllowedWithdrawReasons = UnvestedFundsAllowedWithdrawReasons;
	type BlockNumberProvider = System;
	const MAX_VESTING_SCHEDULES: u32 = 28;
}
