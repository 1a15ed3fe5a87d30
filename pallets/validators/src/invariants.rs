//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::{
	has_duplicates, Bonds, Config, HoldReason, MinValidators, Pallet, PlannedSet, SessionLength,
};
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: the planned set is not empty and has no duplicates; every bond
	/// is exactly what its owner holds for it.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_bonds()?;
		let set = PlannedSet::<T>::get();
		if set.is_empty() && MinValidators::<T>::get() == 0 {
			// Unconfigured (an empty genesis).
			return Ok(());
		}
		// Governance cannot take the set below the minimum; removing offenders may (never
		// below one).
		ensure!(!set.is_empty(), "an empty planned set");
		ensure!(MinValidators::<T>::get() >= 1, "a minimum of zero validators");
		ensure!(!SessionLength::<T>::get().is_zero(), "sessions of zero blocks");
		ensure!(!has_duplicates(&set), "duplicate validator");
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Every bond record's amount is held from its owner under the bond reason.
	fn check_bonds() -> Result<(), sp_runtime::TryRuntimeError> {
		for (who, bond) in Bonds::<T>::iter() {
			let held = T::BondCurrency::balance_on_hold(&HoldReason::ValidatorBond.into(), &who);
			ensure!(held == bond.amount, "a bond differs from what its owner holds for it");
		}
		Ok(())
	}

	/// What each bonded account holds for its bond, by its record (for the runtime's check
	/// that every hold has its owner's record).
	pub fn expected_holds() -> impl Iterator<Item = (T::AccountId, crate::BalanceOf<T>)> {
		Bonds::<T>::iter().map(|(who, bond)| (who, bond.amount))
	}
}
