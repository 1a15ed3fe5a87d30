// Register a work: its content hash (blake2-256 of the file or text, computed in the page), its
// metadata reference, category and default licence terms. The deposit is held from the owner.
// Two signatures: first a blind claim on the hash (its commitment computed here), then, once the
// claim is `Content.ClaimDelay` blocks old, the registration itself; whoever sees the
// registration in the pool has no claim old enough to take the work first.

import { h, field, select, fmt } from '../ui.js';
import { submit } from '../activity.js';
import { claimCommitment, waitForClaim } from '../chain.js';
import { categories } from './listings.js';
import { blake2AsHex } from '@polkadot/util-crypto';
import { stringToU8a } from '@polkadot/util';

export function registerView(app) {
  const api = app.api;
  const c = api.consts.content;
  const input = (name, attrs = {}) => h('input', { name, autocomplete: 'off', ...attrs });
  const fileInput = h('input', { type: 'file', name: 'file' });
  const result = h('div', { class: 'result' });

  const hashOf = async (f) => {
    const file = fileInput.files?.[0];
    if (file) return blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256);
    const text = String(f.get('content') ?? '');
    if (!text) throw new Error('Give the work: a file or its text.');
    return blake2AsHex(stringToU8a(text), 256);
  };

  const formEl = h('form', { class: 'action', 'data-form': 'register', onsubmit: async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    let hash;
    try {
      hash = await hashOf(f);
    } catch (err) {
      return submit(app, 'Register a work', () => { throw err; });
    }
    const call = () => {
      const metadata = String(f.get('metadata') ?? '').trim();
      if (!metadata) throw new Error('Give the metadata reference (a title, an IPFS CID or a URL).');
      const duration = String(f.get('duration') ?? '').trim();
      const commission = Number(f.get('commission') || 0);
      if (!(commission >= 0 && commission <= 100)) throw new Error('The commission is a percentage from 0 to 100.');
      const terms = {
        personal: f.get('personal') === 'on',
        commercial: f.get('commercial') === 'on',
        republication: f.get('republication') === 'on',
        licenceDuration: duration ? Number(duration) : null,
        distributorCommission: Math.round(commission * 10_000),
      };
      return api.tx.content.register(hash, metadata, f.get('category'), terms, []);
    };
    const address = app.account?.address;
    const commitment = address ? claimCommitment(hash, address) : null;
    const claims = address ? await api.call.contentApi.claimsOf(address) : [];
    if (!claims.some((c) => c.commitment.toHex() === commitment)) {
      const claimed = await submit(app, 'Claim the work (step 1 of 2)', () => {
        call();
        return api.tx.content.claim(commitment);
      }, {
        success: () => h('p', { class: 'claimed' }, 'Claimed, blind: the registration follows once the claim is old enough.'),
      });
      if (!claimed?.ok) return;
    }
    result.replaceChildren(h('p', { class: 'waiting' }, 'Waiting for the claim to be old enough to register…'));
    try {
      await waitForClaim(api, address, commitment);
    } catch (err) {
      return submit(app, 'Register a work (step 2 of 2)', () => { throw err; });
    }
    result.replaceChildren();
    const r = await submit(app, 'Register a work (step 2 of 2)', call, {
      success: (events) => {
        const ev = events.find((x) => api.events.content.ListingRegistered.is(x));
        if (!ev) return null;
        const id = ev.data.listing.toString();
        return h('p', { class: 'registered', 'data-listing': id }, 'Listed as ', h('a', { href: `#/listing/${id}` }, `#${id}`),
          `, deposit ${fmt(ev.data.deposit)} held.`);
      },
    });
    if (r?.ok) result.replaceChildren(h('p', {}, 'See the activity panel for the new listing.'));
  } },
  h('h3', {}, 'The work'),
  field('Metadata reference (title, IPFS CID or URL)', input('metadata', { maxlength: c.maxMetadataLen.toString() })),
  field('File', fileInput),
  field('…or its text', h('textarea', { name: 'content', rows: 3 })),
  field('Category', select('category', categories(api), 'Text')),
  h('h3', {}, 'Licence terms'),
  field('Sell personal licences', h('input', { type: 'checkbox', name: 'personal', checked: true })),
  field('Sell commercial licences', h('input', { type: 'checkbox', name: 'commercial' })),
  field('Sell republication licences', h('input', { type: 'checkbox', name: 'republication' })),
  field('Licence duration in blocks (empty: perpetual)', input('duration', { inputmode: 'numeric' })),
  field('Distributor commission (%)', input('commission', { inputmode: 'decimal', value: '0' })),
  h('p', { class: 'hint' }, `Deposit: ${fmt(c.depositBase)} plus ${fmt(c.depositPerByte)} a byte of metadata, held while listed.`),
  h('button', { type: 'submit' }, 'Review registration'));

  return h('div', {}, h('h1', {}, 'Register content'), formEl, result);
}
