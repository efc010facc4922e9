#!/usr/bin/env bash
# Benchmarks (never part of the test suite: numbers come from here).
#   ./scripts/bench.sh pallets      regenerate weights.rs of our pallets
#   ./scripts/bench.sh overhead     block/extrinsic overhead of the runtime
# Builds the node with --features runtime-benchmarks into its own target
# subdirectory so the default build stays untouched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR/bench"
"$REPO_ROOT/scripts/bootstrap.sh"
cd "$REPO_ROOT"
cargo build --locked --release -p tokenize-node --features runtime-benchmarks
bin="$CARGO_TARGET_DIR/release/tokenize-node"
case "${1:-pallets}" in
	pallets)
		for pallet in identity-registry validator-set; do
			"$bin" benchmark pallet --chain dev --pallet "pallet_${pallet//-/_}" --extrinsic '*' \
				--steps 50 --repeat 20 --output "pallets/$pallet/src/weights.rs" \
				--template scripts/weight-template.hbs
		done ;;
	overhead)
		"$bin" benchmark pallet --chain dev --pallet frame_system --extrinsic '*' --steps 20 --repeat 10
		"$bin" benchmark pallet --chain dev --pallet pallet_balances --extrinsic transfer_allow_death --steps 2 --repeat 20
		"$bin" benchmark pallet --chain dev --pallet pallet_assets --extrinsic transfer --steps 2 --repeat 20 ;;
	*) echo "bench: use 'pallets' or 'overhead'" >&2; exit 2 ;;
esac
