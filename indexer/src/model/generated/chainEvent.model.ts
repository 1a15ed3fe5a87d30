import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, IntColumn as IntColumn_, Index as Index_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_, JSONColumn as JSONColumn_} from "@subsquid/typeorm-store"

/**
 * Every event of an AllSpark pallet (Validators, Token, Content, Market, Evaluation), once.
 */
@Entity_()
export class ChainEvent {
    constructor(props?: Partial<ChainEvent>) {
        Object.assign(this, props)
    }

    /**
     * The processor's event id: block height, block hash prefix and index in block.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @StringColumn_({nullable: false})
    blockHash!: string

    @IntColumn_({nullable: false})
    indexInBlock!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    /**
     * The pallet, e.g. `Market`.
     */
    @Index_()
    @StringColumn_({nullable: false})
    pallet!: string

    /**
     * `Pallet.Event`, e.g. `Market.TradeSettled`.
     */
    @Index_()
    @StringColumn_({nullable: false})
    name!: string

    /**
     * The hash of the extrinsic that emitted it; null for events of the block's hooks.
     */
    @StringColumn_({nullable: true})
    extrinsicHash!: string | undefined | null

    /**
     * The event's fields as JSON (balances as decimal strings).
     */
    @JSONColumn_({nullable: true})
    args!: unknown | undefined | null
}
