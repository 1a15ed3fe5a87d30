//! The pallet's stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::fungible;
use scale_info::TypeInfo;
use sp_staking::SessionIndex;

/// A balance of the bond currency.
pub type BalanceOf<T> = <<T as crate::Config>::BondCurrency as fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// An account's bond, as stored.
pub type BondOf<T> = Bond<BalanceOf<T>>;

/// What a validator (or candidate) holds as its bond, and when it may withdraw it.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Bond<Balance> {
	/// What is held, after any slash.
	pub amount: Balance,
	/// The session from which the bond may be withdrawn, once it is unbonding.
	pub unlocks_at: Option<SessionIndex>,
}
