// The fees a user pays on the running chain, as ratios to a `transfer_keep_alive`'s: what the
// calls of the performance goals (pallets/market/BENCHMARKS.md) actually cost once included
// (`TransactionFeePaid`, after the weight refund) and what a wallet quotes before signing
// (`payment_queryInfo`: the call's declared worst-case weight).
//
//   node harness/fees.js     start a dev node, measure, print the table as JSON
//
// `measureFees(api, node)` is what the e2e suite (e2e/tests/pallets/13-fees.test.js) and
// scripts/perf-report.sh run.

import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { stringToHex } from '@polkadot/util';
import { startNode, stopNode, connect, rpc, waitFor, finalizedNumber } from './node.js';
import { sendAndWait, describeError } from './tx.js';
import { claimContent } from './content.js';
import { commitmentOf } from './evaluation.js';

const ASK = 10n ** 12n;
const PERSONAL = { Licence: 'Personal' };

/**
 * The goals (pallets/market/BENCHMARKS.md): each call's paid fee, and place_order's quote, at
 * most this many transfers'. The e2e suite asserts both.
 */
export const GOALS = {
  paid: { placeOrder: 3, cancelOrder: 3, register: 3, commit: 3 },
  quote: { placeOrder: 25 },
};

/**
 * Send each measured call once from the dev accounts and read its fee. Returns
 * `{ transfer: { paid, quote }, calls: { name: { paid, quote, paidRatio, quoteRatio } } }`
 * (fees in planck as bigints, ratios as numbers).
 */
export async function measureFees(api, node) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
  const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((n) => keyring.addFromUri(`//${n}`));

  /** Quote `tx` signed by `signer` at the best block, as a wallet does before signing. */
  const quote = async (tx, signer) => {
    const signed = await tx.signAsync(signer, { nonce: -1 });
    const info = await rpc(node.rpcPort, 'payment_queryInfo', [signed.toHex()]);
    return BigInt(info.partialFee);
  };
  /** Send `tx`, assert it succeeded, return the fee it paid and its events. */
  const paid = async (tx, signer) => {
    const r = await sendAndWait(api, tx, signer);
    if (r.dispatchError) throw new Error(describeError(api, r.dispatchError).name);
    const fee = r.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    return { fee: fee.event.data.actualFee.toBigInt(), events: r.events.map(({ event }) => event) };
  };
  /** Quote and send the call `make()` builds (a fresh extrinsic each: quoting signs one). */
  const measure = async (make, signer) => {
    const q = await quote(make(), signer);
    const p = await paid(make(), signer);
    return { quote: q, paid: p.fee, events: p.events };
  };
  const one = (events, section, method) => events.find((e) => e.section === section && e.method === method);

  const transfer = await measure(() => api.tx.balances.transferKeepAlive(charlie.address, ASK), bob);

  const hash = blake2AsHex(`a work measured for its fees ${Date.now()}`);
  await claimContent(api, alice, hash);
  const register = await measure(() => api.tx.content.register(hash, stringToHex('ipfs://bafy-fees'), 'Audio', {
    personal: true, commercial: false, republication: false, licenceDuration: null, distributorCommission: 0,
  }, []), alice);
  const listing = one(register.events, 'content', 'ListingRegistered').data.listing.toNumber();

  // A buy order that crosses nothing (the book is empty), then its cancel.
  const placeOrder = await measure(() => api.tx.market.placeOrder(listing, PERSONAL, 'Buy', 5n * ASK, 1, null, false, null), bob);
  const order = one(placeOrder.events, 'market', 'OrderPlaced').data.order.toNumber();
  const cancelOrder = await measure(() => api.tx.market.cancelOrder(order), bob);

  // A commit to a round another account opened.
  const opened = await paid(api.tx.evaluation.openRound(listing), charlie);
  const round = one(opened.events, 'evaluation', 'RoundOpened').data.round.toNumber();
  const params = (await api.query.evaluation.parameters()).unwrap();
  const commitment = commitmentOf(70, new Uint8Array(32).fill(7), bob.address);
  const commit = await measure(() => api.tx.evaluation.commit(round, commitment, params.minStake.toBigInt()), bob);

  const ratio = (a, b) => Number((a * 1000n) / b) / 1000;
  const calls = Object.fromEntries(Object.entries({ placeOrder, cancelOrder, register, commit }).map(([name, m]) => [
    name, { paid: m.paid, quote: m.quote, paidRatio: ratio(m.paid, transfer.paid), quoteRatio: ratio(m.quote, transfer.quote) },
  ]));
  return { transfer: { paid: transfer.paid, quote: transfer.quote }, calls };
}

/** The table as plain JSON (fees in ASK). */
export function feesReport({ transfer, calls }) {
  const ask = (v) => Number(v) / 1e12;
  return {
    transferKeepAlive: { paidAsk: ask(transfer.paid), quoteAsk: ask(transfer.quote) },
    ...Object.fromEntries(Object.entries(calls).map(([name, c]) => [name, {
      paidAsk: ask(c.paid), paidRatio: c.paidRatio, paidGoal: GOALS.paid[name],
      quoteAsk: ask(c.quote), quoteRatio: c.quoteRatio, quoteGoal: GOALS.quote[name] ?? null,
      met: c.paidRatio <= GOALS.paid[name] && (GOALS.quote[name] === undefined || c.quoteRatio <= GOALS.quote[name]),
    }])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const node = await startNode({ chain: 'dev', key: 'alice' });
  let api;
  try {
    api = await connect(node);
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
    console.log(JSON.stringify(feesReport(await measureFees(api, node)), null, 2));
  } finally {
    if (api) await api.disconnect();
    await stopNode(node);
  }
  process.exit(0);
}
