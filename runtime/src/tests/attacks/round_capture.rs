//! Attack 2: one party captures evaluation rounds. Before, a sole evaluator set the median and
//! took the fee's reward part, the round's draw and every slash (+45 ASK net a round at
//! production parameters), and 64 puppets at the minimum stake locked everyone else out. Now a
//! round pays at most the part of its fee that went into the pots (8 of 10 ASK), only with
//! three revealers, never its own slashes, and a full round gives a larger stake the smallest
//! seat.

use super::*;
use frame_support::traits::Get;
use pallet_allspark_evaluation::{Error, Event, Rounds};

/// An honest creator's listing.
fn a_listing() -> ListingId {
	let creator = actor("creator", 0);
	fund(&creator, 1_000 * A);
	register(&creator, 1)
}

/// The opener and `n` puppets, funded.
fn attacker(n: u32) -> (AccountId, Vec<AccountId>) {
	let opener = actor("opener", 0);
	fund(&opener, 1_000 * A);
	let puppets: Vec<_> = (0..n).map(|i| actor("puppet", i)).collect();
	for p in &puppets {
		fund(p, 20_000 * A);
	}
	(opener, puppets)
}

#[test]
fn a_round_opened_to_pay_one_s_own_evaluators_loses_money() {
	production().execute_with(|| {
		let listing = a_listing();
		let (opener, puppets) = attacker(3);
		let mut all = puppets.clone();
		all.push(opener.clone());
		let start = wealth(&all);

		puppet_round(&opener, listing, &puppets, 90, 100 * A);

		assert_eq!(pallet_allspark_evaluation::Scores::<Runtime>::get(listing).current, Some(90));
		let end = wealth(&all);
		// The fee was 10 ASK; 8 went into the pots and at most that comes back (less the
		// planck the pool's division by stake leaves in the pot).
		assert!(start - end >= 2 * A, "the attack must lose money: {start} -> {end}");
		assert!(start - end < 2 * A + 10, "the evaluators were paid the pool: {start} -> {end}");
	});
}

#[test]
fn a_lone_evaluator_sets_no_score_and_draws_nothing() {
	production().execute_with(|| {
		let listing = a_listing();
		let (opener, puppets) = attacker(2);
		let mut all = puppets.clone();
		all.push(opener.clone());
		let start = wealth(&all);

		puppet_round(&opener, listing, &puppets, 100, 100 * A);

		assert_eq!(pallet_allspark_evaluation::Scores::<Runtime>::get(listing).current, None);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			crate::RuntimeEvent::Evaluation(Event::RoundFailed { revealed: 2, .. })
		)));
		assert_eq!(start - wealth(&all), 10 * A, "the whole fee is lost");
	});
}

#[test]
fn puppets_filling_a_round_are_outbid_not_locking_honest_evaluators_out() {
	production().execute_with(|| {
		let listing = a_listing();
		let max = <Runtime as pallet_allspark_evaluation::Config>::MaxEvaluators::get();
		let (opener, puppets) = attacker(max);
		let round = open_round(&opener, listing);
		commit_all(round, &puppets, 0, 100 * A);
		let honest = actor("honest", 0);
		fund(&honest, 1_000 * A);
		assert_eq!(
			commit(&honest, round, 80, 100 * A).map_err(|e| e.error),
			Err(Error::<Runtime>::RoundFull.into())
		);
		// A stake one ASK above the puppets' takes a seat; the evicted puppet gets its stake back.
		commit(&honest, round, 80, 101 * A).expect("a larger stake gets in");
		assert_eq!(Rounds::<Runtime>::get(round).unwrap().evaluators, max);
		let evicted = System::events()
			.into_iter()
			.find_map(|r| match r.event {
				crate::RuntimeEvent::Evaluation(Event::CommitmentEvicted { evaluator, .. }) => {
					Some(evaluator)
				},
				_ => None,
			})
			.expect("a puppet was evicted");
		assert!(puppets.contains(&evicted));
		assert_eq!(Balances::free_balance(&evicted), 20_000 * A);
	});
}

#[test]
fn slashing_honest_revealers_pays_the_majority_nothing_beyond_the_fee() {
	production().execute_with(|| {
		let listing = a_listing();
		let (_, puppets) = attacker(3);
		let honest: Vec<_> = (0..2).map(|i| actor("honest", i)).collect();
		for h in &honest {
			fund(h, 1_000 * A);
		}
		// An honest user pays for the round; the puppets out-stake the honest evaluators and vote
		// the listing down to 0, so the honest ones are incoherent and slashed 10 %.
		let user = actor("user", 0);
		fund(&user, 1_000 * A);
		let round = open_round(&user, listing);
		commit_all(round, &puppets, 0, 10_000 * A);
		commit_all(round, &honest, 80, 100 * A);
		let start = wealth(&puppets);
		let pot_start = crate::Token::pot_balance(pallet_allspark_token::Pot::EvaluationRewards);
		let mut all_votes = votes(&puppets, 0);
		all_votes.extend(votes(&honest, 80));
		finish_round(round, &all_votes);

		assert_eq!(pallet_allspark_evaluation::Scores::<Runtime>::get(listing).current, Some(0));
		let gained = wealth(&puppets) - start;
		// The pool is the fee's part in the pots (8 ASK), whatever was slashed.
		assert!(gained <= 8 * A, "the majority gained {gained}");
		// The honest evaluators' slashes (20 ASK) stay in the pot for later rounds.
		let pot_end = crate::Token::pot_balance(pallet_allspark_token::Pot::EvaluationRewards);
		assert_eq!(pot_end + gained, pot_start + 20 * A);
	});
}
