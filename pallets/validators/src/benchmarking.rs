//! Benchmarks of the validators pallet: the set one short of full (add) and full (remove), the
//! account to add or remove at the end of the scan; bonds topped up, unbonded by an account
//! checked against a full set, withdrawn; session keys purged by an account checked against full
//! planned and current sets.

use super::*;
use crate::pallet::{Bonds, PendingChange, PlannedSet};
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Saturating, TrailingZeroInput};

/// What the benchmarks need of the runtime.
pub trait BenchmarkHelper<T: Config> {
	/// Session keys for `owner` and the proof that `owner` holds them, which
	/// `pallet_session::set_keys` checks.
	fn session_keys(owner: &T::AccountId) -> (<T as pallet_session::Config>::Keys, Vec<u8>);
}

/// `who` funded for twice the bond.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::BondAmount::get()
		.saturating_mul(2u32.into())
		.saturating_add(T::BondCurrency::minimum_balance());
	T::BondCurrency::set_balance(who, amount);
}

/// `who` bonded at the current figure.
fn bonded<T: Config>(who: &T::AccountId) {
	fund::<T>(who);
	Pallet::<T>::do_bond(who.clone(), T::BondAmount::get()).expect("a funded account bonds");
}

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
		bonded::<T>(&who);
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

	/// Topping up a bond (a read, a hold, a write): the costlier path than a first bond.
	#[benchmark]
	fn bond() {
		let who: T::AccountId = account("candidate", 0, 0);
		fund::<T>(&who);
		let half = T::BondAmount::get() / 2u32.into();
		Pallet::<T>::do_bond(who.clone(), half).expect("a funded account bonds");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Bonds::<T>::get(&who).map(|b| b.amount), Some(T::BondAmount::get()));
	}

	/// Unbonding, checked against a full planned set.
	#[benchmark]
	fn unbond() {
		plan::<T>(set_of::<T>(T::MaxValidators::get()));
		let who: T::AccountId = account("candidate", 0, 0);
		bonded::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Bonds::<T>::get(&who).is_some_and(|b| b.unlocks_at.is_some()));
	}

	#[benchmark]
	fn withdraw_bond() {
		let who: T::AccountId = account("candidate", 0, 0);
		bonded::<T>(&who);
		Pallet::<T>::do_unbond(who.clone()).expect("a non-validator unbonds");
		let unlocks =
			pallet_session::CurrentIndex::<T>::get().saturating_add(T::BondingDelay::get());
		pallet_session::CurrentIndex::<T>::put(unlocks);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Bonds::<T>::get(&who).is_none());
	}

	/// Purging the keys of an account checked against a full planned set and a full current
	/// set (the scan is this pallet's part), with a key deposit to release (the session's part).
	#[benchmark]
	fn purge_keys() -> Result<(), BenchmarkError> {
		let set = set_of::<T>(T::MaxValidators::get());
		pallet_session::Validators::<T>::put(set.clone());
		plan::<T>(set);
		let who: T::AccountId = account("candidate", 0, 0);
		fund::<T>(&who);
		pallet_session::Pallet::<T>::ensure_can_pay_key_deposit(&who)?;
		let (keys, proof) = T::BenchmarkHelper::session_keys(&who);
		pallet_session::Pallet::<T>::set_keys(RawOrigin::Signed(who.clone()).into(), keys, proof)?;
		assert!(pallet_session::NextKeys::<T>::contains_key(&who));
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!pallet_session::NextKeys::<T>::contains_key(&who));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
