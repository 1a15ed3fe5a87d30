import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, StringColumn as StringColumn_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {RequestStatus} from "./_requestStatus"
import {Proposal} from "./proposal.model"

/**
 * A buyer's request for work, with a held budget.
 */
@Entity_()
export class Request {
    constructor(props?: Partial<Request>) {
        Object.assign(this, props)
    }

    /**
     * The request id.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    requester!: string

    @StringColumn_({nullable: false})
    category!: string

    @StringColumn_({nullable: false})
    right!: string

    @BigIntColumn_({nullable: false})
    budget!: bigint

    @IntColumn_({nullable: false})
    deadline!: number

    @StringColumn_({nullable: false})
    briefHash!: string

    @Index_()
    @Column_("varchar", {length: 8, nullable: false})
    status!: RequestStatus

    @StringColumn_({nullable: true})
    acceptedProposal!: string | undefined | null

    @IntColumn_({nullable: false})
    postedAt!: number

    @DateTimeColumn_({nullable: false})
    postedTimestamp!: Date

    @OneToMany_(() => Proposal, e => e.request)
    proposals!: Proposal[]
}
