//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The invariants, checked after every unit test and by `try-runtime`:
	/// - every open round is its listing's open round, is queued for finalisation at its
	///   `finalise_at`, and its evaluator count, reveal count and total stake match its
	///   commitments (at most [`Config::MaxEvaluators`]);
	/// - every listing's open round exists; every queued round is open;
	/// - each account's stake hold equals the sum of its commitments' stakes;
	/// - each era's total weight is the sum of its listings' weights;
	/// - score histories hold scores of at most 100.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (id, round) in Rounds::<T>::iter() {
			ensure!(
				OpenRound::<T>::get(round.listing) == Some(id),
				"round not its listing's open round"
			);
			ensure!(Ending::<T>::get(round.finalise_at).contains(&id), "open round not queued");
			ensure!(round.finalise_at >= round.reveal_end, "round queued before its end");
			let (mut count, mut revealed, mut stake) = (0u32, 0u32, BalanceOf::<T>::zero());
			for (_, c) in Commitments::<T>::iter_prefix(id) {
				count += 1;
				revealed += u32::from(c.revealed.is_some());
				ensure!(c.revealed.is_none_or(|s| s <= MAX_SCORE), "revealed score above 100");
				stake = stake.saturating_add(c.stake);
			}
			ensure!(count == round.evaluators, "evaluator count wrong");
			ensure!(count <= T::MaxEvaluators::get(), "too many evaluators");
			ensure!(revealed == round.revealed, "reveal count wrong");
			ensure!(stake == round.total_stake, "total stake wrong");
		}
		for (id, _) in Commitments::<T>::iter_keys() {
			ensure!(Rounds::<T>::contains_key(id), "commitment of a closed round");
		}
		for (listing, id) in OpenRound::<T>::iter() {
			ensure!(
				Rounds::<T>::get(id).map(|r| r.listing) == Some(listing),
				"dangling open round"
			);
		}
		for (_, queue) in Ending::<T>::iter() {
			for id in queue {
				ensure!(Rounds::<T>::contains_key(id), "queued round not open");
			}
		}
		for (who, sum) in &Self::expected_holds() {
			ensure!(Self::staked(who) == *sum, "stake hold differs from commitments");
		}
		let mut totals: BTreeMap<EraIndex, u128> = BTreeMap::new();
		for (era, _, weight) in EraWeights::<T>::iter() {
			let t = totals.entry(era).or_default();
			*t = t.saturating_add(weight);
		}
		let paying = ActivePayout::<T>::get().map(|p| p.era);
		for (era, total) in totals {
			if Some(era) != paying {
				ensure!(EraTotals::<T>::get(era) == total, "era total differs from its weights");
			}
		}
		for (_, record) in Scores::<T>::iter() {
			ensure!(record.history.iter().all(|e| e.score <= MAX_SCORE), "score above 100");
			ensure!(record.current.is_none_or(|s| s <= MAX_SCORE), "score above 100");
		}
		Ok(())
	}

	/// What each account should hold under [`HoldReason::Stake`] by the rounds' records: the
	/// stakes of its commitments. A harness that sees every hold (the runtime fuzzer) checks
	/// that no account holds more than this.
	pub fn expected_holds() -> BTreeMap<T::AccountId, BalanceOf<T>> {
		let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (_, who, c) in Commitments::<T>::iter() {
			let sum = held.entry(who).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(c.stake);
		}
		held
	}

	/// What `who` has held for stakes in open rounds.
	fn staked(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Stake.into(), who)
	}
}
