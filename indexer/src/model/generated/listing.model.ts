import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, BigIntColumn as BigIntColumn_, Index as Index_, StringColumn as StringColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {ListingStatus} from "./_listingStatus"
import {ListingStatusChange} from "./listingStatusChange.model"
import {OwnershipChange} from "./ownershipChange.model"
import {Trade} from "./trade.model"
import {Round} from "./round.model"

/**
 * A listed work.
 */
@Entity_()
export class Listing {
    constructor(props?: Partial<Listing>) {
        Object.assign(this, props)
    }

    /**
     * The listing id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @BigIntColumn_({nullable: false})
    listingId!: bigint

    @Index_()
    @StringColumn_({nullable: false})
    owner!: string

    @StringColumn_({nullable: false})
    contentHash!: string

    @Index_()
    @StringColumn_({nullable: false})
    category!: string

    /**
     * Where the work is (an IPFS CID or URL), as UTF-8 when it decodes, else hex.
     */
    @Index_()
    @StringColumn_({nullable: false})
    metadata!: string

    @Index_()
    @Column_("varchar", {length: 9, nullable: false})
    status!: ListingStatus

    @BigIntColumn_({nullable: false})
    deposit!: bigint

    @IntColumn_({nullable: false})
    registeredAt!: number

    @DateTimeColumn_({nullable: false})
    registeredTimestamp!: Date

    /**
     * The score of its last finalised evaluation round.
     */
    @Index_()
    @IntColumn_({nullable: true})
    score!: number | undefined | null

    @IntColumn_({nullable: true})
    scoredAt!: number | undefined | null

    @IntColumn_({nullable: false})
    tradeCount!: number

    /**
     * All-time traded value.
     */
    @Index_()
    @BigIntColumn_({nullable: false})
    volume!: bigint

    @BigIntColumn_({nullable: true})
    lastPrice!: bigint | undefined | null

    @DateTimeColumn_({nullable: true})
    lastTradeTimestamp!: Date | undefined | null

    @OneToMany_(() => ListingStatusChange, e => e.listing)
    statusChanges!: ListingStatusChange[]

    @OneToMany_(() => OwnershipChange, e => e.listing)
    ownerChanges!: OwnershipChange[]

    @OneToMany_(() => Trade, e => e.listing)
    trades!: Trade[]

    @OneToMany_(() => Round, e => e.listing)
    rounds!: Round[]
}
