import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Order} from "./order.model"

/**
 * A fill of a resting order by an incoming one.
 */
@Entity_()
export class Fill {
    constructor(props?: Partial<Fill>) {
        Object.assign(this, props)
    }

    /**
     * The event's id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Order, {nullable: true})
    order!: Order

    @StringColumn_({nullable: false})
    takerOrder!: string

    @Index_()
    @StringColumn_({nullable: false})
    buyer!: string

    @Index_()
    @StringColumn_({nullable: false})
    seller!: string

    @BigIntColumn_({nullable: false})
    price!: bigint

    @IntColumn_({nullable: false})
    quantity!: number

    @IntColumn_({nullable: false})
    remaining!: number

    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date
}
