//! Opening rounds, committing and revealing; the parameters.

use crate::*;
use allspark_primitives::ChargeKind;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

/// How many blocks after its reveal end a round's finalisation may be queued when the queues
/// before are full.
pub(crate) const QUEUE_SPILL: u32 = 8;

impl<T: Config> Pallet<T> {
	/// The commitment `evaluator` makes to `score` with `salt`:
	/// `blake2_256((score, salt, evaluator).encode())`.
	pub fn commitment_of(score: Score, salt: &[u8; 32], evaluator: &T::AccountId) -> H256 {
		H256(sp_io::hashing::blake2_256(&(score, salt, evaluator).encode()))
	}

	/// The parameters, or [`Error::NotConfigured`].
	pub(crate) fn params() -> Result<ParamsOf<T>, DispatchError> {
		Parameters::<T>::get().ok_or_else(|| Error::<T>::NotConfigured.into())
	}

	pub(crate) fn do_set_params(params: ParamsOf<T>) -> DispatchResult {
		params.check(T::MaxEvaluators::get()).map_err(|_| Error::<T>::InvalidParams)?;
		Parameters::<T>::put(params);
		Self::deposit_event(Event::ParamsSet { params });
		Ok(())
	}

	pub(crate) fn do_open_round(
		who: T::AccountId,
		listing: ListingId,
	) -> Result<RoundId, DispatchError> {
		let params = Self::params()?;
		ensure!(T::Content::is_active(listing), Error::<T>::ListingNotActive);
		ensure!(!OpenRound::<T>::contains_key(listing), Error::<T>::RoundAlreadyOpen);
		let now = frame_system::Pallet::<T>::block_number();
		let commit_end = now.checked_add(&params.commit_period).ok_or(Error::<T>::Overflow)?;
		let reveal_end =
			commit_end.checked_add(&params.reveal_period).ok_or(Error::<T>::Overflow)?;

		let id = NextRoundId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let finalise_at = Self::enqueue_finalisation(id, reveal_end)?;
		let parts = T::ServiceCharge::charge(&who, ChargeKind::EvaluationRequest)?;

		NextRoundId::<T>::put(next);
		OpenRound::<T>::insert(listing, id);
		Rounds::<T>::insert(
			id,
			Round {
				listing,
				opener: who.clone(),
				opened_at: now,
				commit_end,
				reveal_end,
				finalise_at,
				fee_reward: parts.evaluation,
				evaluators: 0,
				revealed: 0,
				total_stake: Zero::zero(),
				fee_to_pots: parts.evaluation.saturating_add(parts.treasury),
			},
		);
		Self::deposit_event(Event::RoundOpened {
			round: id,
			listing,
			opener: who,
			fee: parts.total(),
			fee_reward: parts.evaluation,
			commit_end,
			reveal_end,
		});
		Ok(id)
	}

	/// Queue `round` for finalisation at `reveal_end`, or at the first of the following
	/// [`QUEUE_SPILL`] blocks with room. Returns the block.
	fn enqueue_finalisation(
		round: RoundId,
		reveal_end: BlockNumberOf<T>,
	) -> Result<BlockNumberOf<T>, DispatchError> {
		let mut at = reveal_end;
		for _ in 0..=QUEUE_SPILL {
			if Ending::<T>::try_mutate(at, |queue| queue.try_push(round)).is_ok() {
				return Ok(at);
			}
			at = at.checked_add(&1u32.into()).ok_or(Error::<T>::Overflow)?;
		}
		Err(Error::<T>::FinalisationQueueFull.into())
	}

	pub(crate) fn do_commit(
		who: T::AccountId,
		id: RoundId,
		hash: H256,
		stake: BalanceOf<T>,
	) -> Result<bool, DispatchError> {
		let params = Self::params()?;
		let mut round = Rounds::<T>::get(id).ok_or(Error::<T>::RoundNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(round.phase(&now) == Phase::Commit, Error::<T>::CommitPhaseOver);
		ensure!(!Commitments::<T>::contains_key(id, &who), Error::<T>::AlreadyCommitted);
		ensure!(stake >= params.min_stake, Error::<T>::StakeBelowMinimum);
		ensure!(
			T::Content::owner(round.listing).as_ref() != Some(&who)
				&& !T::Content::revenue_shares(round.listing).iter().any(|(c, _)| *c == who),
			Error::<T>::ConflictOfInterest
		);
		allspark_primitives::hold_unfrozen::<_, T::Currency, T::FrozenBalance>(
			&HoldReason::Stake.into(),
			&who,
			stake,
		)
		.map_err(|refused| {
			refused.into_error(Error::<T>::FundsFrozen, Error::<T>::InsufficientBalance)
		})?;
		let evicting = round.evaluators >= T::MaxEvaluators::get();
		if evicting {
			Self::evict_smallest(id, &mut round, stake)?;
		}

		round.evaluators = round.evaluators.saturating_add(1);
		round.total_stake = round.total_stake.checked_add(&stake).ok_or(Error::<T>::Overflow)?;
		Rounds::<T>::insert(id, round);
		Commitments::<T>::insert(id, &who, Commitment { hash, stake, revealed: None });
		Self::deposit_event(Event::Committed { round: id, evaluator: who, stake });
		Ok(evicting)
	}

	/// Make room in full round `id` for a stake of `stake`: release and remove the commitment
	/// with the smallest stake, if it is smaller than `stake`. Otherwise [`Error::RoundFull`]:
	/// a party that fills a round with minimum stakes is outbid by larger ones and never locks
	/// the others out.
	fn evict_smallest(id: RoundId, round: &mut RoundOf<T>, stake: BalanceOf<T>) -> DispatchResult {
		let smallest = Commitments::<T>::iter_prefix(id).fold(
			None::<(T::AccountId, BalanceOf<T>)>,
			|min, (who, c)| match min {
				Some((_, s)) if s <= c.stake => min,
				_ => Some((who, c.stake)),
			},
		);
		let Some((evicted, evicted_stake)) = smallest.filter(|(_, s)| *s < stake) else {
			return Err(Error::<T>::RoundFull.into());
		};
		Commitments::<T>::remove(id, &evicted);
		Self::settle_stake(&evicted, evicted_stake, Zero::zero());
		round.evaluators = round.evaluators.saturating_sub(1);
		round.total_stake = round.total_stake.saturating_sub(evicted_stake);
		Self::deposit_event(Event::CommitmentEvicted {
			round: id,
			evaluator: evicted,
			stake: evicted_stake,
		});
		Ok(())
	}

	pub(crate) fn do_reveal(
		who: T::AccountId,
		id: RoundId,
		score: Score,
		salt: [u8; 32],
	) -> DispatchResult {
		let mut round = Rounds::<T>::get(id).ok_or(Error::<T>::RoundNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		match round.phase(&now) {
			Phase::Commit => return Err(Error::<T>::RevealPhaseNotStarted.into()),
			Phase::Ended => return Err(Error::<T>::RevealPhaseOver.into()),
			Phase::Reveal => {},
		}
		let mut commitment = Commitments::<T>::get(id, &who).ok_or(Error::<T>::NotCommitted)?;
		ensure!(commitment.revealed.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(score <= MAX_SCORE, Error::<T>::ScoreOutOfRange);
		ensure!(
			Self::commitment_of(score, &salt, &who) == commitment.hash,
			Error::<T>::CommitmentMismatch
		);
		commitment.revealed = Some(score);
		round.revealed = round.revealed.saturating_add(1);
		Commitments::<T>::insert(id, &who, commitment);
		Rounds::<T>::insert(id, round);
		Self::deposit_event(Event::Revealed { round: id, evaluator: who, score });
		Ok(())
	}
}
