//! Revealing: the recorded score, the refusals, and commitments bound to their evaluator.

use super::*;
use frame_support::traits::Hooks;

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
