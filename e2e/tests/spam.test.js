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

// Charlie's batch extrinsics included in block `n`: how many, and the
// weight the block charged them (from its own events, less the extrinsic
// base, which no budget counts).
async function charliesBatchesIn(api, n, charlie) {
  const hash = await api.rpc.chain.getBlockHash(n);
  const [block, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
  const batches = new Set();
  block.block.extrinsics.forEach((x, i) => {
    if (x.isSigned && x.signer.toString() === charlie.address
      && x.method.section === 'compliantAssets' && x.method.method === 'batchTransfer') batches.add(i);
  });
  const base = api.consts.system.blockWeights.perClass.normal.baseExtrinsic.refTime.toBigInt();
  let charged = 0n;
  for (const { phase, event } of events) {
    const applied = api.events.system.ExtrinsicSuccess.is(event) || api.events.system.ExtrinsicFailed.is(event);
    if (applied && phase.isApplyExtrinsic && batches.has(phase.asApplyExtrinsic.toNumber())) {
      charged += event.data.dispatchInfo.weight.refTime.toBigInt() - base;
    }
  }
  return { count: batches.size, charged };
}

test('a customer flooding remarks and max batches cannot keep the council pause out', async () => {
  const { api, accounts: { alice, bob, charlie } } = node;
  // Remarks are not free block space.
  assert.match(await pool(api.tx.system.remark('x'.repeat(100_000)), charlie), /Custom error: 16/);

  // The largest batch a customer may send: 64 legs. Charlie fills every
  // slot of the pool he may hold (64 nonces ahead) as fast as he can.
  const maxLegs = api.consts.compliantAssets.maxBatchSize.toNumber();
  const legs = Array.from({ length: maxLegs }, () => [alice.address, 1]);
  const batch = () => api.tx.compliantAssets.batchTransfer(1, legs);
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  let nonce = (await api.rpc.system.accountNextIndex(charlie.address)).toNumber();
  const outcomes = [];
  for (let i = 0; i < 64; i++) outcomes.push(await pool(batch(), charlie, nonce++));
  const pooled = outcomes.filter((o) => o === 'pooled').length;

  // The council pauses the chain while the flood sits in the pool.
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const { blockHash } = await councilExecutes(node, api.tx.circuitBreaker.pauseGlobal('incident 42'), [alice, bob]);
  const included = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  assert.ok((await api.query.circuitBreaker.globalPauseState()).isSome, 'the chain is paused');
  // Two approvals, each in the block after its submission.
  assert.ok(included <= head + 4, `the pause took until block ${included} (submitted after ${head})`);

  // What reached blocks is bounded by Charlie's budget, whatever the pool
  // took: a window admits a batch only while what its earlier ones were
  // charged plus this one's declared weight fits, and keeps what the block
  // charged it. The blocks' events are the independent reading.
  const weight = (await batch().paymentInfo(charlie)).weight.refTime.toBigInt();
  const budget = api.consts.identityRegistry.customerBudget.refTime.toBigInt();
  const normal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  const last = (await api.rpc.chain.getHeader()).number.toNumber();
  let total = 0;
  let charged = 0n;
  for (let n = start + 1; n <= last; n++) {
    const inBlock = await charliesBatchesIn(api, n, charlie);
    assert.ok(BigInt(inBlock.count) * weight < normal, `Charlie's ${inBlock.count} batches fill block ${n}`);
    total += inBlock.count;
    charged += inBlock.charged;
  }
  console.log(`${pooled} of 64 max batches entered the pool, ${total} reached blocks ${start + 1}..${last}`);
  assert.ok(total >= 1, 'a customer may still send a full batch');
  // Blocks start..last lie within at most two budget windows (10 blocks each).
  assert.ok(charged <= 2n * budget, `${total} batches were charged ${charged}, over two windows' budget`);
  assert.ok(2n * budget < normal, 'two windows of a customer budget fit in one block');
});
