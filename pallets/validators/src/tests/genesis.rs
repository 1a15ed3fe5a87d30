//! Genesis: the initial set is active, queued and planned; bad genesis sets are refused.

use super::*;

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
