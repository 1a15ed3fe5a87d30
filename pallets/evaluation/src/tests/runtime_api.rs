//! What the runtime API reports: rounds, scores, track records and commitments.

use super::*;

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
