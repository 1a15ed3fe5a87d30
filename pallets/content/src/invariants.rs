//! The pallet's invariants, checked after every unit test and by `try-runtime`.

use crate::{
	BalanceOf, Config, HoldReason, ListingByHash, Listings, ListingsByOwner, NextListingId, Pallet,
	PendingTransfers,
};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: every listing is indexed by its hash and its owner and no
	/// index entry points elsewhere; ids are below [`NextListingId`]; shares are whole and
	/// distinct; and each account holds, under [`HoldReason::ListingDeposit`], exactly the
	/// deposits of the listings it owns.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextListingId::<T>::get();
		let mut count: u64 = 0;
		for (id, _) in PendingTransfers::<T>::iter() {
			ensure!(Listings::<T>::contains_key(id), "a transfer offered for no listing");
		}
		for (id, l) in Listings::<T>::iter() {
			count = count.saturating_add(1);
			ensure!(id < next, "a listing's id is not below the next id");
			ensure!(ListingByHash::<T>::get(l.content_hash) == Some(id), "hash index disagrees");
			ensure!(ListingsByOwner::<T>::contains_key(&l.owner, id), "owner index disagrees");
			ensure!(!l.metadata.is_empty(), "empty metadata");
			ensure!(Self::validate_shares(&l.shares).is_ok(), "shares invalid");
		}
		ensure!(ListingByHash::<T>::iter().count() as u64 == count, "stale hash index entry");
		for (owner, id, ()) in ListingsByOwner::<T>::iter() {
			let l = Listings::<T>::get(id).ok_or("owner index names a missing listing")?;
			ensure!(l.owner == owner, "owner index names the wrong owner");
		}
		for (who, deposits) in Self::expected_holds() {
			let on_hold = T::Currency::balance_on_hold(&HoldReason::ListingDeposit.into(), &who);
			ensure!(on_hold == deposits, "held deposit differs from the listings' deposits");
		}
		Ok(())
	}

	/// What each account should hold under [`HoldReason::ListingDeposit`] by the listings'
	/// records: the deposits of the listings it owns. A harness that sees every hold (the
	/// runtime fuzzer) checks that no account holds more than this.
	pub fn expected_holds() -> BTreeMap<T::AccountId, BalanceOf<T>> {
		let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (_, l) in Listings::<T>::iter() {
			let entry = held.entry(l.owner).or_default();
			*entry = entry.saturating_add(l.deposit);
		}
		held
	}
}
