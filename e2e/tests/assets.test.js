// pallet-assets: governance creates a plain (not permissioned) asset; its
// owner mints and verified accounts move it. Nobody else creates assets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, submitInBlock, eventsOf, sudoOutcome, DispatchFailure } from '../lib/node.js';

let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

const ASSET = 1000;
const balanceOf = async (api, who) => {
  const account = await api.query.assets.account(ASSET, who);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
};

test('a signed account cannot create an asset: refused before the pool (code 16)', async () => {
  const { api, accounts: { bob } } = node;
  await assert.rejects(
    submitInBlock(api, api.tx.assets.create(ASSET + 1, bob.address, 1), bob),
    (e) => /Custom error: 16/.test(e.message),
  );
  assert.ok((await api.query.assets.asset(ASSET + 1)).isNone);
});

test('governance creates an asset; its owner mints; verified banks transfer it', async () => {
  const { api, accounts } = node;
  const { alice, bob } = accounts;
  for (const who of [alice, bob]) {
    const identity = (await api.query.identityRegistry.identities(who.address)).unwrap();
    assert.equal(identity.status.type, 'Verified');
  }
  const created = await submitInBlock(api, api.tx.sudo.sudo(api.tx.assets.forceCreate(ASSET, alice.address, true, 1)), alice);
  assert.equal(sudoOutcome(api, created.events), 'ok');
  assert.equal(eventsOf(api, created.events, 'assets', 'ForceCreated').length, 1);
  await submitInBlock(api, api.tx.assets.setMetadata(ASSET, 'Tokenized USD deposit', 'USDD', 2), alice);
  await submitInBlock(api, api.tx.assets.mint(ASSET, alice.address, 1_000_000), alice);
  assert.equal(await balanceOf(api, alice.address), 1_000_000n);

  const moved = await submitInBlock(api, api.tx.assets.transfer(ASSET, bob.address, 250_000), alice);
  const [ev] = eventsOf(api, moved.events, 'assets', 'Transferred');
  assert.equal(ev.data.amount.toBigInt(), 250_000n);
  assert.equal(await balanceOf(api, alice.address), 750_000n);
  assert.equal(await balanceOf(api, bob.address), 250_000n);
  const details = (await api.query.assets.asset(ASSET)).unwrap();
  assert.equal(details.supply.toBigInt(), 1_000_000n);
});

test('an over-balance transfer fails by name and moves nothing', async () => {
  const { api, accounts } = node;
  const { bob, charlie } = accounts;
  const before = await balanceOf(api, bob.address);
  await assert.rejects(
    submitInBlock(api, api.tx.assets.transfer(ASSET, charlie.address, before + 1n), bob),
    (e) => e instanceof DispatchFailure && e.message === 'assets.BalanceLow',
  );
  assert.equal(await balanceOf(api, bob.address), before);
  assert.equal(await balanceOf(api, charlie.address), 0n);
});
