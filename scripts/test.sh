#!/usr/bin/env bash
# Sets up the machine and runs every test: the Rust unit tests (runtime and pallets, including
# the benchmark test suites) and the end-to-end suite against the real node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
bash scripts/setup.sh

echo "== cargo test (features: $CARGO_FEATURES)"
cargo test --workspace --features "$CARGO_FEATURES"

echo "== build allspark-node"
cargo build -p allspark-node --features "$CARGO_FEATURES"
ls -l "$NODE_BIN"

echo "== end-to-end tests"
cd e2e
npm ci --no-audit --no-fund --loglevel=error
ALLSPARK_NODE="$NODE_BIN" ALLSPARK_UPGRADE_WASM_PATH="$UPGRADE_WASM" npm test
