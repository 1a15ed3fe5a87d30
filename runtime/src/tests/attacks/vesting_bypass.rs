//! Attack 3: vesting bypass through holds. Holds ignored freezes, so the team account could
//! stake its locked allocation, stay silent and let a puppet collect the slash as free balance
//! (ten rounds moved ~89 % of a locked balance), or escrow locked funds in bids and deposits.
//! Now every AllSpark hold refuses frozen funds with `FundsFrozen`.

use super::*;

#[test]
fn the_team_cannot_stake_bid_or_deposit_its_locked_allocation() {
	production().execute_with(|| {
		let team = plan_account("team", 0);
		assert!(Balances::free_balance(&team) > 1_000_000 * A, "the team's 20 %, all locked");

		let creator = actor("creator", 0);
		fund(&creator, 1_000 * A);
		let listing = register(&creator, 1);
		let round = open_round(&creator, listing);
		assert_eq!(
			commit(&team, round, 0, 1_000_000 * A).map_err(|e| e.error),
			Err(pallet_allspark_evaluation::Error::<Runtime>::FundsFrozen.into())
		);
		assert_eq!(
			signed(&team, order_call(listing, Side::Buy, 1_000 * A, 1)).map_err(|e| e.error),
			Err(pallet_allspark_market::Error::<Runtime>::FundsFrozen.into())
		);
		assert_eq!(
			signed(&team, register_call(9)).map_err(|e| e.error),
			Err(pallet_allspark_content::Error::<Runtime>::FundsFrozen.into())
		);
		assert_eq!(Balances::reserved_balance(&team), 0, "nothing of the team's is held");
	});
}

#[test]
fn the_silent_stake_and_puppet_slash_route_is_closed() {
	production().execute_with(|| {
		// The full route: the locked account stakes and stays silent, three puppets reveal and
		// share its slash. It fails at the first step, and the team's balance never moves.
		let team = plan_account("team", 0);
		let before = Balances::free_balance(&team);
		let creator = actor("creator", 0);
		fund(&creator, 1_000 * A);
		let listing = register(&creator, 1);
		let round = open_round(&creator, listing);
		assert!(commit(&team, round, 50, 100 * A).is_err());
		let puppets: Vec<_> = (0..3).map(|i| actor("puppet", i)).collect();
		for p in &puppets {
			fund(p, 200 * A);
		}
		commit_all(round, &puppets, 50, 100 * A);
		finish_round(round, &votes(&puppets, 50));
		assert_eq!(Balances::free_balance(&team), before);
	});
}
