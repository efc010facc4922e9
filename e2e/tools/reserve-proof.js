#!/usr/bin/env node
// Proof of reserve, for an auditor: rebuilds a deposit token's liability tree
// from the chain state at a block (through the node's deposits_* RPC, which
// runs the runtime's own tree code on that block's state), compares its root
// and total with the depositary's last attestation, and prints a holder's
// inclusion proof and whether it verifies against the attested root.
//
//   node e2e/tools/reserve-proof.js --rpc ws://127.0.0.1:9944 --asset 1 [--at <block hash|number>] [--holder <ss58>]
//
// Without --at, the block is the last attestation's `asOf`, so the printed
// root must equal the attested one. Exit code 0 when it does (and the
// holder's proof verifies), 1 otherwise, 2 on bad arguments.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { pathToFileURL } from 'node:url';

const send = (provider, method, params) => provider.send(`deposits_${method}`, params);

// The block hash of `at` (a hash, a number, or the last attestation's asOf).
export async function blockHash(api, asset, at) {
  if (typeof at === 'string' && at.startsWith('0x')) return at;
  let number = at;
  if (number === undefined) {
    const attestation = await api.query.mintEscrow.latestAttestation(asset);
    if (attestation.isNone) throw new Error(`asset ${asset} has no attestation`);
    number = attestation.unwrap().asOf.toNumber();
  }
  return (await api.rpc.chain.getBlockHash(number)).toHex();
}

// Rebuilds the tree at `at` and compares it with the last attestation.
export async function audit(api, provider, asset, at, holder) {
  const hash = await blockHash(api, asset, at);
  const tree = await send(provider, 'liabilityTree', [asset, hash]);
  const attestation = (await api.query.mintEscrow.latestAttestation(asset)).unwrap();
  const report = {
    block: hash,
    root: tree.root,
    total: BigInt(tree.total),
    leafCount: tree.leafCount,
    attestedRoot: attestation.reserveRoot.toHex(),
    attestedLiabilities: attestation.liabilities.toBigInt(),
  };
  report.matches = report.root === report.attestedRoot && report.total === report.attestedLiabilities;
  if (holder) {
    report.proof = await send(provider, 'liabilityProof', [asset, holder, hash]);
    report.verifies = report.proof !== null && (await send(provider, 'verifyLiability', [asset, report.proof]));
  }
  return report;
}

function parse(argv) {
  const args = { rpc: 'ws://127.0.0.1:9944' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!['--rpc', '--asset', '--at', '--holder'].includes(flag) || value === undefined) {
      throw new Error(`unknown or incomplete argument '${flag}'`);
    }
    args[flag.slice(2)] = value;
  }
  if (args.asset === undefined || !/^\d+$/.test(args.asset)) throw new Error('--asset <id> is required');
  args.asset = Number(args.asset);
  if (args.at !== undefined && !args.at.startsWith('0x')) {
    if (!/^\d+$/.test(args.at)) throw new Error('--at takes a block hash (0x…) or number');
    args.at = Number(args.at);
  }
  return args;
}

async function main() {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`reserve-proof: ${e.message}`);
    process.exit(2);
  }
  const provider = new WsProvider(args.rpc);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  try {
    const report = await audit(api, provider, args.asset, args.at, args.holder);
    console.log(JSON.stringify(report, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
    process.exitCode = report.matches && (args.holder === undefined || report.verifies) ? 0 : 1;
  } catch (e) {
    console.error(`reserve-proof: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await api.disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
