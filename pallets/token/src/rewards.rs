//! Block author rewards, paid from the node-incentive pot while it lasts. Nothing is minted.

use crate::{pallet::AuthorReward, BalanceOf, Config, Event, Pallet, Pot, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		FindAuthor,
	},
};

impl<T: Config> Pallet<T> {
	/// Pay the current block's author its reward from the node-incentive pot, or what the pot
	/// has left above its existential deposit. Returns the weight used.
	pub(crate) fn reward_author() -> Weight {
		let reward = AuthorReward::<T>::get();
		if reward.is_zero() {
			return T::WeightInfo::on_initialize_no_reward();
		}
		let digest = frame_system::Pallet::<T>::digest();
		let pre_runtime = digest.logs.iter().filter_map(|d| d.as_pre_runtime());
		let Some(author) = T::FindAuthor::find_author(pre_runtime) else {
			return T::WeightInfo::on_initialize_no_reward();
		};
		let pot = Self::pot_account(Pot::NodeIncentives);
		let available = <T::Currency as Inspect<T::AccountId>>::reducible_balance(
			&pot,
			Preservation::Preserve,
			Fortitude::Polite,
		);
		let amount: BalanceOf<T> = reward.min(available);
		if amount.is_zero() {
			return T::WeightInfo::on_initialize_reward();
		}
		// Paying an existing author or a new account of at least the existential deposit
		// succeeds; a reward below the existential deposit to a new account does not, and
		// then nothing moves.
		if T::Currency::transfer(&pot, &author, amount, Preservation::Preserve).is_ok() {
			Self::deposit_event(Event::AuthorRewarded { author, amount });
		}
		T::WeightInfo::on_initialize_reward()
	}
}
