#!/usr/bin/env bash
# Installs every prerequisite for building and testing AllSpark on a fresh Debian/Ubuntu machine.
# Idempotent: run it as often as you like; it only installs what is missing.
# `setup.sh --lint` installs only the lint tools scripts/lint.sh needs (zepter), once the rest is there.
set -euo pipefail

if [ "${1:-}" = "--lint" ]; then
	command -v zepter >/dev/null 2>&1 || cargo install --locked zepter@1.88.2
	exit 0
fi

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
dpkg -s libclang-dev >/dev/null 2>&1 || need_apt+=(libclang-dev)
# Validates docker/docker-compose.yml in the end-to-end suite.
command -v docker-compose >/dev/null 2>&1 || need_apt+=(docker-compose)
# Builds and runs the node's container image in the end-to-end suite.
command -v podman >/dev/null 2>&1 || need_apt+=(podman)
# Makes that image's Debian base from Debian's packages (no container registry is reachable).
command -v debootstrap >/dev/null 2>&1 || need_apt+=(debootstrap)
# The chaos tests (scripts/chaos.sh): network namespaces and veth pairs, iptables for partitions
# and loss, and nfq-delay (scripts/chaos/nfq-delay.c, built with gcc) for latency.
command -v ip >/dev/null 2>&1 || need_apt+=(iproute2)
command -v iptables >/dev/null 2>&1 || need_apt+=(iptables)
command -v gcc >/dev/null 2>&1 || need_apt+=(gcc)
dpkg -s libnetfilter-queue-dev >/dev/null 2>&1 || need_apt+=(libnetfilter-queue-dev)
# The indexer's database: Debian's PostgreSQL server binaries (the scripts and tests run clusters
# of their own on free ports, never the package's default cluster) and psql.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_apt+=(postgresql)
command -v psql >/dev/null 2>&1 || need_apt+=(postgresql-client)
# The DApp's browser tests drive Debian's headless Chromium.
[ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	echo "setup: installing ${need_apt[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is required (https://rustup.rs)" >&2
	exit 1
fi
installed_targets=$(rustup target list --installed)
for t in wasm32-unknown-unknown wasm32v1-none; do
	grep -qx "$t" <<<"$installed_targets" || rustup target add "$t"
done
installed_components=$(rustup component list --installed)
grep -q '^rust-src' <<<"$installed_components" || rustup component add rust-src
# clippy-driver lints the workspace as it builds (scripts/common.sh).
grep -q '^clippy' <<<"$installed_components" || rustup component add clippy

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "setup: Node.js >= 20 and npm are required for the end-to-end tests" >&2
	exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
	echo "setup: Node.js >= 20 is required (found $(node --version))" >&2
	exit 1
fi
# The container-image suite's base image; returns at once when it exists.
bash "$(dirname "${BASH_SOURCE[0]}")/podman-base-image.sh"
echo "setup: prerequisites ready"
