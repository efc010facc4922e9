// Network throughput of plain balance transfers on a running node.
//   node bench/throughput.js [ws://127.0.0.1:9944] [transactions=3000]
// Pre-signs N transfers from Alice with consecutive nonces, submits them all,
// then counts included transfers per block until every one is in. Prints the
// best block fill and transfers per second between the first and last
// including block (block timestamps, not wall clock).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const endpoint = process.argv[2] || 'ws://127.0.0.1:9944';
const total = Number(process.argv[3] || 3000);

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519' });
const alice = keyring.addFromUri('//Alice');
const recipients = Array.from({ length: 16 }, (_, i) => keyring.addFromUri(`//Recipient/${i}`).address);

const startNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
const signed = [];
for (let i = 0; i < total; i++) {
  const tx = api.tx.balances.transferKeepAlive(recipients[i % recipients.length], 10n ** 12n);
  signed.push((await tx.signAsync(alice, { nonce: startNonce + i, era: 0 })).toHex());
}

const perBlock = [];
let included = 0;
const done = new Promise((resolve) => {
  api.rpc.chain.subscribeNewHeads(async (header) => {
    const hash = header.hash;
    const at = await api.at(hash);
    const [events, now] = await Promise.all([at.query.system.events(), at.query.timestamp.now()]);
    const count = events.filter(({ event }) => api.events.balances.Transfer.is(event)
      && event.data.from.toString() === alice.address).length;
    if (count > 0) {
      perBlock.push({ number: header.number.toNumber(), count, time: now.toNumber() });
      included += count;
    }
    if (included >= total) resolve();
  });
});

for (let i = 0; i < signed.length; i += 500) {
  await Promise.all(signed.slice(i, i + 500).map((hex) => api.rpc.author.submitExtrinsic(hex)));
}
await done;
const first = perBlock[0];
const last = perBlock[perBlock.length - 1];
const seconds = Math.max(1, (last.time - first.time) / 1000 + 3);
const best = Math.max(...perBlock.map((b) => b.count));
console.log(JSON.stringify({
  transfers: included,
  blocks: perBlock.length,
  best_block_fill: best,
  transfers_per_second: Math.round(included / seconds),
  per_block: perBlock.map((b) => b.count),
}));
await api.disconnect();
process.exit(0);
