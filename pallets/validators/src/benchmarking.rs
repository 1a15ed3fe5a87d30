//! Benchmarks of the validators pallet: the set one short of full (add) and full (remove), the
//! account to add or remove at the end of the scan.

use super::*;
use crate::pallet::{PendingChange, PlannedSet};
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use sp_runtime::traits::TrailingZeroInput;

fn set_of<T: Config>(n: u32) -> Vec<T::AccountId> {
	(0..n).map(|i| account("validator", i, 0)).collect()
}

fn plan<T: Config>(set: Vec<T::AccountId>) {
	let set: BoundedVec<_, T::MaxValidators> = set.try_into().expect("within the maximum");
	PlannedSet::<T>::put(set);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() {
		let max = T::MaxValidators::get();
		plan::<T>(set_of::<T>(max.saturating_sub(1)));
		let who: T::AccountId = account("candidate", 0, 0);
		let keys = <T as pallet_session::Config>::Keys::decode(&mut TrailingZeroInput::zeroes())
			.expect("keys decode from zeroes");
		pallet_session::NextKeys::<T>::insert(&who, keys);
		#[extrinsic_call]
		_(RawOrigin::Root, who.clone());
		assert_eq!(PlannedSet::<T>::get().last(), Some(&who));
		assert!(PendingChange::<T>::get());
	}

	#[benchmark]
	fn remove_validator() {
		let set = set_of::<T>(T::MaxValidators::get());
		let who = set.last().cloned().expect("the maximum is at least one");
		plan::<T>(set);
		#[extrinsic_call]
		_(RawOrigin::Root, who.clone());
		assert!(!PlannedSet::<T>::get().contains(&who));
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
