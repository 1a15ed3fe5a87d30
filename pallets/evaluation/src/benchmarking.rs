//! Benchmarks of the evaluation pallet at worst-case setups: listings with the most co-creators,
//! full finalisation queues, rounds with the most evaluators.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{One, Saturating},
	Perbill,
};

/// A unit of stake: far above the existential deposit.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000u32.into())
}

/// An account with plenty of funds.
fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	T::Currency::set_balance(&who, unit::<T>().saturating_mul(1_000_000u32.into()));
	who
}

/// Parameters with short phases, stakes of at least one unit.
fn params<T: Config>() -> ParamsOf<T> {
	Params {
		min_stake: unit::<T>(),
		commit_period: 10u32.into(),
		reveal_period: 10u32.into(),
		tolerance: 10,
		incoherent_slash: Perbill::from_percent(10),
		silent_slash: Perbill::from_percent(20),
		round_draw: unit::<T>(),
		era_length: 100u32.into(),
		reward_threshold: 50,
		era_payout: Perbill::from_percent(1),
		min_revealers: 1,
	}
}

/// The service charge and parameters set, both pots funded, and a listing with `shares` revenue
/// shares (the most when `u32::MAX`).
fn setup<T: Config>(shares: u32) -> ListingId {
	T::BenchmarkHelper::configure_service_charge();
	Parameters::<T>::put(params::<T>());
	let pot_funds = unit::<T>().saturating_mul(1_000_000u32.into());
	T::Currency::set_balance(&T::RewardPot::get(), pot_funds);
	T::Currency::set_balance(&T::IncentivePot::get(), pot_funds);
	let owner = funded::<T>("creator", 0);
	T::BenchmarkHelper::create_listing(&owner, shares)
}

/// A salt for evaluator `i`.
fn salt(i: u32) -> [u8; 32] {
	let mut s = [7u8; 32];
	s[..4].copy_from_slice(&i.to_le_bytes());
	s
}

/// Open a round on `listing` with `n` evaluators committed; returns it and the evaluators.
fn round_with<T: Config>(listing: ListingId, n: u32) -> (RoundId, Vec<(T::AccountId, Score)>) {
	let round = Pallet::<T>::do_open_round(funded::<T>("opener", 0), listing).expect("opened");
	let evaluators: Vec<_> = (0..n)
		.map(|i| {
			let who = funded::<T>("evaluator", i);
			// Two thirds agree around 70, a third is far off: every outcome is exercised.
			let score = if i % 3 == 2 { 5 } else { 70 + (i % 5) as u8 };
			let hash = Pallet::<T>::commitment_of(score, &salt(i), &who);
			Pallet::<T>::do_commit(who.clone(), round, hash, unit::<T>()).expect("committed");
			(who, score)
		})
		.collect();
	(round, evaluators)
}

/// A round on a listing with the most co-creators, `evaluators` already in, and an evaluator
/// ready to commit a larger stake than theirs: the round, the evaluator, its commitment, its
/// stake.
fn commit_setup<T: Config>(
	evaluators: u32,
) -> (RoundId, T::AccountId, sp_core::H256, BalanceOf<T>) {
	let listing = setup::<T>(u32::MAX);
	let (round, _) = round_with::<T>(listing, evaluators);
	let who = funded::<T>("evaluator", T::MaxEvaluators::get());
	let hash = Pallet::<T>::commitment_of(50, &salt(0), &who);
	(round, who, hash, unit::<T>().saturating_mul(2u32.into()))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: the finalisation queues of the end block and the spill blocks after it are
	/// full but the last; a listing with the most co-creators.
	#[benchmark]
	fn open_round() {
		let listing = setup::<T>(u32::MAX);
		let opener = funded::<T>("opener", 1);
		let now = frame_system::Pallet::<T>::block_number();
		let p = params::<T>();
		let mut at = now.saturating_add(p.commit_period).saturating_add(p.reveal_period);
		let full: BoundedVec<RoundId, T::MaxRoundsEndingPerBlock> = BoundedVec::truncate_from(
			alloc::vec![RoundId::MAX; T::MaxRoundsEndingPerBlock::get() as usize],
		);
		for _ in 0..rounds::QUEUE_SPILL {
			Ending::<T>::insert(at, full.clone());
			at = at.saturating_add(One::one());
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(opener), listing);

		assert!(OpenRound::<T>::contains_key(listing));
		assert_eq!(Ending::<T>::get(at).len(), 1);
	}

	/// A round with room (one short of full); the listing has the most co-creators.
	#[benchmark]
	fn commit() {
		let (round, who, hash, stake) =
			commit_setup::<T>(T::MaxEvaluators::get().saturating_sub(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), round, hash, stake);

		assert!(Commitments::<T>::contains_key(round, &who));
	}

	/// Worst case: the round is full, so the larger stake walks every commitment and evicts
	/// the smallest; the listing has the most co-creators.
	#[benchmark]
	fn commit_evicting() {
		let (round, who, hash, stake) = commit_setup::<T>(T::MaxEvaluators::get());

		#[extrinsic_call]
		commit(RawOrigin::Signed(who.clone()), round, hash, stake);

		assert!(Commitments::<T>::contains_key(round, &who));
		assert_eq!(Rounds::<T>::get(round).expect("open").evaluators, T::MaxEvaluators::get());
	}

	#[benchmark]
	fn reveal() {
		let listing = setup::<T>(u32::MAX);
		let (round, evaluators) = round_with::<T>(listing, T::MaxEvaluators::get());
		let end = Rounds::<T>::get(round).expect("open").commit_end;
		frame_system::Pallet::<T>::set_block_number(end);
		let (who, score) = evaluators[0].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), round, score, salt(0));

		assert_eq!(Commitments::<T>::get(round, &who).and_then(|c| c.revealed), Some(score));
	}

	/// `e` evaluators, all but the last revealed: coherent ones are paid from the pot,
	/// incoherent and silent ones slashed into it.
	#[benchmark]
	fn finalise_round(e: Linear<1, { T::MaxEvaluators::get() }>) {
		let listing = setup::<T>(u32::MAX);
		let (round, evaluators) = round_with::<T>(listing, e);
		let r = Rounds::<T>::get(round).expect("open");
		frame_system::Pallet::<T>::set_block_number(r.commit_end);
		for (i, (who, score)) in evaluators.iter().enumerate() {
			if i + 1 < evaluators.len() || e == 1 {
				Pallet::<T>::do_reveal(who.clone(), round, *score, salt(i as u32))
					.expect("revealed");
			}
		}
		frame_system::Pallet::<T>::set_block_number(r.reveal_end);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round);

		assert!(Scores::<T>::get(listing).current.is_some());
		assert!(Rounds::<T>::get(round).is_none());
	}

	#[benchmark]
	fn set_params() {
		let p = params::<T>();

		#[extrinsic_call]
		_(RawOrigin::Root, p);

		assert_eq!(Parameters::<T>::get(), Some(p));
	}

	/// An ended era's payout begins: its total taken, the budget fixed from the pot.
	#[benchmark]
	fn start_era_payout() {
		let _ = setup::<T>(1);
		EraTotals::<T>::insert(0, 1_000u128);
		let p = params::<T>();
		let payout;

		#[block]
		{
			payout = Pallet::<T>::start_payout(0, &p);
		}

		assert!(payout.is_some());
	}

	/// One account's era credit paid (the era's last: the payout closes), with one listing weight
	/// cleared.
	#[benchmark]
	fn pay_era_credit() {
		let listing = setup::<T>(1);
		let account = funded::<T>("creditor", 0);
		EraWeights::<T>::insert(0, listing, 1_000u128);
		EraCredits::<T>::insert(0, &account, Credit { weight: 1_000, cap: unit::<T>() });
		let payout = Payout { era: 0, budget: unit::<T>(), total_weight: 1_000, paid: 0u32.into() };

		#[block]
		{
			Pallet::<T>::continue_payout(payout);
		}

		assert_eq!(NextPayoutEra::<T>::get(), 1);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
