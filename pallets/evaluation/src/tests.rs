//! Unit and property tests of the evaluation pallet against the mock runtime.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Hooks},
};
use pallet_allspark_content::OnTrade;
use sp_runtime::{DispatchError, Permill};

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Evaluation(HoldReason::Stake), &who)
}

/// Open a round on a fresh listing and move to its reveal phase with the given commitments
/// (evaluator, score, stake) made.
fn round_with(commits: &[(AccountId, Score, Balance)]) -> (ListingId, RoundId) {
	let l = listing();
	let r = open(l);
	for (who, score, stake) in commits {
		commit(r, *who, *score, *stake);
	}
	run_to_block(1 + COMMIT);
	(l, r)
}

/// The block a round opened at block 1 is finalised in.
const END: u64 = 1 + COMMIT + REVEAL;

// --- weighted median -------------------------------------------------------------------------

#[test]
fn median_is_stake_weighted() {
	// One big stake outweighs two small ones.
	assert_eq!(weighted_median(vec![(10, 1), (90, 5), (20, 1)]), Some(90));
	// Equal stakes: the middle score.
	assert_eq!(weighted_median(vec![(70, 1), (10, 1), (72, 1)]), Some(70));
	assert_eq!(weighted_median(vec![]), None);
	assert_eq!(weighted_median(vec![(50, 0)]), None);
}

#[test]
fn median_ties_and_even_counts_take_the_lower_score() {
	// An exact half split between two scores: the lower one.
	assert_eq!(weighted_median(vec![(40, 5), (60, 5)]), Some(40));
	assert_eq!(weighted_median(vec![(60, 1), (40, 1), (80, 1), (20, 1)]), Some(40));
	// Just over half above: the higher one.
	assert_eq!(weighted_median(vec![(40, 5), (60, 6)]), Some(60));
	// Several votes on one score add up.
	assert_eq!(weighted_median(vec![(30, 2), (50, 1), (50, 1), (90, 3)]), Some(50));
	// Odd total stake: half is rounded up.
	assert_eq!(weighted_median(vec![(10, 50), (20, 51)]), Some(20));
	assert_eq!(weighted_median(vec![(10, 51), (20, 50)]), Some(10));
}

#[test]
fn a_small_stake_minority_with_extreme_scores_does_not_move_the_median() {
	let honest = vec![(68, 300), (70, 400), (72, 300)];
	let base = weighted_median(honest.clone());
	assert_eq!(base, Some(70));
	for extreme in [0u8, 100] {
		let mut votes = honest.clone();
		// Many attackers, together under half the stake.
		votes.extend((0..9).map(|_| (extreme, 100u128)));
		let m = weighted_median(votes).unwrap();
		assert!((68..=72).contains(&m), "median {m} left the honest range");
	}
}

proptest::proptest! {
	#[test]
	fn minority_cannot_push_the_median_outside_the_majority_range(
		majority in proptest::collection::vec((0u8..=100, 1u128..1_000), 1..8),
		minority in proptest::collection::vec((0u8..=100, 1u128..1_000), 0..8),
	) {
		let major: u128 = majority.iter().map(|(_, s)| s).sum();
		let minor: u128 = minority.iter().map(|(_, s)| s).sum();
		proptest::prop_assume!(minor * 2 < major);
		let lo = majority.iter().map(|(s, _)| *s).min().unwrap();
		let hi = majority.iter().map(|(s, _)| *s).max().unwrap();
		let m = weighted_median(majority.into_iter().chain(minority).collect()).unwrap();
		proptest::prop_assert!(lo <= m && m <= hi);
	}
}

// --- opening rounds --------------------------------------------------------------------------

#[test]
fn open_round_charges_the_fee_and_schedules_the_phases() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let (payer, pot) = (free(OPENER), reward_pot());
		let r = open(l);
		assert_eq!(free(OPENER), payer - FEE);
		assert_eq!(reward_pot(), pot + FEE_REWARD);
		let round = Rounds::<Test>::get(r).unwrap();
		assert_eq!((round.commit_end, round.reveal_end, round.finalise_at), (11, END, END));
		assert_eq!(round.fee_reward, FEE_REWARD);
		assert_eq!(OpenRound::<Test>::get(l), Some(r));
		assert_eq!(Ending::<Test>::get(END).into_inner(), vec![r]);
		assert!(evaluation_events().contains(&Event::RoundOpened {
			round: r,
			listing: l,
			opener: OPENER,
			fee: FEE,
			fee_reward: FEE_REWARD,
			commit_end: 11,
			reveal_end: END,
		}));
	});
}

#[test]
fn open_round_refusals_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), 99),
			Error::<Test>::ListingNotActive
		);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), l));
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::ListingNotActive
		);
		assert_ok!(Content::reinstate(RuntimeOrigin::root(), l));
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(POOR), l),
			pallet_allspark_token::Error::<Test>::InsufficientBalance
		);
		open(l);
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::RoundAlreadyOpen
		);
		assert_noop!(Evaluation::open_round(RuntimeOrigin::none(), l), DispatchError::BadOrigin);
	});
	ExtBuilder::default().unconfigured().build_and_execute(|| {
		let l = listing();
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::NotConfigured
		);
	});
}

#[test]
fn full_finalisation_queues_spill_to_later_blocks_then_refuse() {
	ExtBuilder::default().build_and_execute(|| {
		let per_block = MAX_ENDING as usize;
		let capacity = per_block * (rounds::QUEUE_SPILL as usize + 1);
		for n in 0..capacity {
			let l = register_with(ALICE, n as u8 + 1, vec![]);
			open(l);
		}
		for i in 0..=rounds::QUEUE_SPILL as u64 {
			assert_eq!(Ending::<Test>::get(END + i).len(), per_block);
		}
		let l = register_with(ALICE, 200, vec![]);
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::FinalisationQueueFull
		);
		// All of them are finalised in the end, MAX_FINALISATIONS a block.
		run_to_block(END + 20);
		assert_eq!(Rounds::<Test>::iter().count(), 0);
		assert_eq!(Ending::<Test>::iter().count(), 0);
	});
}

// --- commit ----------------------------------------------------------------------------------

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

// --- reveal ----------------------------------------------------------------------------------

#[test]
fn reveal_records_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, r) = round_with(&[(BOB, 70, 500)]);
		reveal(r, BOB, 70);
		assert_eq!(Commitments::<Test>::get(r, BOB).unwrap().revealed, Some(70));
		assert_eq!(Rounds::<Test>::get(r).unwrap().revealed, 1);
		assert_eq!(
			evaluation_events().last(),
			Some(&Event::Revealed { round: r, evaluator: BOB, score: 70 })
		);
	});
}

#[test]
fn reveal_refusals_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let r = open(listing());
		commit(r, BOB, 70, 500);
		commit(r, CHARLIE, 101, 500);
		let rv = |who: AccountId, score: Score, salt: [u8; 32]| {
			Evaluation::reveal(RuntimeOrigin::signed(who), r, score, salt)
		};
		assert_noop!(rv(BOB, 70, salt(BOB)), Error::<Test>::RevealPhaseNotStarted);
		run_to_block(1 + COMMIT);
		assert_noop!(
			Evaluation::reveal(RuntimeOrigin::signed(BOB), 9, 70, salt(BOB)),
			Error::<Test>::RoundNotFound
		);
		assert_noop!(rv(DAVE, 70, salt(DAVE)), Error::<Test>::NotCommitted);
		assert_noop!(rv(BOB, 71, salt(BOB)), Error::<Test>::CommitmentMismatch);
		assert_noop!(rv(BOB, 70, salt(CHARLIE)), Error::<Test>::CommitmentMismatch);
		// Charlie's commitment cannot be revealed by someone else: the evaluator is hashed in.
		assert_noop!(rv(CHARLIE, 101, salt(CHARLIE)), Error::<Test>::ScoreOutOfRange);
		assert_ok!(rv(BOB, 70, salt(BOB)));
		assert_noop!(rv(BOB, 70, salt(BOB)), Error::<Test>::AlreadyRevealed);
		run_to_block(END);
	});
	ExtBuilder::default().build_and_execute(|| {
		let (_, r) = round_with(&[(BOB, 70, 500)]);
		// Finalisation waits for `on_initialize`: the phase is over at END.
		System::set_block_number(END);
		assert_noop!(
			Evaluation::reveal(RuntimeOrigin::signed(BOB), r, 70, salt(BOB)),
			Error::<Test>::RevealPhaseOver
		);
		Evaluation::on_initialize(END);
	});
}

#[test]
fn a_commitment_cannot_be_copied_by_another_evaluator() {
	ExtBuilder::default().build_and_execute(|| {
		let r = open(listing());
		commit(r, BOB, 70, 500);
		// Charlie submits Bob's commitment hash; he cannot reveal Bob's score with Bob's salt.
		assert_ok!(Evaluation::commit(RuntimeOrigin::signed(CHARLIE), r, hash(BOB, 70), 500));
		run_to_block(1 + COMMIT);
		assert_noop!(
			Evaluation::reveal(RuntimeOrigin::signed(CHARLIE), r, 70, salt(BOB)),
			Error::<Test>::CommitmentMismatch
		);
		run_to_block(END);
	});
}

// --- finalisation ----------------------------------------------------------------------------

#[test]
fn finalisation_rewards_the_coherent_and_slashes_outliers_and_the_silent() {
	ExtBuilder::default().build_and_execute(|| {
		let (l, r) = round_with(&[
			(BOB, 70, 1_000),
			(CHARLIE, 72, 1_000),
			(DAVE, 10, 1_000),
			(EVE, 60, 500),
		]);
		reveal(r, BOB, 70);
		reveal(r, CHARLIE, 72);
		reveal(r, DAVE, 10);
		let pot = reward_pot();
		run_to_block(END);

		// Median of (10:1000, 70:1000, 72:1000) = 70. Bob and Charlie coherent, Dave off by 60
		// loses 10 % (100), Eve never revealed: 20 % (100).
		let pool = FEE_REWARD + DRAW + 200;
		assert_eq!(free(BOB), INITIAL + pool / 2);
		assert_eq!(free(CHARLIE), INITIAL + pool / 2);
		assert_eq!(free(DAVE), INITIAL - 100);
		assert_eq!(free(EVE), INITIAL - 100);
		for who in [BOB, CHARLIE, DAVE, EVE] {
			assert_eq!(held(who), 0);
		}
		// The pot paid the fee's reward part (already in it) and the draw; the slashes went in
		// and out.
		assert_eq!(reward_pot(), pot - FEE_REWARD - DRAW);

		assert_eq!(Scores::<Test>::get(l).current, Some(70));
		assert_eq!(Rounds::<Test>::get(r), None);
		assert_eq!(OpenRound::<Test>::get(l), None);
		assert_eq!(Commitments::<Test>::iter_prefix(r).count(), 0);
		assert_eq!(
			Records::<Test>::get(BOB),
			EvaluatorRecord {
				coherent: 1,
				incoherent: 0,
				silent: 0,
				rewarded: pool / 2,
				slashed: 0
			}
		);
		assert_eq!(Records::<Test>::get(DAVE).incoherent, 1);
		assert_eq!(Records::<Test>::get(DAVE).slashed, 100);
		assert_eq!(Records::<Test>::get(EVE).silent, 1);
		let events = evaluation_events();
		assert!(events.contains(&Event::RoundFinalised {
			round: r,
			listing: l,
			score: 70,
			coherent: 2,
			incoherent: 1,
			silent: 1,
			rewards: pool,
			slashed: 200,
		}));
		assert!(events.contains(&Event::EvaluatorSettled {
			round: r,
			evaluator: DAVE,
			outcome: Outcome::Incoherent,
			stake: 1_000,
			slashed: 100,
			reward: 0,
		}));
	});
}

#[test]
fn rewards_are_shared_in_proportion_to_stake() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, r) = round_with(&[(BOB, 50, 300), (CHARLIE, 55, 100)]);
		reveal(r, BOB, 50);
		reveal(r, CHARLIE, 55);
		run_to_block(END);
		let pool = FEE_REWARD + DRAW;
		assert_eq!(free(BOB), INITIAL + pool * 3 / 4);
		assert_eq!(free(CHARLIE), INITIAL + pool / 4);
	});
}

#[test]
fn a_round_without_reveals_fails_and_keeps_the_fee_in_the_pots() {
	ExtBuilder::default().build_and_execute(|| {
		let pot_before = reward_pot();
		let (l, r) = round_with(&[(BOB, 70, 1_000)]);
		run_to_block(END);
		assert_eq!(free(BOB), INITIAL - 200);
		assert_eq!(held(BOB), 0);
		assert_eq!(reward_pot(), pot_before + FEE_REWARD + 200);
		assert_eq!(Scores::<Test>::get(l).current, None);
		assert_eq!(OpenRound::<Test>::get(l), None);
		assert!(evaluation_events().contains(&Event::RoundFailed {
			round: r,
			listing: l,
			silent: 1,
			slashed: 200
		}));
		// A new round may be opened.
		open(l);
	});
}

#[test]
fn rewards_never_exceed_what_the_pot_can_pay() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, r) = round_with(&[(BOB, 50, 1_000)]);
		reveal(r, BOB, 50);
		// Someone spends the pot down to the existential deposit + 30.
		let pot = RewardPotAccount::get();
		let spend = reward_pot() - ED - 30;
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
			&pot,
			&ALICE,
			spend,
			frame_support::traits::tokens::Preservation::Preserve
		));
		run_to_block(END);
		assert_eq!(free(BOB), INITIAL + 30);
		assert_eq!(reward_pot(), ED);
	});
}

#[test]
fn finalise_round_refuses_early_and_works_after_the_end() {
	ExtBuilder::default().build_and_execute(|| {
		let (l, r) = round_with(&[(BOB, 70, 1_000)]);
		reveal(r, BOB, 70);
		assert_noop!(
			Evaluation::finalise_round(RuntimeOrigin::signed(CHARLIE), r),
			Error::<Test>::RoundNotEnded
		);
		assert_noop!(
			Evaluation::finalise_round(RuntimeOrigin::signed(CHARLIE), 5),
			Error::<Test>::RoundNotFound
		);
		// At the end block, before `on_initialize` got to it (a backlog).
		System::set_block_number(END);
		let info = Evaluation::finalise_round(RuntimeOrigin::signed(CHARLIE), r).unwrap();
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::finalise_round(1)));
		assert_eq!(Scores::<Test>::get(l).current, Some(70));
		assert_eq!(Ending::<Test>::get(END).len(), 0);
		// The hook finds nothing left to do.
		Evaluation::on_initialize(END);
		assert_eq!(Scores::<Test>::get(l).rounds, 1);
	});
}

#[test]
fn on_initialize_finalises_a_bounded_number_per_block_and_catches_up() {
	ExtBuilder::default().build_and_execute(|| {
		let rounds: Vec<_> = (0..MAX_ENDING as u8)
			.map(|n| open(register_with(ALICE, n + 1, vec![])))
			.collect();
		assert_eq!(Ending::<Test>::get(END).len(), MAX_ENDING as usize);
		run_to_block(END);
		let open_rounds = rounds.iter().filter(|r| Rounds::<Test>::contains_key(**r)).count();
		assert_eq!(open_rounds, (MAX_ENDING - MAX_FINALISATIONS) as usize);
		run_to_block(END + 1);
		assert_eq!(Rounds::<Test>::iter().count(), 0);
	});
}

#[test]
fn the_score_history_is_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let scores = [10u8, 20, 30, 40, 50];
		for score in scores {
			let r = open(l);
			commit(r, BOB, score, MIN_STAKE);
			let now = System::block_number();
			run_to_block(now + COMMIT);
			reveal(r, BOB, score);
			run_to_block(now + COMMIT + REVEAL);
		}
		let record = Scores::<Test>::get(l);
		assert_eq!(record.current, Some(50));
		assert_eq!(record.rounds, 5);
		let kept: Vec<_> = record.history.iter().map(|e| e.score).collect();
		assert_eq!(kept, vec![30, 40, 50]);
		assert_eq!(Records::<Test>::get(BOB).coherent, 5);
	});
}

// --- parameters ------------------------------------------------------------------------------

#[test]
fn set_params_is_for_governance_and_checked() {
	ExtBuilder::default().build_and_execute(|| {
		let mut p = params();
		p.tolerance = 5;
		assert_noop!(
			Evaluation::set_params(RuntimeOrigin::signed(ALICE), p.clone()),
			DispatchError::BadOrigin
		);
		for bad in [
			Params { commit_period: 0, ..p.clone() },
			Params { tolerance: 101, ..p.clone() },
			Params { reward_threshold: 101, ..p.clone() },
			Params { silent_slash: sp_runtime::Perbill::from_percent(5), ..p.clone() },
			Params { min_stake: 0, ..p.clone() },
		] {
			assert_noop!(
				Evaluation::set_params(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidParams
			);
		}
		assert_ok!(Evaluation::set_params(RuntimeOrigin::root(), p.clone()));
		assert_eq!(Parameters::<Test>::get(), Some(p.clone()));
		assert_eq!(evaluation_events().last(), Some(&Event::ParamsSet { params: p }));
	});
}

// --- era rewards -----------------------------------------------------------------------------

/// Score each listing through a one-evaluator round, all rounds at once.
fn score_listings(scores: &[(ListingId, Score, AccountId)]) {
	let now = System::block_number();
	let rounds: Vec<_> = scores
		.iter()
		.map(|(l, score, evaluator)| {
			let r = open(*l);
			commit(r, *evaluator, *score, MIN_STAKE);
			r
		})
		.collect();
	run_to_block(now + COMMIT);
	for ((_, score, evaluator), r) in scores.iter().zip(rounds) {
		reveal(r, *evaluator, *score);
	}
	run_to_block(now + COMMIT + REVEAL + 5);
	for (l, score, _) in scores {
		assert_eq!(Scores::<Test>::get(l).current, Some(*score));
	}
}

#[test]
fn eras_pay_creators_of_well_scored_traded_listings_by_score_and_volume() {
	ExtBuilder::default().build_and_execute(|| {
		let good = register_with(ALICE, 1, vec![]);
		let shared = register_with(
			BOB,
			2,
			vec![(BOB, Permill::from_percent(70)), (EVE, Permill::from_percent(30))],
		);
		let weak = register_with(CHARLIE, 3, vec![]);
		let unscored = register_with(DAVE, 4, vec![]);
		score_listings(&[(good, 80, 20), (shared, 70, 21), (weak, 50, 22)]);
		assert!(System::block_number() < ERA);

		Evaluation::on_trade(good, 1_000);
		Evaluation::on_trade(shared, 2_000);
		Evaluation::on_trade(weak, 5_000);
		Evaluation::on_trade(unscored, 5_000);
		assert_eq!(EraWeights::<Test>::get(0, good), 80_000);
		assert_eq!(EraWeights::<Test>::get(0, shared), 140_000);
		assert_eq!(EraWeights::<Test>::get(0, weak), 0);
		assert_eq!(EraTotals::<Test>::get(0), 220_000);
		let view = Evaluation::era_rewards(Some(good));
		let budget = (incentive_pot() - ED) / 10;
		assert_eq!(view.budget, budget);
		assert_eq!(view.listing.as_ref().unwrap().pending, budget * 80_000 / 220_000);

		let (alice, bob, eve, charlie, pot) =
			(free(ALICE), free(BOB), free(EVE), free(CHARLIE), incentive_pot());
		run_to_block(ERA);
		assert_eq!(CurrentEra::<Test>::get().index, 1);
		let to_good = budget * 80_000 / 220_000;
		let to_shared = budget * 140_000 / 220_000;
		assert_eq!(free(ALICE), alice + to_good);
		assert_eq!(free(BOB), bob + to_shared * 70 / 100);
		assert_eq!(free(EVE), eve + to_shared * 30 / 100);
		assert_eq!(free(CHARLIE), charlie);
		let paid = to_good + to_shared * 70 / 100 + to_shared * 30 / 100;
		assert_eq!(incentive_pot(), pot - paid);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		let events = evaluation_events();
		assert!(events.contains(&Event::EraStarted { era: 1 }));
		assert!(events.contains(&Event::EraPayoutStarted {
			era: 0,
			budget,
			total_weight: 220_000
		}));
		assert!(events.contains(&Event::EraRewardPaid {
			era: 0,
			listing: good,
			weight: 80_000,
			amount: to_good
		}));
		assert!(events.contains(&Event::EraPaidOut { era: 0, paid }));
	});
}

#[test]
fn an_era_pays_a_bounded_number_of_listings_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		let listings: Vec<_> = (0..5u8).map(|n| register_with(ALICE, n + 1, vec![])).collect();
		let scores: Vec<_> =
			listings.iter().enumerate().map(|(i, l)| (*l, 90, 20 + i as u64)).collect();
		score_listings(&scores);
		for l in &listings {
			Evaluation::on_trade(*l, 1_000);
		}
		let before = free(ALICE);
		run_to_block(ERA);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 5 - MAX_PAYOUTS as usize);
		assert!(ActivePayout::<Test>::get().is_some());
		run_to_block(ERA + 2);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 0);
		assert!(ActivePayout::<Test>::get().is_none());
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		// Equal weights: equal parts of the budget.
		let budget = match evaluation_events().iter().find_map(|e| match e {
			Event::EraPayoutStarted { budget, .. } => Some(*budget),
			_ => None,
		}) {
			Some(b) => b,
			None => panic!("payout started"),
		};
		assert_eq!(free(ALICE), before + (budget / 5) * 5);
	});
}

#[test]
fn an_era_without_qualifying_trades_pays_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let pot = incentive_pot();
		run_to_block(ERA + 1);
		assert_eq!(incentive_pot(), pot);
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		assert!(evaluation_events().contains(&Event::EraPaidOut { era: 0, paid: 0 }));
	});
}

// --- runtime API -----------------------------------------------------------------------------

#[test]
fn the_runtime_api_reports_rounds_scores_and_records() {
	ExtBuilder::default().build_and_execute(|| {
		let (l, r) = round_with(&[(BOB, 70, 1_000), (CHARLIE, 30, 400)]);
		reveal(r, BOB, 70);
		let view = Evaluation::round(r).unwrap();
		assert_eq!(view.phase, Phase::Reveal);
		assert_eq!(view.total_stake, 1_400);
		assert_eq!(view.participants.len(), 2);
		let bob = view.participants.iter().find(|p| p.evaluator == BOB).unwrap();
		assert_eq!((bob.revealed, bob.score, bob.stake), (true, Some(70), 1_000));
		assert_eq!(Evaluation::score(l).open_round, Some(r));
		run_to_block(END);
		assert_eq!(Evaluation::round(r), None);
		let score = Evaluation::score(l);
		assert_eq!((score.current, score.rounds, score.open_round), (Some(70), 1, None));
		assert_eq!(score.history[0].revealed, 1);
		assert_eq!(Evaluation::record(CHARLIE).silent, 1);
		assert_eq!(
			Evaluation::commitment_of(70, &salt(BOB), &BOB),
			sp_core::H256(sp_io::hashing::blake2_256(&codec::Encode::encode(&(
				70u8,
				salt(BOB),
				BOB
			))))
		);
	});
}

// --- property: conservation ------------------------------------------------------------------

proptest::proptest! {
	#![proptest_config(proptest::test_runner::Config::with_cases(100))]
	/// Random rounds: every stake is released or slashed at finalisation, evaluators and the
	/// pot only exchange funds between themselves (nothing created or lost), coherent
	/// evaluators never lose, and only the fee's burn part leaves issuance (checked by
	/// `build_and_execute`).
	#[test]
	fn random_rounds_conserve_funds(
		votes in proptest::collection::vec(
			(0u8..=100, 100u64..5_000, proptest::bool::weighted(0.8)),
			1..=MAX_EVALUATORS as usize
		),
		drain_pot in proptest::bool::weighted(0.2),
	) {
		ExtBuilder::default().build_and_execute(|| {
			let evaluators: Vec<AccountId> = (0..votes.len() as u64).map(|i| 11 + i).collect();
			let l = listing();
			let r = open(l);
			for (who, (score, stake, _)) in evaluators.iter().zip(&votes) {
				commit(r, *who, *score, *stake);
			}
			if drain_pot {
				let pot = RewardPotAccount::get();
				let spend = reward_pot() - ED;
				assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
					&pot, &ALICE, spend, frame_support::traits::tokens::Preservation::Preserve
				));
			}
			run_to_block(1 + COMMIT);
			for (who, (score, _, reveals)) in evaluators.iter().zip(&votes) {
				if *reveals {
					reveal(r, *who, *score);
				}
			}
			let before: Balance = evaluators.iter().map(|w| free(*w) + held(*w)).sum::<Balance>() + reward_pot();
			run_to_block(END);
			let after: Balance = evaluators.iter().map(|w| free(*w) + held(*w)).sum::<Balance>() + reward_pot();
			assert_eq!(before, after, "evaluators and pot only exchange funds");
			for (who, (_, _, _)) in evaluators.iter().zip(&votes) {
				assert_eq!(held(*who), 0, "every stake is released or slashed");
				let record = Records::<Test>::get(who);
				assert_eq!(record.coherent + record.incoherent + record.silent, 1);
				if record.coherent == 1 {
					assert!(free(*who) >= INITIAL, "a coherent evaluator never loses");
				} else {
					assert!(free(*who) < INITIAL, "an incoherent or silent evaluator loses");
				}
			}
			assert_eq!(Rounds::<Test>::iter().count(), 0);
		});
	}
}
