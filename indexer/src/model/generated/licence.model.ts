import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, StringColumn as StringColumn_, Index as Index_, ManyToOne as ManyToOne_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Listing} from "./listing.model"

/**
 * A licence (or distribution or subscription right) an account holds.
 */
@Entity_()
export class Licence {
    constructor(props?: Partial<Licence>) {
        Object.assign(this, props)
    }

    /**
     * `<holder>-<listing>-<right>`.
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    holder!: string

    @Index_()
    @ManyToOne_(() => Listing, {nullable: true})
    listing!: Listing

    @StringColumn_({nullable: false})
    right!: string

    @IntColumn_({nullable: false})
    units!: number

    /**
     * Null: perpetual.
     */
    @IntColumn_({nullable: true})
    expiresAt!: number | undefined | null

    @IntColumn_({nullable: false})
    grantedAt!: number

    @IntColumn_({nullable: false})
    grants!: number
}
