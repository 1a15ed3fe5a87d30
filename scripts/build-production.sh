#!/usr/bin/env bash
# Builds the node an operator runs: the `production` profile (release, LTO, one codegen unit:
# Cargo.toml), default features only (no benchmarking, no try-runtime), into
# target/production/allspark-node, where docs/validator.md and the systemd unit expect it.
# Slow: over two hours on two cores, nothing of the debug build reused. The runtime's wasm is
# built in the same step (deterministic for a given toolchain and Cargo.lock).
#   scripts/build-production.sh            # then: target/production/allspark-node --version
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
# Not the test builds' clippy wrapper, nor their upgrade-test blob.
unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS ALLSPARK_UPGRADE_WASM
cargo build --locked --profile production -p allspark-node
install -D -m 0755 "$CARGO_TARGET_DIR/production/allspark-node" target/production/allspark-node
echo "built: $REPO_ROOT/target/production/allspark-node ($(target/production/allspark-node --version))"
