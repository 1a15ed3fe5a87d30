import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, Index as Index_, ManyToOne as ManyToOne_, StringColumn as StringColumn_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"
import {TradeKind} from "./_tradeKind"

/**
 * A trade paid out (`Market.TradeSettled`), of any kind.
 */
@Index_(["listing", "timestamp"], {unique: false})
@Entity_()
export class Trade {
    constructor(props?: Partial<Trade>) {
        Object.assign(this, props)
    }

    /**
     * The `TradeSettled` event's id.
     */
    @PrimaryColumn_()
    id!: string

    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    @Index_()
    @StringColumn_({nullable: false})
    right!: string

    @Column_("varchar", {length: 8, nullable: false})
    kind!: TradeKind

    /**
     * The offer, request or order it came from, when known.
     */
    @StringColumn_({nullable: true})
    source!: string | undefined | null

    @Index_()
    @StringColumn_({nullable: false})
    seller!: string

    @Index_()
    @StringColumn_({nullable: true})
    buyer!: string | undefined | null

    @IntColumn_({nullable: false})
    quantity!: number

    @BigIntColumn_({nullable: false})
    value!: bigint

    /**
     * The value per unit (rounded down).
     */
    @BigIntColumn_({nullable: false})
    price!: bigint

    @BigIntColumn_({nullable: false})
    charge!: bigint

    @BigIntColumn_({nullable: false})
    commission!: bigint

    @BigIntColumn_({nullable: false})
    coCreators!: bigint

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    timestamp!: Date
}
