//! The service charge: the one mechanism market trades, evaluation requests and transaction fees
//! pay through. The token pallet implements [`ServiceCharge`]; the market and evaluation pallets
//! depend on the trait, so their tests can mock it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, Saturating};

/// What a service charge is paid for.
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
pub enum ChargeKind<Balance> {
	/// A market trade of the given value: pays `trade_rate` of it, at least `min_charge`.
	Trade {
		/// The value traded.
		value: Balance,
	},
	/// Opening an evaluation round: pays the `evaluation_fee`.
	EvaluationRequest,
}

/// A charge divided by the token pallet's split (burn, treasury, evaluation-reward pot).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct SplitParts<Balance> {
	/// Burned.
	pub burned: Balance,
	/// Paid to the treasury pot.
	pub treasury: Balance,
	/// Paid to the evaluation-reward pot.
	pub evaluation: Balance,
}

impl<B: Saturating + Copy> SplitParts<B> {
	/// The whole charge.
	pub fn total(&self) -> B {
		self.burned.saturating_add(self.treasury).saturating_add(self.evaluation)
	}
}

/// Charges a payer for an action. The market and evaluation pallets depend on this trait, not on
/// the token pallet, so their tests can mock it.
pub trait ServiceCharge<AccountId> {
	/// The balance type.
	type Balance;

	/// What `kind` costs now, without charging anyone.
	fn quote(kind: ChargeKind<Self::Balance>) -> Result<Self::Balance, DispatchError>;

	/// Charge `payer` for `kind`: withdraw the charge (the payer stays alive) and divide it
	/// between burn, treasury and the evaluation-reward pot. Returns the parts. On error nothing
	/// changes.
	fn charge(
		payer: &AccountId,
		kind: ChargeKind<Self::Balance>,
	) -> Result<SplitParts<Self::Balance>, DispatchError>;
}
