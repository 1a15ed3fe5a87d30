//! What the runtime API reports.

use crate::{
	finalise::{mul_div, wide},
	*,
};
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
}
