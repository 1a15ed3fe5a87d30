// The governed validator set on the four-validator `local` network: a fifth node rotates its
// keys, registers them from its account and is added by governance; from the session after next
// it authors blocks and votes (finality survives a validator going down only with its vote). A
// removed validator stops authoring; removing below the minimum is refused with a named error.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  startNode, startLocalNetwork, runningNodes, minFinalized, stopNode, restartNode, connect, waitFor,
  rpc, bestNumber, finalizedNumber,
} from 'allspark-harness/node.js';
import { sendAndWait, errorName, sudo as sudoAs } from 'allspark-harness/tx.js';

describe('governed validator set', () => {
  let nodes = {};
  let api;
  let alice;
  let eve;
  let dave;

  before(async () => {
    await cryptoWaitReady();
    nodes = await startLocalNetwork();
    // A validator node without dev keys: its operator generates them on the node.
    nodes.eve = await startNode({
      chain: 'local', bootnodes: [nodes.alice.multiaddr], extraArgs: ['--validator', '--name', 'Eve'],
    });
    api = await connect(nodes.alice);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    alice = keyring.addFromUri('//Alice');
    eve = keyring.addFromUri('//Eve');
    dave = keyring.addFromUri('//Dave');
    await waitFor('finalized #1 on alice', async () => (await finalizedNumber(nodes.alice)) >= 1, 240_000);
  });

  after(async () => {
    if (api) await api.disconnect();
    await Promise.all(Object.values(nodes).map((n) => stopNode(n, 'SIGKILL')));
  });

  const set = () => rpc(nodes.alice.rpcPort, 'validators_set', []);
  const sudo = (call) => sudoAs(api, call, alice);
  const authorOf = async (n) => {
    const hash = await api.rpc.chain.getBlockHash(n);
    return (await api.derive.chain.getHeader(hash)).author?.toString();
  };
  const running = () => runningNodes(nodes);

  it('reports the genesis set, its minimum and the session length', async () => {
    const s = await set();
    assert.deepEqual(s.current.length, 4);
    assert.deepEqual(s.planned, s.current);
    assert.equal(s.minValidators, 4);
    assert.equal(s.sessionLength, 5);
    const viaApi = await api.call.validatorsApi.validatorSet();
    assert.equal(viaApi.current.length, 4);
  });

  it('adds a fifth validator that rotated and registered its own keys; it authors and votes', async () => {
    // Keys generated on Eve's node (unsafe RPC, local only), with a proof of ownership for Eve.
    const generated = await rpc(nodes.eve.rpcPort, 'author_rotateKeysWithOwner', [u8aToHex(eve.publicKey)]);
    assert.ok(generated.proof, 'the runtime proves ownership of generated keys');
    assert.equal(await rpc(nodes.eve.rpcPort, 'author_hasSessionKeys', [generated.keys]), true);
    const reg = await sendAndWait(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
    assert.equal(reg.dispatchError, undefined, reg.dispatchError && errorName(api, reg.dispatchError));

    const { result, events } = await sudo(api.tx.validators.addValidator(eve.address));
    assert.ok(result.isOk, result.isErr ? errorName(api, result.asErr) : '');
    assert.ok(events.some(({ event }) => api.events.validators.ValidatorAdded.is(event)));
    const addedAt = await bestNumber(nodes.alice);
    const t0 = Date.now();
    assert.ok((await set()).planned.includes(eve.address));

    await waitFor('eve in the current set', async () => (await set()).current.includes(eve.address), 300_000, 1000);
    const activeAt = await bestNumber(nodes.alice);
    console.log(`# eve active ${activeAt - addedAt} blocks (${Math.round((Date.now() - t0) / 1000)} s) after being added`);
    assert.ok(activeAt - addedAt <= 2 * 5 + 2, `applied within two sessions (${activeAt - addedAt} blocks)`);

    let authored = 0;
    await waitFor('a block authored by eve', async () => {
      const best = await bestNumber(nodes.alice);
      for (let n = activeAt; n <= best; n += 1) if (await authorOf(n) === eve.address) authored = n;
      return authored > 0;
    }, 300_000, 3000);
    assert.ok(authored >= activeAt);

    // Five voters need four votes: with Dave down, finality goes on only if Eve votes.
    await stopNode(nodes.dave, 'SIGINT');
    const up = running();
    const from = await minFinalized(up);
    await waitFor(`finality past #${from + 3} with dave down and eve voting`, async () => (
      (await minFinalized(up)) >= from + 3
    ), 300_000);
    nodes.dave = await restartNode(nodes.dave);
  });

  it('removes a validator from the following session; it stops authoring', async () => {
    const { result, events } = await sudo(api.tx.validators.removeValidator(dave.address));
    assert.ok(result.isOk, result.isErr ? errorName(api, result.asErr) : '');
    assert.ok(events.some(({ event }) => api.events.validators.ValidatorRemoved.is(event)));
    await waitFor('dave out of the current set', async () => !(await set()).current.includes(dave.address), 300_000, 1000);
    // The block that rotated the session (it may be the best block seen here) was still authored
    // under the old set: Aura takes a block's authorities from its parent's state. Blocks after
    // it are the new set's.
    const goneAt = (await bestNumber(nodes.alice)) + 1;
    // Dave's node runs on, but two sessions of blocks later it has authored none of them.
    await waitFor('two more sessions', async () => (await bestNumber(nodes.alice)) >= goneAt + 10, 300_000);
    for (let n = goneAt; n <= goneAt + 10; n += 1) {
      assert.notEqual(await authorOf(n), dave.address, `block #${n} is not dave's`);
    }
    assert.ok((await bestNumber(nodes.dave)) >= goneAt, 'dave still follows the chain');
  });

  it('refuses to remove below the minimum with TooFewValidators', async () => {
    const before = await set();
    assert.equal(before.planned.length, 4);
    const { result } = await sudo(api.tx.validators.removeValidator(alice.address));
    assert.ok(result.isErr);
    assert.equal(errorName(api, result.asErr), 'validators.TooFewValidators');
    assert.deepEqual((await set()).planned, before.planned);
  });
});
