//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::{has_duplicates, Config, MinValidators, Pallet, PlannedSet, SessionLength};
use frame_support::ensure;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: the planned set is within bounds and has no duplicates.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let set = PlannedSet::<T>::get();
		if set.is_empty() && MinValidators::<T>::get() == 0 {
			// Unconfigured (an empty genesis).
			return Ok(());
		}
		ensure!(set.len() >= MinValidators::<T>::get() as usize, "planned set below the minimum");
		ensure!(MinValidators::<T>::get() >= 1, "a minimum of zero validators");
		ensure!(!SessionLength::<T>::get().is_zero(), "sessions of zero blocks");
		ensure!(!has_duplicates(&set), "duplicate validator");
		Ok(())
	}
}
