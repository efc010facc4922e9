// The dev chain: metadata, finality, and the demo state the genesis preset gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.js';

let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

test('metadata exposes the consortium pallets and runtime version', async () => {
  const { api } = node;
  assert.equal(api.runtimeVersion.specName.toString(), 'tokenize');
  for (const pallet of ['identityRegistry', 'validatorSet', 'assets', 'multisig', 'session', 'aura', 'grandpa', 'nodeAuthorization', 'sudo']) {
    assert.ok(api.tx[pallet] || api.query[pallet], `pallet ${pallet} missing from metadata`);
  }
  assert.ok(api.tx.validatorSet.addValidator, 'validatorSet.addValidator missing');
  assert.ok(api.errors.validatorSet.IdentityNotVerified, 'named error IdentityNotVerified missing');
  assert.equal(api.consts.babe, undefined);
});

test('finalized height rises (GRANDPA)', async () => {
  const { api } = node;
  const first = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const deadline = Date.now() + 60_000;
  let latest = first;
  while (latest < first + 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    latest = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  }
  assert.ok(latest >= first + 2, `finalized height stuck at ${latest} (started ${first})`);
});

test('genesis demo state: Alice validates, banks are verified, EURD is a permissioned asset', async () => {
  const { api, accounts } = node;
  const validators = (await api.query.validatorSet.validators()).map((v) => v.toString());
  assert.deepEqual(validators, [accounts.alice.address]);
  assert.equal((await api.query.validatorSet.minimumValidators()).toNumber(), 1);
  const bob = (await api.query.identityRegistry.identities(accounts.bob.address)).unwrap();
  assert.equal(bob.status.type, 'Verified');
  assert.equal(Buffer.from(bob.jurisdiction.toU8a()).toString(), 'US');
  assert.ok((await api.query.identityRegistry.identities(accounts.dave.address)).isNone);
  // EURD is a permissioned asset made at genesis through compliant-assets.
  const profile = (await api.query.compliantAssets.profiles(1)).unwrap();
  assert.equal(profile.symbol.toUtf8(), 'EURD');
  assert.ok((await api.query.compliantAssets.rules(1)).isSome);
  assert.equal((await api.query.compliantAssets.holderCount(1)).toNumber(), 3);
  const alice = (await api.query.assets.account(1, accounts.alice.address)).unwrap();
  assert.equal(alice.balance.toBigInt(), 100_000_000n);
  // Its own pallet-assets calls are closed: refused before the pool (code 16).
  await assert.rejects(
    api.tx.assets.transfer(1, accounts.bob.address, 1).signAndSend(accounts.alice),
    /Custom error: 16/,
  );
});

test('RPC serves Prometheus metrics', async () => {
  const res = await fetch(`http://127.0.0.1:${node.promPort}/metrics`);
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /substrate_block_height\{status="finalized"/);
});
