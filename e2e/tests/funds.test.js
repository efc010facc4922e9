// The funds on the dev chain. The NAV oracle first: the three feeders
// (//NavFeeder1..3) agree on the money-market fund's NAV (feed 1) by median,
// the depositary (One) signs it off; a median beyond the 5 % limit is held
// until the compliance-depositary committee (sudo on dev) approves it; a
// late or foreign submission is refused by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, submitInBlock, eventsOf, DispatchFailure, sudoOutcome } from '../lib/node.js';
import { devOracleKeys, fixed, decimal, submitRound, strikeNav, chainTime } from '../tools/nav.js';

const TMMF_NAV = 1;
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
  const before = await latest(TMMF_NAV);
  const held = await strikeNav(api, TMMF_NAV, ['1.08', '1.07', '1.09'], oracle);
  assert.deepEqual(held, { status: 'held', value: '1.080000' });
  assert.equal((await latest(TMMF_NAV)).point.value.toBigInt(), before.point.value.toBigInt(), 'a held median is not applied');
  const events = await sudo(api.tx.navOracle.approveHeld(TMMF_NAV, fixed('1.08')));
  assert.equal(eventsOf(api, events, 'navOracle', 'HeldApproved').length, 1);
  const now = await latest(TMMF_NAV);
  assert.equal(decimal(now.point.value, 2), '1.08');
  assert.equal(now.source.isApprovedMedian, true);
});
