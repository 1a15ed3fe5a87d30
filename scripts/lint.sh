#!/usr/bin/env bash
# The lint gates CI runs (scripts/test.sh starts this beside the suites, once the build is done):
#   clippy   every warning an error, on every target of every workspace crate: the build
#            itself (`cargo_build`, with clippy-driver as the workspace's rustc wrapper, see
#            scripts/common.sh) is the gate, so here it is a no-op when the build is current
#   doc      cargo doc --workspace --no-deps, every rustdoc warning an error
#   zepter   the features std, runtime-benchmarks and try-runtime propagate (.config/zepter.yaml)
# It shares the target dir and the environment of the build, so it never invalidates what the
# tests and the node use.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
lint_env
bash scripts/setup.sh --lint

t=$(date +%s)
echo "== lint: clippy (the build)"
cargo_build
echo "== lint: doc"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --features "$CARGO_FEATURES"
echo "== lint: zepter"
zepter run check
echo "lint: clippy, doc and zepter passed in $(($(date +%s) - t)) s"
