// The governed validator set on the four-validator `local` network: a fifth node, set up with
// docs/validator.md's own commands (node key, raw chain spec, the start command, the
// key-rotation request; only paths, ports, the chain and the bootnode substituted), registers
// its keys from its account, bonds, and is added by a committee motion (refused without the
// bond); from the session after next
// it authors blocks and votes (finality survives a validator going down only with its vote). A
// removed validator stops authoring; removing below the minimum is refused with a named error.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  startNode, startLocalNetwork, runningNodes, minFinalized, stopNode, restartNode, connect, waitFor,
  rpc, bestNumber, finalizedNumber, nodeBinary, freePort, tempDir,
} from 'allspark-harness/node.js';
import { sendAndWait, errorName, sudo as sudoAs } from 'allspark-harness/tx.js';
import { committeeMotion } from 'allspark-harness/governance.js';
import { guideCommand, shellWords, withOptions } from 'allspark-harness/guide.js';
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GUIDE = fileURLToPath(new URL('../../../docs/validator.md', import.meta.url));
// The guide's paths and placeholders, and what the test puts in their place.
const guideWords = (prefix, replace) => shellWords(
  Object.entries(replace).reduce((c, [from, to]) => c.replaceAll(from, to), guideCommand(GUIDE, prefix)),
);

/** A fifth validator's node, set up and started with the guide's commands. */
async function startGuideValidator(bootnode) {
  const dir = tempDir('allspark-guide-');
  const paths = { '/var/lib/allspark': dir };
  // 1. The node key, created 0600.
  const keygen = guideWords('allspark-node key generate-node-key', paths);
  execFileSync(nodeBinary(), keygen.words.slice(1), { stdio: 'ignore' });
  assert.equal(statSync(join(dir, 'node-key')).mode & 0o777, 0o600, 'the node key is its owner\'s only');
  // 2. The raw chain spec (of `local` here, the guide's `production` being a launch's).
  const spec = guideWords('allspark-node export-chain-spec', paths);
  const chain = withOptions(spec.words.slice(1), { '--chain': 'local' });
  writeFileSync(join(dir, spec.stdout), execFileSync(nodeBinary(), chain, { maxBuffer: 64 << 20 }));
  // 3. The start command: the guide's, with this machine's ports (its second-node advice).
  const [rpcPort, p2pPort, promPort] = [await freePort(), await freePort(), await freePort()];
  const start = guideWords('allspark-node --chain', paths);
  const args = withOptions(start.words.slice(1), {
    '--chain': join(dir, 'allspark.json'), '--bootnodes': bootnode, '--prometheus-port': String(promPort),
  }, ['--port', String(p2pPort), '--rpc-port', String(rpcPort), '--no-mdns', '--no-telemetry']);
  return startNode({ name: 'eve', exactArgs: args, basePath: dir, rpcPort, p2pPort, prometheusPort: promPort });
}

/** The guide's key-rotation request, sent to `node` for `owner`: { keys, proof }. */
function rotateKeysAsGuided(node, owner) {
  const curl = guideWords('curl', {
    '0x<your account public key>': u8aToHex(owner.publicKey),
    'http://127.0.0.1:9944': `http://127.0.0.1:${node.rpcPort}`,
  });
  const answer = JSON.parse(execFileSync('curl', curl.words.slice(1), { encoding: 'utf8' }));
  assert.equal(answer.error, undefined, JSON.stringify(answer.error));
  return answer.result;
}

describe('governed validator set', () => {
  let nodes = {};
  let api;
  let alice;
  let eve;
  let dave;
  let bob;

  before(async () => {
    await cryptoWaitReady();
    nodes = await startLocalNetwork();
    // A validator node without dev keys, as the guide sets one up.
    nodes.eve = await startGuideValidator(nodes.alice.multiaddr);
    api = await connect(nodes.alice);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    alice = keyring.addFromUri('//Alice');
    eve = keyring.addFromUri('//Eve');
    dave = keyring.addFromUri('//Dave');
    bob = keyring.addFromUri('//Bob');
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
    // Keys generated on Eve's node (unsafe RPC, local only), with a proof of ownership for Eve,
    // by the guide's own request.
    const generated = rotateKeysAsGuided(nodes.eve, eve);
    assert.ok(generated.proof, 'the runtime proves ownership of generated keys');
    assert.equal(await rpc(nodes.eve.rpcPort, 'author_hasSessionKeys', [generated.keys]), true);
    const reg = await sendAndWait(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
    assert.equal(reg.dispatchError, undefined, reg.dispatchError && errorName(api, reg.dispatchError));

    // Without a bond, governance cannot add it.
    const unbonded = await sudo(api.tx.validators.addValidator(eve.address));
    assert.equal(errorName(api, unbonded.result.asErr), 'validators.NotBonded');
    const bonded = await sendAndWait(api, api.tx.validators.bond(), eve);
    assert.equal(bonded.dispatchError, undefined, bonded.dispatchError && errorName(api, bonded.dispatchError));
    // The bond is the runtime parameter's default, 100,000 ASK, held from Eve.
    const { bond } = bonded.events.find(({ event }) => api.events.validators.Bonded.is(event)).event.data;
    assert.equal(bond.toBigInt(), 100_000n * 10n ** 12n);
    assert.equal((await api.query.validators.bonds(eve.address)).unwrap().amount.toBigInt(), bond.toBigInt());
    // Two of the committee's three members add it.
    const added = await committeeMotion(api, api.tx.validators.addValidator(eve.address), [alice, bob]);
    assert.deepEqual(added, { ok: true });
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
    // The GRANDPA set changed with Eve: a block of the genesis set now has a finality proof
    // (the justification of the block that ended the set, and the headers leading to it).
    assert.match(await rpc(nodes.alice.rpcPort, 'grandpa_proveFinality', [1]), /^0x[0-9a-f]{200,}$/);
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
    // Out of the set, Dave unbonds: his bond is withdrawable after the slashable sessions.
    const unbonding = await sendAndWait(api, api.tx.validators.unbond(), dave);
    assert.equal(unbonding.dispatchError, undefined, unbonding.dispatchError && errorName(api, unbonding.dispatchError));
    const { unlocksAt } = unbonding.events.find(({ event }) => api.events.validators.Unbonding.is(event)).event.data;
    const session = (await api.query.session.currentIndex()).toNumber();
    assert.equal(unlocksAt.toNumber(), session + api.consts.validators.bondingDelay.toNumber());
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
