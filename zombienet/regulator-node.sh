#!/usr/bin/env bash
# Launcher of the regulator's read node in the zombienet network. zombienet
# passes `--rpc-methods unsafe` to every node; a regulator node must serve
# safe RPC methods only, so this launcher rewrites that value to `safe` and
# refuses `--validator`.
set -euo pipefail
args=()
expect_methods=0
for arg in "$@"; do
	if [ "$expect_methods" = 1 ]; then args+=("safe"); expect_methods=0; continue; fi
	case "$arg" in
		--rpc-methods) args+=("$arg"); expect_methods=1 ;;
		--rpc-methods=*) args+=("--rpc-methods=safe") ;;
		--validator) echo "regulator-node: a regulator node never validates" >&2; exit 2 ;;
		*) args+=("$arg") ;;
	esac
done
exec "${NODE_BIN:?NODE_BIN not set}" "${args[@]}"
