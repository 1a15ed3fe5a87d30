//! Holds that never take frozen funds.
//!
//! `fungible::MutateHold::hold` checks only what the account could give up by force: with
//! pallet-balances, frozen funds (vesting locks among them) can be put on hold, and a held amount
//! can then be paid to another account by a slash or a trade. Every AllSpark hold goes through
//! [`hold_unfrozen`] instead, which refuses an amount that would reach into the frozen part of the
//! balance, so a vesting schedule cannot be escaped by staking, bidding or depositing.

use frame_support::{
	pallet_prelude::DispatchResult,
	traits::fungible::{Inspect, MutateHold},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError,
};

/// What part of an account's free balance is frozen: locks and freezes, vesting's included.
pub trait FrozenBalance<AccountId, Balance> {
	/// `who`'s frozen balance.
	fn frozen_balance(who: &AccountId) -> Balance;
}

/// Nothing is ever frozen.
impl<AccountId, Balance: Zero> FrozenBalance<AccountId, Balance> for () {
	fn frozen_balance(_who: &AccountId) -> Balance {
		Zero::zero()
	}
}

/// Why [`hold_unfrozen`] refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HoldRefused {
	/// The amount is there, but part of it is frozen.
	Frozen,
	/// The account's free balance is too low, frozen or not.
	Insufficient,
}

impl HoldRefused {
	/// The calling pallet's error for this refusal: `frozen` for [`HoldRefused::Frozen`],
	/// `insufficient` for [`HoldRefused::Insufficient`].
	pub fn into_error<E>(self, frozen: E, insufficient: E) -> E {
		match self {
			HoldRefused::Frozen => frozen,
			HoldRefused::Insufficient => insufficient,
		}
	}
}

/// What `who` can put on hold: its free balance less the larger of its frozen balance and the
/// existential deposit.
pub fn holdable<AccountId, C, F>(who: &AccountId) -> C::Balance
where
	C: Inspect<AccountId>,
	F: FrozenBalance<AccountId, C::Balance>,
{
	let keep = F::frozen_balance(who).max(C::minimum_balance());
	C::balance(who).saturating_sub(keep)
}

/// Hold `amount` of `who`'s funds for `reason`, out of its unfrozen free balance only.
pub fn hold_unfrozen<AccountId, C, F>(
	reason: &C::Reason,
	who: &AccountId,
	amount: C::Balance,
) -> Result<(), HoldRefused>
where
	C: MutateHold<AccountId>,
	F: FrozenBalance<AccountId, C::Balance>,
{
	if amount.is_zero() {
		return Ok(());
	}
	if holdable::<AccountId, C, F>(who) < amount {
		let ed = C::minimum_balance();
		return Err(if C::balance(who).saturating_sub(ed) >= amount {
			HoldRefused::Frozen
		} else {
			HoldRefused::Insufficient
		});
	}
	let result: DispatchResult = C::hold(reason, who, amount);
	result.map_err(|_: DispatchError| HoldRefused::Insufficient)
}
