// A mixed load of transfers and market calls, and the account of every transaction it sent: the
// load behind the chaos tests (a validator killed under load) and the soak.
//
// Each load account runs one worker: it signs its next call (a transfer, non-crossing bids or
// the cancels of its oldest bids, `batch` of them in one `utility.batch`; the listing's owner
// also offers a licence at a fixed price and withdraws it), submits it to its node with author_submitAndWatchExtrinsic and
// waits for it to be included or to end (invalid, dropped, usurped, or its node's connection
// lost), then paces itself and goes on. Nonces come from a reference node that is never killed,
// so an account whose transaction died with a killed node goes on with the right nonce.
//
// `settle()` then reads every block the load ran over from the reference node's finalized chain
// and gives each transaction the pool accepted (got a hash for) one outcome: `finalized` (its
// hash is in a finalized block), `dropped` with the reason its watch ended with, or
// `unaccounted` (neither: a lost transaction).

import { rpc, sleep, waitFor, finalizedNumber } from './node.js';

const ASK = 10n ** 12n;
/** How long a transaction may wait for a block before its watch is given up. */
const STALL_MS = 180_000;

/**
 * @param {object} o
 * @param {object} o.reference  `{ node, api }` of a node never killed: nonces, the final account
 * @param {object[]} o.workers  `[{ pair, node, api }]`: an account and the node it submits to
 * @param {number} o.listing  a listing whose Personal book the bids rest in (nobody sells)
 * @param {number} [o.pauseMs]  each worker's pause between two transactions
 * @param {number} [o.inFlight]  transactions a worker keeps in the pool at once (nonces in turn)
 * @param {number} [o.batch]  bids (and cancels) in one transaction
 * @param {string} [o.owner]  the listing owner's address: its worker also offers and withdraws
 */
export function mixedLoad({ reference, workers, listing, pauseMs = 1000, inFlight = 1, batch = 1, owner = null }) {
  const records = [];
  let stopped = false;
  let running = [];
  const pending = new Map(); // api -> Set of open watches (their end functions)

  const watchesOf = (api) => {
    if (!pending.has(api)) {
      pending.set(api, new Set());
      api.on('disconnected', () => {
        for (const end of [...pending.get(api)]) end('dropped', 'the connection to its node was lost (node killed) before it was finalized');
      });
    }
    return pending.get(api);
  };

  /** Submit `tx` signed by `w` with `nonce`; resolves when its watch ends or it is in a block. */
  function submit(w, tx, kind, nonce) {
    const rec = {
      kind, account: w.pair.address, node: w.node.name, nonce, hash: null, accepted: false,
      calls: tx.method.section === 'utility' ? tx.method.args[0].length : 1,
      submittedAt: Date.now(), inBlockAt: null, blockHash: null, outcome: null, reason: null, events: [],
    };
    records.push(rec);
    const watches = watchesOf(w.api);
    return new Promise((resolve) => {
      let unsub = null;
      let done = false;
      let stall = null;
      const end = (outcome, reason) => {
        if (done) return;
        done = true;
        clearTimeout(stall);
        watches.delete(end);
        if (outcome) { rec.outcome = outcome; rec.reason = reason; }
        if (unsub) { try { unsub(); } catch { /* connection gone */ } }
        resolve(rec);
      };
      watches.add(end);
      // A transaction that waits in the pool's future queue (a nonce gap left by one that never
      // got in) would hold its worker forever: after STALL_MS its watch ends, reported dropped,
      // and the worker takes its next nonce from the node again (settle still finds it if it
      // got in after all).
      stall = setTimeout(() => end('dropped', `not in a block after ${STALL_MS / 1000} s`), STALL_MS);
      tx.signAndSend(w.pair, { nonce }, (result) => {
        const { status } = result;
        rec.hash = result.txHash.toHex();
        if (status.isFuture || status.isReady || status.isBroadcast) rec.accepted = true;
        if (status.isInBlock) {
          rec.accepted = true;
          rec.inBlockAt = Date.now();
          rec.blockHash = status.asInBlock.toHex();
          rec.events = result.events.map(({ event }) => event);
          end(null, null);
        } else if (status.isFinalized) {
          rec.accepted = true;
          end(null, null);
        } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
          end('dropped', `the pool reported it ${status.type}`);
        }
      }).then((u) => { unsub = u; if (done) u(); }).catch((e) => {
        // Refused at submission: the pool never accepted it, no hash was handed out.
        rec.refused = e.message;
        end('refused', e.message);
      });
    });
  }

  const many = (api, calls) => (calls.length === 1 ? calls[0] : api.tx.utility.batch(calls));
  /**
   * A worker's next call: transfer, bids, cancels of its oldest bids, in turn; the owner's worker
   * offers or withdraws its offer in place of every other transfer.
   */
  function nextCall(w, step) {
    const api = w.api;
    const kind = ['transfer', 'bid', 'cancel'][step % 3];
    if (kind === 'cancel' && w.bids.length > 0) {
      return ['cancel', many(api, w.bids.splice(0, batch).map((id) => api.tx.market.cancelOrder(id)))];
    }
    if (w.pair.address === owner && step % 6 === 0) {
      if (w.offers.length > 0) return ['offer', api.tx.market.cancelOffer(w.offers.shift())];
      return ['offer', api.tx.market.createOffer(listing, { Licence: 'Personal' }, { Fixed: { price: 50n * ASK } }, 1, null)];
    }
    if (kind === 'transfer' || kind === 'cancel') {
      const to = workers[(workers.indexOf(w) + 1 + step) % workers.length].pair.address;
      return ['transfer', api.tx.balances.transferKeepAlive(to, ASK / 1000n + BigInt(step))];
    }
    // Bids on 48 levels from 1 ASK down by a milli-ASK each, spread over them: nobody sells,
    // they never cross, and no level fills up.
    const price = (k) => ASK - BigInt((step * batch + k) % 48) * (ASK / 1000n);
    const bid = (_, k) => api.tx.market.placeOrder(listing, { Licence: 'Personal' }, 'Buy', price(k), 1, null, false, null);
    return ['bid', many(api, Array.from({ length: batch }, bid))];
  }

  async function worker(w) {
    w.bids = [];
    w.offers = [];
    w.nonce = null;
    let step = 0;
    while (!stopped) {
      if (!w.api.isConnected) { await sleep(500); continue; }
      let known;
      try {
        known = (await reference.api.rpc.system.accountNextIndex(w.pair.address)).toNumber();
      } catch { await sleep(500); continue; }
      // The worker counts its own nonces, as a wallet does: right after a fork switch the node's
      // next index can lag behind a transaction it has just put back in its pool, and signing
      // with it would replace that transaction. The node's index is taken when it is ahead, or
      // when a transaction of the last round ended without getting in (its nonce is free again).
      const nonce = w.nonce === null ? known : Math.max(w.nonce, known);
      const batch = [];
      for (let k = 0; k < inFlight && !stopped; k++) {
        const [kind, tx] = nextCall(w, step++);
        batch.push(submit(w, tx, kind, nonce + k));
      }
      w.nonce = nonce + batch.length;
      for (const rec of await Promise.all(batch)) {
        if (!rec.inBlockAt) w.nonce = null;
        for (const e of rec.events) {
          if (e.section === 'market' && e.method === 'OrderPlaced') w.bids.push(e.data.order.toNumber());
          if (e.section === 'market' && e.method === 'OfferCreated') w.offers.push(e.data.offer.toNumber());
        }
      }
      await sleep(pauseMs);
    }
  }

  let fromBlock = null;
  return {
    records,
    async start() {
      fromBlock = await finalizedNumber(reference.node);
      running = workers.map((w) => worker(w));
    },
    /** Stop sending, let every open watch end, then account for every transaction. */
    async settle({ timeoutMs = 300_000 } = {}) {
      stopped = true;
      await Promise.all(running);
      // Everything still in a pool gets finalized or ends while the chain goes on.
      const best = (await reference.api.rpc.chain.getHeader()).number.toNumber();
      await waitFor(`finality past #${best + 2}`, async () => (await finalizedNumber(reference.node)) >= best + 2, timeoutMs);
      const to = await finalizedNumber(reference.node);
      const included = new Map();
      for (let h = fromBlock; h <= to; h++) {
        const hash = await rpc(reference.node, 'chain_getBlockHash', [h]);
        const block = await reference.api.rpc.chain.getBlock(hash);
        for (const x of block.block.extrinsics) included.set(x.hash.toHex(), h);
      }
      for (const rec of records) {
        if (rec.hash && included.has(rec.hash)) {
          // Its watch may have ended with its node (killed), yet it made it into the chain.
          if (rec.outcome === 'dropped') rec.watchLost = true;
          rec.outcome = 'finalized';
          rec.finalizedIn = included.get(rec.hash);
        } else if (!rec.outcome) {
          rec.outcome = rec.accepted ? 'unaccounted' : 'refused';
          rec.reason = rec.reason || (rec.inBlockAt ? `in block ${rec.blockHash}, which was not finalized` : 'no outcome');
        }
      }
      return summary(records, fromBlock, to);
    },
  };
}

/** Counts of a load's outcomes: by outcome, by kind, by node, and the reasons of those dropped. */
export function summary(records, fromBlock, toBlock) {
  const count = (f) => records.filter(f).length;
  const reasons = {};
  for (const r of records.filter((x) => x.outcome === 'dropped' || x.outcome === 'refused')) {
    reasons[r.reason] = (reasons[r.reason] || 0) + 1;
  }
  const byNode = {};
  for (const r of records) {
    byNode[r.node] ??= { sent: 0, finalized: 0 };
    byNode[r.node].sent++;
    if (r.outcome === 'finalized') byNode[r.node].finalized++;
  }
  const inclusion = records.filter((r) => r.inBlockAt).map((r) => r.inBlockAt - r.submittedAt);
  return {
    blocks: [fromBlock, toBlock],
    sent: records.length,
    accepted: count((r) => r.accepted),
    finalized: count((r) => r.outcome === 'finalized'),
    dropped: count((r) => r.outcome === 'dropped'),
    refused: count((r) => r.outcome === 'refused'),
    unaccounted: count((r) => r.outcome === 'unaccounted'),
    finalizedAfterTheirWatchWasLost: count((r) => r.watchLost),
    byKind: Object.fromEntries(['transfer', 'bid', 'cancel', 'offer'].map((k) => [k, count((r) => r.kind === k)])),
    byNode,
    reasons,
    inclusionMs: inclusion,
  };
}
