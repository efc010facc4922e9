// Amount-level freezes: a partial freeze limits transfers to the spendable
// amount (enforced by pallet-assets itself), confiscation moves exactly the
// frozen entry, and the spendable-balance RPC lists the active freezes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, submitInBlock, eventsOf, DispatchFailure } from '../lib/node.js';
import { rpc, balanceOf, permissionedAsset, assertRefused } from '../lib/compliance.js';

const EURT = 200;
let node;
before(async () => {
  node = await startDevNode();
  const { alice, charlie } = node.accounts;
  await permissionedAsset(node, EURT, [[alice, 500_000], [charlie, 10_000]]);
});
after(async () => { await node?.stop(); });

let entryId;

test('a partial freeze limits transfers to balance minus frozen', async () => {
  const { api, accounts: { alice, bob, charlie } } = node;
  // Bob is the asset's freeze agent.
  const { events } = await submitInBlock(
    api, api.tx.freeze.freeze(EURT, charlie.address, 7_000, 'CourtOrder', 'LG-Berlin-42/26'), bob,
  );
  const [frozen] = eventsOf(api, events, 'freeze', 'Frozen');
  entryId = frozen.data.entryId.toNumber();
  const view = await rpc(node, 'spendableBalance', [EURT, charlie.address]);
  assert.equal(view.balance, 10_000);
  assert.equal(view.spendable, 3_000);
  assert.equal(view.frozen.totalFrozen, 7_000);
  assert.deepEqual(view.frozen.entries.map((e) => [e[0], e[1], e[2]]), [[entryId, 7_000, 'CourtOrder']]);

  await assertRefused(node, EURT, charlie, alice, 3_001, 'InsufficientSpendableBalance');
  await submitInBlock(api, api.tx.compliantAssets.transfer(EURT, alice.address, 3_000), charlie);
  assert.equal(await balanceOf(api, EURT, charlie.address), 7_000n);
  await assertRefused(node, EURT, charlie, alice, 1, 'InsufficientSpendableBalance');
});

test('the freeze agent cannot confiscate; the forced-transfer agent can, exactly the entry', async () => {
  const { api, accounts: { alice, bob, charlie } } = node;
  await assert.rejects(
    submitInBlock(api, api.tx.freeze.confiscate(entryId, alice.address), bob),
    (e) => e instanceof DispatchFailure && e.message === 'BadOrigin',
  );
  const aliceBefore = await balanceOf(api, EURT, alice.address);
  const { events } = await submitInBlock(api, api.tx.freeze.confiscate(entryId, alice.address), alice);
  assert.equal(eventsOf(api, events, 'freeze', 'Confiscated').length, 1);
  assert.equal(await balanceOf(api, EURT, charlie.address), 0n);
  assert.equal(await balanceOf(api, EURT, alice.address), aliceBefore + 7_000n);
  const view = await rpc(node, 'spendableBalance', [EURT, charlie.address]);
  assert.equal(view.frozen.totalFrozen, 0);
  assert.deepEqual(view.frozen.entries, []);
  // Total issuance is unchanged by confiscation.
  const details = (await api.query.assets.asset(EURT)).unwrap();
  assert.equal(details.supply.toBigInt(), 510_000n);
});
