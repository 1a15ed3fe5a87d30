//! Every failure the fuzzer found, replayed from its input (`fuzz/regressions/<name>`), with every
//! invariant checked after every block: each input here failed before its fix.
//!
//! - `vested-transfer-to-itself`: root's `vesting.force_vested_transfer` from a reaped account
//!   to itself. pallet-balances treated the transfer to oneself as done without a balance, then
//!   could not lock funds on an account that did not exist (its defensive check panicked). The
//!   runtime's vesting currency now refuses a transfer from an account to itself
//!   (runtime/src/configs/token.rs, `VestingCurrency`).

use allspark_fuzz::run;
use std::path::PathBuf;

fn replay(name: &str) {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("regressions").join(name);
	let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
	let stats = run(&data).unwrap_or_else(|e| panic!("{name}: {e}"));
	assert!(stats.calls() > 0, "{name} runs calls");
}

#[test]
fn fuzz_regression_vested_transfer_to_itself() {
	replay("vested-transfer-to-itself");
}

/// Every input in fuzz/regressions has its test above.
#[test]
fn fuzz_regressions_are_all_replayed() {
	let source = include_str!("regressions.rs");
	let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("regressions");
	for entry in std::fs::read_dir(&dir).expect("fuzz/regressions exists") {
		let name = entry.expect("an entry").file_name().to_string_lossy().into_owned();
		assert!(source.contains(&format!("replay(\"{name}\")")), "{name} has no test");
	}
}
