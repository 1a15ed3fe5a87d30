#!/usr/bin/env bash
# A block full of fills on a real dev node (pallets/market/BENCHMARKS.md, "A block full of
# fills"): builds the node, fills books of resting orders and takes them all at once, and writes
# pallets/market/benchmarks/load.json (fills per block on both sides, block weights, block
# construction and import times from the node's Prometheus endpoint). Not a CI test: it reports
# what this machine's node achieved. Arguments go to harness/load-market.js
# (`--side sell|buy|both --books 2 --levels 64`).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
cargo_build
js_install
export ALLSPARK_NODE="$NODE_BIN"
out="$REPO_ROOT/pallets/market/benchmarks/load.json"
node harness/load-market.js --out "$out" "$@"
echo "wrote $out"
