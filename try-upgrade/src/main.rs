//! `allspark-try-upgrade <snapshot.json> [--blocks N]`: applies the next runtime to a snapshot
//! of a running chain and runs it on.
//!
//! The snapshot is the whole state of one block, read over RPC (`state_getKeysPaged`,
//! `state_queryStorageAt`; the e2e suite's `upgrade-check` test writes it): `{ "number": n,
//! "hash": "0x…", "top": { "0x<key>": "0x<value>", … } }`. On it the tool
//! 1. runs the runtime's upgrade as `try-runtime` does (`Executive::try_runtime_upgrade`): every
//!    migration of `Migrations` with its pre- and post-upgrade checks, every pallet's
//!    `on_runtime_upgrade`, then the whole state decoded by the new types and every pallet's
//!    `try_state`;
//! 2. executes the next blocks (`--blocks`, default 30: three phases of a dev round) as a node
//!    would (Aura slots, the timestamp inherent, `on_idle`, `on_finalize`), checking after
//!    each every pallet's `try_state`, the conservation of issuance and every hold's record
//!    (`allspark_fuzz::checks`).
//!
//! "The next runtime" is this binary's native runtime: the code the upgrade blob
//! (`allspark_runtime_upgrade.compressed.wasm`, the same code with `spec_version` one higher)
//! is built from. The wasm blobs carry no try-runtime, so the checks run natively.
//!
//! It prints what the snapshot holds, then one JSON line (`report: {…}`) with the figures, and
//! exits non-zero on any failure.

use allspark_fuzz::chain::Chain;
use allspark_runtime::{Executive, Runtime, System};
use frame_try_runtime::UpgradeCheckSelect;
use pallet_allspark_evaluation::Phase;
use pallet_allspark_market::{PricingMode, Side};
use sp_core::{storage::Storage, H256};
use std::collections::BTreeMap;

fn main() {
	if let Err(e) = run() {
		eprintln!("try-upgrade: {e}");
		std::process::exit(1);
	}
}

fn run() -> Result<(), String> {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let path = args.first().ok_or("usage: allspark-try-upgrade <snapshot.json> [--blocks N]")?;
	let blocks: u32 = match args.iter().position(|a| a == "--blocks") {
		Some(i) => args.get(i + 1).and_then(|n| n.parse().ok()).ok_or("--blocks takes a number")?,
		None => 30,
	};
	let (storage, hash, number) = load(path)?;
	let keys = storage.top.len();
	println!("snapshot: block {number} ({hash:?}), {keys} keys");

	let mut ext = sp_io::TestExternalities::new(storage.clone());
	let (state, from, upgrade) = ext.execute_with(|| {
		let state = holdings();
		let from = frame_system::LastRuntimeUpgrade::<Runtime>::get()
			.map(|v| v.spec_version.0)
			.unwrap_or(0);
		let upgrade = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.map_err(|e| format!("the upgrade's checks failed: {e:?}"));
		(state, from, upgrade)
	});
	let weight = upgrade?;
	let to = allspark_runtime::VERSION.spec_version;
	println!("state: {}", serde_json::to_string(&state).unwrap_or_default());
	println!(
		"upgrade: spec {from} -> {to}: migrations and on_runtime_upgrade ({} ps, {} bytes of \
		 proof), pre- and post-upgrade checks, the whole state decoded, every pallet's try_state",
		weight.ref_time(),
		weight.proof_size()
	);

	// Then the blocks, from the upgraded state.
	let mut chain = Chain::from_externalities(ext, hash);
	chain.jump(blocks).map_err(|e| format!("a block after the upgrade: {e}"))?;
	let now = chain.execute_with(System::block_number);
	println!("blocks: {blocks} executed after the upgrade (to {now}), every invariant held");
	let report = serde_json::json!({
		"block": number,
		"keys": keys,
		"state": state,
		"upgrade": { "from": from, "to": to, "refTime": weight.ref_time() },
		"blocks": blocks,
	});
	println!("report: {report}");
	Ok(())
}

/// The snapshot's storage, block hash and number.
fn load(path: &str) -> Result<(Storage, H256, u64), String> {
	let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
	let json: serde_json::Value =
		serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
	let hex = |s: &str| sp_core::bytes::from_hex(s).map_err(|e| format!("{s:.20}: {e:?}"));
	let hash_bytes = hex(json["hash"].as_str().ok_or("no hash")?)?;
	if hash_bytes.len() != 32 {
		return Err("the hash is not 32 bytes".into());
	}
	let number = json["number"].as_u64().ok_or("no number")?;
	let mut top = BTreeMap::new();
	for (k, v) in json["top"].as_object().ok_or("no top")? {
		top.insert(hex(k)?, hex(v.as_str().ok_or("a value is not a string")?)?);
	}
	Ok((
		Storage { top, children_default: Default::default() },
		H256::from_slice(&hash_bytes),
		number,
	))
}

/// What the chain holds in each pallet, by kind, as counts.
fn holdings() -> serde_json::Value {
	let now = System::block_number();
	let (mut buys, mut sells) = (0u32, 0u32);
	for (_, o) in pallet_allspark_market::OrderIndex::<Runtime>::iter() {
		match o.side {
			Side::Buy => buys += 1,
			Side::Sell => sells += 1,
		}
	}
	let (mut offers, mut auctions) = (0u32, 0u32);
	for (_, o) in pallet_allspark_market::Offers::<Runtime>::iter() {
		offers += 1;
		auctions += u32::from(matches!(o.mode, PricingMode::English { .. }));
	}
	let (mut committing, mut revealing, mut ended) = (0u32, 0u32, 0u32);
	for (_, r) in pallet_allspark_evaluation::Rounds::<Runtime>::iter() {
		match r.phase(&now) {
			Phase::Commit => committing += 1,
			Phase::Reveal => revealing += 1,
			Phase::Ended => ended += 1,
		}
	}
	let unpaid = pallet_allspark_evaluation::NextPayoutEra::<Runtime>::get();
	let credits = pallet_allspark_evaluation::EraCredits::<Runtime>::iter()
		.filter(|(era, _, _)| *era >= unpaid)
		.count();
	serde_json::json!({
		"listings": pallet_allspark_content::Listings::<Runtime>::iter().count(),
		"buyOrders": buys,
		"sellOrders": sells,
		"offers": offers,
		"auctions": auctions,
		"requests": pallet_allspark_market::Requests::<Runtime>::iter().count(),
		"proposals": pallet_allspark_market::Proposals::<Runtime>::iter().count(),
		"licences": pallet_allspark_market::Licences::<Runtime>::iter().count(),
		"roundsInCommit": committing,
		"roundsInReveal": revealing,
		"roundsEnded": ended,
		"unpaidEraCredits": credits,
		"vestingSchedules": pallet_vesting::Vesting::<Runtime>::iter().count(),
	})
}
