// The funds on the dev chain. The NAV oracle first: the three feeders
// (//NavFeeder1..3) agree on the money-market fund's NAV (feed 1) by median,
// the depositary (One) signs it off; a median beyond the 5 % limit is held
// until the compliance-depositary committee (sudo on dev) approves it; a
// late or foreign submission is refused by name. Then the funds, in order on
// one node whose clock the tests move forward (dev_advanceClock): Charlie
// (retail) subscribes TMMF with EURD; below-minimum and unacknowledged-KID
// TMF subscriptions are refused by name; the TMMF -> TMF switch of 100
// shares gives 95.238095; a TMF redemption is refused before T+2 and paid at
// the first NAV struck after it; 48 h without a NAV freeze dealing (shown in
// the breaker status) until a fresh NAV; a gate splits Bob's large TMMF
// redemption over two days; the daily TMMF distribution reaches a holder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, submitInBlock, eventsOf, DispatchFailure, sudoOutcome } from '../lib/node.js';
import { rpc } from '../lib/compliance.js';
import { devOracleKeys, fixed, decimal, submitRound, strikeNav, chainTime } from '../tools/nav.js';

const TMMF_NAV = 1;
const TMF_NAV = 2;
let node;
let oracle;
before(async () => {
  node = await startDevNode();
  oracle = devOracleKeys();
});
after(async () => {
  await node?.stop();
});

const refusedWith = (name) => (e) => e instanceof DispatchFailure && e.message === name;

async function sudo(call) {
  const { api, accounts: { alice } } = node;
  const { events } = await submitInBlock(api, api.tx.sudo.sudo(call), alice);
  assert.equal(sudoOutcome(api, events), 'ok');
  return events;
}

async function latest(feed) {
  const value = await node.api.query.navOracle.latest(feed);
  return value.isSome ? value.unwrap() : null;
}

test('three submitters agree on a NAV by median; the depositary signs it off', async () => {
  const { api } = node;
  const events = await submitRound(api, TMMF_NAV, ['1.0001', '0.9999', '1.0000'], oracle.feeders);
  const closed = eventsOf(api, events, 'navOracle', 'RoundClosed')[0];
  assert.ok(closed, 'the third submission closes the round');
  assert.equal(closed.data.submissions.toNumber(), 3);
  // The median is one submitter's observation, value and time together.
  assert.equal(decimal(closed.data.median.value, 4), '1.0000');
  assert.equal(await latest(TMMF_NAV), null, 'a fund NAV waits for the depositary');
  const waiting = (await api.query.navOracle.awaitingSignOff(TMMF_NAV)).unwrap();
  assert.equal(waiting.point.observedAt.toBigInt(), closed.data.median.observedAt.toBigInt());

  // Only a depositary signs off, and only the value it was shown.
  await assert.rejects(submitInBlock(api, api.tx.navOracle.signOff(TMMF_NAV, fixed('1.0000')), node.accounts.charlie), refusedWith('BadOrigin'));
  await assert.rejects(submitInBlock(api, api.tx.navOracle.signOff(TMMF_NAV, fixed('1.0001')), oracle.depositary),
    refusedWith('navOracle.SignOffValueMismatch'));
  const { events: signed } = await submitInBlock(api, api.tx.navOracle.signOff(TMMF_NAV, fixed('1.0000')), oracle.depositary);
  assert.equal(eventsOf(api, signed, 'navOracle', 'ValueAccepted').length, 1);
  const accepted = await latest(TMMF_NAV);
  assert.equal(decimal(accepted.point.value, 4), '1.0000');
  assert.ok(accepted.source.isMedian);
});

test('a submission for a closed round, or from an account the feed does not list, is refused by name', async () => {
  const { api, accounts: { alice } } = node;
  const now = await chainTime(api);
  await assert.rejects(submitInBlock(api, api.tx.navOracle.submit(TMMF_NAV, 0, fixed('1.0'), now), oracle.feeders[0]),
    refusedWith('navOracle.RoundFinished'));
  await assert.rejects(submitInBlock(api, api.tx.navOracle.submit(TMMF_NAV, 1, fixed('1.0'), now), alice),
    refusedWith('navOracle.NotFeedSubmitter'));
});

test('an outlier beyond the deviation limit is held, then approved by the committee', async () => {
  const { api } = node;
  assert.deepEqual(await strikeNav(api, TMF_NAV, ['1.0010', '1.0000', '0.9990'], oracle), { status: 'accepted', value: '1.000000' });
  const held = await strikeNav(api, TMF_NAV, ['1.06', '1.07', '1.05'], oracle);
  assert.deepEqual(held, { status: 'held', value: '1.060000' });
  assert.equal(decimal((await latest(TMF_NAV)).point.value, 4), '1.0000', 'a held median is not applied');
  const events = await sudo(api.tx.navOracle.approveHeld(TMF_NAV, fixed('1.06')));
  assert.equal(eventsOf(api, events, 'navOracle', 'HeldApproved').length, 1);
  const approved = await latest(TMF_NAV);
  assert.equal(decimal(approved.point.value, 2), '1.06');
  assert.equal(approved.source.isApprovedMedian, true);
  // Back to the fund's 1.05 (within the limit: applied once signed off).
  assert.deepEqual(await strikeNav(api, TMF_NAV, ['1.0510', '1.0500', '1.0490'], oracle), { status: 'accepted', value: '1.050000' });
});

// ---- the funds ---------------------------------------------------------------

const TMMF = 1;
const TMF = 2;
const TMF_SHARES = 11;
const EUR = 100n; // EURD cents
const SHARE = 1_000_000n;
const DAY_MS = 86_400_000;

const funds = (method, params) => node.provider.send(`funds_${method}`, params);
const eventData = (events, section, method) => eventsOf(node.api, events, section, method).map((e) => e.data);

async function shares(fund, who) {
  return BigInt((await funds('position', [fund, who.address])).shares);
}

async function submit(tx, signer) {
  return (await submitInBlock(node.api, tx, signer)).events;
}

// Moves the dev chain's clock `ms` forward and waits for a block past it.
async function advanceClock(ms) {
  const { api, provider } = node;
  const before = await chainTime(api);
  await provider.send('dev_advanceClock', [ms]);
  for (let now = before; now < before + BigInt(ms);) {
    await new Promise((r) => setTimeout(r, 1000));
    now = await chainTime(api);
  }
}

test('Charlie subscribes to the money-market fund with EURD at once', async () => {
  const { api, accounts: { charlie } } = node;
  assert.equal(await funds('previewSubscribe', [TMMF, charlie.address, (1_000n * EUR).toString()]), (1_000n * SHARE).toString());
  const events = await submit(api.tx.tmmf.subscribe(1_000n * EUR), charlie);
  const [subscribed] = eventData(events, 'tmmf', 'Subscribed');
  assert.equal(subscribed.shares.toBigInt(), 1_000n * SHARE);
  assert.equal(eventData(events, 'compliantAssets', 'Transferred')[0].to.toString(), (await funds('fund', [TMMF])).cashAccount);
  const position = await funds('position', [TMMF, charlie.address]);
  assert.equal(position.shares, (1_000n * SHARE).toString());
  assert.equal(position.value, (1_000n * EUR).toString());
});

test('below-minimum and unacknowledged-KID mutual fund subscriptions are refused by name', async () => {
  const { api, accounts: { bob, charlie } } = node;
  await assert.rejects(submit(api.tx.tmf.subscribe(400n * EUR), bob), refusedWith('tmf.BelowMinimumInvestment'));
  await assert.rejects(submit(api.tx.tmf.subscribe(600n * EUR), charlie), refusedWith('tmf.KidNotAcknowledged'));
  // JSON: polkadot-js renames a field `hash` (a codec's own `.hash` hashes its encoding).
  const kid = (await api.query.compliantAssets.documents(TMF_SHARES, 'KID')).unwrap().toJSON().hash;
  await submit(api.tx.tmf.acknowledgeKid(kid), charlie);
  const events = await submit(api.tx.tmf.subscribe(600n * EUR), charlie);
  // €600 at €1.05: 571.428571 shares, rounded down.
  assert.equal(eventData(events, 'tmf', 'Subscribed')[0].shares.toBigInt(), 571_428_571n);
});

test('the TMMF to TMF switch of 100 shares gives 95.238095 shares with both events', async () => {
  const { api, accounts: { charlie } } = node;
  const events = await submit(api.tx.tmmf.switchTo(TMF, 100n * SHARE), charlie);
  const [out] = eventData(events, 'tmmf', 'SwitchedOut');
  const [into] = eventData(events, 'tmf', 'Subscribed');
  assert.equal(out.shares.toBigInt(), 100n * SHARE);
  assert.equal(out.amount.toBigInt(), 100n * EUR);
  assert.equal(into.shares.toBigInt(), 95_238_095n);
  assert.equal(into.switchedFrom.toString(), String(TMMF));
  await assert.rejects(submit(api.tx.tmf.switchTo(TMMF, SHARE), charlie), refusedWith('tmf.NotSwitchTarget'));
});

test('a T+2 redemption is refused before its date and paid at the first NAV struck after it', async () => {
  const { api, accounts: { charlie } } = node;
  const events = await submit(api.tx.tmf.requestRedeem(50n * SHARE), charlie);
  const [requested] = eventData(events, 'tmf', 'RedemptionRequested');
  const id = requested.request.toNumber();
  await assert.rejects(submit(api.tx.tmf.claimRedeem(charlie.address, id), charlie), refusedWith('tmf.NotYetSettled'));
  const [pending] = (await funds('position', [TMF, charlie.address])).requests;
  assert.equal(pending.state, 'pending');
  // To 30 s past the settlement date (the start of the day after next):
  // no NAV since then yet, then one at 1.06.
  const now = Number(await chainTime(api));
  await advanceClock((Math.floor(now / DAY_MS) + 2) * DAY_MS + 30_000 - now);
  await assert.rejects(submit(api.tx.tmf.claimRedeem(charlie.address, id), charlie), refusedWith('tmf.NavNotYetStruck'));
  await strikeNav(api, TMF_NAV, ['1.0610', '1.0600', '1.0590'], oracle);
  assert.equal((await funds('position', [TMF, charlie.address])).requests[0].state, 'claimable');
  const claimed = await submit(api.tx.tmf.claimRedeem(charlie.address, id), node.accounts.bob);
  const [paid] = eventData(claimed, 'tmf', 'RedemptionClaimed');
  assert.equal(paid.amount.toBigInt(), 53n * EUR);
  assert.equal(decimal(paid.price, 2), '1.06');
  await assert.rejects(submit(api.tx.tmf.claimRedeem(charlie.address, id), charlie), refusedWith('tmf.RequestClosed'));
});

test('48 hours without a NAV freeze dealing, shown by the breaker, until a fresh NAV', async () => {
  const { api, accounts: { charlie } } = node;
  await advanceClock(49 * 3_600_000);
  const status = await rpc(node, 'breakerStatus', []);
  assert.deepEqual(status.frozenFunds, [TMMF, TMF]);
  assert.equal((await funds('fund', [TMMF])).dealingFrozen, true);
  await assert.rejects(submit(api.tx.tmmf.subscribe(100n * EUR), charlie), refusedWith('tmmf.DealingFrozen'));
  await strikeNav(api, TMMF_NAV, ['1.0001', '1.0000', '0.9999'], oracle);
  assert.deepEqual((await rpc(node, 'breakerStatus', [])).frozenFunds, [TMF]);
  await submit(api.tx.tmmf.subscribe(100n * EUR), charlie);
});

test('a daily gate splits a large redemption across two days', async () => {
  const { api, accounts: { bob } } = node;
  await submit(api.tx.tmmf.subscribe(100_000n * EUR), bob);
  const outstanding = BigInt((await funds('fund', [TMMF])).sharesOutstanding);
  const asked = 15_000n * SHARE; // about 15 % of the fund: the gate is 10 %
  const [request] = eventData(await submit(api.tx.tmmf.requestRedeem(asked), bob), 'tmmf', 'RedemptionRequested');
  const id = request.request.toNumber();
  let paid = 0n;
  const days = [];
  for (let day = 1; day <= 3 && paid < asked; day++) {
    await advanceClock(DAY_MS);
    await strikeNav(api, TMMF_NAV, ['1.0001', '1.0000', '0.9999'], oracle);
    const events = await submit(api.tx.tmmf.claimRedeem(bob.address, id), bob);
    for (const claimed of eventData(events, 'tmmf', 'RedemptionClaimed')) {
      paid += claimed.shares.toBigInt();
      days.push(claimed.day.toNumber());
    }
    const [closed] = eventData(events, 'tmmf', 'GateDayClosed');
    if (closed && day === 1) assert.ok(closed.capacity.toBigInt() <= outstanding / 10n);
  }
  assert.equal(paid, asked);
  assert.equal(days.length, 2, `paid on days ${days}`);
  assert.equal(days[1], days[0] + 1);
});

test('the daily distribution of the money-market fund reaches a holder', async () => {
  const { api, accounts: { alice, charlie } } = node;
  const fund = await funds('fund', [TMMF]);
  const outstanding = BigInt(fund.sharesOutstanding) + BigInt(fund.unclaimedYield);
  const held = await shares(TMMF, charlie);
  const income = 50n * SHARE; // the day's income at €1.0000
  const [distributed] = eventData(await submit(api.tx.tmmf.distributeYield(income), alice), 'tmmf', 'YieldDistributed');
  // Per share, rounded down; per holding, rounded down.
  const index = (income * 10n ** 18n) / outstanding;
  assert.equal(distributed.index.toBigInt(), index);
  const expected = (held * index) / 10n ** 18n;
  assert.equal(BigInt((await funds('position', [TMMF, charlie.address])).claimableYield), expected);
  const [claimed] = eventData(await submit(api.tx.tmmf.claimYield(charlie.address), alice), 'tmmf', 'YieldClaimed');
  assert.equal(claimed.shares.toBigInt(), expected);
  assert.equal(await shares(TMMF, charlie), held + expected);
});
