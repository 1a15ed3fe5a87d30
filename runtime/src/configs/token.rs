//! The ASK token's economics (`pallet_allspark_token`) and the team's vesting (`pallet_vesting`).

use crate::{AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, System, ASK};
use frame_support::{
	ensure, parameter_types,
	traits::{
		Currency, ExistenceRequirement, LockIdentifier, LockableCurrency, SignedImbalance,
		WithdrawReasons,
	},
	PalletId,
};
use sp_runtime::{traits::ConvertInto, DispatchError, DispatchResult, Permill};

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

/// pallet-balances as pallet-vesting's currency, but for one rule: a transfer from an account to
/// itself is refused (`InvalidScheduleParams`). pallet-vesting's vested transfer moves the funds
/// first and locks them on the target after; pallet-balances treats a transfer to oneself as done
/// without looking at the balance, so a vested transfer from an account to itself locked funds
/// the account need not have. On an account that holds nothing (`force_vested_transfer` from and
/// to a reaped account) the lock could not even be applied: pallet-balances' defensive check
/// failed (a panic in a debug build, found by the runtime fuzzer) and left a vesting schedule
/// and a lock on an account that does not exist. A vested transfer to another account is
/// unchanged, and so is everything else, which is pallet-balances' own.
pub struct VestingCurrency;

type BalancesPositive = <Balances as Currency<AccountId>>::PositiveImbalance;
type BalancesNegative = <Balances as Currency<AccountId>>::NegativeImbalance;

impl Currency<AccountId> for VestingCurrency {
	type Balance = Balance;
	type PositiveImbalance = BalancesPositive;
	type NegativeImbalance = BalancesNegative;

	fn total_balance(who: &AccountId) -> Balance {
		<Balances as Currency<_>>::total_balance(who)
	}
	fn can_slash(who: &AccountId, value: Balance) -> bool {
		<Balances as Currency<_>>::can_slash(who, value)
	}
	fn total_issuance() -> Balance {
		<Balances as Currency<_>>::total_issuance()
	}
	fn active_issuance() -> Balance {
		<Balances as Currency<_>>::active_issuance()
	}
	fn deactivate(amount: Balance) {
		<Balances as Currency<_>>::deactivate(amount)
	}
	fn reactivate(amount: Balance) {
		<Balances as Currency<_>>::reactivate(amount)
	}
	fn minimum_balance() -> Balance {
		<Balances as Currency<_>>::minimum_balance()
	}
	fn burn(amount: Balance) -> BalancesPositive {
		<Balances as Currency<_>>::burn(amount)
	}
	fn issue(amount: Balance) -> BalancesNegative {
		<Balances as Currency<_>>::issue(amount)
	}
	fn pair(amount: Balance) -> (BalancesPositive, BalancesNegative) {
		<Balances as Currency<_>>::pair(amount)
	}
	fn free_balance(who: &AccountId) -> Balance {
		<Balances as Currency<_>>::free_balance(who)
	}
	fn ensure_can_withdraw(
		who: &AccountId,
		amount: Balance,
		reasons: WithdrawReasons,
		new_balance: Balance,
	) -> DispatchResult {
		<Balances as Currency<_>>::ensure_can_withdraw(who, amount, reasons, new_balance)
	}
	/// pallet-balances' transfer, refused from an account to itself.
	fn transfer(
		source: &AccountId,
		dest: &AccountId,
		value: Balance,
		existence_requirement: ExistenceRequirement,
	) -> DispatchResult {
		ensure!(source != dest, pallet_vesting::Error::<Runtime>::InvalidScheduleParams);
		<Balances as Currency<_>>::transfer(source, dest, value, existence_requirement)
	}
	fn slash(who: &AccountId, value: Balance) -> (BalancesNegative, Balance) {
		<Balances as Currency<_>>::slash(who, value)
	}
	fn deposit_into_existing(
		who: &AccountId,
		value: Balance,
	) -> Result<BalancesPositive, DispatchError> {
		<Balances as Currency<_>>::deposit_into_existing(who, value)
	}
	fn resolve_into_existing(
		who: &AccountId,
		value: BalancesNegative,
	) -> Result<(), BalancesNegative> {
		<Balances as Currency<_>>::resolve_into_existing(who, value)
	}
	fn deposit_creating(who: &AccountId, value: Balance) -> BalancesPositive {
		<Balances as Currency<_>>::deposit_creating(who, value)
	}
	fn resolve_creating(who: &AccountId, value: BalancesNegative) {
		<Balances as Currency<_>>::resolve_creating(who, value)
	}
	fn withdraw(
		who: &AccountId,
		value: Balance,
		reasons: WithdrawReasons,
		liveness: ExistenceRequirement,
	) -> Result<BalancesNegative, DispatchError> {
		<Balances as Currency<_>>::withdraw(who, value, reasons, liveness)
	}
	fn settle(
		who: &AccountId,
		value: BalancesPositive,
		reasons: WithdrawReasons,
		liveness: ExistenceRequirement,
	) -> Result<(), BalancesPositive> {
		<Balances as Currency<_>>::settle(who, value, reasons, liveness)
	}
	fn make_free_balance_be(
		who: &AccountId,
		balance: Balance,
	) -> SignedImbalance<Balance, BalancesPositive> {
		<Balances as Currency<_>>::make_free_balance_be(who, balance)
	}
}

impl LockableCurrency<AccountId> for VestingCurrency {
	type Moment = BlockNumber;
	type MaxLocks = <Balances as LockableCurrency<AccountId>>::MaxLocks;

	fn set_lock(id: LockIdentifier, who: &AccountId, amount: Balance, reasons: WithdrawReasons) {
		<Balances as LockableCurrency<_>>::set_lock(id, who, amount, reasons)
	}
	fn extend_lock(id: LockIdentifier, who: &AccountId, amount: Balance, reasons: WithdrawReasons) {
		<Balances as LockableCurrency<_>>::extend_lock(id, who, amount, reasons)
	}
	fn remove_lock(id: LockIdentifier, who: &AccountId) {
		<Balances as LockableCurrency<_>>::remove_lock(id, who)
	}
}

impl pallet_vesting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = VestingCurrency;
	type BlockNumberToBalance = ConvertInto;
	type MinVestedTransfer = MinVestedTransfer;
	type WeightInfo = pallet_vesting::weights::SubstrateWeight<Runtime>;
	type UnvestedFundsAllowedWithdrawReasons = UnvestedFundsAllowedWithdrawReasons;
	type BlockNumberProvider = System;
	const MAX_VESTING_SCHEDULES: u32 = 28;
}
