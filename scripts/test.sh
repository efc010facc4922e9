#!/usr/bin/env bash
# The whole test suite, from a fresh machine:
#   1. bootstrap (toolchain, system packages, npm packages)
#   2. build the node (shared target dir outside the clone); its runtime
#      build also writes the upgrade-test wasm the governance tests install
#   3. pallet, runtime and node unit/property tests (cargo test --release)
#   4. every pallet's benchmark test suite (--features runtime-benchmarks)
#   5. committed chain specs match the runtime's presets
#   6. e2e tests through @polkadot/api against freshly started dev nodes
#   7. zombienet: 4 validators + regulator node, finality with one validator
#      stopped, a governance runtime upgrade
# SKIP_ZOMBIENET=1 skips stage 7.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
logdir="$(mktemp -d -t tokenize-test-XXXXXX)"
t0=$(date +%s)
stage() { echo "== $* ($(( $(date +%s) - t0 ))s)" >&2; }
# Shows the lines of stdin matching $1 and never fails: the status of a
# stage is its command's (set -o pipefail), never the filter's.
show() { grep -E "$1" || true; }
fail() { echo "test: $*" >&2; exit 1; }

stage "bootstrap"
./scripts/bootstrap.sh

stage "build node"
./scripts/build.sh

stage "cargo tests (pallets, runtime, node)"
cargo test --locked --release --workspace --no-fail-fast 2>&1 | tee "$logdir/cargo.log" \
	| show "^(test result|running|failures:|---- )|panicked|error(\[|:)" \
	|| fail "cargo tests failed (log: $logdir/cargo.log)"
cargo_passed=$(show '^test result' <"$logdir/cargo.log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')

stage "benchmark test suites (pallets, --features runtime-benchmarks)"
# Every pallet with benchmarks runs them once against its mock (the worst
# cases must still execute and assert); the unit tests ran above.
bench_packages=()
for manifest in pallets/*/Cargo.toml; do
	[ -f "$(dirname "$manifest")/src/benchmarking.rs" ] || continue
	bench_packages+=(-p "$(sed -n 's/^name = "\(.*\)"$/\1/p' "$manifest" | head -1)")
done
cargo test --locked --release "${bench_packages[@]}" --features runtime-benchmarks --no-fail-fast -- benchmarking:: 2>&1 \
	| tee "$logdir/bench.log" | show "^(test result|failures:|---- )|panicked|error(\[|:)" \
	|| fail "benchmark test suites failed (log: $logdir/bench.log)"
bench_passed=$(show '^test result' <"$logdir/bench.log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')

stage "chain specs up to date"
./scripts/check-chain-specs.sh

stage "e2e (@polkadot/api)"
e2e_status=0
( cd e2e && NODE_BIN="$NODE_BIN" npm test 2>&1 ) | tee "$logdir/e2e.log" | show "\S" | tail -40 || e2e_status=1
e2e_passed=$(show '^ℹ pass' <"$logdir/e2e.log" | awk '{print $3}')
e2e_failed=$(show '^ℹ fail' <"$logdir/e2e.log" | awk '{print $3}')
[ "$e2e_status" -eq 0 ] || fail "e2e tests failed (log: $logdir/e2e.log)"

zn="skipped"
if [ "${SKIP_ZOMBIENET:-0}" != 1 ]; then
	stage "zombienet (4 validators + regulator)"
	./scripts/zombienet.sh test 2>&1 | tee "$logdir/zombienet.log" | show "✅|❌|PASS|FAIL|Error" | tail -30 \
		|| fail "zombienet checks failed (log: $logdir/zombienet.log)"
	zn_passed=$(show "✅" <"$logdir/zombienet.log" | wc -l)
	zn="$zn_passed checks passed"
fi

stage "done"
echo "test: cargo ${cargo_passed:-0} passed; benchmarks ${bench_passed:-0} passed; e2e ${e2e_passed:-0} passed, ${e2e_failed:-0} failed; zombienet $zn; $(( $(date +%s) - t0 ))s total (logs: $logdir)"
