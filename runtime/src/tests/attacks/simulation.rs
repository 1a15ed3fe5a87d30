//! The economic simulation behind `scripts/simulate-economy.sh` (an ignored test: it prints a
//! table and asserts its bounds). Each cell is one week-long era of the production chain with
//! an honest creator selling `honest` ASK of licences of a listing scored 70 by three
//! independent evaluators, beside an attacker that puts `capital` ASK through each strategy:
//!
//! - `wash`: owns a listing scored 100 by three puppets (a round it pays for) and sells
//!   licences to its own alt for its whole capital;
//! - `rounds`: opens rounds on others' listings and fills them with puppets staking its capital;
//! - `both`: half its capital each way.
//!
//! Returns are the change of all the party's accounts (free and held) over its capital.

use super::*;
use crate::DAYS;

/// What one cell came to: the attacker's gain, the honest creator's (its sales net of the
/// charge and the round's fee, plus its era reward), its era reward alone, and the honest
/// evaluators' gain.
struct Outcome {
	attacker: i128,
	creator: i128,
	creator_reward: Balance,
	evaluators: i128,
}

#[derive(Clone, Copy, Debug)]
enum Strategy {
	Wash,
	Rounds,
	Both,
}

fn delta(after: Balance, before: Balance) -> i128 {
	after as i128 - before as i128
}

fn cell(strategy: Strategy, honest: Balance, capital: Balance) -> Outcome {
	let mut ext = production();
	ext.execute_with(|| {
		// The honest side.
		let creator = actor("creator", 0);
		let buyer = actor("buyer", 0);
		let evaluators: Vec<_> = (0..3).map(|i| actor("evaluator", i)).collect();
		fund(&creator, 1_000 * A);
		fund(&buyer, honest + 1_000 * A);
		for e in &evaluators {
			fund(e, 1_000 * A);
		}
		// The attacker.
		let owner = actor("owner", 0);
		let alt = actor("alt", 0);
		let puppets: Vec<_> = (0..3).map(|i| actor("puppet", i)).collect();
		fund(&owner, 1_000 * A);
		fund(&alt, capital + 1_000 * A);
		for p in &puppets {
			fund(p, capital / 3 + 1_000 * A);
		}
		let mut attackers = vec![owner.clone(), alt.clone()];
		attackers.extend(puppets.iter().cloned());
		let (a0, c0, e0) =
			(wealth(&attackers), wealth(core::slice::from_ref(&creator)), wealth(&evaluators));

		let honest_listing = register(&creator, 1);
		let honest_round = open_round(&creator, honest_listing);
		commit_all(honest_round, &evaluators, 70, 100 * A);
		let mut reveals: Vec<(AccountId, RoundId, Score)> =
			evaluators.iter().map(|e| (e.clone(), honest_round, 70)).collect();

		let (wash, rounds) = match strategy {
			Strategy::Wash => (capital, 0),
			Strategy::Rounds => (0, capital),
			Strategy::Both => (capital / 2, capital / 2),
		};
		let own = register(&owner, 2);
		if wash > 0 {
			let r = open_round(&owner, own);
			commit_all(r, &puppets, 100, 100 * A);
			reveals.extend(puppets.iter().map(|p| (p.clone(), r, 100)));
		}
		if rounds > 0 {
			// One round per 10,000 ASK of capital, on a fresh listing of someone else each.
			let n = (rounds / (10_000 * A)).clamp(1, 20) as u8;
			for i in 0..n {
				let victim = actor("victim", i as u32);
				fund(&victim, 1_000 * A);
				let l = register(&victim, 10 + i);
				let r = open_round(&owner, l);
				commit_all(r, &puppets, 0, (rounds / 3 / n as Balance).max(100 * A));
				reveals.extend(puppets.iter().map(|p| (p.clone(), r, 0)));
			}
		}
		let first = pallet_allspark_evaluation::Rounds::<Runtime>::get(honest_round).unwrap();
		jump_to(first.commit_end);
		for (who, round, score) in &reveals {
			reveal(who, *round, *score);
		}
		jump_to(first.reveal_end);
		let open: Vec<_> = pallet_allspark_evaluation::Rounds::<Runtime>::iter_keys().collect();
		for r in open {
			finalise(r);
		}

		if honest > 0 {
			trade(&creator, &buyer, honest_listing, honest / 100, 100);
		}
		if wash > 0 {
			trade(&owner, &alt, own, wash / 100, 100);
		}
		let era = pallet_allspark_evaluation::CurrentEra::<Runtime>::get();
		let end = era.started_at + 7 * DAYS;
		for n in end..end + 4 {
			jump_to(n);
		}
		Outcome {
			attacker: delta(wealth(&attackers), a0),
			creator: delta(wealth(core::slice::from_ref(&creator)), c0),
			creator_reward: super::wash_trading::era_reward_of(&creator),
			evaluators: delta(wealth(&evaluators), e0),
		}
	})
}

#[test]
#[ignore = "the economic simulation: scripts/simulate-economy.sh"]
fn simulate_the_economy() {
	let honest_volumes: [Balance; 4] = [0, 100_000 * A, 1_000_000 * A, 10_000_000 * A];
	let capitals: [Balance; 3] = [10_000 * A, 1_000_000 * A, 30_000_000 * A];
	println!(
		"| strategy | honest volume (ASK/week) | attacker capital (ASK) | attacker return | \
		 honest creator (net) | its era reward | honest evaluators |"
	);
	println!("|---|---:|---:|---:|---:|---:|---:|");
	for strategy in [Strategy::Wash, Strategy::Rounds, Strategy::Both] {
		for honest in honest_volumes {
			for capital in capitals {
				let o = cell(strategy, honest, capital);
				println!(
					"| {strategy:?} | {} | {} | {:+.4} % ({:+} ASK) | {:+} ASK | {} ASK | {:+} ASK |",
					honest / A,
					capital / A,
					o.attacker as f64 * 100.0 / capital as f64,
					o.attacker / A as i128,
					o.creator / A as i128,
					o.creator_reward / A,
					o.evaluators / A as i128,
				);
				assert!(
					o.attacker <= 0,
					"{strategy:?} at {honest}/{capital} earned {}",
					o.attacker
				);
				assert!(o.evaluators > 0, "honest evaluators earn");
				if honest > 0 {
					assert!(o.creator > 0 && o.creator_reward > 0, "honest creators earn");
				}
			}
		}
	}
}
