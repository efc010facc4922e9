#!/usr/bin/env bash
# The 4-bank consortium network under zombienet (native provider).
#   ./scripts/zombienet.sh spawn   start it and keep it running
#   ./scripts/zombienet.sh test    run zombienet/consortium.zndsl and tear down
# Never runs `zombienet setup` (it downloads binaries).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
[ -x "$NODE_BIN" ] || { echo "zombienet: node not built: run ./scripts/build.sh" >&2; exit 1; }
[ -x "$REPO_ROOT/zombienet/node_modules/.bin/zombienet" ] || { echo "zombienet: npm packages missing: run ./scripts/bootstrap.sh" >&2; exit 1; }
export NODE_BIN
# The raw spec is built from the node binary under test, never taken from
# chain-specs/: a committed spec carries the wasm of the commit that made it,
# and the network must run the runtime this build has.
spec_dir="$(mktemp -d -t tokenize-zombienet-XXXXXX)"
trap 'rm -rf "$spec_dir"' EXIT
# The test run uses the consortium with a governance delay of a few blocks
# (the only difference from the real spec), so that the upgrade check can
# watch a proposal run.
case "${1:-spawn}" in
	test) chain="local-consortium-test" ;;
	*) chain="local-consortium" ;;
esac
export UPGRADE_WASM="${UPGRADE_WASM:-$CARGO_TARGET_DIR/release/wbuild/tokenize-runtime/tokenize_runtime_upgrade_test.compact.compressed.wasm}"
"$NODE_BIN" build-spec --chain "$chain" --raw --disable-default-bootnode \
	>"$spec_dir/consortium-raw.json" 2>/dev/null \
	|| { echo "zombienet: could not build the raw chain spec" >&2; exit 1; }
export CHAIN_SPEC="$spec_dir/consortium-raw.json"
export REGULATOR_NODE="$REPO_ROOT/zombienet/regulator-node.sh"
cd "$REPO_ROOT/zombienet"
case "${1:-spawn}" in
	spawn) npx --no-install zombienet -p native spawn consortium.toml ;;
	test) npx --no-install zombienet -p native test consortium.zndsl ;;
	*) echo "zombienet: use 'spawn' or 'test'" >&2; exit 2 ;;
esac
