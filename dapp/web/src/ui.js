// DOM building and formatting helpers: no framework, just elements.

/**
 * An element: `h('div', { class: 'x', onclick }, child, 'text', [more])`.
 * Attributes starting with `on` are listeners; `null`/`false` children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** A table with a header row; `rows` are arrays of cells; `empty` shown when there are none. */
export function table(headers, rows, empty = 'none', attrs = {}) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c) => h('td', {}, c)))))));
}

/** A labelled form field. */
export function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

/** `<select>` of `options` (`[value, label]` pairs or plain values). */
export function select(name, options, selected) {
  return h('select', { name }, options.map((o) => {
    const [value, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value, selected: value === selected }, label);
  }));
}

let decimals = 12;
let symbol = 'ASK';

/** Set the token's decimals and symbol from the chain's properties. */
export function setToken(d, s) {
  decimals = d;
  symbol = s;
}

export const tokenSymbol = () => symbol;

/** `planck` (bigint, decimal string or codec) as a number of tokens, for charts. */
export function units(planck) {
  return Number(BigInt(planck.toString())) / 10 ** decimals;
}

/** `planck` (bigint or codec) as `1.2345 ASK`, trailing zeros dropped (at most 4 decimals). */
export function fmt(planck) {
  const v = BigInt(planck.toString());
  const neg = v < 0n;
  const a = neg ? -v : v;
  const unit = 10n ** BigInt(decimals);
  const whole = a / unit;
  let frac = (a % unit).toString().padStart(decimals, '0').slice(0, 4).replace(/0+$/, '');
  if (frac === '' && a % unit !== 0n) frac = '0001'.slice(0, 4);
  return `${neg ? '-' : ''}${whole.toLocaleString('en-US')}${frac ? `.${frac}` : ''} ${symbol}`;
}

/** A decimal amount of tokens typed by the user (`'1.5'`) in planck; throws on bad input. */
export function parseAmount(text) {
  const t = String(text).trim();
  if (!/^\d+(\.\d+)?$/.test(t)) throw new Error(`"${text}" is not an amount of ${symbol}`);
  const [w, f = ''] = t.split('.');
  if (f.length > decimals) throw new Error(`at most ${decimals} decimals`);
  return BigInt(w) * 10n ** BigInt(decimals) + BigInt(f.padEnd(decimals, '0'));
}

/** A positive whole number typed by the user. */
export function parseCount(text, what = 'quantity') {
  const t = String(text).trim();
  if (!/^\d+$/.test(t) || BigInt(t) === 0n) throw new Error(`${what} must be a whole number above zero`);
  return BigInt(t);
}

/** An id typed by the user (ids start at 0). */
export function parseId(text, what = 'id') {
  const t = String(text).trim();
  if (!/^\d+$/.test(t)) throw new Error(`${what} must be a whole number`);
  return BigInt(t);
}

/** An address shortened for display, the full one in the title. */
export function addr(a, names) {
  const s = a.toString();
  const name = names?.get(s);
  return h('span', { class: 'addr', title: s }, name ?? `${s.slice(0, 6)}…${s.slice(-4)}`);
}

/** A right (`{ Licence: 'Personal' }`, `'Copyright'` or its codec) as text. */
export function rightText(r) {
  const j = typeof r?.toJSON === 'function' ? r.toJSON() : r;
  if (typeof j === 'string') return j.charAt(0).toUpperCase() + j.slice(1);
  const [k, v] = Object.entries(j)[0];
  const cap = (x) => x.charAt(0).toUpperCase() + x.slice(1);
  return `${cap(k)} (${cap(String(v))})`;
}

/** A number of blocks as a rough duration at `blockMs` a block. */
export function blocksToTime(blocks, blockMs) {
  let s = Math.max(0, Math.round((Number(blocks) * blockMs) / 1000));
  const d = Math.floor(s / 86400); s -= d * 86400;
  const hr = Math.floor(s / 3600); s -= hr * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  if (d) return `${d}d ${hr}h`;
  if (hr) return `${hr}h ${m}m`;
  if (m) return `${m}m ${s}s`;
  return `${s}s`;
}
