// Permissioned transfers: a compliant transfer, then one refusal per rule,
// each with the same named reason from compliance_canTransfer and on chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, submitInBlock, eventsOf, describe, DispatchFailure } from '../lib/node.js';
import { sudo, rpc, canTransfer, balanceOf, permissionedAsset, assertRefused, NO_RULES, code } from '../lib/compliance.js';

const EURT = 100;
let node;
before(async () => {
  node = await startDevNode();
  const { alice, charlie } = node.accounts;
  await permissionedAsset(node, EURT, [[alice, 1_000_000], [charlie, 10_000]]);
});
after(async () => { await node?.stop(); });

const setRules = (rules) => sudo(node.api, node.api.tx.compliantAssets.setRules(EURT, { ...NO_RULES, ...rules }), node.accounts.alice);

test('a compliant transfer between verified holders moves the amount', async () => {
  const { api, accounts: { alice, charlie } } = node;
  assert.deepEqual(await canTransfer(node, EURT, alice.address, charlie.address, 2_500), { allowed: true, reason: null });
  const { events } = await submitInBlock(api, api.tx.compliantAssets.transfer(EURT, charlie.address, 2_500), alice);
  const [moved] = eventsOf(api, events, 'compliantAssets', 'Transferred');
  assert.equal(moved.data.amount.toBigInt(), 2_500n);
  assert.equal(await balanceOf(api, EURT, alice.address), 997_500n);
  assert.equal(await balanceOf(api, EURT, charlie.address), 12_500n);
  // Fees: none. Charlie's native balance is untouched by his own transfers.
  const nativeBefore = (await api.query.system.account(charlie.address)).data.free.toBigInt();
  await submitInBlock(api, api.tx.compliantAssets.transfer(EURT, alice.address, 500), charlie);
  assert.equal((await api.query.system.account(charlie.address)).data.free.toBigInt(), nativeBefore);
});

test('a custodian bank moves its customers\' holdings in one batch on their grants; a leg without one is refused by name', async () => {
  const { api, accounts: { alice, bob, charlie, eve } } = node;
  const leg = (from, to, amount) => ({ from: from.address, to: to.address, amount });
  const balances = () => Promise.all([alice, charlie].map((who) => balanceOf(api, EURT, who.address)));
  // Charlie banks with Bob: he authorises Bob's bank to move his EURT.
  const granted = await submitInBlock(api, api.tx.compliantAssets.authorizeOperator(EURT, bob.address), charlie);
  assert.equal(eventsOf(api, granted.events, 'compliantAssets', 'OperatorAuthorized').length, 1);
  const [aliceBefore, charlieBefore] = await balances();
  // One signature, two legs: Charlie's moves, Alice never authorised Bob.
  const { events } = await submitInBlock(
    api, api.tx.compliantAssets.operatorTransfer(EURT, [leg(charlie, alice, 300), leg(alice, charlie, 1)]), bob,
  );
  const [refused] = eventsOf(api, events, 'compliantAssets', 'OperatorTransferRefused');
  assert.equal(refused.data.index.toNumber(), 1);
  assert.equal(describe(api, refused.data.error), 'compliantAssets.NotAnOperator');
  const [summary] = eventsOf(api, events, 'compliantAssets', 'OperatorBatchExecuted');
  assert.deepEqual([summary.data.transferred.toNumber(), summary.data.refused.toNumber()], [1, 1]);
  assert.deepEqual(await balances(), [aliceBefore + 300n, charlieBefore - 300n]);
  // Revoked by Charlie: Bob's next leg of his moves nothing.
  await submitInBlock(api, api.tx.compliantAssets.revokeOperator(EURT, bob.address), charlie);
  const again = await submitInBlock(api, api.tx.compliantAssets.operatorTransfer(EURT, [leg(charlie, alice, 1)]), bob);
  const [refusedAgain] = eventsOf(api, again.events, 'compliantAssets', 'OperatorTransferRefused');
  assert.equal(describe(api, refusedAgain.data.error), 'compliantAssets.NotAnOperator');
  assert.deepEqual(await balances(), [aliceBefore + 300n, charlieBefore - 300n]);
  // Only a verified bank can be an operator (Eve is the compliance officer).
  await assert.rejects(
    submitInBlock(api, api.tx.compliantAssets.authorizeOperator(EURT, eve.address), charlie),
    (e) => e instanceof DispatchFailure && e.message === 'compliantAssets.OperatorNotAVerifiedBank',
  );
});

test('direct pallet-assets transfers of a permissioned asset are refused before the pool (code 16)', async () => {
  const { api, accounts: { alice, charlie } } = node;
  const before = await balanceOf(api, EURT, charlie.address);
  await assert.rejects(
    submitInBlock(api, api.tx.assets.transfer(EURT, charlie.address, 1), alice),
    (e) => /Custom error: 16/.test(e.message),
  );
  assert.equal(await balanceOf(api, EURT, charlie.address), before);
});

test('an unregistered receiver is refused: ReceiverNotRegistered', async () => {
  const { alice, dave } = node.accounts;
  await assertRefused(node, EURT, alice, dave, 100, 'ReceiverNotRegistered');
});

test('a sanctioned receiver and sender are refused by name', async () => {
  const { api, accounts: { alice, charlie, eve } } = node;
  // Eve holds the ComplianceOfficer role: she sanctions without sudo.
  await submitInBlock(api, api.tx.identityRegistry.sanctionAccount(charlie.address, null), eve);
  await assertRefused(node, EURT, alice, charlie, 100, 'ReceiverSanctioned');
  await submitInBlock(api, api.tx.identityRegistry.unsanctionAccount(charlie.address), eve);
  await submitInBlock(api, api.tx.identityRegistry.sanctionAccount(alice.address, null), eve);
  const check = await canTransfer(node, EURT, alice.address, charlie.address, 100);
  assert.deepEqual(check, { allowed: false, reason: 'CompliantAssets::SenderSanctioned' });
  await submitInBlock(api, api.tx.identityRegistry.unsanctionAccount(alice.address), eve);
});

test('each asset rule refuses with its own reason', async () => {
  const { alice, charlie, eve } = node.accounts;
  const now = Math.floor(Date.now() / 1000);
  const cases = [
    [{ minCategory: 'Professional' }, [alice, charlie, 100], 'ReceiverCategoryTooLow'],
    [{ allowedJurisdictions: [code('US')] }, [alice, charlie, 100], 'ReceiverJurisdictionNotAllowed'],
    [{ blockedJurisdictions: [code('DE')] }, [alice, charlie, 100], 'ReceiverJurisdictionBlockedForAsset'],
    [{ maxBalance: 12_500 }, [alice, charlie, 1_000], 'MaxBalanceExceeded'],
    [{ maxHolders: 2 }, [alice, eve, 100], 'MaxHoldersReached'],
    [{ lockupUntil: now + 3600 }, [alice, charlie, 100], 'LockedUp'],
  ];
  for (const [rules, [from, to, amount], reason] of cases) {
    await setRules(rules);
    await assertRefused(node, EURT, from, to, amount, reason);
  }
  await setRules({});
  await assertRefused(node, EURT, charlie, alice, 1_000_000, 'InsufficientSpendableBalance');
});

test('an unverified account cannot even enter the transaction pool', async () => {
  const { api, accounts: { ferdie, alice } } = node;
  // Ferdie has native funds but no identity: refused at validation with
  // custom code 10 (SIGNER_NOT_VERIFIED), so it can never spam blocks.
  const pending = (await api.rpc.author.pendingExtrinsics()).length;
  await assert.rejects(
    submitInBlock(api, api.tx.balances.transferKeepAlive(alice.address, 1), ferdie),
    (e) => /Custom error: 10/.test(e.message),
  );
  assert.equal((await api.rpc.author.pendingExtrinsics()).length, pending);
  assert.equal((await api.query.system.account(ferdie.address)).nonce.toNumber(), 0);
  // The verified Alice passes the same check.
  await submitInBlock(api, api.tx.balances.transferKeepAlive(ferdie.address, 1), alice);
});

test('identity, compliance and corridor RPC methods answer for middleware', async () => {
  const { charlie, dave } = node.accounts;
  const identity = await rpc(node, 'identity', [charlie.address]);
  assert.equal(identity.status, 'Verified');
  assert.equal(identity.category, 'Retail');
  assert.deepEqual(await rpc(node, 'checkCompliance', [charlie.address]), { compliant: true, failure: null });
  assert.deepEqual(await rpc(node, 'checkCompliance', [dave.address]), { compliant: false, failure: 'NotRegistered' });
  assert.equal(await rpc(node, 'identity', [dave.address]), null);
  assert.equal(await rpc(node, 'corridorStatus', ['FR', 'GB']), null);
  const corridor = await rpc(node, 'corridorStatus', ['DE', 'US']);
  assert.equal(corridor.usable, true);
  assert.deepEqual(corridor.corridor.params.settlementAssets, [2, 3, 1]);
  await assert.rejects(rpc(node, 'corridorStatus', ['de', 'US']), /ISO 3166-1 alpha-2/);
  const scope = await rpc(node, 'breakerScope', [EURT, charlie.address]);
  assert.deepEqual(scope, { assetPaused: false, addressFrozen: false });
});
