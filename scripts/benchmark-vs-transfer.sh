#!/usr/bin/env bash
# Benchmarks the market and evaluation pallets together with `pallet_balances::transfer_keep_alive`
# in one run (same machine, same moment), writes their weights files, and prints each weight as a
# ratio to the transfer's (the goals of pallets/market/BENCHMARKS.md).
#   STEPS=20 REPEAT=10 scripts/benchmark-vs-transfer.sh
#
# The runtime measured is the dev build's benchmarking wasm (the wasm builder always optimises
# it; runtime/build.rs builds it for `benchmark_build`). The host
# running it is the dev node (BENCH_PROFILE=debug, the default: the figures in
# pallets/market/BENCHMARKS.md) or one built with the release profile (BENCH_PROFILE=release; its
# first build takes over two hours on this 2-core machine, then minutes): in a debug-built host
# every storage access and hash runs unoptimised, which inflates every weight's ref time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
benchmark_build
out=$(mktemp -d)
host="$NODE_BIN"
runtime=(--runtime "$BENCHMARK_WASM"
	--genesis-builder-preset development)
if [ "${BENCH_PROFILE:-debug}" = release ]; then
	# The wasm above is the one measured: the release host has none of its own and reads the
	# same benchmarking blob.
	(unset ALLSPARK_UPGRADE_WASM; SKIP_WASM_BUILD=1 cargo build --release -p allspark-node \
		--features "$CARGO_FEATURES")
	host="$CARGO_TARGET_DIR/release/allspark-node"
fi

balances_others=transfer_allow_death,force_transfer,transfer_all,force_unreserve,upgrade_accounts,force_set_balance_creating,force_set_balance_killing,force_adjust_total_issuance,burn_allow_death,burn_keep_alive
"$host" benchmark pallet \
	"${runtime[@]}" \
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
