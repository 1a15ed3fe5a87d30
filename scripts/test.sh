#!/usr/bin/env bash
# Sets up the machine and runs every check and test, in stages, and prints a table of the stages'
# times at the end (also when a stage fails):
#   setup      prerequisites (scripts/setup.sh)
#   fmt        cargo fmt --check (polkadot-sdk's .rustfmt.toml)
#   build      the node (the wasm runtime and the runtime-upgrade test blob with it)
#   cargo test the Rust unit tests of the runtime and pallets, benchmark test suites included
#   js         npm ci of the JavaScript workspace, the dapp's descriptors and its build
#   reference  docs/reference.md is what the built chain says
#   suites     the end-to-end suites and the dapp's suites (typed client, every example of
#              docs/dapp.md, the web DApp in Chromium), all against real nodes, several files at
#              once (ALLSPARK_TEST_CONCURRENCY, default 3): the nodes mostly wait for blocks
#   lint       clippy -D warnings, cargo doc without warnings and zepter's feature propagation
#              (scripts/lint.sh), run at low priority beside the suites in a target dir of its own,
#              so it never rebuilds what the tests use; its log is printed if it fails
# ALLSPARK_SKIP_LINT=1 leaves the lint stage out (it is CI's, and slow on a cold machine).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

STAGES=()
stage_start=0
stage_name=""
begin() {
	stage_name="$1"
	stage_start=$(date +%s)
	echo "== $1"
}
end() {
	STAGES+=("$stage_name $(($(date +%s) - stage_start))")
	stage_name=""
}
report() {
	local code=$?
	[ -n "$stage_name" ] && STAGES+=("$stage_name $(($(date +%s) - stage_start)) (failed)")
	echo
	echo "== stage times (s)"
	for s in "${STAGES[@]}"; do
		printf '  %-12s %s\n' ${s%% *} "${s#* }"
	done
	exit $code
}
trap report EXIT

begin setup
bash scripts/setup.sh
end

begin fmt
cargo fmt --all --check
end

begin build
cargo build -p allspark-node --features "$CARGO_FEATURES"
ls -l "$NODE_BIN"
end

begin "cargo-test"
cargo test --workspace --features "$CARGO_FEATURES"
end

begin js
js_install
bash scripts/dapp-descriptors.sh
(cd dapp && npm run build)
end

# The lint stage shares no target dir with the stages above and below, and runs niced beside the
# suites, which spend most of their time waiting for blocks.
LINT_LOG="$(mktemp -t allspark-lint-XXXX.log)"
LINT_PID=""
lint_start=$(date +%s)
if [ "${ALLSPARK_SKIP_LINT:-0}" != 1 ]; then
	nice -n 19 bash scripts/lint.sh >"$LINT_LOG" 2>&1 &
	LINT_PID=$!
fi

begin reference
bash scripts/reference.sh --check
end

begin suites
ALLSPARK_NODE="$NODE_BIN" ALLSPARK_UPGRADE_WASM_PATH="$UPGRADE_WASM" \
	node --test --test-concurrency="${ALLSPARK_TEST_CONCURRENCY:-3}" --test-reporter=spec \
	e2e/tests dapp/tests
end

if [ -n "$LINT_PID" ]; then
	begin lint
	if ! wait "$LINT_PID"; then
		cat "$LINT_LOG"
		echo "lint: failed (log above)" >&2
		exit 1
	fi
	tail -5 "$LINT_LOG"
	# The lint's own duration, most of it beside the suites.
	stage_start=$lint_start
	end
fi
