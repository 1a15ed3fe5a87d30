#!/usr/bin/env bash
# Coverage-guided fuzzing of the AllSpark runtime with libFuzzer (cargo-fuzz), for [seconds]
# (default 600), on every core but one (ALLSPARK_FUZZ_JOBS overrides):
#   scripts/fuzz.sh 36000     # a ten-hour run
# Each input is a program of blocks of signed calls of every pallet run from genesis against the
# real runtime, every invariant checked after every block with calls and at the end of every
# jump of empty blocks (fuzz/src/lib.rs; the smoke checks after every block, at half the calls a
# second). Starts from the committed corpus (fuzz/corpus); at the end, the inputs that found
# new coverage are merged into it (commit them), and it prints inputs run, calls, blocks,
# coverage and wall time. A crash (a panic or a broken invariant) leaves its input in
# $ALLSPARK_FUZZ_OUT/artifacts and fails the script: replay it with the fuzz binary
# ("$CARGO_TARGET_DIR/fuzz/x86_64-unknown-linux-gnu/release/runtime <file>";
# ALLSPARK_FUZZ_TRACE=1 prints every call before it runs and its outcome after), then keep it as
# fuzz/regressions/<name> with a test in fuzz/tests/regressions.rs before fixing it.
# The build is its own (coverage instrumentation, release with overflow checks and debug
# assertions) in "$CARGO_TARGET_DIR/fuzz"; the first compiles the runtime's dependencies again,
# binaryen's C++ (the wasm builder's) among them: about 8 minutes on two cores. Without
# trace-compares instrumentation (the generator draws ids and amounts from the chain's state
# already; the comparisons' hooks took half the time), and without libFuzzer's own memcmp
# tracing (-use_cmp=0, another ~9 %). An input that runs over 10 minutes is a timeout failure:
# on a machine busy with builds, inputs of many long jumps took over a minute (and replayed in
# 12-26 s alone), so 60 s made false failures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

seconds="${1:-600}"
jobs="${ALLSPARK_FUZZ_JOBS:-$(($(nproc) > 1 ? $(nproc) - 1 : 1))}"
out="${ALLSPARK_FUZZ_OUT:-$(mktemp -d -t allspark-fuzz-XXXX)}"
mkdir -p "$out/corpus" "$out/artifacts"

if ! command -v cargo-fuzz >/dev/null; then
	cargo install cargo-fuzz --locked --version 0.13.1
fi
# The clippy wrapper of the workspace's builds has no business in an instrumented build.
unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
# The runtime's wasm is not needed natively.
export SKIP_WASM_BUILD=1
export ALLSPARK_FUZZ_CHECKS=jumps
fuzz_target_dir="$CARGO_TARGET_DIR/fuzz"
cargo fuzz build -O --sanitizer none --no-trace-compares --fuzz-dir fuzz/libfuzzer --target-dir "$fuzz_target_dir" runtime
bin="$(find "$fuzz_target_dir" -path '*/release/runtime' -type f | head -1)"

start=$(date +%s)
log="$out/fuzz.log"
echo "fuzz: $jobs jobs for $seconds s; log $log, new inputs in $out/corpus"
set +e
"$bin" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" \
	-artifact_prefix="$out/artifacts/" -print_final_stats=1 -max_len=8192 -timeout=600 -use_cmp=0 \
	"$out/corpus" fuzz/corpus >"$log" 2>&1
status=$?
set -e
wall=$(($(date +%s) - start))
# With -jobs, each worker logs to fuzz-<n>.log in the working directory.
cat fuzz-*.log >>"$log" 2>/dev/null && rm -f fuzz-*.log

# Merge what found new coverage into the committed corpus.
"$bin" -merge=1 -max_len=8192 fuzz/corpus "$out/corpus" >>"$log" 2>&1 || true

python3 - "$log" "$wall" "$jobs" <<'PY'
import re, sys
log, wall, jobs = open(sys.argv[1], errors="replace").read(), int(sys.argv[2]), sys.argv[3]
# Each worker's last counters line: "allspark-fuzz: worker <pid> inputs N calls C blocks B".
workers = {}
for m in re.finditer(r"allspark-fuzz: worker (\d+) inputs (\d+) calls (\d+) blocks (\d+)", log):
    workers[m.group(1)] = tuple(int(x) for x in m.groups()[1:])
inputs, calls, blocks = (sum(w[i] for w in workers.values()) for i in range(3))
cov = max([int(x) for x in re.findall(r"cov: (\d+)", log)] or [0])
ft = max([int(x) for x in re.findall(r"ft: (\d+)", log)] or [0])
crashes = len(re.findall(r"(deadly signal|panicked|==ERROR)", log))
print(f"fuzz: {wall} s on {jobs} jobs: {inputs} inputs, {calls} calls, {blocks} blocks; "
      f"coverage {cov} edges ({ft} features); {crashes} crashes")
PY
# libFuzzer also leaves inputs that ran slowly (slow-unit-*, over 10 s: a loaded machine makes
# them); those are no failure. Crashes, timeouts (600 s), leaks and OOMs are.
slow=$(find "$out/artifacts" -name 'slow-unit-*' | wc -l)
[ "$slow" -eq 0 ] || echo "fuzz: $slow slow inputs (over 10 s) in $out/artifacts"
failed=$(find "$out/artifacts" -type f ! -name 'slow-unit-*' | wc -l)
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
	echo "fuzz: $failed crash inputs in $out/artifacts (log $log)" >&2
	exit 1
fi
