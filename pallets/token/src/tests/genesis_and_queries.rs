//! Genesis (funded pots, the issuance plan) and the economics query that reports it.

use super::*;

#[test]
fn pots_are_funded_at_genesis_and_reported() {
	ExtBuilder::default().build_and_execute(|| {
		let e = Token::economics();
		assert_eq!(e.total_issuance, 1_000_000 + 1_000 + 10_000 + 20_000 + 1_000 + ED);
		assert_eq!(e.burned, 0);
		let pots: Vec<_> = e.pots.iter().map(|p| (p.pot, p.balance)).collect();
		assert_eq!(
			pots,
			vec![
				(Pot::Treasury, 10_000),
				(Pot::CommunityIncentives, 20_000),
				(Pot::NodeIncentives, 1_000),
				(Pot::EvaluationRewards, ED),
			]
		);
		assert_eq!(e.pots[0].account, Token::pot_account(Pot::Treasury));
		assert_eq!(e.rates, default_rates());
		assert_eq!(e.split, default_split());
		// Every pot has its own account.
		let mut accounts: Vec<_> = e.pots.iter().map(|p| p.account).collect();
		accounts.dedup();
		assert_eq!(accounts.len(), 4);
	});
}

#[test]
fn a_plan_that_adds_up_is_accepted() {
	ExtBuilder::default().total_issuance(1_032_010).build_and_execute(|| {
		assert_eq!(Balances::total_issuance(), 1_032_010);
	});
}

#[test]
#[should_panic(expected = "the token plan does not add up")]
fn a_plan_that_does_not_add_up_is_refused() {
	ExtBuilder::default().total_issuance(1_032_011).build();
}

#[test]
#[should_panic(expected = "must hold at least the existential deposit")]
fn an_unfunded_pot_is_refused() {
	ExtBuilder::default().pot(Pot::EvaluationRewards, 0).build();
}
