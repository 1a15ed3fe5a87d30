#!/usr/bin/env bash
# The lint gates CI runs (scripts/test.sh starts this beside the suites):
#   clippy   cargo clippy --workspace --all-targets, every warning an error (the lints the
#            workspace allows are listed, with the reason, in Cargo.toml's [workspace.lints])
#   doc      cargo doc --workspace --no-deps, every rustdoc warning an error
#   zepter   the features std, runtime-benchmarks and try-runtime propagate (.config/zepter.yaml)
# It builds in a target dir of its own ($CARGO_TARGET_DIR-lint) without the wasm runtime
# (SKIP_WASM_BUILD), so it never invalidates what the tests and the node use.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR}-lint"
export SKIP_WASM_BUILD=1
bash scripts/setup.sh --lint

t=$(date +%s)
echo "== lint: clippy"
cargo clippy --workspace --all-targets --features "$CARGO_FEATURES" -- -D warnings
echo "== lint: doc"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --features "$CARGO_FEATURES"
echo "== lint: zepter"
zepter run check
echo "lint: clippy, doc and zepter passed in $(($(date +%s) - t)) s"
