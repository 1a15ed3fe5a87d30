//! libFuzzer's entry: each input is a program of blocks of calls run from genesis against the
//! real runtime (`allspark_fuzz::run`). A broken invariant is a crash, as a panic is. Every 256
//! inputs it prints this worker's counts, which scripts/fuzz.sh sums.
#![no_main]

use std::sync::Mutex;

static TOTAL: Mutex<(u64, u64, u64)> = Mutex::new((0, 0, 0));

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
	let stats = match allspark_fuzz::run(data) {
		Ok(stats) => stats,
		Err(e) => panic!("invariant broken: {e}"),
	};
	let mut total = TOTAL.lock().unwrap_or_else(|e| e.into_inner());
	total.0 += 1;
	total.1 += stats.calls();
	total.2 += stats.blocks;
	if total.0 % 256 == 0 {
		eprintln!(
			"allspark-fuzz: worker {} inputs {} calls {} blocks {}",
			std::process::id(),
			total.0,
			total.1,
			total.2
		);
	}
});
