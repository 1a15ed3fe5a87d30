//! Attack 1: wash trading farms era rewards. The owner has its own listing scored 100 by
//! puppet evaluators, then sells licences to its own alt. Before the rebate cap an era's weight
//! was score × traded value with no bound: alone in the era, a 0.01 ASK trade took the whole
//! budget (~450,000 ASK a week at production parameters). Now an era pays an account at most
//! half the service charges its credited trades paid: the attacker always loses the other half.

use super::*;
use crate::DAYS;

/// The attacker's accounts: the owner, its alt (the buyer) and three puppet evaluators.
fn attacker() -> (AccountId, AccountId, Vec<AccountId>) {
	let owner = actor("owner", 0);
	let alt = actor("alt", 0);
	let puppets: Vec<_> = (0..3).map(|i| actor("puppet", i)).collect();
	fund(&owner, 1_000 * A);
	fund(&alt, 100_000 * A);
	for p in &puppets {
		fund(p, 200 * A);
	}
	(owner, alt, puppets)
}

/// The attacker's listing, scored 100 by its three puppets in a round the owner paid for.
fn scored_listing(owner: &AccountId, puppets: &[AccountId], n: u8) -> ListingId {
	let listing = register(owner, n);
	puppet_round(owner, listing, puppets, 100, 100 * A);
	assert_eq!(pallet_allspark_evaluation::Scores::<Runtime>::get(listing).current, Some(100));
	listing
}

/// The week's era ends and is paid out.
fn pay_the_era() {
	let era = pallet_allspark_evaluation::CurrentEra::<Runtime>::get();
	let end = era.started_at + 7 * DAYS;
	for n in end..end + 4 {
		jump_to(n);
	}
	assert!(pallet_allspark_evaluation::ActivePayout::<Runtime>::get().is_none());
}

/// What the era paid `who`.
pub(super) fn era_reward_of(who: &AccountId) -> Balance {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			crate::RuntimeEvent::Evaluation(pallet_allspark_evaluation::Event::EraRewardPaid {
				account,
				amount,
				..
			}) if &account == who => Some(amount),
			_ => None,
		})
		.sum()
}

#[test]
fn wash_trading_alone_in_an_era_loses_half_the_charges_at_least() {
	production().execute_with(|| {
		let (owner, alt, puppets) = attacker();
		let mut all = vec![owner.clone(), alt.clone()];
		all.extend(puppets.iter().cloned());
		let start = wealth(&all);

		let listing = scored_listing(&owner, &puppets, 1);
		// 10 licences at 1,000 ASK: 10,000 ASK of volume, 250 ASK of service charge.
		trade(&owner, &alt, listing, 1_000 * A, 10);
		pay_the_era();

		let charge = 250 * A;
		assert_eq!(era_reward_of(&owner), charge / 2, "the rebate cap binds");
		let end = wealth(&all);
		assert!(end < start, "the attack must lose money: {start} -> {end}");
		// Lost: the round's fee less what its pool paid back (10 - 8 ASK, less the planck the
		// pool's division leaves in the pot), and half the charge.
		assert!(start - end >= 2 * A + charge / 2);
		assert!(start - end < 2 * A + charge / 2 + 10);
	});
}

#[test]
fn wash_trading_beside_honest_volume_loses_money_too() {
	production().execute_with(|| {
		let (owner, alt, puppets) = attacker();
		let mut all = vec![owner.clone(), alt.clone()];
		all.extend(puppets.iter().cloned());
		let start = wealth(&all);

		// An honest creator's listing, scored 70 by three independent evaluators, sells
		// 1,000,000 ASK of licences to honest buyers in the same era.
		let creator = actor("creator", 0);
		let buyer = actor("buyer", 0);
		let evaluators: Vec<_> = (0..3).map(|i| actor("evaluator", i)).collect();
		fund(&creator, 1_000 * A);
		fund(&buyer, 2_000_000 * A);
		for e in &evaluators {
			fund(e, 200 * A);
		}
		let honest = register(&creator, 2);
		let round = open_round(&creator, honest);
		commit_all(round, &evaluators, 70, 100 * A);

		let listing = register(&owner, 1);
		let attack_round = open_round(&owner, listing);
		commit_all(attack_round, &puppets, 100, 100 * A);
		let r = pallet_allspark_evaluation::Rounds::<Runtime>::get(round).unwrap();
		jump_to(r.commit_end);
		for (who, score) in votes(&evaluators, 70) {
			reveal(&who, round, score);
		}
		for (who, score) in votes(&puppets, 100) {
			reveal(&who, attack_round, score);
		}
		jump_to(r.reveal_end);
		finalise(round);
		finalise(attack_round);

		trade(&creator, &buyer, honest, 10_000 * A, 100);
		trade(&owner, &alt, listing, 1_000 * A, 10);
		pay_the_era();

		assert!(era_reward_of(&creator) > 0, "honest volume is rewarded");
		assert!(era_reward_of(&owner) <= 250 * A / 2);
		let end = wealth(&all);
		assert!(end < start, "the attack must lose money: {start} -> {end}");
	});
}

#[test]
fn buying_the_copyright_before_the_payout_captures_nothing() {
	production().execute_with(|| {
		let (owner, alt, puppets) = attacker();
		let listing = scored_listing(&owner, &puppets, 1);
		trade(&owner, &alt, listing, 1_000 * A, 10);
		// A late buyer takes the copyright just before the era's payout.
		let late = actor("late", 0);
		fund(&late, 1_000 * A);
		signed(
			&owner,
			pallet_allspark_content::Call::transfer_copyright { listing, to: late.clone() },
		)
		.expect("offered");
		signed(&late, pallet_allspark_content::Call::accept_copyright { listing })
			.expect("accepted");
		pay_the_era();
		assert_eq!(era_reward_of(&late), 0, "the era pays those who held the shares");
		assert!(era_reward_of(&owner) > 0);
	});
}
