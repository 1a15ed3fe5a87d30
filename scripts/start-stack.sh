#!/usr/bin/env bash
# One command for the AllSpark Market with its history: builds what is missing, then starts
#   - an archive development chain (Alice authoring, a fresh temporary database; archive state
#     because the indexer reads each listing's metadata from the state of the block it was
#     registered in, which a pruning node forgets after 256 blocks),
#   - a PostgreSQL cluster of its own (Debian's server, a temporary data directory),
#   - the indexer (indexer/: migrations, the processor, the GraphQL server),
#   - the DApp's dev server, given the node and the indexer,
# and prints the page's address. Ctrl-C stops them all and removes the temporary directories.
#   RPC_PORT   the node's RPC port (default 9944)
#   PG_PORT    PostgreSQL's port (default: a free one)
#   GQL_PORT   the GraphQL server's port (default 4350)
#   DAPP_PORT  the page's port (default 5173)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RPC_PORT="${RPC_PORT:-9944}"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PG_PORT="${PG_PORT:-$(free_port)}"
GQL_PORT="${GQL_PORT:-4350}"
DAPP_PORT="${DAPP_PORT:-5173}"
bash "$REPO_ROOT/scripts/setup.sh"
[ -x "$NODE_BIN" ] || cargo_build
js_install
indexer_install

BASE="$(mktemp -d -t allspark-stack-XXXX)"
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	rm -rf "$BASE"
}
trap cleanup EXIT INT TERM

# PostgreSQL refuses to run as root: as root, the cluster is the postgres system user's.
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
	chown postgres: "$BASE"
	as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$PG_BIN/initdb" -D "$BASE/pg" -U postgres --auth=trust -E UTF8 >"$BASE/initdb.log"
"${as_pg[@]}" "$PG_BIN/postgres" -D "$BASE/pg" -p "$PG_PORT" -k "$BASE" -c listen_addresses=127.0.0.1 \
	>"$BASE/postgres.log" 2>&1 &
PIDS+=($!)

"$NODE_BIN" --dev --base-path "$BASE/node" --rpc-port "$RPC_PORT" --rpc-cors all --no-prometheus \
	--state-pruning archive-canonical >"$BASE/node.log" 2>&1 &
PIDS+=($!)

wait_for() {
	local what="$1" log="$2"
	shift 2
	local deadline=$((SECONDS + 120))
	until "$@" >/dev/null 2>&1; do
		if [ $SECONDS -ge $deadline ]; then
			echo "start-stack: $what did not come up; its log:" >&2
			tail -20 "$log" >&2
			exit 1
		fi
		sleep 0.5
	done
}
wait_for PostgreSQL "$BASE/postgres.log" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc 'select 1'
wait_for "the node" "$BASE/node.log" curl -sf -H 'Content-Type: application/json' \
	-d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' "http://127.0.0.1:$RPC_PORT"

export DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_USER=postgres DB_PASS=postgres DB_NAME=postgres
(cd "$REPO_ROOT/indexer" && npx squid-typeorm-migration apply >"$BASE/migrations.log" 2>&1)
(cd "$REPO_ROOT/indexer" && ALLSPARK_RPC="ws://127.0.0.1:$RPC_PORT" exec node lib/main.js) \
	>"$BASE/processor.log" 2>&1 &
PIDS+=($!)
(cd "$REPO_ROOT/indexer" && GQL_PORT="$GQL_PORT" exec npx squid-graphql-server) >"$BASE/graphql.log" 2>&1 &
PIDS+=($!)
wait_for "the GraphQL server" "$BASE/graphql.log" curl -sf -H 'Content-Type: application/json' \
	-d '{"query":"{ squidStatus { height } }"}' "http://127.0.0.1:$GQL_PORT/graphql"

cat <<MSG

  AllSpark Market on the development chain, with the indexer
  Open:       http://127.0.0.1:$DAPP_PORT/?rpc=ws://127.0.0.1:$RPC_PORT&indexer=http://127.0.0.1:$GQL_PORT/graphql
  Node RPC:   ws://127.0.0.1:$RPC_PORT   (archive; log: $BASE/node.log)
  GraphQL:    http://127.0.0.1:$GQL_PORT/graphql   (a query console in a browser; logs: $BASE/processor.log, $BASE/graphql.log)
  PostgreSQL: postgres://postgres@127.0.0.1:$PG_PORT/postgres
  Stop with Ctrl-C.

MSG
cd "$REPO_ROOT/dapp"
npx vite --host 127.0.0.1 --port "$DAPP_PORT" --strictPort
