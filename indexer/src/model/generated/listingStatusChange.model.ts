import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"
import {ListingStatus} from "./_listingStatus"

/**
 * A listing's status as it changed.
 */
@Entity_()
export class ListingStatusChange {
    constructor(props?: Partial<ListingStatusChange>) {
        Object.assign(this, props)
    }

    /**
     * The event's id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    @Column_("varchar", {length: 9, nullable: false})
    status!: ListingStatus

    /**
     * `Content.ListingRegistered`, `…Suspended`, `…Reinstated`, `…Delisted`, `…Removed`.
     */
    @StringColumn_({nullable: false})
    cause!: string

    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date
}
