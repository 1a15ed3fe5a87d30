// Content: listings, their status and owners.
import { address, text } from '../codec'
import * as model from '../model'
import { content } from '../types/events'
import { listings as listingsStorage } from '../types/content/storage'
import * as v105 from '../types/v105'
import { BlockCtx, Handler, decode } from './context'

type Id = { listing: bigint }

/** The listing's metadata as stored at the block (the event does not carry it). */
async function storedMetadata(ctx: BlockCtx, id: bigint): Promise<string | undefined> {
    if (!listingsStorage.v105.is(ctx.block)) return undefined
    const stored = await listingsStorage.v105.get(ctx.block, id)
    return stored ? text(stored.metadata) : undefined
}

function statusChange(ctx: BlockCtx, ev: model.ChainEvent, listing: model.Listing, status: model.ListingStatus) {
    listing.status = status
    ctx.batch.save(model.ListingStatusChange, new model.ListingStatusChange({
        id: ev.id, listing, status, cause: ev.name, blockNumber: ctx.height, timestamp: ctx.timestamp,
    }))
}

async function setStatus(ctx: BlockCtx, ev: model.ChainEvent, id: bigint, status: model.ListingStatus) {
    const listing = await ctx.batch.must(model.Listing, id.toString())
    statusChange(ctx, ev, listing, status)
    ctx.batch.save(model.Listing, listing)
}

export const contentHandlers: Record<string, Handler> = {
    [content.listingRegistered.name]: async (ctx, e, ev) => {
        const a = decode<{ listing: bigint; owner: string; contentHash: string; category: v105.Category; deposit: bigint }>(e, content.listingRegistered)
        const listing = new model.Listing({
            id: a.listing.toString(),
            listingId: a.listing,
            owner: address(a.owner),
            contentHash: a.contentHash,
            category: a.category.__kind,
            metadata: (await storedMetadata(ctx, a.listing)) ?? '',
            status: model.ListingStatus.Active,
            deposit: a.deposit,
            registeredAt: ctx.height,
            registeredTimestamp: ctx.timestamp,
            tradeCount: 0,
            volume: 0n,
        })
        statusChange(ctx, ev, listing, model.ListingStatus.Active)
        ctx.batch.save(model.Listing, listing)
        ctx.batch.save(model.OwnershipChange, new model.OwnershipChange({
            id: ev.id, listing, to: listing.owner, blockNumber: ctx.height, timestamp: ctx.timestamp,
        }))
    },
    [content.listingUpdated.name]: async (ctx, e) => {
        const a = decode<Id & { deposit: bigint }>(e, content.listingUpdated)
        const listing = await ctx.batch.must(model.Listing, a.listing.toString())
        listing.deposit = a.deposit
        listing.metadata = (await storedMetadata(ctx, a.listing)) ?? listing.metadata
        ctx.batch.save(model.Listing, listing)
    },
    [content.copyrightTransferred.name]: async (ctx, e, ev) => {
        const a = decode<Id & { from: string; to: string }>(e, content.copyrightTransferred)
        const listing = await ctx.batch.must(model.Listing, a.listing.toString())
        listing.owner = address(a.to)
        ctx.batch.save(model.Listing, listing)
        ctx.batch.save(model.OwnershipChange, new model.OwnershipChange({
            id: ev.id, listing, from: address(a.from), to: listing.owner, blockNumber: ctx.height, timestamp: ctx.timestamp,
        }))
    },
    [content.listingDelisted.name]: async (ctx, e, ev) => {
        const a = decode<Id>(e, content.listingDelisted)
        await setStatus(ctx, ev, a.listing, model.ListingStatus.Delisted)
    },
    [content.listingSuspended.name]: async (ctx, e, ev) => {
        const a = decode<Id>(e, content.listingSuspended)
        await setStatus(ctx, ev, a.listing, model.ListingStatus.Suspended)
    },
    [content.listingReinstated.name]: async (ctx, e, ev) => {
        const a = decode<Id>(e, content.listingReinstated)
        await setStatus(ctx, ev, a.listing, model.ListingStatus.Active)
    },
    [content.listingRemoved.name]: async (ctx, e, ev) => {
        const a = decode<Id>(e, content.listingRemoved)
        await setStatus(ctx, ev, a.listing, model.ListingStatus.Removed)
    },
}
