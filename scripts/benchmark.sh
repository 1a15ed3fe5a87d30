#!/usr/bin/env bash
# Benchmarks every AllSpark pallet together with `pallet_balances::transfer_keep_alive` in one run
# of the benchmark CLI (same host, same moment), writes each pallet's weights file and the
# transfer's (pallets/market/benchmarks/transfer_keep_alive.rs, the yardstick of every ratio), and
# prints the ratio table (scripts/weight-ratios.py).
#   scripts/benchmark.sh                    every AllSpark pallet
#   scripts/benchmark.sh market evaluation  some (their directory names under pallets/)
#   STEPS=50 REPEAT=20 (the defaults)       the benchmark CLI's steps and repeats
#   BENCH_PROFILE=release                   a node built with the release profile runs the same
#                                           wasm instead of the dev node (its first build: 22 min
#                                           on a 2-core Intel Xeon): the side-by-side of
#                                           pallets/market/BENCHMARKS.md; weights go to
#                                           $BENCH_OUT (default: a temp dir), not into the pallets
#   BENCH_HOST=path (with BENCH_PROFILE=release)
#                                           that release-built node instead of building one
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

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
host="$NODE_BIN"
source_args=(--runtime "$BENCHMARK_WASM")
if [ "${BENCH_PROFILE:-dev}" = release ]; then
	# The wasm above is the one measured: the release host reads the same benchmarking blob.
	host="${BENCH_HOST:-$CARGO_TARGET_DIR/release/allspark-node}"
	if [ -z "${BENCH_HOST:-}" ]; then
		(unset ALLSPARK_UPGRADE_WASM; SKIP_WASM_BUILD=1 cargo build --release -p allspark-node \
			--features "$CARGO_FEATURES")
	fi
	# Built without a wasm of its own, the release node cannot make the chain spec its command
	# line needs; it reads the dev chain's spec from a file instead, whose code is the same
	# benchmarking blob (the CLI refuses `--runtime` beside `--chain`).
	"$NODE_BIN" build-spec --chain dev 2>/dev/null |
		python3 -c 'import json, sys
spec = json.load(sys.stdin)
spec["genesis"]["runtimeGenesis"]["code"] = "0x" + open(sys.argv[1], "rb").read().hex()
json.dump(spec, sys.stdout)' "$BENCHMARK_WASM" > "$out/chain.json"
	source_args=(--chain "$out/chain.json")
fi

# Only transfer_keep_alive of the balances pallet.
balances_others=transfer_allow_death,force_transfer,transfer_all,force_unreserve,upgrade_accounts,force_set_balance_creating,force_set_balance_killing,force_adjust_total_issuance,burn_allow_death,burn_keep_alive
echo "== benchmarking pallet_balances::transfer_keep_alive ${crates[*]} on $host"
"$host" benchmark pallet "${source_args[@]}" \
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
	cp "$out"/pallet_*.rs "$dest"/
	# The template's host lines describe the dev node.
	perl -0pi -e 's{//! Host: .*?(?=//! Regenerate)}{//! Host: `allspark-node` built with the `release` profile (the side-by-side of\n//! `pallets/market/BENCHMARKS.md`).\n}s' "$dest"/pallet_*.rs
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
