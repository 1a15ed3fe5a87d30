#!/usr/bin/env bash
# Benchmarks every AllSpark pallet together with `pallet_balances::transfer_keep_alive` in one run
# of the benchmark CLI (same host, same moment), writes each pallet's weights file and the
# transfer's (pallets/market/benchmarks/transfer_keep_alive.rs, the yardstick of every ratio), and
# prints the ratio table (scripts/weight-ratios.py).
#   scripts/benchmark.sh                    every AllSpark pallet
#   scripts/benchmark.sh market evaluation  some (their directory names under pallets/)
#   STEPS=50 REPEAT=20 (the defaults)       the benchmark CLI's steps and repeats
#   BENCH_PROFILE=release                   a node built with the release profile runs the same
#                                           wasm instead of the dev node (its first build takes over
#                                           two hours on a 2-core machine): the side-by-side of
#                                           pallets/market/BENCHMARKS.md; weights go to
#                                           $BENCH_OUT (default: a temp dir), not into the pallets
#
# The runtime measured is the benchmarking wasm (always optimised by the wasm builder). The host
# is the dev node, whose benchmark host is compiled optimised (bench-host/README.md).
# Weights are measured on this machine: regenerate on reference hardware before a launch.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
benchmark_build

dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=($(ls pallets))
crates=()
for dir in "${dirs[@]}"; do
	[ -f "pallets/$dir/Cargo.toml" ] || { echo "no pallet $dir" >&2; exit 1; }
	crate=$(sed -n 's/^name = "\(.*\)"/\1/p' "pallets/$dir/Cargo.toml" | head -1)
	crates+=("${crate//-/_}")
done

host="$NODE_BIN"
if [ "${BENCH_PROFILE:-dev}" = release ]; then
	# The wasm above is the one measured: the release host reads the same benchmarking blob.
	(unset ALLSPARK_UPGRADE_WASM; SKIP_WASM_BUILD=1 cargo build --release -p allspark-node \
		--features "$CARGO_FEATURES")
	host="$CARGO_TARGET_DIR/release/allspark-node"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Only transfer_keep_alive of the balances pallet.
balances_others=transfer_allow_death,force_transfer,transfer_all,force_unreserve,upgrade_accounts,force_set_balance_creating,force_set_balance_killing,force_adjust_total_issuance,burn_allow_death,burn_keep_alive
echo "== benchmarking pallet_balances::transfer_keep_alive ${crates[*]} on $host"
"$host" benchmark pallet \
	--runtime "$BENCHMARK_WASM" \
	--genesis-builder-preset development \
	--pallets pallet_balances "${crates[@]}" --extrinsic '*' \
	--exclude-extrinsics $(echo "$balances_others" | sed 's/\([a-z_]*\)/pallet_balances::\1/g') \
	--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" \
	--template scripts/pallet-weight-template.hbs \
	--header scripts/weights-header.txt \
	--output "$out"

if [ "${BENCH_PROFILE:-dev}" = release ]; then
	dest="${BENCH_OUT:-$(mktemp -d)}"
	mkdir -p "$dest"
	cp "$out"/*.rs "$dest"/
	echo "release-host weights in $dest"
	python3 scripts/weight-ratios.py "$dest"
	exit 0
fi
for i in "${!dirs[@]}"; do
	cp "$out/${crates[$i]}.rs" "pallets/${dirs[$i]}/src/weights.rs"
done
mkdir -p pallets/market/benchmarks
cp "$out/pallet_balances.rs" pallets/market/benchmarks/transfer_keep_alive.rs
python3 scripts/weight-ratios.py
