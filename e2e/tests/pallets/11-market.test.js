// The trade market on the real node, as creators, buyers and distributors using polkadot.js
// would trade: a creator sells personal licences into two resting bids, and the crossing order
// fills the better price first, then the older, partly; the block's end settles each filled bid
// as its own trade: each buyer holds exactly the licences it paid for, the creator is paid the
// value less each trade's service charge, the escrow left is what the remainder needs, and the
// book (`market_book`) shows that remainder. Refused orders fail with
// the pallet's named errors and change nothing. An English auction settles itself in the block it
// ends (after the bids extended it), paying the creator and releasing the outbid escrow. A buyer's
// request is answered with a proposal and accepted. A distributor who bought a distribution right
// earns the listing's commission on a sale it refers, and a co-creator receives its share of what
// is left. Every amount is checked against real balances and holds, and every state against the
// runtime API (`api.call.marketApi`) and the `market_*` RPC methods.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { stringToHex } from '@polkadot/util';
import { startNode, stopNode, connect, waitFor, rpc, bestNumber, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';
import { claimContent } from 'allspark-harness/content.js';

const ASK = 10n ** 12n;
const PPM = 1_000_000n;
// runtime/src/genesis_config_presets.rs, `launch_rates`: 2.5 % of a trade's value, at least
// 0.01 ASK. Read from the chain below (`token_economics`) and checked against these.
const DEV_TRADE_RATE_PPM = 25_000n;
const DEV_MIN_CHARGE = 10n * (ASK / 1000n);
// The runtime's constants, read from `api.consts.market` once connected.
let MAX_ORDER_LIFETIME;
let AUCTION_EXTENSION;
// The listings' terms: licences run 14 400 blocks (a day), distributors earn 10 %.
const LICENCE_DURATION = 14_400;
const COMMISSION_PPM = 100_000n;
// The co-created listing: Ferdie's 20 %.
const FERDIE_PPM = 200_000n;

const PERSONAL = { Licence: 'Personal' };
const COMMERCIAL = { Licence: 'Commercial' };

describe('trade market', () => {
  let node;
  let api;
  let alice; let bob; let charlie; let dave; let eve; let ferdie;
  // Alice's solo work and the work she made with Ferdie.
  let solo;
  let duet;
  let tradeRate;
  let minCharge;
  // Charlie's bid left resting after the cross.
  let charlieOrder;

  const terms = {
    personal: true,
    commercial: true,
    republication: false,
    licenceDuration: LICENCE_DURATION,
    distributorCommission: Number(COMMISSION_PPM),
  };

  /** The service charge of a trade of `value`: the rate rounded up, at least the minimum. */
  const chargeOf = (value) => {
    const c = (value * tradeRate + PPM - 1n) / PPM;
    return c > minCharge ? c : minCharge;
  };
  /** `parts` per million of `x`, rounded down (`Permill::mul_floor`). */
  const ppm = (x, parts) => (x * parts) / PPM;

  /** Send `tx` from `signer`; assert it succeeded; return the inclusion result. */
  const send = async (tx, signer) => {
    const r = await sendAndWait(api, tx, signer);
    assert.equal(r.dispatchError, undefined, r.dispatchError && errorName(api, r.dispatchError));
    return r;
  };
  /** Send `tx` from `signer`; assert it failed with the named error and the market said nothing. */
  const refused = async (tx, signer, name) => {
    const r = await sendAndWait(api, tx, signer);
    assert.ok(r.dispatchError, `${name} expected, the call succeeded`);
    assert.equal(errorName(api, r.dispatchError), name);
    assert.ok(r.events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)));
    assert.deepEqual(r.events.filter(({ event }) => event.section === 'market').map(({ event }) => event.method), []);
    return r;
  };
  /** The data of the events `section.method` among `records`, in order. */
  const all = (records, section, method) => records
    .filter(({ event }) => api.events[section][method].is(event))
    .map(({ event }) => event.data);
  const one = (records, section, method) => {
    const found = all(records, section, method);
    assert.equal(found.length, 1, `one ${section}.${method} in ${records.map(({ event }) => `${event.section}.${event.method}`)}`);
    return found[0];
  };

  /** A block: its number, parent and all its events. */
  const block = async (hash) => {
    const header = await api.rpc.chain.getHeader(hash);
    const records = await (await api.at(hash)).query.system.events();
    return { hash, number: header.number.toNumber(), parent: header.parentHash.toHex(), records };
  };
  const free = async (who, hash) =>
    (await (await api.at(hash)).query.system.account(who)).data.free.toBigInt();
  /** What `who` has held as market escrow at `hash`. */
  const escrow = async (who, hash) => {
    const q = hash ? (await api.at(hash)).query : api.query;
    const holds = await q.balances.holds(who);
    return holds
      .filter((h) => JSON.stringify(h.id.toJSON()).includes('Escrow'))
      .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
  };
  /**
   * What `who`'s free balance gained in block `b`, leaving out its author reward (Alice authors
   * every dev block) and the transaction fees it paid there.
   */
  const gained = async (who, b) => {
    let other = 0n;
    for (const { event } of b.records) {
      if (api.events.token.AuthorRewarded.is(event) && event.data.author.toString() === who) {
        other += event.data.amount.toBigInt();
      }
      if (api.events.transactionPayment.TransactionFeePaid.is(event) && event.data.who.toString() === who) {
        other -= event.data.actualFee.toBigInt();
      }
    }
    return (await free(who, b.hash)) - (await free(who, b.parent)) - other;
  };
  /** The `TradeSettled` of a trade, checked: the charge is the configured one. */
  const settled = (records, { listing, value, commission = 0n, coCreators = 0n }) => {
    const t = one(records, 'market', 'TradeSettled');
    assert.equal(t.listing.toNumber(), listing);
    assert.equal(t.seller.toString(), alice.address);
    assert.equal(t.value.toBigInt(), value);
    assert.equal(t.charge.toBigInt(), chargeOf(value), 'charge = max(ceil(rate × value), min charge)');
    assert.equal(t.commission.toBigInt(), commission);
    assert.equal(t.coCreators.toBigInt(), coCreators);
    return t;
  };
  const book = (listing, right, at) => rpc(node.rpcPort, 'market_book', [listing, right, 10, at]);
  const level = (price, quantity, orders) => ({ price: String(price), quantity, orders });

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    MAX_ORDER_LIFETIME = api.consts.market.maxOrderLifetime.toNumber();
    AUCTION_EXTENSION = api.consts.market.auctionExtension.toNumber();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    [alice, bob, charlie, dave, eve, ferdie] =
      ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => keyring.addFromUri(`//${n}`));
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);

    const econ = await rpc(node.rpcPort, 'token_economics', []);
    tradeRate = BigInt(econ.tradeRatePpm);
    minCharge = BigInt(econ.minCharge);
    assert.equal(tradeRate, DEV_TRADE_RATE_PPM, 'the dev chain charges 2.5 % of a trade');
    assert.equal(minCharge, DEV_MIN_CHARGE, 'the dev chain charges at least 0.01 ASK a trade');

    // Alice claims both works in one call, and lists them in one call once the claims are old
    // enough.
    const song = blake2AsHex(`a song ${Date.now()}`);
    const duetHash = blake2AsHex(`a duet ${Date.now()}`);
    await claimContent(api, alice, [song, duetHash]);
    const { events } = await send(api.tx.utility.batchAll([
      api.tx.content.register(song, stringToHex('ipfs://bafy-song'), 'Audio', terms, []),
      api.tx.content.register(duetHash, stringToHex('ipfs://bafy-duet'),
        'Audio', terms, [[alice.address, Number(PPM - FERDIE_PPM)], [ferdie.address, Number(FERDIE_PPM)]]),
    ]), alice);
    [solo, duet] = all(events, 'content', 'ListingRegistered').map((d) => d.listing.toNumber());
    assert.ok(solo !== undefined && duet !== undefined, 'both listings registered');
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('rests two bids at different prices, each holding price × quantity in escrow', async () => {
    const [b, c] = await Promise.all([
      send(api.tx.market.placeOrder(solo, PERSONAL, 'Buy', 9n * ASK, 2, null, false, null), bob),
      send(api.tx.market.placeOrder(solo, PERSONAL, 'Buy', 8n * ASK, 3, null, false, null), charlie),
    ]);
    for (const [r, who, price, quantity] of [[b, bob, 9n * ASK, 2], [c, charlie, 8n * ASK, 3]]) {
      const placed = one(r.events, 'market', 'OrderPlaced');
      assert.equal(placed.owner.toString(), who.address);
      assert.equal(placed.side.toString(), 'Buy');
      assert.equal(placed.price.toBigInt(), price);
      assert.equal(placed.quantity.toNumber(), quantity);
      // No expiry asked for: the longest lifetime.
      const at = await block(r.blockHash);
      assert.equal(placed.expiresAt.toNumber(), at.number + MAX_ORDER_LIFETIME);
      assert.equal(all(r.events, 'market', 'OrderFilled').length, 0, 'nothing to fill against');
      assert.equal(await escrow(who.address, r.blockHash), price * BigInt(quantity));
    }
    charlieOrder = one(c.events, 'market', 'OrderPlaced').order.toNumber();

    // Read at the later of the two blocks (usually both are in one).
    const [bn, cn] = [(await block(b.blockHash)).number, (await block(c.blockHash)).number];
    const latest = bn > cn ? b.blockHash : c.blockHash;
    assert.deepEqual(await book(solo, PERSONAL, latest), {
      bids: [level(9n * ASK, 2, 1), level(8n * ASK, 3, 1)],
      asks: [],
    });
    const [mine] = await rpc(node.rpcPort, 'market_ordersOf', [charlie.address, null, 100, latest]);
    assert.equal(mine.id, charlieOrder);
    assert.equal(mine.owner, charlie.address);
    assert.equal(mine.listing, solo);
    assert.deepEqual(mine.right, PERSONAL);
    assert.equal(mine.side, 'Buy');
    assert.equal(mine.price, String(8n * ASK));
    assert.equal(mine.remaining, 3);
  });

  it('fills a crossing sell against both bids, best price first, and settles the trade', async () => {
    const bobOrder = (await rpc(node.rpcPort, 'market_ordersOf', [bob.address, null, 100]))[0].id;
    const r = await send(api.tx.market.placeOrder(solo, PERSONAL, 'Sell', 8n * ASK, 4, null, false, null), alice);
    const b = await block(r.blockHash);
    const taker = one(r.events, 'market', 'OrderPlaced').order.toNumber();

    // Bob's 9 ASK first (the better price), then 2 of Charlie's 3 at 8 ASK.
    const fills = all(r.events, 'market', 'OrderFilled').map((f) => ({
      order: f.order.toNumber(), taker: f.takerOrder.toNumber(), buyer: f.buyer.toString(),
      seller: f.seller.toString(), price: f.price.toBigInt(), quantity: f.quantity.toNumber(),
      remaining: f.remaining.toNumber(),
    }));
    assert.deepEqual(fills, [
      { order: bobOrder, taker, buyer: bob.address, seller: alice.address, price: 9n * ASK, quantity: 2, remaining: 0 },
      { order: charlieOrder, taker, buyer: charlie.address, seller: alice.address, price: 8n * ASK, quantity: 2, remaining: 1 },
    ]);
    // A fill only records the trade on the resting bid; the block's end (`on_idle`) settles
    // each filled bid as its own trade, oldest first: Bob's 18 ASK, then Charlie's 16 ASK.
    const end = b.records.filter(({ phase }) => phase.isFinalization);
    const orders = all(end, 'market', 'OrderSettled').map((s) => [
      s.order.toNumber(), s.owner.toString(), s.quantity.toNumber(), s.value.toBigInt(), s.closed.isTrue,
    ]);
    assert.deepEqual(orders, [
      [bobOrder, bob.address, 2, 18n * ASK, true],
      [charlieOrder, charlie.address, 2, 16n * ASK, false],
    ]);
    const values = [18n * ASK, 16n * ASK];
    const value = values[0] + values[1];
    const trades = all(end, 'market', 'TradeSettled');
    assert.deepEqual(trades.map((t) => [t.listing.toNumber(), t.seller.toString(), t.quantity.toNumber(),
      t.value.toBigInt(), t.charge.toBigInt(), t.commission.toBigInt(), t.coCreators.toBigInt()]), [
      [solo, alice.address, 2, values[0], chargeOf(values[0]), 0n, 0n],
      [solo, alice.address, 2, values[1], chargeOf(values[1]), 0n, 0n],
    ]);
    const charges = chargeOf(values[0]) + chargeOf(values[1]);
    // The seller paid each trade's charge, divided by the token pallet.
    const split = all(end, 'token', 'ChargeSplit').filter((d) => d.payer.isSome);
    assert.deepEqual(split.map((d) => [d.payer.unwrap().toString(), d.total.toBigInt()]),
      values.map((v) => [alice.address, chargeOf(v)]));

    // The sell filled completely: nothing of it rests.
    assert.equal(all(r.events, 'market', 'OrderRemoved').length, 0);
    assert.deepEqual(await rpc(node.rpcPort, 'market_ordersOf', [alice.address, null, 100, r.blockHash]), []);

    // Alice received the value less the charges (no co-creators on this work).
    assert.equal(await gained(alice.address, b), value - charges);
    // The buyers paid out of their escrow: their free balances did not move.
    assert.equal(await gained(bob.address, b), 0n);
    assert.equal(await gained(charlie.address, b), 0n);
    assert.equal(await escrow(bob.address, r.blockHash), 0n);
    assert.equal(await escrow(charlie.address, r.blockHash), 8n * ASK, 'the remaining unit stays held');

    // Each buyer holds the licences it bought, valid for the listing's duration.
    const granted = all(end, 'market', 'RightGranted')
      .map((g) => [g.who.toString(), g.units.toNumber(), g.expiresAt.unwrap().toNumber()]);
    assert.deepEqual(granted.sort(), [
      [bob.address, 2, b.number + LICENCE_DURATION],
      [charlie.address, 2, b.number + LICENCE_DURATION],
    ].sort());
    const at = await api.at(r.blockHash);
    for (const who of [bob, charlie]) {
      const l = (await at.call.marketApi.licence(who.address, solo, PERSONAL)).unwrap();
      assert.equal(l.units.toNumber(), 2);
      assert.ok(l.valid.isTrue);
      assert.equal(l.expiresAt.unwrap().toNumber(), b.number + LICENCE_DURATION);
      assert.deepEqual(await rpc(node.rpcPort, 'market_licencesOf', [who.address, r.blockHash]), [{
        listing: solo, right: PERSONAL, units: 2, grantedAt: b.number,
        expiresAt: b.number + LICENCE_DURATION, valid: true,
      }]);
    }
    assert.ok((await at.call.marketApi.licence(dave.address, solo, PERSONAL)).isNone);
    assert.equal(await rpc(node.rpcPort, 'market_licence', [dave.address, solo, PERSONAL, r.blockHash]), null);

    // The book shows the remainder: Charlie's one unit at 8 ASK.
    assert.deepEqual(await book(solo, PERSONAL, r.blockHash), { bids: [level(8n * ASK, 1, 1)], asks: [] });
    const [rest] = await rpc(node.rpcPort, 'market_ordersOf', [charlie.address, null, 100, r.blockHash]);
    assert.equal(rest.id, charlieOrder);
    assert.equal(rest.remaining, 1);
  });

  it('refuses bad orders with the pallet\'s named errors and changes nothing', async () => {
    const bookBefore = await book(solo, PERSONAL);
    const far = (await bestNumber(node)) + MAX_ORDER_LIFETIME + 10;
    const rs = await Promise.all([
      // Only the listing's owner sells its rights.
      refused(api.tx.market.placeOrder(solo, PERSONAL, 'Sell', 10n * ASK, 1, null, false, null), bob,
        'market.NotListingOwner'),
      refused(api.tx.market.placeOrder(solo, PERSONAL, 'Buy', 0n, 1, null, false, null), dave,
        'market.ZeroPrice'),
      // 0.005 ASK: below the minimum charge of one unit's trade.
      refused(api.tx.market.placeOrder(solo, PERSONAL, 'Buy', 5n * (ASK / 1000n), 1, null, false, null), eve,
        'market.PriceBelowMinimumCharge'),
      // Further away than the longest order lifetime.
      refused(api.tx.market.placeOrder(solo, PERSONAL, 'Buy', 8n * ASK, 1, far, false, null), ferdie,
        'market.ExpiryTooFar'),
    ]);
    for (const r of rs) {
      assert.deepEqual(await book(solo, PERSONAL, r.blockHash), bookBefore);
      for (const who of [bob, dave, eve, ferdie]) {
        assert.equal(await escrow(who.address, r.blockHash), 0n);
        assert.deepEqual(await rpc(node.rpcPort, 'market_ordersOf', [who.address, null, 100, r.blockHash]), []);
      }
    }
  });

  it('cancels the rest of an order and releases its escrow', async () => {
    const r = await send(api.tx.market.cancelOrder(charlieOrder), charlie);
    const removed = one(r.events, 'market', 'OrderRemoved');
    assert.equal(removed.order.toNumber(), charlieOrder);
    assert.equal(removed.remaining.toNumber(), 1);
    assert.equal(removed.reason.toString(), 'Cancelled');
    assert.equal(await escrow(charlie.address, r.blockHash), 0n);
    assert.equal(await gained(charlie.address, await block(r.blockHash)), 8n * ASK);
    assert.deepEqual(await book(solo, PERSONAL, r.blockHash), { bids: [], asks: [] });
  });

  it('runs an English auction: the outbid escrow is released, a low bid refused, the end settles it', async () => {
    const reserve = 5n * ASK;
    const created = await send(api.tx.market.createOffer(solo, COMMERCIAL,
      { English: { reserve, minIncrement: ASK, end: (await bestNumber(node)) + 8 } }, 1, null), alice);
    const offer = one(created.events, 'market', 'OfferCreated').offer.toNumber();

    const first = await send(api.tx.market.bid(offer, reserve, null), bob);
    assert.equal(one(first.events, 'market', 'AuctionBidPlaced').amount.toBigInt(), reserve);
    assert.equal(await escrow(bob.address, first.blockHash), reserve);

    // Charlie outbids Bob; Dave's bid at the reserve no longer beats the highest by the increment.
    const [outbid] = await Promise.all([
      send(api.tx.market.bid(offer, 7n * ASK, null), charlie),
      refused(api.tx.market.bid(offer, reserve, null), dave, 'market.BidTooLow'),
    ]);
    const placed = one(outbid.events, 'market', 'AuctionBidPlaced');
    assert.equal(placed.bidder.toString(), charlie.address);
    const ob = await block(outbid.blockHash);
    // A bid within the last blocks moves the end to that many blocks after it.
    const end = placed.end.toNumber();
    assert.equal(end, ob.number + AUCTION_EXTENSION);
    assert.equal(await escrow(charlie.address, outbid.blockHash), 7n * ASK);
    assert.equal(await escrow(bob.address, outbid.blockHash), 0n, 'the outbid escrow is released');
    assert.equal(await gained(bob.address, ob), reserve);
    assert.equal(await escrow(dave.address, outbid.blockHash), 0n);

    const view = await rpc(node.rpcPort, 'market_offer', [offer, outbid.blockHash]);
    assert.equal(view.id, offer);
    assert.equal(view.seller, alice.address);
    assert.equal(view.listing, solo);
    assert.deepEqual(view.right, COMMERCIAL);
    assert.equal(view.remaining, 1);
    assert.equal(view.expiresAt, end);
    assert.equal(view.bestBidder, charlie.address);
    assert.equal(view.bestBid, String(7n * ASK));
    assert.equal(view.priceNow, String(8n * ASK), 'the least next bid: highest + increment');
    assert.equal(view.blocksLeft, end - ob.number);
    const viaApi = (await (await api.at(outbid.blockHash)).call.marketApi.offer(offer)).unwrap();
    assert.ok(viaApi.mode.isEnglish);
    assert.equal(viaApi.mode.asEnglish.end.toNumber(), end);
    assert.equal(viaApi.mode.asEnglish.reserve.toBigInt(), reserve);
    assert.deepEqual((await rpc(node.rpcPort, 'market_offersOfListing', [solo, outbid.blockHash])).map((o) => o.id), [offer]);

    // Nobody settles it: the pallet does, in the block it ends.
    await waitFor(`block #${end}`, async () => (await bestNumber(node)) >= end, 180_000);
    const endHash = (await api.rpc.chain.getBlockHash(end)).toHex();
    const e = await block(endHash);
    const won = e.records.filter(({ event }) => api.events.market.AuctionSettled.is(event));
    assert.equal(won.length, 1, `AuctionSettled in #${end}`);
    assert.ok(won[0].phase.isInitialization, 'settled by the block itself');
    assert.equal(won[0].event.data.offer.toNumber(), offer);
    assert.equal(won[0].event.data.winner.toString(), charlie.address);
    assert.equal(won[0].event.data.amount.toBigInt(), 7n * ASK);
    settled(e.records, { listing: solo, value: 7n * ASK });
    assert.ok((await (await api.at(e.parent)).call.marketApi.offer(offer)).isSome, 'open until its end');
    assert.ok((await (await api.at(endHash)).call.marketApi.offer(offer)).isNone);
    assert.equal(await rpc(node.rpcPort, 'market_offer', [offer, endHash]), null);
    assert.deepEqual(await rpc(node.rpcPort, 'market_offersOfListing', [solo, endHash]), []);

    // Alice is paid, Charlie's escrow paid out, and Charlie holds the commercial licence.
    assert.equal(await gained(alice.address, e), 7n * ASK - chargeOf(7n * ASK));
    assert.equal(await gained(charlie.address, e), 0n);
    assert.equal(await escrow(charlie.address, endHash), 0n);
    const l = await rpc(node.rpcPort, 'market_licence', [charlie.address, solo, COMMERCIAL, endHash]);
    assert.deepEqual(l, {
      listing: solo, right: COMMERCIAL, units: 1, grantedAt: end, expiresAt: end + LICENCE_DURATION, valid: true,
    });
  });

  it('answers a request with a proposal; accepting it trades and releases the rest of the budget', async () => {
    const budget = 50n * ASK;
    const price = 20n * ASK;
    const brief = blake2AsHex('A commercial licence for a podcast intro: 30 s of guitar, upbeat.');
    const deadline = (await bestNumber(node)) + 100;
    const posted = await send(api.tx.market.postRequest('Audio', COMMERCIAL, budget, deadline, brief), eve);
    const req = one(posted.events, 'market', 'RequestPosted');
    const request = req.request.toNumber();
    assert.equal(req.briefHash.toHex(), brief);
    assert.equal(await escrow(eve.address, posted.blockHash), budget, 'the budget is held');

    const listed = (at) => rpc(node.rpcPort, 'market_openRequests', ['Audio', null, 100, at]);
    const open = (await listed(posted.blockHash)).find((x) => x.id === request);
    assert.deepEqual(open, {
      id: request, requester: eve.address, category: 'Audio', right: COMMERCIAL, budget: String(budget),
      deadline, briefHash: brief, proposals: [],
    });
    assert.ok(!(await rpc(node.rpcPort, 'market_openRequests', ['Video', null, 100, posted.blockHash]))
      .some((x) => x.id === request));

    // Alice proposes at the budget, withdraws, and proposes again under a new id.
    const first = await send(api.tx.market.propose(request, solo, budget), alice);
    const firstId = one(first.events, 'market', 'ProposalMade').proposal.toNumber();
    const withdrawn = await send(api.tx.market.removeProposal(request, firstId), alice);
    const removed = one(withdrawn.events, 'market', 'ProposalRemoved');
    assert.equal(removed.proposal.toNumber(), firstId);
    assert.equal(removed.reason.toString(), 'Withdrawn');
    const proposed = await send(api.tx.market.propose(request, solo, price), alice);
    const proposal = one(proposed.events, 'market', 'ProposalMade').proposal.toNumber();
    assert.equal(proposal, firstId + 1, 'proposal ids are never reused');
    assert.deepEqual((await listed(proposed.blockHash)).find((x) => x.id === request).proposals, [
      { id: proposal, proposer: alice.address, listing: solo, price: String(price) },
    ]);

    const accepted = await send(api.tx.market.acceptProposal(request, proposal), eve);
    const a = await block(accepted.blockHash);
    const acc = one(accepted.events, 'market', 'ProposalAccepted');
    assert.equal(acc.request.toNumber(), request);
    assert.equal(acc.price.toBigInt(), price);
    settled(accepted.events, { listing: solo, value: price });
    assert.equal(await gained(alice.address, a), price - chargeOf(price));
    assert.equal(await escrow(eve.address, accepted.blockHash), 0n);
    assert.equal(await gained(eve.address, a), budget - price, 'the unspent budget is released');
    const l = (await (await api.at(accepted.blockHash)).call.marketApi.licence(eve.address, solo, COMMERCIAL)).unwrap();
    assert.equal(l.units.toNumber(), 1);
    assert.ok(l.valid.isTrue);
    assert.equal(l.expiresAt.unwrap().toNumber(), a.number + LICENCE_DURATION);
    assert.ok(!(await listed(accepted.blockHash)).some((x) => x.id === request), 'the request closed');
  });

  it('pays a referring distributor its commission and a co-creator its share', async () => {
    const distPrice = 10n * ASK;
    const price = 30n * ASK;
    const offers = await send(api.tx.utility.batchAll([
      api.tx.market.createOffer(duet, 'Distribution', { Fixed: { price: distPrice } }, 1, null),
      api.tx.market.createOffer(duet, PERSONAL, { Fixed: { price } }, 5, null),
    ]), alice);
    const [distOffer, personalOffer] = all(offers.events, 'market', 'OfferCreated').map((d) => d.offer.toNumber());

    // Dave buys the distribution right; Ferdie's 20 % of what is left after the charge.
    const bought = await send(api.tx.market.buyOffer(distOffer, 1, distPrice, null), dave);
    const d = await block(bought.blockHash);
    const distNet = distPrice - chargeOf(distPrice);
    settled(bought.events, { listing: duet, value: distPrice, coCreators: ppm(distNet, FERDIE_PPM) });
    assert.equal(await gained(ferdie.address, d), ppm(distNet, FERDIE_PPM));
    assert.equal(await gained(alice.address, d), distNet - ppm(distNet, FERDIE_PPM));
    assert.deepEqual(await rpc(node.rpcPort, 'market_licence', [dave.address, duet, 'Distribution', bought.blockHash]), {
      listing: duet, right: 'Distribution', units: 1, grantedAt: d.number,
      expiresAt: d.number + LICENCE_DURATION, valid: true,
    });
    // The sold-out offer is gone; the licences are still offered.
    const left = await rpc(node.rpcPort, 'market_offersOfListing', [duet, bought.blockHash]);
    assert.deepEqual(left.map((o) => o.id), [personalOffer]);

    // Charlie buys two personal licences referred by Dave.
    const r = await send(api.tx.market.buyOffer(personalOffer, 2, price, dave.address), charlie);
    const b = await block(r.blockHash);
    const value = 2n * price;
    const commission = ppm(value, COMMISSION_PPM);
    const net = value - chargeOf(value) - commission;
    const toFerdie = ppm(net, FERDIE_PPM);
    const taken = one(r.events, 'market', 'OfferTaken');
    assert.equal(taken.offer.toNumber(), personalOffer);
    assert.equal(taken.buyer.toString(), charlie.address);
    assert.equal(taken.quantity.toNumber(), 2);
    assert.equal(taken.price.toBigInt(), price);
    assert.equal(taken.remaining.toNumber(), 3);
    const paid = one(r.events, 'market', 'CommissionPaid');
    assert.equal(paid.distributor.toString(), dave.address);
    assert.equal(paid.listing.toNumber(), duet);
    assert.equal(paid.amount.toBigInt(), commission);
    assert.equal(commission, value / 10n, '10 % of the value');
    settled(r.events, { listing: duet, value, commission, coCreators: toFerdie });

    assert.equal(await gained(dave.address, b), commission);
    assert.equal(await gained(ferdie.address, b), toFerdie);
    assert.equal(await gained(alice.address, b), net - toFerdie);
    assert.equal(await gained(charlie.address, b), -value, 'the buyer paid the value, nothing held after');
    assert.equal(await escrow(charlie.address, r.blockHash), 0n);
    const l = (await (await api.at(r.blockHash)).call.marketApi.licence(charlie.address, duet, PERSONAL)).unwrap();
    assert.equal(l.units.toNumber(), 2);
    assert.ok(l.valid.isTrue);

    const [rest] = await rpc(node.rpcPort, 'market_offersOfListing', [duet, r.blockHash]);
    assert.equal(rest.id, personalOffer);
    assert.equal(rest.remaining, 3);
    assert.equal(rest.priceNow, String(price));
    assert.equal(rest.bestBidder, null);
    assert.equal(rest.bestBid, null);
  });
});
