// Content listings on the real node, as a creator using polkadot.js would: register a work with
// co-creators, read it back through the runtime API (`api.call.contentApi`) and the `content_*`
// RPC methods, update it, transfer its copyright, delist it; a second listing of the same work is
// refused with the pallet's named error.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex, stringToHex } from '@polkadot/util';
import { startNode, stopNode, connect, waitFor, rpc, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';
import { claimCommitment, waitForClaim } from 'allspark-harness/content.js';

const ASK = 10n ** 12n;
// The deposit's rates are the runtime's constants, read from `api.consts.content` once connected.
let DEPOSIT_BASE;
let DEPOSIT_PER_BYTE;
// A share is stored as a 32-byte account and a 4-byte per-mill.
const SHARE_BYTES = 36n;
const deposit = (metadataLen, shares) =>
  DEPOSIT_BASE + DEPOSIT_PER_BYTE * (BigInt(metadataLen) + BigInt(shares) * SHARE_BYTES);

describe('content listings', () => {
  let node;
  let api;
  let alice;
  let bob;
  let id;
  const hash = blake2AsHex(`a work ${Date.now()}`);
  const metadata = 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';
  const terms = {
    personal: true,
    commercial: true,
    republication: false,
    licenceDuration: 14_400,
    distributorCommission: 50_000,
  };

  const held = async (who) => {
    const holds = await api.query.balances.holds(who);
    const h = holds.find((x) => JSON.stringify(x.id.toJSON()).includes('ListingDeposit'));
    return h ? h.amount.toBigInt() : 0n;
  };

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    DEPOSIT_BASE = api.consts.content.depositBase.toBigInt();
    DEPOSIT_PER_BYTE = api.consts.content.depositPerByte.toBigInt();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('refuses a registration without a claim, and shows the claim it waits for', async () => {
    const unclaimed = await sendAndWait(api, api.tx.content.register(hash, stringToHex(metadata), 'Audio', terms, []), alice);
    assert.equal(errorName(api, unclaimed.dispatchError), 'content.NotClaimed');
    // The claim is blind: the commitment alone, computed here.
    const commitment = claimCommitment(hash, alice.address);
    const r = await sendAndWait(api, api.tx.content.claim(commitment), alice);
    assert.equal(r.dispatchError, undefined, r.dispatchError && errorName(api, r.dispatchError));
    const claimed = r.events.find(({ event }) => api.events.content.ContentClaimed.is(event)).event.data;
    assert.equal(claimed.commitment.toHex(), commitment);
    assert.ok(claimed.evicted.isNone);
    const delay = (await api.query.content.claimDelay()).toNumber();
    assert.equal(delay, 1, 'the dev chain: the next block');
    const [claim] = await rpc(node.rpcPort, 'content_claimsOf', [alice.address]);
    assert.equal(claim.commitment, commitment);
    assert.equal(claim.maturesAt, claim.claimedAt + delay);
    const header = await api.rpc.chain.getHeader(r.blockHash);
    assert.equal(claim.claimedAt, header.number.toNumber());
    // Bob copies the commitment: it binds Alice's account, not his.
    await sendAndWait(api, api.tx.content.claim(commitment), bob);
    const copied = await sendAndWait(api, api.tx.content.register(hash, stringToHex(metadata), 'Audio', terms, []), bob);
    assert.equal(errorName(api, copied.dispatchError), 'content.NotClaimed');
    await waitForClaim(api, alice.address, commitment);
  });

  it('registers a work with co-creators and holds its deposit', async () => {
    const heldBefore = await held(alice.address);
    const tx = api.tx.content.register(hash, stringToHex(metadata), 'Audio', terms,
      [[alice.address, 700_000], [bob.address, 300_000]]);
    const { events, dispatchError } = await sendAndWait(api, tx, alice);
    assert.equal(dispatchError, undefined, dispatchError && errorName(api, dispatchError));
    const ev = events.find(({ event }) => api.events.content.ListingRegistered.is(event));
    assert.ok(ev, 'ListingRegistered');
    id = ev.event.data.listing.toNumber();
    assert.deepEqual(await rpc(node.rpcPort, 'content_claimsOf', [alice.address]), [], 'the claim is used up');
    assert.equal(ev.event.data.owner.toString(), alice.address);
    assert.equal(ev.event.data.contentHash.toHex(), hash);
    assert.equal(ev.event.data.category.toString(), 'Audio');
    const expected = deposit(metadata.length, 2);
    assert.equal(ev.event.data.deposit.toBigInt(), expected);
    assert.equal(await held(alice.address) - heldBefore, expected, 'the deposit is held under Content.ListingDeposit');
  });

  it('reads the listing through the runtime API and the RPC methods', async () => {
    const viaApi = await api.call.contentApi.listing(id);
    assert.ok(viaApi.isSome);
    const l = viaApi.unwrap();
    assert.equal(l.owner.toString(), alice.address);
    assert.equal(u8aToHex(l.contentHash), hash);
    assert.equal(l.metadata.toUtf8(), metadata);
    assert.equal(l.status.toString(), 'Active');

    const r = await rpc(node.rpcPort, 'content_listing', [id]);
    assert.equal(r.id, id);
    assert.equal(r.owner, alice.address);
    assert.equal(r.contentHash, hash);
    assert.equal(r.metadataUtf8, metadata);
    assert.equal(r.category, 'Audio');
    assert.equal(r.terms.licenceDuration, 14_400);
    assert.deepEqual(r.shares, [
      { account: alice.address, sharePpm: 700_000 },
      { account: bob.address, sharePpm: 300_000 },
    ]);
    assert.equal(r.status, 'Active');
    assert.equal(BigInt(r.deposit), deposit(metadata.length, 2));

    assert.equal((await rpc(node.rpcPort, 'content_listingByHash', [hash])).id, id);
    assert.equal((await api.call.contentApi.listingByHash(hash)).unwrap().id.toNumber(), id);
    assert.equal(await rpc(node.rpcPort, 'content_listingByHash', [blake2AsHex('never listed')]), null);
    const mine = await rpc(node.rpcPort, 'content_listingsOf', [alice.address, null, 100]);
    assert.ok(mine.some((x) => x.id === id));
    assert.equal(await rpc(node.rpcPort, 'content_listingState', [id]), 'Active');
    assert.equal((await api.call.contentApi.listingState(id)).toString(), 'Active');
    assert.equal(await rpc(node.rpcPort, 'content_listingState', [999_999]), 'Unknown');
    assert.equal(await rpc(node.rpcPort, 'content_listing', [999_999]), null);
  });

  it('refuses a second listing of the same work with ContentAlreadyListed', async () => {
    const tx = api.tx.content.register(hash, stringToHex('https://example.com/copy'), 'Audio', terms, []);
    const { events, dispatchError } = await sendAndWait(api, tx, bob);
    assert.ok(dispatchError, 'the duplicate fails');
    assert.equal(errorName(api, dispatchError), 'content.ContentAlreadyListed');
    assert.ok(events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)));
    assert.equal((await rpc(node.rpcPort, 'content_listingByHash', [hash])).owner, alice.address);
  });

  it('updates the metadata and terms, adjusting the deposit', async () => {
    const longer = `${metadata}/cover-and-stems.json`;
    const newTerms = { ...terms, republication: true, licenceDuration: null };
    const before = await held(alice.address);
    const { events, dispatchError } = await sendAndWait(api,
      api.tx.content.updateListing(id, stringToHex(longer), newTerms), alice);
    assert.equal(dispatchError, undefined, dispatchError && errorName(api, dispatchError));
    const ev = events.find(({ event }) => api.events.content.ListingUpdated.is(event));
    assert.equal(ev.event.data.deposit.toBigInt(), deposit(longer.length, 2));
    assert.equal(await held(alice.address) - before, deposit(longer.length, 2) - deposit(metadata.length, 2));
    const r = await rpc(node.rpcPort, 'content_listing', [id]);
    assert.equal(r.metadataUtf8, longer);
    assert.equal(r.terms.republication, true);
    assert.equal(r.terms.licenceDuration, null);
  });

  it('transfers the copyright in two steps: offered, then accepted; the deposit, the index and the owner\'s share move', async () => {
    const dep = deposit(`${metadata}/cover-and-stems.json`.length, 2);
    const [aliceBefore, bobBefore] = [await held(alice.address), await held(bob.address)];
    const offer = await sendAndWait(api, api.tx.content.transferCopyright(id, bob.address), alice);
    assert.equal(offer.dispatchError, undefined, offer.dispatchError && errorName(api, offer.dispatchError));
    assert.ok(offer.events.some(({ event }) => api.events.content.CopyrightTransferOffered.is(event)));
    // Nothing moved yet: the recipient has not signed.
    assert.equal(await held(bob.address), bobBefore);
    assert.equal((await rpc(node.rpcPort, 'content_listing', [id])).owner, alice.address);
    const { events, dispatchError } = await sendAndWait(api, api.tx.content.acceptCopyright(id), bob);
    assert.equal(dispatchError, undefined, dispatchError && errorName(api, dispatchError));
    const ev = events.find(({ event }) => api.events.content.CopyrightTransferred.is(event));
    assert.equal(ev.event.data.to.toString(), bob.address);
    assert.equal(aliceBefore - await held(alice.address), dep);
    assert.equal(await held(bob.address) - bobBefore, dep);
    const r = await rpc(node.rpcPort, 'content_listing', [id]);
    assert.equal(r.owner, bob.address);
    // Alice's 70 % passed to Bob, who already had 30 %.
    assert.deepEqual(r.shares, [{ account: bob.address, sharePpm: 1_000_000 }]);
    assert.ok((await rpc(node.rpcPort, 'content_listingsOf', [bob.address, null, 100])).some((x) => x.id === id));
    assert.ok(!(await rpc(node.rpcPort, 'content_listingsOf', [alice.address, null, 100])).some((x) => x.id === id));
  });

  it('refuses a delisting by anyone but the owner, then delists and releases the deposit', async () => {
    const bad = await sendAndWait(api, api.tx.content.delist(id), alice);
    assert.equal(errorName(api, bad.dispatchError), 'content.NotOwner');
    const before = await held(bob.address);
    const { events, dispatchError } = await sendAndWait(api, api.tx.content.delist(id), bob);
    assert.equal(dispatchError, undefined, dispatchError && errorName(api, dispatchError));
    const ev = events.find(({ event }) => api.events.content.ListingDelisted.is(event));
    const released = ev.event.data.released.toBigInt();
    assert.equal(before - await held(bob.address), released);
    assert.equal(released, deposit(`${metadata}/cover-and-stems.json`.length, 2));
    assert.equal(await rpc(node.rpcPort, 'content_listingState', [id]), 'Delisted');
    assert.equal(await rpc(node.rpcPort, 'content_listing', [id]), null);
    assert.equal(await rpc(node.rpcPort, 'content_listingByHash', [hash]), null);
  });
});
