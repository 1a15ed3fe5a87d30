// The commitments users submit, computed exactly as the runtime does: the evaluation commitment
// (pallet-allspark-evaluation: `blake2_256(SCALE((score: u8, salt: [u8; 32], evaluator: AccountId32)))`)
// and the registration claim (pallet-allspark-content).

import { AccountId, Blake2256 } from '@polkadot-api/substrate-bindings';

const accountId = AccountId();

/** 32 random bytes for a commitment's salt (keep them: the reveal needs them). */
export function randomSalt() {
  const salt = new Uint8Array(32);
  globalThis.crypto.getRandomValues(salt);
  return salt;
}

/**
 * The commitment an evaluator submits for `score` (0..=100) with `salt` (32 bytes).
 * @param {number} score
 * @param {Uint8Array} salt
 * @param {string} evaluator  SS58 address
 * @returns {Uint8Array} 32 bytes
 */
export function commitment(score, salt, evaluator) {
  if (!Number.isInteger(score) || score < 0 || score > 255) throw new RangeError(`score ${score} is not a u8`);
  if (!(salt instanceof Uint8Array) || salt.length !== 32) throw new TypeError('salt must be 32 bytes');
  const who = accountId.enc(evaluator);
  const encoded = new Uint8Array(1 + 32 + who.length);
  encoded[0] = score;
  encoded.set(salt, 1);
  encoded.set(who, 33);
  return Blake2256(encoded);
}

/**
 * The commitment `Content.claim` takes before `Content.register` (pallet-allspark-content:
 * `blake2_256("allspark/claim" ++ content hash ++ account id)`): computed here, since asking a
 * node would tell it the content hash before the registration.
 * @param {string|Uint8Array} contentHash  32 bytes (`0x` hex or bytes)
 * @param {string} owner  SS58 address of the account that will register the work
 * @returns {Uint8Array} 32 bytes
 */
export function claimCommitment(contentHash, owner) {
  const hash = typeof contentHash === 'string' ? fromHex(contentHash) : contentHash;
  if (!(hash instanceof Uint8Array) || hash.length !== 32) throw new TypeError('a content hash is 32 bytes');
  const prefix = new TextEncoder().encode('allspark/claim');
  const who = accountId.enc(owner);
  const encoded = new Uint8Array(prefix.length + 32 + who.length);
  encoded.set(prefix, 0);
  encoded.set(hash, prefix.length);
  encoded.set(who, prefix.length + 32);
  return Blake2256(encoded);
}

function fromHex(s) {
  const h = s.startsWith('0x') ? s.slice(2) : s;
  if (!/^([0-9a-fA-F]{2})*$/.test(h)) throw new TypeError(`not hex: ${s}`);
  return Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
}
