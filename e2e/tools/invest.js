#!/usr/bin/env node
// Subscribes to a fund with EURD the way an investor's app does: previews
// the shares (funds_previewSubscribe names a refusal before anything is
// signed), acknowledges the current KID where the fund asks for it, then
// subscribes and prints the shares issued and the position.
//
//   node e2e/tools/invest.js --rpc ws://127.0.0.1:9944 --fund 1 --amount 1000.00 [--from //Charlie]
//
// Exit code 0 when the shares were issued, 1 when the chain refuses (the
// error is named), 2 on bad arguments.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { pathToFileURL } from 'node:url';
import { submitInBlock, eventsOf } from '../lib/node.js';
import { units } from './pay.js';

const SECTIONS = { 1: 'tmmf', 2: 'tmf' };
const EURD_DECIMALS = 2;

// "1234567" millionths of a share as "1.234567".
const shares = (n) => `${BigInt(n) / 1_000_000n}.${(BigInt(n) % 1_000_000n).toString().padStart(6, '0')}`;

// Subscribes `investor` to `fund` for `amount` (a decimal EUR string);
// resolves with the shares issued (smallest unit, BigInt).
export async function invest(api, provider, { fund, amount, investor }) {
  const section = SECTIONS[fund];
  const cents = units(amount, EURD_DECIMALS);
  const preview = () => provider.send('funds_previewSubscribe', [fund, investor.address, cents.toString()]);
  try {
    await preview();
  } catch (e) {
    if (!/KidNotAcknowledged/.test(e.message)) throw e;
    const config = (await api.query[section].fund()).unwrap();
    // JSON: polkadot-js renames a field `hash` (a codec's own `.hash` hashes its encoding).
    const kid = (await api.query.compliantAssets.documents(config.shareAsset, 'KID')).unwrap().toJSON().hash;
    await submitInBlock(api, api.tx[section].acknowledgeKid(kid), investor);
    await preview();
  }
  const { events } = await submitInBlock(api, api.tx[section].subscribe(cents), investor);
  return eventsOf(api, events, section, 'Subscribed')[0].data.shares.toBigInt();
}

function parseArgs(argv) {
  const args = { from: '//Charlie' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    if (!['rpc', 'fund', 'amount', 'from'].includes(key) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]}`);
    }
    args[key] = argv[i + 1];
  }
  if (!args.rpc || !args.fund || !args.amount) throw new Error('--rpc, --fund and --amount are required');
  if (!SECTIONS[args.fund]) throw new Error(`no fund ${args.fund} (1 TMMF, 2 TMF)`);
  if (!/^\d+(\.\d{1,2})?$/.test(args.amount)) throw new Error(`not a EUR amount: '${args.amount}'`);
  args.fund = Number(args.fund);
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`invest: ${e.message}`);
    process.exit(2);
  }
  const provider = new WsProvider(args.rpc);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  try {
    await cryptoWaitReady();
    const investor = new Keyring({ type: 'sr25519' }).addFromUri(args.from);
    const issued = await invest(api, provider, { fund: args.fund, amount: args.amount, investor });
    const fund = await provider.send('funds_fund', [args.fund]);
    console.log(`${args.from} bought ${shares(issued)} ${SECTIONS[args.fund].toUpperCase()} shares for EUR ${args.amount} `
      + `at ${fund.dealingPrice.slice(0, 6)}; fund: ${shares(fund.sharesOutstanding)} shares, cash EUR ${(Number(fund.cash) / 100).toFixed(2)}`);
  } catch (e) {
    console.error(`invest: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await api.disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
