// All listings with their status, score and last price; searched by text and filtered by
// category, both applied in the page.

import { h, table, fmt, addr, select, field } from '../ui.js';

/**
 * The variants of the runtime's `Category` enum, read from the metadata: the type of
 * `content.register`'s `category` argument, whatever crate the runtime declares it in.
 */
export function categories(api) {
  const arg = api.tx.content.register.meta.args.find((a) => a.name.toString() === 'category');
  return api.createType(arg.type.toString()).defKeys;
}

/** Every listing at `at`: `{ id, owner, metadata, category, status, terms, shares, deposit, registeredAt }`. */
export async function readListings(at) {
  const entries = await at.query.content.listings.entries();
  return entries
    .filter(([, v]) => v.isSome)
    .map(([k, v]) => {
      const l = v.unwrap();
      return {
        id: k.args[0].toBigInt(),
        owner: l.owner.toString(),
        hash: l.contentHash.toHex(),
        metadata: l.metadata.toUtf8(),
        category: l.category.type,
        status: l.status.type,
        terms: l.terms,
        shares: l.shares,
        deposit: l.deposit.toBigInt(),
        registeredAt: l.registeredAt.toNumber(),
      };
    })
    .sort((a, b) => (a.id < b.id ? 1 : -1));
}

export function listingsView(app) {
  const search = h('input', { type: 'search', name: 'search', placeholder: 'Search title, owner or id', value: sessionStorage.getItem('allspark.search') ?? '' });
  const category = select('category', [['', 'every category'], ...categories(app.api)], sessionStorage.getItem('allspark.category') ?? '');
  let rerender = () => {};
  const body = app.live(async (at) => {
    const listings = await readListings(at);
    const scores = await Promise.all(listings.map((l) => at.call.evaluationApi.score(l.id)));
    const rows = listings.map((l, i) => ({ ...l, score: scores[i].current.isSome ? scores[i].current.unwrap().toNumber() : null }));
    const draw = () => {
      const q = search.value.trim().toLowerCase();
      const c = category.value;
      const shown = rows.filter((l) => (!c || l.category === c) && (!q
        || l.metadata.toLowerCase().includes(q) || l.owner.toLowerCase().includes(q)
        || (app.names.get(l.owner) ?? '').toLowerCase().includes(q) || String(l.id) === q));
      const trade = (l) => app.trades?.last(l.id);
      return h('div', {},
        h('p', { class: 'count' }, `${shown.length} of ${rows.length} listings`),
        table(['#', 'Work', 'Category', 'Owner', 'Status', 'Score', 'Last price'],
          shown.map((l) => h('tr', { 'data-listing': String(l.id) },
            h('td', {}, String(l.id)),
            h('td', {}, h('a', { href: `#/listing/${l.id}` }, l.metadata)),
            h('td', {}, l.category),
            h('td', {}, addr(l.owner, app.names)),
            h('td', { class: `status-${l.status.toLowerCase()}` }, l.status),
            h('td', { class: 'score' }, l.score === null ? '–' : String(l.score)),
            h('td', {}, trade(l) ? fmt(trade(l).price) : '–'))),
          'No listings match.'));
    };
    rerender = () => body.replaceChildren(draw());
    return draw();
  }, { id: 'listings' });
  const refilter = () => {
    sessionStorage.setItem('allspark.search', search.value);
    sessionStorage.setItem('allspark.category', category.value);
    rerender();
  };
  search.addEventListener('input', refilter);
  category.addEventListener('change', refilter);
  return h('div', {},
    h('h1', {}, 'Listings'),
    h('div', { class: 'filters' }, field('Search', search), field('Category', category)),
    body);
}
