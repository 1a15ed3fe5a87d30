import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Offer} from "./offer.model"

/**
 * A bid on an English auction.
 */
@Entity_()
export class AuctionBid {
    constructor(props?: Partial<AuctionBid>) {
        Object.assign(this, props)
    }

    /**
     * The event's id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Offer, {nullable: true})
    offer!: Offer

    @Index_()
    @StringColumn_({nullable: false})
    bidder!: string

    @BigIntColumn_({nullable: false})
    amount!: bigint

    @IntColumn_({nullable: false})
    end!: number

    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date
}
