// Chaos on the four-validator `local` network, each validator in a network namespace of its own
// (run through scripts/chaos.sh, which makes the namespaces; ALLSPARK_CHAOS_MODE=full for the
// long forms):
//   - a 2|2 partition: both halves author, finality stalls; healed: one chain, finality resumes,
//     no finalized block reverted on any node;
//   - one validator isolated (and restarted from its database while cut off), then rejoined: it
//     catches up;
//   - latency and loss on every link: finality goes on; its lag p50/p99 is reported;
//   - a validator killed with kill -9 again and again under a load of transfers and market calls:
//     it restarts from its database every time, catches up, and every transaction the load got a
//     hash for is in a finalized block or was reported dropped with a reason;
//   - in the short form (CI's), a short soak (harness/soak.js) through an RPC node on the same
//     network, healthy again: no transaction lost, dropped or refused (the full form's soak is
//     e2e/chaos/soak.test.js, 30 minutes on a network of its own).
// After every case, every finalized hash any node reported is canonical on every node. The
// figures go to stdout and, when $ALLSPARK_CHAOS_REPORT is set, to $ALLSPARK_CHAOS_REPORT.network.json.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  connect, stopNode, restartNode, waitFor, rpc, bestNumber, finalizedNumber, minFinalized, sleep,
} from 'allspark-harness/node.js';
import { registerWork } from 'allspark-harness/content.js';
import {
  startChaosNetwork, partition, healPartitions, degrade, restoreNetwork, netCounters,
  trackFinality, quantile, chaosMode, makeNodeNamespace, startNodeIn,
} from 'allspark-harness/chaos.js';
import { mixedLoad } from 'allspark-harness/mixed-load.js';
import { runSoak, checkSoak } from 'allspark-harness/soak.js';

const FULL = chaosMode() === 'full';
const D = FULL
  ? { partitionMs: 120_000, isolateMs: 120_000, degradedMs: 300_000, kills: 10, delayMs: 300, loss: 0.05 }
  : { partitionMs: 30_000, isolateMs: 20_000, degradedMs: 45_000, kills: 1, delayMs: 300, loss: 0.05 };
const SOAK_MINUTES = Number(process.env.ALLSPARK_SOAK_MINUTES || 1);
/**
 * Bids (and cancels) per batch in the short soak: a quarter of the full soak's 64, so that CI's
 * soak, which runs beside the suites on two cores, does not starve them; the full soak's half a
 * block is e2e/chaos/soak.test.js's.
 */
const SOAK_BATCH = Number(process.env.ALLSPARK_SOAK_BATCH || 16);

const report = { mode: chaosMode(), durations: D };
const seconds = (ms) => Math.round(ms / 100) / 10;

describe(`chaos on the four-validator network (${chaosMode()})`, () => {
  let nodes;
  const apis = {};
  let tracker;
  // Every (node, height, hash) a node ever reported as its finalized head.
  const finalizedSeen = [];
  let sampler;

  let rpcNode = null;
  const all = () => Object.values(nodes);
  const sample = async () => {
    for (const n of all()) {
      try {
        const hash = await rpc(n, 'chain_getFinalizedHead');
        const header = await rpc(n, 'chain_getHeader', [hash]);
        finalizedSeen.push({ node: n.name, height: parseInt(header.number, 16), hash });
      } catch { /* a killed node answers nothing */ }
    }
  };

  /** Every finalized hash any node reported is the canonical block at its height on every node. */
  async function assertNoFinalizedRevert() {
    await sample();
    const byHeight = new Map();
    for (const s of finalizedSeen) {
      const prev = byHeight.get(s.height);
      assert.ok(!prev || prev.hash === s.hash,
        `two finalized blocks at #${s.height}: ${prev?.node} ${prev?.hash} and ${s.node} ${s.hash}`);
      byHeight.set(s.height, s);
    }
    for (const n of all()) {
      const fin = await finalizedNumber(n);
      for (const [height, s] of byHeight) {
        if (height > fin) continue;
        assert.equal(await rpc(n, 'chain_getBlockHash', [height]), s.hash,
          `${n.name}'s block #${height} is not the one ${s.node} finalized`);
      }
    }
    return byHeight.size;
  }

  const allPeered = async () => {
    const peers = await Promise.all(all().map(async (n) => (await rpc(n, 'system_health')).peers));
    return peers.every((p) => p === 3);
  };

  before(async () => {
    await cryptoWaitReady();
    nodes = await startChaosNetwork();
    await waitFor('every node to see three peers', allPeered, 180_000);
    await waitFor('finalized #2 on every node', async () => (await minFinalized(all())) >= 2, 300_000);
    for (const [name, n] of Object.entries(nodes)) apis[name] = await connect(n);
    tracker = await trackFinality(apis.alice);
    sampler = setInterval(() => { sample().catch(() => {}); }, 2000);
    report.startedAt = Date.now();
  });

  after(async () => {
    clearInterval(sampler);
    tracker?.stop();
    for (const api of Object.values(apis)) await api.disconnect().catch(() => {});
    await Promise.all([...all(), ...(rpcNode ? [rpcNode] : [])].map((n) => stopNode(n, 'SIGKILL')));
    console.log(`chaos report: ${JSON.stringify(report, null, 1)}`);
    if (process.env.ALLSPARK_CHAOS_REPORT) writeFileSync(`${process.env.ALLSPARK_CHAOS_REPORT}.network.json`, JSON.stringify(report, null, 1));
  });

  it('a 2|2 partition: both halves author and finality stalls; healed, one chain finalizes on', async () => {
    const { alice, bob, charlie, dave } = nodes;
    const left = [alice, bob];
    const right = [charlie, dave];
    // The healthy network's finality lag, for comparison with the degraded one's.
    await waitFor('five blocks finalized on the healthy network', async () => tracker.lags().length >= 5, 180_000);
    const baseline = tracker.lags();
    report.baselineLagMs = { p50: quantile(baseline, 0.5), p99: quantile(baseline, 0.99), blocks: baseline.length };

    partition(left, right);
    const cutAt = Date.now();
    const best0 = { left: await bestNumber(alice), right: await bestNumber(charlie) };
    // Votes already on their way may finalize one more round: read the stall after it settles.
    await sleep(Math.min(15_000, D.partitionMs / 3));
    const stalled = Object.fromEntries(await Promise.all(all().map(async (n) => [n.name, await finalizedNumber(n)])));
    await sleep(D.partitionMs - (Date.now() - cutAt));
    for (const n of all()) {
      assert.equal(await finalizedNumber(n), stalled[n.name], `${n.name}'s finality must stall in a 2|2 partition`);
    }
    const best1 = { left: await bestNumber(alice), right: await bestNumber(charlie) };
    assert.ok(best1.left > best0.left, `the left half authored on (#${best0.left} → #${best1.left})`);
    assert.ok(best1.right > best0.right, `the right half authored on (#${best0.right} → #${best1.right})`);
    const forked = (await rpc(alice, 'chain_getBlockHash', [Math.min(best1.left, best1.right)]))
      !== (await rpc(charlie, 'chain_getBlockHash', [Math.min(best1.left, best1.right)]));

    healPartitions(all());
    const healedAt = Date.now();
    const target = Math.max(best1.left, best1.right);
    await waitFor(`finality past both halves' best #${target} on every node`,
      async () => (await minFinalized(all())) >= target, 600_000);
    const resumedMs = Date.now() - healedAt;
    // One chain: every node's finalized block is the same at the lowest finalized height.
    const common = await minFinalized(all());
    const heads = new Set(await Promise.all(all().map((n) => rpc(n, 'chain_getBlockHash', [common]))));
    assert.equal(heads.size, 1, `one chain at #${common}`);
    const checked = await assertNoFinalizedRevert();
    report.partition = {
      seconds: seconds(D.partitionMs), stalledAt: stalled, authored: { left: best1.left - best0.left, right: best1.right - best0.right },
      forked, finalityResumedAfterHealS: seconds(resumedMs), finalizedHeightsChecked: checked,
    };
  });

  it('one validator isolated and restarted from its database while cut off, then rejoined: it catches up', async () => {
    const { alice, bob, charlie } = nodes;
    const others = [alice, bob, charlie];
    partition([nodes.dave], others);
    const cutAt = Date.now();
    const from = await minFinalized(others);
    const daveFinal = await finalizedNumber(nodes.dave);
    await waitFor(`the other three finalizing past #${from + 3}`, async () => (await minFinalized(others)) >= from + 3,
      Math.max(D.isolateMs, 120_000));
    // Restart it while it is cut off: it opens its own database and has nobody to sync from.
    const bestBefore = await bestNumber(nodes.dave);
    await stopNode(nodes.dave, 'SIGTERM');
    nodes.dave = await restartNode(nodes.dave);
    assert.ok(await bestNumber(nodes.dave) >= bestBefore, 'dave reopened its database at its own best block');
    assert.ok(await finalizedNumber(nodes.dave) >= daveFinal, 'dave kept what it had finalized');
    await sleep(Math.max(0, D.isolateMs - (Date.now() - cutAt)));
    assert.ok(await finalizedNumber(nodes.dave) <= (await minFinalized(others)), 'dave finalized nothing the others did not');

    healPartitions(all());
    const rejoinedAt = Date.now();
    const target = await finalizedNumber(alice);
    await waitFor(`dave catching up to #${target}`, async () => (
      (await bestNumber(nodes.dave)) >= target && (await finalizedNumber(nodes.dave)) >= target
    ), 600_000);
    const caughtUpMs = Date.now() - rejoinedAt;
    await waitFor('every node to see three peers again', allPeered, 180_000);
    await apis.dave.disconnect().catch(() => {});
    apis.dave = await connect(nodes.dave);
    report.isolation = {
      seconds: seconds(D.isolateMs), othersFinalizedDuring: (await minFinalized(others)) - from,
      blocksBehindAtRejoin: target - daveFinal, caughtUpS: seconds(caughtUpMs),
    };
    await assertNoFinalizedRevert();
  });

  it(`${D.delayMs} ms latency and ${D.loss * 100} % loss on every link: finality goes on, its lag reported`, async () => {
    await degrade(all(), { delayMs: D.delayMs, loss: D.loss });
    const start = Date.now();
    const from = await minFinalized(all());
    await sleep(D.degradedMs);
    // Blocks imported at least 20 s before the end: time enough to be finalized under the faults.
    const lags = tracker.lags(start, Date.now() - 20_000);
    const counters = Object.fromEntries(all().map((n) => [n.name, netCounters(n)]));
    await restoreNetwork(all());
    const to = await minFinalized(all());
    assert.ok(to > from, `finality went on under latency and loss (#${from} → #${to})`);
    assert.ok(Object.values(counters).every((c) => c.queued > 0 && c.dropped > 0),
      `every node's packets were delayed and some dropped: ${JSON.stringify(counters)}`);
    assert.ok(lags.length > 0, 'blocks were finalized under latency');
    report.latency = {
      seconds: seconds(D.degradedMs), delayMs: D.delayMs, loss: D.loss, finalizedBlocks: to - from,
      lagMs: { p50: quantile(lags, 0.5), p99: quantile(lags, 0.99), max: Math.max(...lags), blocks: lags.length },
      packets: counters,
    };
    await waitFor('finality to catch up once the network is healthy', async () => (
      (await minFinalized(all())) >= (await bestNumber(nodes.alice)) - 2
    ), 300_000);
    await assertNoFinalizedRevert();
  });

  it(`a validator killed with kill -9 ${D.kills} times under load: it restarts from its database and every transaction is accounted for`, async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    const alice = keyring.addFromUri('//Alice');
    const listing = await registerWork(apis.alice, alice, 'a work under chaos');

    // Twelve load accounts: three submit to the validator that gets killed, the rest to the others.
    const names = ['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Alice//stash', 'Bob//stash', 'Charlie//stash',
      'Dave//stash', 'Eve//stash', 'Ferdie//stash', 'Alice'];
    const targets = ['dave', 'dave', 'dave', 'alice', 'bob', 'charlie', 'alice', 'bob', 'charlie', 'alice', 'bob', 'charlie'];
    const workers = names.map((n, i) => ({ pair: keyring.addFromUri(`//${n}`), node: nodes[targets[i]], api: apis[targets[i]] }));
    const load = mixedLoad({
      reference: { node: nodes.alice, api: apis.alice }, workers, listing, pauseMs: 500, owner: alice.address,
    });
    await load.start();

    const kills = [];
    for (let k = 0; k < D.kills; k++) {
      await sleep(5_000 + Math.floor(Math.random() * 10_000));
      const bestAtKill = await bestNumber(nodes.dave);
      const finalAtKill = await finalizedNumber(nodes.dave);
      await stopNode(nodes.dave, 'SIGKILL');
      const killedAt = Date.now();
      nodes.dave = await restartNode(nodes.dave);
      const rpcUpMs = Date.now() - killedAt;
      const reopenedAt = await bestNumber(nodes.dave);
      const target = await finalizedNumber(nodes.alice);
      await waitFor(`dave (restart ${k + 1}) catching up to #${target}`, async () => (
        (await finalizedNumber(nodes.dave)) >= target
      ), 300_000);
      kills.push({ bestAtKill, finalAtKill, reopenedAt, rpcUpS: seconds(rpcUpMs), caughtUpS: seconds(Date.now() - killedAt) });
      // The workers' connection to dave comes back on its own (the provider reconnects).
      workers.filter((w) => w.node.name === 'dave').forEach((w) => { w.node = nodes.dave; });
    }
    const outcome = await load.settle();
    report.kills = { restarts: kills, load: { ...outcome, inclusionMs: undefined } };
    console.log(`kill -9 under load: ${JSON.stringify(report.kills)}`);
    assert.equal(kills.length, D.kills);
    for (const k of kills) {
      assert.ok(k.reopenedAt >= k.finalAtKill, `a restart reopened its database with its chain: ${JSON.stringify(k)}`);
    }
    assert.equal(outcome.unaccounted, 0,
      `transactions neither finalized nor reported dropped: ${JSON.stringify(load.records.filter((r) => r.outcome === 'unaccounted'))}`);
    assert.ok(outcome.finalized > 0 && Object.values(outcome.byKind).every((c) => c > 0), JSON.stringify(outcome));
    for (const name of ['alice', 'bob', 'charlie']) {
      const n = outcome.byNode[name];
      assert.ok(n && n.finalized >= n.sent * 0.9, `transactions sent to ${name}, never killed, were finalized: ${JSON.stringify(n)}`);
    }
    await assertNoFinalizedRevert();
  });

  it(`a ${SOAK_MINUTES}-minute soak through an RPC node on the healed network: no transaction lost, dropped or refused`, { skip: FULL && 'the full form\'s soak is e2e/chaos/soak.test.js' }, async () => {
    rpcNode = await startNodeIn(makeNodeNamespace('rpc', 4), {
      chain: 'local', name: 'rpc', bootnodes: [nodes.alice.multiaddr], extraArgs: ['--rpc-max-connections', '1000'],
    });
    const target = await finalizedNumber(nodes.alice);
    await waitFor(`the RPC node finalizing #${target}`, async () => (await finalizedNumber(rpcNode)) >= target, 300_000);
    // A node fresh out of its initial sync validates transactions against its pool's view, which
    // follows new blocks only from then on: until it has imported two, a transaction whose era
    // starts at the head is refused as of an ancient birth block.
    await waitFor('the RPC node out of its initial sync', async () => !(await rpc(rpcNode, 'system_health')).isSyncing, 120_000);
    const synced = await bestNumber(rpcNode);
    await waitFor(`the RPC node importing #${synced + 2}`, async () => (await bestNumber(rpcNode)) >= synced + 2, 120_000);
    const api = await connect(rpcNode);
    try {
      const result = await runSoak({
        api, rpcNode, validators: all(), minutes: SOAK_MINUTES, load: { pauseMs: 0, inFlight: 2, batch: SOAK_BATCH },
      });
      report.soak = result.report;
      console.log(`soak: ${JSON.stringify(result.report)}`);
      await checkSoak(result, rpcNode);
    } finally {
      await api.disconnect().catch(() => {});
    }
    await assertNoFinalizedRevert();
  });
});
