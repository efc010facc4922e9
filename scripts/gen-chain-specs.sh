#!/usr/bin/env bash
# Regenerates the committed chain specs from the runtime's genesis presets.
# Run after any change to the runtime or to genesis_config_presets.rs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
[ -x "$NODE_BIN" ] || "$REPO_ROOT/scripts/build.sh"
out="$REPO_ROOT/chain-specs"
mkdir -p "$out"
"$NODE_BIN" build-spec --chain local-consortium --disable-default-bootnode >"$out/local-consortium.json" 2>/dev/null
"$NODE_BIN" build-spec --chain "$out/local-consortium.json" --raw --disable-default-bootnode >"$out/local-consortium-raw.json" 2>/dev/null
"$NODE_BIN" build-spec --chain dev --disable-default-bootnode >"$out/dev.json" 2>/dev/null
echo "chain specs written to $out" >&2
