// Turning the chain's values into the tables' values.
import * as ss58 from '@subsquid/ss58'
import * as v105 from './types/v105'

/** AllSpark's SS58 prefix (the runtime's `SS58_PREFIX`), or ALLSPARK_SS58_PREFIX. */
const codec = ss58.codec(Number(process.env.ALLSPARK_SS58_PREFIX || 7307))

/** An account id (hex) as an AllSpark SS58 address. */
export function address(id: string): string {
    return codec.encode(id)
}

/** `Copyright`, `Distribution`, `Subscription` or `Licence:<kind>`. */
export function rightName(r: v105.Right): string {
    return r.__kind === 'Licence' ? `Licence:${r.value.__kind}` : r.__kind
}

/** Bytes as UTF-8 text when they are printable UTF-8, else as hex. */
export function text(hex: string): string {
    const buf = Buffer.from(hex.startsWith('0x') ? hex.slice(2) : hex, 'hex')
    const s = buf.toString('utf8')
    // eslint-disable-next-line no-control-regex
    return Buffer.from(s, 'utf8').equals(buf) && !/[\u0000-\u001f\ufffd]/.test(s) ? s : `0x${buf.toString('hex')}`
}

/** A value as JSON, with big integers as decimal strings. */
export function json(v: unknown): unknown {
    if (typeof v === 'bigint') return v.toString()
    if (Array.isArray(v)) return v.map(json)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, json(x)]))
    return v
}

/** The fields that hold accounts, in the AllSpark pallets' events. */
export const ACCOUNT_FIELDS = new Set([
    'who', 'owner', 'from', 'to', 'buyer', 'seller', 'distributor', 'bidder', 'winner', 'requester',
    'proposer', 'opener', 'evaluator', 'account', 'author', 'beneficiary', 'payer', 'validators',
])

/** The fields that hold an event's amount, most telling first. */
export const AMOUNT_FIELDS = [
    'amount', 'value', 'reward', 'stake', 'price', 'budget', 'deposit', 'fee', 'released', 'slashed',
    'added', 'paid', 'total',
]
