#!/usr/bin/env bash
# Network throughput and finality of the 4-bank consortium (not part of the
# test suite: numbers come from here).
#
#   ./scripts/bench-network.sh [run] [load options] [-- node options]
#       builds the node, starts the four validators of the local consortium
#       on this machine (plain nodes: Alice, Bob, Charlie, Dave with their
#       session keys and the node keys the chain's peer allowlist expects),
#       runs e2e/bench/network.js against them and writes the JSON report to
#       bench-results/network-<time>.json. Node options after `--` go to every
#       validator, e.g. `-- --grandpa-vote-behind 2 --grandpa-gossip-ms 333`.
#   ./scripts/bench-network.sh external ws://h1:9944,ws://h2:9944,... [load options]
#       runs the load against validators already running elsewhere (one per
#       host, started with `validator` below); add `--prometheus
#       http://h1:9615,...` for the GRANDPA round counts.
#   ./scripts/bench-network.sh validator <alice|bob|charlie|dave> <base-path> [node options]
#       starts one consortium validator in the foreground, for a network of
#       one validator per host: give each `--bootnodes` of the first one
#       (its address is printed at start) and `--rpc-external
#       --rpc-cors all --prometheus-external` for the load generator.
#
# Load options (see e2e/bench/network.js): --senders 256 --plain 6000
# --single 6000 --batches 240 --legs 50 --operator-batches 160
# --operator-legs 64 --payments 2048 --steady-rate 50 --steady-seconds 60
# --crash-transfers 4000 --crash-rate 50 --max-pending 4000
# --phases plain,single,batched,operator,payments,steady,crash
# --profile <phase> (a 15 s `perf` CPU profile of that phase) --label text
# --records <prefix> (each phase's transactions, with their times, to
# <prefix>-<phase>.json).
# The crash phase kills and restarts validators: it runs only here, not
# against `external` ones.
# The chain spec is built from this node binary (local-consortium-test: the
# consortium with a 30 s governance delay; the bench's council decisions are
# not delayed anyway). The machine's CPU busy share in the report counts the
# load generator too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

VALIDATORS=(alice bob charlie dave)
CHAIN=local-consortium-test

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
node_key() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
capitalised() { echo "${1^}"; }

# Inserts <name>'s Aura (sr25519) and GRANDPA (ed25519) keys into its keystore.
insert_keys() {
	local name="$1" base="$2" spec="$3" seed
	seed="//$(capitalised "$name")"
	"$NODE_BIN" key insert --base-path "$base" --chain "$spec" --scheme sr25519 --suri "$seed" --key-type aura
	"$NODE_BIN" key insert --base-path "$base" --chain "$spec" --scheme ed25519 --suri "$seed" --key-type gran
}

peer_id() {
	local file
	file="$(mktemp)"
	node_key "$1" >"$file"
	"$NODE_BIN" key inspect-node-key --file "$file"
	rm -f "$file"
}

raw_spec() {
	"$NODE_BIN" build-spec --chain "$CHAIN" --raw --disable-default-bootnode >"$1" 2>/dev/null \
		|| { echo "bench-network: could not build the raw chain spec" >&2; exit 1; }
}

validator_args() {
	local name="$1" base="$2" spec="$3"
	echo --chain "$spec" --base-path "$base" --validator --name "$name" --node-key "$(node_key "$name")" \
		--offchain-worker=always --no-telemetry --no-mdns --rpc-max-connections 1000 \
		-lruntime::node-authorization=warn
}

case "${1:-}" in
	validator)
		name="${2:?validator: name (alice, bob, charlie or dave)}"
		base="${3:?validator: base path}"
		shift 3
		[[ " ${VALIDATORS[*]} " == *" $name "* ]] || { echo "bench-network: no validator '$name' (one of: ${VALIDATORS[*]})" >&2; exit 2; }
		"$REPO_ROOT/scripts/bootstrap.sh"
		"$REPO_ROOT/scripts/build.sh"
		mkdir -p "$base"
		spec="$base/consortium-raw.json"
		[ -f "$spec" ] || raw_spec "$spec"
		insert_keys "$name" "$base" "$spec"
		echo "bench-network: $name is /p2p/$(peer_id "$name") on its --port (default 30333)" >&2
		# shellcheck disable=SC2046
		exec "$NODE_BIN" $(validator_args "$name" "$base" "$spec") "$@" ;;
	external)
		endpoints="${2:?external: comma-separated ws:// endpoints of the validators}"
		shift 2
		"$REPO_ROOT/scripts/bootstrap.sh"
		cd "$REPO_ROOT/e2e"
		mkdir -p "$REPO_ROOT/bench-results"
		exec node bench/network.js --endpoints "$endpoints" \
			--out "$REPO_ROOT/bench-results/network-$(date -u +%Y%m%dT%H%M%SZ).json" "$@" ;;
	run) shift ;;
	-*|"") ;;
	*) echo "bench-network: use 'run', 'external' or 'validator'" >&2; exit 2 ;;
esac

load_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do load_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
node_extra=("$@")

"$REPO_ROOT/scripts/bootstrap.sh"
"$REPO_ROOT/scripts/build.sh"
# BENCH_KEEP=<dir> keeps the validators' databases there (fresh each run):
# `./scripts/bench.sh storage|block` measure on them.
if [ -n "${BENCH_KEEP:-}" ]; then
	rm -rf "$BENCH_KEEP" && mkdir -p "$BENCH_KEEP" && work="$(cd "$BENCH_KEEP" && pwd)"
else
	work="$(mktemp -d -t tokenize-bench-XXXXXX)"
fi
# Each validator's process id is in <work>/<name>.pid (the crash phase
# restarts validators, so their ids change).
cleanup() {
	local pidfile
	for pidfile in "$work"/*.pid; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
	for pidfile in "$work"/*.pid; do
		[ -f "$pidfile" ] || continue
		for _ in $(seq 50); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.2; done
	done
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
raw_spec "$work/consortium-raw.json"
# <work>/ctl start|stop <name>: starts a validator from its command line in
# <work>/<name>.cmd, here and when the load generator's crash phase restarts
# it (same database and keys), or kills it outright (SIGKILL: no clean
# shutdown).
cat >"$work/ctl" <<'CTL'
#!/usr/bin/env bash
set -euo pipefail
work="$(dirname "$0")"
case "$1" in
	stop) kill -9 "$(cat "$work/$2.pid")" ;;
	start) setsid bash -c "exec $(cat "$work/$2.cmd")" >>"$work/$2.log" 2>&1 </dev/null & echo $! >"$work/$2.pid" ;;
	*) echo "ctl: stop|start <validator>" >&2; exit 2 ;;
esac
CTL
chmod +x "$work/ctl"
endpoints=()
prometheus=()
bootnode=""
for name in "${VALIDATORS[@]}"; do
	base="$work/$name"
	mkdir -p "$base"
	insert_keys "$name" "$base" "$work/consortium-raw.json"
	p2p=$(free_port); rpc=$(free_port); prom=$(free_port)
	# shellcheck disable=SC2046
	argv=("$NODE_BIN" $(validator_args "$name" "$base" "$work/consortium-raw.json")
		--port "$p2p" --rpc-port "$rpc" --prometheus-port "$prom"
		${bootnode:+--bootnodes "$bootnode"} "${node_extra[@]}")
	printf '%q ' "${argv[@]}" >"$work/$name.cmd"
	"$work/ctl" start "$name"
	[ -n "$bootnode" ] || bootnode="/ip4/127.0.0.1/tcp/$p2p/p2p/$(peer_id "$name")"
	endpoints+=("ws://127.0.0.1:$rpc")
	prometheus+=("http://127.0.0.1:$prom")
done
echo "bench-network: validators at ${endpoints[*]}; logs in $work" >&2
for endpoint in "${endpoints[@]}"; do
	port="${endpoint##*:}"
	for _ in $(seq 120); do curl -s "http://127.0.0.1:$port" >/dev/null 2>&1 && break; sleep 1; done
done
# The network is up when it has produced blocks.
for _ in $(seq 120); do
	best=$(curl -s -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}' "http://127.0.0.1:${endpoints[0]##*:}" \
		| python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))' 2>/dev/null || echo 0)
	[ "$best" -ge 2 ] && break
	sleep 1
done
mkdir -p "$REPO_ROOT/bench-results"
out="$REPO_ROOT/bench-results/network-$(date -u +%Y%m%dT%H%M%SZ).json"
cd "$REPO_ROOT/e2e"
status=0
node bench/network.js --endpoints "$(IFS=,; echo "${endpoints[*]}")" --prometheus "$(IFS=,; echo "${prometheus[*]}")" \
	--control "$work/ctl" --out "$out" "--label=${node_extra[*]:-defaults}" "${load_args[@]}" || status=$?
echo "bench-network: report in $out" >&2
exit "$status"
