//! A mock runtime for the evaluation pallet's tests: the real balances, token and content pallets.

use crate::{self as pallet_allspark_evaluation, *};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use pallet_allspark_content::{Category, LicenceTerms};
use pallet_allspark_token::{ChargeRates, ChargeSplit, Pot};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill, Permill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

/// A creator.
pub const ALICE: AccountId = 1;
/// Evaluators.
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// A co-creator.
pub const EVE: AccountId = 5;
/// Opens rounds.
pub const OPENER: AccountId = 10;
/// An account with little more than the existential deposit.
pub const POOR: AccountId = 6;
pub const ED: Balance = 10;
pub const INITIAL: Balance = 1_000_000;
pub const MIN_STAKE: Balance = 100;
pub const COMMIT: u64 = 10;
pub const REVEAL: u64 = 10;
pub const ERA: u64 = 50;
/// The evaluation fee.
pub const FEE: Balance = 200;
/// The fee's part paid into the evaluation-reward pot (50 %).
pub const FEE_REWARD: Balance = 100;
pub const DRAW: Balance = 50;
/// What the reward pots start with.
pub const POT: Balance = 10_000;
pub const MAX_EVALUATORS: u32 = 6;
pub const MAX_HISTORY: u32 = 3;
pub const MAX_ENDING: u32 = 3;
pub const MAX_FINALISATIONS: u32 = 2;
pub const MAX_PAYOUTS: u32 = 2;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Token = pallet_allspark_token;
	#[runtime::pallet_index(3)]
	pub type Content = pallet_allspark_content;
	#[runtime::pallet_index(4)]
	pub type Evaluation = pallet_allspark_evaluation;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ConstU64<ED>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub TreasuryAccount: AccountId = Token::pot_account(Pot::Treasury);
	pub RewardPotAccount: AccountId = Token::pot_account(Pot::EvaluationRewards);
	pub IncentivePotAccount: AccountId = Token::pot_account(Pot::CommunityIncentives);
	/// An era pays back at most this part of the charges credited to an account.
	pub static RebateCap: Perbill = Perbill::from_percent(50);
}

/// The shared test configuration; no block authors, so the token pallet pays no rewards.
#[derive_impl(pallet_allspark_token::config_preludes::TestDefaultConfig)]
impl pallet_allspark_token::Config for Test {
	type Currency = Balances;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type SpendOrigin = frame_system::EnsureRootWithSuccess<
		AccountId,
		frame_support::traits::ConstU64<{ u64::MAX }>,
	>;
	type FindAuthor = pallet_allspark_token::config_preludes::NoAuthor;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// The shared test configuration: deposits of 100 + 1 a byte, 4 co-creators.
#[derive_impl(pallet_allspark_content::config_preludes::TestDefaultConfig)]
impl pallet_allspark_content::Config for Test {
	type Currency = Balances;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type Treasury = TreasuryAccount;
}

/// Frozen balances as pallet-balances keeps them (locks and freezes), read from the system
/// pallet's account store.
pub struct SystemFrozen;
impl allspark_primitives::FrozenBalance<AccountId, Balance> for SystemFrozen {
	fn frozen_balance(who: &AccountId) -> Balance {
		frame_system::Account::<Test>::get(who).data.frozen
	}
}

impl crate::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type FrozenBalance = SystemFrozen;
	type RebateCap = RebateCap;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Content = Content;
	type ServiceCharge = Token;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type RewardPot = RewardPotAccount;
	type IncentivePot = IncentivePotAccount;
	type MaxEvaluators = ConstU32<MAX_EVALUATORS>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type MaxRoundsEndingPerBlock = ConstU32<MAX_ENDING>;
	type MaxFinalisationsPerBlock = ConstU32<MAX_FINALISATIONS>;
	type MaxPayoutsPerBlock = ConstU32<MAX_PAYOUTS>;
	type MaxRevenueShares = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Benchmark setup in the mock.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_allspark_token::benchmarking::BenchmarkHelper<AccountId> for MockHelper {
	fn set_block_author() -> AccountId {
		99
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn create_listing(owner: &AccountId, shares: u32) -> ListingId {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(owner, INITIAL);
		let co = shares.clamp(1, 4) as u64 - 1;
		let shares = if co == 0 {
			vec![]
		} else {
			let mut shares: Vec<(AccountId, Permill)> =
				(0..co).map(|i| (1_000 + i, Permill::from_percent(10))).collect();
			shares.push((*owner, Permill::from_percent(100 - 10 * co as u32)));
			for (a, _) in &shares {
				let _ = Balances::mint_into(a, ED);
			}
			shares
		};
		let id = pallet_allspark_content::NextListingId::<Test>::get();
		let n = (id % 250) as u8;
		assert_ok!(Content::do_register(
			*owner,
			[n; 32],
			b"ipfs://bench".to_vec(),
			Category::Audio,
			terms(),
			shares,
		));
		id
	}
	fn configure_service_charge() {}
}

/// Terms offering a personal licence.
pub fn terms() -> LicenceTerms<u64> {
	LicenceTerms {
		personal: true,
		commercial: false,
		republication: false,
		licence_duration: None,
		distributor_commission: Permill::zero(),
	}
}

/// The test parameters: stake ≥ 100, 10-block phases, tolerance 10, incoherent lose 10 %,
/// silent 20 %, a draw of 50, 50-block eras, threshold 60, 10 % of the incentive pot an era.
pub fn params() -> ParamsOf<Test> {
	Params {
		min_stake: MIN_STAKE,
		commit_period: COMMIT,
		reveal_period: REVEAL,
		tolerance: 10,
		incoherent_slash: Perbill::from_percent(10),
		silent_slash: Perbill::from_percent(20),
		round_draw: DRAW,
		era_length: ERA,
		reward_threshold: 60,
		era_payout: Perbill::from_percent(10),
		min_revealers: 1,
	}
}

/// Builds test externalities: funded accounts, funded pots, the service charge and the
/// evaluation parameters configured.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	params: Option<ParamsOf<Test>>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, INITIAL),
				(BOB, INITIAL),
				(CHARLIE, INITIAL),
				(DAVE, INITIAL),
				(EVE, INITIAL),
				(POOR, ED + 50),
			]
			.into_iter()
			.chain((10..30).map(|a| (a, INITIAL)))
			.collect(),
			params: Some(params()),
		}
	}
}

impl ExtBuilder {
	/// Leave the parameters unset.
	pub fn unconfigured(mut self) -> Self {
		self.params = None;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_allspark_token::GenesisConfig::<Test> {
			rates: Some(ChargeRates {
				trade_rate: Permill::from_percent(2),
				min_charge: 5,
				evaluation_fee: FEE,
			}),
			split: Some(ChargeSplit {
				burn: Permill::from_percent(20),
				treasury: Permill::from_percent(30),
				evaluation: Permill::from_percent(50),
			}),
			author_reward: 0,
			pots: vec![
				(Pot::Treasury, ED),
				(Pot::CommunityIncentives, POT),
				(Pot::NodeIncentives, ED),
				(Pot::EvaluationRewards, POT),
			],
			total_issuance: None,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_allspark_evaluation::GenesisConfig::<Test> { params: self.params }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants and that issuance fell only by what the
	/// service charge burned.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = pallet_balances::TotalIssuance::<Test>::get();
			let burned = pallet_allspark_token::BurnedTotal::<Test>::get();
			test();
			check_invariants(issuance, burned);
		})
	}
}

/// The pallet's invariants, and issuance conserved but for burns.
pub fn check_invariants(issuance_at_start: Balance, burned_at_start: Balance) {
	Evaluation::do_try_state().expect("evaluation invariants hold");
	Content::do_try_state().expect("content invariants hold");
	let issuance = pallet_balances::TotalIssuance::<Test>::get();
	let sum: Balance = frame_system::Account::<Test>::iter()
		.map(|(_, a)| a.data.free + a.data.reserved)
		.sum();
	assert_eq!(issuance, sum, "total issuance equals the sum of all balances");
	let burned = pallet_allspark_token::BurnedTotal::<Test>::get() - burned_at_start;
	assert_eq!(issuance, issuance_at_start - burned, "issuance fell only by what was burned");
}

/// Advance to block `n`, running the pallet's `on_initialize` on each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Evaluation::on_initialize(next);
	}
}

/// Register listing `hash(n)` owned by `who` with `shares`.
pub fn register_with(who: AccountId, n: u8, shares: Vec<(AccountId, Permill)>) -> ListingId {
	let id = pallet_allspark_content::NextListingId::<Test>::get();
	assert_ok!(Content::do_register(
		who,
		[n; 32],
		b"ipfs://work".to_vec(),
		Category::Audio,
		terms(),
		shares,
	));
	id
}

/// Register a listing owned by Alice, with no co-creators.
pub fn listing() -> ListingId {
	register_with(ALICE, 1, vec![])
}

/// Open a round on `listing` (paid by [`OPENER`]); returns its id.
pub fn open(listing: ListingId) -> RoundId {
	let id = NextRoundId::<Test>::get();
	assert_ok!(Evaluation::open_round(RuntimeOrigin::signed(OPENER), listing));
	id
}

/// The salt `who` uses in these tests.
pub fn salt(who: AccountId) -> [u8; 32] {
	[who as u8; 32]
}

/// `who`'s commitment to `score`.
pub fn hash(who: AccountId, score: Score) -> H256 {
	Evaluation::commitment_of(score, &salt(who), &who)
}

/// Commit `score` with `stake` for `who`.
pub fn commit(round: RoundId, who: AccountId, score: Score, stake: Balance) {
	assert_ok!(Evaluation::commit(RuntimeOrigin::signed(who), round, hash(who, score), stake));
}

/// Reveal `score` for `who`.
pub fn reveal(round: RoundId, who: AccountId, score: Score) {
	assert_ok!(Evaluation::reveal(RuntimeOrigin::signed(who), round, score, salt(who)));
}

/// The events the pallet emitted, oldest first.
pub fn evaluation_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Evaluation(e) = r.event { Some(e) } else { None })
		.collect()
}

/// Free balance.
pub fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

/// The evaluation-reward pot's balance.
pub fn reward_pot() -> Balance {
	free(RewardPotAccount::get())
}

/// The community-incentive pot's balance.
pub fn incentive_pot() -> Balance {
	free(IncentivePotAccount::get())
}
