//! Finalisation: failed rounds, `finalise_round` and `on_initialize`, scores and their history.

use super::*;
use frame_support::traits::Hooks;

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
			revealed: 0,
			silent: 1,
			slashed: 200
		}));
		// A new round may be opened.
		open(l);
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
