// Small polkadot-api helpers for the AllSpark flows of docs/dapp.md: dev-account signers,
// submitting a transaction and reading its outcome (events, dispatch error and its doc text),
// waiting for blocks and events, and one helper per call of the guide's flows, each returning the
// payload of the event that confirms it.
//
// Every helper takes the typed API of `connect()` (src/chain.js) and a `PolkadotSigner`; amounts
// are bigint planck (1 ASK = 10^12), listing, order, offer and request ids bigint, round and
// proposal ids number, block numbers number.

import { Enum } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { AccountId, Blake2256, decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers';
import { claimCommitment, commitment, randomSalt } from './commitment.js';

export { claimCommitment };

const hex = (u8) => `0x${Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * blake2-256 of `data` (bytes, or a string as UTF-8) as `0x` hex: a content hash (of a work's
 * bytes) or a request's brief hash.
 * @param {Uint8Array|string} data
 */
export function hashOf(data) {
  return hex(Blake2256(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}

let deriveDev;

/**
 * A well-known development account (`//Alice`, `//Bob`, … derived from the dev phrase): funded on
 * the dev and local chains, never anywhere else.
 * @param {string} name  `Alice`, `Bob`, `Charlie`, `Dave`, `Eve`, `Ferdie` (or any derivation path)
 * @param {number} [ss58Format]  the chain's address format (its `ss58Format` property; 7307 on AllSpark)
 * @returns {{ name: string, address: string, signer: import('polkadot-api').PolkadotSigner }}
 */
export function devAccount(name, ss58Format = 42) {
  deriveDev ??= sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  const pair = deriveDev(`//${name}`);
  return {
    name,
    address: AccountId(ss58Format).dec(pair.publicKey),
    signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign),
  };
}

/**
 * The signer of a development account (see {@link devAccount}).
 * @param {string} name
 */
export function devSigner(name) {
  return devAccount(name).signer;
}

/**
 * A right as the runtime's `Right` enum: `Personal`, `Commercial` and `Republication` are
 * licences (`Enum('Licence', Enum('Personal'))`); `Subscription`, `Distribution` and `Copyright`
 * are rights of their own.
 * @param {'Personal'|'Commercial'|'Republication'|'Subscription'|'Distribution'|'Copyright'} kind
 */
export function right(kind) {
  return ['Personal', 'Commercial', 'Republication'].includes(kind)
    ? Enum('Licence', Enum(kind))
    : Enum(kind);
}

/**
 * Sign and submit `tx`; resolve with its outcome once it is in a best block (default) or in a
 * finalized block: `{ ok, events, dispatchError, block: { hash, number, index }, txHash }`.
 * A refused call resolves too (`ok: false`); the promise rejects only when the transaction is
 * invalid (bad nonce, cannot pay its fee, …) or never included.
 * @param {{ signSubmitAndWatch: Function }} tx  a transaction of the typed API
 * @param {import('polkadot-api').PolkadotSigner} signer
 * @param {{ until?: 'best'|'finalized', timeoutMs?: number }} [o]
 */
export function submit(tx, signer, { until = 'best', timeoutMs = 120_000 } = {}) {
  return firstOf(tx.signSubmitAndWatch(signer), (ev) => {
    const inBest = ev.type === 'txBestBlocksState' && ev.found;
    if (ev.type !== 'finalized' && !(until === 'best' && inBest)) return undefined;
    return { ok: ev.ok, events: ev.events, dispatchError: ev.dispatchError, block: ev.block, txHash: ev.txHash };
  }, timeoutMs, 'transaction not included');
}

/**
 * Subscribe to `source` and resolve with the first `pick(value)` that is not undefined, then
 * unsubscribe; reject on the source's error or after `timeoutMs` (`what` names it).
 */
function firstOf(source, pick, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let sub;
    let done = false;
    const finish = (err, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (sub) sub.unsubscribe();
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new Error(`${what} within ${timeoutMs} ms`)), timeoutMs);
    sub = source.subscribe({
      next(value) {
        const picked = pick(value);
        if (picked !== undefined) finish(null, picked);
      },
      error: (e) => finish(e),
    });
    if (done) sub.unsubscribe();
  });
}

/**
 * `Pallet.Error` of a refused call's dispatch error (`Market.SelfTrade`); `Token.FundsUnavailable`
 * and the like for the other kinds; `undefined` when the call succeeded.
 * @param {{ ok: boolean, dispatchError?: { type: string, value?: any } }} result
 */
export function dispatchErrorName(result) {
  if (result.ok || !result.dispatchError) return undefined;
  const names = [];
  for (let e = result.dispatchError; e && typeof e === 'object' && typeof e.type === 'string'; e = e.value) {
    names.push(e.type);
  }
  // `Module` errors are Module → Pallet → Error: the pallet and the error name it.
  return (names[0] === 'Module' ? names.slice(1) : names).join('.');
}

/**
 * The doc text of a refused call's module error, read from the runtime metadata of the block it
 * was refused in (the same text as docs/reference.md's error tables).
 * @param {import('polkadot-api').PolkadotClient} client
 * @param {{ ok: boolean, dispatchError?: any, block: { hash: string } }} result
 * @returns {Promise<string|undefined>}
 */
export async function dispatchErrorDocs(client, result) {
  const e = result.dispatchError;
  if (result.ok || e?.type !== 'Module') return undefined;
  const pallet = e.value.type;
  const error = e.value.value?.type;
  const metadata = unifyMetadata(decAnyMetadata(await client.getMetadata(result.block.hash)));
  const p = metadata.pallets.find((x) => x.name === pallet);
  const variants = p?.errors ? metadata.lookup[p.errors.type].def.value : [];
  return variants.find((v) => v.name === error)?.docs.join(' ').trim();
}

/** A call the chain refused: `name` is `Pallet.Error`, `result` the transaction's outcome. */
export class DispatchFailed extends Error {
  constructor(result) {
    super(`dispatch failed: ${dispatchErrorName(result)}`);
    this.name = 'DispatchFailed';
    this.error = dispatchErrorName(result);
    this.result = result;
  }
}

/**
 * {@link submit}, then throw {@link DispatchFailed} unless the call succeeded.
 * @returns the outcome, as {@link submit}
 */
export async function send(tx, signer, o) {
  const result = await submit(tx, signer, o);
  if (!result.ok) throw new DispatchFailed(result);
  return result;
}

/**
 * The payloads of the events of kind `event` (e.g. `api.event.Market.OrderFilled`) among a
 * transaction's events, in order.
 * @param {{ events: any[] }} result
 * @param {{ filter: Function }} event
 */
export function eventsOf(result, event) {
  return event.filter(result.events).map((e) => e.payload);
}

/**
 * The payload of the one event of kind `event` among a transaction's events; throws when there
 * is none or more than one.
 */
export function eventOf(result, event) {
  const found = eventsOf(result, event);
  if (found.length !== 1) {
    const kinds = result.events.map((e) => `${e.type}.${e.value.type}`).join(', ');
    throw new Error(`expected one such event, found ${found.length} among: ${kinds}`);
  }
  return found[0];
}

/**
 * The best block's number.
 * @param {import('polkadot-api').PolkadotClient} client
 */
export async function bestNumber(client) {
  const [best] = await client.getBestBlocks();
  return best.number;
}

/**
 * Resolve with the first best block numbered `n` or more (`{ hash, number, parent }`).
 * @param {import('polkadot-api').PolkadotClient} client
 * @param {number} n
 * @param {{ timeoutMs?: number }} [o]
 */
export function waitForBlock(client, n, { timeoutMs = 300_000 } = {}) {
  return firstOf(client.bestBlocks$, ([best]) => (best && best.number >= n ? best : undefined),
    timeoutMs, `block #${n} not reached`);
}

/**
 * Resolve with the first event of kind `event` (e.g. `api.event.Market.AuctionSettled`) whose
 * payload satisfies `matches`, in a new best block (default) or a finalized one:
 * `{ payload, block }`. Start waiting before the event can happen: blocks already seen are not
 * searched.
 * @param {{ watch: Function, watchBest: Function }} event
 * @param {(payload: any) => boolean} matches
 * @param {{ finalized?: boolean, timeoutMs?: number }} [o]
 */
export function waitForEvent(event, matches, { finalized = false, timeoutMs = 300_000 } = {}) {
  const source = finalized ? event.watch() : event.watchBest();
  return firstOf(source, ({ type, block, events }) => {
    if (!finalized && type !== 'new') return undefined;
    const hit = events.find((e) => matches(e.payload));
    return hit ? { payload: hit.payload, block } : undefined;
  }, timeoutMs, 'event not seen');
}

/** Submit `tx`, require success, return the payload of its one `event` with `result`. */
async function confirmed(tx, signer, event) {
  const result = await send(tx, signer);
  return { ...eventOf(result, event), result };
}

/**
 * `Content.claim`: claim `contentHash` for the signer's account, blind (the commitment is
 * computed here: {@link claimCommitment}), and resolve once the claim is old enough for
 * `Content.register` (`Content.ClaimDelay` blocks): when the best block is at most one short
 * of it, so that a registration sent then is included in time.
 * @param {object} api  typed API
 * @param {import('polkadot-api').PolkadotSigner} signer
 * @param {string} contentHash  `0x` hex
 * @returns the `Content.ContentClaimed` payload (`who`, `commitment`, `evicted`), the claim's
 *   `matures_at` block and `result`
 */
export async function claimContent(api, signer, contentHash, { timeoutMs = 300_000 } = {}) {
  const owner = AccountId().dec(signer.publicKey);
  const claimed = await confirmed(api.tx.Content.claim({ commitment: hex(claimCommitment(contentHash, owner)) }),
    signer, api.event.Content.ContentClaimed);
  const delay = await api.query.Content.ClaimDelay.getValue({ at: claimed.result.block.hash });
  const matures_at = claimed.result.block.number + delay;
  const deadline = Date.now() + timeoutMs;
  while (await api.query.System.Number.getValue({ at: 'best' }) < matures_at - 1) {
    if (Date.now() > deadline) throw new Error(`block #${matures_at - 1} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { ...claimed, matures_at };
}

/**
 * `Content.register` after {@link claimContent}: list a work. The signer becomes its owner and
 * has the listing deposit held.
 * @param {object} api  typed API
 * @param {import('polkadot-api').PolkadotSigner} signer
 * @param {{ content_hash: string, metadata: Uint8Array, category: any, terms: object, shares?: Array<[string, number]> }} a
 * @returns the `Content.ListingRegistered` payload (`listing`, `owner`, `content_hash`,
 *   `category`, `deposit`) and `result`
 */
export async function registerContent(api, signer, { shares = [], ...a }) {
  await claimContent(api, signer, a.content_hash);
  return confirmed(api.tx.Content.register({ ...a, shares }), signer, api.event.Content.ListingRegistered);
}

/**
 * `Market.place_order`: a limit order (a sell from the listing's owner, a buy from anyone else,
 * who has `price × quantity` held as escrow).
 * @param {{ listing: bigint, right: any, side: 'Buy'|'Sell', price: bigint, quantity: number, expires_at?: number, fill_or_kill?: boolean, referrer?: string }} a
 * @returns the `Market.OrderPlaced` payload (`order`, …), the order's fills (`Market.OrderFilled`
 *   payloads) as `fills`, and `result`
 */
export async function placeOrder(api, signer, { side, fill_or_kill = false, ...a }) {
  const placed = await confirmed(
    api.tx.Market.place_order({ ...a, side: Enum(side), fill_or_kill }), signer, api.event.Market.OrderPlaced);
  return { ...placed, fills: eventsOf(placed.result, api.event.Market.OrderFilled) };
}

/**
 * `Market.cancel_order`: take an order's open units off the book and release their escrow.
 * @returns the `Market.OrderRemoved` payload and `result`
 */
export function cancelOrder(api, signer, { order }) {
  return confirmed(api.tx.Market.cancel_order({ order }), signer, api.event.Market.OrderRemoved);
}

/**
 * `Market.create_offer`: offer `quantity` units of a right, priced by `mode`
 * (`Enum('Fixed', { price })`, `Enum('Dutch', { start_price, floor_price, end })` or
 * `Enum('English', { reserve, min_increment, end })`). Signed by the listing's owner.
 * @returns the `Market.OfferCreated` payload (`offer`, `expires_at`, …) and `result`
 */
export function createOffer(api, signer, a) {
  return confirmed(api.tx.Market.create_offer(a), signer, api.event.Market.OfferCreated);
}

/**
 * `Market.buy_offer`: buy units of a fixed-price or Dutch offer at its price now, at most
 * `max_price` a unit.
 * @returns the `Market.OfferTaken` payload (`price`, `quantity`, `remaining`, …) and `result`
 */
export function buyOffer(api, signer, { offer, quantity, max_price, referrer }) {
  return confirmed(api.tx.Market.buy_offer({ offer, quantity, max_price, referrer }), signer,
    api.event.Market.OfferTaken);
}

/**
 * `Market.bid`: bid `amount` for an English auction's lot (held; the previous highest bid is
 * released).
 * @returns the `Market.AuctionBidPlaced` payload (`amount`, `end`, …) and `result`
 */
export function bid(api, signer, { offer, amount, referrer }) {
  return confirmed(api.tx.Market.bid({ offer, amount, referrer }), signer, api.event.Market.AuctionBidPlaced);
}

/**
 * `Market.post_request`: ask for a right on a work of a category, holding `budget` until
 * `deadline` (a block number).
 * @param {{ category: any, right: any, budget: bigint, deadline: number, brief_hash: string }} a
 * @returns the `Market.RequestPosted` payload (`request`, …) and `result`
 */
export function postRequest(api, signer, a) {
  return confirmed(api.tx.Market.post_request(a), signer, api.event.Market.RequestPosted);
}

/**
 * `Market.propose`: answer a request with one of the signer's listings at `price`.
 * @returns the `Market.ProposalMade` payload (`proposal`, …) and `result`
 */
export function propose(api, signer, { request, listing, price }) {
  return confirmed(api.tx.Market.propose({ request, listing, price }), signer, api.event.Market.ProposalMade);
}

/**
 * `Market.remove_proposal`: the proposer withdraws a proposal, or the requester rejects it.
 * @returns the `Market.ProposalRemoved` payload (`reason`: `Withdrawn` or `Rejected`, …) and
 *   `result`
 */
export function removeProposal(api, signer, { request, proposal }) {
  return confirmed(api.tx.Market.remove_proposal({ request, proposal }), signer,
    api.event.Market.ProposalRemoved);
}

/**
 * `Market.accept_proposal`: the requester buys at the proposal's price out of the held budget.
 * @returns the `Market.ProposalAccepted` payload and `result` (with the trade's `TradeSettled` and
 *   `RightGranted`)
 */
export function acceptProposal(api, signer, { request, proposal }) {
  return confirmed(api.tx.Market.accept_proposal({ request, proposal }), signer,
    api.event.Market.ProposalAccepted);
}

/**
 * `Evaluation.open_round`: open an evaluation round on a listing; the signer pays the fee.
 * @returns the `Evaluation.RoundOpened` payload (`round`, `commit_end`, `reveal_end`, `fee`, …)
 *   and `result`
 */
export function openRound(api, signer, { listing }) {
  return confirmed(api.tx.Evaluation.open_round({ listing }), signer, api.event.Evaluation.RoundOpened);
}

/**
 * `Evaluation.commit`: stake and commit to a hidden `score` (0–100). The commitment is computed
 * here exactly as the runtime checks it (src/commitment.js) with a fresh random salt.
 * @param {{ round: number, score: number, stake: bigint, salt?: Uint8Array }} a
 * @returns the `Evaluation.Committed` payload, `salt` (hex: keep it, the reveal needs it),
 *   `commitment` (hex) and `result`
 */
export async function commitScore(api, signer, { round, score, stake, salt = randomSalt() }) {
  const evaluator = AccountId().dec(signer.publicKey);
  const hash = hex(commitment(score, salt, evaluator));
  const committed = await confirmed(api.tx.Evaluation.commit({ round, commitment: hash, stake }), signer,
    api.event.Evaluation.Committed);
  return { ...committed, salt: hex(salt), commitment: hash };
}

/**
 * `Evaluation.reveal`: reveal the score committed to, in the round's reveal phase.
 * @param {{ round: number, score: number, salt: string }} a  `salt` as returned by {@link commitScore}
 * @returns the `Evaluation.Revealed` payload and `result`
 */
export function reveal(api, signer, { round, score, salt }) {
  return confirmed(api.tx.Evaluation.reveal({ round, score, salt }), signer, api.event.Evaluation.Revealed);
}
