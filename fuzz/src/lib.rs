//! # AllSpark runtime fuzzer
//!
//! Runs a fuzzer's bytes as a program against the **real runtime** (natively, from the dev
//! genesis preset with a vesting-locked account added): blocks of signed calls of every pallet,
//! with the hooks between blocks and time passing in jumps, so rounds, auctions, sessions,
//! eras and expiries end. After every block it checks every pallet's `try_state` (the AllSpark
//! pallets' invariants and upstream's), that the total issuance is what the accounts own and
//! what genesis issued less the recorded burns, and that every hold has its owner's record
//! ([`checks`]); after every block, checked or not, that pallet-balances emitted no
//! `Unexpected` event (an account it could not keep consistent: a panic with debug assertions,
//! only this event in a node's release build). The long libFuzzer runs
//! (`ALLSPARK_FUZZ_CHECKS=jumps`, set by scripts/fuzz.sh) skip those checks inside a jump of
//! empty blocks and make them at its end ([`chain::check_every_block`]).
//!
//! The program is read op by op ([`run`]): mostly calls (a signer, then a call generated from
//! the runtime's type metadata by [`calls::Generator`]), sometimes the end of the block (one
//! to three slots later, as when authors miss slots) or a jump of up to 120 empty blocks. Ids
//! name the newest objects of their kind more often than not.
//!
//! - `cargo test -p allspark-fuzz` (in CI): replays the committed corpus (`fuzz/corpus/`) and
//!   a fixed number of inputs from a seeded generator (the smoke).
//! - `scripts/fuzz.sh [seconds]`: coverage-guided fuzzing with libFuzzer (`fuzz/libfuzzer/`,
//!   cargo-fuzz), new inputs added to the corpus, and a figure of calls, blocks and coverage.
//!
//! A failure is a panic (the runtime panicked) or an `Err` naming the broken invariant and the
//! block; each one found gets its input in `fuzz/regressions/` and a test replaying it
//! (`fuzz/tests/regressions.rs`) before its fix.

pub mod calls;
pub mod chain;
pub mod checks;
pub mod source;

use chain::{Chain, Stats};
use source::Source;
use std::sync::OnceLock;

/// The jumps an input may ask for, in blocks: a few, a phase of a round (10 on the dev chain),
/// a session (5), an era (100) and more.
const JUMPS: [u32; 8] = [2, 5, 10, 11, 21, 50, 100, 120];

/// At most this many extrinsics in a block; the next one opens a new block.
const MAX_EXTRINSICS_PER_BLOCK: u32 = 48;

/// The call generator, built once per process.
pub fn generator() -> &'static calls::Generator {
	static GENERATOR: OnceLock<calls::Generator> = OnceLock::new();
	GENERATOR.get_or_init(calls::Generator::new)
}

/// Run `data` as a program from genesis; the counts, or the first invariant broken.
pub fn run(data: &[u8]) -> Result<Stats, String> {
	let signers = chain::signers();
	let sudo = sp_keyring::Sr25519Keyring::Alice.to_account_id();
	let mut chain = Chain::new();
	let mut src = Source::new(data);
	let mut in_block = 0u32;
	while !src.is_empty() {
		match src.choose(32) {
			0 | 1 => {
				chain.next_block(1 + src.choose(3) as u64)?;
				in_block = 0;
			},
			2 => {
				chain.jump(JUMPS[src.choose(JUMPS.len())])?;
				in_block = 0;
			},
			_ => {
				let Some(signer) = calls::pick(&mut src, &signers).cloned() else { continue };
				let now = chain.now();
				let mut ctx = calls::Context::new(&signers, signer.clone(), now);
				ctx.next_ids = chain.next_ids();
				let Some(call) = generator().call(&mut src, &mut ctx) else {
					chain.stats.undecodable += 1;
					continue;
				};
				// Root calls are mostly signed by the sudo key, as they would be.
				let signer = match call {
					allspark_runtime::RuntimeCall::Sudo(_) if src.choose(4) != 0 => sudo.clone(),
					_ => signer,
				};
				chain.apply(&signer, call);
				in_block += 1;
				if in_block >= MAX_EXTRINSICS_PER_BLOCK {
					chain.next_block(1)?;
					in_block = 0;
				}
			},
		}
	}
	chain.next_block(1)?;
	Ok(chain.stats)
}

/// A deterministic input of `len` bytes from `seed` (xorshift), for the smoke and for seeding
/// a corpus.
pub fn seeded_input(seed: u64, len: usize) -> Vec<u8> {
	let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
	(0..len)
		.map(|_| {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			(x >> 24) as u8
		})
		.collect()
}
