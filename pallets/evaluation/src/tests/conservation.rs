//! Property: random rounds conserve funds and settle every stake.

use super::*;

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
