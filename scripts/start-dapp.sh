#!/usr/bin/env bash
# One command for the AllSpark Market: builds the node if needed, starts a development chain
# (Alice authoring, a fresh temporary database) and the DApp's dev server against it, and
# prints the page's address. Ctrl-C stops both.
#   RPC_PORT   the node's RPC port (default 9944)
#   DAPP_PORT  the page's port (default 5173)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RPC_PORT="${RPC_PORT:-9944}"
DAPP_PORT="${DAPP_PORT:-5173}"
bash "$REPO_ROOT/scripts/setup.sh"
[ -x "$NODE_BIN" ] || cargo_build
js_install

BASE="$(mktemp -d -t allspark-dapp-XXXX)"
"$NODE_BIN" --dev --base-path "$BASE" --rpc-port "$RPC_PORT" --rpc-cors all --no-prometheus \
	>"$BASE/node.log" 2>&1 &
NODE_PID=$!
trap 'kill "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null; rm -rf "$BASE"' EXIT INT TERM

# Wait for the node's RPC to answer (a fresh debug node takes a few seconds).
deadline=$((SECONDS + 120))
until curl -sf -H 'Content-Type: application/json' \
	-d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' "http://127.0.0.1:$RPC_PORT" >/dev/null; do
	if ! kill -0 "$NODE_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
		echo "start-dapp: the node did not answer on port $RPC_PORT; its log:" >&2
		tail -20 "$BASE/node.log" >&2
		exit 1
	fi
	sleep 0.5
done

cat <<MSG

  AllSpark Market on the development chain
  Open:       http://127.0.0.1:$DAPP_PORT/?rpc=ws://127.0.0.1:$RPC_PORT
  Node RPC:   ws://127.0.0.1:$RPC_PORT   (log: $BASE/node.log)
  Accounts:   the dev accounts (Alice … Ferdie) sign in the page; "Use browser extension"
              adds the polkadot.js extension's accounts.
  Stop with Ctrl-C.

MSG
cd "$REPO_ROOT/dapp"
npx vite --host 127.0.0.1 --port "$DAPP_PORT" --strictPort
