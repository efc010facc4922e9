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
export CHAIN_SPEC="$REPO_ROOT/chain-specs/local-consortium-raw.json"
export REGULATOR_NODE="$REPO_ROOT/zombienet/regulator-node.sh"
cd "$REPO_ROOT/zombienet"
case "${1:-spawn}" in
	spawn) exec npx --no-install zombienet -p native spawn consortium.toml ;;
	test) exec npx --no-install zombienet -p native test consortium.zndsl ;;
	*) echo "zombienet: use 'spawn' or 'test'" >&2; exit 2 ;;
esac
