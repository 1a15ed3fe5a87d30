# Shared by the scripts: the cargo target dir and the node binary's path.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/allspark-target}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The wasm builder finds Cargo.lock through this when the target dir is outside the repo.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"
NODE_BIN="$CARGO_TARGET_DIR/debug/allspark-node"
# One feature set for every build and test, so nothing is compiled twice.
CARGO_FEATURES="runtime-benchmarks"
# Also build the runtime-upgrade test blob (runtime/build.rs); set everywhere so switching
# between scripts never rebuilds the runtime.
export ALLSPARK_UPGRADE_WASM=1
UPGRADE_WASM="$CARGO_TARGET_DIR/debug/wbuild/allspark-runtime/allspark_runtime_upgrade.compressed.wasm"

# The JavaScript workspace (harness, tools, e2e, dapp; package.json at the root): one `npm ci`
# into the root's node_modules, skipped while it is newer than the lock file.
js_install() {
	local stamp="$REPO_ROOT/node_modules/.package-lock.json"
	if [ -f "$stamp" ] && [ "$stamp" -nt "$REPO_ROOT/package-lock.json" ]; then
		return 0
	fi
	(cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}
