// Governance on a running dev chain (fast track timing, set in the dev preset's genesis), driven
// with @polkadot/api as token holders and committee members would: a referendum on the
// `economic_admin` track changes the service charge; a committee motion suspends a listing; the
// committee pulls the safe-mode brake and releases it; a runtime upgrade is whitelisted by the
// committee, approved on the `whitelisted_caller` track and applied by anyone; a candidate bonds
// and the committee adds it to the validator set. Each step's time is printed.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { startNode, stopNode, connect, waitFor, rpc, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';
import { registerWork } from 'allspark-harness/content.js';
import { committeeMotion, passReferendum } from 'allspark-harness/governance.js';

const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'allspark-target');
const UPGRADE_WASM = process.env.ALLSPARK_UPGRADE_WASM_PATH
  || join(targetDir, 'debug', 'wbuild', 'allspark-runtime', 'allspark_runtime_upgrade.compressed.wasm');

describe('governance on a dev chain', () => {
  let node;
  let api;
  let keyring;
  let committee;
  let voters;
  const timings = {};

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    const pair = (n) => keyring.addFromUri(`//${n}`);
    committee = ['Alice', 'Bob', 'Charlie'].map(pair);
    // Token holders: the dev accounts and their stashes (not the committee, whose votes would
    // lock what they pay motions' fees with).
    voters = ['Dave', 'Eve', 'Ferdie', 'Alice//stash', 'Bob//stash', 'Charlie//stash', 'Dave//stash',
      'Eve//stash', 'Ferdie//stash'].map(pair);
    await waitFor('finalized #1', async () => (await finalizedNumber(node)) >= 1, 240_000);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node, 'SIGKILL');
    console.log(`# governance timings: ${JSON.stringify(timings)}`);
  });

  it('the committee and the tracks are in place; the dev chain runs fast tracks', async () => {
    const members = (await api.query.technicalCommittee.members()).map((m) => m.toString()).sort();
    assert.deepEqual(members, committee.map((p) => p.address).sort());
    const tracks = api.consts.referenda.tracks.map(([id, info]) => [id.toNumber(), info.decisionPeriod.toNumber()]);
    assert.deepEqual(tracks.map(([id]) => id), [0, 1, 2, 3, 10, 11, 12, 13]);
    assert.ok(tracks.every(([, period]) => period === 50), 'the fast decision period on every track');
    // What polkadot.js apps' Governance pages read, decoded from the metadata alone (no custom
    // types): the tracks' names (text, NUL-padded to 25 bytes by pallet-referenda's encoding, as
    // on every chain of this release), and the origins a referendum may ask for.
    const names = api.consts.referenda.tracks.map(([, info]) => info.name.toString());
    assert.ok(names.every((n) => n.length === 25), 'names are 25-byte texts');
    assert.deepEqual(names.map((n) => n.replace(/\0+$/, '')), [
      'root', 'whitelisted_caller', 'referendum_canceller', 'referendum_killer', 'validator_admin',
      'content_moderator', 'economic_admin', 'treasurer',
    ]);
    const originType = api.tx.referenda.submit.meta.args[0].type.toString();
    for (const name of ['WhitelistedCaller', 'ReferendumCanceller', 'ReferendumKiller', 'ValidatorAdmin',
      'ContentModerator', 'EconomicAdmin', 'Treasurer']) {
      const origin = api.createType(originType, { Origins: name });
      assert.deepEqual(origin.toJSON(), { origins: name });
    }
  });

  it('a referendum on the economic_admin track changes the service charge', async () => {
    const before = (await api.query.token.rates()).unwrap();
    const rates = { ...before.toJSON(), minCharge: before.minCharge.toBigInt() * 2n };
    const call = api.tx.token.setChargeRates(rates);
    // A signed account is refused: only the track (or root) sets rates.
    const direct = await sendAndWait(api, call, voters[0]);
    assert.equal(errorName(api, direct.dispatchError), 'BadOrigin');
    const r = await passReferendum(api, {
      origin: { Origins: 'EconomicAdmin' }, call, submitter: voters[0], voters, rpcNode: node,
    });
    timings.referendum = { blocks: r.blocks, seconds: r.seconds };
    const after = (await api.query.token.rates()).unwrap();
    assert.equal(after.minCharge.toBigInt(), before.minCharge.toBigInt() * 2n);
    // Both deposits come back once it is decided.
    const refund = await sendAndWait(api, api.tx.referenda.refundDecisionDeposit(r.index), voters[0]);
    assert.equal(refund.dispatchError, undefined);
  });

  it('a committee motion suspends a listing; a lone member cannot', async () => {
    const [alice] = committee;
    const listing = await registerWork(api, alice, `a work to moderate ${Date.now()}`);
    const suspend = api.tx.content.suspend(listing);
    const lone = await committeeMotion(api, suspend, [alice]);
    assert.deepEqual(lone, { ok: false, error: 'BadOrigin' }, 'one member of three is not half');
    const t0 = Date.now();
    const motion = await committeeMotion(api, suspend, committee.slice(0, 2));
    timings.motion = { seconds: (Date.now() - t0) / 1000 };
    assert.deepEqual(motion, { ok: true });
    const view = (await api.call.contentApi.listing(listing)).unwrap();
    assert.equal(view.status.type, 'Suspended');
  });

  it('safe mode stops ordinary calls until the committee releases it', async () => {
    const entered = await committeeMotion(api, api.tx.safeMode.forceEnter(), committee);
    assert.deepEqual(entered, { ok: true });
    const transfer = api.tx.balances.transferKeepAlive(voters[1].address, 10n ** 12n);
    const refused = await sendAndWait(api, transfer, voters[0]);
    assert.equal(errorName(api, refused.dispatchError), 'system.CallFiltered');
    const exited = await committeeMotion(api, api.tx.safeMode.forceExit(), committee);
    assert.deepEqual(exited, { ok: true });
    const allowed = await sendAndWait(api, transfer, voters[0]);
    assert.equal(allowed.dispatchError, undefined);
  });

  it('a whitelisted runtime upgrade: the committee vouches, holders approve, anyone applies it', async () => {
    assert.ok(existsSync(UPGRADE_WASM), `the upgrade blob is built: ${UPGRADE_WASM}`);
    const code = readFileSync(UPGRADE_WASM);
    const version = (await rpc(node.rpcPort, 'state_getRuntimeVersion', [])).specVersion;
    const authorize = api.tx.system.authorizeUpgrade(blake2AsHex(code, 256));
    const t0 = Date.now();
    const whitelisted = await committeeMotion(api, api.tx.whitelist.whitelistCall(authorize.method.hash), committee);
    assert.deepEqual(whitelisted, { ok: true });
    const r = await passReferendum(api, {
      origin: { Origins: 'WhitelistedCaller' },
      call: api.tx.whitelist.dispatchWhitelistedCallWithPreimage(authorize),
      submitter: voters[0],
      voters,
      rpcNode: node,
    });
    const authorized = await api.query.system.authorizedUpgrade();
    assert.ok(authorized.isSome, 'the upgrade is authorised');
    const applied = await sendAndWait(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), voters[2]);
    assert.equal(applied.dispatchError, undefined);
    await waitFor(`spec_version ${version + 1}`, async () => (
      (await rpc(node.rpcPort, 'state_getRuntimeVersion', [])).specVersion === version + 1
    ), 180_000, 500);
    timings.whitelistedUpgrade = { referendumBlocks: r.blocks, seconds: (Date.now() - t0) / 1000 };
  });
});
