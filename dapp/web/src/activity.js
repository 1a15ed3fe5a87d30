// The activity panel: every signed action is reviewed here (the call and its estimated fee)
// before it is signed, then followed to inclusion and finality, and its outcome shown: the
// events it emitted, or the pallet's named error with the error's doc text.

import { h, fmt } from './ui.js';
import { signAndWatch } from './chain.js';

let panel;
let seq = 0;

export function initActivity(el) {
  panel = el;
}

/** `section.method` and the arguments of a call, for the review. */
function describeCall(tx) {
  const { section, method, args } = tx.method;
  return `${section}.${method}(${args.map((a) => JSON.stringify(a.toHuman())).join(', ')})`;
}

/**
 * Review, sign and follow a call.
 * @param {object} app      the app (`app.api`, `app.account`)
 * @param {string} label    what the user is doing, in words
 * @param {() => object} build  builds the call (may throw on bad input: shown, nothing sent)
 * @param {object} [o]
 * @param {(events: object[]) => (Node|string|null)} [o.success]  what to show on success
 * @returns {Promise<object|null>} the inclusion result, or null when cancelled or refused
 */
export async function submit(app, label, build, o = {}) {
  const id = ++seq;
  const status = h('div', { class: 'status' });
  const card = h('section', { class: 'tx', 'data-tx': id, 'data-state': 'review' },
    h('h3', {}, label), status);
  panel.prepend(card);
  const setState = (s) => card.setAttribute('data-state', s);
  const fail = (title, detail) => {
    setState('error');
    status.replaceChildren(h('p', { class: 'error' }, h('b', { class: 'error-name' }, title), detail ? h('span', { class: 'error-docs' }, ` ${detail}`) : null));
    return null;
  };

  const account = app.account;
  if (!account) return fail('No account', 'Choose an account to sign with.');
  let tx;
  try {
    tx = build();
  } catch (e) {
    return fail('Invalid input', e.message);
  }
  status.replaceChildren(h('p', { class: 'call' }, describeCall(tx)), h('p', {}, `Signer: ${account.name} · estimating the fee…`));
  let fee;
  try {
    fee = (await tx.paymentInfo(account.address)).partialFee;
  } catch (e) {
    return fail('Fee estimate failed', e.message);
  }
  const confirmed = await new Promise((resolve) => {
    status.replaceChildren(
      h('p', { class: 'call' }, describeCall(tx)),
      h('p', {}, 'Signer: ', h('b', {}, account.name), ' · estimated fee: ', h('b', { class: 'fee' }, fmt(fee))),
      h('div', { class: 'buttons' },
        h('button', { class: 'confirm', type: 'button', onclick: () => resolve(true) }, 'Sign and submit'),
        h('button', { class: 'cancel', type: 'button', onclick: () => resolve(false) }, 'Cancel')),
    );
  });
  if (!confirmed) {
    setState('cancelled');
    status.replaceChildren(h('p', {}, 'Cancelled: nothing was signed.'));
    return null;
  }

  setState('pending');
  const steps = h('ol', { class: 'steps' }, h('li', {}, 'Signed'));
  const outcome = h('div', { class: 'outcome' });
  status.replaceChildren(h('p', {}, 'Fee estimate: ', fmt(fee)), steps, outcome);
  const step = (text) => steps.append(h('li', {}, text));
  try {
    const result = await signAndWatch(app.api, tx, account, (s, hash) => {
      if (s === 'ready') step('In the pool');
      else if (s === 'broadcast') step('Broadcast');
      else if (s === 'inBlock') step(h('span', {}, 'In block ', h('code', { title: hash }, `${hash.slice(0, 10)}…`)));
      else if (s === 'finalized') {
        step(h('span', { class: 'final' }, 'Finalized'));
        if (card.getAttribute('data-state') === 'included') setState('finalized');
      }
    });
    if (!result.ok) {
      setState('failed');
      outcome.replaceChildren(h('p', { class: 'error' },
        'Failed: ', h('b', { class: 'error-name' }, result.error.name),
        result.error.docs ? h('span', { class: 'error-docs' }, ` — ${result.error.docs}`) : null));
      return result;
    }
    setState('included');
    const names = result.events
      .filter((e) => !['system', 'transactionPayment', 'balances', 'token'].includes(e.section))
      .map((e) => `${e.section}.${e.method}`);
    outcome.replaceChildren(h('p', { class: 'ok' }, 'Done: ', names.join(', ') || 'included'));
    const more = o.success?.(result.events);
    if (more) outcome.append(more);
    result.finalized.then(() => setState('finalized')).catch(() => {});
    return result;
  } catch (e) {
    return fail('Not included', e.message);
  }
}
