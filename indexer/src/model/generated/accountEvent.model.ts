import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, Index as Index_, StringColumn as StringColumn_, ManyToOne as ManyToOne_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {ChainEvent} from "./chainEvent.model"

/**
 * An account's part in an event: its history.
 */
@Index_(["account", "blockNumber"], {unique: false})
@Entity_()
export class AccountEvent {
    constructor(props?: Partial<AccountEvent>) {
        Object.assign(this, props)
    }

    /**
     * The event's id and the role, e.g. `…-seller`.
     */
    @PrimaryColumn_()
    id!: string

    @StringColumn_({nullable: false})
    account!: string

    @Index_()
    @ManyToOne_(() => ChainEvent, {nullable: true})
    event!: ChainEvent

    /**
     * `Pallet.Event`.
     */
    @Index_()
    @StringColumn_({nullable: false})
    name!: string

    /**
     * The field the account appears in (`owner`, `seller`, `buyer`, `evaluator`, …).
     */
    @StringColumn_({nullable: false})
    role!: string

    /**
     * The event's amount for this account, when it has one (a payment, a stake, a reward, a slash).
     */
    @BigIntColumn_({nullable: true})
    amount!: bigint | undefined | null

    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date
}
