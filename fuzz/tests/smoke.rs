//! The fuzzer's bounded smoke (`fuzz_smoke`), run in CI: inputs of the committed corpus (a sample
//! spread over it, `ALLSPARK_FUZZ_SMOKE_CORPUS` of them, or `all`), then inputs from a seeded
//! generator, each from genesis with every invariant checked after every block.

use allspark_fuzz::{chain::Stats, run, seeded_input};
use std::path::PathBuf;

/// Seeded inputs run after the corpus (`ALLSPARK_FUZZ_SMOKE_INPUTS` overrides).
const SEEDED_INPUTS: u64 = 24;

/// Corpus inputs replayed (`ALLSPARK_FUZZ_SMOKE_CORPUS` overrides; `all` replays the whole
/// corpus, which the long libFuzzer runs grow to thousands of inputs).
const CORPUS_SAMPLE: usize = 32;

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
	let sample = match std::env::var("ALLSPARK_FUZZ_SMOKE_CORPUS").as_deref() {
		Ok("all") => files.len(),
		Ok(n) => n.parse().unwrap_or(CORPUS_SAMPLE),
		Err(_) => CORPUS_SAMPLE,
	};
	spread(files, sample)
}

/// `n` of `files`, evenly spaced over them (all of them if there are no more than `n`): the same
/// sample for the same corpus, from every part of it.
fn spread(files: Vec<PathBuf>, n: usize) -> Vec<PathBuf> {
	let len = files.len();
	if len <= n {
		return files;
	}
	files
		.into_iter()
		.enumerate()
		.filter(|(i, _)| i * n % len < n)
		.map(|(_, f)| f)
		.collect()
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
