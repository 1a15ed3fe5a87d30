// One listing: its details and score, its offers by pricing mode (auctions with countdowns), the
// order book of each right by price level with depth, its recent trades and its evaluation
// history, and the actions on it: place an order, buy from an offer, bid, make an offer, open an
// evaluation round, commit and reveal, and offer, accept or cancel a copyright transfer (two
// steps: nothing moves until the recipient signs).

import { h, table, fmt, addr, field, select, parseAmount, parseCount, parseId, rightText, blocksToTime } from '../ui.js';
import { submit } from '../activity.js';
import { commitScore, revealFor, savedSalt } from '../evaluation.js';
import { chartSection, tradeHistory } from './indexed.js';

/** The rights a listing's books trade, as `[value, label, codec JSON]`. */
export const RIGHTS = [
  ['personal', 'Personal licence', { Licence: 'Personal' }],
  ['commercial', 'Commercial licence', { Licence: 'Commercial' }],
  ['republication', 'Republication licence', { Licence: 'Republication' }],
  ['subscription', 'Subscription', 'Subscription'],
  ['distribution', 'Distribution right', 'Distribution'],
  ['copyright', 'Copyright', 'Copyright'],
];
export const rightOf = (value) => (RIGHTS.find((r) => r[0] === value) ?? RIGHTS[0])[2];

const form = (name, title, fields, button, onsubmit) => h('form', {
  class: 'action', 'data-form': name,
  onsubmit: (e) => { e.preventDefault(); onsubmit(new FormData(e.target)); },
}, h('h3', {}, title), fields, h('button', { type: 'submit' }, button));

const input = (name, attrs = {}) => h('input', { name, autocomplete: 'off', ...attrs });

function depthTable(levels, side) {
  let cumulative = 0n;
  const rows = levels.map((l) => {
    cumulative += l.quantity.toBigInt();
    return { price: l.price.toBigInt(), quantity: l.quantity.toBigInt(), orders: l.orders.toNumber(), depth: cumulative };
  });
  const max = rows.length ? rows[rows.length - 1].depth : 1n;
  return table(['Price', 'Units', 'Orders', 'Depth'], rows.map((r) => h('tr', { 'data-price': r.price.toString() },
    h('td', {}, fmt(r.price)), h('td', { class: 'qty' }, r.quantity.toString()), h('td', {}, String(r.orders)),
    h('td', { class: 'depth' }, h('span', { class: `bar ${side}`, style: `width:${Number((r.depth * 100n) / max)}%` }), r.depth.toString()))),
  side === 'bid' ? 'No bids.' : 'No asks.', { class: `book-side ${side}` });
}

function offerMode(app, o) {
  const m = o.mode;
  if (m.isFixed) return ['Fixed price', fmt(m.asFixed.price)];
  if (m.isDutch) {
    return ['Dutch auction', h('span', {}, `${fmt(o.priceNow)} now, falling to ${fmt(m.asDutch.floorPrice)} at #${m.asDutch.end.toNumber()}`)];
  }
  const e = m.asEnglish;
  const left = o.blocksLeft.toNumber();
  return ['English auction', h('span', {},
    o.bestBid.isSome ? `highest bid ${fmt(o.bestBid.unwrap())} by ` : `reserve ${fmt(e.reserve)}, no bids`,
    o.bestBidder.isSome ? addr(o.bestBidder.unwrap(), app.names) : '',
    ` · ends #${e.end.toNumber()} `,
    h('span', { class: 'countdown', 'data-blocks': String(left) }, `(${left} blocks, ~${blocksToTime(left, app.info.blockMs)})`))];
}

export function listingView(app, id) {
  const api = app.api;
  let bookRight = sessionStorage.getItem('allspark.bookRight') ?? 'personal';

  const details = app.live(async (at) => {
    const [l, state, score] = await Promise.all([
      at.call.contentApi.listing(id), at.call.contentApi.listingState(id), at.call.evaluationApi.score(id)]);
    if (l.isNone) return h('div', {}, h('h1', {}, `Listing #${id}`), h('p', { class: 'status' }, `State: ${state.type}`));
    const d = l.unwrap();
    const t = d.terms;
    const offered = ['personal', 'commercial', 'republication'].filter((k) => t[k].isTrue);
    return h('div', {},
      h('h1', {}, h('span', { class: 'title' }, d.metadata.toUtf8()), ` #${id}`),
      h('dl', { class: 'facts' },
        h('dt', {}, 'State'), h('dd', { class: 'state' }, state.type),
        h('dt', {}, 'Category'), h('dd', {}, d.category.type),
        h('dt', {}, 'Owner'), h('dd', {}, addr(d.owner, app.names)),
        h('dt', {}, 'Score'), h('dd', { class: 'score' }, score.current.isSome ? `${score.current.unwrap()} / 100 (${score.rounds} rounds)` : 'not evaluated yet'),
        h('dt', {}, 'Licences'), h('dd', {}, offered.join(', ') || 'none',
          t.licenceDuration.isSome ? ` · run ${t.licenceDuration.unwrap()} blocks` : ' · perpetual'),
        h('dt', {}, 'Distributor commission'), h('dd', {}, `${t.distributorCommission.toNumber() / 10_000} %`),
        h('dt', {}, 'Co-creators'), h('dd', {}, d.shares.length ? d.shares.map((s) => h('span', {}, addr(s.account, app.names), ` ${s.share.toNumber() / 10_000} % `)) : 'none'),
        h('dt', {}, 'Content hash'), h('dd', {}, h('code', {}, d.contentHash.toHex())),
        h('dt', {}, 'Registered'), h('dd', {}, `block #${d.registeredAt}`)));
  }, { id: 'details' });

  const offers = app.live(async (at) => {
    const list = await at.call.marketApi.offersOfListing(id);
    return table(['Offer', 'Right', 'Pricing', 'Terms', 'Units', 'Seller'], list.map((o) => {
      const [mode, terms] = offerMode(app, o);
      return h('tr', { 'data-offer': o.id.toString() }, h('td', {}, o.id.toString()), h('td', {}, rightText(o.right)),
        h('td', { class: 'mode' }, mode), h('td', {}, terms), h('td', {}, o.remaining.toString()), h('td', {}, addr(o.seller, app.names)));
    }), 'No open offers.');
  }, { id: 'offers' });

  const rightSelect = select('right', RIGHTS.map(([v, label]) => [v, label]), bookRight);
  const book = app.live(async (at) => {
    const b = await at.call.marketApi.book(id, rightOf(bookRight), 10);
    return h('div', { class: 'book' },
      h('div', {}, h('h4', {}, 'Bids'), depthTable(b.bids, 'bid')),
      h('div', {}, h('h4', {}, 'Asks'), depthTable(b.asks, 'ask')));
  }, { id: 'book' });
  rightSelect.addEventListener('change', () => {
    bookRight = rightSelect.value;
    sessionStorage.setItem('allspark.bookRight', bookRight);
    app.refreshers.forEach((r) => r());
  });

  const trades = app.live(async () => table(['Block', 'Right', 'Units', 'Price', 'Value', 'Seller'],
    app.trades.of(id).slice(0, 20).map((t) => [`#${t.block}`, rightText(t.right), t.quantity.toString(), fmt(t.price), fmt(t.value), addr(t.seller, app.names)]),
    'No trades seen in the last blocks.'), { id: 'trades' });

  const evaluation = app.live(async (at) => {
    const s = await at.call.evaluationApi.score(id);
    const history = table(['Round', 'Score', 'Finalised', 'Revealed'],
      s.history.map((e) => [e.round.toString(), e.score.toString(), `#${e.finalisedAt}`, e.revealed.toString()]).reverse(),
      'No finalised rounds yet.');
    let round = h('p', {}, 'No open round.');
    if (s.openRound.isSome) {
      const r = (await at.call.evaluationApi.round(s.openRound.unwrap())).unwrap();
      const me = app.account?.address;
      const mine = me && r.participants.find((p) => p.evaluator.toString() === me);
      const kept = me && savedSalt(app, r.id.toNumber(), me);
      round = h('div', { class: 'round', 'data-round': r.id.toString(), 'data-phase': r.phase.type },
        h('p', {}, `Round ${r.id}: `, h('b', { class: 'phase' }, r.phase.type), ` · commits until #${r.commitEnd}, reveals until #${r.revealEnd}`,
          ` · ${r.participants.length} evaluators, ${fmt(r.totalStake)} staked`),
        mine ? h('p', { class: 'mine' }, mine.revealed.isTrue ? `You revealed ${mine.score.unwrap()}.`
          : `You committed ${fmt(mine.stake)}${kept ? ` (score ${kept.score} kept in this browser)` : ''}.`) : null);
    }
    return h('div', {}, round, h('h4', {}, 'History'), history);
  }, { id: 'evaluation' });

  const orderForm = form('order', 'Place an order on this book', [
    field('Side', select('side', [['Buy', 'Buy'], ['Sell', 'Sell']], 'Buy')),
    field(`Price per unit`, input('price', { inputmode: 'decimal', placeholder: '5' })),
    field('Units', input('quantity', { inputmode: 'numeric', value: '1' })),
    field('Expires in blocks (empty: the longest)', input('expires', { inputmode: 'numeric' })),
    field('Fill or kill', h('input', { type: 'checkbox', name: 'fok' })),
  ], 'Review order', (f) => submit(app, `Place a ${f.get('side').toLowerCase()} order`, () => {
    const expires = f.get('expires') ? app.best + Number(parseCount(f.get('expires'), 'expiry')) : null;
    return api.tx.market.placeOrder(id, rightOf(bookRight), f.get('side'), parseAmount(f.get('price')),
      parseCount(f.get('quantity')), expires, f.get('fok') === 'on', null);
  }));

  const buyForm = form('buy', 'Buy from an offer', [
    field('Offer', input('offer', { inputmode: 'numeric' })),
    field('Units', input('quantity', { inputmode: 'numeric', value: '1' })),
    field('Most per unit', input('max', { inputmode: 'decimal' })),
  ], 'Review purchase', (f) => submit(app, 'Buy from an offer', () =>
    api.tx.market.buyOffer(parseId(f.get('offer'), 'offer'), parseCount(f.get('quantity')), parseAmount(f.get('max')), null)));

  const bidForm = form('bid', 'Bid in an English auction', [
    field('Offer', input('offer', { inputmode: 'numeric' })),
    field('Bid for the lot', input('amount', { inputmode: 'decimal' })),
  ], 'Review bid', (f) => submit(app, 'Bid', () =>
    api.tx.market.bid(parseId(f.get('offer'), 'offer'), parseAmount(f.get('amount')), null)));

  const offerForm = form('offer', 'Make an offer (owner)', [
    field('Right', select('right', RIGHTS.map(([v, label]) => [v, label]), 'personal')),
    field('Pricing', select('mode', [['Fixed', 'Fixed price'], ['English', 'English auction'], ['Dutch', 'Dutch auction']], 'Fixed')),
    field('Price / reserve / start price', input('price', { inputmode: 'decimal' })),
    field('Increment / floor price (auctions)', input('second', { inputmode: 'decimal' })),
    field('Ends in blocks (auctions)', input('end', { inputmode: 'numeric', value: '100' })),
    field('Units', input('quantity', { inputmode: 'numeric', value: '1' })),
  ], 'Review offer', (f) => submit(app, 'Make an offer', () => {
    const price = parseAmount(f.get('price'));
    const mode = f.get('mode');
    const end = () => app.best + Number(parseCount(f.get('end'), 'end'));
    const pricing = mode === 'Fixed' ? { Fixed: { price } }
      : mode === 'English' ? { English: { reserve: price, minIncrement: parseAmount(f.get('second')), end: end() } }
        : { Dutch: { startPrice: price, floorPrice: parseAmount(f.get('second')), end: end() } };
    return api.tx.market.createOffer(id, rightOf(f.get('right')), pricing, parseCount(f.get('quantity')), null);
  }));

  const copyrightForms = h('div', { class: 'forms' },
    form('offer-copyright', 'Offer the copyright (owner)', [
      field('To (address)', input('to', { placeholder: '5…' })),
      h('p', { class: 'hint' }, 'Nothing moves until the recipient accepts: they then hold the listing deposit and yours is released.'),
    ], 'Review transfer offer', (f) => submit(app, 'Offer the copyright',
      () => api.tx.content.transferCopyright(id, String(f.get('to')).trim()))),
    form('accept-copyright', 'Accept the copyright offered to you', [
      h('p', {}, 'The listing deposit is held from your funds that are not locked.'),
    ], 'Review acceptance', () => submit(app, 'Accept the copyright', () => api.tx.content.acceptCopyright(id))),
    form('cancel-copyright', 'Withdraw or decline a copyright offer', [
      h('p', {}, 'The owner withdraws an offer; its recipient declines it.'),
    ], 'Review', () => submit(app, 'Cancel the copyright offer', () => api.tx.content.cancelCopyrightTransfer(id))));

  const evalForms = h('div', { class: 'forms' },
    form('open-round', 'Open an evaluation round', [h('p', {}, 'Pays the evaluation fee; evaluators then stake and commit.')], 'Review',
      () => submit(app, 'Open an evaluation round', () => api.tx.evaluation.openRound(id))),
    form('commit', 'Commit a score', [
      field('Score (0–100)', input('score', { inputmode: 'numeric' })),
      field('Stake', input('stake', { inputmode: 'decimal' })),
      h('p', { class: 'hint' }, 'The score stays hidden until you reveal it; its salt is kept in this browser.'),
    ], 'Review commitment', (f) => commitScore(app, id, f.get('score'), f.get('stake'))),
    form('reveal', 'Reveal your score', [h('p', {}, 'Uses the score and salt this browser kept.')], 'Review reveal',
      () => revealFor(app, id)));

  return h('div', { class: 'listing' },
    details,
    h('h2', {}, 'Order book ', rightSelect), book, orderForm,
    h('h2', {}, 'Offers'), offers, h('div', { class: 'forms' }, buyForm, bidForm, offerForm),
    ...(app.indexerUrl
      ? [h('h2', {}, 'Price'), app.indexed(chartSection(app, id)), h('h2', {}, 'Trade history'), app.indexed(tradeHistory(app, id))]
      : [h('h2', {}, 'Recent trades'), trades]),
    h('h2', {}, 'Evaluation'), evaluation, evalForms,
    h('h2', {}, 'Copyright'), copyrightForms);
}
