#!/usr/bin/env bash
# Generate the dapp's polkadot-api descriptors (dapp/.papi) from the built runtime's wasm, so the
# typed client always matches the runtime in this tree. Needs the runtime built (scripts/test.sh
# or `cargo_build` of scripts/common.sh); ALLSPARK_RUNTIME_WASM overrides the wasm's path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
WASM="${ALLSPARK_RUNTIME_WASM:-$CARGO_TARGET_DIR/debug/wbuild/allspark-runtime/allspark_runtime.wasm}"
[ -f "$WASM" ] || { echo "no runtime wasm at $WASM: build the node first" >&2; exit 1; }
js_install
cd "$REPO_ROOT/dapp"
rm -rf .papi
npx papi add allspark --wasm "$WASM" --skip-codegen
npx papi generate
