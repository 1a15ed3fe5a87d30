// The chosen account: free and held balance (each hold by reason), open orders (cancellable),
// licences valid or expired, subscriptions, listings owned with their pending era rewards, and
// the evaluator record with its rewards and slashes.

import { h, table, fmt, rightText } from '../ui.js';
import { submit } from '../activity.js';
import { accountHistory } from './indexed.js';

export function accountView(app) {
  if (!app.account) {
    return h('div', {}, h('h1', {}, 'Account'), h('p', {}, 'Choose an account at the top of the page (the dev accounts on a dev chain, or your extension\'s).'));
  }
  const who = app.account.address;
  const api = app.api;

  const balances = app.live(async (at) => {
    const [acct, holds] = await Promise.all([at.query.system.account(who), at.query.balances.holds(who)]);
    const d = acct.data;
    return h('div', {},
      h('dl', { class: 'facts' },
        h('dt', {}, 'Free'), h('dd', { class: 'free' }, fmt(d.free)),
        h('dt', {}, 'Held'), h('dd', { class: 'held' }, fmt(d.reserved)),
        h('dt', {}, 'Frozen'), h('dd', {}, fmt(d.frozen))),
      table(['Held for', 'Amount'], holds.map((x) => [JSON.stringify(x.id.toJSON()).replace(/[{}"]/g, '').replace(':', ' · '), fmt(x.amount)]), 'Nothing held.'));
  }, { id: 'balances' });

  const orders = app.live(async (at) => {
    const list = await at.call.marketApi.ordersOf(who, null, 100);
    return table(['Order', 'Listing', 'Right', 'Side', 'Price', 'Open', 'Filled', 'Expires', ''], list.map((o) => h('tr', { 'data-order': o.id.toString() },
      h('td', {}, o.id.toString()), h('td', {}, h('a', { href: `#/listing/${o.listing}` }, `#${o.listing}`)), h('td', {}, rightText(o.right)),
      h('td', {}, o.side.type), h('td', {}, fmt(o.price)), h('td', {}, o.remaining.toString()), h('td', {}, o.filled.toString()),
      h('td', {}, `#${o.expiresAt}`),
      h('td', {}, o.remaining.toNumber() > 0 ? h('button', { type: 'button', class: 'cancel-order',
        onclick: () => submit(app, `Cancel order ${o.id}`, () => api.tx.market.cancelOrder(o.id)) }, 'Cancel') : 'settling'))),
    'No open orders.');
  }, { id: 'orders' });

  const licences = app.live(async (at) => {
    const list = await at.call.marketApi.licencesOf(who);
    const row = (l) => h('tr', { 'data-licence': `${l.listing}-${rightText(l.right)}`, class: l.valid.isTrue ? 'valid' : 'expired' },
      h('td', {}, h('a', { href: `#/listing/${l.listing}` }, `#${l.listing}`)), h('td', {}, rightText(l.right)),
      h('td', { class: 'units' }, l.units.toString()), h('td', {}, `#${l.grantedAt}`),
      h('td', {}, l.expiresAt.isSome ? `#${l.expiresAt.unwrap()}` : 'never'),
      h('td', { class: 'validity' }, l.valid.isTrue ? 'valid' : 'expired'));
    const subs = list.filter((l) => l.right.isSubscription);
    const rights = list.filter((l) => !l.right.isSubscription);
    const headers = ['Listing', 'Right', 'Units', 'Granted', 'Expires', 'Now'];
    return h('div', {},
      h('h3', {}, 'Licences and rights'), table(headers, rights.map(row), 'No licences.', { id: 'licence-table' }),
      h('h3', {}, 'Subscriptions'), table(headers, subs.map(row), 'No subscriptions.'));
  }, { id: 'licences' });

  const listings = app.live(async (at) => {
    const list = await at.call.contentApi.listingsOf(who, null, 100);
    const rewards = await Promise.all(list.map((l) => at.call.evaluationApi.eraRewards(l.id)));
    const era = rewards[0];
    return h('div', {},
      era ? h('p', { class: 'hint' }, `Era ${era.era} ends at block #${era.endsAt}; its budget so far is ${fmt(era.budget)}, shared by score × service charge, each holder paid at most half the charges its trades paid.`) : null,
      table(['Listing', 'Work', 'Category', 'Status', 'Pending era reward'], list.map((l, i) => {
        const mine = rewards[i].listing;
        return [h('a', { href: `#/listing/${l.id}` }, `#${l.id}`), l.metadata.toUtf8(), l.category.type, l.status.type, mine.isSome ? fmt(mine.unwrap().pending) : fmt(0n)];
      }), 'No listings.'));
  }, { id: 'owned' });

  const record = app.live(async (at) => {
    const r = await at.call.evaluationApi.record(who);
    return h('dl', { class: 'facts' },
      h('dt', {}, 'Coherent rounds'), h('dd', {}, r.coherent.toString()),
      h('dt', {}, 'Incoherent rounds'), h('dd', {}, r.incoherent.toString()),
      h('dt', {}, 'Silent rounds'), h('dd', {}, r.silent.toString()),
      h('dt', {}, 'Rewards'), h('dd', { class: 'rewarded' }, fmt(r.rewarded)),
      h('dt', {}, 'Slashed'), h('dd', {}, fmt(r.slashed)));
  }, { id: 'record' });

  return h('div', { class: 'account' },
    h('h1', {}, app.account.name, ' ', h('code', { class: 'address' }, who)),
    h('h2', {}, 'Balance'), balances,
    h('h2', {}, 'Open orders'), orders,
    licences,
    h('h2', {}, 'Listings owned'), listings,
    h('h2', {}, 'Evaluator record'), record,
    app.indexerUrl ? [h('h2', {}, 'History'), app.indexed(accountHistory(app, who))] : null);
}
