#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod eras;
mod finalise;
mod invariants;
pub mod migrations;
mod queries;
mod rounds;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use finalise::weighted_median;
pub use types::*;
pub use weights::WeightInfo;

use allspark_primitives::ServiceCharge;
use allspark_primitives::{ContentInspect, ListingId};
use frame_support::traits::fungible;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The block number type.
pub type BlockNumberOf<T> = frame_system::pallet_prelude::BlockNumberFor<T>;
/// The parameters as this runtime stores them.
pub type ParamsOf<T> = Params<BalanceOf<T>, BlockNumberOf<T>>;
/// A round as this runtime stores it.
pub type RoundOf<T> = Round<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;
/// A listing's score record as this runtime stores it.
pub type ScoreRecordOf<T> = ScoreRecord<BlockNumberOf<T>, <T as Config>::MaxHistory>;

/// What the benchmarks need from the runtime (listings and a configured service charge): the one
/// helper the market and evaluation benchmarks share.
#[cfg(feature = "runtime-benchmarks")]
pub use allspark_primitives::BenchmarkHelper;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The native currency (ASK): stakes are held in it, rewards paid in it.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The content listings: whether they are active, who owns and co-created them.
		type Content: ContentInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// The evaluation fee opening a round pays (the token pallet).
		type ServiceCharge: ServiceCharge<Self::AccountId, Balance = BalanceOf<Self>>;

		/// Who sets the parameters (governance).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The evaluation-reward pot's account: rounds' rewards come from it, slashes go to it.
		type RewardPot: Get<Self::AccountId>;

		/// The community-incentive pot's account: era rewards come from it.
		type IncentivePot: Get<Self::AccountId>;

		/// Accounts' frozen balances (vesting locks among them): a stake is never held out of
		/// frozen funds, and frozen funds never count as stake.
		type FrozenBalance: allspark_primitives::FrozenBalance<Self::AccountId, BalanceOf<Self>>;

		/// The most an era pays an account back of the service charges its credited trades paid
		/// (below 100 %: wash trading always costs more than it earns).
		#[pallet::constant]
		type RebateCap: Get<sp_runtime::Perbill>;

		/// The most evaluators in one round.
		#[pallet::constant]
		type MaxEvaluators: Get<u32>;

		/// The most past scores kept per listing.
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// The most rounds one block's finalisation queue holds (a full block's rounds go to the
		/// next block with room, at most 8 blocks later).
		#[pallet::constant]
		type MaxRoundsEndingPerBlock: Get<u32>;

		/// The most rounds `on_initialize` finalises in one block.
		#[pallet::constant]
		type MaxFinalisationsPerBlock: Get<u32>;

		/// The most listings `on_initialize` pays era rewards to in one block.
		#[pallet::constant]
		type MaxPayoutsPerBlock: Get<u32>;

		/// The most revenue shares a listing has (the content pallet's co-creators and owner).
		#[pallet::constant]
		type MaxRevenueShares: Get<u32>;

		/// Weight information for the pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Benchmark setup.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An evaluator's stake in an open round.
		Stake,
	}

	/// The parameters of rounds and eras (set at genesis and by governance).
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, ParamsOf<T>, OptionQuery>;

	/// Every open round (commit, reveal, or ended and waiting for finalisation), by id.
	#[pallet::storage]
	pub type Rounds<T: Config> = StorageMap<_, Twox64Concat, RoundId, RoundOf<T>, OptionQuery>;

	/// The id the next round gets.
	#[pallet::storage]
	pub type NextRoundId<T: Config> = StorageValue<_, RoundId, ValueQuery>;

	/// The open round of each listing.
	#[pallet::storage]
	pub type OpenRound<T: Config> = StorageMap<_, Twox64Concat, ListingId, RoundId, OptionQuery>;

	/// The evaluators' commitments in each open round.
	#[pallet::storage]
	pub type Commitments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RoundId,
		Blake2_128Concat,
		T::AccountId,
		Commitment<BalanceOf<T>>,
		OptionQuery,
	>;

	/// The rounds to finalise at each block.
	#[pallet::storage]
	pub type Ending<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<RoundId, T::MaxRoundsEndingPerBlock>,
		ValueQuery,
	>;

	/// The oldest block whose finalisation queue may still hold rounds (unset before the first
	/// block).
	#[pallet::storage]
	pub type FinaliseCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// Each scored listing's score and recent history.
	#[pallet::storage]
	pub type Scores<T: Config> =
		StorageMap<_, Twox64Concat, ListingId, ScoreRecordOf<T>, ValueQuery>;

	/// Each evaluator's track record.
	#[pallet::storage]
	pub type Records<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EvaluatorRecord<BalanceOf<T>>, ValueQuery>;

	/// The current reward era.
	#[pallet::storage]
	pub type CurrentEra<T: Config> = StorageValue<_, EraInfo<BlockNumberFor<T>>, ValueQuery>;

	/// Each era's listing weights: the sum of score × service charge of the listing's qualifying
	/// trades (for the views; payouts go by [`EraCredits`]).
	#[pallet::storage]
	pub type EraWeights<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EraIndex, Twox64Concat, ListingId, u128, ValueQuery>;

	/// Each era's total weight (until its payout starts).
	/// What each account is owed by each era: its weight and rebate cap, credited at each trade
	/// to the listing's revenue-share holders and distributor of that moment.
	#[pallet::storage]
	pub type EraCredits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		T::AccountId,
		Credit<BalanceOf<T>>,
		ValueQuery,
	>;

	#[pallet::storage]
	pub type EraTotals<T: Config> = StorageMap<_, Twox64Concat, EraIndex, u128, ValueQuery>;

	/// The oldest era not yet paid out.
	#[pallet::storage]
	pub type NextPayoutEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// The era being paid out now.
	#[pallet::storage]
	pub type ActivePayout<T: Config> = StorageValue<_, Payout<BalanceOf<T>>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters; `None` leaves evaluation closed until governance sets them.
		pub params: Option<ParamsOf<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(params) = &self.params {
				assert!(
					params.check(T::MaxEvaluators::get()).is_ok(),
					"genesis: inconsistent evaluation parameters"
				);
				Parameters::<T>::put(params);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance set the parameters.
		ParamsSet {
			/// The new parameters.
			params: ParamsOf<T>,
		},
		/// A round was opened.
		RoundOpened {
			/// The round.
			round: RoundId,
			/// The listing evaluated.
			listing: ListingId,
			/// Who opened it.
			opener: T::AccountId,
			/// The evaluation fee paid.
			fee: BalanceOf<T>,
			/// The fee's part that rewards the round's coherent evaluators.
			fee_reward: BalanceOf<T>,
			/// The first block of the reveal phase.
			commit_end: BlockNumberFor<T>,
			/// The first block after the reveal phase.
			reveal_end: BlockNumberFor<T>,
		},
		/// An evaluator staked and committed to a hidden score.
		Committed {
			/// The round.
			round: RoundId,
			/// The evaluator.
			evaluator: T::AccountId,
			/// The stake held.
			stake: BalanceOf<T>,
		},
		/// An evaluator revealed its score.
		Revealed {
			/// The round.
			round: RoundId,
			/// The evaluator.
			evaluator: T::AccountId,
			/// The score.
			score: Score,
		},
		/// An evaluator's stake was settled at finalisation.
		EvaluatorSettled {
			/// The round.
			round: RoundId,
			/// The evaluator.
			evaluator: T::AccountId,
			/// How it came out.
			outcome: Outcome,
			/// Its stake.
			stake: BalanceOf<T>,
			/// The part of the stake it lost (to the evaluation-reward pot).
			slashed: BalanceOf<T>,
			/// The reward paid to it.
			reward: BalanceOf<T>,
		},
		/// A round was finalised with a score, which is now the listing's score.
		RoundFinalised {
			/// The round.
			round: RoundId,
			/// The listing.
			listing: ListingId,
			/// The stake-weighted median of the revealed scores.
			score: Score,
			/// Coherent evaluators.
			coherent: u32,
			/// Incoherent evaluators.
			incoherent: u32,
			/// Evaluators that never revealed.
			silent: u32,
			/// What the coherent evaluators shared.
			rewards: BalanceOf<T>,
			/// What the others lost.
			slashed: BalanceOf<T>,
		},
		/// A round ended with fewer than [`Params::min_revealers`] reveals: no score, no rewards;
		/// the silent evaluators lost the silent part of their stakes and the fee stays in the
		/// pots.
		RoundFailed {
			/// The round.
			round: RoundId,
			/// The listing.
			listing: ListingId,
			/// Evaluators that revealed (fewer than [`Params::min_revealers`]): their stakes came
			/// back whole.
			revealed: u32,
			/// Evaluators that never revealed.
			silent: u32,
			/// What they lost.
			slashed: BalanceOf<T>,
		},
		/// A new reward era started.
		EraStarted {
			/// The era.
			era: EraIndex,
		},
		/// An ended era's payout started.
		EraPayoutStarted {
			/// The era.
			era: EraIndex,
			/// What it pays in total.
			budget: BalanceOf<T>,
			/// The sum of its listings' weights.
			total_weight: u128,
		},
		/// A creator or distributor was paid its era reward.
		EraRewardPaid {
			/// The era.
			era: EraIndex,
			/// The account paid.
			account: T::AccountId,
			/// Its weight (its part of score × charge of the trades credited to it).
			weight: u128,
			/// What it received: its share of the budget, at most its rebate cap.
			amount: BalanceOf<T>,
		},
		/// A full round took a larger stake: the smallest one left the round and was released.
		CommitmentEvicted {
			/// The round.
			round: RoundId,
			/// The evaluator evicted.
			evaluator: T::AccountId,
			/// Its stake, released in full.
			stake: BalanceOf<T>,
		},
		/// An era was paid out in full.
		EraPaidOut {
			/// The era.
			era: EraIndex,
			/// What was paid.
			paid: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Governance has not set the parameters yet.
		NotConfigured,
		/// The parameters are inconsistent (a zero period or minimum stake, a score above 100,
		/// non-revealers losing less than incoherent evaluators, a quorum of no reveal or of
		/// more evaluators than a round takes).
		InvalidParams,
		/// The listing does not exist or is not active.
		ListingNotActive,
		/// The listing already has an open round.
		RoundAlreadyOpen,
		/// No such open round.
		RoundNotFound,
		/// The round's commit phase is over.
		CommitPhaseOver,
		/// The round is still in its commit phase.
		RevealPhaseNotStarted,
		/// The round's reveal phase is over.
		RevealPhaseOver,
		/// The evaluator already committed in this round.
		AlreadyCommitted,
		/// The evaluator did not commit in this round.
		NotCommitted,
		/// The evaluator already revealed.
		AlreadyRevealed,
		/// The stake is below the minimum.
		StakeBelowMinimum,
		/// The account cannot hold the stake.
		InsufficientBalance,
		/// The round has the most evaluators it takes, none with a smaller stake than this one.
		RoundFull,
		/// The listing's owner and co-creators may not evaluate it.
		ConflictOfInterest,
		/// A score is at most 100.
		ScoreOutOfRange,
		/// The score and salt do not match the commitment.
		CommitmentMismatch,
		/// The round's reveal phase is not over yet.
		RoundNotEnded,
		/// The finalisation queues of the round's end block and the 8 after it are full.
		FinalisationQueueFull,
		/// An amount overflowed.
		Overflow,
		/// The stake is there, but part of it is frozen (locked by vesting, say): frozen funds
		/// are never staked.
		FundsFrozen,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_finalisations(now).saturating_add(Self::process_era(now))
		}

		fn integrity_test() {
			assert!(T::MaxEvaluators::get() > 0, "rounds need room for evaluators");
			assert!(T::MaxHistory::get() > 0, "a listing keeps at least its last score");
			assert!(T::MaxRoundsEndingPerBlock::get() > 0, "the finalisation queue needs room");
			assert!(T::MaxFinalisationsPerBlock::get() > 0, "ended rounds must be finalised");
			assert!(T::MaxPayoutsPerBlock::get() > 0, "eras must be paid out");
			assert!(T::MaxRevenueShares::get() > 0, "a listing has at least its owner's share");
			assert!(
				T::RebateCap::get() < sp_runtime::Perbill::one(),
				"a rebate of every charge paid would make wash trading free"
			);

			// The hook's worst case must fit a quarter of a block.
			let max = <T as frame_system::Config>::BlockWeights::get().max_block;
			let hook = Self::max_on_initialize_weight();
			assert!(hook.all_lte(max / 4), "on_initialize may take over a quarter of a block");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Open an evaluation round on `listing`, paying the evaluation fee.
		///
		/// - Origin: any signed account, the payer.
		/// - Checks: the parameters are set ([`Error::NotConfigured`]); the listing is active
		///   ([`Error::ListingNotActive`]) and has no open round ([`Error::RoundAlreadyOpen`]);
		///   the payer can pay the fee and stay alive; the finalisation queue has room.
		/// - Emits [`Event::RoundOpened`] (and the token pallet's `ChargeSplit`).
		#[pallet::call_index(0)]
		pub fn open_round(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_round(who, listing).map(|_| ())
		}

		/// Stake `stake` and commit to a hidden score in `round`.
		///
		/// - Origin: any signed account except the listing's owner and co-creators.
		/// - `commitment`: `blake2_256((score, salt, evaluator).encode())` with `score: u8` in
		///   0–100, `salt: [u8; 32]` and the evaluator's account id.
		/// - Checks: the round is open ([`Error::RoundNotFound`]) and in its commit phase
		///   ([`Error::CommitPhaseOver`]); one commitment per evaluator
		///   ([`Error::AlreadyCommitted`]); the stake is at least the minimum
		///   ([`Error::StakeBelowMinimum`]) and can be held from funds that are not frozen
		///   ([`Error::InsufficientBalance`], [`Error::FundsFrozen`]); room in the round: a full
		///   round evicts its smallest stake if it is smaller than this one, or refuses
		///   ([`Error::RoundFull`]).
		/// - Emits [`Event::CommitmentEvicted`] when a stake was evicted, and [`Event::Committed`].
		/// - Weight: declared for a full round (every commitment walked to evict the smallest),
		///   charged as a plain commit when the round had room.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::commit_evicting())]
		pub fn commit(
			origin: OriginFor<T>,
			round: RoundId,
			commitment: H256,
			stake: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let evicted = Self::do_commit(who, round, commitment, stake)?;
			Ok(if evicted { None } else { Some(T::WeightInfo::commit()) }.into())
		}

		/// Reveal the score committed to in `round`.
		///
		/// - Origin: the evaluator that committed.
		/// - Checks: the round is open and in its reveal phase ([`Error::RevealPhaseNotStarted`],
		///   [`Error::RevealPhaseOver`]); the caller committed ([`Error::NotCommitted`]) and has
		///   not revealed ([`Error::AlreadyRevealed`]); `score` ≤ 100
		///   ([`Error::ScoreOutOfRange`]); score, salt and caller hash to the commitment
		///   ([`Error::CommitmentMismatch`]).
		/// - Emits [`Event::Revealed`].
		#[pallet::call_index(2)]
		pub fn reveal(
			origin: OriginFor<T>,
			round: RoundId,
			score: Score,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal(who, round, score, salt)
		}

		/// Finalise `round`, whose reveal phase is over, now rather than waiting for
		/// `on_initialize` (useful when a backlog builds up).
		///
		/// - Origin: any signed account.
		/// - Checks: the round is open ([`Error::RoundNotFound`]) and its reveal phase over
		///   ([`Error::RoundNotEnded`]).
		/// - Emits [`Event::EvaluatorSettled`] for each evaluator and [`Event::RoundFinalised`]
		///   or [`Event::RoundFailed`]. The weight charged is corrected to the round's evaluators.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::finalise_round(T::MaxEvaluators::get()))]
		pub fn finalise_round(origin: OriginFor<T>, round: RoundId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let evaluators = Self::do_finalise_now(round)?;
			Ok(Some(<T as Config>::WeightInfo::finalise_round(evaluators)).into())
		}

		/// Set the parameters of rounds and eras. Rounds already open keep their phases; the rest
		/// applies from now on.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - Checks: the parameters are consistent ([`Error::InvalidParams`]).
		/// - Emits [`Event::ParamsSet`].
		#[pallet::call_index(4)]
		pub fn set_params(origin: OriginFor<T>, params: ParamsOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_params(params)
		}
	}
}
