//! Updating a listing's metadata and terms: the deposit follows the metadata.

use super::*;

#[test]
fn longer_metadata_holds_more_and_shorter_releases() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		assert_ok!(Content::update_listing(
			RuntimeOrigin::signed(ALICE),
			id,
			Some(vec![1; 30]),
			None
		));
		assert_eq!(held(ALICE), deposit(30, 0));
		assert_eq!(Listings::<Test>::get(id).unwrap().metadata.to_vec(), vec![1; 30]);
		assert_eq!(
			content_events().last(),
			Some(&Event::ListingUpdated { listing: id, deposit: 160 })
		);
		assert_ok!(Content::update_listing(
			RuntimeOrigin::signed(ALICE),
			id,
			Some(vec![2; 5]),
			None
		));
		assert_eq!(held(ALICE), deposit(5, 0));
		assert_eq!(Balances::balance(&ALICE), 1_000_000 - deposit(5, 0));
	});
}

#[test]
fn terms_change_without_touching_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		let new = LicenceTerms { republication: true, licence_duration: None, ..terms() };
		assert_ok!(Content::update_listing(RuntimeOrigin::signed(ALICE), id, None, Some(new)));
		assert_eq!(Listings::<Test>::get(id).unwrap().terms, new);
		assert_eq!(held(ALICE), 120);
		assert_eq!(
			content_events().last(),
			Some(&Event::ListingUpdated { listing: id, deposit: 120 })
		);
	});
}

#[test]
fn errors_change_nothing() {
	ExtBuilder::default().balance(POOR, 120 + ED + 5).build_and_execute(|| {
		let id = register(ALICE, 1);
		let upd = |who, id, m: Option<Vec<u8>>, t| {
			Content::update_listing(RuntimeOrigin::signed(who), id, m, t)
		};
		assert_noop!(upd(BOB, id, Some(b"x".to_vec()), None), Error::<Test>::NotOwner);
		assert_noop!(upd(ALICE, 9, Some(b"x".to_vec()), None), Error::<Test>::ListingNotFound);
		assert_noop!(upd(ALICE, id, None, None), Error::<Test>::NothingToUpdate);
		assert_noop!(upd(ALICE, id, Some(vec![]), None), Error::<Test>::EmptyMetadata);
		assert_noop!(upd(ALICE, id, Some(vec![1; 65]), None), Error::<Test>::MetadataTooLong);
		let zero = LicenceTerms { licence_duration: Some(0), ..terms() };
		assert_noop!(upd(ALICE, id, None, Some(zero)), Error::<Test>::ZeroLicenceDuration);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
		assert_noop!(upd(ALICE, id, Some(b"x".to_vec()), None), Error::<Test>::ListingSuspended);

		// POOR can afford 2.5 more bytes, not 3.
		let p = register(POOR, 2);
		assert_ok!(upd(POOR, p, Some(vec![1; 12]), None));
		assert_noop!(upd(POOR, p, Some(vec![1; 13]), None), Error::<Test>::InsufficientBalance);
	});
}
