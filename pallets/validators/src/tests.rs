//! Unit tests of the validators pallet against the real session pallet. Every test runs through
//! `build_and_execute`, which checks the pallet's invariants afterwards.

use crate::{
	mock::*,
	pallet::{PendingChange, PlannedSet},
	Error, Event,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn add(who: AccountId) -> sp_runtime::DispatchResult {
	Validators::add_validator(RuntimeOrigin::root(), who)
}

fn remove(who: AccountId) -> sp_runtime::DispatchResult {
	Validators::remove_validator(RuntimeOrigin::root(), who)
}

#[test]
fn genesis_validators_are_active_queued_and_planned() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Session::validators(), vec![1, 2, 3, 4]);
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4]);
		let info = Validators::validator_set();
		assert_eq!(info.session_index, 0);
		assert_eq!(info.session_length, SESSION_LENGTH);
		assert_eq!(info.current, vec![1, 2, 3, 4]);
		assert_eq!(info.queued, vec![1, 2, 3, 4]);
		assert_eq!(info.planned, vec![1, 2, 3, 4]);
		assert!(!info.pending_change);
		assert_eq!((info.min_validators, info.max_validators), (MIN, MAX));
	});
}

#[test]
fn an_added_validator_is_queued_at_the_next_boundary_and_active_from_the_one_after() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(add(5));
		assert_eq!(validator_events(), vec![Event::ValidatorAdded { who: 5 }]);
		assert_eq!(PlannedSet::<Test>::get().to_vec(), vec![1, 2, 3, 4, 5]);
		assert!(PendingChange::<Test>::get());

		// The last block of session 0: nothing changed yet.
		run_to_block(SESSION_LENGTH - 1);
		assert_eq!(Validators::validator_set().queued, vec![1, 2, 3, 4]);
		// The boundary: the set is handed over and queued; the active set is unchanged.
		run_to_session(1);
		assert!(!PendingChange::<Test>::get());
		assert_eq!(Validators::validator_set().queued, vec![1, 2, 3, 4, 5]);
		assert_eq!(Session::validators(), vec![1, 2, 3, 4]);
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4]);
		assert!(validator_events().contains(&Event::NewSetQueued {
			session: 2,
			validators: vec![1, 2, 3, 4, 5].try_into().unwrap(),
		}));
		// One block before the next boundary: still four.
		run_to_block(2 * SESSION_LENGTH - 1);
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4]);
		// From session 2 the new validator is an authority.
		run_to_session(2);
		assert_eq!(Session::validators(), vec![1, 2, 3, 4, 5]);
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4, 5]);
	});
}

#[test]
fn a_removed_validator_stops_from_the_session_after_the_next_boundary() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(7);
		assert_ok!(remove(2));
		assert_eq!(validator_events().last(), Some(&Event::ValidatorRemoved { who: 2 }));
		run_to_session(2);
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4]);
		assert_eq!(Validators::validator_set().queued, vec![1, 3, 4]);
		run_to_session(3);
		assert_eq!(Authorities::get(), vec![1, 3, 4]);
	});
}

#[test]
fn without_changes_the_session_pallet_keeps_its_set() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_session(3);
		assert!(!validator_events().iter().any(|e| matches!(e, Event::NewSetQueued { .. })));
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn changes_within_a_session_are_handed_over_together() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(add(5));
		assert_ok!(add(6));
		assert_ok!(remove(1));
		run_to_session(1);
		let queued: Vec<_> = validator_events()
			.into_iter()
			.filter(|e| matches!(e, Event::NewSetQueued { .. }))
			.collect();
		assert_eq!(
			queued,
			vec![Event::NewSetQueued {
				session: 2,
				validators: vec![2, 3, 4, 5, 6].try_into().unwrap()
			}]
		);
		run_to_session(2);
		assert_eq!(Authorities::get(), vec![2, 3, 4, 5, 6]);
	});
}

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

#[test]
#[should_panic(expected = "fewer validators than the minimum")]
fn genesis_refuses_a_set_below_the_minimum() {
	ExtBuilder::default().validators(vec![1, 2]).build();
}

#[test]
#[should_panic(expected = "listed twice")]
fn genesis_refuses_duplicates() {
	ExtBuilder::default().validators(vec![1, 2, 3, 3]).build();
}

#[test]
#[should_panic(expected = "more validators than the maximum")]
fn genesis_refuses_a_set_above_the_maximum() {
	ExtBuilder::default().validators((1..=7).collect()).build();
}
