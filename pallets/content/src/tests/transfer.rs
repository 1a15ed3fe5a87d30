//! Copyright transfers: offered and accepted; deposit, index and revenue shares follow the
//! copyright.

use super::*;

#[test]
fn the_deposit_and_the_index_follow_the_copyright() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		assert_ok!(give(ALICE, id, BOB));
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
		assert_ok!(give(ALICE, 0, BOB));
		assert_eq!(Content::revenue_shares(0), vec![(CHARLIE, pct(40)), (BOB, pct(60))]);
		// To a co-creator: the shares merge.
		assert_ok!(give(BOB, 0, CHARLIE));
		assert_eq!(Content::revenue_shares(0), vec![(CHARLIE, Permill::one())]);
		// An owner without a share passes none.
		assert_ok!(register_with(ALICE, 2, b"c".to_vec(), vec![(CHARLIE, pct(100))]));
		assert_ok!(give(ALICE, 1, BOB));
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
		// The offer takes nothing from POOR; its acceptance cannot hold the deposit.
		assert_ok!(tr(ALICE, id, POOR));
		assert_noop!(
			Content::accept_copyright(RuntimeOrigin::signed(POOR), id),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Content::accept_copyright(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NoTransferOffered
		);
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

#[test]
fn nothing_moves_until_the_recipient_accepts() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		let bob_before = Balances::balance(&BOB);
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), id, BOB));
		assert_eq!(
			content_events().last(),
			Some(&Event::CopyrightTransferOffered { listing: id, from: ALICE, to: BOB })
		);
		// An offer holds nothing of the recipient's and changes no owner.
		assert_eq!(Content::owner(id), Some(ALICE));
		assert_eq!((held(BOB), Balances::balance(&BOB)), (0, bob_before));
		assert_eq!(PendingTransfers::<Test>::get(id), Some(BOB));
		// Declined by the recipient: gone.
		assert_ok!(Content::cancel_copyright_transfer(RuntimeOrigin::signed(BOB), id));
		assert_eq!(
			content_events().last(),
			Some(&Event::CopyrightTransferCancelled { listing: id, to: BOB })
		);
		assert_noop!(
			Content::accept_copyright(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NoTransferOffered
		);
		// A stranger cannot cancel; the owner can withdraw; a new offer replaces the old.
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), id, BOB));
		assert_noop!(
			Content::cancel_copyright_transfer(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NoTransferOffered
		);
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), id, CHARLIE));
		assert_noop!(
			Content::accept_copyright(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NoTransferOffered
		);
		assert_ok!(Content::accept_copyright(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(Content::owner(id), Some(CHARLIE));
		assert_eq!(PendingTransfers::<Test>::get(id), None);
	});
}

#[test]
fn an_offer_dies_with_a_change_of_owner_or_the_listing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), id, BOB));
		// The market sells the copyright to Charlie: Bob's offer is void.
		assert_ok!(<Content as ContentTransfer<_>>::transfer_copyright(id, &ALICE, &CHARLIE));
		assert_eq!(PendingTransfers::<Test>::get(id), None);
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(CHARLIE), id, BOB));
		assert_ok!(Content::delist(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(PendingTransfers::<Test>::get(id), None);
	});
}

#[test]
fn a_recipient_s_frozen_funds_never_pay_the_deposit() {
	use frame_support::traits::{LockableCurrency, WithdrawReasons};
	ExtBuilder::default().build_and_execute(|| {
		let id = register(ALICE, 1);
		let free = Balances::free_balance(BOB);
		<Balances as LockableCurrency<_>>::set_lock(
			*b"vesting ",
			&BOB,
			free,
			WithdrawReasons::all(),
		);
		assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), id, BOB));
		assert_noop!(
			Content::accept_copyright(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::FundsFrozen
		);
	});
}
