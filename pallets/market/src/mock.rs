//! A mock runtime for the market pallet's tests: the real balances, token and content pallets.

use crate::{self as pallet_allspark_market, *};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use pallet_allspark_content::{Category, LicenceTerms};
use pallet_allspark_token::{ChargeRates, ChargeSplit, Pot};
use sp_runtime::{BuildStorage, Permill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

/// A creator.
pub const ALICE: AccountId = 1;
/// A buyer.
pub const BOB: AccountId = 2;
/// A buyer.
pub const CHARLIE: AccountId = 3;
/// A distributor.
pub const DAVE: AccountId = 4;
/// A co-creator.
pub const EVE: AccountId = 5;
/// An account with little more than the existential deposit.
pub const POOR: AccountId = 6;
pub const ED: Balance = 10;
pub const INITIAL: Balance = 1_000_000;
/// The licence duration of [`terms`].
pub const LICENCE_BLOCKS: u64 = 100;
pub const SUBSCRIPTION_PERIOD: u64 = 50;
pub const EXTENSION: u64 = 5;
pub const LIFETIME: u64 = 1_000;
pub const MAX_LEVELS: u32 = 4;
pub const MAX_FILLS: u32 = 8;
pub const MAX_ORDERS_PER_LEVEL: u32 = 12;
pub const MAX_REMOVALS: u32 = 3;
pub const MAX_SETTLEMENTS: u32 = 3;
pub const MAX_CLEANUP: u32 = 6;
pub const MAX_PROPOSALS: u32 = 3;

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
	pub type Market = pallet_allspark_market;
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
	type Obligations = Market;
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
	type RuntimeHoldReason = RuntimeHoldReason;
	type Content = Content;
	type ServiceCharge = Token;
	type OnTrade = TradeRecorder;
	type MaxPriceLevels = ConstU32<MAX_LEVELS>;
	type MaxOrdersPerLevel = ConstU32<MAX_ORDERS_PER_LEVEL>;
	type MaxFillsPerCall = ConstU32<MAX_FILLS>;
	type MaxRemovalsPerCall = ConstU32<MAX_REMOVALS>;
	type MaxOrderLifetime = ConstU64<LIFETIME>;
	type MaxCleanupPerBlock = ConstU32<MAX_CLEANUP>;
	type MaxSettlementsPerBlock = ConstU32<MAX_SETTLEMENTS>;
	type SubscriptionPeriod = ConstU64<SUBSCRIPTION_PERIOD>;
	type AuctionExtension = ConstU64<EXTENSION>;
	type MaxProposalsPerRequest = ConstU32<MAX_PROPOSALS>;
	type MaxPageSize = ConstU32<10>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

std::thread_local! {
	/// The trades reported to [`TradeRecorder`]: (listing, value).
	pub static TRADES: core::cell::RefCell<Vec<(ListingId, Balance)>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Records the trades the market reports.
pub struct TradeRecorder;
impl pallet_allspark_content::OnTrade<AccountId, Balance> for TradeRecorder {
	fn on_trade(trade: pallet_allspark_content::TradeReport<AccountId, Balance>) {
		TRADES.with(|t| t.borrow_mut().push((trade.listing, trade.value)));
	}
}

/// The trades reported so far.
pub fn reported_trades() -> Vec<(ListingId, Balance)> {
	TRADES.with(|t| t.borrow().clone())
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
	fn create_listing(owner: &AccountId, co_creators: u32) -> ListingId {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(owner, INITIAL);
		let co = co_creators.min(3) as u64;
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

/// The default rates: 2 % of a trade, at least 5; evaluation fee 100.
pub fn rates() -> ChargeRates<Balance> {
	ChargeRates { trade_rate: Permill::from_percent(2), min_charge: 5, evaluation_fee: 100 }
}

/// Terms offering every licence kind for [`LICENCE_BLOCKS`], 10 % to distributors.
pub fn terms() -> LicenceTerms<u64> {
	LicenceTerms {
		personal: true,
		commercial: true,
		republication: true,
		licence_duration: Some(LICENCE_BLOCKS),
		distributor_commission: Permill::from_percent(10),
	}
}

/// Builds test externalities: funded accounts and pots, the service charge configured.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, INITIAL),
				(BOB, INITIAL),
				(CHARLIE, INITIAL),
				(DAVE, INITIAL),
				(EVE, ED),
				(POOR, ED + 20),
			],
		}
	}
}

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_allspark_token::GenesisConfig::<Test> {
			rates: Some(rates()),
			split: Some(ChargeSplit {
				burn: Permill::from_percent(20),
				treasury: Permill::from_percent(30),
				evaluation: Permill::from_percent(50),
			}),
			author_reward: 0,
			pots: vec![
				(Pot::Treasury, ED),
				(Pot::CommunityIncentives, ED),
				(Pot::NodeIncentives, ED),
				(Pot::EvaluationRewards, ED),
			],
			total_issuance: None,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the market's invariants and that issuance fell only by what the
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

/// The market's invariants, and issuance conserved but for burns.
pub fn check_invariants(issuance_at_start: Balance, burned_at_start: Balance) {
	Market::do_try_state().expect("market invariants hold");
	Content::do_try_state().expect("content invariants hold");
	let issuance = pallet_balances::TotalIssuance::<Test>::get();
	let sum: Balance = frame_system::Account::<Test>::iter()
		.map(|(_, a)| a.data.free + a.data.reserved)
		.sum();
	assert_eq!(issuance, sum, "total issuance equals the sum of all balances");
	let burned = pallet_allspark_token::BurnedTotal::<Test>::get() - burned_at_start;
	assert_eq!(issuance, issuance_at_start - burned, "issuance fell only by what was burned");
}

/// Advance to block `n`: each block ends with the market's `on_idle` (with a whole block's
/// spare weight) and the next starts with its `on_initialize`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		Market::on_idle(System::block_number(), frame_support::weights::Weight::MAX);
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Market::on_initialize(next);
	}
}

/// End the block as `on_idle` does, as often as it takes to empty the settlement queue.
pub fn settle_all() {
	while SettlementPages::<Test>::get().0 != SettlementPages::<Test>::get().1 {
		Market::on_idle(System::block_number(), frame_support::weights::Weight::MAX);
	}
}

/// Register listing `hash(n)` owned by `who` with the default terms and `shares`.
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

pub const PERSONAL: Right = Right::Licence(LicenceKind::Personal);

/// Place a limit order that must succeed; returns its id.
pub fn place(
	who: AccountId,
	listing: ListingId,
	side: Side,
	price: Balance,
	quantity: Quantity,
) -> OrderId {
	let id = NextOrderId::<Test>::get();
	assert_ok!(Market::place_order(
		RuntimeOrigin::signed(who),
		listing,
		PERSONAL,
		side,
		price,
		quantity,
		None,
		false,
		None
	));
	settle_all();
	id
}

/// The events the market emitted, oldest first.
pub fn market_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Market(e) = r.event { Some(e) } else { None })
		.collect()
}

/// Free balance.
pub fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}
