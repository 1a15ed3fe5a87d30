#!/usr/bin/env bash
# Sets up the machine and runs every test: the Rust unit tests (runtime and pallets, including
# the benchmark test suites), the check that docs/reference.md is what the built chain says, the
# dapp's tests against the real node (the typed client with descriptors generated from this
# runtime, every example of docs/dapp.md, and the AllSpark Market built and driven in headless
# Chromium) and the end-to-end suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
bash scripts/setup.sh

echo "== cargo test (features: $CARGO_FEATURES)"
cargo test --workspace --features "$CARGO_FEATURES"

echo "== build allspark-node"
cargo build -p allspark-node --features "$CARGO_FEATURES"
ls -l "$NODE_BIN"

cd e2e
npm ci --no-audit --no-fund --loglevel=error
cd ..

echo "== docs/reference.md is what the chain says"
bash scripts/reference.sh --check

echo "== the dapp: typed client, guide examples and the web DApp in Chromium, against the node"
(cd dapp && npm ci --no-audit --no-fund --loglevel=error)
bash scripts/dapp-descriptors.sh
(cd dapp && npm run build && ALLSPARK_NODE="$NODE_BIN" npm test)

echo "== end-to-end tests"
cd e2e
ALLSPARK_NODE="$NODE_BIN" ALLSPARK_UPGRADE_WASM_PATH="$UPGRADE_WASM" npm test
