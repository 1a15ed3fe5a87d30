import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"

/**
 * A listing's owners: its registration and every copyright transfer.
 */
@Entity_()
export class OwnershipChange {
    constructor(props?: Partial<OwnershipChange>) {
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

    @StringColumn_({nullable: true})
    from!: string | undefined | null

    @Index_()
    @StringColumn_({nullable: false})
    to!: string

    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date
}
