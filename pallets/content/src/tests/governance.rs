//! Moderation by governance: suspend, reinstate, remove infringing listings.

use super::*;

#[test]
fn suspend_and_reinstate() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
		assert_eq!(Content::status(id), Some(ListingStatus::Suspended));
		assert!(!Content::is_active(id));
		assert_eq!(Content::listing_state(id), ListingState::Suspended);
		assert_eq!(content_events().last(), Some(&Event::ListingSuspended { listing: id }));
		assert_noop!(Content::suspend(RuntimeOrigin::root(), id), Error::<Test>::ListingSuspended);
		assert_ok!(Content::reinstate(RuntimeOrigin::root(), id));
		assert!(Content::is_active(id));
		assert_eq!(content_events().last(), Some(&Event::ListingReinstated { listing: id }));
		assert_noop!(
			Content::reinstate(RuntimeOrigin::root(), id),
			Error::<Test>::ListingNotSuspended
		);
		assert_noop!(Content::suspend(RuntimeOrigin::root(), 8), Error::<Test>::ListingNotFound);
		assert_noop!(Content::reinstate(RuntimeOrigin::root(), 8), Error::<Test>::ListingNotFound);
		// The deposit stays held throughout.
		assert_eq!(held(ALICE), 120);
	});
}

#[test]
fn only_governance_may_moderate() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		let me = || RuntimeOrigin::signed(ALICE);
		assert_noop!(Content::suspend(me(), id), DispatchError::BadOrigin);
		assert_noop!(Content::reinstate(me(), id), DispatchError::BadOrigin);
		assert_noop!(Content::remove_infringing(me(), id), DispatchError::BadOrigin);
	});
}

#[test]
fn removing_infringing_content_slashes_the_deposit_to_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let a = register(ALICE, 1);
		let b = register(ALICE, 2);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), b));
		assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), a));
		assert_eq!(Balances::balance(&TREASURY), ED + 120);
		assert_eq!(held(ALICE), 120);
		assert_eq!(Balances::balance(&ALICE), 1_000_000 - 240);
		assert_eq!(
			content_events().last(),
			Some(&Event::ListingRemoved { listing: a, owner: ALICE, slashed: 120 })
		);
		// Suspended listings can be removed too.
		assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), b));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&TREASURY), ED + 240);
		assert_eq!(Content::listing_state(b), ListingState::Delisted);
		assert_noop!(
			Content::remove_infringing(RuntimeOrigin::root(), b),
			Error::<Test>::ListingNotFound
		);
	});
}

#[test]
fn removal_opens_an_empty_treasury() {
	ExtBuilder::default().balance(TREASURY, 0).build_and_execute(|| {
		let a = register(ALICE, 1);
		assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), a));
		assert_eq!(Balances::balance(&TREASURY), 120);
	});
}
