//! Rewards and slashes at finalisation: coherent, incoherent and silent evaluators, the pot.

use super::*;

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
		// The slashes (200) stay in the pot: they never flow back to the round's majority.
		let pool = FEE_REWARD + DRAW;
		assert_eq!(free(BOB), INITIAL + pool / 2);
		assert_eq!(free(CHARLIE), INITIAL + pool / 2);
		assert_eq!(free(DAVE), INITIAL - 100);
		assert_eq!(free(EVE), INITIAL - 100);
		for who in [BOB, CHARLIE, DAVE, EVE] {
			assert_eq!(held(who), 0);
		}
		// The pot paid the fee's reward part (already in it) and the draw, and keeps the slashes.
		assert_eq!(reward_pot(), pot - FEE_REWARD - DRAW + 200);

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
fn a_round_never_pays_more_than_its_fee_brought_into_the_pots() {
	ExtBuilder::default().build_and_execute(|| {
		// A draw far above the fee: the pool stops at the fee less its burned part (160 of 200).
		assert_ok!(Evaluation::set_params(
			RuntimeOrigin::root(),
			Params { round_draw: 10_000, ..params() }
		));
		let (_, r) = round_with(&[(BOB, 50, 300), (CHARLIE, 55, 100)]);
		assert_eq!(Rounds::<Test>::get(r).unwrap().fee_to_pots, FEE * 80 / 100);
		reveal(r, BOB, 50);
		reveal(r, CHARLIE, 55);
		run_to_block(END);
		let pool = FEE * 80 / 100;
		assert_eq!(free(BOB), INITIAL + pool * 3 / 4);
		assert_eq!(free(CHARLIE), INITIAL + pool / 4);
	});
}

#[test]
fn a_round_below_its_quorum_sets_no_score_returns_revealed_stakes_and_pays_nobody() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Evaluation::set_params(
			RuntimeOrigin::root(),
			Params { min_revealers: 3, ..params() }
		));
		let (l, r) = round_with(&[(BOB, 70, 1_000), (CHARLIE, 72, 1_000), (DAVE, 20, 1_000)]);
		reveal(r, BOB, 70);
		reveal(r, CHARLIE, 72);
		let pot = reward_pot();
		run_to_block(END);
		assert_eq!(Scores::<Test>::get(l).current, None);
		assert_eq!(free(BOB), INITIAL);
		assert_eq!(free(CHARLIE), INITIAL);
		assert_eq!(free(DAVE), INITIAL - 200, "the silent still lose their part");
		assert_eq!(reward_pot(), pot + 200);
		assert_eq!(Records::<Test>::get(BOB), EvaluatorRecord::default());
		let events = evaluation_events();
		assert!(events.contains(&Event::RoundFailed {
			round: r,
			listing: l,
			revealed: 2,
			silent: 1,
			slashed: 200
		}));
		assert!(events.contains(&Event::EvaluatorSettled {
			round: r,
			evaluator: BOB,
			outcome: Outcome::Unscored,
			stake: 1_000,
			slashed: 0,
			reward: 0,
		}));
	});
}

#[test]
fn a_quorum_above_a_round_s_room_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Evaluation::set_params(
				RuntimeOrigin::root(),
				Params { min_revealers: MAX_EVALUATORS + 1, ..params() }
			),
			Error::<Test>::InvalidParams
		);
		assert_noop!(
			Evaluation::set_params(RuntimeOrigin::root(), Params { min_revealers: 0, ..params() }),
			Error::<Test>::InvalidParams
		);
	});
}
