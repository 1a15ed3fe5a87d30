//! Offences: a reported offence slashes the offender's bond by its fraction into the treasury
//! (nothing burned) and removes it from the planned set, never the last validator.

use super::*;
use crate::{pallet::Bonds, HoldReason};
use frame_support::{
	traits::fungible::{Inspect, InspectHold},
	weights::Weight,
};
use sp_runtime::Perbill;
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

fn report(offenders: &[AccountId], fraction: Perbill) -> Weight {
	let details: Vec<_> = offenders
		.iter()
		.map(|o| OffenceDetails { offender: (*o, ()), reporters: vec![] })
		.collect();
	let fractions = vec![fraction; offenders.len()];
	<Validators as OnOffenceHandler<_, _, Weight>>::on_offence(&details, &fractions, 0)
}

#[test]
fn an_offence_slashes_the_bond_into_the_treasury_and_removes_the_offender() {
	ExtBuilder::default().build_and_execute(|| {
		let issuance = Balances::total_issuance();
		report(&[2], Perbill::from_percent(50));
		assert_eq!(Balances::balance_on_hold(&HoldReason::ValidatorBond.into(), &2), BOND / 2);
		assert_eq!(Bonds::<Test>::get(2).map(|b| b.amount), Some(BOND / 2));
		assert_eq!(Balances::balance(&TREASURY), 1 + BOND / 2);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(
			validator_events(),
			vec![
				Event::Slashed { who: 2, amount: BOND / 2, session: 0 },
				Event::OffenderRemoved { who: 2 }
			]
		);
		assert_eq!(PlannedSet::<Test>::get().to_vec(), vec![1, 3, 4]);
		run_to_session(3);
		assert_eq!(Authorities::get(), vec![1, 3, 4]);
	});
}

#[test]
fn offenders_leave_below_the_minimum_but_never_the_last_validator() {
	ExtBuilder::default().build_and_execute(|| {
		report(&[1, 2, 3], Perbill::one());
		assert_eq!(PlannedSet::<Test>::get().to_vec(), vec![4]);
		// The last one is slashed, and stays: a chain without validators stops for good.
		report(&[4], Perbill::one());
		assert_eq!(PlannedSet::<Test>::get().to_vec(), vec![4]);
		assert_eq!(Bonds::<Test>::get(4).map(|b| b.amount), Some(0));
		assert_eq!(Balances::balance(&TREASURY), 1 + 4 * BOND);
	});
}

#[test]
fn an_offender_without_a_bond_is_removed_and_nothing_is_taken() {
	ExtBuilder::default().build_and_execute(|| {
		Bonds::<Test>::remove(3);
		// Its hold goes with the record here, as a withdrawal would take it.
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<_>>::release_all(
			&HoldReason::ValidatorBond.into(),
			&3,
			frame_support::traits::tokens::Precision::BestEffort,
		));
		report(&[3], Perbill::one());
		assert_eq!(validator_events(), vec![Event::OffenderRemoved { who: 3 }]);
		assert_eq!(Balances::balance(&TREASURY), 1);
	});
}
