// Queries beyond the entities' own: traded volume over a sliding window (24 hours by default),
// per listing and as a ranking. Amounts are decimal strings (GraphQL has no 128-bit integer).
import 'reflect-metadata'
import { Arg, Field, Int, ObjectType, Query, Resolver } from 'type-graphql'
import type { EntityManager } from 'typeorm'

@ObjectType({ description: "A listing's trading over a window that ends now." })
export class ListingVolume {
    @Field(() => String, { description: 'The listing id.' })
    listingId!: string

    @Field(() => String)
    metadata!: string

    @Field(() => String)
    category!: string

    @Field(() => String)
    owner!: string

    @Field(() => Int, { nullable: true, description: 'Its last evaluation score.' })
    score!: number | null

    @Field(() => String, { description: 'Value traded in the window, in plancks.' })
    volume!: string

    @Field(() => Int, { description: 'Trades in the window.' })
    trades!: number

    @Field(() => Int, { description: 'Units traded in the window.' })
    units!: number

    @Field(() => String, { nullable: true, description: 'The last per-unit price ever traded.' })
    lastPrice!: string | null

    constructor(props: Partial<ListingVolume>) {
        Object.assign(this, props)
    }
}

const COLUMNS = `l.id AS "listingId", l.metadata, l.category, l.owner, l.score,
    coalesce(sum(t.value), 0)::text AS volume, count(t.id)::int AS trades,
    coalesce(sum(t.quantity), 0)::int AS units, l.last_price::text AS "lastPrice"`

@Resolver()
export class VolumeResolver {
    constructor(private tx: () => Promise<EntityManager>) {}

    @Query(() => [ListingVolume], {
        description: 'Listings by value traded in the last `hours` (default 24), most first; only listings that traded.',
    })
    async topListingsByVolume(
        @Arg('hours', () => Int, { defaultValue: 24 }) hours: number,
        @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
        @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    ): Promise<ListingVolume[]> {
        const em = await this.tx()
        const rows = await em.query(
            `SELECT ${COLUMNS} FROM trade t JOIN listing l ON l.id = t.listing_id
             WHERE t.timestamp > now() - make_interval(hours => $1)
             GROUP BY l.id ORDER BY sum(t.value) DESC, l.id LIMIT $2 OFFSET $3`,
            [Math.max(1, hours), Math.min(Math.max(1, limit), 1000), Math.max(0, offset)],
        )
        return rows.map((r: ListingVolume) => new ListingVolume(r))
    }

    @Query(() => [ListingVolume], {
        description: 'The listings `ids` with what they traded in the last `hours` (default 24), zero when nothing.',
    })
    async listingVolumes(
        @Arg('ids', () => [String]) ids: string[],
        @Arg('hours', () => Int, { defaultValue: 24 }) hours: number,
    ): Promise<ListingVolume[]> {
        const em = await this.tx()
        const rows = await em.query(
            `SELECT ${COLUMNS} FROM listing l
             LEFT JOIN trade t ON t.listing_id = l.id AND t.timestamp > now() - make_interval(hours => $2)
             WHERE l.id = ANY($1) GROUP BY l.id ORDER BY l.id`,
            [ids.slice(0, 1000), Math.max(1, hours)],
        )
        return rows.map((r: ListingVolume) => new ListingVolume(r))
    }
}
