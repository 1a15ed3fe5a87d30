#!/usr/bin/env bash
# Sets up the machine and runs every check and test, in stages, and prints a table of the stages'
# times at the end (also when a stage fails):
#   setup      prerequisites (scripts/setup.sh)
#   fmt        cargo fmt --check (polkadot-sdk's .rustfmt.toml)
#   build      the node (the wasm runtime and the runtime-upgrade test blob with it)
#   cargo test the Rust unit tests of the runtime and pallets, benchmark test suites included
#   js         npm ci of the JavaScript workspace, the dapp's descriptors and its build, the
#              indexer's npm ci and build
#   reference  docs/reference.md is what the built chain says
#   suites     the end-to-end suites and the dapp's suites (typed client, every example of
#              docs/dapp.md, the web DApp in Chromium), all against real nodes, several files at
#              once (ALLSPARK_TEST_CONCURRENCY, default 5; the longest first): the nodes mostly
#              wait for blocks
#   chaos      the short forms of scripts/chaos.sh (a four-validator network in network
#              namespaces: partition, isolation, latency and loss, kill -9 under load, a soak),
#              beside the suites like the lint; needs root (sudo when not root); its log is
#              printed if it fails
#   lint       cargo doc without warnings and zepter's feature propagation (scripts/lint.sh;
#              clippy ran in the build), at low priority beside the suites; its log is printed if
#              it fails
# ALLSPARK_SKIP_LINT=1 leaves the lint stage out, ALLSPARK_SKIP_CHAOS=1 the chaos stage.
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
	if [ -n "${LINT_PID:-}" ]; then kill "$LINT_PID" 2>/dev/null || true; fi
	if [ -n "${CHAOS_PID:-}" ]; then kill "$CHAOS_PID" 2>/dev/null || true; fi
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
lint_env
end

begin fmt
cargo fmt --all --check
end

begin build
cargo_build
ls -l "$NODE_BIN"
end

begin "cargo-test"
# Every target but the doc tests (there are none to run): nothing left to compile.
cargo test --workspace --all-targets --features "$CARGO_FEATURES"
end

begin js
js_install
bash scripts/dapp-descriptors.sh
(cd dapp && npm run build)
indexer_install
end

# The lint stage runs niced beside the suites, which spend most of their time waiting for
# blocks; it shares the build's target dir and environment, so it rebuilds nothing.
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

# The chaos stage's short forms run beside the suites: their nodes, like the suites', mostly wait
# for blocks.
CHAOS_LOG="$(mktemp -t allspark-chaos-XXXX.log)"
CHAOS_PID=""
chaos_start=$(date +%s)
if [ "${ALLSPARK_SKIP_CHAOS:-0}" != 1 ]; then
	as_root=()
	[ "$(id -u)" -eq 0 ] || as_root=(sudo -E)
	ALLSPARK_SKIP_BUILD=1 "${as_root[@]}" bash scripts/chaos.sh >"$CHAOS_LOG" 2>&1 &
	CHAOS_PID=$!
fi

# A suite that hangs fails after ALLSPARK_TEST_TIMEOUT_MS (40 minutes: the longest takes about
# twelve on a loaded machine) with the test it hung in, instead of holding CI to its limit; and a
# test file's process exits once its tests are done (--test-force-exit), even if a failed test
# left something running (its exit handler then kills the nodes it started).
# The suites, longest first (durations of a warm run at concurrency 5, in seconds: validators
# 411, governance 382, the indexer 277, the guide's examples 258, Chromium 256, the upgrade check
# 241, market 209, then the rest down to 100), so the last to start are short ones and the lanes
# end together. Files not listed (each under 100 s) follow.
LONGEST_FIRST=(
	e2e/tests/operations/07-validators.test.js
	e2e/tests/operations/15-governance.test.js
	e2e/tests/operations/16-indexer.test.js
	dapp/tests/guide.test.js
	dapp/tests/browser.test.js
	e2e/tests/operations/14-upgrade-check.test.js
	e2e/tests/pallets/11-market.test.js
	e2e/tests/operations/08-runtime-upgrade.test.js
	e2e/tests/pallets/12-evaluation.test.js
	e2e/tests/node/04-cli.test.js
	e2e/tests/node/02-local-network.test.js
	e2e/tests/operations/09-compose.test.js
	e2e/tests/operations/17-indexer-reorg.test.js
	e2e/tests/node/01-dev-chain.test.js
	e2e/tests/pallets/06-content.test.js
	dapp/tests/indexer-browser.test.js
)
suite_files=("${LONGEST_FIRST[@]}")
while IFS= read -r f; do
	[[ " ${LONGEST_FIRST[*]} " == *" $f "* ]] || suite_files+=("$f")
done < <(find e2e/tests dapp/tests -name '*.test.js' -not -path '*/node_modules/*' | sort)

begin suites
ALLSPARK_NODE="$NODE_BIN" ALLSPARK_UPGRADE_WASM_PATH="$UPGRADE_WASM" \
	node --test --test-concurrency="${ALLSPARK_TEST_CONCURRENCY:-5}" --test-reporter=spec \
	--test-timeout="${ALLSPARK_TEST_TIMEOUT_MS:-2400000}" --test-force-exit \
	"${suite_files[@]}"
end

if [ -n "$CHAOS_PID" ]; then
	begin chaos
	if ! wait "$CHAOS_PID"; then
		CHAOS_PID=""
		# Less @polkadot/api's reconnect messages while a node is down.
		grep -v 'API-WS: disconnected' "$CHAOS_LOG"
		echo "chaos: failed (log above)" >&2
		exit 1
	fi
	CHAOS_PID=""
	grep -E '^(ℹ (tests|pass|fail) |chaos: done)' "$CHAOS_LOG" || true
	# Its own duration, most of it beside the suites.
	stage_start=$chaos_start
	end
fi

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
