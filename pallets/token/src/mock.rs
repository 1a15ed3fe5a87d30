//! A mock runtime for the token pallet's tests.

use crate::{self as pallet_allspark_token, ChargeRates, ChargeSplit, Pot};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU64, FindAuthor},
	ConsensusEngineId,
};
use sp_runtime::{BuildStorage, Permill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const ED: Balance = 10;

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
}

parameter_types! {
	/// The author `FindAuthor` reports; `None` for a block without a known author.
	pub static Author: Option<AccountId> = Some(CHARLIE);
	/// The most root may spend from the treasury at once, in the mock.
	pub static SpendLimit: Balance = 20_000;
}

pub struct MockAuthor;
impl FindAuthor<AccountId> for MockAuthor {
	fn find_author<'a, I>(_digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		Author::get()
	}
}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl crate::Config for Test {
	type Currency = Balances;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type SpendOrigin = frame_system::EnsureRootWithSuccess<AccountId, SpendLimit>;
	type FindAuthor = MockAuthor;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockAuthor;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<AccountId> for MockAuthor {
	fn set_block_author() -> AccountId {
		Author::set(Some(99));
		99
	}
}

/// The default rates: 2.5 % of a trade, at least 5, evaluation fee 100.
pub fn default_rates() -> ChargeRates<Balance> {
	ChargeRates { trade_rate: Permill::from_parts(25_000), min_charge: 5, evaluation_fee: 100 }
}

/// The default split: 20 % burned, 30 % treasury, 50 % evaluation rewards.
pub fn default_split() -> ChargeSplit {
	ChargeSplit {
		burn: Permill::from_percent(20),
		treasury: Permill::from_percent(30),
		evaluation: Permill::from_percent(50),
	}
}

/// Builds test externalities: funded accounts, funded pots, rates and split.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	pots: Vec<(Pot, Balance)>,
	author_reward: Balance,
	total_issuance: Option<Balance>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![(ALICE, 1_000_000), (BOB, 1_000)],
			pots: vec![
				(Pot::Treasury, 10_000),
				(Pot::CommunityIncentives, 20_000),
				(Pot::NodeIncentives, 1_000),
				(Pot::EvaluationRewards, ED),
			],
			author_reward: 0,
			total_issuance: None,
		}
	}
}

impl ExtBuilder {
	pub fn author_reward(mut self, r: Balance) -> Self {
		self.author_reward = r;
		self
	}
	pub fn pot(mut self, pot: Pot, amount: Balance) -> Self {
		self.pots.retain(|(p, _)| *p != pot);
		self.pots.push((pot, amount));
		self
	}
	pub fn balance(mut self, who: AccountId, amount: Balance) -> Self {
		self.balances.retain(|(a, _)| *a != who);
		self.balances.push((who, amount));
		self
	}
	pub fn total_issuance(mut self, t: Balance) -> Self {
		self.total_issuance = Some(t);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		crate::GenesisConfig::<Test> {
			rates: Some(default_rates()),
			split: Some(default_split()),
			author_reward: self.author_reward,
			pots: self.pots,
			total_issuance: self.total_issuance,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants and the conservation of issuance.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance_at_start = pallet_balances::TotalIssuance::<Test>::get();
			let burned_at_start = crate::BurnedTotal::<Test>::get();
			test();
			Token::do_try_state().expect("token invariants hold");
			assert_issuance_conserved(issuance_at_start, burned_at_start);
		})
	}
}

/// Total issuance equals the sum of all balances, and fell only by what was burned.
pub fn assert_issuance_conserved(issuance_at_start: Balance, burned_at_start: Balance) {
	let issuance = pallet_balances::TotalIssuance::<Test>::get();
	let sum: Balance = frame_system::Account::<Test>::iter()
		.map(|(_, a)| a.data.free + a.data.reserved)
		.sum();
	assert_eq!(issuance, sum, "total issuance equals the sum of all balances");
	let burned = crate::BurnedTotal::<Test>::get() - burned_at_start;
	assert_eq!(issuance, issuance_at_start - burned, "issuance fell only by what was burned");
}

/// Advance to block `n`, running the token pallet's `on_initialize` on each block.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Token::on_initialize(next);
	}
}

/// The events the token pallet emitted, oldest first.
pub fn token_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Token(e) = r.event { Some(e) } else { None })
		.collect()
}
