import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, StringColumn as StringColumn_, Index as Index_, ManyToOne as ManyToOne_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"
import {OrderStatus} from "./_orderStatus"
import {Fill} from "./fill.model"

/**
 * An order of the book.
 */
@Entity_()
export class Order {
    constructor(props?: Partial<Order>) {
        Object.assign(this, props)
    }

    /**
     * The order id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    owner!: string

    @Index_()
    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    /**
     * `Copyright`, `Distribution`, `Subscription` or `Licence:<kind>`.
     */
    @StringColumn_({nullable: false})
    right!: string

    @StringColumn_({nullable: false})
    side!: string

    @BigIntColumn_({nullable: false})
    price!: bigint

    @IntColumn_({nullable: false})
    quantity!: number

    @IntColumn_({nullable: false})
    remaining!: number

    @IntColumn_({nullable: false})
    expiresAt!: number

    @Index_()
    @Column_("varchar", {length: 7, nullable: false})
    status!: OrderStatus

    /**
     * Why it left the book unfilled (`Cancelled`, `Expired`, `Evicted`, …).
     */
    @StringColumn_({nullable: true})
    removalReason!: string | undefined | null

    @IntColumn_({nullable: false})
    placedAt!: number

    @DateTimeColumn_({nullable: false})
    placedTimestamp!: Date

    @OneToMany_(() => Fill, e => e.order)
    fills!: Fill[]
}
