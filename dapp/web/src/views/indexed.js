// The parts of the page the indexer serves (src/indexer.js): a listing's price chart (hourly or
// daily candles and volume, drawn by lightweight-charts) and its whole trade history, an
// account's history, search over every listing, and the top listings and evaluators.

import { createChart, CandlestickSeries, HistogramSeries } from 'lightweight-charts';
import { h, table, fmt, addr, field, select, units } from '../ui.js';
import { gql, Q, pager, PAGE, searchWhere } from '../indexer.js';

const when = (ts) => new Date(ts).toLocaleString();
const rightLabel = (r) => r.replace(':', ' (') + (r.includes(':') ? ')' : '');

/** The price chart of listing `id`: one right's candles (the most traded first), H1 or D1. */
export function chartSection(app, id) {
  const interval = select('interval', [['H1', 'Hourly'], ['D1', 'Daily']], 'H1');
  const rightSel = h('select', { name: 'chart-right' });
  const box = h('div', { class: 'chart', id: 'price-chart', style: 'height:320px' });
  const info = h('p', { class: 'chart-info' });
  let chart = null;
  let candles = [];
  let drawn = '';
  const draw = () => {
    const right = rightSel.value;
    const shown = candles.filter((c) => c.right === right);
    box.setAttribute('data-candles', String(shown.length));
    box.setAttribute('data-volume', shown.reduce((s, c) => s + BigInt(c.volume), 0n).toString());
    if (chart) chart.remove();
    chart = createChart(box, { height: 320, layout: { attributionLogo: false }, timeScale: { timeVisible: true } });
    const prices = chart.addSeries(CandlestickSeries, {});
    const volume = chart.addSeries(HistogramSeries, { priceScaleId: '', priceFormat: { type: 'volume' } });
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    const time = (c) => Math.floor(new Date(c.start).getTime() / 1000);
    prices.setData(shown.map((c) => ({ time: time(c), open: units(c.open), high: units(c.high), low: units(c.low), close: units(c.close) })));
    volume.setData(shown.map((c) => ({ time: time(c), value: units(c.volume) })));
    chart.timeScale().fitContent();
    info.textContent = shown.length
      ? `${shown.length} ${interval.value === 'H1' ? 'hour' : 'day'}${shown.length === 1 ? '' : 's'} with trades · ${shown.reduce((s, c) => s + c.trades, 0)} trades · ${fmt(shown.reduce((s, c) => s + BigInt(c.volume), 0n))} traded`
      : 'No trades of this right yet.';
  };
  const load = async () => {
    try {
      const fresh = (await gql(app.indexerUrl, Q.candles, { id: String(id), interval: interval.value })).candles;
      // Re-read at every block: redrawn only when a trade changed it.
      const key = `${interval.value}:${JSON.stringify(fresh)}`;
      if (key === drawn && chart) return;
      drawn = key;
      candles = fresh;
      const byVolume = new Map();
      for (const c of candles) byVolume.set(c.right, (byVolume.get(c.right) ?? 0n) + BigInt(c.volume));
      const rights = [...byVolume.entries()].sort((a, b) => (a[1] < b[1] ? 1 : -1)).map(([r]) => r);
      const keep = rights.includes(rightSel.value) ? rightSel.value : rights[0];
      rightSel.replaceChildren(...rights.map((r) => h('option', { value: r, selected: r === keep }, rightLabel(r))));
      if (!rights.length) {
        box.replaceChildren();
        box.setAttribute('data-candles', '0');
        info.textContent = 'No trades yet.';
        return;
      }
      draw();
    } catch (e) {
      info.textContent = `The indexer did not answer: ${e.message}`;
    }
  };
  interval.addEventListener('change', load);
  rightSel.addEventListener('change', draw);
  load();
  const el = h('div', { id: 'chart-section' }, h('div', { class: 'filters' }, field('Candles', interval), field('Right', rightSel)), box, info);
  el.refresh = load;
  return el;
}

/** Every trade of listing `id`, newest first, a page at a time. */
export function tradeHistory(app, id) {
  return pager(h, async (after) => (await gql(app.indexerUrl, Q.trades, { id: String(id), first: PAGE, after })).tradesConnection,
    (conn) => table(['Block', 'Time', 'Kind', 'Right', 'Units', 'Price', 'Value', 'Buyer', 'Seller'],
      conn.edges.map(({ node: t }) => h('tr', { 'data-trade': t.id },
        h('td', {}, `#${t.blockNumber}`), h('td', {}, when(t.timestamp)), h('td', { class: 'kind' }, t.kind),
        h('td', {}, rightLabel(t.right)), h('td', {}, String(t.quantity)), h('td', {}, fmt(BigInt(t.price))),
        h('td', {}, fmt(BigInt(t.value))), h('td', {}, t.buyer ? addr(t.buyer, app.names) : '–'), h('td', {}, addr(t.seller, app.names)))),
      'No trades yet.', { id: 'trade-history' }));
}

/** Every AllSpark event naming account `who`, newest first, a page at a time. */
export function accountHistory(app, who) {
  return pager(h, async (after) => (await gql(app.indexerUrl, Q.history, { a: who, first: PAGE, after })).accountEventsConnection,
    (conn) => table(['Block', 'Time', 'Event', 'As', 'Amount'],
      conn.edges.map(({ node: e }) => h('tr', { 'data-event': e.id },
        h('td', {}, `#${e.blockNumber}`), h('td', {}, when(e.timestamp)), h('td', { class: 'event' }, e.name),
        h('td', {}, e.role), h('td', {}, e.amount === null ? '–' : fmt(BigInt(e.amount))))),
      'No history yet.', { id: 'account-history' }));
}

/** Search every listing through the indexer: text, category, least score; 20 a page. */
export function indexedSearch(app, categories) {
  const q = h('input', { type: 'search', name: 'search', placeholder: 'Search title, owner or id', value: sessionStorage.getItem('allspark.search') ?? '' });
  const category = select('category', [['', 'every category'], ...categories], sessionStorage.getItem('allspark.category') ?? '');
  const minScore = h('input', { name: 'min-score', inputmode: 'numeric', placeholder: 'any', size: 4 });
  let offset = 0;
  const body = h('div', { id: 'listings', class: 'indexed' });
  const run = async () => {
    try {
      const where = searchWhere({ q: q.value.trim(), category: category.value, minScore: minScore.value.trim() });
      const rows = (await gql(app.indexerUrl, Q.search, { where, limit: PAGE + 1, offset })).listings;
      const more = rows.length > PAGE;
      const prev = h('button', { type: 'button', class: 'newer', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); run(); } }, 'Previous');
      const next = h('button', { type: 'button', class: 'older', disabled: !more, onclick: () => { offset += PAGE; run(); } }, 'Next');
      body.replaceChildren(
        table(['#', 'Work', 'Category', 'Owner', 'Status', 'Score', 'Last price', 'Volume'],
          rows.slice(0, PAGE).map((l) => h('tr', { 'data-listing': l.id },
            h('td', {}, l.id), h('td', {}, h('a', { href: `#/listing/${l.id}` }, l.metadata)), h('td', {}, l.category),
            h('td', {}, addr(l.owner, app.names)), h('td', { class: `status-${l.status.toLowerCase()}` }, l.status),
            h('td', { class: 'score' }, l.score === null ? '–' : String(l.score)),
            h('td', {}, l.lastPrice === null ? '–' : fmt(BigInt(l.lastPrice))), h('td', {}, fmt(BigInt(l.volume))))),
          'No listings match.'),
        h('p', { class: 'pages' }, prev, ` from ${offset + 1} `, next));
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error' }, `The indexer did not answer: ${e.message}`));
    }
  };
  let timer;
  const refilter = () => {
    sessionStorage.setItem('allspark.search', q.value);
    sessionStorage.setItem('allspark.category', category.value);
    offset = 0;
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  };
  q.addEventListener('input', refilter);
  category.addEventListener('change', refilter);
  minScore.addEventListener('input', refilter);
  run();
  body.refresh = run;
  return h('div', {},
    h('h1', {}, 'Listings'),
    h('div', { class: 'filters' }, field('Search', q), field('Category', category), field('Least score', minScore),
      h('span', { class: 'source' }, 'served by the indexer')),
    body);
}

/** The top listings by the last 24 hours' volume and by score, and the evaluators by net reward. */
export function topView(app) {
  const body = h('div', { id: 'top' });
  const run = async () => {
    try {
      const d = await gql(app.indexerUrl, Q.top, { limit: 10 });
      body.replaceChildren(
        h('h2', {}, 'By volume, last 24 hours'),
        table(['#', 'Work', 'Category', 'Score', 'Trades', 'Volume', 'Last price'],
          d.topListingsByVolume.map((l) => h('tr', { 'data-listing': l.listingId },
            h('td', {}, l.listingId), h('td', {}, h('a', { href: `#/listing/${l.listingId}` }, l.metadata)), h('td', {}, l.category),
            h('td', {}, l.score === null ? '–' : String(l.score)), h('td', {}, String(l.trades)), h('td', { class: 'volume' }, fmt(BigInt(l.volume))),
            h('td', {}, l.lastPrice === null ? '–' : fmt(BigInt(l.lastPrice))))),
          'No trades in the last 24 hours.', { id: 'top-volume' }),
        h('h2', {}, 'By score'),
        table(['#', 'Work', 'Category', 'Score', 'All-time volume'],
          d.byScore.map((l) => h('tr', { 'data-listing': l.id },
            h('td', {}, l.id), h('td', {}, h('a', { href: `#/listing/${l.id}` }, l.metadata)), h('td', {}, l.category),
            h('td', {}, String(l.score)), h('td', {}, fmt(BigInt(l.volume))))),
          'No scored listings yet.', { id: 'top-score' }),
        h('h2', {}, 'Evaluators'),
        table(['Evaluator', 'Rounds', 'Coherent', 'Incoherent', 'Silent', 'Rewards', 'Slashed', 'Net'],
          d.evaluators.map((e) => h('tr', { 'data-evaluator': e.id },
            h('td', {}, addr(e.id, app.names)), h('td', {}, String(e.commitments)), h('td', {}, String(e.coherent)),
            h('td', {}, String(e.incoherent)), h('td', {}, String(e.silent)), h('td', {}, fmt(BigInt(e.rewards))),
            h('td', {}, fmt(BigInt(e.slashed))), h('td', {}, (BigInt(e.net) < 0n ? '−' : '') + fmt(BigInt(e.net) < 0n ? -BigInt(e.net) : BigInt(e.net))))),
          'No evaluations yet.', { id: 'top-evaluators' }));
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error' }, `The indexer did not answer: ${e.message}`));
    }
  };
  run();
  body.refresh = run;
  return h('div', {}, h('h1', {}, 'Top listings'), body);
}
