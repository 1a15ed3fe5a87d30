#!/usr/bin/env bash
# Runs the benchmarks of the AllSpark pallets and writes their weights files from the results.
#   scripts/benchmark.sh                 every AllSpark pallet
#   scripts/benchmark.sh token           one pallet (its directory name under pallets/)
# Weights are measured on this machine: regenerate on reference hardware before a launch.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
benchmark_build

pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=($(ls pallets))
for dir in "${pallets[@]}"; do
	[ -f "pallets/$dir/Cargo.toml" ] || continue
	crate=$(sed -n 's/^name = "\(.*\)"/\1/p' "pallets/$dir/Cargo.toml" | head -1)
	echo "== $crate"
	"$NODE_BIN" benchmark pallet \
		--runtime "$BENCHMARK_WASM" \
		--genesis-builder-preset development \
		--pallet "${crate//-/_}" --extrinsic '*' \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" \
		--template scripts/pallet-weight-template.hbs \
		--header scripts/weights-header.txt \
		--output "pallets/$dir/src/weights.rs"
done
