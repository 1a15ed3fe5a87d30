#!/usr/bin/env bash
# Chaos on the four-validator network: partitions, an isolated validator, latency and loss, and
# kill -9 under load (e2e/chaos/network.test.js), and the soak (e2e/chaos/soak.test.js), each
# validator in a network namespace of its own.
#
#   scripts/chaos.sh [--full] [--soak MINUTES] [--only network|soak] [--report PREFIX]
#
# Without --full the short forms run, on one network (CI runs them: a 30 s partition, 20 s of
# isolation, 45 s of latency, one kill, then a 1-minute soak through an RPC node on the same
# network); --full runs the figures' forms (2 minutes, 2 minutes, 5 minutes, ten kills), then the
# soak on a network of its own for --soak MINUTES (default 30). --report PREFIX writes the
# figures to PREFIX.network.json and PREFIX.soak.json. Needs root (network
# namespaces, veth pairs, iptables); it makes a control namespace with a bridge, runs the tests
# inside it, and every node in a namespace of its own on the bridge, with addresses of its own
# subnet only: nothing of the host's network is touched, and everything is removed on exit.
#
# Latency: this machine's kernel has no netem qdisc (`tc qdisc add ... netem` fails with "Specified
# qdisc kind is unknown"), so each node's outgoing peer-to-peer packets go through an NFQUEUE
# queue served by scripts/chaos/nfq-delay.c, which holds them for the delay; loss is iptables'
# `statistic` match. Where netem exists the effect is the same as `netem delay D loss L` on every
# veth's egress.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

MODE=short
SOAK_MIN=1
REPORT=""
ONLY=""
while [ $# -gt 0 ]; do
	case "$1" in
	--full) MODE=full; SOAK_MIN=30 ;;
	--soak) SOAK_MIN="$2"; shift ;;
	--report) REPORT="$2"; shift ;;
	--only) ONLY="$2"; shift ;;
	*) echo "usage: $0 [--full] [--soak MINUTES] [--only network|soak] [--report PREFIX]" >&2; exit 2 ;;
	esac
	shift
done

if [ "$(id -u)" -ne 0 ]; then
	echo "chaos: needs root for network namespaces (run it with sudo)" >&2
	exit 1
fi
if [ "${ALLSPARK_SKIP_BUILD:-0}" != 1 ] || [ ! -x "$NODE_BIN" ]; then
	bash scripts/setup.sh
	cargo_build
fi
js_install

DELAY_BIN="$CARGO_TARGET_DIR/chaos/nfq-delay"
mkdir -p "$(dirname "$DELAY_BIN")"
if [ ! -x "$DELAY_BIN" ] || [ scripts/chaos/nfq-delay.c -nt "$DELAY_BIN" ]; then
	gcc -O2 -Wall -Wextra -Werror -o "$DELAY_BIN" scripts/chaos/nfq-delay.c -lnetfilter_queue -lnfnetlink
fi

# The control namespace: a bridge every node's veth joins, and the tests' own address on it.
CTL="asc$$"
SUBNET="10.$((RANDOM % 200 + 20)).$((RANDOM % 250))"
cleanup() {
	for ns in $(ip netns list | awk '{print $1}' | grep "^$CTL" || true); do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
		ip netns del "$ns" 2>/dev/null || true
	done
}
trap cleanup EXIT INT TERM
ip netns add "$CTL"
ip -n "$CTL" link set lo up
ip -n "$CTL" link add br0 type bridge
ip -n "$CTL" addr add "$SUBNET.254/24" dev br0
ip -n "$CTL" link set br0 up

# The short forms' soak runs inside network.test.js, on its network. A short form that hangs
# fails after half an hour (they take about ten minutes) instead of holding CI to its limit.
runner_opts=(--test-force-exit)
[ "$MODE" = full ] || runner_opts+=(--test-timeout=1800000)
files=(e2e/chaos/network.test.js)
[ "$MODE" = short ] || files+=(e2e/chaos/soak.test.js)
[ -z "$ONLY" ] || files=("e2e/chaos/$ONLY.test.js")
echo "chaos: $MODE forms, soak $SOAK_MIN min, control namespace $CTL, subnet $SUBNET.0/24"
start=$(date +%s)
ip netns exec "$CTL" env \
	ALLSPARK_NODE="$NODE_BIN" ALLSPARK_CHAOS_NS="$CTL" ALLSPARK_CHAOS_SUBNET="$SUBNET" \
	ALLSPARK_CHAOS_DELAY_BIN="$DELAY_BIN" ALLSPARK_CHAOS_MODE="$MODE" ALLSPARK_SOAK_MINUTES="$SOAK_MIN" \
	ALLSPARK_CHAOS_REPORT="$REPORT" \
	node --test --test-concurrency=1 --test-reporter=spec "${runner_opts[@]}" "${files[@]}"
echo "chaos: done in $(($(date +%s) - start)) s"
