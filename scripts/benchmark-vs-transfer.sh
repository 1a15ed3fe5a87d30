#!/usr/bin/env bash
# Benchmarks the market and evaluation pallets together with `pallet_balances::transfer_keep_alive`
# in one run (same machine, same moment), writes their weights files, and prints each weight as a
# ratio to the transfer's (the goals of pallets/market/BENCHMARKS.md).
#   STEPS=20 REPEAT=10 scripts/benchmark-vs-transfer.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
cargo build -p allspark-node --features "$CARGO_FEATURES"

out=$(mktemp -d)
balances_others=transfer_allow_death,force_transfer,transfer_all,force_unreserve,upgrade_accounts,force_set_balance_creating,force_set_balance_killing,force_adjust_total_issuance,burn_allow_death,burn_keep_alive
"$NODE_BIN" benchmark pallet \
	--runtime "$CARGO_TARGET_DIR/debug/wbuild/allspark-runtime/allspark_runtime.wasm" \
	--genesis-builder-preset development \
	--pallets pallet_balances pallet_allspark_market pallet_allspark_evaluation --extrinsic '*' \
	--exclude-extrinsics $(echo "$balances_others" | sed 's/\([a-z_]*\)/pallet_balances::\1/g') \
	--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" \
	--template scripts/pallet-weight-template.hbs \
	--header scripts/weights-header.txt \
	--output "$out"
cp "$out/pallet_allspark_market.rs" pallets/market/src/weights.rs
cp "$out/pallet_allspark_evaluation.rs" pallets/evaluation/src/weights.rs
python3 scripts/weight-ratios.py "$out/pallet_balances.rs" pallets/market/src/weights.rs \
	pallets/evaluation/src/weights.rs
rm -rf "$out"
