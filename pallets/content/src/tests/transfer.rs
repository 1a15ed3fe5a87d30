//! Copyright transfers: deposit, index and revenue shares follow the copyright.

use super::*;

#[test]
fn the_deposit_and_the_index_follow_the_copyright() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), id, BOB));
		assert_eq!(Content::owner(id), Some(BOB));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 1_000_000);
		assert_eq!(held(BOB), 120);
		assert!(!ListingsByOwner::<Test>::contains_key(ALICE, id));
		assert!(ListingsByOwner::<Test>::contains_key(BOB, id));
		assert_eq!(
			content_events().last(),
			Some(&Event::CopyrightTransferred { listing: id, from: ALICE, to: BOB })
		);
		// Revenue now goes to the new owner.
		assert_eq!(Content::revenue_shares(id), vec![(BOB, Permill::one())]);
	});
}

#[test]
fn the_former_owners_share_passes_and_co_creators_keep_theirs() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register_with(
			ALICE,
			1,
			b"c".to_vec(),
			vec![(CHARLIE, pct(40)), (ALICE, pct(60))]
		));
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), 0, BOB));
		assert_eq!(Content::revenue_shares(0), vec![(CHARLIE, pct(40)), (BOB, pct(60))]);
		// To a co-creator: the shares merge.
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(BOB), 0, CHARLIE));
		assert_eq!(Content::revenue_shares(0), vec![(CHARLIE, Permill::one())]);
		// An owner without a share passes none.
		assert_ok!(register_with(ALICE, 2, b"c".to_vec(), vec![(CHARLIE, pct(100))]));
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), 1, BOB));
		assert_eq!(Content::revenue_shares(1), vec![(CHARLIE, pct(100))]);
	});
}

#[test]
fn errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		let tr = |who, id, to| Content::transfer_copyright(RuntimeOrigin::signed(who), id, to);
		assert_noop!(tr(BOB, id, BOB), Error::<Test>::NotOwner);
		assert_noop!(tr(ALICE, 5, BOB), Error::<Test>::ListingNotFound);
		assert_noop!(tr(ALICE, id, ALICE), Error::<Test>::AlreadyOwner);
		assert_noop!(tr(ALICE, id, POOR), Error::<Test>::InsufficientBalance);
		Obligated::set(vec![id]);
		assert_noop!(tr(ALICE, id, BOB), Error::<Test>::HasOpenObligations);
		Obligated::set(vec![]);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
		assert_noop!(tr(ALICE, id, BOB), Error::<Test>::ListingSuspended);
	});
}

#[test]
fn the_market_transfers_despite_its_own_obligations() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		Obligated::set(vec![id]);
		assert_ok!(<Content as ContentTransfer<_>>::transfer_copyright(id, &ALICE, &BOB));
		assert_eq!(Content::owner(id), Some(BOB));
		// But still only from the owner, and not of a suspended listing.
		assert_noop!(
			<Content as ContentTransfer<_>>::transfer_copyright(id, &ALICE, &CHARLIE),
			Error::<Test>::NotOwner
		);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
		assert_noop!(
			<Content as ContentTransfer<_>>::transfer_copyright(id, &BOB, &CHARLIE),
			Error::<Test>::ListingSuspended
		);
	});
}

#[test]
fn pass_share_keeps_the_sum() {
	let mut s: BoundedVec<(u64, Permill), frame_support::traits::ConstU32<4>> =
		vec![(1, pct(10)), (2, pct(20)), (3, pct(70))].try_into().unwrap();
	pass_share(&mut s, &2, &3);
	assert_eq!(s.to_vec(), vec![(1, pct(10)), (3, pct(90))]);
	pass_share(&mut s, &9, &1);
	assert_eq!(s.to_vec(), vec![(1, pct(10)), (3, pct(90))]);
	pass_share(&mut s, &1, &5);
	assert_eq!(s.to_vec(), vec![(5, pct(10)), (3, pct(90))]);
}
