//! Attack 9: front-running a registration. `register` named the content hash, and the first
//! registration of a hash won, so anyone watching the transaction pool could copy a creator's
//! registration with a higher tip (or as a block author, put its own first) and own the
//! creator's work on chain. Now a registration needs the registrant's own claim on the hash, a
//! blind commitment binding the hash to the account, at least `ClaimDelay` blocks old (ten on
//! the production network): whoever learns the hash from the pool has no such claim.

use super::*;
use pallet_allspark_content::{ClaimDelay, Error};

/// `who` claims content `n` through the call.
fn claim(who: &AccountId, n: u8) {
	let commitment = crate::Content::claim_commitment(&[n; 32], who);
	signed(who, pallet_allspark_content::Call::claim { commitment }).expect("claimed");
}

#[test]
fn a_registration_seen_in_the_pool_cannot_be_taken_first() {
	production().execute_with(|| {
		let delay = ClaimDelay::<Runtime>::get();
		assert_eq!(delay, crate::genesis_config_presets::PRODUCTION_CLAIM_DELAY);
		let creator = actor("creator", 0);
		let copiers: Vec<AccountId> = (0..3).map(|i| actor("copier", i)).collect();
		fund(&creator, 100 * A);
		for c in &copiers {
			fund(c, 100 * A);
		}
		let before = wealth(&copiers);
		// The creator claims its work blind, and registers once the claim is old enough.
		claim(&creator, 1);
		let claimed_at = System::block_number();
		System::set_block_number(claimed_at + delay);
		// Its registration is in the pool: the copiers see the hash. Registering at once, with
		// the creator's commitment copied, or with a claim of their own made now, all fail.
		assert_eq!(
			signed(&copiers[0], register_call(1)).map_err(|e| e.error),
			Err(Error::<Runtime>::NotClaimed.into())
		);
		let creator_s = crate::Content::claim_commitment(&[1; 32], &creator);
		signed(&copiers[1], pallet_allspark_content::Call::claim { commitment: creator_s })
			.expect("anyone may store any commitment");
		assert_eq!(
			signed(&copiers[1], register_call(1)).map_err(|e| e.error),
			Err(Error::<Runtime>::NotClaimed.into())
		);
		claim(&copiers[2], 1);
		assert_eq!(
			signed(&copiers[2], register_call(1)).map_err(|e| e.error),
			Err(Error::<Runtime>::ClaimNotMatured.into())
		);
		// The creator's registration goes through; the copiers' matured claims come too late.
		let listing = pallet_allspark_content::NextListingId::<Runtime>::get();
		signed(&creator, register_call(1)).expect("the creator registers its work");
		System::set_block_number(claimed_at + 2 * delay);
		assert_eq!(
			signed(&copiers[2], register_call(1)).map_err(|e| e.error),
			Err(Error::<Runtime>::ContentAlreadyListed.into())
		);
		assert_eq!(
			<crate::Content as allspark_primitives::ContentInspect<_, _>>::owner(listing),
			Some(creator.clone())
		);
		// The copiers gained nothing (and paid their fees, left out here).
		assert_eq!(wealth(&copiers), before);
	});
}

#[test]
fn a_claim_is_of_no_use_to_anyone_else_and_reveals_nothing() {
	production().execute_with(|| {
		let creator = actor("creator", 0);
		fund(&creator, 100 * A);
		claim(&creator, 1);
		// The claim event carries only the commitment: no hash to copy.
		let commitment = crate::Content::claim_commitment(&[1; 32], &creator);
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			crate::RuntimeEvent::Content(pallet_allspark_content::Event::ContentClaimed {
				commitment: c, ..
			}) if *c == commitment
		)));
		assert_ne!(commitment, [1; 32]);
		// Nor can the creator register before its claim matures, or twice on one claim.
		assert_eq!(
			signed(&creator, register_call(1)).map_err(|e| e.error),
			Err(Error::<Runtime>::ClaimNotMatured.into())
		);
		System::set_block_number(System::block_number() + ClaimDelay::<Runtime>::get());
		signed(&creator, register_call(1)).expect("registered");
		assert!(pallet_allspark_content::Claims::<Runtime>::get(&creator).is_empty());
	});
}
