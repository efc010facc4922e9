#!/usr/bin/env bash
# Benchmarks (never part of the test suite: numbers come from here).
#   ./scripts/bench.sh pallets [name...]  regenerate weights.rs of our pallets (all, or the named ones)
#   ./scripts/bench.sh compare      compliant transfer vs plain pallet-assets transfer
#   ./scripts/bench.sh reference    the kept pallets' weights on this machine -> runtime/src/weights/
#   ./scripts/bench.sh overhead     `benchmark overhead` on the dev genesis: block and
#                                   base extrinsic weights -> runtime/src/weights/
#   ./scripts/bench.sh storage <db> `benchmark storage` on a node database (ParityDB,
#                                   the node's 1 GiB trie cache) -> runtime/src/weights/
#   ./scripts/bench.sh block <db>   `benchmark block`: real execution time of every
#                                   block in <db> against its declared weight, kept
#                                   beside <db> in benchmark-block.log; a summary ends it
# <db> is a validator's base path kept by the network benchmark, e.g.
#   BENCH_KEEP=/tmp/bench ./scripts/bench-network.sh && ./scripts/bench.sh storage /tmp/bench/alice
# Builds the node with --features runtime-benchmarks in the shared target dir:
# cargo keeps both feature sets side by side, so only the crates whose
# features differ are compiled twice (the runtime wasm is rebuilt when
# switching between the two builds).
# STEPS / REPEAT override the sampling (defaults 50 / 20).
# Every generated file records what was measured; the runtime declares the
# measured times with the machine's speed margin, set once in
# pallets/primitives/src/weights.rs (this VM's speed drifts by up to 1.8x:
# the same extrinsic-base benchmark gave 120 us and 152 us on the same day,
# the same block ran at 48% and 85% of its weight in two `block` passes).
# `block` shows whether the declared weights hold in the current period.
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
# The share of its declared weight each block's execution took, over the
# blocks with transactions besides the timestamp (the first block of a pass
# also compiles the runtime and is left out).
block_summary() {
	python3 -c '
import re, statistics, sys
rows = re.findall(r"Block (\d+) with +(\d+) tx used +([\d.]+)% of its weight", sys.stdin.read())[1:]
used = sorted((float(share), int(block)) for block, txs, share in rows if int(txs) > 1)
if not used:
    sys.exit("bench: no block with transactions to compare")
over = [f"{b} ({s:.0f}%)" for s, b in used if s > 100]
print(f"bench: {len(used)} blocks with transactions used {used[0][0]:.0f}-{used[-1][0]:.0f}% of their weight "
      f"(median {statistics.median(s for s, _ in used):.0f}%); over it: {len(over)}" + (": " + ", ".join(over) if over else ""))
'
}
# Declares the measured execution times of generated pallet weight files
# with the machine's speed margin (`tokenize_primitives::weights`): every
# `Weight::from_parts(time, proof)` with a non-zero time is wrapped in
# `with_margin`. Proof sizes are counted, not timed, and stay as measured.
declare_with_margin() {
	python3 - "$@" <<'PY'
import re, sys
for path in sys.argv[1:]:
    text = open(path).read()
    if "with_margin" in text:
        sys.exit(f"bench: {path} already declares its times with the margin (wrap freshly generated files only)")
    text = re.sub(r"Weight::from_parts\((?!0,)([0-9_]+), ([0-9_]+)\)", r"with_margin(Weight::from_parts(\1, \2))", text)
    text, imports = re.subn(r"(use frame_support::\{traits::Get, weights::[^\n]*;\n)",
                            r"\1use tokenize_primitives::weights::with_margin;\n", text, count=1)
    if imports != 1:
        sys.exit(f"bench: {path} does not import frame_support's weights as generated files do")
    open(path, "w").write(text)
PY
}
case "${1:-pallets}" in
	pallets)
		[ $# -eq 0 ] || shift
		all=(identity-registry validator-set compliant-assets freeze circuit-breaker corridor governance mint-escrow payments nav-oracle fund-vault)
		for pallet in "${@:-${all[@]}}"; do
			[ -d "pallets/$pallet" ] || { echo "bench: no pallet '$pallet' (one of: ${all[*]})" >&2; exit 2; }
			bench --pallet "pallet_${pallet//-/_}" --extrinsic '*' \
				--output "pallets/$pallet/src/weights.rs" --template scripts/weight-template.hbs
			declare_with_margin "pallets/$pallet/src/weights.rs"
		done ;;
	compare)
		bench --pallet pallet_compliant_assets --extrinsic transfer
		bench --pallet pallet_assets --extrinsic transfer ;;
	reference)
		# The kept pallets' calls on this machine (their shipped weights are
		# a faster reference machine's).
		for pallet in pallet_balances pallet_multisig pallet_timestamp pallet_sudo pallet_assets; do
			bench --pallet "$pallet" --extrinsic '*' --output "runtime/src/weights/$pallet.rs"
			declare_with_margin "runtime/src/weights/$pallet.rs"
		done ;;
	overhead)
		# Blocks of up to 2,000 remarks from one verified signer stay inside
		# its feeless budget (3,000 transactions per window).
		"$bin" benchmark overhead --chain dev --weight-path runtime/src/weights/ \
			--max-ext-per-block 2000 --warmup 5 --repeat 20 ;;
	storage|block)
		db="${2:?bench: $1 needs a node base path (see the header of this script)}"
		spec="$(dirname "$db")/consortium-raw.json"
		[ -f "$spec" ] || { echo "bench: no chain spec at $spec" >&2; exit 2; }
		if [ "$1" = storage ]; then
			# Writes are timed per key, amortised over commits of 100 keys
			# (a lightly loaded block's write set; fuller blocks share more
			# of the trie per key and cost less).
			"$bin" benchmark storage --chain "$spec" --base-path "$db" --database paritydb --state-version 1 \
				--enable-trie-cache --trie-cache-size 1073741824 --batch-size 100 \
				--weight-path runtime/src/weights/
		else
			best=$("$bin" chain-info --chain "$spec" --base-path "$db" --database paritydb 2>/dev/null \
				| python3 -c 'import json,sys; print(json.load(sys.stdin)["best_number"])')
			log="$(dirname "$db")/benchmark-block.log"
			"$bin" benchmark block --chain "$spec" --base-path "$db" --database paritydb --from 1 --to "$best" --repeat 5 2>&1 \
				| tee "$log"
			block_summary <"$log"
		fi ;;
	*) echo "bench: use 'pallets', 'compare', 'reference', 'overhead', 'storage' or 'block'" >&2; exit 2 ;;
esac
echo "bench: the node built with runtime-benchmarks replaced $bin; ./scripts/build.sh rebuilds the default node" >&2
