#!/usr/bin/env bash
# One report of the chain's performance against its goals (pallets/market/BENCHMARKS.md):
#   - the benchmark host and run the committed weights come from;
#   - every AllSpark weight as a ratio to `transfer_keep_alive`'s from the same run, with the
#     runtime's RocksDB database weights, each goal marked met or missed;
#   - fills per block by the benchmarks, and as achieved on a node when a load run left its
#     figures (pallets/market/benchmarks/load.json, scripts/load-market.sh);
#   - the fees a dev node charges (paid and quoted) as ratios to a transfer's.
# It builds the node when needed (the fees need a running dev node) and runs on this machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

echo "== machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "== weights (committed)"
python3 scripts/weight-ratios.py
if [ -f pallets/market/benchmarks/load.json ]; then
	echo "== fills per block achieved on a node (scripts/load-market.sh)"
	cat pallets/market/benchmarks/load.json
fi
echo "== fees on a dev node"
[ -x "$NODE_BIN" ] || cargo_build
js_install
ALLSPARK_NODE="$NODE_BIN" node harness/fees.js
