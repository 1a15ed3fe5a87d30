// Commit and reveal: the page draws a random salt, computes the commitment exactly as the
// runtime does (blake2_256 of the SCALE-encoded (score: u8, salt: [u8; 32], evaluator)), checks
// it against the runtime's own `EvaluationApi::commitment`, and keeps score and salt in this
// browser's storage, before signing, so that the reveal can be made later.

import { u8aToHex, hexToU8a } from '@polkadot/util';
import { submit } from './activity.js';
import { parseAmount } from './ui.js';
import { commitment } from '../../src/commitment.js';

const key = (app, round, address) => `allspark.salt.${app.api.genesisHash.toHex()}.${round}.${address}`;

/** The `{ score, salt }` this browser kept for `address` in `round`, if any. */
export function savedSalt(app, round, address) {
  const v = localStorage.getItem(key(app, round, address));
  return v ? JSON.parse(v) : null;
}

async function openRound(app, listing) {
  const s = await app.api.call.evaluationApi.score(listing);
  if (s.openRound.isNone) throw new Error('The listing has no open round.');
  return s.openRound.unwrap().toNumber();
}

/** Commit to `scoreText` staking `stakeText` in `listing`'s open round. */
export async function commitScore(app, listing, scoreText, stakeText) {
  let round;
  let hash;
  const prepared = async () => {
    const score = Number(String(scoreText).trim());
    if (!/^\d+$/.test(String(scoreText).trim()) || score > 100) throw new Error('A score is a whole number from 0 to 100.');
    if (!app.account) throw new Error('Choose an account.');
    round = await openRound(app, listing);
    const salt = crypto.getRandomValues(new Uint8Array(32));
    // Computed here only: asking a node (`EvaluationApi.commitment`) would hand it the score and
    // the salt before the reveal. dapp/tests/client.test.js checks this function against the runtime.
    hash = u8aToHex(commitment(score, salt, app.account.address));
    localStorage.setItem(key(app, round, app.account.address), JSON.stringify({ score, salt: u8aToHex(salt) }));
    return parseAmount(stakeText);
  };
  let stake;
  try {
    stake = await prepared();
  } catch (e) {
    return submit(app, 'Commit a score', () => { throw e; });
  }
  return submit(app, `Commit a score in round ${round}`, () => app.api.tx.evaluation.commit(round, hash, stake));
}

/** Reveal the score this browser kept for the account in `listing`'s open round. */
export async function revealFor(app, listing) {
  let round;
  let kept;
  try {
    if (!app.account) throw new Error('Choose an account.');
    round = await openRound(app, listing);
    kept = savedSalt(app, round, app.account.address);
    if (!kept) throw new Error(`This browser kept no score for ${app.account.name} in round ${round}.`);
  } catch (e) {
    return submit(app, 'Reveal a score', () => { throw e; });
  }
  return submit(app, `Reveal score ${kept.score} in round ${round}`, () =>
    app.api.tx.evaluation.reveal(round, kept.score, hexToU8a(kept.salt)));
}
