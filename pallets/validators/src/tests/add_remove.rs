//! Adding and removing validators: the checks that refuse a change, and the origin.

use super::*;

#[test]
fn adding_is_refused_for_validators_accounts_without_keys_and_a_full_set() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(add(3), Error::<Test>::AlreadyValidator);
		// Account 9 never registered session keys.
		assert_noop!(add(9), Error::<Test>::NoSessionKeys);
		assert_ok!(add(5));
		assert_ok!(add(6));
		assert_eq!(PlannedSet::<Test>::get().len() as u32, MAX);
		assert_noop!(add(7), Error::<Test>::TooManyValidators);
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::signed(1), 7),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn removing_is_refused_below_the_minimum_and_for_non_validators() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(remove(5), Error::<Test>::NotValidator);
		assert_ok!(remove(4));
		assert_eq!(PlannedSet::<Test>::get().len() as u32, MIN);
		assert_noop!(remove(1), Error::<Test>::TooFewValidators);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
		// A removed validator can come back.
		assert_ok!(add(4));
	});
}
