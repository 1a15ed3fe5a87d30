#!/usr/bin/env bash
# The economic simulation (docs/economics.md): one week-long era of the production chain per
# cell, swept over honest volume (0 to 10 M ASK a week) and attacker capital (10,000 ASK to
# 30 M ASK, 10 % of the supply), for each adversarial strategy (wash trading, round capture,
# both). Prints the table of returns and fails if any attacker's return is above 0 or an honest
# evaluator's or creator's is not. Runs the runtime's ignored test `simulate_the_economy`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
cargo test --workspace --features "$CARGO_FEATURES" simulate_the_economy \
	-- --ignored --nocapture
