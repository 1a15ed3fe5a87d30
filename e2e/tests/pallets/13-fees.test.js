// The fees a user pays on the running chain, against a transfer's: the performance goals of
// pallets/market/BENCHMARKS.md on a dev node. Bob sends a `transfer_keep_alive`; Alice claims
// and registers a work; Bob places a buy order that crosses nothing and cancels it; Charlie
// opens an evaluation round and Bob commits to it. Each call's fee paid (`TransactionFeePaid`,
// after the weight refund) and its quote before signing (`payment_queryInfo`, the declared worst
// case) are read from the chain and divided by the transfer's; both are held to their goals.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, stopNode, connect, waitFor, finalizedNumber } from 'allspark-harness/node.js';
import { measureFees, feesReport, GOALS } from 'allspark-harness/fees.js';

describe('fees against a transfer', () => {
  let node;
  let api;
  let fees;

  before(async () => {
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
    fees = await measureFees(api, node);
    console.log(JSON.stringify(feesReport(fees), null, 2));
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('charges a transfer a fee, and quotes at least what it charges', () => {
    assert.ok(fees.transfer.paid > 0n);
    assert.ok(fees.transfer.quote >= fees.transfer.paid);
  });

  for (const [call, goal] of Object.entries(GOALS.paid)) {
    it(`charges ${call} at most ${goal}× a transfer's fee`, () => {
      const { paid, quote, paidRatio } = fees.calls[call];
      assert.ok(paid > fees.transfer.paid, `${call} costs more than a transfer`);
      assert.ok(quote >= paid, 'the quote covers the fee paid');
      assert.ok(paidRatio <= goal, `${call} paid ${paidRatio}× a transfer's fee`);
    });
  }

  for (const [call, goal] of Object.entries(GOALS.quote)) {
    it(`quotes ${call} at most ${goal}× a transfer's quote`, () => {
      const { quoteRatio } = fees.calls[call];
      assert.ok(quoteRatio <= goal, `${call} quoted ${quoteRatio}× a transfer's`);
    });
  }
});
