// Helpers for the compliance-layer e2e tests: sudo (root acts for the
// governance roles on the dev chain), the compliance_* RPC methods and a
// permissioned asset set up the way governance would. Set-up steps wait for
// inclusion, not finality: no test here checks finality through them.
import assert from 'node:assert/strict';
import { submitInBlock, sudoOutcome, DispatchFailure } from './node.js';

export const code = (s) => Array.from(Buffer.from(s));
export const NO_RULES = Object.freeze({
  maxHolders: null, maxBalance: null, allowedJurisdictions: [], blockedJurisdictions: [],
  minCategory: null, lockupUntil: null,
});
// Agent role bits of compliant-assets.
export const AGENT = { Supply: 1, Freeze: 2, ForcedTransfer: 4, Recovery: 8 };

// Root dispatch through sudo; fails the test unless the inner call succeeded.
export async function sudo(api, call, alice) {
  const result = await submitInBlock(api, api.tx.sudo.sudo(call), alice);
  assert.equal(sudoOutcome(api, result.events), 'ok');
  return result;
}

// A compliance_* RPC method of the node, by name, over the test's connection.
export const rpc = (node, method, params) => node.provider.send(`compliance_${method}`, params);

export async function canTransfer(node, asset, from, to, amount) {
  return rpc(node, 'canTransfer', [asset, from, to, amount]);
}

export async function balanceOf(api, asset, who) {
  const account = await api.query.assets.account(asset, who);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
}

// Creates permissioned asset `id` with `rules`, appoints Bob as supply and
// freeze agent and Alice as forced-transfer and recovery agent (the freeze
// and forced-transfer roles must be different accounts), then mints.
export async function permissionedAsset(node, id, mints, rules = NO_RULES) {
  const { api, accounts: { alice, bob } } = node;
  await sudo(api, api.tx.compliantAssets.createAsset(id, 'Tokenized EUR', 'EURT', 2, rules), alice);
  await sudo(api, api.tx.compliantAssets.addAgent(id, bob.address, AGENT.Supply | AGENT.Freeze), alice);
  await sudo(api, api.tx.compliantAssets.addAgent(id, alice.address, AGENT.ForcedTransfer | AGENT.Recovery), alice);
  for (const [who, amount] of mints) {
    await submitInBlock(api, api.tx.compliantAssets.mint(id, who.address, amount), bob);
  }
}

// The transfer fails with `name` both in the pre-check and on chain, and
// moves nothing.
export async function assertRefused(node, asset, from, to, amount, name) {
  const { api } = node;
  const check = await canTransfer(node, asset, from.address, to.address, amount);
  assert.deepEqual(check, { allowed: false, reason: `CompliantAssets::${name}` });
  const before = [await balanceOf(api, asset, from.address), await balanceOf(api, asset, to.address)];
  await assert.rejects(
    submitInBlock(api, api.tx.compliantAssets.transfer(asset, to.address, amount), from),
    (e) => e instanceof DispatchFailure && e.message === `compliantAssets.${name}`,
  );
  assert.deepEqual([await balanceOf(api, asset, from.address), await balanceOf(api, asset, to.address)], before);
}
