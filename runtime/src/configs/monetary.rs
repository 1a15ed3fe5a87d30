//! The ASK token (`pallet_balances`) and transaction fees (`pallet_transaction_payment`).
//!
//! Fees have three parts: a base fee per extrinsic, a weight fee that grows with the computation
//! an extrinsic costs, and a length fee per encoded byte. A fee multiplier scales the weight part
//! up when blocks run fuller than the target saturation, and back down (never below 1) when they
//! are emptier, so sustained congestion gets expensive.

use crate::{
	AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	EXISTENTIAL_DEPOSIT, MICRO_ASK, MILLI_ASK,
};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, VariantCountOf},
	weights::{
		constants::ExtrinsicBaseWeight, ConstantMultiplier, WeightToFeeCoefficient,
		WeightToFeeCoefficients, WeightToFeePolynomial,
	},
};
use pallet_transaction_payment::{Multiplier, TargetedFeeAdjustment};
use smallvec::smallvec;
use sp_runtime::{traits::One, FixedPointNumber, Perbill, Perquintill};

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = frame_system::Pallet<Runtime>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// The fee for the weight of an extrinsic: the base weight of an extrinsic costs one milli-ASK,
/// and the fee grows linearly with weight from there.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = BASE_EXTRINSIC_FEE;
		let q = Balance::from(ExtrinsicBaseWeight::get().ref_time());
		smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p % q, q),
			coeff_integer: p / q,
		}]
	}
}

/// What the weight of one base extrinsic costs.
pub const BASE_EXTRINSIC_FEE: Balance = MILLI_ASK;
/// What each encoded byte of an extrinsic costs.
pub const TRANSACTION_BYTE_FEE: Balance = 10 * MICRO_ASK;

parameter_types! {
	pub const TransactionByteFee: Balance = TRANSACTION_BYTE_FEE;
	/// Operational extrinsics pay this many times their fee as a priority boost.
	pub const OperationalFeeMultiplier: u8 = 5;
	/// Blocks a quarter full keep the multiplier steady.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier reacts to fuller or emptier blocks.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// The multiplier never drops below 1: fees are never cheaper than the base schedule.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	/// Nor does it grow without bound.
	pub MaximumMultiplier: Multiplier = Multiplier::saturating_from_integer(100_000);
}

/// Scales fees with how full recent blocks were.
pub type SlowAdjustingFeeUpdate<R> = TargetedFeeAdjustment<
	R,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees and tips are divided by the token pallet's charge split: burn, treasury, evaluation.
	// The inclusion fee may come out of vesting-locked funds, a tip may not (see `fees`).
	type OnChargeTransaction =
		super::fees::FeesFromLockedFunds<Balances, pallet_allspark_token::DealWithFees<Runtime>>;
	type OperationalFeeMultiplier = OperationalFeeMultiplier;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = SlowAdjustingFeeUpdate<Self>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

/// Accounts' frozen balances (vesting locks among them) as pallet-balances keeps them in the
/// system pallet's account store: the AllSpark pallets never hold frozen funds.
pub struct FrozenBalances;
impl allspark_primitives::FrozenBalance<AccountId, Balance> for FrozenBalances {
	fn frozen_balance(who: &AccountId) -> Balance {
		frame_system::Account::<Runtime>::get(who).data.frozen
	}
}
