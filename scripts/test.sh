#!/usr/bin/env bash
# The whole test suite, from a fresh machine:
#   1. bootstrap (toolchain, system packages, npm packages)
#   2. build the node (shared target dir outside the clone)
#   3. pallet, runtime and node unit/property tests (cargo test --release)
#   4. committed chain specs match the runtime's presets
#   5. e2e tests through @polkadot/api against freshly started dev nodes
#   6. zombienet: 4 validators + regulator node, finality with one validator stopped
# SKIP_ZOMBIENET=1 skips stage 6.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
logdir="$(mktemp -d -t tokenize-test-XXXXXX)"
t0=$(date +%s)
stage() { echo "== $* ($(( $(date +%s) - t0 ))s)" >&2; }

stage "bootstrap"
./scripts/bootstrap.sh

stage "build node"
./scripts/build.sh

stage "cargo tests (pallets, runtime, node)"
cargo test --locked --release --workspace 2>&1 | tee "$logdir/cargo.log" | grep -E "^(test result|running|failures:|---- )|panicked|error(\[|:)" || true
cargo_status=${PIPESTATUS[0]}
[ "$cargo_status" -eq 0 ] || { echo "test: cargo tests failed (log: $logdir/cargo.log)" >&2; exit 1; }
cargo_passed=$(grep -E '^test result' "$logdir/cargo.log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')

stage "chain specs up to date"
./scripts/check-chain-specs.sh

stage "e2e (@polkadot/api)"
( cd e2e && NODE_BIN="$NODE_BIN" npm test 2>&1 ) | tee "$logdir/e2e.log" | grep -vE "^\s*$" | tail -40
e2e_status=${PIPESTATUS[0]}
e2e_passed=$(grep -E '^ℹ pass' "$logdir/e2e.log" | awk '{print $3}')
e2e_failed=$(grep -E '^ℹ fail' "$logdir/e2e.log" | awk '{print $3}')
[ "$e2e_status" -eq 0 ] || { echo "test: e2e tests failed (log: $logdir/e2e.log)" >&2; exit 1; }

zn="skipped"
if [ "${SKIP_ZOMBIENET:-0}" != 1 ]; then
	stage "zombienet (4 validators + regulator)"
	./scripts/zombienet.sh test 2>&1 | tee "$logdir/zombienet.log" | grep -E "✅|❌|PASS|FAIL|Error" | tail -30
	zn_status=${PIPESTATUS[0]}
	zn_passed=$(grep -c "✅" "$logdir/zombienet.log" || true)
	[ "$zn_status" -eq 0 ] || { echo "test: zombienet checks failed (log: $logdir/zombienet.log)" >&2; exit 1; }
	zn="$zn_passed checks passed"
fi

stage "done"
echo "test: cargo ${cargo_passed:-0} passed; e2e ${e2e_passed:-0} passed, ${e2e_failed:-0} failed; zombienet $zn; $(( $(date +%s) - t0 ))s total (logs: $logdir)"
