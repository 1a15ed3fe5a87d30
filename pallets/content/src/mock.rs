//! A mock runtime for the content pallet's tests.

use crate::{self as pallet_allspark_content, Category, ContentHash, LicenceTerms, ListingId};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_runtime::{BuildStorage, Permill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// An account with only a little more than the existential deposit.
pub const POOR: AccountId = 4;
pub const TREASURY: AccountId = 100;
pub const ED: Balance = 10;
pub const DEPOSIT_BASE: Balance = 100;
pub const DEPOSIT_PER_BYTE: Balance = 2;
pub const MAX_METADATA: u32 = 64;
pub const MAX_CO_CREATORS: u32 = 4;
pub const MAX_CLAIMS: u32 = 4;
/// The stored bytes of one revenue share: an 8-byte account and a 4-byte per-mill.
pub const SHARE_BYTES: Balance = 12;

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
	pub type Content = pallet_allspark_content;
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
	pub const Treasury: AccountId = TREASURY;
	/// The listings the mock market reports open obligations on.
	pub static Obligated: Vec<ListingId> = vec![];
}

/// The mock market: obligations on the listings in [`Obligated`].
pub struct MockMarket;
impl crate::ContentObligations for MockMarket {
	fn has_open_obligations(listing: ListingId) -> bool {
		Obligated::get().contains(&listing)
	}
}

/// Frozen balances as pallet-balances keeps them (locks and freezes), read from the system
/// pallet's account store.
pub struct SystemFrozen;
impl allspark_primitives::FrozenBalance<AccountId, Balance> for SystemFrozen {
	fn frozen_balance(who: &AccountId) -> Balance {
		frame_system::Account::<Test>::get(who).data.frozen
	}
}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl crate::Config for Test {
	type Currency = Balances;
	type FrozenBalance = SystemFrozen;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type Treasury = Treasury;
	type Obligations = MockMarket;
	type DepositBase = ConstU64<DEPOSIT_BASE>;
	type DepositPerByte = ConstU64<DEPOSIT_PER_BYTE>;
	type MaxMetadataLen = ConstU32<MAX_METADATA>;
	type MaxCoCreators = ConstU32<MAX_CO_CREATORS>;
	type MaxPageSize = ConstU32<3>;
	type MaxClaims = ConstU32<MAX_CLAIMS>;
}

/// Builds test externalities with funded accounts.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, 1_000_000),
				(BOB, 1_000_000),
				(CHARLIE, 1_000),
				(POOR, ED + 50),
				(TREASURY, ED),
			],
		}
	}
}

impl ExtBuilder {
	pub fn balance(mut self, who: AccountId, amount: Balance) -> Self {
		self.balances.retain(|(a, _)| *a != who);
		self.balances.push((who, amount));
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let balances = self.balances.into_iter().filter(|(_, b)| *b > 0).collect();
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants and that issuance is unchanged (the content
	/// pallet only holds, releases and moves funds).
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			Obligated::set(vec![]);
			let issuance = pallet_balances::TotalIssuance::<Test>::get();
			test();
			Content::do_try_state().expect("content invariants hold");
			assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance, "issuance changed");
			let sum: Balance = frame_system::Account::<Test>::iter()
				.map(|(_, a)| a.data.free + a.data.reserved)
				.sum();
			assert_eq!(sum, issuance, "total issuance equals the sum of all balances");
		})
	}
}

/// Advance to block `n`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
	}
}

/// A content hash made from a number.
pub fn hash(n: u8) -> ContentHash {
	[n; 32]
}

/// Terms offering personal and commercial licences for 100 blocks, 5 % to distributors.
pub fn terms() -> LicenceTerms<u64> {
	LicenceTerms {
		personal: true,
		commercial: true,
		republication: false,
		licence_duration: Some(100),
		distributor_commission: Permill::from_percent(5),
	}
}

/// The deposit for `metadata` bytes and `shares` co-creators.
pub fn deposit(metadata: usize, shares: usize) -> Balance {
	DEPOSIT_BASE + DEPOSIT_PER_BYTE * (metadata as Balance + shares as Balance * SHARE_BYTES)
}

/// `who` claims `hash(n)` (the mock's claim delay is 0: it may register in the same block).
pub fn claim(who: AccountId, n: u8) {
	let commitment = Content::claim_commitment(&hash(n), &who);
	frame_support::assert_ok!(Content::claim(RuntimeOrigin::signed(who), commitment));
}

/// Claim and register a listing of `hash(n)` by `who` with 10 bytes of metadata and no
/// co-creators.
pub fn register(who: AccountId, n: u8) -> ListingId {
	let id = crate::NextListingId::<Test>::get();
	claim(who, n);
	frame_support::assert_ok!(Content::register(
		RuntimeOrigin::signed(who),
		hash(n),
		b"ipfs://abc".to_vec(),
		Category::Text,
		terms(),
		vec![],
	));
	id
}

/// The events the content pallet emitted, oldest first.
pub fn content_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Content(e) = r.event { Some(e) } else { None })
		.collect()
}
