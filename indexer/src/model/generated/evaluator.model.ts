import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, IntColumn as IntColumn_, Index as Index_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"

/**
 * An evaluator's record over every round: the leaderboard.
 */
@Entity_()
export class Evaluator {
    constructor(props?: Partial<Evaluator>) {
        Object.assign(this, props)
    }

    /**
     * The account.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @IntColumn_({nullable: false})
    commitments!: number

    @IntColumn_({nullable: false})
    reveals!: number

    @Index_()
    @IntColumn_({nullable: false})
    coherent!: number

    @IntColumn_({nullable: false})
    incoherent!: number

    @IntColumn_({nullable: false})
    silent!: number

    @Index_()
    @BigIntColumn_({nullable: false})
    rewards!: bigint

    @BigIntColumn_({nullable: false})
    slashed!: bigint

    /**
     * Rewards less slashes.
     */
    @Index_()
    @BigIntColumn_({nullable: false})
    net!: bigint
}
