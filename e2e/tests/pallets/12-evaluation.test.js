// Staked content evaluation on the real node, as evaluators using polkadot.js would take part:
// Dave opens a round on Alice's listing and pays the evaluation fee; Bob, Charlie and Eve stake
// and commit hidden scores (the commitment computed here equals the runtime's, through the
// runtime API and the `evaluation_commitment` RPC); refused commits and reveals fail with the
// pallet's named errors and change nothing; all three reveal, and the round finalises on its own
// in the block its reveal phase ends. The stake-weighted median becomes the listing's score, the
// two coherent evaluators share the reward pool by stake, and the outlier loses part of its
// stake — every amount checked against real balances and holds, every state against the runtime
// API (`api.call.evaluationApi`) and the `evaluation_*` RPC methods. A trade of the scored
// listing then counts towards the reward era in proportion to score × value.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { stringToHex, u8aToHex } from '@polkadot/util';
import { startNode, stopNode, connect, waitFor, rpc, bestNumber, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';
import { claimContent } from 'allspark-harness/content.js';
import { commitmentOf } from 'allspark-harness/evaluation.js';

const ASK = 10n ** 12n;
// runtime/src/genesis_config_presets.rs: `launch_rates` (a 10 ASK evaluation fee), `launch_split`
// (half to the evaluation-reward pot) and `test_evaluation_params`. Read from the chain below and
// checked against these.
const FEE = 10n * ASK;
const FEE_REWARD = FEE / 2n;
// The fee less its burned 20 %: the most a round pays its coherent evaluators.
const FEE_TO_POTS = FEE - FEE / 5n;
const PARAMS = {
  minStake: 10n * ASK,
  commitPeriod: 10,
  revealPeriod: 10,
  tolerance: 10,
  incoherentSlashPerBillion: 100_000_000n,
  roundDraw: 5n * ASK,
  rewardThreshold: 60,
  minRevealers: 1,
};

describe('staked content evaluation', () => {
  let node;
  let api;
  let alice; let bob; let charlie; let dave; let eve;
  let listing;
  let round;
  let opened;
  // The evaluators: stake, score and salt. Eve is the outlier.
  let votes;

  const send = async (tx, signer) => {
    const r = await sendAndWait(api, tx, signer);
    assert.equal(r.dispatchError, undefined, r.dispatchError && errorName(api, r.dispatchError));
    return r;
  };
  /** Send `tx`; assert it failed with `name`, the pallet said nothing and `who`'s stake held is unchanged. */
  const refused = async (tx, signer, name) => {
    const before = await staked(signer.address);
    const r = await sendAndWait(api, tx, signer);
    assert.ok(r.dispatchError, `${name} expected, the call succeeded`);
    assert.equal(errorName(api, r.dispatchError), name);
    assert.deepEqual(r.events.filter(({ event }) => event.section === 'evaluation').map(({ event }) => event.method), []);
    assert.equal(await staked(signer.address, r.blockHash), before);
    return r;
  };
  const all = (records, section, method) => records
    .filter(({ event }) => api.events[section][method].is(event))
    .map(({ event }) => event.data);
  const one = (records, section, method) => {
    const found = all(records, section, method);
    assert.equal(found.length, 1, `one ${section}.${method}`);
    return found[0];
  };
  const free = async (who, hash) =>
    (await (await api.at(hash)).query.system.account(who)).data.free.toBigInt();
  /** What `who` has held as evaluation stake (at `hash`, default the best block). */
  const staked = async (who, hash) => {
    const q = hash ? (await api.at(hash)).query : api.query;
    const holds = await q.balances.holds(who);
    return holds
      .filter((h) => JSON.stringify(h.id.toJSON()).includes('Stake'))
      .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
  };
  const waitForBlock = (n) => waitFor(`block #${n}`, async () => (await bestNumber(node)) >= n, 180_000);

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    [alice, bob, charlie, dave, eve] =
      ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => keyring.addFromUri(`//${n}`));
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);

    const p = (await api.query.evaluation.parameters()).unwrap();
    assert.equal(p.minStake.toBigInt(), PARAMS.minStake);
    assert.equal(p.commitPeriod.toNumber(), PARAMS.commitPeriod);
    assert.equal(p.revealPeriod.toNumber(), PARAMS.revealPeriod);
    assert.equal(p.tolerance.toNumber(), PARAMS.tolerance);
    assert.equal(p.incoherentSlash.toBigInt(), PARAMS.incoherentSlashPerBillion);
    assert.equal(p.roundDraw.toBigInt(), PARAMS.roundDraw);
    assert.equal(p.rewardThreshold.toNumber(), PARAMS.rewardThreshold);
    assert.equal(p.minRevealers.toNumber(), PARAMS.minRevealers);
    const econ = await rpc(node.rpcPort, 'token_economics', []);
    assert.equal(BigInt(econ.evaluationFee), FEE);

    const film = blake2AsHex(`a film ${Date.now()}`);
    await claimContent(api, alice, film);
    const { events } = await send(api.tx.content.register(film,
      stringToHex('ipfs://bafy-film'), 'Video', {
        personal: true, commercial: false, republication: false, licenceDuration: null, distributorCommission: 0,
      }, []), alice);
    listing = one(events, 'content', 'ListingRegistered').listing.toNumber();

    const salt = (n) => new Uint8Array(32).fill(n);
    votes = [
      { who: bob, score: 70, stake: 100n * ASK, salt: salt(1) },
      { who: charlie, score: 74, stake: 100n * ASK, salt: salt(2) },
      { who: eve, score: 10, stake: 50n * ASK, salt: salt(3) },
    ];
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('opens a round for the evaluation fee, half of which rewards the round', async () => {
    const r = await send(api.tx.evaluation.openRound(listing), dave);
    opened = one(r.events, 'evaluation', 'RoundOpened');
    round = opened.round.toNumber();
    assert.equal(opened.listing.toNumber(), listing);
    assert.equal(opened.opener.toString(), dave.address);
    assert.equal(opened.fee.toBigInt(), FEE);
    assert.equal(opened.feeReward.toBigInt(), FEE_REWARD);
    const n = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
    assert.equal(opened.commitEnd.toNumber(), n + PARAMS.commitPeriod);
    assert.equal(opened.revealEnd.toNumber(), n + PARAMS.commitPeriod + PARAMS.revealPeriod);
    // The fee's split (the transaction fee has its own).
    const [split] = all(r.events, 'token', 'ChargeSplit').filter((d) => d.source.isService);
    assert.ok(split, 'the evaluation fee went through the service charge');
    assert.equal(split.total.toBigInt(), FEE);
    assert.equal(split.toEvaluationPot.toBigInt(), FEE_REWARD);

    const view = await rpc(node.rpcPort, 'evaluation_round', [round, r.blockHash]);
    assert.equal(view.phase, 'commit');
    assert.equal(view.listing, listing);
    assert.equal(view.feeReward, String(FEE_REWARD));
    assert.deepEqual(view.participants, []);
    assert.equal((await rpc(node.rpcPort, 'evaluation_score', [listing, r.blockHash])).openRound, round);
    await refused(api.tx.evaluation.openRound(listing), dave, 'evaluation.RoundAlreadyOpen');
  });

  it('computes the commitment exactly as the runtime does', async () => {
    for (const v of votes) {
      const mine = commitmentOf(v.score, v.salt, v.who.address);
      const viaRpc = await rpc(node.rpcPort, 'evaluation_commitment', [v.score, u8aToHex(v.salt), v.who.address]);
      const viaApi = (await api.call.evaluationApi.commitment(v.score, v.salt, v.who.address)).toHex();
      assert.equal(viaRpc, mine);
      assert.equal(viaApi, mine);
    }
  });

  it('takes three staked commitments and refuses bad ones with named errors', async () => {
    const results = await Promise.all(votes.map((v) =>
      send(api.tx.evaluation.commit(round, commitmentOf(v.score, v.salt, v.who.address), v.stake), v.who)));
    for (const [i, r] of results.entries()) {
      const c = one(r.events, 'evaluation', 'Committed');
      assert.equal(c.evaluator.toString(), votes[i].who.address);
      assert.equal(c.stake.toBigInt(), votes[i].stake);
      assert.equal(await staked(votes[i].who.address, r.blockHash), votes[i].stake);
    }
    const [bobVote] = votes;
    await Promise.all([
      refused(api.tx.evaluation.commit(round, commitmentOf(1, bobVote.salt, bob.address), PARAMS.minStake),
        bob, 'evaluation.AlreadyCommitted'),
      refused(api.tx.evaluation.commit(round, commitmentOf(1, bobVote.salt, alice.address), PARAMS.minStake),
        alice, 'evaluation.ConflictOfInterest'),
      refused(api.tx.evaluation.commit(round, commitmentOf(1, bobVote.salt, dave.address), PARAMS.minStake - 1n),
        dave, 'evaluation.StakeBelowMinimum'),
    ]);
    await refused(api.tx.evaluation.reveal(round, bobVote.score, bobVote.salt), bob,
      'evaluation.RevealPhaseNotStarted');
    const view = await rpc(node.rpcPort, 'evaluation_round', [round]);
    assert.equal(view.participants.length, 3);
    assert.equal(view.totalStake, String(250n * ASK));
    assert.ok(view.participants.every((p) => !p.revealed && p.score === null), 'scores stay hidden');
  });

  it('takes the reveals in the reveal phase and refuses one that does not match', async () => {
    await waitForBlock(opened.commitEnd.toNumber());
    const [bobVote] = votes;
    await refused(api.tx.evaluation.reveal(round, bobVote.score + 1, bobVote.salt), bob,
      'evaluation.CommitmentMismatch');
    const results = await Promise.all(votes.map((v) => send(api.tx.evaluation.reveal(round, v.score, v.salt), v.who)));
    for (const [i, r] of results.entries()) {
      const e = one(r.events, 'evaluation', 'Revealed');
      assert.equal(e.score.toNumber(), votes[i].score);
    }
    const view = await rpc(node.rpcPort, 'evaluation_round', [round]);
    assert.equal(view.phase, 'reveal');
    assert.deepEqual(view.participants.map((p) => p.score).sort(), [10, 70, 74]);
  });

  it('finalises on its own: the stake-weighted median scores the listing, the outlier loses stake', async () => {
    const end = opened.revealEnd.toNumber();
    await waitForBlock(end);
    const hash = (await api.rpc.chain.getBlockHash(end)).toHex();
    const parent = (await api.rpc.chain.getHeader(hash)).parentHash.toHex();
    const records = await (await api.at(hash)).query.system.events();
    // Stakes 100 @ 70, 100 @ 74, 50 @ 10: half of 250 is reached at 70.
    const fin = one(records, 'evaluation', 'RoundFinalised');
    assert.equal(fin.round.toNumber(), round);
    assert.equal(fin.score.toNumber(), 70);
    assert.deepEqual([fin.coherent, fin.incoherent, fin.silent].map((x) => x.toNumber()), [2, 1, 0]);
    const slash = 5n * ASK; // 10 % of Eve's 50 ASK
    assert.equal(fin.slashed.toBigInt(), slash);
    // The fee's reward part and the draw, at most what the fee brought into the pots; the
    // slash stays in the pot for later rounds.
    const wanted = FEE_REWARD + PARAMS.roundDraw;
    const pool = wanted < FEE_TO_POTS ? wanted : FEE_TO_POTS;
    assert.equal(fin.rewards.toBigInt(), pool);

    const settled = Object.fromEntries(all(records, 'evaluation', 'EvaluatorSettled')
      .map((e) => [e.evaluator.toString(), e]));
    for (const v of votes) {
      const s = settled[v.who.address];
      const coherent = v.who !== eve;
      assert.equal(s.outcome.toString(), coherent ? 'Coherent' : 'Incoherent');
      const reward = coherent ? pool / 2n : 0n; // equal stakes share equally
      const lost = coherent ? 0n : slash;
      assert.equal(s.reward.toBigInt(), reward);
      assert.equal(s.slashed.toBigInt(), lost);
      // In this block: the stake is released less what was lost, plus the reward.
      assert.equal(await staked(v.who.address, hash), 0n);
      assert.equal((await free(v.who.address, hash)) - (await free(v.who.address, parent)), v.stake - lost + reward);
    }

    for (const at of [hash, null]) {
      const score = await rpc(node.rpcPort, 'evaluation_score', [listing, at]);
      assert.equal(score.current, 70);
      assert.equal(score.rounds, 1);
      assert.equal(score.openRound, null);
      assert.deepEqual(score.history, [{ round, score: 70, finalisedAt: end, revealed: 3 }]);
    }
    const viaApi = await api.call.evaluationApi.score(listing);
    assert.equal(viaApi.current.unwrap().toNumber(), 70);
    assert.equal(await rpc(node.rpcPort, 'evaluation_round', [round]), null);

    const eveRecord = await rpc(node.rpcPort, 'evaluation_record', [eve.address]);
    assert.deepEqual(eveRecord, { coherent: 0, incoherent: 1, silent: 0, rewarded: '0', slashed: String(slash) });
    const bobRecord = await api.call.evaluationApi.record(bob.address);
    assert.equal(bobRecord.coherent.toNumber(), 1);
    assert.equal(bobRecord.rewarded.toBigInt(), pool / 2n);
  });

  it('counts a trade of the scored listing towards the era by score × service charge', async () => {
    const price = 4n * ASK;
    const before = await rpc(node.rpcPort, 'evaluation_eraRewards', [listing]);
    await send(api.tx.market.placeOrder(listing, { Licence: 'Personal' }, 'Sell', price, 1, null, false, null), alice);
    const r = await send(api.tx.market.placeOrder(listing, { Licence: 'Personal' }, 'Buy', price, 1, null, false, null), bob);
    const settled = one(r.events, 'market', 'TradeSettled');
    assert.equal(settled.value.toBigInt(), price);
    const after = await rpc(node.rpcPort, 'evaluation_eraRewards', [listing, r.blockHash]);
    assert.equal(after.era, before.era, 'still the same era');
    assert.equal(BigInt(after.listing.weight) - BigInt(before.listing.weight), 70n * settled.charge.toBigInt());
    assert.ok(BigInt(after.listing.pending) > 0n, 'a pending share of the era budget');
    assert.ok(BigInt(after.budget) > 0n);
    assert.equal(after.endsAt - after.startedAt, 100, 'ten-minute eras on the dev chain');
  });
});
