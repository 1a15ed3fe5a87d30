//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::{
	pallet::{Rates, Split},
	Config, Pallet, Pot,
};
use frame_support::{
	ensure,
	traits::{fungible::Inspect, Get},
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: the split is whole, the trade rate within bounds, and every
	/// pot alive (at least the existential deposit, so it can always receive).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		if let Some(split) = Split::<T>::get() {
			ensure!(split.is_whole(), "split does not sum to 100 %");
		}
		if let Some(rates) = Rates::<T>::get() {
			ensure!(rates.trade_rate <= T::MaxTradeRate::get(), "trade rate above the maximum");
		}
		// Pots are never spent below the existential deposit, so a funded pot stays funded.
		let ed = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
		for pot in Pot::ALL {
			let balance = Self::pot_balance(pot);
			ensure!(balance.is_zero() || balance >= ed, "a pot fell below the existential deposit");
		}
		Ok(())
	}
}
