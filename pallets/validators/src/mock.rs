//! A mock runtime for the validators pallet: the real session pallet, rotating every
//! [`SESSION_LENGTH`] blocks, with this pallet as its session manager.

use crate::{self as pallet_allspark_validators};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use pallet_session::{PeriodicSessions, SessionHandler};
use sp_runtime::{testing::UintAuthorityId, traits::OpaqueKeys, BuildStorage, KeyTypeId};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

pub const SESSION_LENGTH: u64 = 5;
pub const MIN: u32 = 3;
pub const MAX: u32 = 6;

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
	// Before the session pallet: its genesis asks this pallet for the initial set.
	#[runtime::pallet_index(2)]
	pub type Validators = pallet_allspark_validators;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(4)]
	pub type Historical = pallet_session::historical;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

parameter_types! {
	/// The authorities the consensus engine was last told about (the active set).
	pub static Authorities: Vec<AccountId> = vec![];
}

/// Records the active set, as Aura and GRANDPA would receive it.
pub struct TestSessionHandler;
impl SessionHandler<AccountId> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[sp_runtime::key_types::DUMMY];
	fn on_genesis_session<K: OpaqueKeys>(validators: &[(AccountId, K)]) {
		Authorities::set(validators.iter().map(|(v, _)| *v).collect());
	}
	fn on_new_session<K: OpaqueKeys>(
		_changed: bool,
		validators: &[(AccountId, K)],
		_queued: &[(AccountId, K)],
	) {
		Authorities::set(validators.iter().map(|(v, _)| *v).collect());
	}
	fn on_disabled(_validator_index: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = PeriodicSessions<crate::SessionPeriod<Test>, ConstU64<0>>;
	type NextSessionRotation = PeriodicSessions<crate::SessionPeriod<Test>, ConstU64<0>>;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Test, Validators>;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

impl pallet_session::historical::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = UnitIdentification;
}

/// Every account identifies as itself alone.
pub struct UnitIdentification;
impl sp_runtime::traits::Convert<AccountId, Option<()>> for UnitIdentification {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

/// The bond a validator holds, in the mock.
pub const BOND: u64 = 100;
/// Where slashes go.
pub const TREASURY: AccountId = 99;

parameter_types! {
	pub static BondAmount: u64 = BOND;
	pub const Treasury: AccountId = TREASURY;
}

/// Frozen balances as pallet-balances keeps them (locks and freezes), read from the system
/// pallet's account store.
pub struct SystemFrozen;
impl allspark_primitives::FrozenBalance<AccountId, u64> for SystemFrozen {
	fn frozen_balance(who: &AccountId) -> u64 {
		frame_system::Account::<Test>::get(who).data.frozen
	}
}

impl crate::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type BondCurrency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type FrozenBalance = SystemFrozen;
	type BondAmount = BondAmount;
	type BondingDelay = ConstU32<3>;
	type SlashBeneficiary = Treasury;
	type MaxValidators = ConstU32<MAX>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = KeysOfAccount;
}

/// Session keys for the benchmarks: an account's own id (the mock's keys need no proof).
#[cfg(feature = "runtime-benchmarks")]
pub struct KeysOfAccount;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<Test> for KeysOfAccount {
	fn session_keys(owner: &AccountId) -> (UintAuthorityId, Vec<u8>) {
		(UintAuthorityId(*owner), Vec::new())
	}
}

/// Builds test externalities: validators 1–4 at genesis; accounts 1–9 funded, 1–8 with keys and
/// bonded; the treasury alive.
pub struct ExtBuilder {
	validators: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { validators: vec![1, 2, 3, 4] }
	}
}

impl ExtBuilder {
	pub fn validators(mut self, v: Vec<AccountId>) -> Self {
		self.validators = v;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=9).map(|a| (a, 1_000)).chain([(TREASURY, 1)]).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		crate::GenesisConfig::<Test> {
			validators: self.validators.clone(),
			min_validators: MIN,
			session_length: SESSION_LENGTH,
			genesis_bond: BOND,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		// Genesis validators' keys are authorities; 5–8 have registered keys too.
		let keys = |a: &AccountId| (*a, *a, UintAuthorityId(*a));
		pallet_session::GenesisConfig::<Test> {
			keys: self.validators.iter().map(keys).collect(),
			non_authority_keys: (5..=8)
				.filter(|a| !self.validators.contains(a))
				.map(|a| keys(&a))
				.collect(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			// The candidates with keys are bonded too.
			for who in (5..=8).filter(|a| !self.validators.contains(a)) {
				Validators::bond(RuntimeOrigin::signed(who)).expect("a candidate bonds");
			}
			System::reset_events();
		});
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Validators::do_try_state().expect("validators invariants hold");
		})
	}
}

/// Advance to block `n`, running the session pallet's `on_initialize` (which rotates sessions).
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// Advance to the first block of session `index`.
pub fn run_to_session(index: u32) {
	run_to_block(index as u64 * SESSION_LENGTH);
	assert_eq!(Session::current_index(), index);
}

/// The validators pallet's events, oldest first.
pub fn validator_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Validators(e) = r.event { Some(e) } else { None })
		.collect()
}
