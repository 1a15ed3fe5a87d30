//! What the runtime API reports, and the pallet's invariants.

use crate::{
	finalise::{mul_div, wide},
	*,
};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::Get};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto, Zero};

/// A round as the runtime API reports it.
pub type RoundViewOf<T> =
	RoundView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;

impl<T: Config> Pallet<T> {
	/// A listing's score, its recent history and its open round.
	pub fn score(listing: ListingId) -> ScoreView<BlockNumberOf<T>> {
		let record = Scores::<T>::get(listing);
		ScoreView {
			listing,
			current: record.current,
			rounds: record.rounds,
			history: record.history.into_inner(),
			open_round: OpenRound::<T>::get(listing),
		}
	}

	/// An open round with its phase now and its participants; `None` when it is not open
	/// (finalised rounds are in the listing's history and the events).
	pub fn round(id: RoundId) -> Option<RoundViewOf<T>> {
		let round = Rounds::<T>::get(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let participants = Commitments::<T>::iter_prefix(id)
			.map(|(evaluator, c)| ParticipantView {
				evaluator,
				stake: c.stake,
				revealed: c.revealed.is_some(),
				score: c.revealed,
			})
			.collect();
		Some(RoundView {
			id,
			listing: round.listing,
			opener: round.opener.clone(),
			phase: round.phase(&now),
			opened_at: round.opened_at,
			commit_end: round.commit_end,
			reveal_end: round.reveal_end,
			fee_reward: round.fee_reward,
			total_stake: round.total_stake,
			participants,
		})
	}

	/// An evaluator's track record.
	pub fn record(who: T::AccountId) -> EvaluatorRecord<BalanceOf<T>> {
		Records::<T>::get(who)
	}

	/// The current era, what it would pay if it ended now, and `listing`'s pending part.
	pub fn era_rewards(
		listing: Option<ListingId>,
	) -> EraRewardsView<BalanceOf<T>, BlockNumberOf<T>> {
		let era = CurrentEra::<T>::get();
		let params = Parameters::<T>::get();
		let era_length = params.as_ref().map(|p| p.era_length).unwrap_or_else(Zero::zero);
		let budget = params
			.map(|p| p.era_payout.mul_floor(Self::incentive_pot_available()))
			.unwrap_or_else(Zero::zero);
		let total_weight = EraTotals::<T>::get(era.index);
		let listing = listing.map(|listing| {
			let weight = EraWeights::<T>::get(era.index, listing);
			ListingRewardView {
				listing,
				weight,
				pending: mul_div(wide(budget), weight, total_weight).unique_saturated_into(),
			}
		});
		EraRewardsView {
			era: era.index,
			started_at: era.started_at,
			ends_at: era.started_at.saturating_add(era_length),
			budget,
			total_weight,
			listing,
			paying_era: ActivePayout::<T>::get().map(|p| p.era),
		}
	}

	/// The invariants, checked after every unit test and by `try-runtime`:
	/// - every open round is its listing's open round, is queued for finalisation at its
	///   `finalise_at`, and its evaluator count, reveal count and total stake match its
	///   commitments (at most [`Config::MaxEvaluators`]);
	/// - every listing's open round exists; every queued round is open;
	/// - each account's stake hold equals the sum of its commitments' stakes;
	/// - each era's total weight is the sum of its listings' weights;
	/// - score histories hold scores of at most 100.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, round) in Rounds::<T>::iter() {
			ensure!(
				OpenRound::<T>::get(round.listing) == Some(id),
				"round not its listing's open round"
			);
			ensure!(Ending::<T>::get(round.finalise_at).contains(&id), "open round not queued");
			ensure!(round.finalise_at >= round.reveal_end, "round queued before its end");
			let (mut count, mut revealed, mut stake) = (0u32, 0u32, BalanceOf::<T>::zero());
			for (who, c) in Commitments::<T>::iter_prefix(id) {
				count += 1;
				revealed += u32::from(c.revealed.is_some());
				ensure!(c.revealed.map_or(true, |s| s <= MAX_SCORE), "revealed score above 100");
				stake = stake.saturating_add(c.stake);
				let sum = held.entry(who).or_insert_with(Zero::zero);
				*sum = sum.saturating_add(c.stake);
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
		for (who, sum) in &held {
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
			ensure!(record.current.map_or(true, |s| s <= MAX_SCORE), "score above 100");
		}
		Ok(())
	}
}
