// Load generator of ./scripts/bench-network.sh: compliant transfers, batched
// compliant transfers and (baseline) plain balance transfers of verified
// accounts against a running consortium, each measured on the finalized chain.
//
//   node bench/network.js --endpoints ws://a:9944,ws://b:9944,... [options]
//
// Set-up (not measured), idempotent so that it can run against a network
// that already has it: the governance council (5 of 7, one multisig round
// for all its decisions) trusts Alice's bank as a second US verifier, creates
// permissioned asset 100 and makes Bob's bank its supply agent; Ferdie
// registers `--senders` US customers, Alice approves them (four eyes), Bob
// mints the asset to them and Dave funds them with native units.
//
// Measured, one phase after the other (a phase ends when all its accepted
// transactions are finalized, or `--lost-after` seconds pass without one):
//   plain    `balances.transferKeepAlive` between the verified senders
//   single   `compliantAssets.transfer`
//   batched  `compliantAssets.batchTransfer` of `--legs` legs
//   steady   `compliantAssets.transfer` at `--steady-rate` per second
// The first three submit everything as fast as the nodes accept it, keeping
// at most `--max-pending` accepted transactions not yet in a block. Every
// sender submits to one node (a bank's customers use their bank's node).
// Pre-signed (immortal, explicit nonces) before the phase starts.
//
// Reported per phase (JSON to `--out` and stdout): transfers included and
// finalized per second on chain time (block timestamps; finality by the
// wall clock of the same machine), per-block counts, submit -> included and
// submit -> finalized p50 / p99, accepted / rejected (by reason) / failed
// (dispatch error, by name) / lost, machine CPU busy share, GRANDPA rounds
// per second (from the validators' Prometheus endpoints when given).
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { committee } from '../lib/governance.js';

const { values: opt } = parseArgs({
  options: {
    endpoints: { type: 'string', default: 'ws://127.0.0.1:9944' },
    prometheus: { type: 'string', default: '' },
    senders: { type: 'string', default: '256' },
    plain: { type: 'string', default: '6000' },
    single: { type: 'string', default: '6000' },
    batches: { type: 'string', default: '240' },
    legs: { type: 'string', default: '50' },
    'operator-batches': { type: 'string', default: '160' },
    'operator-legs': { type: 'string', default: '64' },
    'steady-rate': { type: 'string', default: '50' },
    'steady-seconds': { type: 'string', default: '60' },
    'max-pending': { type: 'string', default: '4000' },
    'lost-after': { type: 'string', default: '60' },
    phases: { type: 'string', default: 'plain,single,batched,operator,steady' },
    out: { type: 'string', default: '' },
    label: { type: 'string', default: '' },
  },
});
const num = (name) => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got '${opt[name]}')`);
  return n;
};
const ASSET = 100;
const UNIT = 10n ** 12n;
const SLOT_MS = 3000;
const NONCE_WINDOW = 60; // the runtime refuses nonces more than 64 ahead
const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

await cryptoWaitReady();
const endpoints = opt.endpoints.split(',').filter(Boolean);
const apis = await Promise.all(endpoints.map((e) => ApiPromise.create({ provider: new WsProvider(e), noInitWarn: true })));
const api = apis[0];
const keyring = new Keyring({ type: 'sr25519' });
const who = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'One']
  .map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]));
const senders = Array.from({ length: num('senders') }, (_, i) => keyring.addFromUri(`//Bench/Sender/${i}`));
// The four banks custody their customers' wallets: sender i banks with i % 4.
const banks = [who.alice, who.bob, who.charlie, who.dave];
const bankOf = (i) => banks[i % banks.length];
const nodeOf = (i) => apis[i % apis.length];
const nextNonce = async (pair) => (await api.rpc.system.accountNextIndex(pair.address)).toNumber();

// ---- set-up ------------------------------------------------------------------

// Signs `txs` from `signer` with consecutive nonces and waits until all are
// in blocks, NONCE_WINDOW at a time; throws on any dispatch failure.
async function inBlocks(signer, txs) {
  for (let i = 0; i < txs.length; i += NONCE_WINDOW) {
    const start = await nextNonce(signer);
    await Promise.all(txs.slice(i, i + NONCE_WINDOW).map((tx, k) => new Promise((resolve, reject) => {
      tx.signAndSend(signer, { nonce: start + k }, (result) => {
        if (result.dispatchError) reject(new Error(`set-up call failed: ${result.dispatchError.toString()}`));
        else if (result.status.isInBlock) resolve();
        else if (result.isError) reject(new Error(`set-up transaction ${result.status.type}`));
      }).catch(reject);
    })));
  }
}

// The council decides every call of `calls` in one multisig round: the first
// signer opens each operation, the other four approve in the same block.
async function councilDecides(calls) {
  if (calls.length === 0) return;
  const { account, signers, threshold } = await committee(api, 'GovernanceCouncil');
  const voters = [who.alice, who.bob, who.charlie, who.dave, who.one].slice(0, threshold);
  const others = (me) => signers.filter((s) => s !== me.address);
  const maxWeight = { refTime: 20_000_000_000n, proofSize: 2_000_000n };
  const asMulti = (voter, call, when) => api.tx.multisig.asMulti(threshold, others(voter), when, call, maxWeight);
  await inBlocks(voters[0], calls.map((call) => asMulti(voters[0], call, null)));
  const timepoints = [];
  for (const call of calls) timepoints.push((await api.query.multisig.multisigs(account, call.method.hash)).unwrap().when);
  await Promise.all(voters.slice(1).map((v) => inBlocks(v, calls.map((call, i) => asMulti(v, call, timepoints[i])))));
  for (const call of calls) {
    if ((await api.query.multisig.multisigs(account, call.method.hash)).isSome) throw new Error('a council decision did not execute');
  }
}

async function setUp() {
  const decisions = [];
  if ((await api.query.identityRegistry.trustedVerifiers(who.alice.address)).isNone) {
    decisions.push(api.tx.identityRegistry.addVerifier(who.alice.address, ['US']));
  }
  if ((await api.query.assets.asset(ASSET)).isNone) {
    const noRules = { maxHolders: null, maxBalance: null, allowedJurisdictions: [], blockedJurisdictions: [], minCategory: null, lockupUntil: null };
    decisions.push(api.tx.compliantAssets.createAsset(ASSET, 'Bench EUR deposit', 'BEUR', 2, noRules));
    decisions.push(api.tx.compliantAssets.addAgent(ASSET, who.bob.address, 1 /* Supply */));
  }
  log(`set-up: ${decisions.length} council decision(s)`);
  await councilDecides(decisions);
  const fresh = [];
  for (const s of senders) if ((await api.query.identityRegistry.identities(s.address)).isNone) fresh.push(s);
  const details = {
    jurisdiction: 'US', category: 'Retail', expiresAt: Math.floor(Date.now() / 1000) + 365 * 24 * 3600,
    lei: null, bic: null, travelRuleHash: null,
  };
  log(`set-up: ${fresh.length} new verified senders`);
  await inBlocks(who.ferdie, fresh.map((s) => api.tx.identityRegistry.registerPendingIdentity(s.address, details)));
  await Promise.all([
    inBlocks(who.alice, fresh.map((s) => api.tx.identityRegistry.approveIdentity(s.address))),
    inBlocks(who.dave, fresh.map((s) => api.tx.balances.transferKeepAlive(s.address, 1_000n * UNIT))),
  ]);
  await inBlocks(who.bob, fresh.map((s) => api.tx.compliantAssets.mint(ASSET, s.address, 100_000_000n)));
  const ungranted = [];
  for (const [i, s] of senders.entries()) {
    const operators = await api.query.compliantAssets.operators(ASSET, s.address);
    if (!operators.some((o) => o.toString() === bankOf(i).address)) ungranted.push([i, s]);
  }
  log(`set-up: ${ungranted.length} customers authorise their bank as operator`);
  await Promise.all(ungranted.map(([i, s]) => inBlocks(s, [api.tx.compliantAssets.authorizeOperator(ASSET, bankOf(i).address)])));
}

// ---- chain watcher -------------------------------------------------------------

// Every block seen (best or finalized) by hash: number, parent, timestamp,
// extrinsic hashes, dispatch outcome per extrinsic, first-seen wall time.
const blocks = new Map();
const pending = new Map(); // tx hash -> record of the current phase
let finalizedNumber = 0;
let lastFinalizedHash = null;
let onIncluded = () => {};

async function blockInfo(hash) {
  const key = hash.toString();
  if (blocks.has(key)) return blocks.get(key);
  const seen = Date.now();
  const [signed, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
  const extrinsics = signed.block.extrinsics;
  const outcome = new Array(extrinsics.length).fill('ok');
  const refusedLegs = new Array(extrinsics.length).fill(0);
  for (const { phase, event } of events) {
    if (phase.isApplyExtrinsic && api.events.compliantAssets.OperatorTransferRefused.is(event)) {
      refusedLegs[phase.asApplyExtrinsic.toNumber()] += 1;
    }
    if (phase.isApplyExtrinsic && api.events.system.ExtrinsicFailed.is(event)) {
      const err = event.data.dispatchError;
      outcome[phase.asApplyExtrinsic.toNumber()] = err.isModule
        ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(err.asModule))
        : err.type;
    }
  }
  const setTs = extrinsics.find((x) => x.method.section === 'timestamp');
  const info = {
    hash: key,
    number: signed.block.header.number.toNumber(),
    parent: signed.block.header.parentHash.toString(),
    timestamp: setTs ? Number(setTs.method.args[0].toString()) : seen,
    txs: extrinsics.map((x) => x.hash.toHex()),
    outcome,
    refusedLegs,
    seen,
  };
  blocks.set(key, info);
  return info;
}

function watch() {
  api.rpc.chain.subscribeNewHeads(async (header) => {
    const info = await blockInfo(header.hash);
    for (const tx of info.txs) {
      const r = pending.get(tx);
      if (r && r.includedAt === undefined) { r.includedAt = info.seen; onIncluded(); }
    }
  });
  api.rpc.chain.subscribeFinalizedHeads(async (header) => {
    const now = Date.now();
    const chain = [];
    let info = await blockInfo(header.hash);
    while (info.number > finalizedNumber) {
      chain.push(info);
      if (info.parent === lastFinalizedHash) break;
      info = await blockInfo(info.parent);
    }
    finalizedNumber = Math.max(finalizedNumber, header.number.toNumber());
    lastFinalizedHash = header.hash.toString();
    for (const b of chain) {
      b.finalizedAt = now;
      b.txs.forEach((tx, i) => {
        const r = pending.get(tx);
        if (!r || r.finalizedAt !== undefined) return;
        r.finalizedAt = now;
        r.block = b;
        r.outcome = b.outcome[i];
        r.refusedLegs = b.refusedLegs[i];
        r.includedAt ??= b.seen;
      });
    }
  });
}

// ---- measurement ---------------------------------------------------------------

function cpuTimes() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const t = fields.map(Number);
  const idle = t[3] + t[4];
  return { idle, total: t.reduce((a, b) => a + b, 0) };
}

async function grandpaRounds() {
  const urls = opt.prometheus.split(',').filter(Boolean);
  const rounds = await Promise.all(urls.map(async (url) => {
    try {
      const text = await (await fetch(`${url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('substrate_finality_grandpa_round'));
      return line ? Number(line.trim().split(/\s+/).pop()) : null;
    } catch { return null; }
  }));
  return rounds;
}

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round2 = (x) => (x === null ? null : Math.round(x * 100) / 100);

// Pre-signs `count` transactions of `build(signer, i, k)` over `signers`
// (round robin), at most NONCE_WINDOW each.
async function preSign(count, build, signers = senders) {
  const perSender = Math.ceil(count / signers.length);
  if (perSender > NONCE_WINDOW) throw new Error(`${count} transactions need more than ${NONCE_WINDOW} per signer: raise --senders`);
  const nonces = await Promise.all(signers.map(nextNonce));
  const txs = [];
  for (let k = 0; k < perSender; k++) {
    for (const [i, s] of signers.entries()) {
      if (txs.length === count) break;
      const tx = build(s, i, k);
      const hex = (await tx.signAsync(s, { nonce: nonces[i] + k, era: 0 })).toHex();
      txs.push({ hex, hash: blake2AsHex(hex, 256), node: nodeOf(i), sender: i, legs: tx.legs ?? 1 });
    }
  }
  return txs;
}

async function submit(r) {
  r.submittedAt = Date.now();
  try {
    await r.node.rpc.author.submitExtrinsic(r.hex);
    r.accepted = true;
  } catch (e) {
    r.accepted = false;
    r.rejection = (e.message || String(e)).slice(0, 80);
  }
}

async function runPhase(name, txs, { rate = 0, maxPending = num('max-pending') } = {}) {
  pending.clear();
  for (const r of txs) pending.set(r.hash, r);
  const cpu0 = cpuTimes();
  const rounds0 = await grandpaRounds();
  const t0 = Date.now();
  log(`${name}: submitting ${txs.length} transactions`);
  let inBlock = 0;
  let wake = () => {};
  onIncluded = () => { inBlock++; wake(); };
  const inFlight = new Set();
  // A sender's transactions reach its node in nonce order: one out of order
  // waits in the pool's future queue (512 transactions), and a full future
  // queue evicts, which would lose an accepted transaction.
  const previous = new Map();
  for (const [i, r] of txs.entries()) {
    if (rate > 0) {
      const due = t0 + (i * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    while (i - inBlock >= maxPending) await new Promise((r2) => { wake = r2; setTimeout(r2, 500); });
    const p = (previous.get(r.sender) ?? Promise.resolve()).then(() => submit(r)).finally(() => inFlight.delete(p));
    previous.set(r.sender, p);
    inFlight.add(p);
    if (inFlight.size >= 256) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const accepted = txs.filter((r) => r.accepted);
  log(`${name}: ${accepted.length} accepted, waiting for finality`);
  let last = accepted.filter((r) => r.finalizedAt !== undefined).length;
  let idleSince = Date.now();
  while (accepted.some((r) => r.finalizedAt === undefined)) {
    await sleep(500);
    const done = accepted.filter((r) => r.finalizedAt !== undefined).length;
    if (done !== last) { last = done; idleSince = Date.now(); }
    if (Date.now() - idleSince > num('lost-after') * 1000) break;
  }
  const cpu1 = cpuTimes();
  const rounds1 = await grandpaRounds();
  const t1 = Date.now();
  return report(name, txs, { cpu0, cpu1, rounds0, rounds1, seconds: (t1 - t0) / 1000, rate });
}

function report(name, txs, { cpu0, cpu1, rounds0, rounds1, seconds, rate }) {
  const accepted = txs.filter((r) => r.accepted);
  const final = accepted.filter((r) => r.finalizedAt !== undefined);
  // Legs an operator batch refused moved nothing: they are not transfers.
  const legs = (rs) => rs.reduce((a, r) => a + r.legs - (r.refusedLegs ?? 0), 0);
  const byBlock = new Map();
  for (const r of final) {
    const b = byBlock.get(r.block.hash) ?? { number: r.block.number, timestamp: r.block.timestamp, finalizedAt: r.block.finalizedAt, transfers: 0 };
    b.transfers += r.legs - (r.refusedLegs ?? 0);
    byBlock.set(r.block.hash, b);
  }
  const perBlock = [...byBlock.values()].sort((a, b) => a.number - b.number);
  const succeeded = final.filter((r) => r.outcome === 'ok');
  const count = (rs, key) => rs.reduce((m, r) => ({ ...m, [r[key]]: (m[r[key]] ?? 0) + 1 }), {});
  let includedPerSecond = null;
  let finalizedPerSecond = null;
  if (perBlock.length > 0) {
    const first = perBlock[0];
    const lastBlock = perBlock[perBlock.length - 1];
    // A block's transactions were taken in during its slot: the span starts
    // one slot before the first including block's timestamp.
    const start = first.timestamp - SLOT_MS;
    includedPerSecond = legs(succeeded) / ((lastBlock.timestamp - start) / 1000);
    finalizedPerSecond = legs(succeeded) / ((Math.max(...perBlock.map((b) => b.finalizedAt)) - start) / 1000);
  }
  const lat = (field) => final.map((r) => (r[field] - r.submittedAt) / 1000);
  const roundsDelta = rounds0.map((r, i) => (r === null || rounds1[i] === null ? null : rounds1[i] - r));
  const knownRounds = roundsDelta.filter((r) => r !== null);
  const result = {
    phase: name,
    transactions: txs.length,
    transfers_per_transaction: txs[0]?.legs ?? 1,
    offered_rate_per_second: rate || null,
    accepted: accepted.length,
    rejected: txs.length - accepted.length,
    rejections: count(txs.filter((r) => !r.accepted), 'rejection'),
    finalized: final.length,
    failed: final.length - succeeded.length,
    failures: count(final.filter((r) => r.outcome !== 'ok'), 'outcome'),
    legs_refused: final.reduce((a, r) => a + (r.refusedLegs ?? 0), 0),
    lost: accepted.length - final.length,
    transfers_finalized: legs(succeeded),
    included_per_second: round2(includedPerSecond),
    finalized_per_second: round2(finalizedPerSecond),
    blocks: perBlock.length,
    best_block: perBlock.length ? Math.max(...perBlock.map((b) => b.transfers)) : 0,
    per_block: perBlock.map((b) => b.transfers),
    submit_to_included_s: { p50: round2(percentile(lat('includedAt'), 50)), p99: round2(percentile(lat('includedAt'), 99)) },
    submit_to_finalized_s: { p50: round2(percentile(lat('finalizedAt'), 50)), p99: round2(percentile(lat('finalizedAt'), 99)) },
    cpu_busy_percent: Math.round((100 * (1 - (cpu1.idle - cpu0.idle) / (cpu1.total - cpu0.total)))),
    grandpa_rounds_per_second: knownRounds.length ? round2(knownRounds.reduce((a, b) => a + b, 0) / knownRounds.length / seconds) : null,
    seconds: round2(seconds),
  };
  log(`${name}: ${JSON.stringify({ ...result, per_block: undefined })}`);
  return result;
}

// ---- phases --------------------------------------------------------------------

const recipient = (i) => senders[(i + 1) % senders.length].address;
const phases = {
  plain: async () => runPhase('plain', await preSign(num('plain'), (s, i) => api.tx.balances.transferKeepAlive(recipient(i), UNIT))),
  single: async () => runPhase('single', await preSign(num('single'), (s, i) => api.tx.compliantAssets.transfer(ASSET, recipient(i), 1))),
  batched: async () => {
    const n = num('legs');
    return runPhase('batched', await preSign(num('batches'), (s, i) => {
      const legsOf = Array.from({ length: n }, (_, k) => [senders[(i + 1 + k) % senders.length].address, 1]);
      return Object.assign(api.tx.compliantAssets.batchTransfer(ASSET, legsOf), { legs: n });
    }), { maxPending: Math.max(1, Math.floor(num('max-pending') / n)) });
  },
  // Each bank's batches carry its own customers' transfers, the customers
  // taken round robin (a customer's legs follow one another in nonce-free
  // order: the bank signs).
  operator: async () => {
    const n = num('operator-legs');
    const customersOf = banks.map((_, b) => senders.filter((_, i) => i % banks.length === b).map((s) => senders.indexOf(s)));
    const next = banks.map(() => 0);
    return runPhase('operator', await preSign(num('operator-batches'), (bank, b) => {
      const legsOf = Array.from({ length: n }, () => {
        const mine = customersOf[b];
        const i = mine[next[b]++ % mine.length];
        return { from: senders[i].address, to: recipient(i), amount: 1 };
      });
      return Object.assign(api.tx.compliantAssets.operatorTransfer(ASSET, legsOf), { legs: n });
    }, banks), { maxPending: Math.max(1, Math.floor(num('max-pending') / n)) });
  },
  steady: async () => {
    const rate = num('steady-rate');
    const txs = await preSign(rate * num('steady-seconds'), (s, i) => api.tx.compliantAssets.transfer(ASSET, recipient(i), 1));
    return runPhase('steady', txs, { rate });
  },
};

await setUp();
watch();
const results = [];
for (const name of opt.phases.split(',').filter(Boolean)) {
  if (!phases[name]) throw new Error(`unknown phase '${name}' (one of ${Object.keys(phases).join(', ')})`);
  results.push(await phases[name]());
}
const output = {
  label: opt.label || null,
  endpoints,
  senders: senders.length,
  runtime: (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(),
  at: new Date().toISOString(),
  phases: results,
};
if (opt.out) writeFileSync(opt.out, `${JSON.stringify(output, null, 2)}\n`);
console.log(JSON.stringify(output));
await Promise.all(apis.map((a) => a.disconnect()));
process.exit(results.some((r) => r.lost > 0) ? 1 : 0);
