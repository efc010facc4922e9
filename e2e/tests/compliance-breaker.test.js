// Circuit breaker: a global pause stops transfers (refused before the pool)
// and lifts only after its time lock; a throttle refuses one account's flood
// for that account alone, trips on several accounts' value and resumes by
// itself after the cooldown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { startDevNode, submitFinalized, eventsOf, DispatchFailure } from '../lib/node.js';
import { sudo, rpc, canTransfer, balanceOf, permissionedAsset } from '../lib/compliance.js';

const EURT = 300;
let node;
before(async () => {
  node = await startDevNode();
  const { alice, charlie } = node.accounts;
  await permissionedAsset(node, EURT, [[alice, 100_000], [charlie, 10_000]]);
});
after(async () => { await node?.stop(); });

const bestNumber = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
async function waitForBlock(api, number) {
  while ((await bestNumber(api)) < number) await new Promise((r) => setTimeout(r, 1000));
}
const transfer = (api, to, amount, from) => submitFinalized(api, api.tx.compliantAssets.transfer(EURT, to.address, amount), from);

test('a global pause stops transfers until its time-locked lift', async () => {
  const { api, accounts: { alice, charlie } } = node;
  // The dev chain shortens the runtime's resume delay (a `parameter_types!
  // storage` item) from 10 minutes to 5 blocks.
  const delayKey = xxhashAsHex(':GlobalResumeDelay:', 128);
  const delay = api.createType('u32', 5).toHex(true); // SCALE: little-endian
  await sudo(api, api.tx.system.setStorage([[delayKey, delay]]), alice);

  const paused = await sudo(api, api.tx.circuitBreaker.pauseGlobal('incident INC-7'), alice);
  assert.equal(eventsOf(api, paused.events, 'circuitBreaker', 'GlobalPaused').length, 1);
  assert.equal((await canTransfer(node, EURT, charlie.address, alice.address, 10)).reason, 'CompliantAssets::ChainPaused');
  // Refused at validation: never reaches the pool (custom code 14 = CHAIN_PAUSED).
  await assert.rejects(transfer(api, alice, 10, charlie), (e) => /Custom error: 14/.test(e.message));

  const scheduled = await sudo(api, api.tx.circuitBreaker.scheduleGlobalResume(), alice);
  const [ev] = eventsOf(api, scheduled.events, 'circuitBreaker', 'GlobalResumeScheduled');
  const resumeAt = ev.data.resumeAt.toNumber();
  assert.ok(resumeAt >= (await bestNumber(api)), 'the lift lies in the future');
  // Still paused before the time lock ends.
  const status = await rpc(node, 'breakerStatus', []);
  assert.ok(status.globalPause, 'global pause reported');
  await assert.rejects(transfer(api, alice, 10, charlie), (e) => /Custom error: 14/.test(e.message));

  await waitForBlock(api, resumeAt + 1);
  assert.deepEqual(await canTransfer(node, EURT, charlie.address, alice.address, 10), { allowed: true, reason: null });
  await transfer(api, alice, 10, charlie);
  assert.equal(await balanceOf(api, EURT, charlie.address), 9_990n);
});

test("a transfer throttle stops one account's flood alone, trips on several accounts' value and resumes after the cooldown", async () => {
  const { api, accounts: { alice, bob, charlie } } = node;
  // Per account and window: 60 units; all accounts together: 100. Windows
  // are fixed runs of blocks (k·100 .. k·100+99): start where the rest of
  // the test fits in one.
  const window = 100;
  const head = await bestNumber(api);
  if (window - (head % window) < 40) await waitForBlock(api, head - (head % window) + window);
  const config = { window, accountMaxOperations: null, accountMaxAmount: 60, maxAmount: 100, cooldown: 10 };
  await sudo(api, api.tx.circuitBreaker.setThrottle('AssetTransfer', EURT, config), alice);
  await transfer(api, charlie, 60, alice);
  // Alice's own window is full: she is refused by name, nobody else is.
  assert.equal((await canTransfer(node, EURT, alice.address, bob.address, 1)).reason, 'CompliantAssets::AccountLimitReached');
  await assert.rejects(transfer(api, bob, 1, alice), (e) => e instanceof DispatchFailure && e.message === 'compliantAssets.AccountLimitReached');
  // A second account's value brings the asset to 100: it passes and trips.
  const second = await transfer(api, alice, 50, charlie);
  const [tripped] = eventsOf(api, second.events, 'circuitBreaker', 'ThrottleTripped');
  assert.ok(tripped, 'the second account reaches the asset-wide amount and trips the throttle');
  assert.equal(tripped.data.asset.toNumber(), EURT);
  assert.equal((await canTransfer(node, EURT, charlie.address, alice.address, 1)).reason, 'CompliantAssets::Throttled');
  await assert.rejects(transfer(api, alice, 1, charlie), (e) => e instanceof DispatchFailure && e.message === 'compliantAssets.Throttled');

  const until = tripped.data.until.toNumber();
  await waitForBlock(api, until + 1);
  const resumed = await transfer(api, alice, 1, charlie);
  assert.equal(eventsOf(api, resumed.events, 'compliantAssets', 'Transferred').length, 1);
  const status = await rpc(node, 'breakerStatus', []);
  const throttle = status.throttles.find((t) => t.kind === 'AssetTransfer' && t.asset === EURT);
  assert.ok(throttle && !throttle.state.trippedUntil, `throttle open again: ${JSON.stringify(throttle)}`);
});
