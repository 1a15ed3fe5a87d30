// The indexer (issue 25) against a real chain: PostgreSQL, an archive dev node and the indexer
// (processor and GraphQL server) are started; users trade in every way the market has (a buy
// order taking sells, a sell filling a resting buy settled by the queue, a fixed-price offer, an
// English auction, an accepted proposal), a listing is scored by a round and a short era pays
// out. Then: every event of the AllSpark pallets in those blocks is in the database exactly
// once, each trade is of the right kind with its buyer, the candles' volumes sum to the traded
// value, the DApp's queries answer, and a stopped indexer resumes where it stopped.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { stringToHex } from '@polkadot/util';
import { startNode, stopNode, connect, waitFor, bestNumber, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait, errorName, sudo } from 'allspark-harness/tx.js';
import { claimContent } from 'allspark-harness/content.js';
import { startPostgres } from 'allspark-harness/postgres.js';
import { startIndexer } from 'allspark-harness/indexer.js';

const ASK = 10n ** 12n;
const PERSONAL = { Licence: 'Personal' };
const COMMERCIAL = { Licence: 'Commercial' };
const PALLETS = ['validators', 'token', 'content', 'market', 'evaluation'];

describe('the indexer', () => {
  let node; let api; let pg; let indexer;
  let alice; let bob; let charlie; let dave; let eve;
  const listings = {};
  let lastBlock = 0;

  const send = async (tx, signer) => {
    const r = await sendAndWait(api, tx, signer);
    assert.equal(r.dispatchError, undefined, r.dispatchError && errorName(api, r.dispatchError));
    lastBlock = Math.max(lastBlock, (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber());
    return r;
  };
  const one = (r, section, method) => {
    const found = r.events.filter(({ event }) => api.events[section][method].is(event));
    assert.equal(found.length, 1, `one ${section}.${method}`);
    return found[0].event.data;
  };
  const waitForBlock = (n) => waitFor(`block #${n}`, async () => (await bestNumber(node)) >= n, 300_000);
  const salt = new Uint8Array(32).fill(9);

  before(async () => {
    await cryptoWaitReady();
    pg = await startPostgres();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    [alice, bob, charlie, dave, eve] =
      ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => keyring.addFromUri(`//${n}`));
    indexer = await startIndexer({ pg, rpc: node.ws });
  });

  after(async () => {
    if (indexer) await indexer.stop();
    if (api) await api.disconnect();
    if (node) await stopNode(node);
    if (pg) await pg.stop();
  });

  it('indexes trades of every kind, a scored listing and a paid era', async () => {
    // Twenty-block eras, so that one ends and pays out within the test.
    const params = (await api.query.evaluation.parameters()).unwrap().toJSON();
    await sudo(api, api.tx.evaluation.setParams({ ...params, eraLength: 20 }), alice);

    const names = ['scored', 'offered', 'auctioned'];
    const hashes = names.map((n) => blake2AsHex(`indexer ${n} ${Date.now()}`));
    await claimContent(api, alice, hashes);
    const terms = {
      personal: true, commercial: true, republication: false, licenceDuration: null, distributorCommission: 0,
    };
    const registered = await send(api.tx.utility.batchAll(hashes.map((h, i) =>
      api.tx.content.register(h, stringToHex(`ipfs://indexer-test-${names[i]}`), 'Audio', terms, []))), alice);
    registered.events.filter(({ event }) => api.events.content.ListingRegistered.is(event))
      .forEach(({ event }, i) => { listings[names[i]] = event.data.listing.toNumber(); });

    // A round scores the first listing 80 (one reveal suffices on a test chain).
    const round = one(await send(api.tx.evaluation.openRound(listings.scored), dave), 'evaluation', 'RoundOpened');
    const commitment = (await api.call.evaluationApi.commitment(80, salt, bob.address)).toHex();
    await send(api.tx.evaluation.commit(round.round, commitment, 10n * ASK), bob);

    // Meanwhile every kind of trade.
    const now = await bestNumber(node);
    // A buy order takes resting sells (paid at once); a sell fills a resting buy (paid by the
    // settlement queue).
    await send(api.tx.market.placeOrder(listings.scored, PERSONAL, 'Sell', 10n * ASK, 3, null, false, null), alice);
    await send(api.tx.market.placeOrder(listings.scored, PERSONAL, 'Buy', 10n * ASK, 2, null, false, null), bob);
    await send(api.tx.market.placeOrder(listings.offered, PERSONAL, 'Buy', 12n * ASK, 1, null, false, null), charlie);
    await send(api.tx.market.placeOrder(listings.offered, PERSONAL, 'Sell', 11n * ASK, 1, null, false, null), alice);
    // A fixed-price offer bought; an English auction bid on twice; a request answered.
    const offered = await send(api.tx.market.createOffer(listings.offered, COMMERCIAL,
      { Fixed: { price: 20n * ASK } }, 5, null), alice);
    const offer = one(offered, 'market', 'OfferCreated').offer;
    await send(api.tx.market.buyOffer(offer, 2, 20n * ASK, null), dave);
    const auctionEnd = now + 12;
    const auction = one(await send(api.tx.market.createOffer(listings.auctioned, COMMERCIAL,
      { English: { reserve: 5n * ASK, minIncrement: ASK, end: auctionEnd } }, 1, null), alice), 'market', 'OfferCreated').offer;
    await send(api.tx.market.bid(auction, 5n * ASK, null), dave);
    // A bid near the end extends it: the last bid's event says when it ends.
    const lastBid = one(await send(api.tx.market.bid(auction, 7n * ASK, null), eve), 'market', 'AuctionBidPlaced');
    const request = one(await send(api.tx.market.postRequest('Audio', COMMERCIAL, 50n * ASK, now + 200,
      blake2AsHex('a jingle')), eve), 'market', 'RequestPosted').request;
    const proposal = one(await send(api.tx.market.propose(request, listings.scored, 30n * ASK), alice),
      'market', 'ProposalMade').proposal;
    // A second proposal, closed when the first is accepted.
    const passedOver = one(await send(api.tx.market.propose(request, listings.offered, 25n * ASK), alice),
      'market', 'ProposalMade').proposal;
    await send(api.tx.market.acceptProposal(request, proposal), eve);

    // The round reveals and finalises; the auction ends and is settled.
    await waitForBlock(round.commitEnd.toNumber());
    await send(api.tx.evaluation.reveal(round.round, 80, salt), bob);
    // The market's hooks settle an ended auction (`settle_auction` is there for when they lag).
    await waitForBlock(lastBid.end.toNumber());
    await waitFor('the auction settled', async () => (await api.query.market.offers(auction)).isNone, 120_000);
    await waitFor('round finalised', async () => (await api.query.evaluation.rounds(round.round)).isNone, 300_000);

    // A trade of the scored listing earns its owner an era reward once the era ends.
    await send(api.tx.market.placeOrder(listings.scored, PERSONAL, 'Sell', 10n * ASK, 1, null, false, null), alice);
    await send(api.tx.market.placeOrder(listings.scored, PERSONAL, 'Buy', 10n * ASK, 1, null, false, null), charlie);
    const paid = await waitFor('an era paid out with rewards', async () => {
      const era = await indexer.query(`{ eras(where: { paidOut_eq: true, paid_gt: "0" }) { id paid rewards { account amount } } }`);
      return era.eras[0];
    }, 600_000, 2000);
    assert.ok(paid.rewards.some((r) => r.account === alice.address), JSON.stringify(paid));

    // Everything up to here is final and indexed.
    const head = await bestNumber(node);
    await waitFor(`#${head} finalized`, async () => (await finalizedNumber(node)) >= head, 180_000);
    await indexer.reach(head);
    lastBlock = head;

    const { proposals } = await indexer.query(`query($r: String!) { proposals(where: { request: { id_eq: $r } }, orderBy: proposalId_ASC) {
      id status } }`, { r: request.toString() });
    assert.deepEqual(proposals, [
      { id: `${request}-${proposal}`, status: 'Accepted' },
      { id: `${request}-${passedOver}`, status: 'Closed' },
    ]);
  });

  it('holds every AllSpark event of those blocks exactly once', async () => {
    const onChain = [];
    for (let n = 1; n <= lastBlock; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const events = await api.query.system.events.at(hash);
      events.forEach(({ event }, index) => {
        if (PALLETS.includes(event.section)) onChain.push(`${n}/${index}/${event.section}.${event.method}`);
      });
    }
    const rows = pg.psql(`SELECT block_number, index_in_block, name FROM chain_event WHERE block_number <= ${lastBlock} ORDER BY 1, 2`)
      .map(([b, i, name]) => `${b}/${i}/${name[0].toLowerCase()}${name.slice(1)}`);
    assert.ok(onChain.length > 100, `${onChain.length} events`);
    assert.deepEqual(rows, onChain);
    const [[dupes]] = pg.psql('SELECT count(*) - count(DISTINCT (block_number, index_in_block)) FROM chain_event');
    assert.equal(dupes, '0');
  });

  it('records each trade with its kind, buyer and candles', async () => {
    const { trades } = await indexer.query(`{ trades(orderBy: blockNumber_ASC) {
      kind source buyer seller quantity value price listing { id } } }`);
    const kinds = new Set(trades.map((t) => t.kind));
    assert.deepEqual([...kinds].sort(), ['Auction', 'Offer', 'Order', 'Proposal']);
    assert.ok(trades.every((t) => t.buyer && t.seller === alice.address), JSON.stringify(trades));
    const auction = trades.find((t) => t.kind === 'Auction');
    assert.equal(auction.buyer, eve.address);
    assert.equal(BigInt(auction.value), 7n * ASK);
    const settledOnChain = pg.psql(`SELECT coalesce(sum((args->>'value')::numeric), 0) FROM chain_event WHERE name = 'Market.TradeSettled'`)[0][0];
    const traded = trades.reduce((s, t) => s + BigInt(t.value), 0n);
    assert.equal(traded.toString(), settledOnChain);
    for (const interval of ['H1', 'D1']) {
      const { candles } = await indexer.query(`query($i: CandleInterval!) { candles(where: { interval_eq: $i }) { volume trades units } }`, { i: interval });
      assert.equal(candles.reduce((s, c) => s + BigInt(c.volume), 0n), traded, interval);
      assert.equal(candles.reduce((s, c) => s + c.trades, 0), trades.length, interval);
    }
  });

  it("answers the DApp's queries: search, a listing's history, an account's history, rankings", async () => {
    const found = await indexer.query(`{ listings(where: { metadata_containsInsensitive: "INDEXER-TEST-SCORED", category_eq: "Audio" }) {
      id score volume tradeCount status statusChanges { status } ownerChanges { to } } }`);
    assert.equal(found.listings.length, 1);
    const [scored] = found.listings;
    assert.equal(Number(scored.id), listings.scored);
    assert.equal(scored.score, 80);
    assert.ok(scored.tradeCount >= 3);
    assert.equal(scored.ownerChanges[0].to, alice.address);
    const page = await indexer.query(`query($id: String!) { tradesConnection(where: { listing: { id_eq: $id } }, orderBy: id_ASC, first: 2) {
      totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { id: scored.id });
    assert.equal(page.tradesConnection.totalCount, scored.tradeCount);
    assert.equal(page.tradesConnection.edges.length, 2);
    assert.equal(page.tradesConnection.pageInfo.hasNextPage, true);
    const history = await indexer.query(`query($a: String!) { accountEvents(where: { account_eq: $a }, orderBy: blockNumber_ASC) { name role amount } }`, { a: eve.address });
    const names = history.accountEvents.map((e) => e.name);
    for (const n of ['Market.AuctionBidPlaced', 'Market.RequestPosted', 'Market.RightGranted']) assert.ok(names.includes(n), n);
    const ranks = await indexer.query(`{ topListingsByVolume(hours: 24, limit: 3) { listingId volume trades }
      evaluators(orderBy: net_DESC, limit: 5) { id coherent rewards } }`);
    assert.ok(ranks.topListingsByVolume.length >= 3);
    const volumes = ranks.topListingsByVolume.map((r) => BigInt(r.volume));
    assert.deepEqual(volumes, [...volumes].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    assert.equal(ranks.evaluators[0].id, bob.address);
    assert.equal(ranks.evaluators[0].coherent, 1);
  });

  it('resumes where it stopped after a restart', async () => {
    await indexer.stopProcessor();
    const stoppedAt = await indexer.height();
    // A trade while it is down.
    await send(api.tx.market.placeOrder(listings.offered, PERSONAL, 'Sell', 9n * ASK, 1, null, false, null), alice);
    const r = await send(api.tx.market.placeOrder(listings.offered, PERSONAL, 'Buy', 9n * ASK, 1, null, false, null), bob);
    const at = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
    const p = indexer.startProcessor();
    await indexer.reach(at);
    // It went on from the last final block it had written (blocks after it, not yet final, are
    // read again), not from genesis.
    const resumed = Number(/last processed final block was (\d+)/.exec(p.log())?.[1]);
    assert.ok(resumed > 0 && resumed <= stoppedAt && resumed >= stoppedAt - 10, `resumed at ${resumed}, stopped at ${stoppedAt}`);
    const { trades } = await indexer.query(`query($id: String!) { trades(where: { listing: { id_eq: $id }, price_eq: "${9n * ASK}" }) { buyer } }`,
      { id: String(listings.offered) });
    assert.deepEqual(trades.map((t) => t.buyer), [bob.address]);
    const [[dupes]] = pg.psql('SELECT count(*) - count(DISTINCT (block_number, index_in_block)) FROM chain_event');
    assert.equal(dupes, '0');
  });
});
