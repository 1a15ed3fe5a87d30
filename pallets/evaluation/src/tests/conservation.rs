//! Property: random rounds conserve funds and settle every stake.

use super::*;

proptest::proptest! {
	#![proptest_config(proptest::test_runner::Config::with_cases(100))]
	/// Random rounds, with more evaluators than a round has room for (a full round evicts its
	/// smallest stake for a larger one) and a random reveal quorum: every stake is released or
	/// slashed (evicted ones at once, whole), evaluators and the pot only exchange funds between
	/// themselves (nothing created or lost), coherent evaluators never lose, a round below its
	/// quorum pays and scores nothing, and only the fee's burn part leaves issuance (checked by
	/// `build_and_execute`).
	#[test]
	fn random_rounds_conserve_funds(
		votes in proptest::collection::vec(
			(0u8..=100, 100u64..5_000, proptest::bool::weighted(0.8)),
			1..=MAX_EVALUATORS as usize + 3
		),
		drain_pot in proptest::bool::weighted(0.2),
		quorum in 1u32..=4,
	) {
		ExtBuilder::default().build_and_execute(|| {
			Parameters::<Test>::mutate(|p| {
				if let Some(p) = p.as_mut() {
					p.min_revealers = quorum;
				}
			});
			let evaluators: Vec<AccountId> = (0..votes.len() as u64).map(|i| 11 + i).collect();
			let l = listing();
			let r = open(l);
			let start: Balance =
				evaluators.iter().map(|w| free(*w) + held(*w)).sum::<Balance>() + reward_pot();
			for (who, (score, stake, _)) in evaluators.iter().zip(&votes) {
				let commitment = hash(*who, *score);
				let result = Evaluation::commit(RuntimeOrigin::signed(*who), r, commitment, *stake);
				// Refused only by a full round whose smallest stake is no smaller.
				if let Err(e) = result {
					assert_eq!(e, Error::<Test>::RoundFull.into());
				}
			}
			let seated: Vec<AccountId> =
				evaluators.iter().copied().filter(|w| Commitments::<Test>::contains_key(r, w)).collect();
			assert!(seated.len() <= MAX_EVALUATORS as usize);
			for who in evaluators.iter().filter(|w| !seated.contains(w)) {
				assert_eq!(held(*who), 0, "an evicted or refused stake is not held");
			}
			if drain_pot {
				let pot = RewardPotAccount::get();
				let spend = reward_pot() - ED;
				assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
					&pot, &ALICE, spend, frame_support::traits::tokens::Preservation::Preserve
				));
			}
			run_to_block(1 + COMMIT);
			let mut revealed = 0u32;
			for (who, (score, _, reveals)) in evaluators.iter().zip(&votes) {
				if *reveals && seated.contains(who) {
					reveal(r, *who, *score);
					revealed += 1;
				}
			}
			let before: Balance = evaluators.iter().map(|w| free(*w) + held(*w)).sum::<Balance>() + reward_pot();
			if !drain_pot {
				assert_eq!(before, start, "committing and evicting move no funds");
			}
			run_to_block(END);
			let after: Balance = evaluators.iter().map(|w| free(*w) + held(*w)).sum::<Balance>() + reward_pot();
			assert_eq!(before, after, "evaluators and pot only exchange funds");
			let scored = revealed >= quorum;
			for who in &evaluators {
				assert_eq!(held(*who), 0, "every stake is released or slashed");
				let record = Records::<Test>::get(who);
				let settled = record.coherent + record.incoherent + record.silent;
				if !seated.contains(who) {
					assert_eq!(settled, 0, "an evicted evaluator has no outcome");
					assert_eq!(free(*who), INITIAL);
					continue;
				}
				if !scored && record.silent == 0 {
					assert_eq!(settled, 0, "a revealer of an unscored round has no outcome");
					assert_eq!(free(*who), INITIAL, "and gets its stake back whole");
					assert_eq!(record.rewarded, 0);
					continue;
				}
				assert_eq!(settled, 1);
				if record.coherent == 1 {
					assert!(free(*who) >= INITIAL, "a coherent evaluator never loses");
				} else {
					assert!(free(*who) < INITIAL, "an incoherent or silent evaluator loses");
				}
			}
			assert_eq!(Scores::<Test>::get(l).current.is_some(), scored);
			assert_eq!(Rounds::<Test>::iter().count(), 0);
		});
	}
}
