// Returns 1 when the node's finalized height rises by at least args[0]
// blocks within 90 s of the call, 0 otherwise.
async function run(nodeName, networkInfo, args) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  const need = Number(args[0] || 2);
  const height = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const start = await height();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = await height();
    if (now >= start + need) {
      console.log(`${nodeName}: finalized ${start} -> ${now}`);
      await api.disconnect();
      return 1;
    }
  }
  console.log(`${nodeName}: finalized height stuck at ${await height()} (from ${start})`);
  await api.disconnect();
  return 0;
}
module.exports = { run };
