// The evaluation commitment, computed exactly as the runtime does
// (pallet-allspark-evaluation: `blake2_256(SCALE((score: u8, salt: [u8; 32], evaluator: AccountId32)))`).

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
