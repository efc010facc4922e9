// Returns 1 when the regulator node is a Full (non-authority) node, refuses
// unsafe RPC methods and has constructed no block, while a validator has
// (so the metric name is right and the check can fail).
async function constructed(prometheusUri) {
  const text = await (await fetch(prometheusUri)).text();
  const line = text.split('\n').find((l) => l.startsWith('substrate_proposer_block_constructed_count'));
  return line ? Number(line.trim().split(/\s+/).pop()) : 0;
}

async function run(nodeName, networkInfo) {
  const node = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(node.wsUri, node.userDefinedTypes);
  const fail = async (why) => { console.log(`${nodeName}: ${why}`); await api.disconnect(); return 0; };

  const roles = (await api.rpc.system.nodeRoles()).map((r) => r.toString());
  if (!roles.includes('Full') || roles.includes('Authority')) return fail(`roles ${roles}`);

  try {
    await api.rpc.author.rotateKeys();
    return fail('unsafe RPC author_rotateKeys was accepted');
  } catch (e) {
    console.log(`${nodeName}: unsafe RPC refused (${e.message})`);
  }

  const own = await constructed(node.prometheusUri);
  const validator = await constructed(networkInfo.nodesByName.alice.prometheusUri);
  if (own !== 0) return fail(`regulator constructed ${own} blocks`);
  if (!(validator > 0)) return fail('alice reports no constructed blocks: metric missing?');
  console.log(`${nodeName}: Full node, 0 blocks constructed (alice: ${validator})`);
  await api.disconnect();
  return 1;
}
module.exports = { run };
