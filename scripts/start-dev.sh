#!/usr/bin/env bash
# Sets up the machine, builds the node and starts a single-validator development chain (Alice).
# Extra arguments go to the node, e.g. `scripts/start-dev.sh --rpc-port 9955`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$REPO_ROOT/scripts/setup.sh"
cargo_build

BASE="${ALLSPARK_DEV_BASE:-$(mktemp -d -t allspark-dev-XXXX)}"
cat <<MSG

  AllSpark development chain
  RPC (WebSocket + HTTP):  ws://127.0.0.1:9944
  polkadot.js apps:        https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer
  Prometheus metrics:      http://127.0.0.1:9615/metrics
  Database:                $BASE
  Stop with Ctrl-C.

MSG
exec "$NODE_BIN" --dev --base-path "$BASE" --rpc-cors all "$@"
