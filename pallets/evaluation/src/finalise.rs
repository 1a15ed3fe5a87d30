//! Finalising rounds: the stake-weighted median, slashing, rewards, scores and track records.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	Rounding,
};

/// The stake-weighted lower median of `votes` (score, stake): the smallest score at which the
/// stake voting at or below it is at least half of all the stake. `None` without votes (or
/// without stake).
///
/// Ties: votes on the same score add up; when the stake splits exactly in half between two
/// scores, the lower one is the median. A set of voters holding less than half the stake cannot
/// move the median outside the range of the other voters' scores.
pub fn weighted_median(mut votes: Vec<(Score, u128)>) -> Option<Score> {
	votes.sort_by_key(|(score, _)| *score);
	let total = votes.iter().fold(0u128, |sum, (_, stake)| sum.saturating_add(*stake));
	if total == 0 {
		return None;
	}
	let mut below = 0u128;
	for (score, stake) in votes {
		below = below.saturating_add(stake);
		// `below ≥ total / 2` without rounding: compare doubled (half of u128::MAX at most).
		if below >= total - total / 2 {
			return Some(score);
		}
	}
	None
}

/// `a × b / c`, rounded down; zero when `c` is zero.
pub(crate) fn mul_div(a: u128, b: u128, c: u128) -> u128 {
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(a, b, c, Rounding::Down)
		.unwrap_or(0)
}

/// A balance as `u128`.
pub(crate) fn wide<B: UniqueSaturatedInto<u128>>(b: B) -> u128 {
	b.unique_saturated_into()
}

impl<T: Config> Pallet<T> {
	/// Finalise the rounds queued up to `now`, at most [`Config::MaxFinalisationsPerBlock`];
	/// the rest wait for the following blocks. Returns the weight used.
	pub(crate) fn process_finalisations(now: BlockNumberOf<T>) -> Weight {
		let db = T::DbWeight::get();
		let mut weight = db.reads(1);
		let mut cursor = FinaliseCursor::<T>::get().unwrap_or(now);
		let mut done = 0u32;
		// Empty queue blocks cost a read each: skip at most as many a block as rounds could be
		// finalised, times four, so a lagging cursor catches up without an unbounded walk.
		let mut skips = T::MaxFinalisationsPerBlock::get().saturating_mul(4);
		while cursor <= now && done < T::MaxFinalisationsPerBlock::get() && skips > 0 {
			let mut queue = Ending::<T>::get(cursor);
			weight.saturating_accrue(db.reads(1));
			if queue.is_empty() {
				skips -= 1;
				cursor.saturating_inc();
				continue;
			}
			while done < T::MaxFinalisationsPerBlock::get() && !queue.is_empty() {
				let id = queue.remove(0);
				done += 1;
				// A round in the queue is open and its reveal phase is over; were it ever not,
				// it is dropped from the queue and nothing else changes.
				let evaluators = Self::do_finalise(id).unwrap_or(0);
				weight.saturating_accrue(T::WeightInfo::finalise_round(evaluators));
			}
			weight.saturating_accrue(db.writes(1));
			if queue.is_empty() {
				Ending::<T>::remove(cursor);
				cursor.saturating_inc();
			} else {
				Ending::<T>::insert(cursor, queue);
			}
		}
		FinaliseCursor::<T>::put(cursor);
		weight.saturating_add(db.writes(1))
	}

	/// Finalise `id` on request: it must be open and its reveal phase over. Returns its number
	/// of evaluators.
	pub(crate) fn do_finalise_now(id: RoundId) -> Result<u32, DispatchError> {
		let round = Rounds::<T>::get(id).ok_or(Error::<T>::RoundNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(round.phase(&now) == Phase::Ended, Error::<T>::RoundNotEnded);
		Ending::<T>::mutate_exists(round.finalise_at, |queue| {
			if let Some(q) = queue {
				q.retain(|r| *r != id);
				if q.is_empty() {
					*queue = None;
				}
			}
		});
		Self::do_finalise(id)
	}

	/// Finalise round `id` (already out of its queue): settle every stake, pay the coherent
	/// evaluators, record the score and the track records. Returns its number of evaluators.
	pub(crate) fn do_finalise(id: RoundId) -> Result<u32, DispatchError> {
		let params = Self::params()?;
		let round = Rounds::<T>::take(id).ok_or(Error::<T>::RoundNotFound)?;
		OpenRound::<T>::remove(round.listing);
		let participants: Vec<(T::AccountId, Commitment<BalanceOf<T>>)> =
			Commitments::<T>::drain_prefix(id).collect();
		let median = weighted_median(
			participants
				.iter()
				.filter_map(|(_, c)| c.revealed.map(|score| (score, wide(c.stake))))
				.collect(),
		);

		// Settle the stakes: coherent ones come back whole, the others lose their part.
		let mut slashed_total = BalanceOf::<T>::zero();
		let mut coherent_stake = 0u128;
		let mut settled = Vec::with_capacity(participants.len());
		let (mut coherent, mut incoherent, mut silent) = (0u32, 0u32, 0u32);
		for (evaluator, commitment) in participants {
			let outcome = match (commitment.revealed, median) {
				(Some(score), Some(m)) if score.abs_diff(m) <= params.tolerance => {
					Outcome::Coherent
				},
				(Some(_), _) => Outcome::Incoherent,
				(None, _) => Outcome::Silent,
			};
			let rate = match outcome {
				Outcome::Coherent => {
					coherent += 1;
					coherent_stake = coherent_stake.saturating_add(wide(commitment.stake));
					sp_runtime::Perbill::zero()
				},
				Outcome::Incoherent => {
					incoherent += 1;
					params.incoherent_slash
				},
				Outcome::Silent => {
					silent += 1;
					params.silent_slash
				},
			};
			let slashed =
				Self::settle_stake(&evaluator, commitment.stake, rate.mul_floor(commitment.stake));
			slashed_total = slashed_total.saturating_add(slashed);
			settled.push((evaluator, commitment.stake, outcome, slashed));
		}

		// Pay the coherent evaluators out of the pot: the fee's reward part, the round's draw
		// and what was slashed, never more than the pot can pay and stay alive.
		let pot = T::RewardPot::get();
		let pool = if median.is_some() {
			let wanted =
				round.fee_reward.saturating_add(params.round_draw).saturating_add(slashed_total);
			wanted.min(T::Currency::reducible_balance(
				&pot,
				Preservation::Preserve,
				Fortitude::Polite,
			))
		} else {
			Zero::zero()
		};
		let mut rewards = BalanceOf::<T>::zero();
		for (evaluator, stake, outcome, slashed) in settled {
			let mut reward = BalanceOf::<T>::zero();
			if outcome == Outcome::Coherent && !pool.is_zero() {
				let share: BalanceOf<T> =
					mul_div(wide(pool), wide(stake), coherent_stake).unique_saturated_into();
				if !share.is_zero()
					&& T::Currency::transfer(&pot, &evaluator, share, Preservation::Preserve)
						.is_ok()
				{
					reward = share;
				}
			}
			rewards = rewards.saturating_add(reward);
			Records::<T>::mutate(&evaluator, |record| {
				match outcome {
					Outcome::Coherent => record.coherent.saturating_inc(),
					Outcome::Incoherent => record.incoherent.saturating_inc(),
					Outcome::Silent => record.silent.saturating_inc(),
				}
				record.rewarded = record.rewarded.saturating_add(reward);
				record.slashed = record.slashed.saturating_add(slashed);
			});
			Self::deposit_event(Event::EvaluatorSettled {
				round: id,
				evaluator,
				outcome,
				stake,
				slashed,
				reward,
			});
		}

		match median {
			Some(score) => {
				let now = frame_system::Pallet::<T>::block_number();
				Scores::<T>::mutate(round.listing, |record| {
					if record.history.is_full() {
						record.history.remove(0);
					}
					// Room was just made: the push cannot fail.
					let _ = record.history.try_push(ScoreEntry {
						round: id,
						score,
						finalised_at: now,
						revealed: round.revealed,
					});
					record.current = Some(score);
					record.rounds.saturating_inc();
				});
				Self::deposit_event(Event::RoundFinalised {
					round: id,
					listing: round.listing,
					score,
					coherent,
					incoherent,
					silent,
					rewards,
					slashed: slashed_total,
				});
			},
			None => Self::deposit_event(Event::RoundFailed {
				round: id,
				listing: round.listing,
				silent,
				slashed: slashed_total,
			}),
		}
		Ok(round.evaluators)
	}

	/// Take `slash` of `who`'s held `stake` into the evaluation-reward pot and release the rest.
	/// Returns what was taken.
	fn settle_stake(who: &T::AccountId, stake: BalanceOf<T>, slash: BalanceOf<T>) -> BalanceOf<T> {
		let reason = HoldReason::Stake.into();
		let slashed = if slash.is_zero() {
			Zero::zero()
		} else {
			T::Currency::transfer_on_hold(
				&reason,
				who,
				&T::RewardPot::get(),
				slash,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)
			.unwrap_or_else(|_| Zero::zero())
		};
		// The stake is held in full: releasing the rest cannot fall short.
		let _ = T::Currency::release(
			&reason,
			who,
			stake.saturating_sub(slashed),
			Precision::BestEffort,
		);
		slashed
	}

	/// The most `on_initialize` can weigh: the most finalisations with the most evaluators, the
	/// queue reads, an era change and the most era payouts.
	pub(crate) fn max_on_initialize_weight() -> Weight {
		let db = T::DbWeight::get();
		let finalisations = T::MaxFinalisationsPerBlock::get();
		T::WeightInfo::finalise_round(T::MaxEvaluators::get())
			.saturating_mul(finalisations.into())
			.saturating_add(db.reads_writes(
				u64::from(finalisations).saturating_mul(5).saturating_add(1),
				u64::from(finalisations).saturating_add(1),
			))
			.saturating_add(T::WeightInfo::start_era_payout())
			.saturating_add(
				T::WeightInfo::pay_era_listing(T::MaxRevenueShares::get())
					.saturating_mul(T::MaxPayoutsPerBlock::get().into()),
			)
	}
}
