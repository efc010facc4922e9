#!/usr/bin/env bash
# Builds the node (and with it the wasm runtime) into the shared target dir.
# Quiet when nothing changed. Extra arguments go to cargo (e.g. --features).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
command -v protoc >/dev/null || { echo "build: protoc missing: run ./scripts/bootstrap.sh" >&2; exit 1; }
command -v clang >/dev/null || { echo "build: clang missing: run ./scripts/bootstrap.sh" >&2; exit 1; }
start=$(date +%s)
cargo build --locked --release -p tokenize-node "$@"
echo "build: tokenize-node ready in $(( $(date +%s) - start ))s: $NODE_BIN" >&2
