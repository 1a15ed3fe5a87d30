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
use crate::{
	genesis_config_presets::VALIDATOR_BOND, governance::origins::Origin, Grandpa, Session, Token,
	Validators,
};
use frame_support::traits::fungible::InspectHold;
use pallet_allspark_token::Pot;
use pallet_allspark_validators::{Error as ValidatorsError, HoldReason};
use sp_keyring::Sr25519Keyring;

fn withdraw(who: &AccountId) -> DispatchResultWithPostInfo {
	signed(who, pallet_allspark_validators::Call::<Runtime>::withdraw_bond {})
}

#[test]
fn an_equivocator_cannot_withdraw_its_bond_before_the_report_can_no_longer_come() {
	production().execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		let reason = HoldReason::ValidatorBond.into();
		assert_eq!(Balances::balance_on_hold(&reason, &dave), VALIDATOR_BOND);
		let issuance = Balances::total_issuance();
		let treasury = Token::pot_balance(Pot::Treasury);
		let daves_wealth = wealth(std::slice::from_ref(&dave));
		// Dave's two prevotes in round 1 of set 0, proved against session 0.
		let (equivocation, key_owner) =
			super::super::grandpa_equivocation(sp_keyring::Ed25519Keyring::Dave);

		// Governance removes Dave (the minimum lowered to three, as after a fifth validator
		// joined: the production minimum of four would refuse it).
		pallet_allspark_validators::MinValidators::<Runtime>::put(3);
		Validators::remove_validator(Origin::ValidatorAdmin.into(), dave.clone())
			.expect("the validator_admin track removes a validator");
		// While Dave is planned or current, he cannot even start unbonding.
		assert_eq!(
			signed(&dave, pallet_allspark_validators::Call::<Runtime>::unbond {})
				.map_err(|e| e.error),
			Err(ValidatorsError::<Runtime>::StillValidator.into())
		);
		Session::rotate_session();
		Session::rotate_session();
		assert!(!Validators::is_validator(&dave), "a set without Dave is active");

		// He unbonds at once and tries to withdraw at every session of the window.
		signed(&dave, pallet_allspark_validators::Call::<Runtime>::unbond {})
			.expect("out of the set, Dave unbonds");
		let unlocks_at = pallet_allspark_validators::Bonds::<Runtime>::get(&dave)
			.and_then(|b| b.unlocks_at)
			.expect("unbonding");
		while pallet_session::CurrentIndex::<Runtime>::get() + 1 < unlocks_at {
			assert_eq!(
				withdraw(&dave).map_err(|e| e.error),
				Err(ValidatorsError::<Runtime>::BondLocked.into())
			);
			Session::rotate_session();
		}
		assert_eq!(
			withdraw(&dave).map_err(|e| e.error),
			Err(ValidatorsError::<Runtime>::BondLocked.into())
		);

		// The last session of the window: the report still proves against session 0.
		Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(equivocation),
			key_owner,
		)
		.expect("the equivocation is still provable");
		let slashed = VALIDATOR_BOND * 5_625 / 10_000;
		assert_eq!(Balances::balance_on_hold(&reason, &dave), VALIDATOR_BOND - slashed);

		Session::rotate_session();
		withdraw(&dave).expect("the window is over");
		assert_eq!(Balances::balance_on_hold(&reason, &dave), 0);
		assert_eq!(
			wealth(std::slice::from_ref(&dave)),
			daves_wealth - slashed,
			"Dave loses the slash"
		);
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury + slashed);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
