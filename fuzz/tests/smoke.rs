//! The fuzzer's bounded smoke (`fuzz_smoke`), run in CI: every input of the committed corpus, then inputs from
//! a seeded generator, each from genesis with every invariant checked after every block.

use allspark_fuzz::{chain::Stats, run, seeded_input};
use std::path::PathBuf;

/// Seeded inputs run after the corpus (`ALLSPARK_FUZZ_SMOKE_INPUTS` overrides).
const SEEDED_INPUTS: u64 = 24;

/// Bytes per seeded input: a few hundred calls and jumps.
const SEEDED_LEN: usize = 4_096;

fn corpus() -> Vec<PathBuf> {
	let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
	let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
		.expect("fuzz/corpus exists")
		.map(|e| e.expect("a corpus entry").path())
		.filter(|p| p.is_file())
		.collect();
	files.sort();
	files
}

#[test]
fn fuzz_smoke_the_corpus_and_seeded_inputs_break_no_invariant() {
	let mut total = Stats::default();
	let files = corpus();
	assert!(!files.is_empty(), "the corpus has inputs");
	for file in &files {
		let data = std::fs::read(file).expect("a corpus input reads");
		let stats = run(&data).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
		total.add(&stats);
	}
	let seeded: u64 = std::env::var("ALLSPARK_FUZZ_SMOKE_INPUTS")
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(SEEDED_INPUTS);
	for seed in 0..seeded {
		let stats = run(&seeded_input(seed, SEEDED_LEN))
			.unwrap_or_else(|e| panic!("seeded input {seed}: {e}"));
		total.add(&stats);
	}
	println!(
		"fuzz smoke: {} corpus + {seeded} seeded inputs, {} calls ({} ok, {} failed, {} refused, \
		 {} undecodable), {} blocks",
		files.len(),
		total.calls(),
		total.ok,
		total.failed,
		total.invalid,
		total.undecodable,
		total.blocks
	);
	println!("successful calls by pallet index: {:?}", total.ok_by_pallet);
	// The inputs reach the chain: calls succeed, fail and are refused, and time passes.
	assert!(total.ok > 0 && total.failed > 0 && total.invalid > 0, "{total:?}");
	assert!(total.blocks > 100, "{total:?}");
	// Calls of every AllSpark pallet that users call succeed, not only transfers: content (31),
	// market (32), evaluation (33), balances (20), and root calls through sudo (90).
	for pallet in [20u8, 31, 32, 33, 90] {
		assert!(
			total.ok_by_pallet.get(&pallet).is_some_and(|n| *n > 0),
			"pallet {pallet}: {total:?}"
		);
	}
}
