//! Attack 17: escaping a slash by leaving. A validator equivocates in GRANDPA (two prevotes in
//! one round, as a second node run on the same keys produces), hopes the report comes late, and
//! races it: it gets itself removed, unbonds as soon as a set without it is active, and tries to
//! withdraw its bond before anyone proves the equivocation. The bond stays held for
//! `BondingDelay` sessions after unbonding, the same window in which the session's historical
//! root (what an equivocation is proved against) is kept: the withdrawal is refused with
//! `BondLocked` until then, the late report still slashes (3k/n)² = 56.25 % of the bond (one
//! offender of four) into the treasury, and the validator withdraws only the rest. Nothing is
//! created or lost: issuance is unchanged.

use super::*;
use crate::{genesis_config_presets::VALIDATOR_BOND, Token, Validators};
use pallet_allspark_token::Pot;
use pallet_allspark_validators::Error as ValidatorsError;
use sp_keyring::Sr25519Keyring;

#[test]
fn an_equivocator_cannot_withdraw_its_bond_before_the_report_can_no_longer_come() {
	production().execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		assert_eq!(bond_held(&dave), VALIDATOR_BOND);
		let issuance = Balances::total_issuance();
		let treasury = Token::pot_balance(Pot::Treasury);
		let daves_wealth = wealth(std::slice::from_ref(&dave));
		// Dave's two prevotes in round 1 of set 0, proved against session 0.
		let equivocation = daves_equivocation();

		remove_validator(&dave);
		// While Dave is planned or current, he cannot even start unbonding.
		assert_eq!(
			signed(&dave, unbond_call()).map_err(|e| e.error),
			Err(ValidatorsError::<Runtime>::StillValidator.into())
		);
		rotate_sessions(2);
		assert!(!Validators::is_validator(&dave), "a set without Dave is active");

		// He unbonds at once and tries to withdraw at every session of the window.
		signed(&dave, unbond_call()).expect("out of the set, Dave unbonds");
		let unlock = unlocks_at(&dave).expect("unbonding");
		while session() + 1 < unlock {
			assert_eq!(
				signed(&dave, withdraw_call()).map_err(|e| e.error),
				Err(ValidatorsError::<Runtime>::BondLocked.into())
			);
			rotate_sessions(1);
		}
		assert_eq!(
			signed(&dave, withdraw_call()).map_err(|e| e.error),
			Err(ValidatorsError::<Runtime>::BondLocked.into())
		);

		// The last session of the window: the report still proves against session 0.
		report_equivocation(&equivocation).expect("the equivocation is still provable");
		assert_eq!(bond_held(&dave), VALIDATOR_BOND - ONE_OF_FOUR_SLASH);

		rotate_sessions(1);
		signed(&dave, withdraw_call()).expect("the window is over");
		assert_eq!(bond_held(&dave), 0);
		assert_eq!(
			wealth(std::slice::from_ref(&dave)),
			daves_wealth - ONE_OF_FOUR_SLASH,
			"Dave loses the slash"
		);
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury + ONE_OF_FOUR_SLASH);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
