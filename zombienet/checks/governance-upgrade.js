// Root without sudo on the consortium: five of the seven council signers
// approve, through pallet-multisig, a proposal of
// system.authorizeUpgrade(hash of the upgrade-test wasm); after the test
// spec's enactment delay it runs as Root; the wasm is then applied unsigned.
// Returns 1 when the chain runs the next spec_version, 0 otherwise.
const { readFileSync } = require('fs');
const { Keyring } = require('@polkadot/keyring');
const { cryptoWaitReady, blake2AsHex } = require('@polkadot/util-crypto');
const { u8aToHex } = require('@polkadot/util');

const MAX_WEIGHT = { refTime: 20_000_000_000n, proofSize: 2_000_000n };

// Submits `tx` (signed by `signer`, or unsigned) and resolves with its
// events and block once it is in a block; rejects when it is invalid or
// fails.
function inBlock(api, tx, signer) {
  return new Promise((resolve, reject) => {
    const watch = (result) => {
      if (result.isError || result.status.isInvalid || result.status.isDropped) {
        reject(new Error(`transaction ${result.status.type}`));
      } else if (result.status.isInBlock) {
        if (result.dispatchError) reject(new Error(`dispatch error ${result.dispatchError.toString()}`));
        else resolve({ events: result.events.map(({ event }) => event), blockHash: result.status.asInBlock });
      }
    };
    (signer ? tx.signAndSend(signer, watch) : tx.send(watch)).catch(reject);
  });
}

// Submits the unsigned `tx` and resolves with the finalized block that
// includes it. It watches the raw transaction status, not polkadot-js's
// result: for the block that swaps the runtime that result waits on the
// events while the API reloads metadata, and in CI it never came.
function finalizedIn(api, tx) {
  return new Promise((resolve, reject) => {
    api.rpc.author.submitAndWatchExtrinsic(tx, (status) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`transaction ${status.type}`));
      else if (status.isFinalized) resolve(status.asFinalized);
    }).catch(reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The first event `section.method` matching `predicate` in blocks `from` to
// `to` of the best chain, waiting for each block to be imported.
async function findEvent(api, section, method, predicate, from, to) {
  for (let n = from; n <= to; n++) {
    while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await sleep(1000);
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    const found = (await at.query.system.events())
      .map(({ event }) => event)
      .find((e) => e.section === section && e.method === method && predicate(e));
    if (found) return found;
  }
  throw new Error(`no ${section}.${method} in blocks ${from}..${to}`);
}

async function run(nodeName, networkInfo) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  await cryptoWaitReady();
  try {
    const keyring = new Keyring({ type: 'sr25519' });
    const signers = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => keyring.addFromUri(`//${n}`));
    const code = readFileSync(process.env.UPGRADE_WASM);
    const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    const committee = (await api.query.identityRegistry.roleCommittees('GovernanceCouncil')).unwrap();
    const council = committee.account.toString();
    const all = committee.signers.map((s) => s.toString());
    const threshold = committee.threshold.toNumber();
    const call = api.tx.governance.propose(api.tx.system.authorizeUpgrade(blake2AsHex(code, 256)));

    let events;
    for (const [i, signer] of signers.slice(0, threshold).entries()) {
      const timepoint = i === 0 ? null : (await api.query.multisig.multisigs(council, call.method.hash)).unwrap().when;
      const others = all.filter((s) => s !== signer.address);
      ({ events } = await inBlock(api, api.tx.multisig.asMulti(threshold, others, timepoint, call, MAX_WEIGHT), signer));
    }
    const proposed = events.find((e) => e.section === 'governance' && e.method === 'Proposed');
    if (!proposed) throw new Error('the council did not propose');
    const id = proposed.data.id.toNumber();
    const delay = (await api.query.governance.enactmentDelay()).toNumber();
    console.log(`${nodeName}: proposal ${id} waits ${delay} blocks (until #${proposed.data.enactAt.toNumber()})`);
    if ((await api.query.system.authorizedUpgrade()).isSome) throw new Error('authorized before the delay');

    const enactAt = proposed.data.enactAt.toNumber();
    const enacted = await findEvent(api, 'governance', 'Enacted', (e) => e.data.id.toNumber() === id, enactAt, enactAt + 5);
    if (!enacted.data.result.isOk) throw new Error(`enactment failed: ${enacted.data.result.toString()}`);
    const blockHash = await finalizedIn(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)));
    const { parentHash } = await api.rpc.chain.getHeader(blockHash);
    const specAt = async (hash) => (await api.rpc.state.getRuntimeVersion(hash)).specVersion.toNumber();
    if (await specAt(parentHash) !== before) throw new Error('the upgrade block does not follow the old runtime');
    if (await specAt(blockHash) !== before + 1) throw new Error('the upgrade block does not carry the new runtime');
    const after = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    console.log(`${nodeName}: spec_version ${before} -> ${after}`);
    return after === before + 1 ? 1 : 0;
  } catch (e) {
    console.log(`${nodeName}: governance upgrade failed: ${e.message}`);
    return 0;
  } finally {
    await api.disconnect();
  }
}
module.exports = { run };
