#!/usr/bin/env bash
# Write docs/reference.md from the built chain: its runtime metadata and the node's RPC methods.
# `scripts/reference.sh --check` fails instead when the committed file differs (CI runs this).
# Needs the node built (scripts/test.sh or `cargo_build` of scripts/common.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
js_install
cd "$REPO_ROOT"
ALLSPARK_NODE="${ALLSPARK_NODE:-$NODE_BIN}" node tools/reference.js "$@"
