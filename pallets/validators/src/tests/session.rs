//! Session boundaries: changes are queued at the next boundary and active from the one after.

use super::*;

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
