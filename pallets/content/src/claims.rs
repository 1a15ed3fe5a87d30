//! Registration claims: a content hash is claimed blind (a commitment binding it to the
//! account) and registered by that account only once the claim is [`ClaimDelay`] blocks old.
//! Whoever learns the hash from a registration waiting in the transaction pool has no claim
//! old enough to register it first.

use crate::*;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// The commitment `who` claims `content_hash` with:
	/// `blake2_256("allspark/claim" ++ content_hash ++ who's SCALE encoding)` (for a 32-byte
	/// account id, its bytes).
	pub fn claim_commitment(content_hash: &ContentHash, who: &T::AccountId) -> [u8; 32] {
		let mut preimage = b"allspark/claim".to_vec();
		preimage.extend_from_slice(content_hash);
		who.encode_to(&mut preimage);
		<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&preimage).0
	}

	/// Record `who`'s claim `commitment`, evicting its oldest claim when it has the most.
	pub(crate) fn do_claim(who: T::AccountId, commitment: [u8; 32]) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let evicted = Claims::<T>::try_mutate(&who, |claims| -> Result<_, DispatchError> {
			ensure!(!claims.iter().any(|c| c.commitment == commitment), Error::<T>::AlreadyClaimed);
			let claim = ContentClaim { commitment, claimed_at: now };
			let evicted = if claims.is_full() && !claims.is_empty() {
				Some(claims.remove(0).commitment)
			} else {
				None
			};
			claims.try_push(claim).map_err(|_| Error::<T>::TooManyClaims)?;
			Ok(evicted)
		})?;
		Self::deposit_event(Event::ContentClaimed { who, commitment, evicted });
		Ok(())
	}

	/// Register content as [`Pallet::register`] does: checks, listing, then the signer's claim
	/// used up (a failure reverts the call).
	pub(crate) fn do_register_claimed(
		who: T::AccountId,
		content_hash: ContentHash,
		metadata: alloc::vec::Vec<u8>,
		category: Category,
		terms: LicenceTerms<BlockNumberFor<T>>,
		shares: alloc::vec::Vec<Share<T::AccountId>>,
	) -> DispatchResult {
		Self::do_register(who.clone(), content_hash, metadata, category, terms, shares)?;
		Self::take_claim(&who, &content_hash)
	}

	/// Use up `who`'s claim on `content_hash`: it must exist and be [`ClaimDelay`] blocks old.
	pub(crate) fn take_claim(who: &T::AccountId, content_hash: &ContentHash) -> DispatchResult {
		let commitment = Self::claim_commitment(content_hash, who);
		let now = frame_system::Pallet::<T>::block_number();
		let delay = ClaimDelay::<T>::get();
		Claims::<T>::try_mutate_exists(who, |claims| {
			let list = claims.as_mut().ok_or(Error::<T>::NotClaimed)?;
			let (at, claim) = list
				.iter()
				.enumerate()
				.find(|(_, c)| c.commitment == commitment)
				.ok_or(Error::<T>::NotClaimed)?;
			ensure!(claim.matures_at(delay) <= now, Error::<T>::ClaimNotMatured);
			list.remove(at);
			if list.is_empty() {
				*claims = None;
			}
			Ok(())
		})
	}

	/// `who`'s claims as the runtime API reports them, oldest first.
	pub fn claims_of(who: &T::AccountId) -> alloc::vec::Vec<ClaimDetails<BlockNumberFor<T>>> {
		let delay = ClaimDelay::<T>::get();
		Claims::<T>::get(who)
			.into_iter()
			.map(|c| ClaimDetails {
				commitment: c.commitment,
				claimed_at: c.claimed_at,
				matures_at: c.matures_at(delay),
			})
			.collect()
	}
}
