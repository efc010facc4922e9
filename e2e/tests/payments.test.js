// The cross-border payment rail on the dev chain: Two (a verified US
// customer of Bob's bank, CHASUS33XXX) pays Charlie (a German customer of
// Alice's bank, COBADEFFXXX) in USDC (asset 2). The amount is escrowed in
// Two's account, the pacs.008 hash is anchored under the txId (the
// message's EndToEndId) and checked by `tokenize-node iso20022 verify`; the
// settlement committee (2-of-3 of Alice, Bob and One on dev) releases, or
// the payment is challenged and refunded, or times out and anyone refunds
// it; a recipient sanctioned after the initiation receives nothing; the
// corridor's daily limit refuses the payment beyond it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevNode, submitInBlock, eventsOf, DispatchFailure, sudoOutcome } from '../lib/node.js';
import { committeeExecutes } from '../lib/governance.js';
import { balanceOf } from '../lib/compliance.js';
import { pay, iso20022, units } from '../tools/pay.js';

const USDC = 2;
let node;
let dir;
before(async () => {
  node = await startDevNode();
  dir = mkdtempSync(join(tmpdir(), 'tokenize-pacs008-'));
});
after(async () => {
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const refusedWith = (name) => (e) => e instanceof DispatchFailure && e.message === name;
const payments = (method, params) => node.provider.send(`payments_${method}`, params);
const nodeBin = () => process.env.NODE_BIN;
let files = 0;

// Two pays Charlie `amount` USDC (a decimal string) and anchors its pacs.008.
function twoPaysCharlie(amount) {
  const { api, accounts: { two, charlie } } = node;
  return pay(api, {
    nodeBin: nodeBin(), sender: two, recipient: charlie.address, asset: USDC, amount, out: join(dir, `pacs008-${++files}.xml`),
  });
}

// The settlement committee (Alice and Bob of its three signers) executes `call`.
function committee(call) {
  const { accounts: { alice, bob } } = node;
  return committeeExecutes(node, 'SettlementCommittee', call, [alice, bob]);
}

async function sudo(call) {
  const { api, accounts: { alice } } = node;
  const { events } = await submitInBlock(api, api.tx.sudo.sudo(call), alice);
  assert.equal(sudoOutcome(api, events), 'ok');
}

async function escrowed(who) {
  return (await node.api.query.payments.escrowed(USDC, who)).toBigInt();
}

async function waitForBlock(number) {
  while ((await node.api.rpc.chain.getHeader()).number.toNumber() < number) await new Promise((r) => setTimeout(r, 500));
}

test('Two pays Charlie 1,000 USDC: escrow, anchored pacs.008, committee release, verified by the receiving bank', async () => {
  const { api, accounts: { two, charlie } } = node;
  const [twoBefore, charlieBefore] = [await balanceOf(api, USDC, two.address), await balanceOf(api, USDC, charlie.address)];
  const paid = await twoPaysCharlie('1000.00');
  assert.equal(paid.units, 1_000_000_000n);
  // Escrowed in Two's own account: the balance stays, the spendable part drops.
  assert.equal(await escrowed(two.address), 1_000_000_000n);
  const view = await node.provider.send('compliance_spendableBalance', [USDC, two.address]);
  assert.equal(BigInt(view.balance), twoBefore);
  assert.equal(BigInt(view.escrowed), 1_000_000_000n);
  const payment = await payments('payment', [paid.txId]);
  assert.deepEqual(
    [payment.txId, payment.amount, payment.currency, payment.decimals, payment.source, payment.destination, payment.status],
    [paid.txId, '1000000000', 'USD', 6, 'US', 'DE', 'Initiated'],
  );
  assert.deepEqual([payment.senderBic, payment.recipientBic, payment.dataHash], ['CHASUS33XXX', 'COBADEFFXXX', paid.hash]);
  assert.equal(await payments('verifyData', [paid.txId, paid.hash]), 'Match');
  assert.equal(await payments('verifyData', [`0x${paid.txId}`, `0x${'00'.repeat(32)}`]), 'Mismatch');
  // The hash is anchored once, never overwritten.
  await assert.rejects(
    submitInBlock(api, api.tx.payments.storePaymentDataHash(`0x${paid.txId}`, `0x${'11'.repeat(32)}`, null), two),
    refusedWith('payments.DataHashAlreadyStored'),
  );

  // The receiving bank checks the XML it got over SWIFT: one command.
  const verified = iso20022(nodeBin(), ['verify', paid.file, '--tx', paid.txId, '--url', node.endpoint]);
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /verified: the file is the message anchored under/);

  const { events } = await committee(api.tx.payments.confirmSettlements([`0x${paid.txId}`]));
  assert.equal(eventsOf(api, events, 'payments', 'PaymentReleased').length, 1);
  assert.equal(await balanceOf(api, USDC, two.address), twoBefore - 1_000_000_000n);
  assert.equal(await balanceOf(api, USDC, charlie.address), charlieBefore + 1_000_000_000n);
  assert.equal(await escrowed(two.address), 0n);
  assert.equal((await payments('payment', [paid.txId])).status, 'Released');
  // Released once: a second release is refused by name.
  await assert.rejects(committee(api.tx.payments.confirmSettlements([`0x${paid.txId}`])), refusedWith('payments.PaymentSettled'));
});

test('a tampered pacs.008 fails verification, each difference named', async () => {
  const paid = await twoPaysCharlie('25.00');
  const original = readFileSync(paid.file, 'utf8');
  const tampered = (name, from, to) => {
    const file = join(dir, `tampered-${name}.xml`);
    writeFileSync(file, original.replace(from, to));
    return iso20022(nodeBin(), ['verify', file, '--tx', paid.txId, '--url', node.endpoint]);
  };
  const amount = tampered('amount', '>25.00<', '>25.01<');
  assert.notEqual(amount.status, 0);
  assert.match(amount.stderr, /2 mismatch\(es\): DataHash, Amount/);
  const bic = tampered('bic', '<BICFI>COBADEFFXXX</BICFI>', '<BICFI>DEUTDEFFXXX</BICFI>');
  assert.match(bic.stderr, /2 mismatch\(es\): DataHash, CreditorAgentBic/);
  // Re-serialised (CRLF, attribute order, comments) it still verifies.
  const crlf = tampered('crlf', /\n/g, '\r\n');
  assert.equal(crlf.status, 0, crlf.stderr);
  // Malformed XML and an unknown payment: one line each, never a panic.
  const malformed = tampered('malformed', '</Document>', '');
  assert.notEqual(malformed.status, 0);
  assert.match(malformed.stderr, /malformed XML/);
  assert.doesNotMatch(malformed.stderr, /panicked/);
  const unknown = iso20022(nodeBin(), ['verify', paid.file, '--tx', 'ff'.repeat(16), '--url', node.endpoint]);
  assert.match(unknown.stderr, /no payment ffff/);
  await assert.rejects(payments('payment', ['0x1234']), /is not a txId/);
  const { api } = node;
  await committee(api.tx.payments.cancelPayment(`0x${paid.txId}`));
});

test('a challenge by the recipient bank stops the release until the committee refunds', async () => {
  const { api, accounts: { two, alice, charlie } } = node;
  const before = await balanceOf(api, USDC, two.address);
  const paid = await twoPaysCharlie('10.00');
  const tx = `0x${paid.txId}`;
  // Charlie objects to its own payment? Only banks of either side and the officer may.
  await assert.rejects(
    submitInBlock(api, api.tx.payments.challenge(tx, `0x${'aa'.repeat(32)}`), charlie),
    refusedWith('payments.NotEntitledToChallenge'),
  );
  // Alice's bank is Charlie's bank (COBADEFFXXX).
  await submitInBlock(api, api.tx.payments.challenge(tx, `0x${'aa'.repeat(32)}`), alice);
  const withheld = await committee(api.tx.payments.confirmSettlements([tx]));
  const [event] = eventsOf(api, withheld.events, 'payments', 'SettlementWithheld');
  assert.ok(event.data.reason.isChallenged);
  await committee(api.tx.payments.resolveChallenge(tx, 'Refund'));
  const payment = await payments('payment', [paid.txId]);
  assert.deepEqual([payment.status, payment.refundReason], ['Refunded', 'ChallengeUpheld']);
  assert.equal(await balanceOf(api, USDC, two.address), before);
  assert.equal(await escrowed(two.address), 0n);
});

test('after the timeout anyone refunds an unreleased payment, and nobody before', async () => {
  const { api, accounts: { charlie, two } } = node;
  await sudo(api.tx.payments.setRailSettings({ challengeWindow: 2, paymentTimeout: 4 }));
  try {
    const paid = await twoPaysCharlie('10.00');
    const { expiresAt } = await payments('payment', [paid.txId]);
    const refund = () => submitInBlock(api, api.tx.payments.refundExpired(`0x${paid.txId}`), charlie);
    await assert.rejects(refund(), refusedWith('payments.NotExpired'));
    await waitForBlock(expiresAt);
    const { events } = await refund();
    const [refunded] = eventsOf(api, events, 'payments', 'PaymentRefunded');
    assert.equal(refunded.data.reason.toString(), 'TimedOut');
    assert.equal(await escrowed(two.address), 0n);
    await assert.rejects(refund(), refusedWith('payments.PaymentSettled'));
  } finally {
    await sudo(api.tx.payments.setRailSettings(null));
  }
});

test('a recipient sanctioned after the initiation receives nothing', async () => {
  const { api, accounts: { eve, charlie } } = node;
  const charlieBefore = await balanceOf(api, USDC, charlie.address);
  const paid = await twoPaysCharlie('10.00');
  const tx = `0x${paid.txId}`;
  await submitInBlock(api, api.tx.identityRegistry.sanctionAccount(charlie.address, null), eve);
  try {
    const { events } = await committee(api.tx.payments.confirmSettlements([tx]));
    const [event] = eventsOf(api, events, 'payments', 'SettlementWithheld');
    const reason = event.data.reason.asRefused;
    const { section, name } = api.registry.findMetaError(reason.asModule);
    assert.equal(`${section}.${name}`, 'compliantAssets.ReceiverSanctioned');
    assert.equal((await payments('payment', [paid.txId])).status, 'Initiated');
    assert.equal(await balanceOf(api, USDC, charlie.address), charlieBefore);
  } finally {
    await submitInBlock(api, api.tx.identityRegistry.unsanctionAccount(charlie.address), eve);
  }
  await committee(api.tx.payments.cancelPayment(tx));
});

test("the corridor's daily limit refuses the payment beyond it", async () => {
  const { api, accounts: { two, charlie } } = node;
  const status = await node.provider.send('compliance_corridorStatus', ['US', 'DE']);
  const { params } = status.corridor;
  const limit = (BigInt(status.usedToday) + units('100.00', 6)).toString();
  await sudo(api.tx.corridor.updateCorridor('US', 'DE', {
    minAmount: params.minAmount, maxAmount: limit, dailyLimit: limit, settlementAssets: params.settlementAssets,
  }));
  try {
    await twoPaysCharlie('100.00');
    await assert.rejects(
      submitInBlock(api, api.tx.payments.initiatePayment(USDC, charlie.address, units('1.00', 6), null, null), two),
      refusedWith('corridor.DailyLimitExceeded'),
    );
  } finally {
    await sudo(api.tx.corridor.updateCorridor('US', 'DE', {
      minAmount: params.minAmount, maxAmount: params.maxAmount, dailyLimit: params.dailyLimit,
      settlementAssets: params.settlementAssets,
    }));
  }
});

test("PvP: Two pays Charlie in EURC at Alice's signed USD→EUR quote; expired, replayed, foreign and beyond-slippage quotes refused", async () => {
  const { api, accounts: { two, charlie, alice } } = node;
  const EURC = 3;
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  const quoteType = api.tx.payments.payWithFx.meta.args[0].type.toString();
  // 0.92 EURC per USDC (both 6 decimals): 18-decimal fixed point.
  const quote = (id, overrides = {}) => ({
    quoteId: `0x${id.repeat(32)}`, lp: alice.address, sourceAsset: USDC, targetAsset: EURC,
    rate: 920_000_000_000_000_000n, maxSourceAmount: units('10000.00', 6), expiresAt: now + 40,
    genesisHash: api.genesisHash.toHex(), ...overrides,
  });
  const sign = (q) => ({ Sr25519: alice.sign(api.createType(quoteType, q).toU8a()) });
  const payFx = (q, amount, minOut) =>
    submitInBlock(api, api.tx.payments.payWithFx(q, sign(q), charlie.address, amount, minOut, now + 40), two);
  const [twoUsd, aliceUsd, aliceEur, charlieEur] = await Promise.all([
    balanceOf(api, USDC, two.address), balanceOf(api, USDC, alice.address),
    balanceOf(api, EURC, alice.address), balanceOf(api, EURC, charlie.address),
  ]);
  const { events } = await payFx(quote('01'), units('100.00', 6), units('92.00', 6));
  const [settled] = eventsOf(api, events, 'payments', 'FxPaymentSettled');
  assert.equal(settled.data.targetAmount.toBigInt(), units('92.00', 6));
  // Both legs in the same block: USDC to the provider, EURC to Charlie.
  assert.equal(await balanceOf(api, USDC, two.address), twoUsd - units('100.00', 6));
  assert.equal(await balanceOf(api, USDC, alice.address), aliceUsd + units('100.00', 6));
  assert.equal(await balanceOf(api, EURC, alice.address), aliceEur - units('92.00', 6));
  assert.equal(await balanceOf(api, EURC, charlie.address), charlieEur + units('92.00', 6));
  await assert.rejects(payFx(quote('01'), units('100.00', 6), 0), refusedWith('payments.QuoteUsed'));
  await assert.rejects(payFx(quote('02', { expiresAt: now - 1 }), units('100.00', 6), 0), refusedWith('payments.QuoteExpired'));
  await assert.rejects(payFx(quote('03'), units('100.00', 6), units('92.01', 6)), refusedWith('payments.Slippage'));
  await assert.rejects(
    payFx(quote('04', { genesisHash: `0x${'42'.repeat(32)}` }), units('100.00', 6), 0), refusedWith('payments.WrongChain'),
  );
  assert.equal(await balanceOf(api, EURC, charlie.address), charlieEur + units('92.00', 6));
});
