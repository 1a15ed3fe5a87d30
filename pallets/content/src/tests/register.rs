//! Registering a listing: storage, indices, deposits, shares and refused input.

use super::*;

#[test]
fn stores_indexes_and_holds_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		let id = register(ALICE, 1);
		assert_eq!(id, 0);
		let l = Listings::<Test>::get(0).unwrap();
		assert_eq!(l.owner, ALICE);
		assert_eq!(l.content_hash, hash(1));
		assert_eq!(l.metadata.to_vec(), b"ipfs://abc".to_vec());
		assert_eq!(l.category, Category::Text);
		assert_eq!(l.terms, terms());
		assert!(l.shares.is_empty());
		assert_eq!(l.status, ListingStatus::Active);
		assert_eq!(l.registered_at, 5);
		assert_eq!(l.deposit, deposit(10, 0));
		assert_eq!(l.deposit, 120);
		assert_eq!(held(ALICE), 120);
		assert_eq!(Balances::balance(&ALICE), 1_000_000 - 120);
		assert_eq!(ListingByHash::<Test>::get(hash(1)), Some(0));
		assert!(ListingsByOwner::<Test>::contains_key(ALICE, 0));
		assert_eq!(NextListingId::<Test>::get(), 1);
		assert_eq!(
			content_events().last().cloned(),
			Some(Event::ListingRegistered {
				listing: 0,
				owner: ALICE,
				content_hash: hash(1),
				category: Category::Text,
				deposit: 120,
			})
		);
		// The claim was used up.
		assert!(Claims::<Test>::get(ALICE).is_empty());
		// Ids are issued in sequence.
		assert_eq!(register(ALICE, 2), 1);
		assert_eq!(register(BOB, 3), 2);
		assert_eq!(held(ALICE), 240);
	});
}

#[test]
fn co_creators_pay_for_their_bytes_and_share_revenue() {
	ExtBuilder::default().build_and_execute(|| {
		let shares = vec![(ALICE, pct(50)), (BOB, pct(30)), (CHARLIE, pct(20))];
		assert_ok!(register_with(ALICE, 1, b"cid".to_vec(), shares.clone()));
		assert_eq!(held(ALICE), deposit(3, 3));
		assert_eq!(held(ALICE), 100 + 2 * (3 + 36));
		assert_eq!(Content::revenue_shares(0), shares);
		// Without co-creators the owner takes everything.
		register(BOB, 2);
		assert_eq!(Content::revenue_shares(1), vec![(BOB, Permill::one())]);
		assert_eq!(Content::revenue_shares(7), vec![]);
	});
}

#[test]
fn metadata_at_the_limit_is_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let four = vec![(ALICE, pct(25)), (BOB, pct(25)), (CHARLIE, pct(25)), (POOR, pct(25))];
		assert_ok!(register_with(ALICE, 1, vec![7; MAX_METADATA as usize], four));
		assert_eq!(held(ALICE), deposit(MAX_METADATA as usize, 4));
	});
}

#[test]
fn bad_metadata_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(register_with(ALICE, 1, vec![], vec![]), Error::<Test>::EmptyMetadata);
		assert_noop!(
			register_with(ALICE, 1, vec![7; MAX_METADATA as usize + 1], vec![]),
			Error::<Test>::MetadataTooLong
		);
	});
}

#[test]
fn bad_shares_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let m = || b"cid".to_vec();
		assert_noop!(
			register_with(ALICE, 1, m(), vec![(ALICE, pct(60)), (BOB, pct(30))]),
			Error::<Test>::SharesNotWhole
		);
		assert_noop!(
			register_with(ALICE, 1, m(), vec![(ALICE, pct(60)), (BOB, pct(50))]),
			Error::<Test>::SharesNotWhole
		);
		assert_noop!(
			register_with(ALICE, 1, m(), vec![(ALICE, pct(50)), (ALICE, pct(50))]),
			Error::<Test>::DuplicateCoCreator
		);
		assert_noop!(
			register_with(ALICE, 1, m(), vec![(ALICE, pct(100)), (BOB, pct(0))]),
			Error::<Test>::ZeroShare
		);
		let five = (1..=5).map(|a| (a, pct(20))).collect();
		assert_noop!(register_with(ALICE, 1, m(), five), Error::<Test>::TooManyCoCreators);
		// A single co-creator with everything is fine.
		assert_ok!(register_with(ALICE, 1, m(), vec![(BOB, pct(100))]));
	});
}

#[test]
fn a_zero_licence_duration_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let zero = LicenceTerms { licence_duration: Some(0), ..terms() };
		assert_noop!(
			Content::register(
				RuntimeOrigin::signed(ALICE),
				hash(1),
				b"c".to_vec(),
				Category::Text,
				zero,
				vec![]
			),
			Error::<Test>::ZeroLicenceDuration
		);
		let perpetual = LicenceTerms { licence_duration: None, ..terms() };
		claim(ALICE, 1);
		assert_ok!(Content::register(
			RuntimeOrigin::signed(ALICE),
			hash(1),
			b"c".to_vec(),
			Category::Text,
			perpetual,
			vec![]
		));
	});
}

#[test]
fn the_same_work_cannot_be_listed_twice() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, 1);
		assert_noop!(
			register_with(BOB, 1, b"other".to_vec(), vec![]),
			Error::<Test>::ContentAlreadyListed
		);
		assert_noop!(
			register_with(ALICE, 1, b"again".to_vec(), vec![]),
			Error::<Test>::ContentAlreadyListed
		);
	});
}

#[test]
fn an_owner_who_cannot_hold_the_deposit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// POOR has 60, the deposit is 120.
		assert_noop!(
			register_with(POOR, 1, b"ipfs://abc".to_vec(), vec![]),
			Error::<Test>::InsufficientBalance
		);
	});
	// Exactly the deposit plus the existential deposit is enough; one less is not.
	ExtBuilder::default().balance(POOR, 120 + ED - 1).build_and_execute(|| {
		assert_noop!(
			register_with(POOR, 1, b"ipfs://abc".to_vec(), vec![]),
			Error::<Test>::InsufficientBalance
		);
	});
	ExtBuilder::default().balance(POOR, 120 + ED).build_and_execute(|| {
		assert_ok!(register_with(POOR, 1, b"ipfs://abc".to_vec(), vec![]));
		assert_eq!(Balances::balance(&POOR), ED);
	});
}

#[test]
fn unsigned_origins_and_exhausted_ids_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Content::register(
				RuntimeOrigin::root(),
				hash(1),
				b"c".to_vec(),
				Category::Text,
				terms(),
				vec![]
			),
			DispatchError::BadOrigin
		);
		NextListingId::<Test>::put(u64::MAX);
		assert_noop!(
			register_with(ALICE, 1, b"c".to_vec(), vec![]),
			Error::<Test>::ListingIdsExhausted
		);
	});
}

#[test]
fn a_deposit_is_never_held_out_of_frozen_funds() {
	use frame_support::traits::{LockableCurrency, WithdrawReasons};
	ExtBuilder::default().build_and_execute(|| {
		// Alice's balance is all locked but the existential deposit and 100 (a vesting schedule).
		let free = Balances::free_balance(ALICE);
		<Balances as LockableCurrency<_>>::set_lock(
			*b"vesting ",
			&ALICE,
			free - ED - 100,
			WithdrawReasons::all(),
		);
		assert_noop!(
			register_with(ALICE, 1, b"ipfs://abc".to_vec(), vec![]),
			Error::<Test>::FundsFrozen
		);
	});
}
