// Load generator of ./scripts/bench-network.sh: compliant transfers, batched
// compliant transfers, payment lifecycles and (baseline) plain balance
// transfers of verified accounts against a running consortium, each measured
// on the finalized chain.
//
//   node bench/network.js --endpoints ws://a:9944,ws://b:9944,... [options]
//
// Set-up (not measured), idempotent so that it can run against a network
// that already has it: the governance council (5 of 7, one multisig round
// for all its decisions) trusts Alice's bank as a second US and DE verifier,
// creates permissioned asset 100, makes Bob's bank its supply agent, opens
// the US -> DE corridor settling it and gives it its currency (EUR); Ferdie
// registers `--senders` US customers and Eve 8 DE payees, Alice approves
// them (four eyes), Bob mints the asset to the customers, Dave funds them
// with native units and each customer authorises its bank as operator.
//
// Measured, one phase after the other (a phase ends when all its accepted
// transactions are finalized, or `--lost-after` seconds pass without one):
//   plain    `balances.transferKeepAlive` between the verified senders
//   single   `compliantAssets.transfer`
//   batched  `compliantAssets.batchTransfer` of `--legs` legs
//   operator `compliantAssets.operatorTransfer`: each bank's batches of
//            `--operator-legs` of its customers' transfers
//   payments `--payments` complete payment lifecycles: each customer
//            initiates payments (pacs.008 hash anchored) to the DE payees;
//            the settlement committee (3 of 5, pallet-multisig: one signer
//            opens, two approve) releases the finalized ones, 64 per batch
//   steady   `compliantAssets.transfer` at `--steady-rate` per second
//   crash    `--crash-transfers` compliant transfers at `--crash-rate` per
//            second, sent to Alice's and Bob's nodes, while Dave's node is
//            killed (SIGKILL) after 15 s and Charlie's after 30 s (two of
//            four down: finality stops, Aura goes on at half speed);
//            Charlie's restarts at 50 s and Dave's at 60 s, and finality
//            catches up. Needs `--control` (bench-network.sh's `run` mode
//            passes its script that stops and starts validators).
// All but steady submit everything as fast as the nodes accept it, keeping
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
// A phase at an offered rate (steady, crash) starts once the network is at
// rest: every node's pool empty and the head finalized (`rest_waited_s`),
// so that it measures 50/s, not the drain of the phase before it.
// `--records <prefix>` writes each phase's transactions to
// `<prefix>-<phase>.json` (submitted, included, finalized: ms since the
// epoch; the node it was sent to; its block and the block's timestamp).
// `--profile <phase>` also samples the whole machine's CPU with `perf` for
// 15 s of that phase and reports where the time went, by kind of work
// (`cpu_profile`: signature checks, runtime execution, wasm instances,
// memory, storage, pool, network, kernel, the load generator).
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawn, execFileSync } from 'node:child_process';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsHex, keccakAsHex } from '@polkadot/util-crypto';
import { committee } from '../lib/governance.js';
import { submitAllInBlocks } from '../lib/node.js';

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
    payments: { type: 'string', default: '2048' },
    'steady-rate': { type: 'string', default: '50' },
    'steady-seconds': { type: 'string', default: '60' },
    'crash-transfers': { type: 'string', default: '4000' },
    'crash-rate': { type: 'string', default: '50' },
    control: { type: 'string', default: '' },
    'max-pending': { type: 'string', default: '4000' },
    'lost-after': { type: 'string', default: '60' },
    // Default: all, the crash phase only where validators can be stopped.
    phases: { type: 'string', default: '' },
    out: { type: 'string', default: '' },
    label: { type: 'string', default: '' },
    profile: { type: 'string', default: '' },
    records: { type: 'string', default: '' },
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
const SETTLEMENT_BATCH = 64; // the runtime's MaxSettlementBatch
const OPEN_PAYMENTS = 32; // the runtime's MaxOpenPayments per sender
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
const payees = Array.from({ length: 8 }, (_, i) => keyring.addFromUri(`//Bench/Payee/${i}`));
// The four banks custody their customers' wallets: sender i banks with i % 4.
const banks = [who.alice, who.bob, who.charlie, who.dave];
const bankOf = (i) => banks[i % banks.length];
const nodeOf = (i) => apis[i % apis.length];
const nextNonce = async (pair) => (await api.rpc.system.accountNextIndex(pair.address)).toNumber();

// ---- set-up ------------------------------------------------------------------

// Set-up transactions of one signer, all in blocks; a failure throws.
const inBlocks = (signer, txs) => submitAllInBlocks(api, signer, txs, NONCE_WINDOW);

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
    decisions.push(api.tx.identityRegistry.addVerifier(who.alice.address, ['US', 'DE']));
  }
  if ((await api.query.assets.asset(ASSET)).isNone) {
    const noRules = { maxHolders: null, maxBalance: null, allowedJurisdictions: [], blockedJurisdictions: [], minCategory: null, lockupUntil: null };
    decisions.push(api.tx.compliantAssets.createAsset(ASSET, 'Bench EUR deposit', 'BEUR', 2, noRules));
    decisions.push(api.tx.compliantAssets.addAgent(ASSET, who.bob.address, 1 /* Supply */));
  }
  if ((await api.query.corridor.corridors('US', 'DE')).isNone) {
    const params = { minAmount: 1, maxAmount: 10n ** 15n, dailyLimit: 10n ** 18n, settlementAssets: [ASSET] };
    decisions.push(api.tx.corridor.addCorridor('US', 'DE', params));
  }
  if ((await api.query.payments.settlementCurrencies(ASSET)).isNone) {
    decisions.push(api.tx.payments.setSettlementCurrency(ASSET, { code: 'EUR', decimals: 2 }));
  }
  log(`set-up: ${decisions.length} council decision(s)`);
  await councilDecides(decisions);
  const unknown = async (accounts) => {
    const out = [];
    for (const a of accounts) if ((await api.query.identityRegistry.identities(a.address)).isNone) out.push(a);
    return out;
  };
  const fresh = await unknown(senders);
  const freshPayees = await unknown(payees);
  const details = (jurisdiction) => ({
    jurisdiction, category: 'Retail', expiresAt: Math.floor(Date.now() / 1000) + 365 * 24 * 3600,
    lei: null, bic: null, travelRuleHash: null,
  });
  log(`set-up: ${fresh.length} new verified senders, ${freshPayees.length} new payees`);
  await Promise.all([
    inBlocks(who.ferdie, fresh.map((s) => api.tx.identityRegistry.registerPendingIdentity(s.address, details('US')))),
    inBlocks(who.eve, freshPayees.map((p) => api.tx.identityRegistry.registerPendingIdentity(p.address, details('DE')))),
  ]);
  await Promise.all([
    inBlocks(who.alice, [...fresh, ...freshPayees].map((s) => api.tx.identityRegistry.approveIdentity(s.address))),
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
let onFinalized = () => {};

async function blockInfo(hash) {
  const key = hash.toString();
  if (blocks.has(key)) return blocks.get(key);
  const seen = Date.now();
  const [signed, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
  const extrinsics = signed.block.extrinsics;
  const txs = extrinsics.map((x) => x.hash.toHex());
  const outcome = new Array(extrinsics.length).fill('ok');
  const refusedLegs = new Array(extrinsics.length).fill(0);
  const charged = new Array(extrinsics.length).fill(null);
  const initiated = [];
  const released = [];
  for (const { phase, event } of events) {
    if (phase.isApplyExtrinsic && api.events.payments.PaymentInitiated.is(event)) {
      initiated.push({ tx: txs[phase.asApplyExtrinsic.toNumber()], id: event.data.txId.toHex() });
    }
    if (api.events.payments.PaymentReleased.is(event)) released.push(event.data.txId.toHex());
    if (phase.isApplyExtrinsic && api.events.compliantAssets.OperatorTransferRefused.is(event)) {
      refusedLegs[phase.asApplyExtrinsic.toNumber()] += 1;
    }
    const applied = api.events.system.ExtrinsicSuccess.is(event) || api.events.system.ExtrinsicFailed.is(event);
    if (phase.isApplyExtrinsic && applied) {
      // The weight the block was charged, after any refund, base included.
      charged[phase.asApplyExtrinsic.toNumber()] = event.data.dispatchInfo.weight.refTime.toBigInt();
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
    txs,
    outcome,
    refusedLegs,
    charged,
    initiated,
    released,
    seen,
  };
  blocks.set(key, info);
  return info;
}

function watch() {
  api.rpc.chain.subscribeNewHeads(async (header) => {
    const info = await blockInfo(header.hash);
    settleCommittee(info);
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
    for (const b of chain.reverse()) {
      b.finalizedAt = now;
      settleCommittee(b);
      onFinalized(b);
      b.txs.forEach((tx, i) => {
        const r = pending.get(tx);
        if (!r || r.finalizedAt !== undefined) return;
        r.finalizedAt = now;
        r.block = b;
        r.outcome = b.outcome[i];
        r.refusedLegs = b.refusedLegs[i];
        r.charged = b.charged[i];
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

// Where the machine's CPU went while `perf` sampled it, in per cent of the
// samples, by kind of work (the node is built without frame pointers, so by
// the function sampled, not its callers).
const PROFILE_KINDS = [
  ['load generator (node.js)', (comm) => comm === 'node'],
  ['kernel (scheduling, memory, sockets)', (comm, dso) => dso.includes('kernel')],
  ['runtime code (compiled wasm)', (comm, dso) => dso.includes('JIT')],
  ['signature checks (sr25519, ed25519)', (comm, dso, sym) => /curve25519|schnorrkel|ed25519|sha2::|merlin|keccak|strobe/.test(sym)],
  ['wasm instances and their allocator', (comm, dso, sym) => /wasmtime|sc_executor|sc_allocator|cranelift/.test(sym)],
  ['storage (trie, state, database)', (comm, dso, sym) => /sp_trie|trie_db|state_machine|parity_db|sc_client_db|memory_db|hash_db/.test(sym)],
  ['hashing (blake2)', (comm, dso, sym) => /blake2/.test(sym)],
  ['malloc, memcpy (libc)', (comm, dso, sym) => dso.includes('libc') || /malloc|memmove|memcpy|memcmp|_int_free|calloc/.test(sym)],
  ['transaction pool', (comm, dso, sym) => sym.includes('sc_transaction_pool')],
  ['network', (comm, dso, sym) => /libp2p|litep2p|sc_network|yamux|snow/.test(sym)],
];

function startProfile(name) {
  if (opt.profile !== name) return null;
  const file = `/tmp/bench-network-${name}-${process.pid}.perf`;
  const perf = spawn('perf', ['record', '-a', '-F', '99', '-o', file, '--', 'sleep', '15'], { stdio: 'ignore' });
  const done = new Promise((resolve) => { perf.on('exit', (code) => resolve(code === 0)); perf.on('error', () => resolve(false)); });
  return { file, done };
}

async function profileSummary(profile) {
  if (!profile || !(await profile.done)) return profile ? { error: 'perf record failed (is perf installed and allowed?)' } : undefined;
  const text = execFileSync('perf', ['report', '-i', profile.file, '--no-children', '--sort', 'comm,dso,sym', '--stdio'],
    { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  const share = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^\s*([\d.]+)%\s+(\S+)\s+(.+?)\s+\[[.k]\]\s+(.*)$/);
    if (!m) continue;
    const [, pct, comm, dso, sym] = m;
    const kind = PROFILE_KINDS.find(([, is]) => is(comm, dso, sym))?.[0] ?? 'other';
    share[kind] = (share[kind] ?? 0) + Number(pct);
  }
  return Object.fromEntries(Object.entries(share).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round2(v)]));
}

// Waits until `remaining()` counts nothing, calling `tick` every half
// second; gives up after --lost-after seconds in which the count did not
// move (what is still outstanding then is reported lost or unreleased).
async function untilSettled(remaining, tick = () => {}) {
  let left = remaining();
  let movedAt = Date.now();
  while (left > 0 && Date.now() - movedAt <= num('lost-after') * 1000) {
    await sleep(500);
    tick();
    const now = remaining();
    if (now !== left) { left = now; movedAt = Date.now(); }
  }
}

function writeRecords(name, txs) {
  if (!opt.records) return;
  const rows = txs.map((r) => ({
    submitted: r.submittedAt, included: r.includedAt ?? null, finalized: r.finalizedAt ?? null,
    node: endpoints[apis.indexOf(r.node)], block: r.block?.number ?? null, block_timestamp: r.block?.timestamp ?? null,
  }));
  writeFileSync(`${opt.records}-${name}.json`, JSON.stringify(rows));
}

// Waits until every node's pool is empty and the head is finalized (or the
// next block is), for at most `limit` seconds; returns the seconds waited.
async function untilAtRest(limit = 120) {
  const start = Date.now();
  while (Date.now() - start < limit * 1000) {
    const pools = await Promise.all(apis.map((a) => a.rpc.author.pendingExtrinsics()));
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const final = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    if (pools.every((p) => p.length === 0) && best - final <= 1) break;
    await sleep(500);
  }
  return round2((Date.now() - start) / 1000);
}

async function runPhase(name, txs, { rate = 0, maxPending = num('max-pending'), restWaited = null } = {}) {
  pending.clear();
  for (const r of txs) pending.set(r.hash, r);
  const profile = startProfile(name);
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
  await untilSettled(() => accepted.filter((r) => r.finalizedAt === undefined).length);
  const cpu1 = cpuTimes();
  const rounds1 = await grandpaRounds();
  const t1 = Date.now();
  const result = report(name, txs, { cpu0, cpu1, rounds0, rounds1, seconds: (t1 - t0) / 1000, rate });
  if (restWaited !== null) result.rest_waited_s = restWaited;
  result.cpu_profile = await profileSummary(profile);
  writeRecords(name, txs);
  return result;
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
  // A restarted validator counts its rounds from zero again: left out.
  const roundsDelta = rounds0.map((r, i) => (r === null || rounds1[i] === null || rounds1[i] < r ? null : rounds1[i] - r));
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
    // What the block was charged per transfer moved, the extrinsic base
    // included: below the declared weight when the call refunded some.
    charged_us_per_transfer: legs(succeeded) > 0
      ? round2(Number(succeeded.reduce((a, r) => a + (r.charged ?? 0n), 0n)) / legs(succeeded) / 1e6)
      : null,
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

// ---- payment lifecycles ----------------------------------------------------------

// Committee transactions awaited, by hash: settled by the blocks the watcher
// reads, not by the pool's status reports. A pool can leave out a
// transaction's in-block report: in run …T085219Z nine release batches
// were opened in block 65, included and finalized, and none of the nine
// reports came, so their approvals were never sent. What the pool did
// report is kept (`reportedInBlock`) so the report can say when it missed one.
const committeeAwaited = new Map(); // tx hash -> { resolve, reject }
const committeeIncluded = new Set();
const reportedInBlock = new Set();

function settleCommittee(info) {
  info.txs.forEach((tx, i) => {
    const waiting = committeeAwaited.get(tx);
    if (!waiting) return;
    committeeAwaited.delete(tx);
    committeeIncluded.add(tx);
    if (info.outcome[i] === 'ok') waiting.resolve();
    else waiting.reject(new Error(`committee call failed: ${info.outcome[i]}`));
  });
}

// Sends `tx` from `signer` with the next nonce of `nonces` (a signer's
// transactions go out in nonce order); resolves when a block has it. A
// refusal, or an invalid or dropped status from the pool, rejects.
function sendNext(nonces, signer, tx) {
  const nonce = nonces.get(signer.address);
  nonces.set(signer.address, nonce + 1);
  return new Promise((resolve, reject) => {
    tx.signAsync(signer, { nonce }).then(() => {
      const hash = tx.hash.toHex();
      committeeAwaited.set(hash, { resolve, reject });
      return tx.send((result) => {
        if (result.status.isInBlock || result.status.isFinalized) reportedInBlock.add(hash);
        else if (result.isError && committeeAwaited.delete(hash)) {
          reject(new Error(`committee transaction ${result.status.type}`));
        }
      });
    }).catch(reject);
  });
}

// The settlement committee releases `ids`: its first member opens the
// multisig operation, the others approve in one block, the last approval
// dispatches `payments.confirmSettlements`. The approvals declare the call's
// own weight as their maximum: a multisig approval is charged its maximum
// against the signer's transaction budget.
async function committeeReleases(settlement, members, nonces, ids) {
  const call = api.tx.payments.confirmSettlements(ids);
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call.method, call.method.encodedLength);
  const maxWeight = { refTime: weight.refTime.toBigInt(), proofSize: weight.proofSize.toBigInt() };
  const asMulti = (m, when) => api.tx.multisig.asMulti(
    settlement.threshold, settlement.signers.filter((s) => s !== m.address), when, call, maxWeight,
  );
  await sendNext(nonces, members[0], asMulti(members[0], null));
  const when = (await api.query.multisig.multisigs(settlement.account, call.method.hash)).unwrap().when;
  await Promise.all(members.slice(1).map((m) => sendNext(nonces, m, asMulti(m, when))));
}

// Where each committee member's transactions stand: the nonces it used, the
// chain's next nonce, and how many of its transactions each node's pool
// holds ready (a member whose chain nonce stops below the nonces it used,
// with none ready anywhere, has a gap: its later transactions wait in a
// pool's future queue).
async function committeeTransactions(members, nonces) {
  const ready = await Promise.all(apis.map((a) => a.rpc.author.pendingExtrinsics()));
  return Object.fromEntries(await Promise.all(members.map(async (m) => [m.address, {
    nonces_used_up_to: nonces.get(m.address) - 1,
    chain_nonce: (await api.query.system.account(m.address)).nonce.toNumber(),
    ready_per_node: ready.map((xs) => xs.filter((x) => x.signer.toString() === m.address).length),
  }])));
}

// Payment lifecycles: the initiations run as a phase; meanwhile every
// finalized initiation joins the committee's next release batch (a batch
// goes out when full, or when a finalized block brought no new initiation).
// A lifecycle ends when its release is finalized.
async function runPayments() {
  const settlement = await committee(api, 'SettlementCommittee');
  const members = [who.alice, who.bob, who.charlie, who.dave, who.one]
    .filter((m) => settlement.signers.includes(m.address)).slice(0, settlement.threshold);
  const nonces = new Map(await Promise.all(members.map(async (m) => [m.address, await nextNonce(m)])));
  const lifecycles = new Map(); // payment txId -> { submittedAt, initiated, released, releasedAt }
  const queue = [];
  const releases = [];
  const failures = [];
  const flush = (all) => {
    while (queue.length >= SETTLEMENT_BATCH || (all && queue.length > 0)) {
      releases.push(committeeReleases(settlement, members, nonces, queue.splice(0, SETTLEMENT_BATCH))
        .catch((e) => { failures.push(e.message); log(`payments: a release batch failed: ${e.message}`); }));
    }
  };
  onFinalized = (b) => {
    for (const { tx, id } of b.initiated) {
      const r = pending.get(tx);
      if (!r || lifecycles.has(id)) continue;
      lifecycles.set(id, { submittedAt: r.submittedAt, initiated: b });
      queue.push(id);
    }
    for (const id of b.released) {
      const l = lifecycles.get(id);
      if (l && !l.released) Object.assign(l, { released: b, releasedAt: b.finalizedAt });
    }
    flush(b.initiated.length === 0);
  };
  const n = num('payments');
  if (n > senders.length * OPEN_PAYMENTS) throw new Error(`--payments over ${OPEN_PAYMENTS} per sender: raise --senders`);
  const txs = await preSign(n, (s, i, k) => api.tx.payments.initiatePayment(
    ASSET, payees[i % payees.length].address, 1, keccakAsHex(`pacs.008 ${s.address} ${k} ${Date.now()}`), null,
  ));
  const initiations = await runPhase('payments', txs);
  flush(true);
  await untilSettled(() => [...lifecycles.values()].filter((l) => !l.released).length, () => flush(true));
  // A committee transaction that never reaches a block never settles its promise.
  await Promise.race([Promise.all(releases), sleep(num('lost-after') * 1000)]);
  onFinalized = () => {};
  const stuck = [...lifecycles.values()].some((l) => !l.released);
  const committeeState = stuck
    ? await committeeTransactions(members, nonces).catch((e) => ({ error: e.message }))
    : undefined;
  const all = [...lifecycles.values()];
  const done = all.filter((l) => l.released);
  const byBlock = new Map();
  for (const l of done) byBlock.set(l.released.number, (byBlock.get(l.released.number) ?? 0) + 1);
  const start = Math.min(...all.map((l) => l.initiated.timestamp)) - SLOT_MS;
  const end = Math.max(...done.map((l) => l.releasedAt));
  const latency = done.map((l) => (l.releasedAt - l.submittedAt) / 1000);
  initiations.lifecycles = {
    initiated: all.length,
    released: done.length,
    unreleased: all.length - done.length,
    committee_batches: releases.length,
    committee_batches_failed: failures.length,
    // The committee's transactions a block had but the pool never reported
    // in a block or finalized (the watcher's blocks settled them).
    committee_inclusions_unreported: [...committeeIncluded].filter((tx) => !reportedInBlock.has(tx)).length,
    // From the slot before the first initiating block to the finalization
    // of the last release (block timestamps and finality: one clock).
    completed_per_second: done.length ? round2(done.length / ((end - start) / 1000)) : null,
    released_per_block: [...byBlock.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c),
    submit_to_release_finalized_s: { p50: round2(percentile(latency, 50)), p99: round2(percentile(latency, 99)) },
    // Only when some payment was not released: where each committee
    // member's transactions stand.
    committee_transactions: committeeState,
  };
  log(`payments: ${JSON.stringify(initiations.lifecycles)}`);
  return initiations;
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
  payments: runPayments,
  crash: async () => {
    if (!opt.control) throw new Error('the crash phase needs --control (./scripts/bench-network.sh run mode)');
    const rate = num('crash-rate');
    const txs = await preSign(num('crash-transfers'), (s, i) => api.tx.compliantAssets.transfer(ASSET, recipient(i), 1));
    for (const r of txs) r.node = apis[r.sender % 2]; // Alice's and Bob's nodes stay up
    const restWaited = await untilAtRest();
    const t0 = Date.now();
    const faults = [[15, 'stop', 'dave'], [30, 'stop', 'charlie'], [50, 'start', 'charlie'], [60, 'start', 'dave']];
    const injected = (async () => {
      for (const [at, action, name] of faults) {
        await sleep(Math.max(0, t0 + at * 1000 - Date.now()));
        log(`crash: ${action} ${name}`);
        execFileSync(opt.control, [action, name], { stdio: 'ignore' });
      }
    })();
    const result = await runPhase('crash', txs, { rate, restWaited });
    await injected;
    result.faults = faults.map(([at, action, name]) => `${at} s: ${action} ${name}`);
    return result;
  },
  steady: async () => {
    const rate = num('steady-rate');
    const txs = await preSign(rate * num('steady-seconds'), (s, i) => api.tx.compliantAssets.transfer(ASSET, recipient(i), 1));
    return runPhase('steady', txs, { rate, restWaited: await untilAtRest() });
  },
};

await setUp();
watch();
const results = [];
const chosen = opt.phases || `plain,single,batched,operator,payments,steady${opt.control ? ',crash' : ''}`;
for (const name of chosen.split(',').filter(Boolean)) {
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
process.exit(results.some((r) => r.lost > 0 || r.lifecycles?.unreleased > 0) ? 1 : 0);
