// Complete payment lifecycles per second on a running dev node.
//   node bench/payments.js [ws://127.0.0.1:9944] [payments=512]
// Set-up (not measured): ceil(payments / 32) verified US customers of Bob's
// bank (registered by Alice, approved by Bob: four eyes), each funded with
// USDC by Two. Measured: every customer pre-signs its payments (at most 32,
// the runtime's open-payment bound) of 1 USDC to Charlie with the pacs.008
// hash anchored at initiation; all are submitted at once; the settlement
// committee's releases (root through sudo on dev, 64 per batch, the
// runtime's MaxSettlementBatch) follow the initiations as they land. A
// lifecycle is complete when its payment is Released. Prints JSON: payments,
// lifecycles per second on chain time (first initiating block to last
// releasing block), initiations and releases per block.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, keccakAsHex } from '@polkadot/util-crypto';
import { submitAllInBlocks } from '../lib/node.js';

const endpoint = process.argv[2] || 'ws://127.0.0.1:9944';
const total = Number(process.argv[3] || 512);
const USDC = 2;
const UNIT = 1_000_000n;
const PER_CUSTOMER = 32;
const BATCH = 64;

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519' });
const [alice, bob, two, charlie] = ['//Alice', '//Bob', '//Two', '//Charlie'].map((uri) => keyring.addFromUri(uri));
const customers = Array.from({ length: Math.ceil(total / PER_CUSTOMER) }, (_, i) => keyring.addFromUri(`//Payer/${i}`));

// ---- set-up ------------------------------------------------------------------
const details = {
  jurisdiction: 'US',
  category: 'Retail',
  expiresAt: Math.floor(Date.now() / 1000) + 365 * 24 * 3600,
  lei: null,
  bic: Array.from(Buffer.from('CHASUS33XXX')),
  travelRuleHash: null,
};
const nonceOf = async (who) => (await api.rpc.system.accountNextIndex(who.address)).toNumber();
const inBlocks = (signer, txs) => submitAllInBlocks(api, signer, txs);
const fresh = [];
for (const customer of customers) {
  if ((await api.query.identityRegistry.identities(customer.address)).isNone) fresh.push(customer);
}
await inBlocks(alice, fresh.map((c) => api.tx.identityRegistry.registerPendingIdentity(c.address, details)));
await inBlocks(bob, fresh.map((c) => api.tx.identityRegistry.approveIdentity(c.address)));
await inBlocks(two, customers.map((c) => api.tx.compliantAssets.transfer(USDC, c.address, BigInt(PER_CUSTOMER) * UNIT)));

// ---- measured ----------------------------------------------------------------
const signed = [];
for (const [c, customer] of customers.entries()) {
  const start = await nonceOf(customer);
  const count = Math.min(PER_CUSTOMER, total - c * PER_CUSTOMER);
  for (let i = 0; i < count; i++) {
    const hash = keccakAsHex(`pacs.008 ${customer.address} ${i}`);
    const tx = api.tx.payments.initiatePayment(USDC, charlie.address, UNIT, hash, null);
    signed.push((await tx.signAsync(customer, { nonce: start + i, era: 0 })).toHex());
  }
}

const initiatedPerBlock = [];
const releasedPerBlock = [];
const pending = [];
let released = 0;
let releasing = Promise.resolve();
let aliceNonce = await nonceOf(alice);
const releaseBatch = (ids) => {
  const tx = api.tx.sudo.sudo(api.tx.payments.confirmSettlements(ids));
  const nonce = aliceNonce++;
  releasing = releasing.then(() => tx.signAndSend(alice, { nonce }));
};
const done = new Promise((resolve) => {
  api.rpc.chain.subscribeNewHeads(async (header) => {
    const at = await api.at(header.hash);
    const [events, now] = await Promise.all([at.query.system.events(), at.query.timestamp.now()]);
    const block = { number: header.number.toNumber(), time: now.toNumber() };
    const initiated = events.filter(({ event }) => api.events.payments.PaymentInitiated.is(event)
      && event.data.recipient.toString() === charlie.address).map(({ event }) => event.data.txId.toHex());
    const releasedHere = events.filter(({ event }) => api.events.payments.PaymentReleased.is(event)
      && event.data.recipient.toString() === charlie.address).length;
    if (initiated.length) initiatedPerBlock.push({ ...block, count: initiated.length });
    if (releasedHere) releasedPerBlock.push({ ...block, count: releasedHere });
    released += releasedHere;
    pending.push(...initiated);
    while (pending.length >= BATCH || (pending.length && initiatedPerBlock.reduce((s, b) => s + b.count, 0) >= total)) {
      releaseBatch(pending.splice(0, BATCH));
    }
    if (released >= total) resolve();
  });
});
for (let i = 0; i < signed.length; i += 500) {
  await Promise.all(signed.slice(i, i + 500).map((hex) => api.rpc.author.submitExtrinsic(hex)));
}
await done;
const first = initiatedPerBlock[0];
const last = releasedPerBlock[releasedPerBlock.length - 1];
const seconds = Math.max(1, (last.time - first.time) / 1000 + 3);
console.log(JSON.stringify({
  payments: total,
  customers: customers.length,
  lifecycles_per_second: Number((total / seconds).toFixed(1)),
  seconds_on_chain: seconds,
  initiated_per_block: initiatedPerBlock.map((b) => b.count),
  released_per_block: releasedPerBlock.map((b) => b.count),
}));
await api.disconnect();
process.exit(0);
