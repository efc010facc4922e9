// Starts a real tokenize-node (dev chain, temporary base path, free ports)
// and connects @polkadot/api to it. Every test file gets its own node.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startDevNode() {
  const bin = process.env.NODE_BIN;
  if (!bin || !existsSync(bin)) {
    throw new Error(`NODE_BIN must point at a built tokenize-node (got '${bin}'); run ./scripts/test.sh`);
  }
  const basePath = mkdtempSync(join(tmpdir(), 'tokenize-e2e-'));
  const [rpcPort, p2pPort, promPort] = [await freePort(), await freePort(), await freePort()];
  const args = [
    '--dev', '--base-path', basePath,
    '--rpc-port', String(rpcPort), '--port', String(p2pPort),
    '--prometheus-port', String(promPort), '--no-telemetry', '--no-mdns',
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (d) => { log = (log + d.toString()).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const endpoint = `ws://127.0.0.1:${rpcPort}`;
  let api;
  let provider;
  for (let attempt = 0; attempt < 120 && !api; attempt++) {
    if (child.exitCode !== null) throw new Error(`node exited early:\n${log}`);
    try {
      provider = new WsProvider(endpoint, false);
      await provider.connect();
      await new Promise((resolve, reject) => {
        provider.on('connected', resolve);
        provider.on('error', reject);
        setTimeout(() => reject(new Error('timeout')), 1000);
      });
      api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
    } catch {
      await sleep(500);
    }
  }
  if (!api) throw new Error(`no RPC at ${endpoint}:\n${log}`);
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const accounts = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'One', 'Two'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );

  return {
    api,
    provider,
    accounts,
    endpoint,
    promPort,
    log: () => log,
    async stop() {
      await api.disconnect().catch(() => {});
      child.kill('SIGINT');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(basePath, { recursive: true, force: true });
    },
  };
}

// Signs and submits `tx`, resolves once its block is FINALIZED with the
// events of the extrinsic. A dispatch error rejects with "section.Name".
export function submitFinalized(api, tx, signer) {
  return submitUntil(api, tx, signer, 'isFinalized', 'asFinalized');
}

// Like `submitFinalized`, but resolves as soon as the extrinsic is in a
// block: for steps whose finality the test does not check.
export function submitInBlock(api, tx, signer) {
  return submitUntil(api, tx, signer, 'isInBlock', 'asInBlock');
}

// Signs `txs` from `signer` with consecutive nonces, `window` at a time
// (the runtime refuses a nonce more than 64 ahead of the account's), and
// resolves once all are in blocks. A dispatch error rejects with
// "section.Name".
export async function submitAllInBlocks(api, signer, txs, window = 60) {
  for (let i = 0; i < txs.length; i += window) {
    const start = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
    await Promise.all(txs.slice(i, i + window)
      .map((tx, k) => submitUntil(api, tx, signer, 'isInBlock', 'asInBlock', { nonce: start + k })));
  }
}

function submitUntil(api, tx, signer, reached, blockOf, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, options, (result) => {
      if (result.isError || result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        unsub && unsub();
        reject(new Error(`transaction ${result.status.type}`));
        return;
      }
      // A node may report a transaction finalized without an in-block
      // report first (polkadot-js warns of it): finalized is in a block too.
      const block = result.status[reached] ? result.status[blockOf]
        : result.status.isFinalized ? result.status.asFinalized : null;
      if (!block) return;
      unsub && unsub();
      const events = result.events.map(({ event }) => event);
      if (result.dispatchError) {
        reject(new DispatchFailure(describe(api, result.dispatchError), events));
      } else {
        resolve({ blockHash: block, events });
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

export class DispatchFailure extends Error {
  constructor(name, events) {
    super(name);
    this.events = events;
  }
}

// "section.Name" of a DispatchError (module errors by name).
export function describe(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type;
}

// The outcome of a sudo call: 'ok' or "section.Name" of the inner error.
export function sudoOutcome(api, events) {
  const sudid = events.find((e) => api.events.sudo.Sudid.is(e));
  if (!sudid) throw new Error('no Sudid event');
  const result = sudid.data[0];
  return result.isOk ? 'ok' : describe(api, result.asErr);
}

export const eventsOf = (api, events, section, method) =>
  events.filter((e) => e.section === section && e.method === method);
