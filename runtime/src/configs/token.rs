//! The ASK token's economics (`pallet_allspark_token`) and the team's vesting (`pallet_vesting`).

use crate::{AccountId, Balance, Balances, Runtime, RuntimeEvent, System, ASK};
use frame_support::{
	parameter_types,
	traits::{FindAuthor, WithdrawReasons},
	ConsensusEngineId, PalletId,
};
use sp_runtime::{traits::ConvertInto, Permill};

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"as/trsry");
	pub const CommunityPalletId: PalletId = PalletId(*b"as/cmnty");
	pub const NodeIncentivePalletId: PalletId = PalletId(*b"as/nodes");
	pub const EvaluationRewardPalletId: PalletId = PalletId(*b"as/evalr");
	/// Governance may not charge more than a tenth of a trade's value.
	pub const MaxTradeRate: Permill = Permill::from_percent(10);
}

/// The account of the current block's author: the account whose public key is the author's
/// Aura key. (When validators get session keys of their own, this maps through the session
/// pallet instead.)
pub struct AuraAuthorAccount;

impl FindAuthor<AccountId> for AuraAuthorAccount {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		let index = <pallet_aura::Pallet<Runtime> as FindAuthor<u32>>::find_author(digests)?;
		let authorities = pallet_aura::Authorities::<Runtime>::get();
		let key = authorities.get(usize::try_from(index).ok()?)?;
		Some(AccountId::from(key.clone().into_inner()))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_allspark_token::benchmarking::BenchmarkHelper<AccountId> for AuraAuthorAccount {
	fn set_block_author() -> AccountId {
		use codec::Encode;
		use sp_consensus_aura::{sr25519::AuthorityId as AuraId, Slot, AURA_ENGINE_ID};
		let key = AuraId::from(sp_core::sr25519::Public::from_raw([7u8; 32]));
		pallet_aura::Authorities::<Runtime>::put(
			frame_support::BoundedVec::truncate_from(alloc::vec![key.clone()]),
		);
		frame_system::Pallet::<Runtime>::deposit_log(sp_runtime::DigestItem::PreRuntime(
			AURA_ENGINE_ID,
			Slot::from(0u64).encode(),
		));
		AccountId::from(key.into_inner())
	}
}

impl pallet_allspark_token::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type FindAuthor = AuraAuthorAccount;
	type TreasuryPalletId = TreasuryPalletId;
	type CommunityPalletId = CommunityPalletId;
	type NodeIncentivePalletId = NodeIncentivePalletId;
	type EvaluationRewardPalletId = EvaluationRewardPalletId;
	type MaxTradeRate = MaxTradeRate;
	type WeightInfo = pallet_allspark_token::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = AuraAuthorAccount;
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
