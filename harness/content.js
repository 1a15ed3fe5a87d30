// Registration claims. `content.register` lists a work only for an account holding a claim on
// its content hash at least `Content.ClaimDelay` blocks old, so that nobody who sees the hash in
// a registration waiting in the pool can register it first. The claim is blind: a commitment
// binding the hash to the account, computed here (asking a node to compute it would tell the
// node the hash).

import { blake2AsHex, blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { hexToU8a, stringToHex, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { errorName, sendAndWait } from './tx.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The commitment `content.claim` takes: `blake2_256("allspark/claim" ++ content hash ++ account
 * id)`, as `0x` hex.
 * @param {string|Uint8Array} contentHash  32 bytes (`0x` hex or bytes)
 * @param {string} address  the registering account (SS58)
 */
export function claimCommitment(contentHash, address) {
  const hash = typeof contentHash === 'string' ? hexToU8a(contentHash) : contentHash;
  if (hash.length !== 32) throw new TypeError('a content hash is 32 bytes');
  return u8aToHex(blake2AsU8a(u8aConcat(stringToU8a('allspark/claim'), hash, decodeAddress(address)), 256));
}

/**
 * Resolve with `address`'s claim `commitment` (`{ commitment, claimedAt, maturesAt }`, numbers)
 * once a transaction sent now would be included no earlier than its maturity: when the best
 * block is at least `maturesAt - 1`. Rejects when the account holds no such claim.
 */
export async function waitForClaim(api, address, commitment, { timeoutMs = 300_000 } = {}) {
  const claims = await api.call.contentApi.claimsOf(address);
  const claim = claims.find((c) => c.commitment.toHex() === commitment);
  if (!claim) throw new Error(`${address} holds no claim ${commitment}`);
  const maturesAt = claim.maturesAt.toNumber();
  const deadline = Date.now() + timeoutMs;
  while ((await api.rpc.chain.getHeader()).number.toNumber() < maturesAt - 1) {
    if (Date.now() > deadline) throw new Error(`block #${maturesAt - 1} not reached`);
    await sleep(500);
  }
  return { commitment, claimedAt: claim.claimedAt.toNumber(), maturesAt };
}

/**
 * Claim each of `contentHashes` for the key pair `pair` in one transaction, and resolve once the
 * claims are old enough to register (see {@link waitForClaim}).
 * @param {object} api
 * @param {object} pair  a keyring pair
 * @param {string|string[]} contentHashes  `0x` hex
 */
export async function claimContent(api, pair, contentHashes) {
  const commitments = [].concat(contentHashes).map((h) => claimCommitment(h, pair.address));
  const calls = commitments.map((c) => api.tx.content.claim(c));
  const tx = calls.length === 1 ? calls[0] : api.tx.utility.batchAll(calls);
  const { dispatchError } = await sendAndWait(api, tx, pair);
  if (dispatchError) throw new Error(`content.claim failed: ${errorName(api, dispatchError)}`);
  return Promise.all(commitments.map((c) => waitForClaim(api, pair.address, c)));
}

/**
 * Claim a new work named `label` for `pair`, register it once the claim matures (an `Audio` work
 * offering the licence kinds of `kinds`, no co-creators) and resolve with its listing id. Throws
 * with the pallet's error name when the registration fails.
 * @param {object} api
 * @param {object} pair  a keyring pair, the owner
 * @param {string} label  names the work (its content hash is blake2 of the label and the time)
 * @param {{ personal?: boolean, commercial?: boolean, republication?: boolean }} [kinds]
 */
export async function registerWork(api, pair, label, kinds = { personal: true }) {
  const hash = blake2AsHex(`${label} ${Date.now()}`);
  await claimContent(api, pair, hash);
  const terms = {
    personal: !!kinds.personal, commercial: !!kinds.commercial, republication: !!kinds.republication,
    licenceDuration: null, distributorCommission: 0,
  };
  const reg = await sendAndWait(api, api.tx.content.register(hash, stringToHex(`ipfs://${label.replace(/\W+/g, '-')}`), 'Audio', terms, []), pair);
  if (reg.dispatchError) throw new Error(`content.register failed: ${errorName(api, reg.dispatchError)}`);
  return reg.events.find(({ event }) => event.method === 'ListingRegistered').event.data.listing.toNumber();
}
