#!/usr/bin/env bash
# Starts the `local` network: four validators (alice, bob, charlie, dave) on loopback ports.
#   alice:   p2p 30333, RPC 9944, Prometheus 9615
#   bob:     p2p 30334, RPC 9945, Prometheus 9616
#   charlie: p2p 30335, RPC 9946, Prometheus 9617
#   dave:    p2p 30336, RPC 9947, Prometheus 9618
# Logs and databases go under $ALLSPARK_LOCAL_BASE (default: a new temporary directory).
# Ctrl-C stops all four. GRANDPA keeps finality with any one of them down.
# Alice runs with the public test node key 0x00…01, the `local` chain spec's bootnode
# (/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyopp…): another node started here with `--chain local`
# finds the network with no --bootnodes of its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ ! -x "$NODE_BIN" ] || [ "${ALLSPARK_SKIP_BUILD:-0}" != 1 ]; then
	bash "$REPO_ROOT/scripts/setup.sh"
	cargo_build
fi

BASE="${ALLSPARK_LOCAL_BASE:-$(mktemp -d -t allspark-local-XXXX)}"
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
	wait
}
trap cleanup EXIT INT TERM

i=0
for v in alice bob charlie dave; do
	dir="$BASE/$v"
	mkdir -p "$dir"
	# A validator on a non-dev chain needs a persistent network key; Alice's is the bootnode's.
	if [ "$v" = alice ]; then
		printf '%064x' 1 >"$dir/node-key"
	elif [ ! -f "$dir/node-key" ]; then
		"$NODE_BIN" key generate-node-key --file "$dir/node-key" 2>/dev/null
	fi
	args=(--chain local --"$v" --validator --base-path "$dir" --node-key-file "$dir/node-key"
		--listen-addr "/ip4/127.0.0.1/tcp/$((30333 + i))"
		--rpc-port $((9944 + i)) --prometheus-port $((9615 + i)) --rpc-cors all --no-mdns)
	"$NODE_BIN" "${args[@]}" >"$dir/node.log" 2>&1 &
	pids+=($!)
	peer=$("$NODE_BIN" key inspect-node-key --file "$dir/node-key")
	echo "$v: RPC ws://127.0.0.1:$((9944 + i))  p2p /ip4/127.0.0.1/tcp/$((30333 + i))/p2p/$peer  log $dir/node.log"
	i=$((i + 1))
done
echo "bootnode (in the local chain spec): /ip4/127.0.0.1/tcp/30333/p2p/$("$NODE_BIN" key inspect-node-key --file "$BASE/alice/node-key")"
echo "polkadot.js apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer"
wait
