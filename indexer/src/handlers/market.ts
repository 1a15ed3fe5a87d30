// Market: orders and fills, trades and candles, licences, offers with bids, requests with
// proposals.
import { address, json, rightName } from '../codec'
import * as model from '../model'
import { market } from '../types/events'
import * as v105 from '../types/v105'
import { BlockCtx, Handler, decode } from './context'
import { recordTrade } from './trades'

type OfferId = { offer: bigint }

async function setOfferStatus(ctx: BlockCtx, id: bigint, status: model.OfferStatus, f?: (o: model.Offer) => void) {
    const offer = await ctx.batch.must(model.Offer, id.toString())
    offer.status = status
    f?.(offer)
    ctx.batch.save(model.Offer, offer)
}

/** The open proposals of a request, when it closes. */
async function closeProposals(ctx: BlockCtx, request: string, except?: string) {
    const stored = await ctx.batch.find(model.Proposal, { request: { id: request }, status: model.ProposalStatus.Open })
    const made = ctx.batch.cached(model.Proposal).filter((p) => p.request.id === request)
    for (const p of new Set([...stored, ...made])) {
        if (p.id === except || p.status !== model.ProposalStatus.Open) continue
        p.status = model.ProposalStatus.Closed
        ctx.batch.save(model.Proposal, p)
    }
}

export const marketHandlers: Record<string, Handler> = {
    [market.orderPlaced.name]: async (ctx, e) => {
        const a = decode<{ order: bigint; owner: string; listing: bigint; right: v105.Right; side: v105.Side; price: bigint; quantity: number; expiresAt: number }>(e, market.orderPlaced)
        ctx.batch.save(model.Order, new model.Order({
            id: a.order.toString(),
            owner: address(a.owner),
            listing: await ctx.batch.must(model.Listing, a.listing.toString()),
            right: rightName(a.right),
            side: a.side.__kind,
            price: a.price,
            quantity: a.quantity,
            remaining: a.quantity,
            expiresAt: a.expiresAt,
            status: model.OrderStatus.Open,
            placedAt: ctx.height,
            placedTimestamp: ctx.timestamp,
        }))
    },
    [market.orderFilled.name]: async (ctx, e, ev) => {
        const a = decode<{ order: bigint; takerOrder: bigint; buyer: string; seller: string; price: bigint; quantity: number; remaining: number }>(e, market.orderFilled)
        const order = await ctx.batch.must(model.Order, a.order.toString())
        order.remaining = a.remaining
        if (a.remaining === 0) order.status = model.OrderStatus.Filled
        ctx.batch.save(model.Order, order)
        const taker = await ctx.batch.must(model.Order, a.takerOrder.toString())
        taker.remaining = Math.max(0, taker.remaining - a.quantity)
        if (taker.remaining === 0) taker.status = model.OrderStatus.Filled
        ctx.batch.save(model.Order, taker)
        ctx.batch.save(model.Fill, new model.Fill({
            id: ev.id, order, takerOrder: taker.id, buyer: address(a.buyer), seller: address(a.seller),
            price: a.price, quantity: a.quantity, remaining: a.remaining, blockNumber: ctx.height, timestamp: ctx.timestamp,
        }))
        // An incoming buy pays the sells it took at once: that trade's source is the taker.
        if (taker.side === 'Buy') ctx.hint = { kind: model.TradeKind.Order, source: taker.id }
    },
    [market.orderRemoved.name]: async (ctx, e) => {
        const a = decode<{ order: bigint; remaining: number; reason: { __kind: string } }>(e, market.orderRemoved)
        const order = await ctx.batch.must(model.Order, a.order.toString())
        order.status = model.OrderStatus.Removed
        order.remaining = a.remaining
        order.removalReason = a.reason.__kind
        ctx.batch.save(model.Order, order)
    },
    [market.orderSettled.name]: async (ctx, e) => {
        const a = decode<{ order: bigint; quantity: number }>(e, market.orderSettled)
        // A resting buy's fills paid out just before: that trade came from this order.
        if (a.quantity > 0 && ctx.lastTrade) {
            ctx.lastTrade.kind = model.TradeKind.Order
            ctx.lastTrade.source = a.order.toString()
            ctx.lastTrade = undefined
        }
    },
    [market.tradeSettled.name]: async (ctx, e, ev) => {
        const a = decode<{ listing: bigint; right: v105.Right; seller: string; quantity: number; value: bigint; charge: bigint; commission: bigint; coCreators: bigint }>(e, market.tradeSettled)
        await recordTrade(ctx, ev, a)
    },
    [market.rightGranted.name]: async (ctx, e) => {
        const a = decode<{ who: string; listing: bigint; right: v105.Right; units: number; expiresAt?: number }>(e, market.rightGranted)
        const holder = address(a.who)
        if (ctx.lastTrade && !ctx.lastTrade.buyer) {
            ctx.lastTrade.buyer = holder
            ctx.batch.save(model.Trade, ctx.lastTrade)
        }
        if (a.right.__kind === 'Copyright') return
        const right = rightName(a.right)
        const id = `${holder}-${a.listing}-${right}`
        const existing = await ctx.batch.get(model.Licence, id)
        const valid = existing && (existing.expiresAt == null || existing.expiresAt > ctx.height)
        ctx.batch.save(model.Licence, new model.Licence({
            id,
            holder,
            listing: existing?.listing ?? (await ctx.batch.must(model.Listing, a.listing.toString())),
            right,
            units: (valid ? existing.units : 0) + a.units,
            expiresAt: a.expiresAt ?? null,
            grantedAt: ctx.height,
            grants: (existing?.grants ?? 0) + 1,
        }))
    },
    [market.offerCreated.name]: async (ctx, e) => {
        const a = decode<{ offer: bigint; seller: string; listing: bigint; right: v105.Right; mode: v105.PricingMode; quantity: number; expiresAt: number }>(e, market.offerCreated)
        const { __kind, ...modeArgs } = a.mode
        ctx.batch.save(model.Offer, new model.Offer({
            id: a.offer.toString(),
            seller: address(a.seller),
            listing: await ctx.batch.must(model.Listing, a.listing.toString()),
            right: rightName(a.right),
            mode: __kind,
            modeArgs: json(modeArgs),
            quantity: a.quantity,
            remaining: a.quantity,
            expiresAt: a.expiresAt,
            status: model.OfferStatus.Open,
            createdAt: ctx.height,
            createdTimestamp: ctx.timestamp,
        }))
    },
    [market.offerTaken.name]: async (ctx, e) => {
        const a = decode<OfferId & { remaining: number }>(e, market.offerTaken)
        const offer = await ctx.batch.must(model.Offer, a.offer.toString())
        offer.remaining = a.remaining
        if (a.remaining === 0) offer.status = model.OfferStatus.SoldOut
        ctx.batch.save(model.Offer, offer)
        ctx.hint = { kind: model.TradeKind.Offer, source: offer.id }
    },
    [market.auctionBidPlaced.name]: async (ctx, e, ev) => {
        const a = decode<OfferId & { bidder: string; amount: bigint; end: number }>(e, market.auctionBidPlaced)
        ctx.batch.save(model.AuctionBid, new model.AuctionBid({
            id: ev.id, offer: await ctx.batch.must(model.Offer, a.offer.toString()), bidder: address(a.bidder),
            amount: a.amount, end: a.end, blockNumber: ctx.height, timestamp: ctx.timestamp,
        }))
    },
    [market.auctionSettled.name]: async (ctx, e) => {
        const a = decode<OfferId & { winner: string; amount: bigint }>(e, market.auctionSettled)
        await setOfferStatus(ctx, a.offer, model.OfferStatus.Sold, (o) => {
            o.winner = address(a.winner)
            o.winningBid = a.amount
            o.remaining = 0
        })
        if (ctx.lastTrade) {
            ctx.lastTrade.kind = model.TradeKind.Auction
            ctx.lastTrade.source = a.offer.toString()
            ctx.lastTrade = undefined
        }
    },
    [market.auctionUnsold.name]: async (ctx, e) => {
        const a = decode<OfferId>(e, market.auctionUnsold)
        await setOfferStatus(ctx, a.offer, model.OfferStatus.Unsold)
    },
    [market.offerCancelled.name]: async (ctx, e) => {
        const a = decode<OfferId>(e, market.offerCancelled)
        await setOfferStatus(ctx, a.offer, model.OfferStatus.Cancelled)
    },
    [market.offerExpired.name]: async (ctx, e) => {
        const a = decode<OfferId & { remaining: number }>(e, market.offerExpired)
        await setOfferStatus(ctx, a.offer, model.OfferStatus.Expired, (o) => { o.remaining = a.remaining })
    },
    [market.requestPosted.name]: async (ctx, e) => {
        const a = decode<{ request: bigint; requester: string; category: v105.Category; right: v105.Right; budget: bigint; deadline: number; briefHash: string }>(e, market.requestPosted)
        ctx.batch.save(model.Request, new model.Request({
            id: a.request.toString(), requester: address(a.requester), category: a.category.__kind, right: rightName(a.right),
            budget: a.budget, deadline: a.deadline, briefHash: a.briefHash, status: model.RequestStatus.Open,
            postedAt: ctx.height, postedTimestamp: ctx.timestamp,
        }))
    },
    [market.proposalMade.name]: async (ctx, e) => {
        const a = decode<{ request: bigint; proposal: bigint; proposer: string; listing: bigint; price: bigint }>(e, market.proposalMade)
        ctx.batch.save(model.Proposal, new model.Proposal({
            id: `${a.request}-${a.proposal}`,
            request: await ctx.batch.must(model.Request, a.request.toString()),
            proposalId: a.proposal,
            proposer: address(a.proposer),
            listing: await ctx.batch.must(model.Listing, a.listing.toString()),
            price: a.price,
            status: model.ProposalStatus.Open,
            madeAt: ctx.height,
        }))
    },
    [market.proposalRemoved.name]: async (ctx, e) => {
        const a = decode<{ request: bigint; proposal: bigint; reason: v105.ProposalRemoval }>(e, market.proposalRemoved)
        const p = await ctx.batch.must(model.Proposal, `${a.request}-${a.proposal}`)
        p.status = model.ProposalStatus[a.reason.__kind]
        ctx.batch.save(model.Proposal, p)
    },
    [market.proposalAccepted.name]: async (ctx, e) => {
        const a = decode<{ request: bigint; proposal: bigint; price: bigint }>(e, market.proposalAccepted)
        const id = `${a.request}-${a.proposal}`
        const p = await ctx.batch.must(model.Proposal, id)
        p.status = model.ProposalStatus.Accepted
        ctx.batch.save(model.Proposal, p)
        const r = await ctx.batch.must(model.Request, a.request.toString())
        r.status = model.RequestStatus.Accepted
        r.acceptedProposal = id
        ctx.batch.save(model.Request, r)
        await closeProposals(ctx, r.id, id)
        if (ctx.lastTrade) {
            ctx.lastTrade.kind = model.TradeKind.Proposal
            ctx.lastTrade.source = r.id
            ctx.lastTrade = undefined
        }
    },
    [market.requestClosed.name]: async (ctx, e) => {
        const a = decode<{ request: bigint; expired: boolean }>(e, market.requestClosed)
        const r = await ctx.batch.must(model.Request, a.request.toString())
        r.status = a.expired ? model.RequestStatus.Expired : model.RequestStatus.Closed
        ctx.batch.save(model.Request, r)
        await closeProposals(ctx, r.id)
    },
}
