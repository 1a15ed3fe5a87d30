# Shared by the scripts: the cargo target dir and the node binary's path.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/allspark-target}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The wasm builder finds Cargo.lock through this when the target dir is outside the repo.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"
NODE_BIN="$CARGO_TARGET_DIR/debug/allspark-node"
# One feature set for every build and test, so nothing is compiled twice: the benchmarks, and
# try-runtime (the migrations' pre/post-upgrade checks and every pallet's try_state, which the
# runtime fuzzer and the upgrade check run natively). The wasm blobs are built without both
# (runtime/build.rs).
CARGO_FEATURES="runtime-benchmarks try-runtime"

# Clippy lints the workspace's crates as they compile (clippy-driver as rustc's wrapper for
# workspace members only; every warning an error, the allowed lints listed in Cargo.toml's
# [workspace.lints]): the build is the clippy gate, and no separate `cargo clippy` checks all
# ~800 dependencies again. Set by every script, so switching scripts never rebuilds. Needs the
# clippy component (scripts/setup.sh); `lint_env` fails without it.
lint_env() {
	local driver
	driver="$(rustc --print sysroot)/bin/clippy-driver"
	if [ ! -x "$driver" ]; then
		echo "clippy-driver not found: run scripts/setup.sh" >&2
		return 1
	fi
	export RUSTC_WORKSPACE_WRAPPER="$driver"
	export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
}
lint_env 2>/dev/null || true

# Builds every crate of the workspace with every target (the node, the unit tests, the
# benchmark test suites) in one feature resolution: building only the node and then the tests
# resolved features twice and compiled the runtime (and its wasm) twice.
cargo_build() {
	cargo build --manifest-path "$REPO_ROOT/Cargo.toml" --workspace --all-targets \
		--features "$CARGO_FEATURES" "$@"
}
# Also build the runtime-upgrade test blob (runtime/build.rs); set everywhere so switching
# between scripts never rebuilds the runtime.
export ALLSPARK_UPGRADE_WASM=1
UPGRADE_WASM="$CARGO_TARGET_DIR/debug/wbuild/allspark-runtime/allspark_runtime_upgrade.compressed.wasm"
# The benchmarking blob (runtime/build.rs), built by `benchmark_build` only: the node embeds a
# runtime without `runtime-benchmarks`.
BENCHMARK_WASM="$CARGO_TARGET_DIR/debug/wbuild/allspark-runtime/allspark_runtime_benchmarks.wasm"
# frame-benchmarking-cli's storage-access test runtime is a whole second runtime compiled for wasm
# (cumulus and FRAME), used only by `benchmark storage --validate`, which nothing here runs: skip
# its wasm.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

# `cargo_build`, plus the benchmarking blob (`BENCHMARK_WASM`). Rebuilds the runtime crate's wasm
# when switching to or from it.
benchmark_build() {
	ALLSPARK_BENCHMARK_WASM=1 cargo_build "$@"
}

# The JavaScript workspace (harness, tools, e2e, dapp; package.json at the root): one `npm ci`
# into the root's node_modules, skipped while it is newer than the lock file.
js_install() {
	local stamp="$REPO_ROOT/node_modules/.package-lock.json"
	if [ -f "$stamp" ] && [ "$stamp" -nt "$REPO_ROOT/package-lock.json" ]; then
		return 0
	fi
	(cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

# The indexer (indexer/, its own npm project: Subsquid's processor, store and GraphQL server):
# `npm ci` when its lock file is newer than its node_modules, then its TypeScript compiled into
# indexer/lib.
indexer_install() {
	local dir="$REPO_ROOT/indexer"
	local stamp="$dir/node_modules/.package-lock.json"
	if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
	(cd "$dir" && npm run --silent build)
}
