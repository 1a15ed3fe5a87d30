// The soak (harness/soak.js) on a network of its own: the four-validator `local` network (each
// validator in its namespace, run through scripts/chaos.sh) and a full node serving RPC, under a
// mixed load for ALLSPARK_SOAK_MINUTES (30 for the figures: `scripts/chaos.sh --full`, or
// `--only soak --soak N`). The load's shape: ALLSPARK_SOAK_PAUSE_MS, _IN_FLIGHT and _BATCH; the
// defaults fill about half of a block's normal-class weight (reported as blockFullnessPct). The
// chaos tests' short form runs a minute of the same soak on their own network.

import { describe, it, before, after } from 'node:test';
import { writeFileSync } from 'node:fs';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connect, stopNode, waitFor, minFinalized } from 'allspark-harness/node.js';
import { startChaosNetwork, makeNodeNamespace, startNodeIn } from 'allspark-harness/chaos.js';
import { runSoak, checkSoak } from 'allspark-harness/soak.js';

const MINUTES = Number(process.env.ALLSPARK_SOAK_MINUTES || 2);
const LOAD = {
  pauseMs: Number(process.env.ALLSPARK_SOAK_PAUSE_MS || 0),
  inFlight: Number(process.env.ALLSPARK_SOAK_IN_FLIGHT || 2),
  batch: Number(process.env.ALLSPARK_SOAK_BATCH || 64),
};

describe(`soak: ${MINUTES} minutes of mixed load on the four-validator network`, () => {
  let nodes;
  let rpcNode;
  let api;
  let report = { minutes: MINUTES, ...LOAD };

  before(async () => {
    await cryptoWaitReady();
    nodes = await startChaosNetwork({ first: 10 });
    rpcNode = await startNodeIn(makeNodeNamespace('rpc', 14), {
      chain: 'local', name: 'rpc', bootnodes: [nodes.alice.multiaddr],
      extraArgs: ['--rpc-max-connections', '1000'],
    });
    await waitFor('finalized #2 on every node', async () => (
      (await minFinalized([...Object.values(nodes), rpcNode])) >= 2
    ), 300_000);
    api = await connect(rpcNode);
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await Promise.all([...Object.values(nodes), rpcNode].map((n) => stopNode(n, 'SIGKILL')));
    console.log(`soak report: ${JSON.stringify(report, null, 1)}`);
    if (process.env.ALLSPARK_CHAOS_REPORT) writeFileSync(`${process.env.ALLSPARK_CHAOS_REPORT}.soak.json`, JSON.stringify(report, null, 1));
  });

  it('loses no transaction; finality lag, memory and RPC answer times reported', async () => {
    const result = await runSoak({ api, rpcNode, validators: Object.values(nodes), minutes: MINUTES, load: LOAD });
    report = result.report;
    console.log(`soak: ${JSON.stringify(report)}`);
    await checkSoak(result, rpcNode);
  });
});
