#!/usr/bin/env node
// Strikes a price on the NAV oracle the way the dev chain's feeders do: the
// three submitters (//NavFeeder1..3) send their observations for the feed's
// open round, the median is taken at the quorum, and a fund NAV that needs
// the depositary's sign-off is signed off by the depositary (//One on dev).
// Prints the accepted value, or what holds it (deviation hold, sign-off).
//
//   node e2e/tools/nav.js --rpc ws://127.0.0.1:9944 --feed 1 --values 1.0001,0.9999,1.0000
//
// Exit code 0 when the value was accepted, 1 when it was refused or held,
// 2 on bad arguments.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { pathToFileURL } from 'node:url';
import { submitInBlock, eventsOf } from '../lib/node.js';

const FIXED_DECIMALS = 18;

// "1.0500" as a FixedU128's inner value.
export function fixed(decimal) {
  const [whole, fraction = ''] = decimal.split('.');
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > FIXED_DECIMALS) {
    throw new Error(`not a decimal price: '${decimal}'`);
  }
  return BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(FIXED_DECIMALS, '0'));
}

// A FixedU128's inner value as a decimal string with `places` decimals.
export function decimal(inner, places = 6) {
  const value = BigInt(inner.toString());
  const whole = value / 10n ** 18n;
  const fraction = (value % 10n ** 18n).toString().padStart(FIXED_DECIMALS, '0').slice(0, places);
  return `${whole}.${fraction}`;
}

// The dev chain's feeders and its depositary.
export function devOracleKeys() {
  const keyring = new Keyring({ type: 'sr25519' });
  return {
    feeders: [1, 2, 3].map((i) => keyring.addFromUri(`//NavFeeder${i}`)),
    depositary: keyring.addFromUri('//One'),
  };
}

// The chain's clock (the last block's timestamp, Unix ms); waits for the
// first block, since the genesis block has none.
export async function chainTime(api) {
  for (;;) {
    const now = (await api.query.timestamp.now()).toBigInt();
    if (now > 0n) return now;
    await new Promise((r) => setTimeout(r, 500));
  }
}

// Each of `feeders` submits its value (decimal strings, in order) to the
// feed's open round, observed at the chain's clock; resolves with the
// events of the last submission's block, by name.
export async function submitRound(api, feed, values, feeders) {
  const round = (await api.query.navOracle.rounds(feed)).id.toNumber();
  const observedAt = await chainTime(api);
  const results = await Promise.all(values.map((value, i) =>
    submitInBlock(api, api.tx.navOracle.submit(feed, round, fixed(value), observedAt - BigInt(values.length - i)), feeders[i])));
  return results.flatMap((r) => r.events);
}

// Strikes `values` on `feed` and signs the median off where the feed needs
// it. Resolves with { status: 'accepted' | 'held', value } (value as a decimal).
export async function strikeNav(api, feed, values, { feeders, depositary } = devOracleKeys()) {
  const events = await submitRound(api, feed, values, feeders);
  const held = eventsOf(api, events, 'navOracle', 'ValueHeld')[0];
  if (held) return { status: 'held', value: decimal(held.data.value.value) };
  const waiting = eventsOf(api, events, 'navOracle', 'AwaitingSignOff')[0];
  if (waiting) {
    const value = waiting.data.value.value;
    await submitInBlock(api, api.tx.navOracle.signOff(feed, value), depositary);
    return { status: 'accepted', value: decimal(value) };
  }
  const accepted = eventsOf(api, events, 'navOracle', 'ValueAccepted')[0];
  if (!accepted) throw new Error(`feed ${feed}: the round did not close`);
  return { status: 'accepted', value: decimal(accepted.data.value.value) };
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    if (!['rpc', 'feed', 'values'].includes(key) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]}`);
    }
    args[key] = argv[i + 1];
  }
  if (!args.rpc || !args.feed || !args.values) throw new Error('--rpc, --feed and --values are required');
  args.feed = Number(args.feed);
  args.values = args.values.split(',');
  args.values.forEach(fixed);
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`nav: ${e.message}`);
    process.exit(2);
  }
  const api = await ApiPromise.create({ provider: new WsProvider(args.rpc), noInitWarn: true });
  try {
    await cryptoWaitReady();
    const { status, value } = await strikeNav(api, args.feed, args.values);
    console.log(`feed ${args.feed}: ${value} ${status === 'held' ? 'held for the compliance-depositary committee (navOracle.approveHeld)' : 'accepted'}`);
    if (status === 'held') process.exitCode = 1;
  } catch (e) {
    console.error(`nav: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await api.disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
