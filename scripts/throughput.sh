#!/usr/bin/env bash
# Measures throughput on a fresh dev node:
#   ./scripts/throughput.sh [transactions=3000]      plain balance transfers
#   ./scripts/throughput.sh payments [payments=512]  complete payment lifecycles
#     (initiation with the pacs.008 hash anchored, committee release)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$REPO_ROOT/scripts/bootstrap.sh"
"$REPO_ROOT/scripts/build.sh" 2>/dev/null
base="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$NODE_BIN" --dev --base-path "$base" --rpc-port "$port" --port 0 --no-prometheus --no-telemetry \
	--pool-limit 20000 --rpc-max-connections 100 >"$base/node.log" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null; rm -rf "$base"' EXIT
for _ in $(seq 60); do curl -s "http://127.0.0.1:$port" >/dev/null 2>&1 && break; sleep 1; done
sleep 6
cd "$REPO_ROOT/e2e"
if [ "${1:-}" = payments ]; then
	node bench/payments.js "ws://127.0.0.1:$port" "${2:-512}"
else
	node bench/throughput.js "ws://127.0.0.1:$port" "${1:-3000}"
fi
