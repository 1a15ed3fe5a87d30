// What one batch of blocks changes: entities loaded once, changed in memory, written at the end
// in the order their foreign keys need. Nothing is kept between batches, so a rolled-back block
// leaves no stale copy behind.
import { EntityClass, Store } from '@subsquid/typeorm-store'
import * as model from './model'

type Entity = { id: string }

/** Written first to last: every entity after the ones it refers to. */
const WRITE_ORDER: EntityClass<Entity>[] = [
    model.ChainEvent,
    model.Listing,
    model.Evaluator,
    model.Era,
    model.Round,
    model.Order,
    model.Offer,
    model.Request,
    model.Proposal,
    model.Commitment,
    model.Licence,
    model.Candle,
    model.Trade,
    model.Fill,
    model.AuctionBid,
    model.EraReward,
    model.ListingStatusChange,
    model.OwnershipChange,
    model.AccountEvent,
]

/**
 * The relations each entity is loaded with: an entity written back must carry them, or its
 * foreign keys would be written as null.
 */
const RELATIONS = new Map<EntityClass<Entity>, Record<string, true>>([
    [model.Order, { listing: true }],
    [model.Offer, { listing: true }],
    [model.Proposal, { request: true, listing: true }],
    [model.Round, { listing: true }],
    [model.Commitment, { round: true, evaluator: true }],
    [model.Licence, { listing: true }],
    [model.Candle, { listing: true }],
    [model.Trade, { listing: true }],
])

export class Batch {
    private cache = new Map<EntityClass<Entity>, Map<string, Entity | undefined>>()
    private changed = new Map<EntityClass<Entity>, Map<string, Entity>>()

    constructor(readonly store: Store) {}

    private table<E extends Entity>(cls: EntityClass<E>): Map<string, E | undefined> {
        let t = this.cache.get(cls as EntityClass<Entity>)
        if (!t) {
            t = new Map()
            this.cache.set(cls as EntityClass<Entity>, t)
        }
        return t as Map<string, E | undefined>
    }

    /** The entity with this id, from this batch's changes or the database. */
    async get<E extends Entity>(cls: EntityClass<E>, id: string): Promise<E | undefined> {
        const t = this.table(cls)
        if (!t.has(id)) {
            const relations = RELATIONS.get(cls as EntityClass<Entity>)
            t.set(id, await this.store.get(cls, { where: { id }, relations } as never))
        }
        return t.get(id) as E | undefined
    }

    /**
     * The entities of a class the database holds that match `where`, each as this batch's copy
     * (one already loaded or changed in this batch wins over the database's); loaded with the
     * class's relations, in one query.
     */
    async find<E extends Entity>(cls: EntityClass<E>, where: Record<string, unknown>): Promise<E[]> {
        const relations = RELATIONS.get(cls as EntityClass<Entity>)
        const found = await this.store.find(cls, { where, relations } as never)
        const t = this.table(cls)
        return found.map((e) => {
            if (!t.has(e.id)) t.set(e.id, e)
            return t.get(e.id)
        }).filter((e): e is E => e !== undefined)
    }

    /** The entities of a class this batch has loaded or made so far. */
    cached<E extends Entity>(cls: EntityClass<E>): E[] {
        return [...this.table(cls).values()].filter((e): e is E => e !== undefined)
    }

    /** Like `get`, for an entity the chain guarantees (an event about it came before). */
    async must<E extends Entity>(cls: EntityClass<E>, id: string): Promise<E> {
        const e = await this.get<E>(cls, id)
        if (!e) throw new Error(`indexer: no ${cls.name} ${id}: an event refers to what was never created`)
        return e
    }

    /** Record a new or changed entity; it is written at the end of the batch. */
    save<E extends Entity>(cls: EntityClass<E>, e: E): E {
        this.table(cls).set(e.id, e)
        let c = this.changed.get(cls as EntityClass<Entity>)
        if (!c) {
            c = new Map()
            this.changed.set(cls as EntityClass<Entity>, c)
        }
        c.set(e.id, e)
        return e
    }

    /** Write every change, parents first; nothing if a changed class has no place in the order. */
    async flush(): Promise<void> {
        for (const cls of this.changed.keys()) {
            if (!WRITE_ORDER.includes(cls)) throw new Error(`indexer: ${cls.name} has no place in WRITE_ORDER`)
        }
        for (const cls of WRITE_ORDER) {
            const c = this.changed.get(cls)
            if (c && c.size > 0) await this.store.upsert([...c.values()])
        }
        this.changed.clear()
    }
}
