#!/usr/bin/env bash
# The indexer's figures (indexer/README.md, "Figures"): a dev chain with over 10,000 trades, the
# indexer catching up on it from genesis (blocks/s, events/s), the lag from a block's import and
# finality to its rows answering over GraphQL (p50/p99), and the GraphQL latency of the DApp's
# queries (p50/p99). Not a CI test: it reports what this machine achieved, into
# indexer/figures.json. Arguments go to harness/indexer-figures.js (`--levels 40 --live 30
# --queries 200`).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
bash scripts/setup.sh
[ -x "$NODE_BIN" ] || cargo_build
js_install
indexer_install
export ALLSPARK_NODE="$NODE_BIN"
node harness/indexer-figures.js --out "$REPO_ROOT/indexer/figures.json" "$@"
