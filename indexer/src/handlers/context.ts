// What a handler sees: the batch's entities, the block, the event, and what earlier events of
// the same extrinsic (or hook) left for later ones.
import { Batch } from '../batch'
import { Block, Event } from '../processor'
import * as model from '../model'

export interface TradeHint {
    kind: model.TradeKind
    source?: string
}

export class BlockCtx {
    /** The last trade paid out in this extrinsic or hook, until an event claims it. */
    lastTrade?: model.Trade
    /** The kind of the next trade, when an event announced it (an offer bought, a taker order). */
    hint?: TradeHint
    /** The extrinsic (or hook phase) the two above belong to. */
    private scope?: string

    constructor(
        readonly batch: Batch,
        readonly block: Block,
    ) {}

    get height(): number {
        return this.block.height
    }

    get timestamp(): Date {
        return new Date(this.block.timestamp ?? 0)
    }

    /** Forget the trade context when an event of another extrinsic or hook comes. */
    enter(event: Event): void {
        const scope = event.extrinsic ? `x${event.extrinsic.index}` : event.phase
        if (scope !== this.scope) {
            this.scope = scope
            this.lastTrade = undefined
            this.hint = undefined
        }
    }
}

export type Handler = (ctx: BlockCtx, event: Event, chainEvent: model.ChainEvent) => Promise<void>

/** Decode an event with the first of its typegen versions that matches the block's runtime. */
export function decode<T>(event: Event, type: { name: string } & Record<string, unknown>): T {
    for (const [k, v] of Object.entries(type)) {
        if (k === 'name') continue
        const t = v as { is(e: Event): boolean; decode(e: Event): T }
        if (t.is(event)) return t.decode(event)
    }
    throw new Error(`indexer: ${event.name} at block ${event.block.height} has a layout this indexer does not know: regenerate its types (npm run typegen)`)
}
