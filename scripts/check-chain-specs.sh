#!/usr/bin/env bash
# Fails when the committed chain specs no longer match what the runtime's
# presets generate (the genesis, ignoring the runtime code blob).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$NODE_BIN" build-spec --chain local-consortium --disable-default-bootnode >"$tmp/plain.json" 2>/dev/null
python3 - "$REPO_ROOT/chain-specs/local-consortium.json" "$tmp/plain.json" <<'PY'
import json, sys
def genesis(path):
    spec = json.load(open(path))
    patch = spec["genesis"]["runtimeGenesis"]
    patch.pop("code", None)
    return {k: spec[k] for k in ("id", "chainType", "protocolId", "properties")}, patch
committed, fresh = genesis(sys.argv[1]), genesis(sys.argv[2])
if committed != fresh:
    sys.exit("chain-specs/local-consortium.json is stale: run ./scripts/gen-chain-specs.sh and commit")
print("chain specs: local-consortium genesis matches the runtime preset")
PY
