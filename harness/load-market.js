// A block full of fills on a real node: the load behind the fills-per-block goal
// (pallets/market/BENCHMARKS.md). Not a timed test: it reports what a node achieved.
//
//   node harness/load-market.js [--side sell|buy|both] [--books 2] [--levels 64] [--out file]
//
// For each taker side it starts a fresh dev node, registers a listing, fills `books` books (the
// listing's licence kinds) with `levels` price levels of 128 one-unit resting orders each
// (made in batches of 8, one maker account a level), then submits every taking order at once:
// one order a level, 128 units, each filling the level's 128 orders in one call. It reports the
// fills and taking calls of each block, the most fills one block took, each block's weight, the
// author's block construction times and a following full node's block import times (their
// Prometheus histograms: p50/p99 as bucket bounds, and the mean over the blocks under load).
//   - `sell`: resting bids of many buyers, the listing's owner sells into them;
//   - `buy`: resting asks of the owner, many buyers buy them.

import { writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  startNode, stopNode, connect, waitFor, finalizedNumber, bestNumber, rpc, metricsText,
} from './node.js';
import { sendAndWait, describeError } from './tx.js';
import { registerWork } from './content.js';

const ASK = 10n ** 12n;
const MILLI_ASK = 10n ** 9n;
const PER_LEVEL = 128;
/** Resting orders a maker batch places: small enough that a batch's declared weight (each
 * place_order declares its worst case) fits beside others in a block. */
const BATCH = 8;
const KINDS = ['Personal', 'Commercial', 'Republication'];

function options(argv) {
  const o = { side: 'both', books: 2, levels: 64, out: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i].replace(/^--/, ''), argv[i + 1]];
    if (!(k in o)) throw new Error(`unknown option --${k}`);
    o[k] = k === 'side' || k === 'out' ? v : Number(v);
  }
  if (!['sell', 'buy', 'both'].includes(o.side)) throw new Error('--side is sell, buy or both');
  if (o.books < 1 || o.books > KINDS.length) throw new Error(`--books is 1 to ${KINDS.length}`);
  return o;
}

/** The histogram `name` of a Prometheus text page: its buckets, count and sum. */
function histogram(text, name) {
  const buckets = [];
  let count = 0;
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}_bucket`)) {
      const le = /le="([^"]+)"/.exec(line)[1];
      buckets.push([le === '+Inf' ? Infinity : Number(le), Number(line.split(' ').pop())]);
    } else if (line.startsWith(`${name}_count`)) count += Number(line.split(' ').pop());
    else if (line.startsWith(`${name}_sum`)) sum += Number(line.split(' ').pop());
  }
  return { buckets, count, sum };
}

/** The upper bucket bound at quantile `q` of a histogram (a bound, as buckets allow). */
function quantile({ buckets, count }, q) {
  const want = q * count;
  const found = buckets.find(([, n]) => n >= want);
  return found ? found[0] : null;
}

async function metrics(node) {
  const text = await metricsText(node);
  const read = (name) => {
    const h = histogram(text, name);
    return h.count
      ? { count: h.count, sumS: h.sum, meanS: h.sum / h.count, p50S: quantile(h, 0.5), p99S: quantile(h, 0.99) }
      : null;
  };
  return {
    blockConstruction: read('substrate_proposer_block_constructed'),
    blockImport: read('substrate_block_verification_and_import_time'),
  };
}

/** The mean of what a histogram observed between two readings. */
function windowMean(before, after) {
  if (!after) return null;
  const [c0, s0] = before ? [before.count, before.sumS] : [0, 0];
  return after.count > c0 ? (after.sumS - s0) / (after.count - c0) : null;
}

/** Send `txs` (each `[tx, signer, nonce]`) at once; resolve when every one is in a block. */
/**
 * Sign and send every `[tx, signer, nonce]` at once; resolve with their blocks' hashes once all
 * are in blocks, reject on the first refused or dispatch-failed one.
 */
export async function sendAll(api, txs) {
  const included = txs.map(([tx, signer, nonce]) => new Promise((resolve, reject) => {
    tx.signAndSend(signer, { nonce }, ({ status, dispatchError }) => {
      if (dispatchError) reject(new Error(describeError(api, dispatchError).name));
      else if (status.isInBlock) resolve(status.asInBlock.toHex());
      else if (status.isDropped || status.isInvalid || status.isUsurped) reject(new Error(`tx ${status.type}`));
    }).catch(reject);
  }));
  return Promise.all(included);
}

async function run(takerSide, o) {
  const node = await startNode({
    chain: 'dev', key: 'alice',
    extraArgs: ['--pool-limit', '100000', '--pool-kbytes', '1000000', '--rpc-max-subscriptions-per-connection', '100000'],
  });
  // A full node following it: the import times of the blocks under load are its.
  const follower = await startNode({ chain: 'dev', bootnodes: [node.multiaddr], name: 'follower' });
  let api;
  try {
    api = await connect(node);
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    const alice = keyring.addFromUri('//Alice');

    // A listing offering every licence kind.
    const listing = await registerWork(api, alice, 'a work under load', { personal: true, commercial: true, republication: true });

    const makersOnBuy = takerSide === 'Sell';
    const levels = o.books * o.levels;
    // Each level's 128 orders: one batch of one account (a buyer when bids rest, else the owner).
    const accounts = Array.from({ length: levels }, (_, i) => keyring.addFromUri(`//load-${takerSide}/${i}`));
    // Bids from 10 ASK down (best first), asks from 20 ASK up; each taker takes one level.
    const price = (level) => (makersOnBuy ? 100n - BigInt(level) : 200n + BigInt(level)) * 100n * MILLI_ASK;
    // A bidder holds its level's 128 units; a buying taker pays for one level's.
    const funds = (makersOnBuy ? 2_000n : 5_000n) * ASK;
    const fund = accounts.map((a) => api.tx.balances.transferKeepAlive(a.address, funds));
    for (let i = 0; i < fund.length; i += 256) {
      const r = await sendAndWait(api, api.tx.utility.batchAll(fund.slice(i, i + 256)), alice);
      if (r.dispatchError) throw new Error(`funding: ${describeError(api, r.dispatchError).name}`);
    }

    const makerTxs = [];
    let aliceNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    for (let book = 0; book < o.books; book++) {
      const right = { Licence: KINDS[book] };
      for (let level = 0; level < o.levels; level++) {
        const side = makersOnBuy ? 'Buy' : 'Sell';
        const maker = makersOnBuy ? accounts[book * o.levels + level] : alice;
        for (let b = 0; b < PER_LEVEL / BATCH; b++) {
          const calls = Array.from({ length: BATCH },
            () => api.tx.market.placeOrder(listing, right, side, price(level), 1, null, false, null));
          const nonce = makersOnBuy ? b : aliceNonce++;
          makerTxs.push([api.tx.utility.batchAll(calls), maker, nonce]);
        }
      }
    }
    const madeFrom = await bestNumber(node);
    await sendAll(api, makerTxs);
    const book = await rpc(node.rpcPort, 'market_book', [listing, { Licence: KINDS[0] }, 100]);
    const resting = (makersOnBuy ? book.bids : book.asks).reduce((n, l) => n + Number(l.orders), 0);
    if (resting !== o.levels * PER_LEVEL) throw new Error(`${resting} orders rest on the first book`);
    const madeTo = await bestNumber(node);

    // Every taking order at once: 128 units at the far side's worst price, one level each.
    aliceNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const takerTxs = [];
    for (let book = 0; book < o.books; book++) {
      const right = { Licence: KINDS[book] };
      for (let level = 0; level < o.levels; level++) {
        const limit = makersOnBuy ? 1n * ASK : 30n * ASK;
        const tx = api.tx.market.placeOrder(listing, right, takerSide, limit, PER_LEVEL, null, false, null);
        takerTxs.push(makersOnBuy ? [tx, alice, aliceNonce++] : [tx, accounts[book * o.levels + level], 0]);
      }
    }
    const before = { author: await metrics(node), follower: await metrics(follower) };
    const from = await bestNumber(node);
    const started = Date.now();
    await sendAll(api, takerTxs);
    const wallS = (Date.now() - started) / 1000;
    const to = await bestNumber(node);
    await waitFor('the follower importing the blocks under load', async () => (await bestNumber(follower)) >= to, 120_000);
    const after = { author: await metrics(node), follower: await metrics(follower) };

    const blocks = [];
    for (let n = from + 1; n <= to; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const at = await api.at(hash);
      const events = await at.query.system.events();
      const fills = events.filter(({ event }) => api.events.market.OrderFilled.is(event)).length;
      const calls = events.filter(({ event }) => api.events.market.OrderPlaced.is(event)).length;
      const weight = await at.query.system.blockWeight();
      const normalMs = weight.normal.refTime.toBigInt() / 1_000_000_000n;
      if (fills || calls) blocks.push({ number: n, fills, takingCalls: calls, normalWeightMs: Number(normalMs) });
    }
    const fills = blocks.reduce((n, b) => n + b.fills, 0);
    return {
      takerSide,
      books: o.books,
      levels: o.levels,
      ordersPerLevel: PER_LEVEL,
      makerBlocks: madeTo - madeFrom,
      fills,
      expectedFills: levels * PER_LEVEL,
      mostFillsInABlock: Math.max(0, ...blocks.map((b) => b.fills)),
      blocksToTake: blocks.length,
      wallSeconds: wallS,
      blocks,
      // The blocks under load alone: the histograms' growth over the taking window.
      underLoad: {
        constructionMeanS: windowMean(before.author.blockConstruction, after.author.blockConstruction),
        importMeanS: windowMean(before.follower.blockImport, after.follower.blockImport),
      },
      metricsBefore: before,
      metricsAfter: after,
    };
  } finally {
    if (api) await api.disconnect();
    await stopNode(follower);
    await stopNode(node);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = options(process.argv.slice(2));
  await cryptoWaitReady();
  const sides = o.side === 'both' ? ['Sell', 'Buy'] : [o.side === 'sell' ? 'Sell' : 'Buy'];
  const report = { date: new Date().toISOString(), runs: [] };
  for (const side of sides) {
    const r = await run(side, o);
    console.log(`${side}: ${r.fills} fills of ${r.expectedFills} in ${r.blocksToTake} blocks; `
      + `most in a block: ${r.mostFillsInABlock}`);
    report.runs.push(r);
  }
  const json = JSON.stringify(report, null, 2);
  if (o.out) writeFileSync(o.out, `${json}\n`);
  else console.log(json);
  process.exit(0);
}
