#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod charge;
mod invariants;
mod rewards;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use charge::{DealWithFees, ServiceCharge};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A credit (an imbalance not yet placed in an account) of the pallet's currency.
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::Preservation,
			FindAuthor,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{AccountIdConversion, Saturating, Zero},
		Permill,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// Default configurations of this pallet, for `#[derive_impl]`.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, parameter_types, ConsensusEngineId};

		parameter_types! {
			pub const TreasuryPalletId: PalletId = PalletId(*b"as/trsry");
			pub const CommunityPalletId: PalletId = PalletId(*b"as/cmnty");
			pub const NodeIncentivePalletId: PalletId = PalletId(*b"as/nodes");
			pub const EvaluationRewardPalletId: PalletId = PalletId(*b"as/evalr");
			pub const MaxTradeRate: Permill = Permill::from_percent(20);
		}

		/// The configuration the unit tests of the AllSpark pallets share: the runtime's pot
		/// ids, a 20 % trade-rate ceiling, no weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeEvent = ();
			type TreasuryPalletId = TreasuryPalletId;
			type CommunityPalletId = CommunityPalletId;
			type NodeIncentivePalletId = NodeIncentivePalletId;
			type EvaluationRewardPalletId = EvaluationRewardPalletId;
			type MaxTradeRate = MaxTradeRate;
			type WeightInfo = ();
		}

		/// No block authors: a mock whose tests pay no author rewards.
		pub struct NoAuthor;
		impl<AccountId> FindAuthor<AccountId> for NoAuthor {
			fn find_author<'a, I>(_digests: I) -> Option<AccountId>
			where
				I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
			{
				None
			}
		}
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The token pallet's configuration. Mocks start from [`config_preludes::TestDefaultConfig`]
	/// (`#[derive_impl]`) and declare only the currency, origin, author lookup and helper.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[pallet::no_default_bounds]
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The native currency (ASK).
		#[pallet::no_default]
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::Balanced<Self::AccountId>
			+ fungible::Inspect<Self::AccountId>;

		/// The origin that may change the rates, the split and the author reward.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The origin that may spend from the treasury, and the most it may spend at once.
		#[pallet::no_default]
		type SpendOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = BalanceOf<Self>>;

		/// Finds the account of the current block's author from the pre-runtime digests.
		#[pallet::no_default]
		type FindAuthor: FindAuthor<Self::AccountId>;

		/// Pallet id of the treasury pot.
		#[pallet::constant]
		type TreasuryPalletId: Get<PalletId>;

		/// Pallet id of the community-incentive pot.
		#[pallet::constant]
		type CommunityPalletId: Get<PalletId>;

		/// Pallet id of the node-incentive pot.
		#[pallet::constant]
		type NodeIncentivePalletId: Get<PalletId>;

		/// Pallet id of the evaluation-reward pot.
		#[pallet::constant]
		type EvaluationRewardPalletId: Get<PalletId>;

		/// The highest trade rate governance may set: a guard against fat-fingered parameters.
		#[pallet::constant]
		type MaxTradeRate: Get<Permill>;

		/// Weight information for the pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Runtime-specific setup for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// The service charge's rates.
	#[pallet::storage]
	pub type Rates<T: Config> = StorageValue<_, ChargeRates<BalanceOf<T>>, OptionQuery>;

	/// How service charges and transaction fees are divided.
	#[pallet::storage]
	pub type Split<T: Config> = StorageValue<_, ChargeSplit, OptionQuery>;

	/// What each block's author is paid from the node-incentive pot.
	#[pallet::storage]
	pub type AuthorReward<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Everything burned by service charges and fees since genesis.
	#[pallet::storage]
	pub type BurnedTotal<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A service charge or a transaction fee was taken and divided.
		ChargeSplit {
			/// Who paid (`None` for transaction fees, whose payer the fee events name).
			payer: Option<T::AccountId>,
			/// What was paid for.
			source: ChargeSource<BalanceOf<T>>,
			/// The whole amount.
			total: BalanceOf<T>,
			/// The part burned.
			burned: BalanceOf<T>,
			/// The part paid to the treasury pot.
			to_treasury: BalanceOf<T>,
			/// The part paid to the evaluation-reward pot.
			to_evaluation_pot: BalanceOf<T>,
		},
		/// A block author was paid from the node-incentive pot.
		AuthorRewarded {
			/// The author.
			author: T::AccountId,
			/// The amount paid (less than the set reward only when the pot ran low).
			amount: BalanceOf<T>,
		},
		/// Governance set the service charge's rates.
		ChargeRatesSet {
			/// The new rates.
			rates: ChargeRates<BalanceOf<T>>,
		},
		/// Governance set how charges and fees are divided.
		ChargeSplitSet {
			/// The new split.
			split: ChargeSplit,
		},
		/// Governance set the block author reward.
		AuthorRewardSet {
			/// The new reward per block.
			reward: BalanceOf<T>,
		},
		/// Governance spent from the treasury.
		TreasurySpent {
			/// Who received the funds.
			beneficiary: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The split's parts do not sum to exactly 100 %.
		SplitNotWhole,
		/// The trade rate is above [`Config::MaxTradeRate`].
		TradeRateTooHigh,
		/// The payer cannot pay the charge and stay alive.
		InsufficientBalance,
		/// The treasury holds less than the spend (it keeps its existential deposit).
		InsufficientTreasury,
		/// A spend of nothing.
		ZeroAmount,
		/// The spend is above what the origin may spend at once.
		SpendAboveLimit,
		/// The rates or the split were never set: the chain's genesis is incomplete.
		NotConfigured,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The service charge's rates. Without them, service charges fail with
		/// [`Error::NotConfigured`] until governance sets them.
		pub rates: Option<ChargeRates<BalanceOf<T>>>,
		/// How charges and fees are divided. Without it, everything is burned until governance
		/// sets it.
		pub split: Option<ChargeSplit>,
		/// The block author reward.
		pub author_reward: BalanceOf<T>,
		/// What each pot holds at genesis, minted into it. When given, every pot must hold at
		/// least the existential deposit, so pots can always receive.
		pub pots: alloc::vec::Vec<(Pot, BalanceOf<T>)>,
		/// The total issuance the genesis plan adds up to, checked after the pots are funded.
		/// Genesis is refused when balances and pots do not add up to it.
		pub total_issuance: Option<BalanceOf<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(rates) = self.rates {
				assert!(rates.trade_rate <= T::MaxTradeRate::get(), "genesis: trade rate too high");
				Rates::<T>::put(rates);
			}
			if let Some(split) = self.split {
				assert!(split.is_whole(), "genesis: the charge split must sum to 100 %");
				Split::<T>::put(split);
			}
			AuthorReward::<T>::put(self.author_reward);

			// A genesis that funds pots funds all four, each with at least the existential
			// deposit.
			if !self.pots.is_empty() {
				let ed = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
				for pot in Pot::ALL {
					let amount: BalanceOf<T> = self
						.pots
						.iter()
						.filter(|(p, _)| *p == pot)
						.fold(Zero::zero(), |acc: BalanceOf<T>, (_, a)| acc.saturating_add(*a));
					assert!(
						amount >= ed,
						"genesis: pot {pot:?} must hold at least the existential deposit"
					);
					T::Currency::mint_into(&Pallet::<T>::pot_account(pot), amount)
						.expect("genesis: minting into a pot works");
				}
			}
			if let Some(expected) = self.total_issuance {
				let actual = <T::Currency as Inspect<T::AccountId>>::total_issuance();
				assert!(
					actual == expected,
					"genesis: the token plan does not add up: {actual:?} issued, {expected:?} planned"
				);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::reward_author()
		}

		fn integrity_test() {
			assert!(T::MaxTradeRate::get() <= Permill::one());
			let ids = [
				T::TreasuryPalletId::get(),
				T::CommunityPalletId::get(),
				T::NodeIncentivePalletId::get(),
				T::EvaluationRewardPalletId::get(),
			];
			for (i, a) in ids.iter().enumerate() {
				for b in ids.iter().skip(i + 1) {
					assert!(a != b, "every pot needs its own pallet id");
				}
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Set the service charge's rates.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - `rates`: the trade rate (at most [`Config::MaxTradeRate`]), the minimum trade charge
		///   and the evaluation fee.
		///
		/// Emits [`Event::ChargeRatesSet`]. Fails with [`Error::TradeRateTooHigh`].
		#[pallet::call_index(0)]
		pub fn set_charge_rates(
			origin: OriginFor<T>,
			rates: ChargeRates<BalanceOf<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_charge_rates(rates)
		}

		/// Set how service charges and transaction fees are divided between burn, treasury and
		/// the evaluation-reward pot.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - `split`: the three parts, which must sum to exactly 100 %.
		///
		/// Emits [`Event::ChargeSplitSet`]. Fails with [`Error::SplitNotWhole`].
		#[pallet::call_index(1)]
		pub fn set_charge_split(origin: OriginFor<T>, split: ChargeSplit) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_charge_split(split)
		}

		/// Set what each block's author is paid from the node-incentive pot (zero stops it).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::AuthorRewardSet`].
		#[pallet::call_index(2)]
		pub fn set_author_reward(origin: OriginFor<T>, reward: BalanceOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			AuthorReward::<T>::put(reward);
			Self::deposit_event(Event::AuthorRewardSet { reward });
			Ok(())
		}

		/// Pay `amount` from the treasury pot to `beneficiary`. The treasury always keeps its
		/// existential deposit.
		///
		/// - Origin: [`Config::SpendOrigin`], for at most the amount its success names.
		///
		/// Emits [`Event::TreasurySpent`]. Fails with [`Error::ZeroAmount`],
		/// [`Error::SpendAboveLimit`] or [`Error::InsufficientTreasury`].
		#[pallet::call_index(3)]
		pub fn spend_from_treasury(
			origin: OriginFor<T>,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let limit = T::SpendOrigin::ensure_origin(origin)?;
			ensure!(amount <= limit, Error::<T>::SpendAboveLimit);
			Self::do_spend_from_treasury(beneficiary, amount)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The keyless account of a pot.
		pub fn pot_account(pot: Pot) -> T::AccountId {
			let id = match pot {
				Pot::Treasury => T::TreasuryPalletId::get(),
				Pot::CommunityIncentives => T::CommunityPalletId::get(),
				Pot::NodeIncentives => T::NodeIncentivePalletId::get(),
				Pot::EvaluationRewards => T::EvaluationRewardPalletId::get(),
			};
			id.into_account_truncating()
		}

		/// The free balance of a pot.
		pub fn pot_balance(pot: Pot) -> BalanceOf<T> {
			<T::Currency as Inspect<T::AccountId>>::balance(&Self::pot_account(pot))
		}

		pub(crate) fn do_set_charge_rates(rates: ChargeRates<BalanceOf<T>>) -> DispatchResult {
			ensure!(rates.trade_rate <= T::MaxTradeRate::get(), Error::<T>::TradeRateTooHigh);
			Rates::<T>::put(rates);
			Self::deposit_event(Event::ChargeRatesSet { rates });
			Ok(())
		}

		pub(crate) fn do_set_charge_split(split: ChargeSplit) -> DispatchResult {
			ensure!(split.is_whole(), Error::<T>::SplitNotWhole);
			Split::<T>::put(split);
			Self::deposit_event(Event::ChargeSplitSet { split });
			Ok(())
		}

		pub(crate) fn do_spend_from_treasury(
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			T::Currency::transfer(
				&Self::pot_account(Pot::Treasury),
				&beneficiary,
				amount,
				Preservation::Preserve,
			)
			.map_err(|_| Error::<T>::InsufficientTreasury)?;
			Self::deposit_event(Event::TreasurySpent { beneficiary, amount });
			Ok(())
		}

		/// Everything a DApp needs to know about the token's economics.
		pub fn economics() -> Economics<T::AccountId, BalanceOf<T>> {
			Economics {
				total_issuance: <T::Currency as Inspect<T::AccountId>>::total_issuance(),
				burned: BurnedTotal::<T>::get(),
				pots: Pot::ALL
					.iter()
					.map(|pot| PotInfo {
						pot: *pot,
						account: Self::pot_account(*pot),
						balance: Self::pot_balance(*pot),
					})
					.collect(),
				rates: Rates::<T>::get().unwrap_or(ChargeRates {
					trade_rate: Permill::zero(),
					min_charge: Default::default(),
					evaluation_fee: Default::default(),
				}),
				split: Split::<T>::get().unwrap_or(ChargeSplit {
					burn: Permill::one(),
					treasury: Permill::zero(),
					evaluation: Permill::zero(),
				}),
				author_reward: AuthorReward::<T>::get(),
			}
		}
	}
}
