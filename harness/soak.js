// The soak: a mixed load through an RPC node, as DApps send it, on a running network, for a
// number of minutes: twelve accounts sending transfers, batches of bids and of their cancels,
// fixed-price offers and their withdrawal, while four more run evaluation rounds (open, three
// staked commits, three reveals, finalised on its own). What it measures: every transaction's
// outcome, the blocks' weight against the normal class's limit, finality lag p50/p99, each node's
// resident memory at start, once a minute and at the end, and the RPC node's answer time p50/p99
// for the reads a DApp makes, sampled every second. e2e/chaos/soak.test.js runs it for the
// figures (30 minutes on a network of its own); the chaos tests' short form runs a minute of it
// on their network.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Keyring } from '@polkadot/api';
import { waitFor, rpc, bestNumber, finalizedNumber, sleep } from './node.js';
import { sendAndWait, errorName } from './tx.js';
import { registerWork } from './content.js';
import { commitmentOf } from './evaluation.js';
import { trackFinality, quantile, rssMiB } from './chaos.js';
import { mixedLoad } from './mixed-load.js';

const ASK = 10n ** 12n;

/** Each node's resident memory in MiB, by name. */
const rssOf = (nodes) => Object.fromEntries(nodes.map((n) => [n.name, Math.round(rssMiB(n))]));

/** Calls sent: a batch counts its calls. */
const calls = (records) => records.reduce((n, r) => n + r.calls, 0);

/** Evaluation rounds on `listing`, one after another, until `stopped()`; counts what they did. */
async function roundsUntil(api, rpcNode, listing, evaluators, stopped, rounds) {
  while (!stopped()) {
    const scoredBefore = (await api.call.evaluationApi.score(listing)).rounds.toNumber();
    const open = await sendAndWait(api, api.tx.evaluation.openRound(listing), evaluators[0]);
    if (open.dispatchError) throw new Error(`open_round: ${errorName(api, open.dispatchError)}`);
    rounds.opened++;
    const round = open.events.find(({ event }) => event.method === 'RoundOpened').event.data.round.toNumber();
    const votes = evaluators.slice(1).map((who, i) => ({ who, score: 60 + i * 5, salt: randomBytes(32) }));
    await Promise.all(votes.map((v) => sendAndWait(api,
      api.tx.evaluation.commit(round, commitmentOf(v.score, v.salt, v.who.address), 10n * ASK), v.who)));
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
}

/** Each block's normal-class weight in `[from, to]`, in per cent of the class's limit. */
async function blockFullness(api, rpcNode, from, to) {
  const limit = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  const fullness = [];
  for (let h = from; h <= to; h++) {
    const at = await api.at(await rpc(rpcNode, 'chain_getBlockHash', [h]));
    const w = await at.query.system.blockWeight();
    fullness.push(Number((w.normal.refTime.toBigInt() * 10_000n) / limit) / 100);
  }
  return fullness;
}

/**
 * Run the soak for `minutes` through `rpcNode` (connected as `api`) on a network whose
 * validators are `validators`; `load` shapes the mixed load (mixedLoad's pauseMs, inFlight,
 * batch). Returns `{ report, outcome, records, rounds }`; `checkSoak` asserts on it.
 */
export async function runSoak({ api, rpcNode, validators, minutes, load: shape }) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
  const alice = keyring.addFromUri('//Alice');
  const listing = await registerWork(api, alice, `a work under soak ${Date.now()}`);
  const evaluators = [0, 1, 2, 3].map((i) => keyring.addFromUri(`//Alice//soak-round/${i}`));
  const fund = await sendAndWait(api, api.tx.utility.batchAll(
    evaluators.map((e) => api.tx.balances.transferKeepAlive(e.address, 10_000n * ASK))), alice);
  assert.equal(fund.dispatchError, undefined);

  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Alice//stash', 'Bob//stash',
    'Charlie//stash', 'Dave//stash', 'Eve//stash', 'Ferdie//stash'];
  const workers = names.map((n) => ({ pair: keyring.addFromUri(`//${n}`), node: rpcNode, api }));
  const measured = [...validators, rpcNode];
  const rssStart = rssOf(measured);
  // Every node's memory once a minute: growth over a long soak is a leak or a cache filling.
  const rssByMinute = [{ minute: 0, ...rssStart }];
  const tracker = await trackFinality(api);
  const load = mixedLoad({ reference: { node: rpcNode, api }, workers, listing, owner: alice.address, ...shape });
  const startedAt = Date.now();
  const fromBlock = await bestNumber(rpcNode);
  await load.start();

  let stop = false;
  const rounds = { opened: 0, finalised: 0, failed: 0 };
  const roundsDone = roundsUntil(api, rpcNode, listing, evaluators, () => stop, rounds);

  // The RPC node's answers to a DApp's reads, once a second.
  const answers = [];
  while (Date.now() - startedAt < minutes * 60_000) {
    const t0 = performance.now();
    await Promise.all([
      rpc(rpcNode, 'chain_getHeader'),
      api.query.system.account(alice.address),
      rpc(rpcNode, 'market_book', [listing, { Licence: 'Personal' }, 20]),
      api.call.evaluationApi.score(listing),
    ]);
    answers.push(performance.now() - t0);
    const minute = Math.floor((Date.now() - startedAt) / 60_000);
    if (minute > rssByMinute[rssByMinute.length - 1].minute) rssByMinute.push({ minute, ...rssOf(measured) });
    await sleep(1000);
  }
  stop = true;
  const endedAt = Date.now();
  const outcome = await load.settle();
  await roundsDone;
  const toBlock = await bestNumber(rpcNode);
  const lags = tracker.lags(startedAt, endedAt);
  tracker.stop();
  const fullness = await blockFullness(api, rpcNode, fromBlock + 1, toBlock);
  const rssEnd = rssOf(measured);
  const seconds = (endedAt - startedAt) / 1000;
  const report = {
    minutes,
    ...shape,
    blocks: toBlock - fromBlock,
    load: { ...outcome, inclusionMs: undefined, inclusionP50Ms: quantile(outcome.inclusionMs, 0.5), inclusionP99Ms: quantile(outcome.inclusionMs, 0.99) },
    txPerSecond: Math.round((outcome.sent / seconds) * 10) / 10,
    callsPerSecond: Math.round((calls(load.records) / seconds) * 10) / 10,
    blockFullnessPct: { p50: quantile(fullness, 0.5), p99: quantile(fullness, 0.99), mean: fullness.reduce((a, b) => a + b, 0) / Math.max(1, fullness.length) },
    rounds,
    finalityLagMs: { p50: quantile(lags, 0.5), p99: quantile(lags, 0.99), blocks: lags.length },
    rssMiB: { start: rssStart, end: rssEnd, byMinute: rssByMinute },
    rpcAnswerMs: { p50: quantile(answers, 0.5), p99: quantile(answers, 0.99), samples: answers.length },
  };
  return { report, outcome, records: load.records, rounds, toBlock };
}

/**
 * The soak's verdict: no transaction lost or dropped on a healthy network, every kind of call
 * sent, rounds run beside the load, figures measured, and the chain finalizing past its end.
 */
export async function checkSoak({ report, outcome, records, rounds, toBlock }, rpcNode) {
  assert.equal(outcome.unaccounted, 0,
    `transactions neither finalized nor reported dropped: ${JSON.stringify(records.filter((r) => r.outcome === 'unaccounted'))}`);
  assert.equal(outcome.dropped + outcome.refused, 0,
    `no transaction dropped or refused on a healthy network: ${JSON.stringify(outcome.reasons)}`);
  assert.ok(Object.values(outcome.byKind).every((c) => c > 0), `every kind of call was sent: ${JSON.stringify(outcome.byKind)}`);
  assert.ok(outcome.finalized >= outcome.accepted, `every accepted transaction finalized: ${outcome.finalized} of ${outcome.accepted}`);
  assert.ok(rounds.opened >= 1, 'evaluation rounds ran beside the load');
  assert.ok(report.finalityLagMs.blocks > 0 && report.rpcAnswerMs.samples > 0, 'finality lag and RPC answers were sampled');
  await waitFor(`the chain finalizing #${toBlock}`, async () => (await finalizedNumber(rpcNode)) >= toBlock, 300_000);
}
