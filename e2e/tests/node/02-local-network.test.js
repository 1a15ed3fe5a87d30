// The four-validator `local` network: GRANDPA keeps finality with one validator down (3 of 4
// votes), halts with two down while blocks go on (`grandpa_roundState` naming the two voters
// missing), and finalizes the backlog when one returns.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import {
  startLocalNetwork, runningNodes, minFinalized, stopNode, restartNode, waitFor, bestNumber,
  finalizedNumber, rpc,
} from 'allspark-harness/node.js';

describe('local network of four validators', () => {
  let nodes = {};

  before(async () => {
    await cryptoWaitReady();
    nodes = await startLocalNetwork();
  });

  after(async () => {
    await Promise.all(Object.values(nodes).map((n) => stopNode(n, 'SIGKILL')));
  });

  const running = () => runningNodes(nodes);

  it('connects all four and finalizes', async () => {
    await waitFor('every node to see three peers', async () => {
      const peers = await Promise.all(running().map(async (n) => (await rpc(n.rpcPort, 'system_health')).peers));
      return peers.every((p) => p === 3);
    }, 120_000);
    assert.equal((await rpc(nodes.alice.rpcPort, 'system_chain')), 'AllSpark Local Testnet');
    const authorities = await rpc(nodes.alice.rpcPort, 'state_call', ['GrandpaApi_grandpa_authorities', '0x']);
    // SCALE: compact length 4 (0x10) followed by four (key, weight) pairs.
    assert.ok(authorities.startsWith('0x10'), `four GRANDPA authorities: ${authorities}`);
    await waitFor('finalized #3 on every node', async () => (await minFinalized(running())) >= 3, 240_000);
    // The GRANDPA RPC: a round of four voters of weight 1 with a threshold of 3. Finality
    // proofs are served for blocks of an authority set that has ended (or carrying a stored
    // justification); the genesis set has not, which the method says in its own words.
    const state = await rpc(nodes.alice.rpcPort, 'grandpa_roundState', []);
    assert.equal(state.best.totalWeight, 4);
    assert.equal(state.best.thresholdWeight, 3);
    await assert.rejects(
      rpc(nodes.alice.rpcPort, 'grandpa_proveFinality', [1]),
      /not covered by authority set changes/,
    );
  });

  it('keeps finality with one validator down, and the node catches up after restart', async () => {
    await stopNode(nodes.dave, 'SIGINT');
    const up = running();
    const from = await minFinalized(up);
    await waitFor(`finality past #${from + 3} with dave down`, async () => (await minFinalized(up)) >= from + 3, 240_000);

    nodes.dave = await restartNode(nodes.dave);
    const target = await finalizedNumber(nodes.alice);
    await waitFor(`dave to import and finalize #${target} from its own database and peers`, async () => (
      (await bestNumber(nodes.dave)) >= target && (await finalizedNumber(nodes.dave)) >= target
    ), 240_000);
  });

  it('halts finality with two validators down while blocks go on, and resumes with one back', async () => {
    await stopNode(nodes.charlie, 'SIGINT');
    await stopNode(nodes.dave, 'SIGINT');
    const up = running();
    // Votes in flight when the nodes stopped may still finalize one more round: let it settle.
    const best0 = await bestNumber(nodes.alice);
    await waitFor('one more block', async () => (await bestNumber(nodes.alice)) >= best0 + 1, 120_000);
    const stalled = await finalizedNumber(nodes.alice);
    const best1 = await bestNumber(nodes.alice);
    await waitFor('three more blocks from alice and bob', async () => (await bestNumber(nodes.alice)) >= best1 + 3, 240_000);
    for (const n of up) {
      assert.equal(await finalizedNumber(n), stalled, `${n.name}'s finality must halt with 2 of 4 voters`);
    }
    const backlog = await bestNumber(nodes.alice);
    assert.ok(backlog - stalled >= 3, `an unfinalized backlog of ${backlog - stalled} blocks`);
    // An operator sees who is not voting: the stalled round misses Charlie's and Dave's votes —
    // their prevotes, or, when they prevoted before stopping, their precommits (Alice and Bob
    // precommit only after a supermajority of prevotes).
    const grandpaKey = (name) => u8aToHex(new Keyring({ type: 'ed25519' }).addFromUri(`//${name}`).publicKey);
    const down = JSON.stringify([grandpaKey('Charlie'), grandpaKey('Dave')].sort());
    const keys = (ids) => JSON.stringify(ids.map((a) => u8aToHex(decodeAddress(a))).sort());
    let seen;
    try {
      await waitFor('grandpa_roundState to name the two voters down', async () => {
        seen = (await rpc(nodes.alice.rpcPort, 'grandpa_roundState', [])).best;
        return keys(seen.prevotes.missing) === down || keys(seen.precommits.missing) === down;
      }, 60_000, 1000);
    } catch (e) {
      throw new Error(`${e.message}; the last best round: ${JSON.stringify(seen)}`);
    }

    nodes.charlie = await restartNode(nodes.charlie);
    await waitFor(`finality to resume past the backlog #${backlog}`, async () => (
      (await minFinalized(running())) >= backlog
    ), 300_000);
  });
});
