// Validator admission: only a verified bank may join; refusals are named and
// change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, submitFinalized, sudoOutcome, eventsOf, DispatchFailure } from '../lib/node.js';
import { sudo } from '../lib/compliance.js';

let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

const YEAR = 365 * 24 * 3600;
const bankDetails = (jurisdiction) => ({
  jurisdiction: Array.from(Buffer.from(jurisdiction)),
  category: 'EligibleCounterparty',
  expiresAt: Math.floor(Date.now() / 1000) + YEAR,
  lei: Array.from(Buffer.from('5493001KJTIIGC8Y1R12')),
  bic: null,
  travelRuleHash: null,
});

const validators = async (api) => (await api.query.validatorSet.validators()).map((v) => v.toString());

test('an account without identity is refused with IdentityNotVerified, state unchanged', async () => {
  const { api, accounts } = node;
  const before = await validators(api);
  const { events } = await submitFinalized(api, api.tx.sudo.sudo(api.tx.validatorSet.addValidator(accounts.dave.address)), accounts.alice);
  assert.equal(sudoOutcome(api, events), 'validatorSet.IdentityNotVerified');
  assert.deepEqual(await validators(api), before);
  assert.equal((await api.query.validatorSet.changePending()).isTrue, false);
});

test('a verified non-bank is refused with NotABank', async () => {
  const { api, accounts } = node;
  // Charlie has a verified retail identity at genesis.
  const { events } = await submitFinalized(api, api.tx.sudo.sudo(api.tx.validatorSet.addValidator(accounts.charlie.address)), accounts.alice);
  assert.equal(sudoOutcome(api, events), 'validatorSet.NotABank');
});

test('a signed non-governance origin is refused with BadOrigin', async () => {
  const { api, accounts } = node;
  await assert.rejects(
    submitFinalized(api, api.tx.validatorSet.addValidator(accounts.bob.address), accounts.bob),
    (e) => e instanceof DispatchFailure && e.message === 'BadOrigin',
  );
});

test('registering a bank identity (four eyes), granting the Bank role, then admitting it as validator', async () => {
  const { api, accounts } = node;
  // A verifier that is not trusted is refused by name.
  await assert.rejects(
    submitFinalized(api, api.tx.identityRegistry.registerPendingIdentity(accounts.dave.address, bankDetails('US')), accounts.eve),
    (e) => e instanceof DispatchFailure && e.message === 'identityRegistry.NotTrustedVerifier',
  );
  assert.ok((await api.query.identityRegistry.identities(accounts.dave.address)).isNone);

  const registered = await submitFinalized(api, api.tx.identityRegistry.registerPendingIdentity(accounts.dave.address, bankDetails('US')), accounts.alice);
  assert.equal(eventsOf(api, registered.events, 'identityRegistry', 'IdentityPending').length, 1);
  // The registrar cannot approve its own file: a second verifier must.
  await assert.rejects(
    submitFinalized(api, api.tx.identityRegistry.approveIdentity(accounts.dave.address), accounts.alice),
    (e) => e instanceof DispatchFailure && e.message === 'identityRegistry.FourEyesRequired',
  );
  const approved = await submitFinalized(api, api.tx.identityRegistry.approveIdentity(accounts.dave.address), accounts.bob);
  const [ev] = eventsOf(api, approved.events, 'identityRegistry', 'IdentityApproved');
  assert.ok(ev, 'IdentityApproved event');
  assert.equal(ev.data.who.toString(), accounts.dave.address);
  // Roles are governance's decision.
  await sudo(api, api.tx.identityRegistry.setRoles(accounts.dave.address, 1 /* Role::Bank */), accounts.alice);
  const identity = (await api.query.identityRegistry.identities(accounts.dave.address)).unwrap();
  assert.equal(identity.status.type, 'Verified');
  assert.equal(identity.roles.toNumber(), 1);

  const added = await submitFinalized(api, api.tx.sudo.sudo(api.tx.validatorSet.addValidator(accounts.dave.address)), accounts.alice);
  assert.equal(sudoOutcome(api, added.events), 'ok');
  assert.equal(eventsOf(api, added.events, 'validatorSet', 'ValidatorAdded').length, 1);
  assert.deepEqual(await validators(api), [accounts.alice.address, accounts.dave.address]);
  assert.equal((await api.query.validatorSet.changePending()).isTrue, true);

  // Admitting twice is refused by name.
  const again = await submitFinalized(api, api.tx.sudo.sudo(api.tx.validatorSet.addValidator(accounts.dave.address)), accounts.alice);
  assert.equal(sudoOutcome(api, again.events), 'validatorSet.AlreadyValidator');
});

test('removing below the minimum is refused with TooFewValidators', async () => {
  const { api, accounts } = node;
  const current = await validators(api);
  // Minimum is 1 on the dev chain: remove Dave (if present), then Alice must stay.
  if (current.includes(accounts.dave.address)) {
    const removed = await submitFinalized(api, api.tx.sudo.sudo(api.tx.validatorSet.removeValidator(accounts.dave.address)), accounts.alice);
    assert.equal(sudoOutcome(api, removed.events), 'ok');
  }
  const { events } = await submitFinalized(api, api.tx.sudo.sudo(api.tx.validatorSet.removeValidator(accounts.alice.address)), accounts.alice);
  assert.equal(sudoOutcome(api, events), 'validatorSet.TooFewValidators');
  assert.deepEqual(await validators(api), [accounts.alice.address]);
});
