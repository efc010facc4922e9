// Root without sudo: the governance council's proposal upgrades the runtime
// (a new spec_version) after the enactment delay, on a running chain, with
// its state kept; a cancelled proposal never runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { startDevNode, eventsOf } from '../lib/node.js';
import { councilExecutes, waitForEvent, sendUnsignedFinalized, eventsOfUpgradeBlock } from '../lib/governance.js';

// Written by the runtime's build beside the real wasm: the same runtime
// announcing the next spec_version.
const UPGRADE_WASM = process.env.UPGRADE_WASM
  ?? join(dirname(process.env.NODE_BIN ?? '.'), 'wbuild', 'tokenize-runtime', 'tokenize_runtime_upgrade_test.compact.compressed.wasm');

let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

const delay = async (api) => (await api.query.governance.enactmentDelay()).toNumber();

// The council (Alice and Bob of Alice, Bob, Eve) proposes `call`; resolves
// with the proposal's id and enactment block.
async function propose(call) {
  const { api, accounts: { alice, bob } } = node;
  const { events } = await councilExecutes(node, api.tx.governance.propose(call), [alice, bob]);
  const [proposed] = eventsOf(api, events, 'governance', 'Proposed');
  assert.ok(proposed, 'Proposed event');
  return { id: proposed.data.id.toNumber(), enactAt: proposed.data.enactAt.toNumber() };
}

test('a cancelled proposal never runs', async () => {
  const { api, accounts: { alice, bob } } = node;
  const before = await delay(api);
  const { id, enactAt } = await propose(api.tx.governance.setEnactmentDelay(before + 2));
  const { events } = await councilExecutes(node, api.tx.governance.cancel(id), [bob, alice]);
  assert.equal(eventsOf(api, events, 'governance', 'Cancelled').length, 1);
  assert.ok((await api.query.governance.proposals(id)).isNone);
  // Well past the enactment block: nothing ran.
  await assert.rejects(
    waitForEvent(api, 'governance', 'Enacted', (e) => e.data.id.toNumber() === id, enactAt + 2 - (await api.query.system.number()).toNumber()),
    /no governance.Enacted/,
  );
  assert.equal(await delay(api), before);
});

test("the council's proposal upgrades the runtime after its delay, state kept, blocks go on", async () => {
  const { api, accounts: { alice, charlie } } = node;
  assert.ok(existsSync(UPGRADE_WASM), `upgrade wasm missing at ${UPGRADE_WASM}: run ./scripts/build.sh`);
  const code = readFileSync(UPGRADE_WASM);
  const versionBefore = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  const eurdBefore = (await api.query.assets.account(1, alice.address)).toJSON();
  const identityBefore = (await api.query.identityRegistry.identities(charlie.address)).toJSON();

  // Governance approves the code's hash, not the code.
  const { id, enactAt } = await propose(api.tx.system.authorizeUpgrade(blake2AsHex(code, 256)));
  assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'nothing is authorized before the delay');
  const { event, blockNumber } = await waitForEvent(api, 'governance', 'Enacted', (e) => e.data.id.toNumber() === id, 3 * (await delay(api)) + 5);
  assert.equal(blockNumber, enactAt, 'enacted exactly at the enactment block');
  assert.ok(event.data.result.isOk, `enactment failed: ${event.data.result.toString()}`);
  assert.ok((await api.query.system.authorizedUpgrade()).isSome);

  // Anyone may now upload the approved code, unsigned and free.
  const { blockHash } = await sendUnsignedFinalized(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)));
  // The block that applied it: the old runtime before, the new one after,
  // the runtime's own mark of a code change in its digest, and
  // `system.CodeUpdated` with the approved hash among its events.
  const upgradeBlock = await api.rpc.chain.getHeader(blockHash);
  assert.equal((await api.rpc.state.getRuntimeVersion(upgradeBlock.parentHash)).specVersion.toNumber(), versionBefore);
  assert.equal((await api.rpc.state.getRuntimeVersion(blockHash)).specVersion.toNumber(), versionBefore + 1);
  assert.ok(upgradeBlock.digest.logs.some((log) => log.isRuntimeEnvironmentUpdated), 'RuntimeEnvironmentUpdated in the digest');
  const [updated] = eventsOf(api, await eventsOfUpgradeBlock(api, blockHash, upgradeBlock.parentHash), 'system', 'CodeUpdated');
  // (`data[0]`: a field named `hash` is shadowed by polkadot-js's own Codec.hash.)
  assert.equal(updated?.data[0].toHex(), blake2AsHex(code, 256));
  assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'the authorization was used up');

  const versionAfter = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  assert.equal(versionAfter, versionBefore + 1);
  assert.deepEqual((await api.query.assets.account(1, alice.address)).toJSON(), eurdBefore);
  assert.deepEqual((await api.query.identityRegistry.identities(charlie.address)).toJSON(), identityBefore);
  // The chain goes on under the new runtime: blocks are authored and finalized.
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalized = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('finality stalled after the upgrade')), 60_000);
    api.rpc.chain.subscribeFinalizedHeads((h) => {
      if (h.number.toNumber() > head + 1) { clearTimeout(timer); resolve(h.number.toNumber()); }
    }).catch(reject);
  });
  assert.ok(finalized > head + 1);
  assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), versionBefore + 1);
});
