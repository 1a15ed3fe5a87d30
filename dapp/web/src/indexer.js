// The indexer (indexer/README.md), when the page is given one: `?indexer=http://host:4350/graphql`
// (kept for later visits; `?indexer=` with no value forgets it). It serves what the chain does
// not keep: trade history, price candles, accounts' histories, search and rankings. Without one
// the page reads the chain only, as before.

const KEY = 'allspark.indexer';

/** The indexer's GraphQL address, or null. */
export function indexerUrl() {
  const params = new URLSearchParams(window.location.search);
  if (params.has('indexer')) {
    const url = params.get('indexer').trim();
    if (url) localStorage.setItem(KEY, url);
    else localStorage.removeItem(KEY);
  }
  return localStorage.getItem(KEY) || null;
}

/** Run a GraphQL query on the indexer; throws with the server's message on an error. */
export async function gql(url, query, variables = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  if (!res.ok) throw new Error(`indexer answered ${res.status}`);
  const body = await res.json();
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data;
}

export const Q = {
  candles: `query($id: String!, $interval: CandleInterval!) {
    candles(where: { listing: { id_eq: $id }, interval_eq: $interval }, orderBy: start_ASC, limit: 1000) {
      right start open high low close volume units trades } }`,
  trades: `query($id: String!, $first: Int!, $after: String) {
    tradesConnection(where: { listing: { id_eq: $id } }, orderBy: [blockNumber_DESC, id_DESC], first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind right buyer seller quantity price value blockNumber timestamp } } } }`,
  history: `query($a: String!, $first: Int!, $after: String) {
    accountEventsConnection(where: { account_eq: $a }, orderBy: [blockNumber_DESC, id_DESC], first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id name role amount blockNumber timestamp } } } }`,
  search: `query($where: ListingWhereInput, $limit: Int!, $offset: Int!) {
    listings(where: $where, orderBy: listingId_DESC, limit: $limit, offset: $offset) {
      id metadata category owner status score volume lastPrice tradeCount } }`,
  top: `query($limit: Int!) {
    topListingsByVolume(hours: 24, limit: $limit) { listingId metadata category owner score volume trades lastPrice }
    byScore: listings(where: { score_isNull: false }, orderBy: [score_DESC, volume_DESC], limit: $limit) { id metadata category score volume }
    evaluators(orderBy: [net_DESC, id_ASC], limit: $limit) { id commitments coherent incoherent silent rewards slashed net } }`,
};

/** The search's filter: text in the metadata or owner (or the id), a category, a least score. */
export function searchWhere({ q, category, minScore }) {
  const and = [];
  if (q) {
    const or = [{ metadata_containsInsensitive: q }, { owner_containsInsensitive: q }];
    if (/^\d+$/.test(q)) or.push({ id_eq: q });
    and.push({ OR: or });
  }
  if (category) and.push({ category_eq: category });
  if (minScore !== null && minScore !== undefined && minScore !== '') and.push({ score_gte: Number(minScore) });
  return and.length ? { AND: and } : {};
}

/**
 * Cursor paging over a connection: `load(after)` resolves with the connection; `render(conn)`
 * draws its page. Returns an element with the page and Newer/Older buttons.
 */
export function pager(h, load, render) {
  const el = h('div', { class: 'pager' });
  const cursors = [null];
  let at = 0;
  const show = async () => {
    try {
      const conn = await load(cursors[at]);
      const prev = h('button', { type: 'button', class: 'newer', disabled: at === 0, onclick: () => { at -= 1; show(); } }, 'Newer');
      const next = h('button', { type: 'button', class: 'older', disabled: !conn.pageInfo.hasNextPage,
        onclick: () => { cursors[at + 1] = conn.pageInfo.endCursor; at += 1; show(); } }, 'Older');
      el.replaceChildren(render(conn), h('p', { class: 'pages' }, prev, ` page ${at + 1} of ${Math.max(1, Math.ceil(conn.totalCount / PAGE))} (${conn.totalCount}) `, next));
    } catch (e) {
      el.replaceChildren(h('p', { class: 'error' }, `The indexer did not answer: ${e.message}`));
    }
  };
  el.refresh = show;
  show();
  return el;
}

export const PAGE = 20;
