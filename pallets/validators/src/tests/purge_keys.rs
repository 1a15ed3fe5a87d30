//! Purging session keys: refused to validators, whose set would shrink at the next session
//! below the minimum (attack 13 of the review), allowed to anyone else.

use super::*;

#[test]
fn a_validator_cannot_purge_its_keys() {
	ExtBuilder::default().build_and_execute(|| {
		// Three validators purging their keys would leave one at the next session, below the
		// minimum of three.
		for v in 1..=3 {
			assert_noop!(
				Validators::purge_keys(RuntimeOrigin::signed(v)),
				Error::<Test>::StillValidator
			);
		}
		assert_noop!(
			Validators::purge_keys(RuntimeOrigin::signed(1)),
			Error::<Test>::StillValidator
		);
		assert!(pallet_session::NextKeys::<Test>::contains_key(1));
		run_to_session(2);
		assert_eq!(Session::validators(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn a_removed_validator_purges_its_keys_once_out_of_the_current_set() {
	ExtBuilder::default().validators(vec![1, 2, 3, 4, 5]).build_and_execute(|| {
		assert_ok!(remove(5));
		// Planned out, still current.
		assert_noop!(
			Validators::purge_keys(RuntimeOrigin::signed(5)),
			Error::<Test>::StillValidator
		);
		run_to_session(2);
		assert_eq!(Session::validators(), vec![1, 2, 3, 4]);
		assert_ok!(Validators::purge_keys(RuntimeOrigin::signed(5)));
		assert!(!pallet_session::NextKeys::<Test>::contains_key(5));
		// An account with keys that never validated purges them too.
		assert_ok!(Validators::purge_keys(RuntimeOrigin::signed(6)));
		assert!(!pallet_session::NextKeys::<Test>::contains_key(6));
	});
}
