// The token's economics on the real node: pots funded at genesis, transaction fees divided by
// the charge split into burn, treasury and evaluation-reward pot, and block authors paid from the
// node-incentive pot.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, stopNode, connect, waitFor, rpc, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait } from 'allspark-harness/tx.js';

const ASK = 10n ** 12n;
// The development preset's pots and parameters (runtime/src/genesis_config_presets.rs).
const DEV_POTS = {
  Treasury: 10_000_000n * ASK,
  CommunityIncentives: 5_000_000n * ASK,
  NodeIncentives: 1_000_000n * ASK,
  EvaluationRewards: 1_000_000n * ASK,
};

describe('token economics', () => {
  let node;
  let api;
  let alice;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    alice = new Keyring({ type: 'sr25519', ss58Format: 7307 }).addFromUri('//Alice');
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('reports the pots with their genesis amounts, through the runtime API and the RPC method', async () => {
    const genesis = await api.rpc.chain.getBlockHash(0);
    const viaRpc = await rpc(node.rpcPort, 'token_economics', [genesis.toHex()]);
    const viaApi = (await (await api.at(genesis)).call.tokenApi.economics()).toJSON();
    for (const [name, amount] of Object.entries(DEV_POTS)) {
      const p = viaRpc.pots.find((x) => x.pot === name);
      assert.ok(p, `pot ${name} in ${JSON.stringify(viaRpc.pots)}`);
      assert.equal(BigInt(p.balance), amount, `${name} at genesis`);
      const onChain = (await (await api.at(genesis)).query.system.account(p.account)).data.free.toBigInt();
      assert.equal(onChain, amount, `${name}'s account holds it`);
      const a = viaApi.pots.find((x) => x.pot === name);
      assert.equal(BigInt(a.balance), amount);
    }
    assert.equal(BigInt(viaRpc.totalIssuance), (await (await api.at(genesis)).query.balances.totalIssuance()).toBigInt());
    assert.equal(viaRpc.burned, '0');
  });

  it('divides a transfer fee between burn, treasury and the evaluation-reward pot as configured', async () => {
    const dest = new Keyring({ type: 'sr25519' }).addFromUri(`//Fee${Date.now()}`);
    const { blockHash, events } = await sendAndWait(api, api.tx.balances.transferKeepAlive(dest.address, ASK), alice);
    const fee = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event)).event.data.actualFee.toBigInt();
    const split = events.find(({ event }) => api.events.token.ChargeSplit.is(event));
    assert.ok(split, `ChargeSplit in ${events.map(({ event }) => `${event.section}.${event.method}`)}`);
    const d = split.event.data;
    assert.equal(d.source.toString(), 'TransactionFee');
    assert.equal(d.total.toBigInt(), fee);
    assert.equal(d.burned.toBigInt() + d.toTreasury.toBigInt() + d.toEvaluationPot.toBigInt(), fee);

    const header = await api.rpc.chain.getHeader(blockHash);
    const before = await rpc(node.rpcPort, 'token_economics', [header.parentHash.toHex()]);
    const after = await rpc(node.rpcPort, 'token_economics', [blockHash]);
    // The configured split (parts per million), applied with the pallet's rounding: floor for
    // the pots, the rest burned.
    const toTreasury = (fee * BigInt(after.split.treasury)) / 1_000_000n;
    const toEval = (fee * BigInt(after.split.evaluation)) / 1_000_000n;
    assert.equal(d.toTreasury.toBigInt(), toTreasury);
    assert.equal(d.toEvaluationPot.toBigInt(), toEval);
    const pot = (e, name) => BigInt(e.pots.find((x) => x.pot === name).balance);
    assert.equal(pot(after, 'Treasury') - pot(before, 'Treasury'), toTreasury);
    assert.equal(pot(after, 'EvaluationRewards') - pot(before, 'EvaluationRewards'), toEval);
    assert.equal(BigInt(after.burned) - BigInt(before.burned), fee - toTreasury - toEval);
    assert.equal(BigInt(before.totalIssuance) - BigInt(after.totalIssuance), fee - toTreasury - toEval,
      'issuance falls by the burned part only');
  });

  it('pays each block author from the node-incentive pot', async () => {
    const best = await api.rpc.chain.getHeader();
    const at = await api.at(best.hash);
    const records = await at.query.system.events();
    const rewarded = records.find(({ event }) => api.events.token.AuthorRewarded.is(event));
    assert.ok(rewarded, 'AuthorRewarded in the best block');
    assert.equal(rewarded.event.data.author.toString(), alice.address);
    const reward = rewarded.event.data.amount.toBigInt();
    const econ = await rpc(node.rpcPort, 'token_economics', [best.hash.toHex()]);
    assert.equal(reward, BigInt(econ.authorReward));
    const parent = await rpc(node.rpcPort, 'token_economics', [best.parentHash.toHex()]);
    const pot = (e) => BigInt(e.pots.find((x) => x.pot === 'NodeIncentives').balance);
    assert.equal(pot(parent) - pot(econ), reward);
  });
});
