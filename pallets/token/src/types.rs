//! Types of the token pallet.

pub use allspark_primitives::{ChargeKind, SplitParts};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// The economic pots the token pallet keeps, each a keyless account derived from a pallet id.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Pot {
	/// Foundation and ecosystem funds, spent by governance.
	Treasury,
	/// Funds content and evaluation rewards (the positive-feedback loop).
	CommunityIncentives,
	/// Pays block authors while it lasts.
	NodeIncentives,
	/// Pays evaluators who judged content coherently.
	EvaluationRewards,
}

impl Pot {
	/// Every pot, in a fixed order.
	pub const ALL: [Pot; 4] =
		[Pot::Treasury, Pot::CommunityIncentives, Pot::NodeIncentives, Pot::EvaluationRewards];
}

/// Where a charge or fee came from, as reported in [`crate::Event::ChargeSplit`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum ChargeSource<Balance> {
	/// A service charge of this kind.
	Service(ChargeKind<Balance>),
	/// Transaction fees and tips of an extrinsic.
	TransactionFee,
}

/// The governance-set rates of the service charge.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ChargeRates<Balance> {
	/// The share of a trade's value charged (e.g. 25 per-mill = `Permill::from_parts(25_000)`).
	pub trade_rate: Permill,
	/// The least a trade is charged, however small its value.
	pub min_charge: Balance,
	/// What opening an evaluation round costs.
	pub evaluation_fee: Balance,
}

/// How a charge is divided. The three parts sum to exactly 100 %.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ChargeSplit {
	/// Destroyed: total issuance falls by this part.
	pub burn: Permill,
	/// Paid into the treasury pot.
	pub treasury: Permill,
	/// Paid into the evaluation-reward pot.
	pub evaluation: Permill,
}

impl ChargeSplit {
	/// Whether the parts sum to exactly 100 %.
	pub fn is_whole(&self) -> bool {
		let sum = (self.burn.deconstruct() as u64)
			.saturating_add(self.treasury.deconstruct() as u64)
			.saturating_add(self.evaluation.deconstruct() as u64);
		sum == Permill::one().deconstruct() as u64
	}

	/// Divides `total` into `(burn, treasury, evaluation)`. The treasury and evaluation parts are
	/// rounded down and the burn takes the remainder, so the parts always sum to `total`.
	pub fn divide<B>(&self, total: B) -> SplitParts<B>
	where
		B: sp_runtime::traits::AtLeast32BitUnsigned + Copy,
	{
		let treasury = self.treasury.mul_floor(total);
		let evaluation = self.evaluation.mul_floor(total);
		let burn = total.saturating_sub(treasury).saturating_sub(evaluation);
		SplitParts { burned: burn, treasury, evaluation }
	}
}

/// One pot as reported by the runtime API.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct PotInfo<AccountId, Balance> {
	/// Which pot.
	pub pot: Pot,
	/// Its keyless account.
	pub account: AccountId,
	/// Its free balance.
	pub balance: Balance,
}

/// The token's economics in one answer: what the runtime API and the RPC method return.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Economics<AccountId, Balance> {
	/// Total issuance of ASK.
	pub total_issuance: Balance,
	/// Everything burned by service charges and fees since genesis.
	pub burned: Balance,
	/// Every pot with its account and balance.
	pub pots: alloc::vec::Vec<PotInfo<AccountId, Balance>>,
	/// The service charge's rates.
	pub rates: ChargeRates<Balance>,
	/// How charges and fees are divided.
	pub split: ChargeSplit,
	/// What each block's author is paid from the node-incentive pot.
	pub author_reward: Balance,
}
