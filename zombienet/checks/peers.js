// Returns the node's peer count after the allowlist has had time to apply
// (the offchain worker runs on every imported block): waits until the count
// has been stable for 15 s.
async function run(nodeName, networkInfo) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const peers = (await api.rpc.system.health()).peers.toNumber();
    if (peers !== last) { last = peers; stableSince = Date.now(); }
    if (Date.now() - stableSince >= 15_000) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`${nodeName}: ${last} peers`);
  await api.disconnect();
  return last;
}
module.exports = { run };
