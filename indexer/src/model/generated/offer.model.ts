import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, StringColumn as StringColumn_, Index as Index_, ManyToOne as ManyToOne_, JSONColumn as JSONColumn_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"
import {OfferStatus} from "./_offerStatus"
import {AuctionBid} from "./auctionBid.model"

/**
 * An offer of a listing's owner: fixed price, Dutch or English auction.
 */
@Entity_()
export class Offer {
    constructor(props?: Partial<Offer>) {
        Object.assign(this, props)
    }

    /**
     * The offer id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    seller!: string

    @Index_()
    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    @StringColumn_({nullable: false})
    right!: string

    /**
     * `Fixed`, `Dutch` or `English`.
     */
    @StringColumn_({nullable: false})
    mode!: string

    /**
     * The pricing mode's fields.
     */
    @JSONColumn_({nullable: false})
    modeArgs!: unknown

    @IntColumn_({nullable: false})
    quantity!: number

    @IntColumn_({nullable: false})
    remaining!: number

    @IntColumn_({nullable: false})
    expiresAt!: number

    @Index_()
    @Column_("varchar", {length: 9, nullable: false})
    status!: OfferStatus

    @StringColumn_({nullable: true})
    winner!: string | undefined | null

    @BigIntColumn_({nullable: true})
    winningBid!: bigint | undefined | null

    @IntColumn_({nullable: false})
    createdAt!: number

    @DateTimeColumn_({nullable: false})
    createdTimestamp!: Date

    @OneToMany_(() => AuctionBid, e => e.offer)
    bids!: AuctionBid[]
}
