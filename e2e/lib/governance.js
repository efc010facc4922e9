// Governance helpers: the council (a pallet-multisig account holding the
// GovernanceCouncil role) decides through its signers, and its proposals run
// as Root after the enactment delay.
import { submitInBlock, eventsOf, describe, DispatchFailure } from './node.js';

// Generous bound for the weight of what the council executes.
const MAX_WEIGHT = { refTime: 20_000_000_000n, proofSize: 2_000_000n };

// The committee holding `role` (a pallet-multisig account the identity
// registry keeps): its account, signers (sorted as pallet-multisig wants
// them) and threshold.
export async function committee(api, role) {
  const record = (await api.query.identityRegistry.roleCommittees(role)).unwrap();
  return {
    account: record.account.toString(),
    signers: record.signers.map((s) => s.toString()),
    threshold: record.threshold.toNumber(),
  };
}

export const council = (api) => committee(api, 'GovernanceCouncil');

// The committee of `role` executes `call`: the first of `signers` opens the
// multisig operation, the next ones approve; the last approval dispatches
// it. Rejects with "section.Name" when the call itself fails.
export async function committeeExecutes(node, role, call, signers) {
  const { api } = node;
  const { account, signers: all, threshold } = await committee(api, role);
  const others = (me) => all.filter((s) => s !== me.address);
  let result;
  for (const [i, signer] of signers.slice(0, threshold).entries()) {
    const timepoint = i === 0
      ? null
      : (await api.query.multisig.multisigs(account, call.method.hash)).unwrap().when;
    result = await submitInBlock(api, api.tx.multisig.asMulti(threshold, others(signer), timepoint, call, MAX_WEIGHT), signer);
  }
  const [executed] = eventsOf(api, result.events, 'multisig', 'MultisigExecuted');
  if (!executed) throw new Error('the multisig operation did not execute');
  const outcome = executed.data.result;
  if (outcome.isErr) throw new DispatchFailure(describe(api, outcome.asErr), result.events);
  return result;
}

// The governance council executes `call` (see `committeeExecutes`).
export const councilExecutes = (node, call, signers) => committeeExecutes(node, 'GovernanceCouncil', call, signers);

// Resolves with the first event `section.method` matching `predicate` in a
// block imported from now on, or rejects after `blocks` blocks.
export function waitForEvent(api, section, method, predicate, blocks) {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let unsub;
    api.rpc.chain.subscribeNewHeads(async (header) => {
      const at = await api.at(header.hash);
      const events = (await at.query.system.events()).map(({ event }) => event);
      const found = events.find((e) => e.section === section && e.method === method && predicate(e));
      if (found) {
        unsub && unsub();
        resolve({ event: found, blockNumber: header.number.toNumber() });
      } else if (++seen > blocks) {
        unsub && unsub();
        reject(new Error(`no ${section}.${method} within ${blocks} blocks`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

// Submits an unsigned extrinsic and resolves with the hash of the finalized
// block holding it, watching the raw transaction status. Not polkadot-js's
// submission result: for the block that swaps the runtime it decodes the
// events with the new runtime's metadata, and in CI it either failed
// ("Unable to decode storage system.events") or never came while the API
// reloaded metadata. The events: see `eventsOfUpgradeBlock`.
export function sendUnsignedFinalized(api, tx) {
  return new Promise((resolve, reject) => {
    let unsub;
    api.rpc.author.submitAndWatchExtrinsic(tx, (status) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub && unsub();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isFinalized) {
        unsub && unsub();
        resolve({ blockHash: status.asFinalized });
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

// The events of the block `blockHash` that swapped the runtime, decoded with
// the metadata of the runtime that wrote them: the one of its parent.
export async function eventsOfUpgradeBlock(api, blockHash, parentHash) {
  const before = await api.at(parentHash);
  const raw = await api.rpc.state.getStorage(before.query.system.events.key(), blockHash);
  const records = before.registry.createType('Vec<FrameSystemEventRecord>', raw.unwrap());
  return records.map(({ event }) => event);
}
