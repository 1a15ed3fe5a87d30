//! The AllSpark runtime: a standalone chain on which content is priced by a free market.
//!
//! The runtime is composed with the `#[frame_support::runtime]` macro below, with explicit pallet
//! indices that never change once a network has launched. Pallet configurations live under
//! [`configs`], split by domain; runtime APIs in [`apis`]; genesis presets in
//! [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` does a lot of recursion and requires a higher limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;
#[cfg(test)]
mod tests;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Primitive types shared by the runtime and the node.
pub mod primitives {
	use super::*;

	/// An index to a block.
	pub type BlockNumber = u32;
	/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
	pub type Signature = MultiSignature;
	/// An account identifier: the public key of the transaction signing scheme.
	pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
	/// A balance of ASK in its smallest unit (10^-12 ASK).
	pub type Balance = u128;
	/// A transaction nonce.
	pub type Nonce = u32;
	/// A hash of some data used by the chain.
	pub type Hash = sp_core::H256;
	/// A timestamp in milliseconds since the unix epoch.
	pub type Moment = u64;
}
pub use configs::governance::dynamic_params;
pub use primitives::*;

/// Token and time constants.
pub mod constants {
	use super::*;

	/// Number of decimals of ASK, the native token.
	pub const TOKEN_DECIMALS: u8 = 12;
	/// Symbol of the native token.
	pub const TOKEN_SYMBOL: &str = "ASK";
	/// One ASK in its smallest unit.
	pub const ASK: Balance = 1_000_000_000_000;
	/// A thousandth of an ASK.
	pub const MILLI_ASK: Balance = ASK / 1_000;
	/// A millionth of an ASK.
	pub const MICRO_ASK: Balance = MILLI_ASK / 1_000;
	/// The smallest balance an account may hold and stay alive: a thousandth of an ASK.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_ASK;

	/// The SS58 address format of AllSpark accounts (unregistered elsewhere in the ss58 registry).
	pub const SS58_PREFIX: u16 = 7307;

	/// Target block time. Aura slots have this length; `pallet_timestamp` enforces half of it as
	/// the minimum period between blocks.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
	/// Slot duration of Aura. Cannot change once a chain has started.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
}
pub use constants::*;

/// Opaque types: used by the node to work with blocks without knowing the runtime's extrinsic
/// format, so it keeps syncing across runtime upgrades that change it.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: an Aura key for authoring and a GRANDPA key for voting.
	pub struct SessionKeys {
		/// Block authoring key (sr25519).
		pub aura: Aura,
		/// Finality voting key (ed25519).
		pub grandpa: Grandpa,
	}
}

/// The runtime version. Bump `spec_version` with every runtime upgrade that changes behaviour,
/// and `transaction_version` whenever the extrinsic format or call indices change.
#[cfg(not(feature = "upgrade-test"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("allspark"),
	impl_name: Cow::Borrowed("allspark-node"),
	authoring_version: 1,
	spec_version: 108,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// The same runtime with `spec_version` raised by one: the blob the end-to-end suite upgrades a
/// running network to (built only with `ALLSPARK_UPGRADE_WASM=1`, see `build.rs`).
#[cfg(feature = "upgrade-test")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("allspark"),
	impl_name: Cow::Borrowed("allspark-node"),
	authoring_version: 1,
	spec_version: 109,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;
/// BlockId type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions every signed extrinsic carries, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade.
pub type Migrations = (
	pallet_allspark_evaluation::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_allspark_market::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_allspark_market::migrations::v3::MigrateV2ToV3<Runtime>,
);

/// Executive: handles dispatch to the various pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

// Declaration order, not index order, is the order of genesis and hooks (`legacy_ordering`): the
// balances pallet comes first so that the validators pallet's genesis can hold the initial
// validators' bonds. Balances has no block hooks, so only genesis and try-state order move.
#[frame_support::runtime(legacy_ordering)]
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
	pub struct Runtime;

	// Core.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Utility = pallet_utility;

	// Before the validators pallet (declaration order is genesis order): its genesis holds the
	// initial validators' bonds.
	#[runtime::pallet_index(20)]
	pub type Balances = pallet_balances;

	// Consensus.
	#[runtime::pallet_index(10)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(11)]
	pub type Grandpa = pallet_grandpa;
	// Before the session pallet: its genesis asks this pallet for the initial set.
	#[runtime::pallet_index(12)]
	pub type Validators = pallet_allspark_validators;
	#[runtime::pallet_index(13)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(14)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(15)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(16)]
	pub type Offences = pallet_offences;

	// The ASK token: fees, vesting and the token's economics (balances above).
	#[runtime::pallet_index(21)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(22)]
	pub type Vesting = pallet_vesting;
	#[runtime::pallet_index(30)]
	pub type Token = pallet_allspark_token;

	// The content market.
	#[runtime::pallet_index(31)]
	pub type Content = pallet_allspark_content;
	#[runtime::pallet_index(32)]
	pub type Market = pallet_allspark_market;
	#[runtime::pallet_index(33)]
	pub type Evaluation = pallet_allspark_evaluation;

	// Governance: referenda on tracks, the technical committee and its whitelist, the brakes
	// and the runtime parameters (configs/governance.rs).
	#[runtime::pallet_index(40)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(41)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(42)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(43)]
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(44)]
	pub type Origins = governance::origins::pallet_governance_origins;
	#[runtime::pallet_index(45)]
	pub type Whitelist = pallet_whitelist;
	#[runtime::pallet_index(46)]
	pub type TechnicalCommittee = pallet_collective<Instance1>;
	#[runtime::pallet_index(47)]
	pub type TechnicalMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(48)]
	pub type Parameters = pallet_parameters;
	#[runtime::pallet_index(49)]
	pub type SafeMode = pallet_safe_mode;
	#[runtime::pallet_index(50)]
	pub type TxPause = pallet_tx_pause;

	// The dev and local chains' sudo key; the production preset sets none.
	#[runtime::pallet_index(90)]
	pub type Sudo = pallet_sudo;
}
