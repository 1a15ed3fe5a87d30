//! Builds the runtime's WebAssembly blob (`WASM_BINARY`) that the node embeds.
//!
//! With the `metadata-hash` feature the builder also computes the metadata digest that the
//! `CheckMetadataHash` transaction extension commits to, so offline signers can verify what they
//! sign. The token symbol and decimals here are part of that digest.
//!
//! Every blob is built **without** `runtime-benchmarks` and `try-runtime`, even when the native
//! runtime has them (the scripts' one feature set), as a production runtime is: with the first the
//! wasm carries
//! frame-system-benchmarking's embedded 4.5 MB kitchensink runtime (for the `set_code`
//! benchmark), and its dependencies compile a second time for wasm. Only
//! `ALLSPARK_BENCHMARK_WASM=1` (`scripts/benchmark.sh` sets it) adds a benchmarking blob,
//! `wbuild/allspark-runtime/allspark_runtime_benchmarks.wasm`, for `benchmark pallet --runtime`.
//!
//! With `ALLSPARK_UPGRADE_WASM=1` in the environment (the scripts set it), another blob is built
//! with the `upgrade-test` feature, which raises `spec_version` by one:
//! `wbuild/allspark-runtime/allspark_runtime_upgrade.compressed.wasm` (zstd, in the
//! `sp-maybe-compressed-blob` format the node loads, so it fits in a block). The end-to-end suite
//! upgrades a running network to it. The node never embeds it. Its dependencies are the embedded
//! blob's, compiled once: only the runtime crate itself compiles twice.

/// Whether `var` is set to `1`.
#[cfg(feature = "std")]
fn env_is_one(var: &str) -> bool {
	println!("cargo:rerun-if-env-changed={var}");
	std::env::var(var).is_ok_and(|v| v == "1")
}

#[cfg(feature = "std")]
fn main() {
	// The wasm builder enables the runtime's features it finds in `CARGO_FEATURE_*`. No blob
	// carries try-runtime: the native runtime has it for the fuzzer's and the upgrade check's
	// invariants (the scripts' one feature set).
	std::env::remove_var("CARGO_FEATURE_TRY_RUNTIME");
	let benchmarks = std::env::var_os("CARGO_FEATURE_RUNTIME_BENCHMARKS").is_some();
	if benchmarks && env_is_one("ALLSPARK_BENCHMARK_WASM") {
		let bench = substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.set_file_name("allspark_runtime_benchmarks");
		#[cfg(feature = "metadata-hash")]
		let bench = bench.enable_metadata_hash("ASK", 12);
		bench.build();
	}
	std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");

	let builder = substrate_wasm_builder::WasmBuilder::init_with_defaults();
	#[cfg(feature = "metadata-hash")]
	let builder = builder.enable_metadata_hash("ASK", 12);
	builder.build();

	if env_is_one("ALLSPARK_UPGRADE_WASM") {
		let upgrade = substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("upgrade-test")
			.set_file_name("allspark_runtime_upgrade");
		#[cfg(feature = "metadata-hash")]
		let upgrade = upgrade.enable_metadata_hash("ASK", 12);
		upgrade.build();
		compress_upgrade_blob();
	}
}

/// Compress the upgrade blob next to itself: `<name>.compressed.wasm`.
#[cfg(feature = "std")]
fn compress_upgrade_blob() {
	let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
	let generated = std::fs::read_to_string(out_dir.join("allspark_runtime_upgrade"))
		.expect("the wasm builder wrote the upgrade blob's path");
	// `pub const WASM_BINARY_PATH: Option<&str> = Some("<path>");`
	let path = generated
		.split("WASM_BINARY_PATH: Option<&str> = Some(\"")
		.nth(1)
		.and_then(|rest| rest.split('"').next())
		.map(std::path::PathBuf::from);
	let Some(path) = path else {
		// SKIP_WASM_BUILD: a dummy file without a path.
		return;
	};
	let wasm = std::fs::read(&path).expect("the upgrade blob exists");
	let compressed = sp_maybe_compressed_blob::compress_strongly(&wasm, 64 * 1024 * 1024)
		.expect("the blob is below the compression limit");
	std::fs::write(path.with_extension("compressed.wasm"), compressed)
		.expect("the compressed blob can be written");
}

/// The wasm builder is deactivated when compiling this crate for wasm, to speed up compilation.
#[cfg(not(feature = "std"))]
fn main() {}
