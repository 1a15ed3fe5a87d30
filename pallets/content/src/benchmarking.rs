//! Benchmarks of the content pallet at worst-case sizes: the longest metadata, the most
//! co-creators, and the paths that touch the most storage (hold and release, both indices).

use super::*;
use crate::pallet::{ClaimDelay, Claims, Listings, ListingsByOwner};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, InspectHold, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{traits::Saturating, Permill};

/// An account funded with enough for many of the largest deposits.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let ed = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
	let big = Pallet::<T>::deposit_for(
		T::MaxMetadataLen::get() as usize,
		T::MaxCoCreators::get() as usize,
	)
	.saturating_mul(100u32.into())
	.saturating_add(ed.saturating_mul(100u32.into()));
	T::Currency::set_balance(&who, big);
	who
}

/// `c` revenue shares summing to 100 %, the first `c - 1` to fresh accounts and the last to
/// `last` (when given).
fn shares<T: Config>(c: u32, last: Option<&T::AccountId>) -> Vec<Share<T::AccountId>> {
	if c == 0 {
		return vec![];
	}
	let part = 1_000_000 / c;
	let first = 1_000_000 - part * (c - 1);
	(0..c)
		.map(|i| {
			let who = match (i + 1 == c, last) {
				(true, Some(l)) => l.clone(),
				_ => account("co-creator", i, 0),
			};
			(who, Permill::from_parts(if i == 0 { first } else { part }))
		})
		.collect()
}

fn terms<T: Config>() -> LicenceTerms<frame_system::pallet_prelude::BlockNumberFor<T>> {
	LicenceTerms {
		personal: true,
		commercial: true,
		republication: true,
		licence_duration: Some(1_000u32.into()),
		distributor_commission: Permill::from_percent(5),
	}
}

/// A listing by `owner` with the longest metadata and `shares`.
fn listing<T: Config>(owner: &T::AccountId, shares: Vec<Share<T::AccountId>>) -> ListingId {
	Pallet::<T>::do_register(
		owner.clone(),
		[7u8; 32],
		vec![b'm'; T::MaxMetadataLen::get() as usize],
		Category::Audio,
		terms::<T>(),
		shares,
	)
	.expect("the benchmark listing registers")
}

/// Give `who` the most claims, matured (no claim delay), `last` the newest when given.
fn full_claims<T: Config>(who: &T::AccountId, last: Option<[u8; 32]>) {
	ClaimDelay::<T>::put(frame_system::pallet_prelude::BlockNumberFor::<T>::default());
	let now = frame_system::Pallet::<T>::block_number();
	let max = T::MaxClaims::get();
	let claims: Vec<_> = (0..max)
		.map(|i| {
			let mut commitment = [0u8; 32];
			commitment[..4].copy_from_slice(&i.to_le_bytes());
			match last {
				Some(last) if i + 1 == max => ContentClaim { commitment: last, claimed_at: now },
				_ => ContentClaim { commitment, claimed_at: now },
			}
		})
		.collect();
	Claims::<T>::insert(who, BoundedVec::truncate_from(claims));
}

fn held<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
	T::Currency::balance_on_hold(&HoldReason::ListingDeposit.into(), who)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register(
		m: Linear<1, { T::MaxMetadataLen::get() }>,
		c: Linear<0, { T::MaxCoCreators::get() }>,
	) {
		let owner = funded::<T>("owner", 0);
		let shares = shares::<T>(c, Some(&owner));
		// The owner's claim on the content is the last of the most it can hold.
		full_claims::<T>(&owner, Some(Pallet::<T>::claim_commitment(&[1u8; 32], &owner)));
		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			[1u8; 32],
			vec![b'm'; m as usize],
			Category::Audio,
			terms::<T>(),
			shares,
		);
		assert!(ListingsByOwner::<T>::contains_key(&owner, 0));
		assert_eq!(held::<T>(&owner), Pallet::<T>::deposit_for(m as usize, c as usize));
		assert_eq!(Claims::<T>::get(&owner).len() as u32, T::MaxClaims::get() - 1);
	}

	/// A claim by an account holding the most claims: its oldest is evicted.
	#[benchmark]
	fn claim() {
		let who = funded::<T>("claimant", 0);
		full_claims::<T>(&who, None);
		let oldest = Claims::<T>::get(&who).first().map(|c| c.commitment);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), [0xffu8; 32]);
		let claims = Claims::<T>::get(&who);
		assert_eq!(claims.last().map(|c| c.commitment), Some([0xffu8; 32]));
		assert!(oldest.is_some_and(|o| claims.iter().all(|c| c.commitment != o)));
	}

	#[benchmark]
	fn update_listing(m: Linear<1, { T::MaxMetadataLen::get() }>) {
		let owner = funded::<T>("owner", 0);
		let id = Pallet::<T>::do_register(
			owner.clone(),
			[7u8; 32],
			vec![b'm'; 1],
			Category::Audio,
			terms::<T>(),
			shares::<T>(T::MaxCoCreators::get(), Some(&owner)),
		)
		.expect("registers");
		let mut new_terms = terms::<T>();
		new_terms.licence_duration = None;
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), id, Some(vec![b'n'; m as usize]), Some(new_terms));
		assert_eq!(Listings::<T>::get(id).map(|l| l.metadata.len()), Some(m as usize));
	}

	#[benchmark]
	fn transfer_copyright() {
		// Both the owner and the new owner are co-creators: their shares merge.
		let owner = funded::<T>("owner", 0);
		let to = funded::<T>("to", 0);
		let mut s = shares::<T>(T::MaxCoCreators::get(), Some(&owner));
		if let Some(first) = s.first_mut() {
			first.0 = to.clone();
		}
		let id = listing::<T>(&owner, s);
		Pallet::<T>::transfer_copyright(RawOrigin::Signed(owner.clone()).into(), id, to.clone())
			.expect("offered");
		// The acceptance does the work: the offer and its cancellation are charged as much.
		#[extrinsic_call]
		accept_copyright(RawOrigin::Signed(to.clone()), id);
		assert!(ListingsByOwner::<T>::contains_key(&to, id));
		assert!(held::<T>(&owner) == 0u32.into());
	}

	#[benchmark]
	fn delist() {
		let owner = funded::<T>("owner", 0);
		let id = listing::<T>(&owner, shares::<T>(T::MaxCoCreators::get(), Some(&owner)));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), id);
		assert!(Listings::<T>::get(id).is_none());
		assert!(held::<T>(&owner) == 0u32.into());
	}

	#[benchmark]
	fn suspend() {
		let owner = funded::<T>("owner", 0);
		let id = listing::<T>(&owner, shares::<T>(T::MaxCoCreators::get(), Some(&owner)));
		#[extrinsic_call]
		_(RawOrigin::Root, id);
		assert_eq!(Listings::<T>::get(id).map(|l| l.status), Some(ListingStatus::Suspended));
	}

	#[benchmark]
	fn reinstate() {
		let owner = funded::<T>("owner", 0);
		let id = listing::<T>(&owner, shares::<T>(T::MaxCoCreators::get(), Some(&owner)));
		Pallet::<T>::do_set_status(id, ListingStatus::Suspended).expect("suspends");
		#[extrinsic_call]
		_(RawOrigin::Root, id);
		assert_eq!(Listings::<T>::get(id).map(|l| l.status), Some(ListingStatus::Active));
	}

	#[benchmark]
	fn remove_infringing() {
		let owner = funded::<T>("owner", 0);
		let id = listing::<T>(&owner, shares::<T>(T::MaxCoCreators::get(), Some(&owner)));
		let treasury = T::Treasury::get();
		let before = <T::Currency as Inspect<T::AccountId>>::balance(&treasury);
		#[extrinsic_call]
		_(RawOrigin::Root, id);
		assert!(Listings::<T>::get(id).is_none());
		assert!(<T::Currency as Inspect<T::AccountId>>::balance(&treasury) > before);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
