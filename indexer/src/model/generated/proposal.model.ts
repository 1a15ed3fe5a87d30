import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, StringColumn as StringColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Request} from "./request.model"
import {Listing} from "./listing.model"
import {ProposalStatus} from "./_proposalStatus"

/**
 * A listing's owner's answer to a request.
 */
@Entity_()
export class Proposal {
    constructor(props?: Partial<Proposal>) {
        Object.assign(this, props)
    }

    /**
     * `<request>-<proposal>`.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Request, {nullable: true})
    request!: Request

    @BigIntColumn_({nullable: false})
    proposalId!: bigint

    @Index_()
    @StringColumn_({nullable: false})
    proposer!: string

    @Index_()
    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    @BigIntColumn_({nullable: false})
    price!: bigint

    @Column_("varchar", {length: 9, nullable: false})
    status!: ProposalStatus

    @IntColumn_({nullable: false})
    madeAt!: number
}
