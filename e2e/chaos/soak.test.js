// The soak: the four-validator `local` network (each validator in its namespace, run through
// scripts/chaos.sh) and a full node serving RPC, under a mixed load for ALLSPARK_SOAK_MINUTES
// (30 for the figures, 2 in CI): twelve accounts sending transfers, batches of bids and of their
// cancels, fixed-price offers and their withdrawal through the RPC node, as DApps do, while four
// more run evaluation rounds (open, three staked commits, three reveals, finalised on its own).
// Reported: every transaction's outcome (none may be lost), the blocks' weight against the
// normal class's limit, finality lag p50/p99, each node's resident memory at start and end, and
// the RPC node's answer time p50/p99 for the reads a DApp makes, sampled every second.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';
import {
  connect, stopNode, waitFor, rpc, bestNumber, finalizedNumber, minFinalized, sleep,
} from 'allspark-harness/node.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';
import { registerWork } from 'allspark-harness/content.js';
import {
  startChaosNetwork, makeNodeNamespace, startNodeIn, trackFinality, quantile, rssMiB,
} from 'allspark-harness/chaos.js';
import { mixedLoad } from 'allspark-harness/mixed-load.js';

const ASK = 10n ** 12n;
const MINUTES = Number(process.env.ALLSPARK_SOAK_MINUTES || 2);
/**
 * The load's shape: each account's pause after its transactions are in, how many it keeps in the
 * pool at once, and the bids (and cancels) in one batch. The defaults fill about half of a
 * block's normal-class weight (reported as blockFullnessPct).
 */
const PAUSE_MS = Number(process.env.ALLSPARK_SOAK_PAUSE_MS || 0);
const IN_FLIGHT = Number(process.env.ALLSPARK_SOAK_IN_FLIGHT || 2);
const BATCH = Number(process.env.ALLSPARK_SOAK_BATCH || 64);

/** Calls sent: a batch counts its calls. */
const calls = (records) => records.reduce((n, r) => n + r.calls, 0);

describe(`soak: ${MINUTES} minutes of mixed load on the four-validator network`, () => {
  let nodes;
  let rpcNode;
  let api;
  const report = { minutes: MINUTES, pauseMs: PAUSE_MS, inFlight: IN_FLIGHT, batch: BATCH };

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
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    const alice = keyring.addFromUri('//Alice');
    const listing = await registerWork(api, alice, 'a work under soak');
    const evaluators = [0, 1, 2, 3].map((i) => keyring.addFromUri(`//Alice//soak-round/${i}`));
    const fund = await sendAndWait(api, api.tx.utility.batchAll(
      evaluators.map((e) => api.tx.balances.transferKeepAlive(e.address, 10_000n * ASK))), alice);
    assert.equal(fund.dispatchError, undefined);

    const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Alice//stash', 'Bob//stash',
      'Charlie//stash', 'Dave//stash', 'Eve//stash', 'Ferdie//stash'];
    const workers = names.map((n) => ({ pair: keyring.addFromUri(`//${n}`), node: rpcNode, api }));
    const validators = Object.values(nodes);
    const rssStart = Object.fromEntries([...validators, rpcNode].map((n) => [n.name, Math.round(rssMiB(n))]));
    const tracker = await trackFinality(api);
    const load = mixedLoad({
      reference: { node: rpcNode, api }, workers, listing, pauseMs: PAUSE_MS, inFlight: IN_FLIGHT, batch: BATCH,
      owner: alice.address,
    });
    const startedAt = Date.now();
    const fromBlock = await bestNumber(rpcNode);
    await load.start();

    // Evaluation rounds on the listing, one after another.
    let stop = false;
    const rounds = { opened: 0, finalised: 0, failed: 0 };
    const roundsDone = (async () => {
      while (!stop) {
        const scoredBefore = (await api.call.evaluationApi.score(listing)).rounds.toNumber();
        const open = await sendAndWait(api, api.tx.evaluation.openRound(listing), evaluators[0]);
        if (open.dispatchError) throw new Error(`open_round: ${errorName(api, open.dispatchError)}`);
        rounds.opened++;
        const round = open.events.find(({ event }) => event.method === 'RoundOpened').event.data.round.toNumber();
        const votes = evaluators.slice(1).map((who, i) => ({ who, score: 60 + i * 5, salt: randomBytes(32) }));
        await Promise.all(votes.map((v) => sendAndWait(api, api.tx.evaluation.commit(round,
          blake2AsHex(u8aConcat(new Uint8Array([v.score]), v.salt, decodeAddress(v.who.address)), 256), 10n * ASK), v.who)));
        // Reveal once the block being built is past the commit phase (phase at `now`: Reveal from
        // commit_end on); the round finalises on its own once the reveal phase is over.
        const view = (await api.call.evaluationApi.round(round)).unwrap();
        await waitFor(`round ${round}'s reveal phase`, async () => (await bestNumber(rpcNode)) + 1 >= view.commitEnd.toNumber(), 600_000, 1000);
        const revealed = await Promise.all(votes.map((v) => sendAndWait(api, api.tx.evaluation.reveal(round, v.score, v.salt), v.who)));
        for (const r of revealed) if (r.dispatchError) throw new Error(`reveal: ${errorName(api, r.dispatchError)}`);
        const ended = await waitFor(`round ${round} to be finalised`, async () => {
          const left = await api.call.evaluationApi.round(round);
          if (left.isSome) return false;
          const scored = (await api.call.evaluationApi.score(listing)).rounds.toNumber();
          return scored > scoredBefore ? 'RoundFinalised' : 'RoundFailed';
        }, 600_000, 1000);
        rounds[ended === 'RoundFinalised' ? 'finalised' : 'failed']++;
      }
    })();

    // The RPC node's answers to a DApp's reads, once a second.
    const answers = [];
    const who = alice.address;
    while (Date.now() - startedAt < MINUTES * 60_000) {
      const t0 = performance.now();
      await Promise.all([
        rpc(rpcNode, 'chain_getHeader'),
        api.query.system.account(who),
        rpc(rpcNode, 'market_book', [listing, { Licence: 'Personal' }, 20]),
        api.call.evaluationApi.score(listing),
      ]);
      answers.push(performance.now() - t0);
      await sleep(1000);
    }
    stop = true;
    const endedAt = Date.now();
    const outcome = await load.settle();
    await roundsDone;
    const toBlock = await bestNumber(rpcNode);
    const lags = tracker.lags(startedAt, endedAt);
    tracker.stop();

    // Each block's weight against the normal class's limit.
    const limit = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
    const fullness = [];
    for (let h = fromBlock + 1; h <= toBlock; h++) {
      const at = await api.at(await rpc(rpcNode, 'chain_getBlockHash', [h]));
      const w = await at.query.system.blockWeight();
      fullness.push(Number((w.normal.refTime.toBigInt() * 10_000n) / limit) / 100);
    }
    const rssEnd = Object.fromEntries([...validators, rpcNode].map((n) => [n.name, Math.round(rssMiB(n))]));
    Object.assign(report, {
      blocks: toBlock - fromBlock,
      load: { ...outcome, inclusionMs: undefined, inclusionP50Ms: quantile(outcome.inclusionMs, 0.5), inclusionP99Ms: quantile(outcome.inclusionMs, 0.99) },
      txPerSecond: Math.round((outcome.sent / ((endedAt - startedAt) / 1000)) * 10) / 10,
      callsPerSecond: Math.round((calls(load.records) / ((endedAt - startedAt) / 1000)) * 10) / 10,
      blockFullnessPct: { p50: quantile(fullness, 0.5), p99: quantile(fullness, 0.99), mean: fullness.reduce((a, b) => a + b, 0) / Math.max(1, fullness.length) },
      rounds,
      finalityLagMs: { p50: quantile(lags, 0.5), p99: quantile(lags, 0.99), blocks: lags.length },
      rssMiB: { start: rssStart, end: rssEnd },
      rpcAnswerMs: { p50: quantile(answers, 0.5), p99: quantile(answers, 0.99), samples: answers.length },
    });
    console.log(`soak: ${JSON.stringify(report)}`);

    assert.equal(outcome.unaccounted, 0,
      `transactions neither finalized nor reported dropped: ${JSON.stringify(load.records.filter((r) => r.outcome === 'unaccounted'))}`);
    assert.equal(outcome.dropped, 0, `no transaction dropped on a healthy network: ${JSON.stringify(outcome.reasons)}`);
    assert.ok(Object.values(outcome.byKind).every((c) => c > 0), `every kind of call was sent: ${JSON.stringify(outcome.byKind)}`);
    assert.ok(outcome.finalized >= outcome.accepted, `every accepted transaction finalized: ${outcome.finalized} of ${outcome.accepted}`);
    assert.ok(rounds.opened >= 1, 'evaluation rounds ran beside the load');
    assert.ok(lags.length > 0 && answers.length > 0);
    await waitFor(`the chain finalizing #${toBlock}`, async () => (await finalizedNumber(rpcNode)) >= toBlock, 300_000);
  });
});
