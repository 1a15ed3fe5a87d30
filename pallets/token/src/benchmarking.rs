//! Benchmarks of the token pallet, worst case first: every call writes its storage and emits its
//! event; the author reward pays a new account from the pot.

use super::*;
use crate::pallet::{AuthorReward, Rates, Split};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get, Hooks,
};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{Bounded, Zero},
	Permill, Saturating,
};

/// Runtime-specific setup the benchmarks need.
pub trait BenchmarkHelper<AccountId> {
	/// Make the current block's pre-runtime digest name an author, and return its account.
	fn set_block_author() -> AccountId;
}

fn fund_pot<T: Config>(pot: Pot, amount: BalanceOf<T>) {
	let ed = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
	let _ = T::Currency::mint_into(&Pallet::<T>::pot_account(pot), amount.saturating_add(ed));
}

fn configure<T: Config>() {
	Rates::<T>::put(ChargeRates {
		trade_rate: Permill::from_parts(25_000),
		min_charge: 1_000u32.into(),
		evaluation_fee: 1_000_000u32.into(),
	});
	Split::<T>::put(ChargeSplit {
		burn: Permill::from_percent(20),
		treasury: Permill::from_percent(30),
		evaluation: Permill::from_percent(50),
	});
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_charge_rates() {
		let rates = ChargeRates {
			trade_rate: T::MaxTradeRate::get(),
			min_charge: 1_000u32.into(),
			evaluation_fee: 1_000_000u32.into(),
		};
		#[extrinsic_call]
		_(RawOrigin::Root, rates);
		assert_eq!(Rates::<T>::get(), Some(rates));
	}

	#[benchmark]
	fn set_charge_split() {
		let split = ChargeSplit {
			burn: Permill::from_percent(10),
			treasury: Permill::from_percent(40),
			evaluation: Permill::from_percent(50),
		};
		#[extrinsic_call]
		_(RawOrigin::Root, split);
		assert_eq!(Split::<T>::get(), Some(split));
	}

	#[benchmark]
	fn set_author_reward() {
		let reward: BalanceOf<T> = 1_000_000u32.into();
		#[extrinsic_call]
		_(RawOrigin::Root, reward);
		assert_eq!(AuthorReward::<T>::get(), reward);
	}

	#[benchmark]
	fn spend_from_treasury() {
		let ed = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
		let amount = ed.saturating_mul(100u32.into());
		fund_pot::<T>(Pot::Treasury, amount);
		// A new account: the spend creates it (the costlier path).
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Root, beneficiary.clone(), amount);
		assert_eq!(<T::Currency as Inspect<T::AccountId>>::balance(&beneficiary), amount);
	}

	#[benchmark]
	fn on_initialize_reward() {
		let ed = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
		let reward = ed.saturating_mul(10u32.into());
		fund_pot::<T>(Pot::NodeIncentives, reward.saturating_mul(10u32.into()));
		AuthorReward::<T>::put(reward);
		let author = T::BenchmarkHelper::set_block_author();
		let before = <T::Currency as Inspect<T::AccountId>>::balance(&author);
		let n = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Pallet::<T>::on_initialize(n);
		}
		assert_eq!(
			<T::Currency as Inspect<T::AccountId>>::balance(&author),
			before.saturating_add(reward)
		);
	}

	#[benchmark]
	fn on_initialize_no_reward() {
		AuthorReward::<T>::put(BalanceOf::<T>::zero());
		let n = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Pallet::<T>::on_initialize(n);
		}
	}

	#[benchmark]
	fn service_charge() {
		configure::<T>();
		let ed = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
		let payer: T::AccountId = account("payer", 0, 0);
		let _ = T::Currency::mint_into(&payer, BalanceOf::<T>::max_value() / 4u32.into());
		fund_pot::<T>(Pot::Treasury, ed);
		fund_pot::<T>(Pot::EvaluationRewards, ed);
		let value = ed.saturating_mul(1_000u32.into());
		let result;
		#[block]
		{
			result = <Pallet<T> as ServiceCharge<T::AccountId>>::charge(
				&payer,
				ChargeKind::Trade { value },
			);
		}
		assert!(result.is_ok());
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
