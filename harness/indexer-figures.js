// The indexer's figures (indexer/README.md): not a test, a measurement on this machine.
//
//   node harness/indexer-figures.js [--levels 40] [--queries 200] [--live 30] [--out file]
//
// 1. A chain with at least 10,000 trades: an archive dev node, `2 × levels` bidders each resting
//    128 one-unit buy orders (a level of each of two books), then the listing's owner selling
//    into every level at once: each filled bid is one trade paid by the settlement queue.
// 2. Catch-up: PostgreSQL and the indexer started on that chain from genesis; blocks and events
//    per second until it reaches the head it was started at.
// 3. Lag: `live` trades, one per block; for each, the time from its block's import (best) and
//    finality (as the node announces them) to its row answering over GraphQL.
// 4. GraphQL latency: each of the DApp's queries `queries` times, one at a time.

import { writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, stopNode, connect, waitFor, finalizedNumber, bestNumber, sleep } from './node.js';
import { sendAndWait, describeError } from './tx.js';
import { sendAll } from './load-market.js';
import { registerWork } from './content.js';
import { startPostgres } from './postgres.js';
import { startIndexer } from './indexer.js';
import { quantile } from './chaos.js';

const ASK = 10n ** 12n;
const PER_LEVEL = 128;
const BATCH = 8;
const KINDS = ['Personal', 'Commercial'];

function options(argv) {
  const o = { levels: 40, queries: 200, live: 30, out: null };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in o)) throw new Error(`unknown option --${k}`);
    o[k] = k === 'out' ? argv[i + 1] : Number(argv[i + 1]);
  }
  return o;
}

/** Bids resting in two books, then the owner selling into all of them. */
async function makeTrades(api, alice, keyring, o) {
  const listing = await registerWork(api, alice, 'a work traded ten thousand times', { personal: true, commercial: true });
  const bidders = Array.from({ length: KINDS.length * o.levels }, (_, i) => keyring.addFromUri(`//indexer-figures/${i}`));
  const fund = bidders.map((a) => api.tx.balances.transferKeepAlive(a.address, 2_000n * ASK));
  for (let i = 0; i < fund.length; i += 256) {
    const r = await sendAndWait(api, api.tx.utility.batchAll(fund.slice(i, i + 256)), alice);
    if (r.dispatchError) throw new Error(`funding: ${describeError(api, r.dispatchError).name}`);
  }
  const price = (level) => (100n - BigInt(level)) * ASK / 10n;
  const makers = [];
  KINDS.forEach((kind, book) => {
    for (let level = 0; level < o.levels; level++) {
      for (let b = 0; b < PER_LEVEL / BATCH; b++) {
        const calls = Array.from({ length: BATCH },
          () => api.tx.market.placeOrder(listing, { Licence: kind }, 'Buy', price(level), 1, null, false, null));
        makers.push([api.tx.utility.batchAll(calls), bidders[book * o.levels + level], b]);
      }
    }
  });
  await sendAll(api, makers);
  let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const takers = [];
  for (const kind of KINDS) {
    for (let level = 0; level < o.levels; level++) {
      takers.push([api.tx.market.placeOrder(listing, { Licence: kind }, 'Sell', ASK / 10n, PER_LEVEL, null, false, null), alice, nonce++]);
    }
  }
  await sendAll(api, takers);
  await waitFor('the settlement queue drained', async () =>
    (await api.query.market.pendingFills(listing)).toNumber() === 0, 3_600_000, 2000);
  return { listing, trades: KINDS.length * o.levels * PER_LEVEL };
}

const summary = (xs) => ({
  n: xs.length, p50: quantile(xs, 0.5), p99: quantile(xs, 0.99), max: Math.max(...xs),
});

const DAPP_QUERIES = {
  search: 'query($q: String!) { listings(where: { metadata_containsInsensitive: $q }, orderBy: volume_DESC, limit: 20) { id metadata category score volume lastPrice } }',
  candles: 'query($id: String!) { candles(where: { listing: { id_eq: $id }, interval_eq: H1 }, orderBy: start_ASC, limit: 500) { start open high low close volume } }',
  tradesPage: 'query($id: String!) { tradesConnection(where: { listing: { id_eq: $id } }, orderBy: blockNumber_DESC, first: 50) { totalCount edges { node { id kind buyer seller quantity value price timestamp } } pageInfo { endCursor hasNextPage } } }',
  accountHistory: 'query($a: String!) { accountEvents(where: { account_eq: $a }, orderBy: blockNumber_DESC, limit: 50) { name role amount blockNumber timestamp } }',
  topListings: '{ topListingsByVolume(hours: 24, limit: 10) { listingId volume trades } }',
  leaderboard: '{ evaluators(orderBy: net_DESC, limit: 20) { id coherent rewards net } }',
};

async function main() {
  const o = options(process.argv.slice(2));
  await cryptoWaitReady();
  const { out, ...shape } = o;
  const report = { date: new Date().toISOString(), options: shape };
  const node = await startNode({
    chain: 'dev', key: 'alice',
    extraArgs: ['--pool-limit', '100000', '--pool-kbytes', '1000000', '--rpc-max-subscriptions-per-connection', '100000'],
  });
  let pg; let indexer; let api;
  try {
    api = await connect(node);
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const made = await makeTrades(api, alice, keyring, o);
    const head = await bestNumber(node);
    await waitFor('the trades final', async () => (await finalizedNumber(node)) >= head, 300_000);
    console.log(`${made.trades} trades made; head #${head}`);

    // Catch-up from genesis.
    pg = await startPostgres();
    const started = Date.now();
    indexer = await startIndexer({ pg, rpc: node.ws });
    await indexer.reach(head, 3_600_000);
    const seconds = (Date.now() - started) / 1000;
    const [[events]] = pg.psql(`SELECT count(*) FROM chain_event WHERE block_number <= ${head}`);
    const [[trades]] = pg.psql(`SELECT count(*) FROM trade WHERE block_number <= ${head}`);
    report.catchUp = {
      blocks: head, events: Number(events), trades: Number(trades), seconds,
      blocksPerSecond: head / seconds, eventsPerSecond: Number(events) / seconds,
    };
    console.log(`catch-up: ${JSON.stringify(report.catchUp)}`);

    // Lag: one trade a block; when did the node announce its block, and its finality, and when did
    // its row answer?
    const seen = new Map();
    const final = new Map();
    const unsubBest = await api.rpc.chain.subscribeNewHeads((h) => seen.set(h.number.toNumber(), Date.now()));
    const unsubFinal = await api.rpc.chain.subscribeFinalizedHeads((h) => final.set(h.number.toNumber(), Date.now()));
    const fromBest = []; const fromFinal = [];
    for (let i = 0; i < o.live; i++) {
      const price = ASK + BigInt(i);
      await sendAndWait(api, api.tx.market.placeOrder(made.listing, { Licence: 'Personal' }, 'Sell', price, 1, null, false, null), alice);
      const r = await sendAndWait(api, api.tx.market.placeOrder(made.listing, { Licence: 'Personal' }, 'Buy', price, 1, null, false, null), bob);
      const n = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
      let answered;
      while (!answered) {
        const { trades: t } = await indexer.query(`{ trades(where: { blockNumber_eq: ${n}, price_eq: "${price}" }) { id } }`);
        if (t.length) answered = Date.now();
        else await sleep(20);
      }
      await waitFor(`#${n} finalized`, async () => final.has(n), 120_000, 100);
      if (seen.has(n)) fromBest.push(answered - seen.get(n));
      if (final.has(n)) fromFinal.push(answered - final.get(n));
    }
    unsubBest(); unsubFinal();
    report.lagMs = { fromImport: summary(fromBest), fromFinality: summary(fromFinal) };
    console.log(`lag: ${JSON.stringify(report.lagMs)}`);

    // GraphQL latency of the DApp's queries.
    const vars = { search: { q: 'work' }, candles: { id: String(made.listing) }, tradesPage: { id: String(made.listing) }, accountHistory: { a: alice.address } };
    report.graphqlMs = {};
    for (const [name, q] of Object.entries(DAPP_QUERIES)) {
      const times = [];
      for (let i = 0; i < o.queries; i++) {
        const t = process.hrtime.bigint();
        await indexer.query(q, vars[name] ?? {});
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      report.graphqlMs[name] = summary(times);
    }
    console.log(`graphql: ${JSON.stringify(report.graphqlMs)}`);
  } finally {
    if (indexer) await indexer.stop();
    if (api) await api.disconnect();
    await stopNode(node);
    if (pg) await pg.stop();
  }
  const json = JSON.stringify(report, null, 2);
  if (out) writeFileSync(out, `${json}\n`);
  console.log(json);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
  process.exit(0);
}
