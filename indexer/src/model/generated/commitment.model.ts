import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, StringColumn as StringColumn_, BooleanColumn as BooleanColumn_} from "@subsquid/typeorm-store"
import {Round} from "./round.model"
import {Evaluator} from "./evaluator.model"

/**
 * An evaluator's commitment in a round, its reveal and its outcome.
 */
@Entity_()
export class Commitment {
    constructor(props?: Partial<Commitment>) {
        Object.assign(this, props)
    }

    /**
     * `<round>-<evaluator>`.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Round, {nullable: true})
    round!: Round

    @Index_()
    @ManyToOne_(() => Evaluator, {nullable: true})
    evaluator!: Evaluator

    @BigIntColumn_({nullable: false})
    stake!: bigint

    @IntColumn_({nullable: false})
    committedAt!: number

    @IntColumn_({nullable: true})
    revealedScore!: number | undefined | null

    /**
     * `Coherent`, `Incoherent`, `Silent`, `Unscored`; null until settled.
     */
    @StringColumn_({nullable: true})
    outcome!: string | undefined | null

    @BigIntColumn_({nullable: true})
    slashed!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    reward!: bigint | undefined | null

    @BooleanColumn_({nullable: false})
    evicted!: boolean
}
