//! Bonds: a candidate joins only with a full bond that is not unbonding; a bond is withdrawn
//! only by a non-validator, only after the delay; nothing is created or lost.

use super::*;
use crate::{pallet::Bonds, HoldReason};
use frame_support::traits::fungible::{Inspect, InspectHold};

fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&HoldReason::ValidatorBond.into(), &who)
}

#[test]
fn a_candidate_joins_only_with_a_full_bond_that_is_not_unbonding() {
	ExtBuilder::default().build_and_execute(|| {
		// The figure rose since 5 bonded: its bond is too small until topped up.
		BondAmount::set(BOND + 50);
		assert_noop!(add(5), Error::<Test>::BondTooSmall);
		assert_ok!(Validators::bond(RuntimeOrigin::signed(5)));
		assert_eq!(held(5), BOND + 50);
		assert_eq!(
			validator_events().last(),
			Some(&Event::Bonded { who: 5, added: 50, bond: BOND + 50 })
		);
		assert_noop!(Validators::bond(RuntimeOrigin::signed(5)), Error::<Test>::AlreadyBonded);
		// Unbonding: not a candidate any more, until it bonds again.
		assert_ok!(Validators::unbond(RuntimeOrigin::signed(5)));
		assert_noop!(add(5), Error::<Test>::BondUnbonding);
		assert_ok!(Validators::bond(RuntimeOrigin::signed(5)));
		assert_eq!(Bonds::<Test>::get(5).map(|b| b.unlocks_at), Some(None));
		assert_eq!(held(5), BOND + 50);
		assert_ok!(add(5));
	});
}

#[test]
fn an_account_that_cannot_hold_the_bond_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		BondAmount::set(10_000);
		assert_noop!(
			Validators::bond(RuntimeOrigin::signed(9)),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_bond_is_never_held_out_of_frozen_funds() {
	use frame_support::traits::{LockableCurrency, WithdrawReasons};
	ExtBuilder::default().build_and_execute(|| {
		// 9's balance is locked (as by a vesting schedule) but for 50 above the existential
		// deposit: the bond of 100 would reach 50 into the lock.
		let free = <Balances as Inspect<_>>::balance(&9);
		let ed = <Balances as Inspect<_>>::minimum_balance();
		<Balances as LockableCurrency<_>>::set_lock(
			*b"vesting ",
			&9,
			free - ed - 50,
			WithdrawReasons::all(),
		);
		assert_noop!(Validators::bond(RuntimeOrigin::signed(9)), Error::<Test>::FundsFrozen);
		assert_eq!(held(9), 0);
		// With the bond's worth unlocked, it bonds; the lock stays on the rest.
		<Balances as LockableCurrency<_>>::set_lock(
			*b"vesting ",
			&9,
			free - ed - BOND,
			WithdrawReasons::all(),
		);
		assert_ok!(Validators::bond(RuntimeOrigin::signed(9)));
		assert_eq!(held(9), BOND);
		// A top-up is held out of unfrozen funds too: the figure rose by 10, all of it locked.
		BondAmount::set(BOND + 10);
		assert_noop!(Validators::bond(RuntimeOrigin::signed(9)), Error::<Test>::FundsFrozen);
		assert_eq!(held(9), BOND);
	});
}

#[test]
fn a_bond_is_withdrawn_after_the_delay_and_never_by_a_validator() {
	ExtBuilder::default().build_and_execute(|| {
		let issuance = Balances::total_issuance();
		assert_noop!(Validators::unbond(RuntimeOrigin::signed(1)), Error::<Test>::StillValidator);
		assert_noop!(Validators::unbond(RuntimeOrigin::signed(9)), Error::<Test>::NotBonded);
		assert_noop!(
			Validators::withdraw_bond(RuntimeOrigin::signed(5)),
			Error::<Test>::BondLocked
		);
		assert_ok!(Validators::unbond(RuntimeOrigin::signed(5)));
		assert_eq!(validator_events().last(), Some(&Event::Unbonding { who: 5, unlocks_at: 3 }));
		assert_noop!(Validators::unbond(RuntimeOrigin::signed(5)), Error::<Test>::AlreadyUnbonding);
		run_to_session(2);
		assert_noop!(
			Validators::withdraw_bond(RuntimeOrigin::signed(5)),
			Error::<Test>::BondLocked
		);
		run_to_session(3);
		let free = Balances::balance(&5);
		assert_ok!(Validators::withdraw_bond(RuntimeOrigin::signed(5)));
		assert_eq!(validator_events().last(), Some(&Event::BondWithdrawn { who: 5, amount: BOND }));
		assert_eq!((Balances::balance(&5), held(5)), (free + BOND, 0));
		assert_eq!(Bonds::<Test>::get(5), None);
		assert_noop!(add(5), Error::<Test>::NotBonded);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn a_removed_validator_unbonds_once_a_set_without_it_is_active() {
	ExtBuilder::default().build_and_execute(|| {
		// Removed in session 0: queued without it at session 1's start, active from session 2.
		assert_ok!(remove(4));
		assert_noop!(Validators::unbond(RuntimeOrigin::signed(4)), Error::<Test>::StillValidator);
		run_to_session(1);
		assert_noop!(Validators::unbond(RuntimeOrigin::signed(4)), Error::<Test>::StillValidator);
		run_to_session(2);
		assert_ok!(Validators::unbond(RuntimeOrigin::signed(4)));
	});
}
