import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, BooleanColumn as BooleanColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {EraReward} from "./eraReward.model"

/**
 * A reward era.
 */
@Entity_()
export class Era {
    constructor(props?: Partial<Era>) {
        Object.assign(this, props)
    }

    /**
     * The era index.
     */
    @PrimaryColumn_()
    id!: string

    @IntColumn_({nullable: false})
    startedAt!: number

    @BigIntColumn_({nullable: true})
    budget!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    totalWeight!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    paid!: bigint | undefined | null

    @BooleanColumn_({nullable: false})
    paidOut!: boolean

    @OneToMany_(() => EraReward, e => e.era)
    rewards!: EraReward[]
}
