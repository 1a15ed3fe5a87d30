// The next runtime against a full chain (issue 23): a dev chain is given state in every pallet
// by users through @polkadot/api — listings, resting orders on both sides of a book, an open
// auction with a bid, a request with a proposal, one round in its commit phase and one in its
// reveal phase, an era with unpaid credits (a trade of a scored listing), a vesting schedule —
// then its whole state at a finalized block is read over RPC and `allspark-try-upgrade` applies
// the next runtime to it: every migration with its pre- and post-upgrade checks, the whole
// state decoded by the new types, every pallet's try_state, then 30 more blocks with every
// invariant checked after each. A snapshot with one listing's bytes cut short fails the check.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { stringToHex } from '@polkadot/util';
import { startNode, stopNode, connect, waitFor, bestNumber, finalizedNumber, tempDir, rpc } from 'allspark-harness/node.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';
import { claimContent } from 'allspark-harness/content.js';
import { snapshotState, tryUpgrade } from 'allspark-harness/snapshot.js';

const ASK = 10n ** 12n;
const PERSONAL = { Licence: 'Personal' };
const COMMERCIAL = { Licence: 'Commercial' };

describe('the next runtime applied to a full chain', () => {
  let node;
  let api;
  let alice; let bob; let charlie; let dave; let eve; let ferdie;
  let snapshot;
  const dir = tempDir('allspark-upgrade-check-');

  const send = async (tx, signer) => {
    const r = await sendAndWait(api, tx, signer);
    assert.equal(r.dispatchError, undefined, r.dispatchError && errorName(api, r.dispatchError));
    return r;
  };
  const one = (r, section, method) => {
    const found = r.events.filter(({ event }) => api.events[section][method].is(event));
    assert.equal(found.length, 1, `one ${section}.${method}`);
    return found[0].event.data;
  };
  const waitForBlock = (n) => waitFor(`block #${n}`, async () => (await bestNumber(node)) >= n, 300_000);
  const blockOf = async (r) => (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
  const salt = new Uint8Array(32).fill(7);

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    [alice, bob, charlie, dave, eve, ferdie] =
      ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => keyring.addFromUri(`//${n}`));
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('gets state into every pallet, with rounds in both phases and an unpaid era', async () => {
    const hashes = [0, 1, 2].map((i) => blake2AsHex(`upgrade check ${i} ${Date.now()}`));
    await claimContent(api, alice, hashes);
    const terms = {
      personal: true, commercial: true, republication: false, licenceDuration: null, distributorCommission: 0,
    };
    const registered = await send(api.tx.utility.batchAll(hashes.map((h, i) =>
      api.tx.content.register(h, stringToHex(`ipfs://upgrade-check-${i}`), 'Audio', terms, []))), alice);
    const [scored, traded, auctioned] = registered.events
      .filter(({ event }) => api.events.content.ListingRegistered.is(event))
      .map(({ event }) => event.data.listing.toNumber());

    // Round 0 on the first listing: Dave opens it, Bob commits a score of 70.
    const opened = await send(api.tx.evaluation.openRound(scored), dave);
    const round0 = one(opened, 'evaluation', 'RoundOpened');
    const commitment = (await api.call.evaluationApi.commitment(70, salt, bob.address)).toHex();
    const now = await bestNumber(node);
    // Meanwhile: both sides of a book, an auction with a bid, a request with a proposal, a
    // vesting schedule.
    const [, , request] = await Promise.all([
      send(api.tx.evaluation.commit(round0.round, commitment, 10n * ASK), bob),
      send(api.tx.utility.batchAll([
        api.tx.market.placeOrder(traded, PERSONAL, 'Sell', 50n * ASK, 3, null, false, null),
        api.tx.market.createOffer(auctioned, COMMERCIAL,
          { English: { reserve: 5n * ASK, minIncrement: ASK, end: now + 500 } }, 1, null),
        api.tx.vesting.vestedTransfer(ferdie.address,
          { locked: 100n * ASK, perBlock: ASK, startingBlock: now + 1_000 }),
      ]), alice),
      send(api.tx.market.postRequest('Audio', COMMERCIAL, 50n * ASK, now + 500,
        blake2AsHex('a jingle')), eve),
      send(api.tx.market.placeOrder(traded, PERSONAL, 'Buy', 10n * ASK, 2, null, false, null), charlie),
    ]);
    const offer = (await api.query.market.nextOfferId()).toNumber() - 1;
    const requestId = one(request, 'market', 'RequestPosted').request;
    await Promise.all([
      send(api.tx.market.bid(offer, 5n * ASK, null), dave),
      send(api.tx.market.propose(requestId, traded, 40n * ASK), alice),
    ]);

    // Round 0 reveals; round 1 opens on the second listing and Charlie commits.
    await waitForBlock(round0.commitEnd.toNumber());
    const commitment1 = (await api.call.evaluationApi.commitment(80, salt, charlie.address)).toHex();
    const opened1 = await send(api.tx.evaluation.openRound(traded), dave);
    const round1 = one(opened1, 'evaluation', 'RoundOpened');
    await Promise.all([
      send(api.tx.evaluation.reveal(round0.round, 70, salt), bob),
      send(api.tx.evaluation.commit(round1.round, commitment1, 10n * ASK), charlie),
    ]);

    // Round 0 finalises: the first listing is scored 70 and its trade credits the era.
    await waitFor('round 0 finalised', async () =>
      (await api.query.evaluation.rounds(round0.round)).isNone, 300_000);
    assert.equal((await api.call.evaluationApi.score(scored)).current.unwrap().toNumber(), 70);
    await send(api.tx.market.placeOrder(scored, PERSONAL, 'Sell', 10n * ASK, 1, null, false, null), alice);
    const trade = await send(api.tx.market.placeOrder(scored, PERSONAL, 'Buy', 10n * ASK, 1, null, false, null), bob);
    one(trade, 'market', 'TradeSettled');

    // Round 1 is revealing by now; round 2 opens on the third listing, committing.
    await waitForBlock(round1.commitEnd.toNumber());
    const opened2 = await send(api.tx.evaluation.openRound(auctioned), dave);
    const at = await blockOf(opened2);
    assert.ok(at < round1.revealEnd.toNumber(), 'round 1 still revealing');

    // The whole state at the finalized block of the last call.
    await waitFor('the last call finalized', async () => (await finalizedNumber(node)) >= at, 180_000);
    const hash = (await api.rpc.chain.getBlockHash(at)).toHex();
    snapshot = await snapshotState(node.rpcPort, hash);
    assert.ok(Object.keys(snapshot.top).length > 100, `${Object.keys(snapshot.top).length} keys`);
  });

  it('applies the next runtime, decodes the whole state, passes try_state and runs 30 blocks', async () => {
    const r = await tryUpgrade(snapshot, join(dir, 'snapshot.json'), 30);
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    const { state, upgrade, blocks } = r.report;
    assert.equal(blocks, 30);
    const version = await rpc(node.rpcPort, 'state_getRuntimeVersion', []);
    assert.equal(upgrade.from, version.specVersion);
    assert.ok(upgrade.to >= upgrade.from);
    // Every kind of state the issue names was in the snapshot.
    assert.equal(state.listings, 3);
    for (const kind of ['buyOrders', 'sellOrders', 'auctions', 'requests', 'proposals',
      'roundsInCommit', 'roundsInReveal', 'unpaidEraCredits', 'vestingSchedules']) {
      assert.ok(state[kind] >= 1, `${kind}: ${JSON.stringify(state)}`);
    }
    assert.match(r.stdout, /pre- and post-upgrade checks, the whole state decoded, every pallet's try_state/);
  });

  it('fails on a listing its types cannot decode', async () => {
    const prefix = xxhashAsHex('Content', 128) + xxhashAsHex('Listings', 128).slice(2);
    const key = Object.keys(snapshot.top).find((k) => k.startsWith(prefix));
    assert.ok(key, 'a listing in the snapshot');
    const broken = { ...snapshot, top: { ...snapshot.top, [key]: snapshot.top[key].slice(0, 20) } };
    const r = await tryUpgrade(broken, join(dir, 'broken.json'), 1);
    assert.notEqual(r.code, 0, r.stdout);
    assert.equal(r.report, null);
    assert.match(r.stderr, /the upgrade's checks failed/);
  });
});
