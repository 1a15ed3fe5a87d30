//! Committing: the stake hold and the refusals.

use super::*;
use sp_runtime::Permill;

#[test]
fn commit_holds_the_stake() {
	ExtBuilder::default().build_and_execute(|| {
		let r = open(listing());
		commit(r, BOB, 70, 500);
		assert_eq!(held(BOB), 500);
		assert_eq!(free(BOB), INITIAL - 500);
		let round = Rounds::<Test>::get(r).unwrap();
		assert_eq!((round.evaluators, round.total_stake), (1, 500));
		assert_eq!(
			Commitments::<Test>::get(r, BOB),
			Some(Commitment { hash: hash(BOB, 70), stake: 500, revealed: None })
		);
		assert_eq!(
			evaluation_events().last(),
			Some(&Event::Committed { round: r, evaluator: BOB, stake: 500 })
		);
	});
}

#[test]
fn commit_refusals_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let l = register_with(
			ALICE,
			1,
			vec![(ALICE, Permill::from_percent(70)), (EVE, Permill::from_percent(30))],
		);
		let r = open(l);
		let c = |who: AccountId, stake: Balance| {
			Evaluation::commit(RuntimeOrigin::signed(who), r, hash(who, 50), stake)
		};
		assert_noop!(
			Evaluation::commit(RuntimeOrigin::signed(BOB), 7, hash(BOB, 50), 500),
			Error::<Test>::RoundNotFound
		);
		assert_noop!(c(BOB, MIN_STAKE - 1), Error::<Test>::StakeBelowMinimum);
		assert_noop!(c(POOR, MIN_STAKE), Error::<Test>::InsufficientBalance);
		assert_noop!(c(ALICE, MIN_STAKE), Error::<Test>::ConflictOfInterest);
		assert_noop!(c(EVE, MIN_STAKE), Error::<Test>::ConflictOfInterest);
		assert_ok!(c(BOB, MIN_STAKE));
		assert_noop!(c(BOB, MIN_STAKE), Error::<Test>::AlreadyCommitted);
		for who in 11..11 + MAX_EVALUATORS as u64 - 1 {
			assert_ok!(c(who, MIN_STAKE));
		}
		assert_noop!(c(CHARLIE, MIN_STAKE), Error::<Test>::RoundFull);
		run_to_block(1 + COMMIT);
		assert_noop!(c(DAVE, MIN_STAKE), Error::<Test>::CommitPhaseOver);
	});
}

#[test]
fn a_full_round_evicts_its_smallest_stake_for_a_larger_one() {
	ExtBuilder::default().build_and_execute(|| {
		let r = open(listing());
		// One party fills every seat with the minimum stake.
		for who in 11..11 + MAX_EVALUATORS as u64 {
			commit(r, who, 100, MIN_STAKE);
		}
		// An equal stake cannot get in; a larger one takes the latest smallest seat.
		assert_noop!(
			Evaluation::commit(RuntimeOrigin::signed(BOB), r, hash(BOB, 70), MIN_STAKE),
			Error::<Test>::RoundFull
		);
		commit(r, BOB, 70, MIN_STAKE + 1);
		let round = Rounds::<Test>::get(r).unwrap();
		assert_eq!(round.evaluators, MAX_EVALUATORS);
		assert_eq!(round.total_stake, MIN_STAKE * MAX_EVALUATORS as u64 + 1);
		let evicted: Vec<_> = evaluation_events()
			.into_iter()
			.filter_map(|e| match e {
				Event::CommitmentEvicted { round, evaluator, stake } => {
					Some((round, evaluator, stake))
				},
				_ => None,
			})
			.collect();
		assert_eq!(evicted.len(), 1);
		let (_, who, stake) = evicted[0];
		assert_eq!(stake, MIN_STAKE);
		assert_eq!(held(who), 0, "the evicted stake is released whole");
		assert_eq!(free(who), INITIAL);
		assert!(Commitments::<Test>::get(r, who).is_none());
		assert_eq!(held(BOB), MIN_STAKE + 1);
	});
}

#[test]
fn frozen_funds_are_never_staked() {
	use frame_support::traits::{LockableCurrency, WithdrawReasons};
	ExtBuilder::default().build_and_execute(|| {
		let r = open(listing());
		// Bob's balance is locked but for 150 (a vesting schedule, say).
		<Balances as LockableCurrency<_>>::set_lock(
			*b"vesting ",
			&BOB,
			INITIAL - 150,
			WithdrawReasons::all(),
		);
		assert_noop!(
			Evaluation::commit(RuntimeOrigin::signed(BOB), r, hash(BOB, 70), 500),
			Error::<Test>::FundsFrozen
		);
		// The unlocked part can be staked.
		commit(r, BOB, 70, 140);
		assert_eq!(held(BOB), 140);
	});
}

#[test]
fn a_commit_is_charged_the_eviction_only_when_it_evicts() {
	use frame_support::dispatch::GetDispatchInfo;
	ExtBuilder::default().build_and_execute(|| {
		let r = open(listing());
		let plain = <() as WeightInfo>::commit();
		let evicting = <() as WeightInfo>::commit_evicting();
		let charged = |who, stake| {
			Evaluation::commit(RuntimeOrigin::signed(who), r, hash(who, 70), stake)
				.expect("committed")
				.actual_weight
		};
		// Room in the round: charged a plain commit.
		assert_eq!(charged(11, MIN_STAKE), Some(plain));
		for who in 12..11 + MAX_EVALUATORS as u64 {
			commit(r, who, 100, MIN_STAKE);
		}
		// A full round: the smallest stake is evicted, the whole declared weight charged.
		assert_eq!(charged(BOB, MIN_STAKE + 1), None);
		let declared =
			crate::Call::<Test>::commit { round: r, commitment: hash(BOB, 70), stake: MIN_STAKE }
				.get_dispatch_info()
				.call_weight;
		assert_eq!(declared, evicting);
	});
}
