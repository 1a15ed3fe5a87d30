//! Attack 18: games with validator bonds, at the production preset.
//!
//! - **The team's locked allocation as a bond.** A bond is a hold, and pallet-balances lets a
//!   hold reach into frozen funds: the team account (all of it vesting-locked) could bond as a
//!   validator, equivocate on purpose and have its locked ASK slashed into the treasury, out of
//!   the lock and one treasury spend away from anyone. The bond is now held out of unfrozen
//!   funds only, as every AllSpark hold is (`FundsFrozen`).
//! - **Re-bonding inside the report window.** An equivocator out of the set unbonds, then bonds
//!   again (which stops the unbonding) and unbonds anew, hoping to confuse the window: the unlock
//!   only moves later, every withdrawal before it is refused, and the late report still slashes.
//! - **Reporting the same equivocation twice** slashes once: the second report is refused as a
//!   duplicate and moves nothing.
//!
//! In each, nothing is created or lost: total issuance is unchanged.

use super::*;
use crate::{genesis_config_presets::VALIDATOR_BOND, Token};
use pallet_allspark_token::Pot;
use pallet_allspark_validators::{Bonds, Error as ValidatorsError};
use sp_keyring::Sr25519Keyring;

#[test]
fn the_team_cannot_bond_its_locked_allocation() {
	production().execute_with(|| {
		let team = plan_account("team", 0);
		let free = Balances::free_balance(&team);
		assert!(free > 100 * VALIDATOR_BOND, "the team's 20 %, all locked");
		assert_eq!(
			signed(&team, bond_call()).map_err(|e| e.error),
			Err(ValidatorsError::<Runtime>::FundsFrozen.into())
		);
		assert_eq!((bond_held(&team), Bonds::<Runtime>::get(&team)), (0, None));
		assert_eq!(Balances::free_balance(&team), free);

		// An account with the bond's worth of unfrozen funds bonds as before.
		let candidate = actor("candidate", 0);
		fund(&candidate, VALIDATOR_BOND + 10 * A);
		signed(&candidate, bond_call()).expect("unfrozen funds bond");
		assert_eq!(bond_held(&candidate), VALIDATOR_BOND);
	});
}

#[test]
fn re_bonding_inside_the_window_only_moves_the_unlock_later() {
	production().execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		let issuance = Balances::total_issuance();
		let treasury = Token::pot_balance(Pot::Treasury);
		let daves_wealth = wealth(std::slice::from_ref(&dave));
		// Dave's two prevotes in round 1 of set 0, proved against session 0.
		let equivocation = daves_equivocation();

		// Out of the set (as in attack 17), Dave unbonds at once.
		remove_validator(&dave);
		rotate_sessions(2);
		signed(&dave, unbond_call()).expect("out of the set, Dave unbonds");
		let first = unlocks_at(&dave).expect("unbonding");

		// A session later he bonds again (the unbonding stops, nothing more is held) and
		// unbonds anew: the unlock moves a session later, never earlier.
		rotate_sessions(1);
		signed(&dave, bond_call()).expect("an unbonding bond bonds again");
		assert_eq!((bond_held(&dave), unlocks_at(&dave)), (VALIDATOR_BOND, None));
		signed(&dave, unbond_call()).expect("and unbonds again");
		let second = unlocks_at(&dave).expect("unbonding");
		assert_eq!(second, first + 1, "cycling only moves the unlock later");

		// Every withdrawal until then is refused; in the last session the equivocation can be
		// proved against session 0 (the one before the first unlock), the report slashes.
		while session() < second {
			assert_eq!(
				signed(&dave, withdraw_call()).map_err(|e| e.error),
				Err(ValidatorsError::<Runtime>::BondLocked.into())
			);
			if session() + 1 == first {
				report_equivocation(&equivocation).expect("the equivocation is still provable");
				assert_eq!(bond_held(&dave), VALIDATOR_BOND - ONE_OF_FOUR_SLASH);
			}
			rotate_sessions(1);
		}
		signed(&dave, withdraw_call()).expect("the window is over");
		assert_eq!(bond_held(&dave), 0);
		assert_eq!(wealth(std::slice::from_ref(&dave)), daves_wealth - ONE_OF_FOUR_SLASH);
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury + ONE_OF_FOUR_SLASH);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn an_equivocation_reported_twice_slashes_once() {
	production().execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		let issuance = Balances::total_issuance();
		let treasury = Token::pot_balance(Pot::Treasury);
		let equivocation = daves_equivocation();
		let report = || report_equivocation(&equivocation).map_err(|e| e.error);

		assert!(report().is_ok(), "the first report slashes");
		assert_eq!(bond_held(&dave), VALIDATOR_BOND - ONE_OF_FOUR_SLASH);
		assert_eq!(
			report(),
			Err(pallet_grandpa::Error::<Runtime>::DuplicateOffenceReport.into()),
			"the same offence again is a duplicate"
		);
		assert_eq!(bond_held(&dave), VALIDATOR_BOND - ONE_OF_FOUR_SLASH, "slashed once");
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury + ONE_OF_FOUR_SLASH);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
