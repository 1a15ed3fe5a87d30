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

/// How an evaluator that revealed `revealed` (if it did) came out of a round with score
/// `median` (`None`: the round set no score) and tolerance `tolerance`.
fn outcome_of(revealed: Option<Score>, median: Option<Score>, tolerance: Score) -> Outcome {
	match (revealed, median) {
		(Some(score), Some(m)) if score.abs_diff(m) <= tolerance => Outcome::Coherent,
		(Some(_), Some(_)) => Outcome::Incoherent,
		(Some(_), None) => Outcome::Unscored,
		(None, _) => Outcome::Silent,
	}
}

/// An evaluator's settled stake in a round being finalised, before its reward.
struct Settled<T: Config> {
	/// The evaluator.
	evaluator: T::AccountId,
	/// Its stake.
	stake: BalanceOf<T>,
	/// How it came out.
	outcome: Outcome,
	/// The part of the stake it lost (to the evaluation-reward pot).
	slashed: BalanceOf<T>,
}

/// What settling a round's stakes came to.
struct Tally<Balance> {
	/// Coherent evaluators.
	coherent: u32,
	/// Incoherent evaluators.
	incoherent: u32,
	/// Evaluators that never revealed.
	silent: u32,
	/// Evaluators that revealed in a round that set no score.
	unscored: u32,
	/// The coherent evaluators' stake, in all.
	coherent_stake: u128,
	/// What the incoherent and silent evaluators lost, in all.
	slashed: Balance,
}

/// A closed round's evaluators with their commitments.
type Participants<T> = Vec<(<T as frame_system::Config>::AccountId, Commitment<BalanceOf<T>>)>;

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
		let (round, participants) = Self::close_round(id)?;
		let median = Self::quorate_median(&params, &participants);
		let (settled, tally) = Self::settle_stakes(&params, participants, median);
		let pot = T::RewardPot::get();
		let pool = Self::reward_pool(&pot, &round, &params, median);
		let rewards = Self::pay_rewards(id, &pot, pool, tally.coherent_stake, settled);
		Self::conclude_round(id, &round, median, &tally, rewards);
		Ok(round.evaluators)
	}

	/// Take round `id` out of the open rounds (its listing's open round included) and drain its
	/// commitments. Returns the round and its evaluators' commitments.
	fn close_round(id: RoundId) -> Result<(RoundOf<T>, Participants<T>), DispatchError> {
		let round = Rounds::<T>::take(id).ok_or(Error::<T>::RoundNotFound)?;
		OpenRound::<T>::remove(round.listing);
		let participants: Participants<T> = Commitments::<T>::drain_prefix(id).collect();
		Ok((round, participants))
	}

	/// The stake-weighted median of the revealed scores of `participants`; `None` with fewer
	/// than [`Params::min_revealers`] reveals (no quorum: the round sets no score).
	fn quorate_median(
		params: &ParamsOf<T>,
		participants: &[(T::AccountId, Commitment<BalanceOf<T>>)],
	) -> Option<Score> {
		let revealed = participants.iter().filter(|(_, c)| c.revealed.is_some()).count();
		if (revealed as u64) < u64::from(params.min_revealers) {
			return None;
		}
		weighted_median(
			participants
				.iter()
				.filter_map(|(_, c)| c.revealed.map(|score| (score, wide(c.stake))))
				.collect(),
		)
	}

	/// Settle the stakes: coherent ones come back whole, the others lose their part. Returns
	/// each evaluator's settlement, in `participants`' order, and the round's tally.
	fn settle_stakes(
		params: &ParamsOf<T>,
		participants: Participants<T>,
		median: Option<Score>,
	) -> (Vec<Settled<T>>, Tally<BalanceOf<T>>) {
		let mut tally = Tally {
			coherent: 0,
			incoherent: 0,
			silent: 0,
			unscored: 0,
			coherent_stake: 0,
			slashed: BalanceOf::<T>::zero(),
		};
		let mut settled = Vec::with_capacity(participants.len());
		for (evaluator, commitment) in participants {
			let outcome = outcome_of(commitment.revealed, median, params.tolerance);
			let rate = match outcome {
				Outcome::Coherent => {
					tally.coherent += 1;
					tally.coherent_stake =
						tally.coherent_stake.saturating_add(wide(commitment.stake));
					sp_runtime::Perbill::zero()
				},
				Outcome::Incoherent => {
					tally.incoherent += 1;
					params.incoherent_slash
				},
				Outcome::Silent => {
					tally.silent += 1;
					params.silent_slash
				},
				Outcome::Unscored => {
					tally.unscored += 1;
					sp_runtime::Perbill::zero()
				},
			};
			let slashed =
				Self::settle_stake(&evaluator, commitment.stake, rate.mul_floor(commitment.stake));
			tally.slashed = tally.slashed.saturating_add(slashed);
			settled.push(Settled { evaluator, stake: commitment.stake, outcome, slashed });
		}
		(settled, tally)
	}

	/// The reward pool of a round with score `median`: the fee's reward part and the round's
	/// draw, never more than the fee brought into the pots (so a round opened to reward oneself
	/// never pays) nor than `pot` can pay and stay alive; zero without a score. The round's own
	/// slashes stay in the pot for later rounds: they never flow back to the round's majority.
	fn reward_pool(
		pot: &T::AccountId,
		round: &RoundOf<T>,
		params: &ParamsOf<T>,
		median: Option<Score>,
	) -> BalanceOf<T> {
		if median.is_some() {
			let wanted = round.fee_reward.saturating_add(params.round_draw).min(round.fee_to_pots);
			wanted.min(T::Currency::reducible_balance(
				pot,
				Preservation::Preserve,
				Fortitude::Polite,
			))
		} else {
			Zero::zero()
		}
	}

	/// Pay the coherent evaluators their shares of `pool` out of `pot`, in proportion to stake
	/// (of `coherent_stake` in all); record each evaluator's track record and emit
	/// [`Event::EvaluatorSettled`], in `settled`'s order. Returns the rewards paid in total.
	fn pay_rewards(
		id: RoundId,
		pot: &T::AccountId,
		pool: BalanceOf<T>,
		coherent_stake: u128,
		settled: Vec<Settled<T>>,
	) -> BalanceOf<T> {
		let mut rewards = BalanceOf::<T>::zero();
		for Settled { evaluator, stake, outcome, slashed } in settled {
			let mut reward = BalanceOf::<T>::zero();
			if outcome == Outcome::Coherent && !pool.is_zero() {
				reward = Self::pay_share(pot, &evaluator, pool, stake, coherent_stake);
			}
			rewards = rewards.saturating_add(reward);
			Self::record_evaluator(&evaluator, outcome, reward, slashed);
			Self::deposit_event(Event::EvaluatorSettled {
				round: id,
				evaluator,
				outcome,
				stake,
				slashed,
				reward,
			});
		}
		rewards
	}

	/// Transfer to `evaluator` its share of `pool`, `stake` of `coherent_stake`, out of `pot`.
	/// Returns what was paid: nothing when the share is zero or the transfer fails.
	fn pay_share(
		pot: &T::AccountId,
		evaluator: &T::AccountId,
		pool: BalanceOf<T>,
		stake: BalanceOf<T>,
		coherent_stake: u128,
	) -> BalanceOf<T> {
		let share: BalanceOf<T> =
			mul_div(wide(pool), wide(stake), coherent_stake).unique_saturated_into();
		if !share.is_zero()
			&& T::Currency::transfer(pot, evaluator, share, Preservation::Preserve).is_ok()
		{
			share
		} else {
			Zero::zero()
		}
	}

	/// Add the round's `outcome`, `reward` and `slashed` to `evaluator`'s track record.
	fn record_evaluator(
		evaluator: &T::AccountId,
		outcome: Outcome,
		reward: BalanceOf<T>,
		slashed: BalanceOf<T>,
	) {
		Records::<T>::mutate(evaluator, |record| {
			match outcome {
				Outcome::Coherent => record.coherent.saturating_inc(),
				Outcome::Incoherent => record.incoherent.saturating_inc(),
				Outcome::Silent => record.silent.saturating_inc(),
				Outcome::Unscored => {},
			}
			record.rewarded = record.rewarded.saturating_add(reward);
			record.slashed = record.slashed.saturating_add(slashed);
		});
	}

	/// With a score: record it as the listing's and emit [`Event::RoundFinalised`]; without:
	/// emit [`Event::RoundFailed`].
	fn conclude_round(
		id: RoundId,
		round: &RoundOf<T>,
		median: Option<Score>,
		tally: &Tally<BalanceOf<T>>,
		rewards: BalanceOf<T>,
	) {
		match median {
			Some(score) => {
				Self::record_score(id, round, score);
				Self::deposit_event(Event::RoundFinalised {
					round: id,
					listing: round.listing,
					score,
					coherent: tally.coherent,
					incoherent: tally.incoherent,
					silent: tally.silent,
					rewards,
					slashed: tally.slashed,
				});
			},
			None => Self::deposit_event(Event::RoundFailed {
				round: id,
				listing: round.listing,
				revealed: tally.unscored,
				silent: tally.silent,
				slashed: tally.slashed,
			}),
		}
	}

	/// Make `score`, round `id`'s, the listing's score: push it to the history (dropping the
	/// oldest when full) and count the round.
	fn record_score(id: RoundId, round: &RoundOf<T>, score: Score) {
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
	}

	/// Take `slash` of `who`'s held `stake` into the evaluation-reward pot and release the rest.
	/// Returns what was taken.
	pub(crate) fn settle_stake(
		who: &T::AccountId,
		stake: BalanceOf<T>,
		slash: BalanceOf<T>,
	) -> BalanceOf<T> {
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
	pub fn max_on_initialize_weight() -> Weight {
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
				T::WeightInfo::pay_era_credit()
					.saturating_add(db.reads_writes(1, 1))
					.saturating_mul(T::MaxPayoutsPerBlock::get().into()),
			)
			.saturating_add(db.reads(2))
	}
}
