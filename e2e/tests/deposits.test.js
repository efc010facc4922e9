// EUR deposits on the dev chain (EURD, asset 1: Alice's bank issues it, One is
// its depositary): a SEPA credit becomes provisional tokens that nothing
// moves until they clear; a reversal burns them; a retried reference mints
// nothing; minting stops above the attested fiat, on a stale attestation and
// under the depositary's pause (which only the depositary lifts);
// redemptions are paid or re-issued once; and the proof-of-reserve tool
// rebuilds the attested root and proves a real holder's balance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { keccakAsHex } from '@polkadot/util-crypto';
import { startDevNode, submitInBlock, eventsOf, DispatchFailure, sudoOutcome } from '../lib/node.js';
import { balanceOf, assertRefused, NO_RULES, rpc } from '../lib/compliance.js';
import { audit } from '../tools/reserve-proof.js';

const EURD = 1;
let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

const ref = (label) => keccakAsHex(`E2E-SEPA-${label}`);
const deposits = (method, params) => node.provider.send(`deposits_${method}`, params);
const refusedWith = (name) => (e) => e instanceof DispatchFailure && e.message === name;

async function supply(asset = EURD) {
  return (await node.api.query.assets.asset(asset)).unwrap().supply.toBigInt();
}

function record(asset, receiver, amount, label) {
  const { api, accounts: { alice } } = node;
  return submitInBlock(api, api.tx.mintEscrow.recordDeposit(asset, receiver.address, amount, ref(label)), alice);
}

async function bestBlock() {
  const header = await node.api.rpc.chain.getHeader();
  return { number: header.number.toNumber(), hash: header.hash.toHex() };
}

async function waitForBlock(number) {
  while ((await bestBlock()).number < number) await new Promise((r) => setTimeout(r, 500));
}

test('the genesis deposit token is backed by a fresh attestation', async () => {
  const status = await deposits('backingStatus', [EURD]);
  assert.equal(status.supply, 151_000_000);
  assert.equal(status.attestedFiat, 200_000_000);
  assert.equal(status.headroom, 49_000_000);
  assert.equal(status.uncleared, 0);
  assert.equal(status.outstandingRedemptions, 0);
  assert.equal(status.stale, false);
  assert.equal(status.paused, false);
  assert.equal(await deposits('backingStatus', [999]), null);
});

test('a deposit is provisional until it clears, then moves', async () => {
  const { api, accounts: { bob, charlie } } = node;
  const { events } = await record(EURD, charlie, 5_000, 'clears');
  assert.equal(eventsOf(api, events, 'mintEscrow', 'DepositRecorded').length, 1);
  const view = await rpc(node, 'spendableBalance', [EURD, charlie.address]);
  assert.deepEqual([view.balance, view.spendable, view.uncleared], [1_005_000, 1_000_000, 5_000]);
  // The provisional 5 000 cannot leave, by name, in the pre-check and on chain.
  await assertRefused(node, EURD, charlie, bob, 1_000_001, 'UnclearedDeposit');
  assert.equal((await deposits('deposit', [ref('clears')])).status, 'Pending');

  await submitInBlock(api, api.tx.mintEscrow.confirmClearing(ref('clears')), node.accounts.alice);
  assert.equal((await deposits('deposit', [ref('clears')])).status, 'Cleared');
  await submitInBlock(api, api.tx.compliantAssets.transfer(EURD, bob.address, 1_005_000), charlie);
  assert.equal(await balanceOf(api, EURD, charlie.address), 0n);
});

test('a retried reference mints nothing; a reversal burns exactly the provisional amount', async () => {
  const { api, accounts: { alice, charlie } } = node;
  const before = await supply();
  await assert.rejects(record(EURD, charlie, 5_000, 'clears'), refusedWith('mintEscrow.DepositReferenceUsed'));
  assert.equal(await supply(), before);

  await record(EURD, charlie, 700, 'recalled');
  assert.equal(await supply(), before + 700n);
  const { events } = await submitInBlock(api, api.tx.mintEscrow.reverseDeposit(ref('recalled'), 'Recalled'), alice);
  const [reversed] = eventsOf(api, events, 'mintEscrow', 'DepositReversed');
  assert.equal(reversed.data.amount.toNumber(), 700);
  assert.equal(await supply(), before);
  assert.equal(await balanceOf(api, EURD, charlie.address), 0n);
  await assert.rejects(
    submitInBlock(api, api.tx.mintEscrow.confirmClearing(ref('recalled')), alice),
    refusedWith('mintEscrow.DepositNotPending'),
  );
});

test('minting stops above the attested fiat and under the depositary pause, which only the depositary lifts', async () => {
  const { api, accounts: { alice, charlie, one } } = node;
  // No redemption is open and nothing was paid out yet: the room left is the
  // attested fiat less the supply pallet-assets reports.
  const { attestedFiat, headroom } = await deposits('backingStatus', [EURD]);
  const room = BigInt(attestedFiat) - (await supply());
  assert.equal(BigInt(headroom), room);
  await assert.rejects(record(EURD, charlie, room + 1n, 'too-much'), refusedWith('mintEscrow.InsufficientBacking'));

  await submitInBlock(api, api.tx.mintEscrow.depositaryPause(EURD), one);
  assert.equal((await deposits('backingStatus', [EURD])).paused, true);
  await assert.rejects(record(EURD, charlie, 1, 'paused'), refusedWith('mintEscrow.PausedByDepositary'));
  // Neither the issuer nor root (the dev chain's governance) lifts it.
  await assert.rejects(
    submitInBlock(api, api.tx.mintEscrow.depositaryResume(EURD), alice),
    refusedWith('mintEscrow.NotDepositary'),
  );
  const { events } = await submitInBlock(api, api.tx.sudo.sudo(api.tx.mintEscrow.depositaryResume(EURD)), alice);
  assert.equal(sudoOutcome(api, events), 'BadOrigin');
  await submitInBlock(api, api.tx.mintEscrow.depositaryResume(EURD), one);
  await record(EURD, charlie, 1_000, 'after-pause');
  await submitInBlock(api, api.tx.mintEscrow.confirmClearing(ref('after-pause')), alice);
});

test('a stale attestation stops minting; overdue deposits are listed, not burnt', async () => {
  const { api, accounts: { alice, charlie, one } } = node;
  // A second deposit token with a 5-block attestation age and a 2-block
  // clearing window, made the way governance would (root on the dev chain).
  const TOKEN = 300;
  const token = {
    issuer: alice.address, depositary: one.address, reserveAccount: keccakAsHex('reserve-300'),
    clearingWindow: 2, maxAttestationAge: 5, minRedemption: 1,
  };
  const create = api.tx.compliantAssets.createAsset(TOKEN, 'Short EUR', 'SEUR', 2, NO_RULES);
  const made = await submitInBlock(api, api.tx.sudo.sudo(create), alice);
  assert.equal(sudoOutcome(api, made.events), 'ok');
  const set = await submitInBlock(api, api.tx.sudo.sudo(api.tx.mintEscrow.setDepositToken(TOKEN, token)), alice);
  assert.equal(sudoOutcome(api, set.events), 'ok');
  const attest = async () => {
    const { number } = await bestBlock();
    const call = api.tx.mintEscrow.attestBacking(TOKEN, 1_000_000, await supply(TOKEN), ref('root'), ref('report'), number);
    return submitInBlock(api, call, one);
  };
  await attest();
  const { blockHash } = await record(TOKEN, charlie, 100, 'short-1');
  const recordedAt = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

  await waitForBlock(recordedAt + 6);
  assert.equal((await deposits('backingStatus', [TOKEN])).stale, true);
  await assert.rejects(record(TOKEN, charlie, 100, 'short-2'), refusedWith('mintEscrow.AttestationStale'));
  const overdue = await deposits('overdueDeposits', [TOKEN]);
  assert.deepEqual(overdue.map(([r, d]) => [r, d.amount, d.status]), [[ref('short-1'), 100, 'Pending']]);
  assert.equal(await balanceOf(api, TOKEN, charlie.address), 100n);

  await attest();
  await record(TOKEN, charlie, 100, 'short-2');
});

test('a redemption is paid once; a failed payout is issued back once', async () => {
  const { api, accounts: { alice, bob } } = node;
  const payee = keccakAsHex('DE02120300000000202051');
  const redeem = async (amount) => {
    const { events } = await submitInBlock(api, api.tx.mintEscrow.redeem(EURD, amount, payee), bob);
    return eventsOf(api, events, 'mintEscrow', 'RedemptionRequested')[0].data.id.toNumber();
  };
  const before = await balanceOf(api, EURD, bob.address);
  const paid = await redeem(10_000);
  assert.equal(await balanceOf(api, EURD, bob.address), before - 10_000n);
  assert.equal((await deposits('backingStatus', [EURD])).outstandingRedemptions, 10_000);
  await submitInBlock(api, api.tx.mintEscrow.confirmPayout(paid, keccakAsHex('SEPA-OUT-1')), alice);
  assert.equal((await deposits('redemption', [paid])).status, 'Paid');
  const afterPayout = await deposits('backingStatus', [EURD]);
  assert.deepEqual([afterPayout.outstandingRedemptions, afterPayout.paidSinceAttestation], [0, 10_000]);
  await assert.rejects(
    submitInBlock(api, api.tx.mintEscrow.failPayout(paid, 'AccountClosed'), alice),
    refusedWith('mintEscrow.RedemptionSettled'),
  );

  const failed = await redeem(5_000);
  await submitInBlock(api, api.tx.mintEscrow.failPayout(failed, 'AccountClosed'), alice);
  const redemption = await deposits('redemption', [failed]);
  assert.deepEqual([redemption.status, redemption.failure], ['Failed', 'AccountClosed']);
  assert.equal(await balanceOf(api, EURD, bob.address), before - 10_000n);
});

test('the reserve tool reproduces the attested root; a real holder proves its balance, a changed one does not', async () => {
  const { api, provider, accounts: { bob, one } } = node;
  const { number, hash } = await bestBlock();
  const tree = await deposits('liabilityTree', [EURD, hash]);
  assert.equal(BigInt(tree.total), await supply());
  const { events } = await submitInBlock(
    api, api.tx.mintEscrow.attestBacking(EURD, 200_000_000, tree.total, tree.root, keccakAsHex('report'), number), one,
  );
  const [attested] = eventsOf(api, events, 'mintEscrow', 'BackingAttested');
  assert.equal(attested.data.attestation.supplyCheck.toString(), 'Matches');

  const report = await audit(api, provider, EURD, undefined, bob.address);
  assert.equal(report.matches, true);
  assert.equal(report.root, tree.root);
  assert.equal(report.verifies, true);
  assert.equal(BigInt(report.proof.balance), await balanceOf(api, EURD, bob.address));
  const forged = { ...report.proof, balance: report.proof.balance + 1 };
  assert.equal(await deposits('verifyLiability', [EURD, forged]), false);
});
