//! Delisting: the deposit is released and the content hash freed.

use super::*;

#[test]
fn releases_the_deposit_and_frees_the_hash() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		assert_ok!(Content::delist(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 1_000_000);
		assert!(Listings::<Test>::get(id).is_none());
		assert_eq!(ListingByHash::<Test>::get(hash(1)), None);
		assert!(!ListingsByOwner::<Test>::contains_key(ALICE, id));
		assert_eq!(Content::listing_state(id), ListingState::Delisted);
		assert_eq!(
			content_events().last(),
			Some(&Event::ListingDelisted { listing: id, owner: ALICE, released: 120 })
		);
		// The work may be listed again, under a new id.
		assert_eq!(register(BOB, 1), 1);
	});
}

#[test]
fn errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		assert_noop!(Content::delist(RuntimeOrigin::signed(BOB), id), Error::<Test>::NotOwner);
		assert_noop!(
			Content::delist(RuntimeOrigin::signed(ALICE), 3),
			Error::<Test>::ListingNotFound
		);
		Obligated::set(vec![id]);
		assert_noop!(
			Content::delist(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::HasOpenObligations
		);
		Obligated::set(vec![]);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
		assert_noop!(
			Content::delist(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::ListingSuspended
		);
	});
}
