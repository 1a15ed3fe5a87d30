//! Registration claims: a content hash is registered only by an account holding a claim on it
//! at least `ClaimDelay` blocks old, so a registration seen in the transaction pool cannot be
//! copied and included first.

use super::*;

/// `who` registers `hash(n)` without claiming it first.
fn register_unclaimed(who: AccountId, n: u8) -> sp_runtime::DispatchResult {
	Content::register(
		RuntimeOrigin::signed(who),
		hash(n),
		b"c".to_vec(),
		Category::Text,
		terms(),
		vec![],
	)
}

#[test]
fn registering_needs_the_signer_s_own_claim() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(register_unclaimed(ALICE, 1), Error::<Test>::NotClaimed);
		// BOB claims ALICE's commitment: it binds ALICE's account, not his.
		let alice_s = Content::claim_commitment(&hash(1), &ALICE);
		assert_ok!(Content::claim(RuntimeOrigin::signed(BOB), alice_s));
		assert_noop!(register_unclaimed(BOB, 1), Error::<Test>::NotClaimed);
		// A claim on another work does not do either.
		claim(ALICE, 2);
		assert_noop!(register_unclaimed(ALICE, 1), Error::<Test>::NotClaimed);
		claim(ALICE, 1);
		assert_ok!(register_unclaimed(ALICE, 1));
		// The claim is used up; the other one stays.
		let left: Vec<_> = Claims::<Test>::get(ALICE).iter().map(|c| c.commitment).collect();
		assert_eq!(left, vec![Content::claim_commitment(&hash(2), &ALICE)]);
	});
}

#[test]
fn a_claim_matures_after_the_claim_delay() {
	ExtBuilder::default().build_and_execute(|| {
		ClaimDelay::<Test>::put(3);
		claim(ALICE, 1);
		let c = Content::claim_commitment(&hash(1), &ALICE);
		assert_eq!(
			Content::claims_of(&ALICE),
			vec![crate::ClaimDetails { commitment: c, claimed_at: 1, matures_at: 4 }]
		);
		// An attacker who saw the hash claims it at once: both wait, the first claim wins.
		claim(BOB, 1);
		run_to_block(3);
		assert_noop!(register_unclaimed(ALICE, 1), Error::<Test>::ClaimNotMatured);
		run_to_block(4);
		assert_ok!(register_unclaimed(ALICE, 1));
		assert_noop!(register_unclaimed(BOB, 1), Error::<Test>::ContentAlreadyListed);
		assert!(content_events().iter().any(|e| matches!(
			e,
			Event::ContentClaimed { who: ALICE, commitment, evicted: None } if *commitment == c
		)));
	});
}

#[test]
fn an_account_keeps_its_newest_claims() {
	ExtBuilder::default().build_and_execute(|| {
		for n in 1..=MAX_CLAIMS as u8 {
			claim(ALICE, n);
		}
		assert_noop!(
			Content::claim(
				RuntimeOrigin::signed(ALICE),
				Content::claim_commitment(&hash(2), &ALICE)
			),
			Error::<Test>::AlreadyClaimed
		);
		claim(ALICE, 100);
		let oldest = Content::claim_commitment(&hash(1), &ALICE);
		assert!(content_events().iter().any(|e| matches!(
			e,
			Event::ContentClaimed { evicted: Some(o), .. } if *o == oldest
		)));
		assert_eq!(Claims::<Test>::get(ALICE).len() as u32, MAX_CLAIMS);
		assert_noop!(register_unclaimed(ALICE, 1), Error::<Test>::NotClaimed);
		assert_ok!(register_unclaimed(ALICE, 100));
		assert_noop!(Content::claim(RuntimeOrigin::root(), [0; 32]), DispatchError::BadOrigin);
	});
}

#[test]
fn the_commitment_is_the_documented_hash() {
	ExtBuilder::default().build_and_execute(|| {
		let mut preimage = b"allspark/claim".to_vec();
		preimage.extend_from_slice(&hash(7));
		preimage.extend_from_slice(&codec::Encode::encode(&ALICE));
		assert_eq!(
			Content::claim_commitment(&hash(7), &ALICE),
			sp_io::hashing::blake2_256(&preimage)
		);
	});
}
