import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"
import {RoundStatus} from "./_roundStatus"
import {Commitment} from "./commitment.model"

/**
 * An evaluation round.
 */
@Entity_()
export class Round {
    constructor(props?: Partial<Round>) {
        Object.assign(this, props)
    }

    /**
     * The round id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    @StringColumn_({nullable: false})
    opener!: string

    @BigIntColumn_({nullable: false})
    fee!: bigint

    @BigIntColumn_({nullable: false})
    feeReward!: bigint

    @IntColumn_({nullable: false})
    commitEnd!: number

    @IntColumn_({nullable: false})
    revealEnd!: number

    @Index_()
    @Column_("varchar", {length: 9, nullable: false})
    status!: RoundStatus

    @IntColumn_({nullable: true})
    score!: number | undefined | null

    @IntColumn_({nullable: true})
    coherent!: number | undefined | null

    @IntColumn_({nullable: true})
    incoherent!: number | undefined | null

    @IntColumn_({nullable: true})
    silent!: number | undefined | null

    @IntColumn_({nullable: true})
    revealed!: number | undefined | null

    @BigIntColumn_({nullable: true})
    rewards!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    slashed!: bigint | undefined | null

    @IntColumn_({nullable: false})
    openedAt!: number

    @DateTimeColumn_({nullable: false})
    openedTimestamp!: Date

    @OneToMany_(() => Commitment, e => e.round)
    commitments!: Commitment[]
}
