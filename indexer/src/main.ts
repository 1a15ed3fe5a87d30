// The indexer's entry point: every AllSpark event of every block, in order, into PostgreSQL.
// Blocks before finality are indexed too (unless ALLSPARK_INDEX_UNFINALIZED=0) and rolled back by
// the store when the chain reorganises.
import { TypeormDatabase } from '@subsquid/typeorm-store'
import { Batch } from './batch'
import { ACCOUNT_FIELDS, AMOUNT_FIELDS, address, json } from './codec'
import { contentHandlers } from './handlers/content'
import { BlockCtx, Handler } from './handlers/context'
import { evaluationHandlers } from './handlers/evaluation'
import { marketHandlers } from './handlers/market'
import * as model from './model'
import { Event, processor, settings } from './processor'

const handlers: Record<string, Handler> = { ...contentHandlers, ...marketHandlers, ...evaluationHandlers }

/** The event's row, and one row per account it names (with the event's amount). */
function recordEvent(ctx: BlockCtx, event: Event): model.ChainEvent {
    const [pallet] = event.name.split('.')
    const args = json(event.args) as Record<string, unknown> | undefined
    const ev = ctx.batch.save(model.ChainEvent, new model.ChainEvent({
        id: event.id,
        blockNumber: ctx.height,
        blockHash: ctx.block.hash,
        indexInBlock: event.index,
        timestamp: ctx.timestamp,
        pallet,
        name: event.name,
        extrinsicHash: event.extrinsic?.hash,
        args,
    }))
    if (!args || typeof args !== 'object' || Array.isArray(args)) return ev
    const amountField = AMOUNT_FIELDS.find((f) => typeof args[f] === 'string' || typeof args[f] === 'number')
    const amount = amountField === undefined ? undefined : BigInt(args[amountField] as string)
    for (const [role, v] of Object.entries(args)) {
        if (!ACCOUNT_FIELDS.has(role)) continue
        const ids = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && /^0x[0-9a-f]{64}$/i.test(x))
        ids.forEach((id, i) => {
            ctx.batch.save(model.AccountEvent, new model.AccountEvent({
                id: Array.isArray(v) ? `${ev.id}-${role}-${i}` : `${ev.id}-${role}`,
                account: address(id), event: ev, name: event.name, role, amount,
                blockNumber: ctx.height, timestamp: ctx.timestamp,
            }))
        })
    }
    return ev
}

processor.run(new TypeormDatabase({ supportHotBlocks: settings.hotBlocks }), async (ctx) => {
    const batch = new Batch(ctx.store)
    let events = 0
    for (const block of ctx.blocks) {
        const bctx = new BlockCtx(batch, block.header)
        for (const event of block.events) {
            bctx.enter(event)
            const ev = recordEvent(bctx, event)
            await handlers[event.name]?.(bctx, event, ev)
            events += 1
        }
    }
    await batch.flush()
    const last = ctx.blocks[ctx.blocks.length - 1]
    if (last && events > 0) ctx.log.info(`${ctx.blocks.length} blocks to #${last.header.height}: ${events} events`)
})
