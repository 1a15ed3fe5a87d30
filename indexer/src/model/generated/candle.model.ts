import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, Index as Index_, ManyToOne as ManyToOne_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"
import {CandleInterval} from "./_candleInterval"

/**
 * Open, high, low, close (per-unit prices) and volume of a listing's right over an hour or a day.
 */
@Index_(["listing", "right", "interval", "start"], {unique: true})
@Entity_()
export class Candle {
    constructor(props?: Partial<Candle>) {
        Object.assign(this, props)
    }

    /**
     * `<listing>-<right>-<interval>-<start as unix seconds>`.
     */
    @PrimaryColumn_()
    id!: string

    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    @StringColumn_({nullable: false})
    right!: string

    @Column_("varchar", {length: 2, nullable: false})
    interval!: CandleInterval

    @Index_()
    @DateTimeColumn_({nullable: false})
    start!: Date

    @BigIntColumn_({nullable: false})
    open!: bigint

    @BigIntColumn_({nullable: false})
    high!: bigint

    @BigIntColumn_({nullable: false})
    low!: bigint

    @BigIntColumn_({nullable: false})
    close!: bigint

    /**
     * Traded value.
     */
    @BigIntColumn_({nullable: false})
    volume!: bigint

    @IntColumn_({nullable: false})
    units!: number

    @IntColumn_({nullable: false})
    trades!: number
}
