//! Unit tests of the validators pallet against the real session pallet. Every test runs through
//! `build_and_execute`, which checks the pallet's invariants afterwards.

use crate::{
	mock::*,
	pallet::{PendingChange, PlannedSet},
	Error, Event,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

mod add_remove;
mod bonds;
mod genesis;
mod offences;
mod purge_keys;
mod session;

fn add(who: AccountId) -> sp_runtime::DispatchResult {
	Validators::add_validator(RuntimeOrigin::root(), who)
}

fn remove(who: AccountId) -> sp_runtime::DispatchResult {
	Validators::remove_validator(RuntimeOrigin::root(), who)
}
