// The AllSpark Market: connects to a node, follows its new and finalized heads, and renders the
// page for the route (#/listings, #/listing/<id>, #/account, #/register). Each view's live parts
// are re-read at every new best block (a subscription, not a polling loop); forms are built once
// per route so typing is never interrupted.

import { h } from './ui.js';
import { setToken } from './ui.js';
import { connect, endpoint, devAccounts, extensionAccounts } from './chain.js';
import { initActivity } from './activity.js';
import { Trades } from './trades.js';
import { listingsView } from './views/listings.js';
import { listingView } from './views/listing.js';
import { accountView } from './views/account.js';
import { registerView } from './views/register.js';
import { indexedSearch, topView } from './views/indexed.js';
import { categories } from './views/listings.js';
import { indexerUrl } from './indexer.js';

const $ = (id) => document.getElementById(id);

const app = {
  api: null,
  info: null,
  account: null,
  accounts: [],
  /** Display names of known accounts, by address. */
  names: new Map(),
  best: null,
  bestHash: null,
  trades: null,
  refreshers: [],
  /** The indexer's GraphQL address (`?indexer=`), or null: the page then reads the chain only. */
  indexerUrl: indexerUrl(),
};
window.allspark = app;

function notice(text, kind = 'error') {
  const n = $('notice');
  n.hidden = !text;
  n.className = kind;
  n.textContent = text ?? '';
}

/**
 * A live section: `fn(at)` renders it from the chain state at the best block; it is rendered
 * now and again at every new best block (a slow render skips blocks rather than pile up).
 */
app.live = function live(fn, attrs = {}) {
  const el = h('div', { class: 'live', ...attrs });
  let busy = false;
  const run = async () => {
    if (busy || !app.bestHash) return;
    busy = true;
    try {
      const at = await app.api.at(app.bestHash);
      const node = await fn(at);
      el.replaceChildren(node);
      el.removeAttribute('data-error');
    } catch (e) {
      el.setAttribute('data-error', e.message);
      el.replaceChildren(h('p', { class: 'error' }, `Could not read the chain: ${e.message}`));
    } finally {
      busy = false;
    }
  };
  app.refreshers.push(run);
  run();
  return el;
};

/** An indexer-served section, re-read at every new best block (its rows may have changed). */
app.indexed = function indexed(el) {
  const target = el.refresh ? el : el.querySelector('#listings, #top');
  if (target?.refresh) app.refreshers.push(() => target.refresh());
  return el;
};

function route() {
  const hash = window.location.hash || '#/listings';
  const [, page, arg] = hash.split('/');
  app.refreshers = [];
  const view = $('view');
  let node;
  if (page === 'listing' && /^\d+$/.test(arg ?? '')) node = listingView(app, BigInt(arg));
  else if (page === 'account') node = accountView(app);
  else if (page === 'register') node = registerView(app);
  else if (page === 'top' && app.indexerUrl) node = app.indexed(topView(app));
  else if (app.indexerUrl) node = app.indexed(indexedSearch(app, categories(app.api)));
  else node = listingsView(app);
  view.replaceChildren(node);
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.getAttribute('href') === `#/${page}`));
}

/** An account's key in the selector: the same address may be both a dev account and the extension's. */
const keyOf = (a) => `${a.source}/${a.address}`;

function setAccounts(accounts) {
  app.accounts = accounts;
  for (const a of accounts) app.names.set(a.address, a.name);
  const sel = $('account');
  const previous = app.account ? keyOf(app.account) : localStorage.getItem('allspark.account');
  sel.replaceChildren(h('option', { value: '' }, 'no account'),
    ...accounts.map((a) => h('option', { value: keyOf(a), selected: keyOf(a) === previous }, `${a.name} (${a.source})`)));
  app.account = accounts.find((a) => keyOf(a) === sel.value) ?? null;
}

async function main() {
  initActivity($('activity'));
  const url = endpoint();
  $('chain-name').textContent = `connecting to ${url}…`;
  let info;
  try {
    info = await connect(url);
  } catch (e) {
    notice(`Cannot connect to ${url}: ${e.message}. Start a node (scripts/start-dapp.sh) or open this page with ?rpc=ws://host:port.`);
    return;
  }
  app.api = info.api;
  app.info = info;
  setToken(info.decimals, info.symbol);
  $('chain-name').textContent = info.chain;
  if (app.indexerUrl) {
    $('nav-top').hidden = false;
    $('indexer-name').textContent = 'indexer';
    $('indexer-name').title = app.indexerUrl;
  }
  $('chain-name').title = url;
  if (info.dev) setAccounts(devAccounts(info.ss58));

  $('account').addEventListener('change', (e) => {
    app.account = app.accounts.find((a) => keyOf(a) === e.target.value) ?? null;
    localStorage.setItem('allspark.account', app.account ? keyOf(app.account) : '');
    if ((window.location.hash || '').startsWith('#/account')) route();
  });
  $('extension').addEventListener('click', async () => {
    try {
      const ext = await extensionAccounts(info.ss58);
      setAccounts([...app.accounts.filter((a) => a.source === 'dev'), ...ext]);
      notice(`${ext.length} account(s) from the extension.`, 'info');
    } catch (e) {
      notice(e.message);
    }
  });

  app.api.on('disconnected', () => notice(`Disconnected from ${url}; reconnecting…`));
  app.api.on('connected', () => notice(null));

  app.trades = new Trades(app.api);
  await app.api.rpc.chain.subscribeFinalizedHeads((head) => {
    $('finalized').textContent = head.number.toNumber().toLocaleString('en-US');
  });
  await app.api.rpc.chain.subscribeNewHeads((head) => {
    app.best = head.number.toNumber();
    app.bestHash = head.hash.toHex();
    $('best').textContent = app.best.toLocaleString('en-US');
    $('best').setAttribute('data-number', String(app.best));
    app.trades.onBlock(app.bestHash, app.best).catch((e) => notice(`Reading block ${app.best}: ${e.message}`));
    for (const r of app.refreshers) r();
  });
  window.addEventListener('hashchange', route);
  route();
  app.trades.backfill(app.bestHash, 100).catch((e) => notice(`Reading recent trades: ${e.message}`));
}

main();
