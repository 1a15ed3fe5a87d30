//! Bonds: holding one, topping it up, unbonding and withdrawing it.

use crate::{BalanceOf, Bond, BondOf, Bonds, Config, Error, Event, HoldReason, Pallet};
use frame_support::{
	ensure,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
		Get,
	},
};
use sp_runtime::{traits::Zero, DispatchResult, Saturating};

impl<T: Config> Pallet<T> {
	/// Bring `who`'s bond up to `target` (holding the difference out of unfrozen funds only), and
	/// stop it unbonding.
	pub(crate) fn do_bond(who: T::AccountId, target: BalanceOf<T>) -> DispatchResult {
		let current = Bonds::<T>::get(&who);
		let held = current.as_ref().map_or_else(Zero::zero, |b| b.amount);
		let unbonding = current.as_ref().is_some_and(|b| b.unlocks_at.is_some());
		ensure!(held < target || unbonding, Error::<T>::AlreadyBonded);
		let added = target.saturating_sub(held);
		allspark_primitives::hold_unfrozen::<_, T::BondCurrency, T::FrozenBalance>(
			&HoldReason::ValidatorBond.into(),
			&who,
			added,
		)
		.map_err(|refused| {
			refused.into_error(Error::<T>::FundsFrozen, Error::<T>::InsufficientBalance)
		})?;
		let bond = held.saturating_add(added);
		Bonds::<T>::insert(&who, Bond { amount: bond, unlocks_at: None });
		Self::deposit_event(Event::Bonded { who, added, bond });
		Ok(())
	}

	/// Start `who`'s bond unbonding, if it is no validator.
	pub(crate) fn do_unbond(who: T::AccountId) -> DispatchResult {
		let mut bond = Bonds::<T>::get(&who).ok_or(Error::<T>::NotBonded)?;
		ensure!(bond.unlocks_at.is_none(), Error::<T>::AlreadyUnbonding);
		ensure!(!Self::is_validator(&who), Error::<T>::StillValidator);
		let unlocks_at =
			pallet_session::CurrentIndex::<T>::get().saturating_add(T::BondingDelay::get());
		bond.unlocks_at = Some(unlocks_at);
		Bonds::<T>::insert(&who, bond);
		Self::deposit_event(Event::Unbonding { who, unlocks_at });
		Ok(())
	}

	/// Release `who`'s unbonded bond.
	pub(crate) fn do_withdraw_bond(who: T::AccountId) -> DispatchResult {
		let bond = Bonds::<T>::get(&who).ok_or(Error::<T>::NotBonded)?;
		let now = pallet_session::CurrentIndex::<T>::get();
		ensure!(bond.unlocks_at.is_some_and(|at| at <= now), Error::<T>::BondLocked);
		let amount = T::BondCurrency::release(
			&HoldReason::ValidatorBond.into(),
			&who,
			bond.amount,
			Precision::BestEffort,
		)?;
		Bonds::<T>::remove(&who);
		Self::deposit_event(Event::BondWithdrawn { who, amount });
		Ok(())
	}

	/// `who` holds a bond of at least [`Config::BondAmount`] that is not unbonding.
	pub(crate) fn ensure_bonded(who: &T::AccountId) -> DispatchResult {
		let bond = Bonds::<T>::get(who).ok_or(Error::<T>::NotBonded)?;
		ensure!(bond.unlocks_at.is_none(), Error::<T>::BondUnbonding);
		ensure!(bond.amount >= T::BondAmount::get(), Error::<T>::BondTooSmall);
		Ok(())
	}

	/// Take up to `amount` of `who`'s bond into [`Config::SlashBeneficiary`]; what was taken.
	pub(crate) fn slash_bond(who: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		let Some(mut bond) = Bonds::<T>::get(who) else { return Zero::zero() };
		let taken = T::BondCurrency::transfer_on_hold(
			&HoldReason::ValidatorBond.into(),
			who,
			&T::SlashBeneficiary::get(),
			amount.min(bond.amount),
			Precision::BestEffort,
			frame_support::traits::tokens::Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_else(|_| Zero::zero());
		bond.amount = bond.amount.saturating_sub(taken);
		Bonds::<T>::insert(who, bond);
		taken
	}
}

/// A bond record for the invariants: every bond is what its owner holds for it.
pub(crate) fn bond_of<T: Config>(who: &T::AccountId) -> Option<BondOf<T>> {
	Bonds::<T>::get(who)
}
