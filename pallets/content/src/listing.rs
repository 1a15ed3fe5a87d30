//! The listing lifecycle: register, update, transfer, delist, suspend, reinstate, remove; the
//! queries behind the runtime API; and the traits other pallets use.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Validate and store a new listing, holding its deposit. Returns the new listing's id.
	/// No claim is checked: the `register` call takes the signer's claim
	/// (`take_claim`); other pallets' benchmark and test setups list works directly.
	pub fn do_register(
		owner: T::AccountId,
		content_hash: ContentHash,
		metadata: Vec<u8>,
		category: Category,
		terms: LicenceTerms<BlockNumberFor<T>>,
		shares: Vec<Share<T::AccountId>>,
	) -> Result<ListingId, DispatchError> {
		let metadata = Self::bounded_metadata(metadata)?;
		let shares: BoundedVec<_, T::MaxCoCreators> =
			shares.try_into().map_err(|_| Error::<T>::TooManyCoCreators)?;
		Self::validate_shares(&shares)?;
		Self::validate_terms(&terms)?;
		ensure!(!ListingByHash::<T>::contains_key(content_hash), Error::<T>::ContentAlreadyListed);

		let id = NextListingId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::ListingIdsExhausted)?;
		let deposit = Self::deposit_for(metadata.len(), shares.len());
		Self::hold_deposit(&owner, deposit)?;

		Listings::<T>::insert(
			id,
			Listing {
				owner: owner.clone(),
				content_hash,
				metadata,
				category,
				terms,
				shares,
				status: ListingStatus::Active,
				deposit,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		ListingByHash::<T>::insert(content_hash, id);
		ListingsByOwner::<T>::insert(&owner, id, ());
		NextListingId::<T>::put(next);
		Self::deposit_event(Event::ListingRegistered {
			listing: id,
			owner,
			content_hash,
			category,
			deposit,
		});
		Ok(id)
	}

	/// Change a listing's metadata and/or terms, adjusting its deposit to the new length.
	pub(crate) fn do_update_listing(
		who: T::AccountId,
		id: ListingId,
		metadata: Option<Vec<u8>>,
		terms: Option<LicenceTerms<BlockNumberFor<T>>>,
	) -> DispatchResult {
		let mut listing = Self::ensure_owner(id, &who)?;
		ensure!(listing.status == ListingStatus::Active, Error::<T>::ListingSuspended);
		ensure!(metadata.is_some() || terms.is_some(), Error::<T>::NothingToUpdate);
		ensure!(!T::Obligations::is_bound_by_bids(id), Error::<T>::BoundByBids);
		if let Some(metadata) = metadata {
			listing.metadata = Self::bounded_metadata(metadata)?;
		}
		if let Some(terms) = terms {
			Self::validate_terms(&terms)?;
			listing.terms = terms;
		}

		let deposit = Self::deposit_for(listing.metadata.len(), listing.shares.len());
		if deposit > listing.deposit {
			Self::hold_deposit(&who, deposit.saturating_sub(listing.deposit))?;
		} else if deposit < listing.deposit {
			T::Currency::release(
				&HoldReason::ListingDeposit.into(),
				&who,
				listing.deposit.saturating_sub(deposit),
				Precision::BestEffort,
			)?;
		}
		listing.deposit = deposit;
		Listings::<T>::insert(id, listing);
		Self::deposit_event(Event::ListingUpdated { listing: id, deposit });
		Ok(())
	}

	/// `who`, the owner of `id`, offers its copyright to `to`.
	pub(crate) fn do_offer_copyright(
		id: ListingId,
		who: T::AccountId,
		to: T::AccountId,
	) -> DispatchResult {
		let listing = Self::ensure_owner(id, &who)?;
		ensure!(listing.status == ListingStatus::Active, Error::<T>::ListingSuspended);
		ensure!(who != to, Error::<T>::AlreadyOwner);
		ensure!(!T::Obligations::has_open_obligations(id), Error::<T>::HasOpenObligations);
		PendingTransfers::<T>::insert(id, &to);
		Self::deposit_event(Event::CopyrightTransferOffered { listing: id, from: who, to });
		Ok(())
	}

	/// `who` accepts the copyright of `id` offered to it.
	pub(crate) fn do_accept_copyright(id: ListingId, who: T::AccountId) -> DispatchResult {
		ensure!(
			PendingTransfers::<T>::get(id).as_ref() == Some(&who),
			Error::<T>::NoTransferOffered
		);
		let owner = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?.owner;
		ensure!(!T::Obligations::has_open_obligations(id), Error::<T>::HasOpenObligations);
		Self::do_transfer_copyright(id, &owner, &who)
	}

	/// `who`, the owner of `id` or the account it was offered to, cancels the offer.
	pub(crate) fn do_cancel_copyright_transfer(id: ListingId, who: T::AccountId) -> DispatchResult {
		let to = PendingTransfers::<T>::get(id).ok_or(Error::<T>::NoTransferOffered)?;
		let owner = Listings::<T>::get(id).map(|l| l.owner);
		ensure!(who == to || owner.as_ref() == Some(&who), Error::<T>::NoTransferOffered);
		PendingTransfers::<T>::remove(id);
		Self::deposit_event(Event::CopyrightTransferCancelled { listing: id, to });
		Ok(())
	}

	/// Move the copyright of `id` from `from` (its owner) to `to`: the deposit is held from `to`
	/// and released to `from`, `from`'s revenue share passes to `to`, and the owner index
	/// follows; an offered transfer is withdrawn. Checks ownership, status and `to`, not market
	/// obligations.
	pub(crate) fn do_transfer_copyright(
		id: ListingId,
		from: &T::AccountId,
		to: &T::AccountId,
	) -> DispatchResult {
		let mut listing = Self::ensure_owner(id, from)?;
		ensure!(listing.status == ListingStatus::Active, Error::<T>::ListingSuspended);
		ensure!(from != to, Error::<T>::AlreadyOwner);

		Self::hold_deposit(to, listing.deposit)?;
		T::Currency::release(
			&HoldReason::ListingDeposit.into(),
			from,
			listing.deposit,
			Precision::BestEffort,
		)?;
		pass_share(&mut listing.shares, from, to);
		listing.owner = to.clone();
		Listings::<T>::insert(id, listing);
		PendingTransfers::<T>::remove(id);
		ListingsByOwner::<T>::remove(from, id);
		ListingsByOwner::<T>::insert(to, id, ());
		Self::deposit_event(Event::CopyrightTransferred {
			listing: id,
			from: from.clone(),
			to: to.clone(),
		});
		Ok(())
	}

	/// Remove a listing at its owner's request and release the deposit.
	pub(crate) fn do_delist(who: T::AccountId, id: ListingId) -> DispatchResult {
		let listing = Self::ensure_owner(id, &who)?;
		ensure!(listing.status == ListingStatus::Active, Error::<T>::ListingSuspended);
		ensure!(!T::Obligations::has_open_obligations(id), Error::<T>::HasOpenObligations);
		let released = T::Currency::release(
			&HoldReason::ListingDeposit.into(),
			&who,
			listing.deposit,
			Precision::BestEffort,
		)?;
		Self::remove_listing(id, &listing);
		Self::deposit_event(Event::ListingDelisted { listing: id, owner: who, released });
		Ok(())
	}

	/// Suspend (`Suspended`) or reinstate (`Active`) a listing.
	pub(crate) fn do_set_status(id: ListingId, status: ListingStatus) -> DispatchResult {
		Listings::<T>::try_mutate(id, |maybe| -> DispatchResult {
			let listing = maybe.as_mut().ok_or(Error::<T>::ListingNotFound)?;
			match status {
				ListingStatus::Suspended => {
					ensure!(listing.status == ListingStatus::Active, Error::<T>::ListingSuspended)
				},
				ListingStatus::Active => ensure!(
					listing.status == ListingStatus::Suspended,
					Error::<T>::ListingNotSuspended
				),
			}
			listing.status = status;
			Ok(())
		})?;
		Self::deposit_event(match status {
			ListingStatus::Suspended => Event::ListingSuspended { listing: id },
			ListingStatus::Active => Event::ListingReinstated { listing: id },
		});
		Ok(())
	}

	/// Remove an infringing listing and pay its deposit to the treasury.
	pub(crate) fn do_remove_infringing(id: ListingId) -> DispatchResult {
		let listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		let slashed = T::Currency::transfer_on_hold(
			&HoldReason::ListingDeposit.into(),
			&listing.owner,
			&T::Treasury::get(),
			listing.deposit,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)?;
		Self::remove_listing(id, &listing);
		Self::deposit_event(Event::ListingRemoved { listing: id, owner: listing.owner, slashed });
		Ok(())
	}

	fn remove_listing(id: ListingId, listing: &ListingOf<T>) {
		Listings::<T>::remove(id);
		ListingByHash::<T>::remove(listing.content_hash);
		ListingsByOwner::<T>::remove(&listing.owner, id);
		PendingTransfers::<T>::remove(id);
	}

	fn bounded_metadata(
		metadata: Vec<u8>,
	) -> Result<BoundedVec<u8, T::MaxMetadataLen>, DispatchError> {
		ensure!(!metadata.is_empty(), Error::<T>::EmptyMetadata);
		Ok(metadata.try_into().map_err(|_| Error::<T>::MetadataTooLong)?)
	}

	fn validate_terms(terms: &LicenceTerms<BlockNumberFor<T>>) -> DispatchResult {
		ensure!(terms.licence_duration != Some(Zero::zero()), Error::<T>::ZeroLicenceDuration);
		Ok(())
	}

	// ----- Queries (runtime API) -----

	/// A listing, as the runtime API reports it.
	pub fn listing(id: ListingId) -> Option<ListingDetailsOf<T>> {
		Listings::<T>::get(id).map(|l| l.into_details(id))
	}

	/// The listing of a content hash.
	pub fn listing_by_hash(hash: ContentHash) -> Option<ListingDetailsOf<T>> {
		ListingByHash::<T>::get(hash).and_then(Self::listing)
	}

	/// Where a listing stands, including listings that are gone and ids never issued.
	pub fn listing_state(id: ListingId) -> ListingState {
		match Listings::<T>::get(id) {
			Some(l) => l.status.into(),
			None if id < NextListingId::<T>::get() => ListingState::Delisted,
			None => ListingState::Unknown,
		}
	}

	/// One page of `owner`'s listings, at most `limit` (capped at [`Config::MaxPageSize`]), in
	/// storage order, starting after the listing `start_after` (the last id of the previous
	/// page; `None` for the first page). A short page is the last.
	pub fn listings_of(
		owner: T::AccountId,
		start_after: Option<ListingId>,
		limit: u32,
	) -> Vec<ListingDetailsOf<T>> {
		let limit = limit.min(T::MaxPageSize::get()) as usize;
		let ids = match start_after {
			Some(after) => ListingsByOwner::<T>::iter_key_prefix_from(
				&owner,
				ListingsByOwner::<T>::hashed_key_for(&owner, after),
			),
			None => ListingsByOwner::<T>::iter_key_prefix(&owner),
		};
		ids.take(limit).filter_map(Self::listing).collect()
	}
}

/// Pass `from`'s revenue share to `to`: replaced in place, or added to `to`'s own share when `to`
/// is already a co-creator. Nothing changes when `from` has no share. The sum stays the same.
pub(crate) fn pass_share<AccountId: PartialEq + Clone, S: Get<u32>>(
	shares: &mut BoundedVec<Share<AccountId>, S>,
	from: &AccountId,
	to: &AccountId,
) {
	let Some(from_at) = shares.iter().position(|(who, _)| who == from) else { return };
	match shares.iter().position(|(who, _)| who == to) {
		Some(to_at) => {
			let part = shares.get(from_at).map(|(_, p)| *p).unwrap_or_default();
			if let Some((_, to_part)) = shares.get_mut(to_at) {
				*to_part = to_part.saturating_add(part);
			}
			shares.remove(from_at);
		},
		None => {
			if let Some((who, _)) = shares.get_mut(from_at) {
				*who = to.clone();
			}
		},
	}
}

impl<T: Config> ContentInspect<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn owner(listing: ListingId) -> Option<T::AccountId> {
		Listings::<T>::get(listing).map(|l| l.owner)
	}

	fn status(listing: ListingId) -> Option<ListingStatus> {
		Listings::<T>::get(listing).map(|l| l.status)
	}

	fn category(listing: ListingId) -> Option<Category> {
		Listings::<T>::get(listing).map(|l| l.category)
	}

	fn terms(listing: ListingId) -> Option<LicenceTerms<BlockNumberFor<T>>> {
		Listings::<T>::get(listing).map(|l| l.terms)
	}

	fn revenue_shares(listing: ListingId) -> Vec<Share<T::AccountId>> {
		match Listings::<T>::get(listing) {
			None => Vec::new(),
			Some(l) if l.shares.is_empty() => alloc::vec![(l.owner, sp_runtime::Permill::one())],
			Some(l) => l.shares.into_inner(),
		}
	}
}

impl<T: Config> ContentTransfer<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn transfer_copyright(
		listing: ListingId,
		from: &T::AccountId,
		to: &T::AccountId,
	) -> DispatchResult {
		Self::do_transfer_copyright(listing, from, to)
	}

	fn transfer_copyright_weight() -> Weight {
		// The call's benchmark: the same transfer, plus the owner and obligation checks.
		T::WeightInfo::transfer_copyright()
	}

	fn deposit(listing: ListingId) -> BalanceOf<T> {
		Listings::<T>::get(listing).map_or_else(Zero::zero, |l| l.deposit)
	}
}
