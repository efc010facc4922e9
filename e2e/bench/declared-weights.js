#!/usr/bin/env node
// The weight a node's runtime declares for each kind of transaction the
// network benchmark sends (e2e/bench/network.js), the extrinsic base
// included, and how many of them one block's user weight holds: the
// weight-bound ceiling the benchmark's per-block counts are read against.
//
//   node e2e/bench/declared-weights.js [--rpc ws://127.0.0.1:9944]
//
// Prints one line per kind; exit code 2 on bad arguments or no node.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const ASSET = 100; // any id: a call's declared weight does not depend on its state
const BATCH_LEGS = 50;
const OPERATOR_LEGS = 64;
const RELEASES = 64;

function rpcArgument(argv) {
  const at = argv.indexOf('--rpc');
  if (at === -1) return 'ws://127.0.0.1:9944';
  const url = argv[at + 1];
  if (!url || !/^wss?:\/\//.test(url)) {
    console.error('declared-weights: --rpc needs a ws:// or wss:// address');
    process.exit(2);
  }
  return url;
}

async function main() {
  const rpc = rpcArgument(process.argv.slice(2));
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(rpc), noInitWarn: true, throwOnConnect: true });
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob').address;
  const normal = api.consts.system.blockWeights.perClass.normal;
  const base = normal.baseExtrinsic.refTime.toBigInt();
  const userWeight = normal.maxTotal.unwrap().refTime.toBigInt();
  const legs = (n) => Array.from({ length: n }, () => [bob, 1]);
  const operatorLegs = (n) => Array.from({ length: n }, () => ({ from: alice.address, to: bob, amount: 1 }));
  const kinds = [
    ['plain transfer (balances.transferKeepAlive)', api.tx.balances.transferKeepAlive(bob, 1), 1],
    ['compliant transfer', api.tx.compliantAssets.transfer(ASSET, bob, 1), 1],
    [`customer's batch leg (batchTransfer of ${BATCH_LEGS})`, api.tx.compliantAssets.batchTransfer(ASSET, legs(BATCH_LEGS)), BATCH_LEGS],
    [`bank's leg (operatorTransfer of ${OPERATOR_LEGS})`, api.tx.compliantAssets.operatorTransfer(ASSET, operatorLegs(OPERATOR_LEGS)), OPERATOR_LEGS],
    ['payment initiation', api.tx.payments.initiatePayment(ASSET, bob, 1, `0x${'ab'.repeat(32)}`, null), 1],
    [`committee release (confirmSettlements of ${RELEASES})`, api.tx.payments.confirmSettlements(Array.from({ length: RELEASES }, (_, i) => `0x${i.toString(16).padStart(32, '0')}`)), RELEASES],
  ];
  console.log(`extrinsic base ${Number(base) / 1e6} µs; user weight per block ${Number(userWeight) / 1e9} ms`);
  for (const [name, tx, per] of kinds) {
    const info = await tx.paymentInfo(alice);
    const total = info.weight.refTime.toBigInt() + base;
    const each = Number(total) / per / 1e6;
    console.log(`${name}: ${each.toFixed(0)} µs each, ${Number(userWeight / total) * per} per block`);
  }
  await api.disconnect();
}

main().catch((e) => {
  console.error(`declared-weights: ${e.message}`);
  process.exit(2);
});
