//! The real runtime, natively, as a node runs it: blocks initialised from a header with an
//! Aura slot, the timestamp inherent, signed extrinsics through every transaction extension
//! (nonce, weight, fees), `on_idle` and `on_finalize`, then the invariants.

use crate::checks;
use allspark_runtime::{
	genesis_config_presets, AccountId, Balance, BlockNumber, BuildStorage, Executive, Header,
	Runtime, RuntimeCall, RuntimeEvent, System, TxExtension, UncheckedExtrinsic, ASK,
	SLOT_DURATION,
};
use codec::Encode;
use frame_support::{
	dispatch::GetDispatchInfo,
	storage::{with_transaction, TransactionOutcome},
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{storage::Storage, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{CheckedExtrinsic, Digest, DigestItem, Era, ExtrinsicFormat},
	traits::{Applyable, Header as _},
};
use std::{collections::BTreeMap, sync::OnceLock};

/// The account whose balance is mostly locked by a vesting schedule.
pub fn vesting_account() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}

/// The accounts that sign: the dev keys (Alice is the sudo key and the validator; Ferdie's
/// balance vests) and one account that holds nothing.
pub fn signers() -> Vec<AccountId> {
	let mut all: Vec<AccountId> = [
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.iter()
	.map(|k| k.to_account_id())
	.collect();
	all.push(AccountId::from([0x42; 32]));
	all
}

/// The dev preset's genesis, with [`vesting_account`]'s balance vesting over 100,000 blocks but
/// 1,000 ASK: built once per process.
pub fn genesis() -> &'static Storage {
	static GENESIS: OnceLock<Storage> = OnceLock::new();
	GENESIS.get_or_init(|| {
		let mut config =
			genesis_config_presets::preset_config(&sp_genesis_builder::DEV_RUNTIME_PRESET.into())
				.expect("the dev preset exists");
		config.vesting.vesting.push((vesting_account(), 0, 100_000, 1_000 * ASK));
		config.build_storage().expect("the genesis builds")
	})
}

/// What became of an extrinsic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
	/// Included and dispatched successfully.
	Ok,
	/// Included, paid its fee, and its dispatch failed with an error.
	Failed,
	/// Refused before dispatch (nonce, fee, weight): not in the block, no state change.
	Invalid,
}

/// Counts over a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
	/// Blocks executed (jumps' empty blocks included).
	pub blocks: u64,
	/// Extrinsics included and successful.
	pub ok: u64,
	/// Extrinsics included whose dispatch failed.
	pub failed: u64,
	/// Extrinsics refused before dispatch.
	pub invalid: u64,
	/// Generated calls that did not decode (arguments out of bounds).
	pub undecodable: u64,
	/// Successful extrinsics by pallet (the outer call's pallet index).
	pub ok_by_pallet: BTreeMap<u8, u64>,
}

impl Stats {
	/// Extrinsics executed: included (successful or not) or refused.
	pub fn calls(&self) -> u64 {
		self.ok + self.failed + self.invalid
	}

	/// Add `other`'s counts.
	pub fn add(&mut self, other: &Stats) {
		self.blocks += other.blocks;
		self.ok += other.ok;
		self.failed += other.failed;
		self.invalid += other.invalid;
		self.undecodable += other.undecodable;
		for (pallet, n) in &other.ok_by_pallet {
			*self.ok_by_pallet.entry(*pallet).or_default() += n;
		}
	}
}

/// A chain built from [`genesis`], one block open at a time.
pub struct Chain {
	ext: sp_io::TestExternalities,
	parent: H256,
	slot: u64,
	/// The total issuance plus the token pallet's recorded burns when the chain was loaded: what
	/// they add up to as long as nothing else burns and nothing mints.
	baseline: Balance,
	/// What pallet-balances burned since outside the token pallet's record (`burn`, dust).
	burned_by_balances: Balance,
	/// Counts so far.
	pub stats: Stats,
}

impl Default for Chain {
	fn default() -> Self {
		Self::new()
	}
}

impl Chain {
	/// A chain at genesis ([`genesis`]) with block 1 open; its slots count from a time in 2026.
	pub fn new() -> Self {
		let ext = sp_io::TestExternalities::new(genesis().clone());
		Self::load(ext, H256::zero(), 1_780_000_000_000 / SLOT_DURATION)
	}

	/// A chain in the state `storage` of the block `hash` (a running chain's snapshot), with
	/// the next block open in the next slot.
	pub fn from_snapshot(storage: Storage, hash: H256) -> Self {
		Self::from_externalities(sp_io::TestExternalities::new(storage), hash)
	}

	/// A chain in `ext`'s state, that of the block `hash` (no block open), with the next block
	/// open in the next slot.
	pub fn from_externalities(mut ext: sp_io::TestExternalities, hash: H256) -> Self {
		let slot = ext.execute_with(|| u64::from(pallet_aura::CurrentSlot::<Runtime>::get()));
		Self::load(ext, hash, slot)
	}

	/// A chain in `ext`'s state at the block `parent`, last authored in `slot`, with the next
	/// block open.
	fn load(mut ext: sp_io::TestExternalities, parent: H256, slot: u64) -> Self {
		let baseline = ext.execute_with(|| {
			pallet_balances::TotalIssuance::<Runtime>::get()
				.saturating_add(pallet_allspark_token::BurnedTotal::<Runtime>::get())
		});
		let mut chain =
			Self { ext, parent, slot, baseline, burned_by_balances: 0, stats: Stats::default() };
		chain.open_block(1);
		chain
	}

	/// The open block's number.
	pub fn now(&mut self) -> BlockNumber {
		self.ext.execute_with(System::block_number)
	}

	/// Open the next block, `slots` slots after the last (more than one: missed slots).
	fn open_block(&mut self, slots: u64) {
		self.slot = self.slot.saturating_add(slots.max(1));
		let (slot, parent) = (self.slot, self.parent);
		self.ext.execute_with(|| {
			let number = System::block_number().saturating_add(1);
			let digest = Digest {
				logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
			};
			let header = Header::new(number, H256::zero(), H256::zero(), parent, digest);
			Executive::initialize_block(&header);
			let now = slot.saturating_mul(SLOT_DURATION);
			let inherent =
				UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
					now,
				}));
			Executive::apply_extrinsic(inherent)
				.expect("the timestamp inherent is valid")
				.expect("the timestamp inherent succeeds");
			Executive::inherents_applied();
		});
	}

	/// Finalise the open block, check every invariant, and open the next one `slots` later.
	pub fn next_block(&mut self, slots: u64) -> Result<(), String> {
		self.close_block(true)?;
		self.open_block(slots);
		Ok(())
	}

	/// Let `blocks` empty blocks pass: every invariant checked after each, or after the last
	/// one only when [`check_every_block`] is off (the long libFuzzer runs: an empty block's
	/// hooks run in full either way, and what they break stays broken at the jump's end).
	pub fn jump(&mut self, blocks: u32) -> Result<(), String> {
		let every = check_every_block();
		for n in 1..=blocks {
			self.close_block(every || n == blocks)?;
			self.open_block(1);
		}
		Ok(())
	}

	/// Finalise the open block and count it; check every invariant if `check`.
	fn close_block(&mut self, check: bool) -> Result<(), String> {
		let (baseline, mut burned) = (self.baseline, self.burned_by_balances);
		let (header, result) = self.ext.execute_with(|| {
			let header = Executive::finalize_block();
			// Looked for after every block, checked or not: the events go with the next one.
			let (burned_here, unexpected) = balances_events_in_block();
			burned = burned.saturating_add(burned_here);
			let result = match unexpected {
				Some(kind) => Err(format!("pallet-balances emitted Unexpected({kind})")),
				None if check => checks::after_block(baseline, burned),
				None => Ok(()),
			};
			(header, result)
		});
		// Into the backend, as a node stores a block: each next block's storage root is then
		// computed over its own changes, not over every change since genesis.
		self.ext
			.commit_all()
			.map_err(|e| format!("storing block {}: {e}", header.number))?;
		self.burned_by_balances = burned;
		self.parent = header.hash();
		self.stats.blocks += 1;
		result.map_err(|e| format!("after block {}: {e}", header.number))
	}

	/// Apply `call` signed by `who`, with its next nonce and no tip, through every
	/// transaction extension. A refused extrinsic leaves no trace, as a block builder drops it.
	pub fn apply(&mut self, who: &AccountId, call: RuntimeCall) -> Applied {
		let pallet = call.using_encoded(|bytes| bytes.first().copied().unwrap_or_default());
		// The call is printed before it runs, so that a call that panics shows.
		let traced = trace();
		if traced {
			eprint!("{who}: {call:?}");
		}
		let applied = self.ext.execute_with(|| apply_signed(who, call));
		if traced {
			let error = self.ext.execute_with(last_dispatch_error);
			eprintln!(" -> {applied:?} {}", error.unwrap_or_default());
		}
		match applied {
			Applied::Ok => {
				self.stats.ok += 1;
				*self.stats.ok_by_pallet.entry(pallet).or_default() += 1;
			},
			Applied::Failed => self.stats.failed += 1,
			Applied::Invalid => self.stats.invalid += 1,
		}
		applied
	}

	/// The next id of each kind of object, for [`crate::calls::Context::next_ids`].
	pub fn next_ids(&mut self) -> Vec<(&'static str, u64)> {
		self.ext.execute_with(|| {
			vec![
				("ListingId", pallet_allspark_content::NextListingId::<Runtime>::get()),
				("OrderId", pallet_allspark_market::NextOrderId::<Runtime>::get()),
				("OfferId", pallet_allspark_market::NextOfferId::<Runtime>::get()),
				("RequestId", pallet_allspark_market::NextRequestId::<Runtime>::get()),
				("RoundId", u64::from(pallet_allspark_evaluation::NextRoundId::<Runtime>::get())),
			]
		})
	}

	/// Run `f` against the chain's state (the open block's).
	pub fn execute_with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}
}

/// The transaction extensions of a signed extrinsic from an account at `nonce`.
fn extensions(nonce: u32) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// What `Executive::apply_extrinsic` does after checking the signature: the fuzzer's
/// extrinsics are checked already (signing every call would cost more than running it).
fn apply_signed(who: &AccountId, call: RuntimeCall) -> Applied {
	let nonce = System::account_nonce(who);
	let encoded = call.encode();
	// The call plus an extrinsic's envelope: address, signature and extensions.
	let len = encoded.len().saturating_add(110);
	let xt: CheckedExtrinsic<AccountId, RuntimeCall, TxExtension> = CheckedExtrinsic {
		format: ExtrinsicFormat::Signed(who.clone(), extensions(nonce)),
		function: call,
	};
	let info = xt.get_dispatch_info();
	with_transaction(|| {
		System::note_extrinsic(encoded);
		match Applyable::apply::<Runtime>(xt, &info, len) {
			Err(_) => {
				TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(Applied::Invalid))
			},
			Ok(r) => {
				System::note_applied_extrinsic(&r, info);
				let applied = if r.is_ok() { Applied::Ok } else { Applied::Failed };
				TransactionOutcome::Commit(Ok(applied))
			},
		}
	})
	.unwrap_or(Applied::Invalid)
}

/// Whether every invariant is checked after every block (the default, the smoke's), or only
/// after blocks with calls and at the end of each jump (`ALLSPARK_FUZZ_CHECKS=jumps`, which
/// scripts/fuzz.sh sets for its long runs).
pub fn check_every_block() -> bool {
	static EVERY: OnceLock<bool> = OnceLock::new();
	*EVERY.get_or_init(|| std::env::var("ALLSPARK_FUZZ_CHECKS").map_or(true, |v| v != "jumps"))
}

/// Whether to print every call and its outcome (`ALLSPARK_FUZZ_TRACE=1`), to read what an
/// input does.
fn trace() -> bool {
	static TRACE: OnceLock<bool> = OnceLock::new();
	*TRACE.get_or_init(|| std::env::var("ALLSPARK_FUZZ_TRACE").is_ok_and(|v| v == "1"))
}

/// The error of the last failed extrinsic of this block, if the last event says one failed.
fn last_dispatch_error() -> Option<String> {
	match System::read_events_no_consensus().last().map(|r| r.event.clone()) {
		Some(RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_error, ..
		})) => Some(format!("{dispatch_error:?}")),
		_ => None,
	}
}

/// What pallet-balances did in this block, read from its events in one pass: what it burned
/// outside the token pallet's record (`burn` calls and dust of reaped accounts), and the first
/// `Unexpected` event it emitted (an account it could not keep consistent: a build with debug
/// assertions panics there, a node's release build carries on with this event, so the fuzzer
/// fails on it in either build).
fn balances_events_in_block() -> (Balance, Option<String>) {
	let mut burned: Balance = 0;
	let mut unexpected = None;
	for record in System::read_events_no_consensus() {
		match record.event {
			RuntimeEvent::Balances(pallet_balances::Event::Burned { amount, .. })
			| RuntimeEvent::Balances(pallet_balances::Event::DustLost { amount, .. }) => {
				burned = burned.saturating_add(amount);
			},
			RuntimeEvent::Balances(pallet_balances::Event::Unexpected(kind))
				if unexpected.is_none() =>
			{
				unexpected = Some(format!("{kind:?}"));
			},
			_ => {},
		}
	}
	(burned, unexpected)
}
