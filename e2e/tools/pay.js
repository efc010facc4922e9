#!/usr/bin/env node
// A cross-border payment on the rail, the way a sending bank's middleware
// makes one: the customer initiates it (the chain escrows the amount and
// derives the txId), the bank writes the pacs.008 whose EndToEndId is that
// txId, hashes it with `tokenize-node iso20022 hash` and anchors the hash;
// the XML is what it would send over SWIFT. Prints the txId, the file and
// the receiving bank's one-command check.
//
//   node e2e/tools/pay.js --rpc ws://127.0.0.1:9944 [--from //Two] [--to <ss58>|//Charlie]
//                         [--asset 2] [--amount 1000.00] [--out pacs008.xml] [--node <tokenize-node>]
//
// Exit code 0 when the payment is initiated and its hash anchored, 1 when
// the chain refuses (the error is named), 2 on bad arguments.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { submitInBlock, eventsOf } from '../lib/node.js';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'iso20022', 'samples', 'pacs008-usd-alice-bob.xml');

// Runs `tokenize-node iso20022 ...`; resolves with stdout, throws with the
// node's one-line error otherwise.
export function iso20022(nodeBin, args) {
  const run = spawnSync(nodeBin, ['iso20022', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.trim() };
}

// "1000.00" in the smallest unit of an asset with `decimals` decimals.
export function units(amount, decimals) {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
}

// The pacs.008 of a payment: the sample message with this payment's
// EndToEndId (txId), amount, currency and both agents' BICs.
export function pacs008({ txId, amount, currency, debtorBic, creditorBic, msgId }) {
  return readFileSync(SAMPLE, 'utf8')
    .replace('00112233445566778899aabbccddeeff', txId)
    .replace('<IntrBkSttlmAmt Ccy="USD">1000.00</IntrBkSttlmAmt>', `<IntrBkSttlmAmt Ccy="${currency}">${amount}</IntrBkSttlmAmt>`)
    .replace('<BICFI>CHASUS33XXX</BICFI>', `<BICFI>${debtorBic}</BICFI>`)
    .replace('<BICFI>COBADEFFXXX</BICFI>', `<BICFI>${creditorBic}</BICFI>`)
    .replace('CHASUS33-20261201-000001', msgId);
}

// Initiates the payment, writes its pacs.008 to `out`, anchors its hash.
export async function pay(api, { nodeBin, sender, recipient, asset, amount, out }) {
  const currency = (await api.query.payments.settlementCurrencies(asset)).unwrap();
  const decimals = currency.decimals.toNumber();
  const code = Buffer.from(currency.code.toU8a()).toString();
  const initiated = await submitInBlock(
    api, api.tx.payments.initiatePayment(asset, recipient, units(amount, decimals), null, null), sender,
  );
  const [event] = eventsOf(api, initiated.events, 'payments', 'PaymentInitiated');
  const txId = event.data.txId.toHex().slice(2);
  const bic = async (who) => {
    const identity = await api.query.identityRegistry.identities(who);
    return Buffer.from(identity.unwrap().bic.unwrap().toU8a()).toString();
  };
  const xml = pacs008({
    txId, amount, currency: code, debtorBic: await bic(sender.address), creditorBic: await bic(recipient),
    msgId: `TKN-${txId.slice(0, 16)}`,
  });
  writeFileSync(out, xml);
  const hashed = iso20022(nodeBin, ['hash', out, '--json']);
  if (hashed.status !== 0) throw new Error(hashed.stderr);
  const { hash } = JSON.parse(hashed.stdout);
  await submitInBlock(api, api.tx.payments.storePaymentDataHash(`0x${txId}`, hash, null), sender);
  return { txId, hash, file: out, units: units(amount, decimals) };
}

function parseArgs(argv) {
  const args = { from: '//Two', to: '//Charlie', asset: 2, amount: '1000.00', out: 'pacs008.xml' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    if (!['rpc', 'from', 'to', 'asset', 'amount', 'out', 'node'].includes(key) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]}`);
    }
    args[key] = key === 'asset' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!args.rpc) throw new Error('--rpc ws://host:port is required');
  if (!/^\d+(\.\d+)?$/.test(args.amount)) throw new Error(`--amount ${args.amount}: a decimal such as 1000.00`);
  args.node = args.node ?? process.env.NODE_BIN;
  if (!args.node) throw new Error('--node <tokenize-node> (or NODE_BIN) is required');
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`pay: ${e.message}`);
    process.exit(2);
  }
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const sender = keyring.addFromUri(args.from);
  const recipient = args.to.startsWith('//') ? keyring.addFromUri(args.to).address : args.to;
  const api = await ApiPromise.create({ provider: new WsProvider(args.rpc), noInitWarn: true });
  try {
    const paid = await pay(api, { nodeBin: args.node, sender, recipient, asset: args.asset, amount: args.amount, out: args.out });
    console.log(`txId ${paid.txId}: ${args.amount} of asset ${args.asset} escrowed for ${recipient}, pacs.008 hash ${paid.hash} anchored`);
    console.log(`pacs.008: ${paid.file}`);
    console.log(`receiving bank's check: ${args.node} iso20022 verify ${paid.file} --tx ${paid.txId} --url ${args.rpc}`);
  } catch (e) {
    console.error(`pay: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await api.disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
