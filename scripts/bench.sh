#!/usr/bin/env bash
# Benchmarks (never part of the test suite: numbers come from here).
#   ./scripts/bench.sh pallets [name...]  regenerate weights.rs of our pallets (all, or the named ones)
#   ./scripts/bench.sh compare      compliant transfer vs plain pallet-assets transfer
#   ./scripts/bench.sh overhead     system, balances and assets reference weights
# Builds the node with --features runtime-benchmarks in the shared target dir:
# cargo keeps both feature sets side by side, so only the crates whose
# features differ are compiled twice (the runtime wasm is rebuilt when
# switching between the two builds).
# STEPS / REPEAT override the sampling (defaults 50 / 20).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$REPO_ROOT/scripts/bootstrap.sh"
cd "$REPO_ROOT"
# frame-benchmarking-cli's storage-access test runtime cannot be built while
# WASM_BUILD_WORKSPACE_HINT points at our workspace; `benchmark pallet` does
# not need it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --locked --release -p tokenize-node --features runtime-benchmarks
bin="$CARGO_TARGET_DIR/release/tokenize-node"
steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
bench() { "$bin" benchmark pallet --chain dev --steps "$steps" --repeat "$repeat" "$@"; }
case "${1:-pallets}" in
	pallets)
		[ $# -eq 0 ] || shift
		all=(identity-registry validator-set compliant-assets freeze circuit-breaker corridor governance mint-escrow payments nav-oracle fund-vault)
		for pallet in "${@:-${all[@]}}"; do
			[ -d "pallets/$pallet" ] || { echo "bench: no pallet '$pallet' (one of: ${all[*]})" >&2; exit 2; }
			bench --pallet "pallet_${pallet//-/_}" --extrinsic '*' \
				--output "pallets/$pallet/src/weights.rs" --template scripts/weight-template.hbs
		done ;;
	compare)
		bench --pallet pallet_compliant_assets --extrinsic transfer
		bench --pallet pallet_assets --extrinsic transfer ;;
	overhead)
		bench --pallet frame_system --extrinsic '*'
		bench --pallet pallet_balances --extrinsic transfer_allow_death
		bench --pallet pallet_assets --extrinsic transfer ;;
	*) echo "bench: use 'pallets', 'compare' or 'overhead'" >&2; exit 2 ;;
esac
echo "bench: the node built with runtime-benchmarks replaced $bin; ./scripts/build.sh rebuilds the default node" >&2
