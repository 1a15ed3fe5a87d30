// A trade paid out: its row, its listing's figures and its hourly and daily candles.
import { address, rightName } from '../codec'
import * as model from '../model'
import * as v105 from '../types/v105'
import { BlockCtx } from './context'

export interface TradeSettled {
    listing: bigint
    right: v105.Right
    seller: string
    quantity: number
    value: bigint
    charge: bigint
    commission: bigint
    coCreators: bigint
}

const INTERVALS: [model.CandleInterval, number][] = [
    [model.CandleInterval.H1, 3_600_000],
    [model.CandleInterval.D1, 86_400_000],
]

export async function recordTrade(ctx: BlockCtx, ev: model.ChainEvent, a: TradeSettled): Promise<void> {
    const listing = await ctx.batch.must(model.Listing, a.listing.toString())
    const price = a.quantity > 0 ? a.value / BigInt(a.quantity) : a.value
    const right = rightName(a.right)
    const trade = new model.Trade({
        id: ev.id,
        listing,
        right,
        kind: ctx.hint?.kind ?? model.TradeKind.Order,
        source: ctx.hint?.source,
        seller: address(a.seller),
        quantity: a.quantity,
        value: a.value,
        price,
        charge: a.charge,
        commission: a.commission,
        coCreators: a.coCreators,
        blockNumber: ctx.height,
        timestamp: ctx.timestamp,
    })
    ctx.hint = undefined
    ctx.lastTrade = ctx.batch.save(model.Trade, trade)
    listing.tradeCount += 1
    listing.volume += a.value
    listing.lastPrice = price
    listing.lastTradeTimestamp = ctx.timestamp
    ctx.batch.save(model.Listing, listing)
    for (const [interval, ms] of INTERVALS) {
        await addToCandle(ctx, listing, right, interval, ms, trade)
    }
}

async function addToCandle(
    ctx: BlockCtx,
    listing: model.Listing,
    right: string,
    interval: model.CandleInterval,
    ms: number,
    trade: model.Trade,
) {
    const start = Math.floor(trade.timestamp.getTime() / ms) * ms
    const id = `${listing.id}-${right}-${interval}-${start / 1000}`
    const c = (await ctx.batch.get(model.Candle, id)) ?? new model.Candle({
        id, listing, right, interval, start: new Date(start),
        open: trade.price, high: trade.price, low: trade.price, close: trade.price,
        volume: 0n, units: 0, trades: 0,
    })
    if (trade.price > c.high) c.high = trade.price
    if (trade.price < c.low) c.low = trade.price
    c.close = trade.price
    c.volume += trade.value
    c.units += trade.quantity
    c.trades += 1
    ctx.batch.save(model.Candle, c)
}
