#!/usr/bin/env bash
# Bootstraps, builds and starts the chain.
#   ./scripts/run.sh               single-node dev chain with demo state
#   ./scripts/run.sh --consortium  4 bank validators + regulator node (zombienet)
# Environment: RPC_PORT (9944), P2P_PORT (30333), PROMETHEUS_PORT (9615).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
mode=dev
case "${1:-}" in
	"") ;;
	--consortium|--zombienet) mode=consortium ;;
	-h|--help) sed -n '2,6p' "$0"; exit 0 ;;
	*) echo "run: unknown option '$1': use no option (dev chain) or --consortium" >&2; exit 2 ;;
esac

"$REPO_ROOT/scripts/bootstrap.sh"
"$REPO_ROOT/scripts/build.sh"

if [ "$mode" = consortium ]; then
	exec "$REPO_ROOT/scripts/zombienet.sh" spawn
fi

RPC_PORT="${RPC_PORT:-9944}"
P2P_PORT="${P2P_PORT:-30333}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9615}"
for port in "$RPC_PORT" "$P2P_PORT" "$PROMETHEUS_PORT"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "run: port $port is in use: stop the process using it or set RPC_PORT / P2P_PORT / PROMETHEUS_PORT" >&2
		exit 1
	fi
done

BASE_PATH="${BASE_PATH:-$(mktemp -d -t tokenize-dev-XXXXXX)}"
"$NODE_BIN" --dev --base-path "$BASE_PATH" --rpc-port "$RPC_PORT" --port "$P2P_PORT" \
	--prometheus-port "$PROMETHEUS_PORT" --rpc-cors all --no-telemetry >"$BASE_PATH/node.log" 2>&1 &
node_pid=$!
trap 'kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null' EXIT INT TERM

rpc() {
	curl -s -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[${2:-}]}" "http://127.0.0.1:$RPC_PORT"
}
finalized_height() {
	local hash
	hash=$(rpc chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
	[ -n "$hash" ] || return 1
	printf '%d\n' "$(rpc chain_getHeader "\"$hash\"" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')"
}
for _ in $(seq 60); do
	kill -0 $node_pid 2>/dev/null || { echo "run: the node stopped; log: $BASE_PATH/node.log" >&2; tail -5 "$BASE_PATH/node.log" >&2; exit 1; }
	finalized_height >/dev/null 2>&1 && break
	sleep 1
done
# Demo payment: Two (US, Bob's bank) pays Charlie (DE, Alice's bank) USD 1,000,
# escrowed with its pacs.008 anchored, waiting for the settlement committee.
demo_payment=$(cd "$REPO_ROOT/e2e" && NODE_BIN="$NODE_BIN" node tools/pay.js --rpc "ws://127.0.0.1:$RPC_PORT" \
	--amount 1000.00 --out "$BASE_PATH/pacs008-demo.xml" 2>&1) || demo_payment="demo payment failed: $demo_payment"
# First NAVs: the three feeders agree on each fund's NAV and the depositary
# (One) signs it off (a genesis block has no clock, so no price is set there).
demo_navs=""
for feed_values in "1 1.0001,0.9999,1.0000" "2 1.0510,1.0500,1.0490"; do
	read -r feed values <<<"$feed_values"
	line=$(cd "$REPO_ROOT/e2e" && node tools/nav.js --rpc "ws://127.0.0.1:$RPC_PORT" --feed "$feed" --values "$values" 2>&1) \
		|| line="feed $feed: striking the first NAV failed: $line"
	demo_navs="$demo_navs$line
"
done
# First investments: Charlie (retail) in the money-market fund, Bob (an
# eligible counterparty) in the mutual fund.
demo_investments=""
for fund_investor in "1 1000.00 //Charlie" "2 2100.00 //Bob"; do
	read -r fund amount investor <<<"$fund_investor"
	line=$(cd "$REPO_ROOT/e2e" && node tools/invest.js --rpc "ws://127.0.0.1:$RPC_PORT" --fund "$fund" --amount "$amount" \
		--from "$investor" 2>&1) || line="fund $fund: the demo subscription failed: $line"
	demo_investments="$demo_investments$line
"
done
cat <<MSG
Tokenize dev chain is running (single validator Alice, GRANDPA finality, demo state:
verified banks Alice (DE) and Bob (US), both KYC verifiers (four eyes), retail customer
Charlie, compliance officer Eve (FR); Dave and Ferdie unverified; governance council =
2-of-3 multisig of Alice, Bob and Eve, whose proposals (governance.propose) run as Root
after 10 blocks; sudo = Alice acts for every role, dev only).
EUR deposits: EURD = asset 1, a permissioned deposit token issued by Alice's bank
(mintEscrow.recordDeposit -> confirmClearing; holders redeem with mintEscrow.redeem),
depositary One; held by Alice, Bob and Charlie (EUR 1,510,000); backing now:
  $(rpc deposits_backingStatus 1 | sed -n 's/.*"result":\(.*\)}$/\1/p')
  Compliance RPC: compliance_identity, compliance_canTransfer, compliance_spendableBalance, ...
  Deposits RPC:   deposits_backingStatus, deposits_deposit, deposits_redemption, deposits_overdueDeposits,
                  deposits_liabilityTree, deposits_liabilityProof, deposits_verifyLiability
  Reserve audit:  (cd e2e && node tools/reserve-proof.js --rpc ws://127.0.0.1:$RPC_PORT --asset 1 --holder <ss58>)
Payments: USDC = asset 2, EURC = asset 3; corridors US <-> DE; settlement committee = 2-of-3 multisig
of Alice, Bob and One (payments.confirmSettlements); Two (US) holds USDC 50,000; Alice's bank
quotes USD -> EUR as liquidity provider (payments.payWithFx). Demo payment:
$(echo "$demo_payment" | sed 's/^/  /')
  Payments RPC:   payments_payment, payments_verifyData
  Another one:    (cd e2e && node tools/pay.js --rpc ws://127.0.0.1:$RPC_PORT --amount 250.00 --out /tmp/p.xml)
Funds: NAV oracle feeds 1 (TMMF NAV) and 2 (TMF NAV), quorum 3 of //NavFeeder1..3, signed off
by the depositary One; feed 3 EUR/USD (quorum 2). First NAVs:
$(printf '%s' "$demo_navs" | sed 's/^/  /')
  Another NAV:    (cd e2e && node tools/nav.js --rpc ws://127.0.0.1:$RPC_PORT --feed 1 --values 1.0002,1.0001,1.0000)
TMMF (fund 1, tmmf.*): LVNAV EUR 1.0000, min EUR 100, T+1; TMF (fund 2, tmf.*): min EUR 500, retail with the
KID acknowledged, T+2; both gated at 10 %/day, frozen after 48 h without a NAV; Alice manages (distributeYield):
$(printf '%s' "$demo_investments" | sed 's/^/  /')
  Funds RPC:      funds_fund, funds_position, funds_previewSubscribe, funds_previewRedeem
  Invest:         (cd e2e && node tools/invest.js --rpc ws://127.0.0.1:$RPC_PORT --fund 2 --amount 600.00 --from //Charlie)
  RPC (WebSocket + HTTP): ws://127.0.0.1:$RPC_PORT
  polkadot-js apps:       https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT#/explorer
  Prometheus metrics:     http://127.0.0.1:$PROMETHEUS_PORT/metrics
  base path and log:      $BASE_PATH (node.log)
Ctrl-C stops the node.
MSG
while kill -0 $node_pid 2>/dev/null; do
	echo "finalized height: $(finalized_height 2>/dev/null || echo '?')"
	sleep "${REPORT_EVERY:-15}"
done
echo "run: the node stopped; log: $BASE_PATH/node.log" >&2
exit 1
