// One customer cannot fill blocks for free, nor keep the council's emergency
// pause out: remarks are refused before the pool (code 16), heavy batches
// stop at the customer's budget (code 12), and the council's pause, which
// outranks customer traffic, lands in the next blocks while the flood is on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.js';
import { councilExecutes } from '../lib/governance.js';

let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

// Submits without waiting: resolves 'pooled' once the pool accepted it, or
// with the pool's refusal message.
const pool = (tx, signer, nonce = -1) => new Promise((resolve) => {
  tx.signAndSend(signer, { nonce }, (result) => {
    if (result.status.isReady || result.status.isFuture || result.status.isInBlock) resolve('pooled');
    if (result.isError || result.status.isInvalid || result.status.isDropped) resolve(`refused: ${result.status.type}`);
  }).catch((e) => resolve(e.message));
});

test('a customer flooding remarks and max batches cannot keep the council pause out', async () => {
  const { api, accounts: { alice, bob, charlie } } = node;
  // Remarks are not free block space.
  assert.match(await pool(api.tx.system.remark('x'.repeat(100_000)), charlie), /Custom error: 16/);

  // The largest batch a customer may send: 64 legs.
  const maxLegs = api.consts.compliantAssets.maxBatchSize.toNumber();
  const legs = Array.from({ length: maxLegs }, () => [alice.address, 1]);
  const batch = () => api.tx.compliantAssets.batchTransfer(1, legs);
  const outcomes = [];
  let nonce = (await api.rpc.system.accountNextIndex(charlie.address)).toNumber();
  for (let i = 0; i < 40; i++) {
    const outcome = await pool(batch(), charlie, nonce++);
    outcomes.push(outcome);
    if (outcome !== 'pooled') break;
  }
  const accepted = outcomes.filter((o) => o === 'pooled').length;
  console.log(`${accepted} max batches of ${maxLegs} legs accepted, then: ${outcomes.at(-1)}`);
  assert.ok(accepted >= 1, 'a customer may still send a full batch');
  assert.match(outcomes.at(-1), /Custom error: 12/, `the budget stops the flood (${accepted} batches accepted)`);
  // What the budget let through weighs less than one block's room for
  // customer traffic: an independent reading of the declared weights.
  const info = await batch().paymentInfo(charlie);
  const normal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  assert.ok(BigInt(accepted) * info.weight.refTime.toBigInt() < normal, `${accepted} max batches fill a block`);

  // The council pauses the chain while the flood sits in the pool.
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const { blockHash } = await councilExecutes(node, api.tx.circuitBreaker.pauseGlobal('incident 42'), [alice, bob]);
  const included = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  assert.ok((await api.query.circuitBreaker.globalPauseState()).isSome, 'the chain is paused');
  // Two approvals, each in the block after its submission.
  assert.ok(included <= head + 4, `the pause took until block ${included} (submitted after ${head})`);
});
