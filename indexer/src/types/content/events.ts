import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const contentClaimed =  {
    name: 'Content.ContentClaimed',
    /**
     * An account claimed a content hash for registration, without naming it.
     */
    v105: new EventType(
        'Content.ContentClaimed',
        sts.struct({
            /**
             * The account that may register the content once the claim is old enough.
             */
            who: v105.AccountId32,
            /**
             * The commitment ([`Pallet::claim_commitment`]).
             */
            commitment: sts.bytes(),
            /**
             * The account's oldest claim, dropped to make room, if it had [`Config::MaxClaims`].
             */
            evicted: sts.option(() => sts.bytes()),
        })
    ),
}

export const listingRegistered =  {
    name: 'Content.ListingRegistered',
    /**
     * A work was listed (and the owner's claim on it used up).
     */
    v105: new EventType(
        'Content.ListingRegistered',
        sts.struct({
            /**
             * The new listing's id.
             */
            listing: sts.bigint(),
            /**
             * Its owner, who registered it.
             */
            owner: v105.AccountId32,
            /**
             * The work's fingerprint.
             */
            contentHash: sts.bytes(),
            /**
             * What kind of work it is.
             */
            category: v105.Category,
            /**
             * The deposit held from the owner.
             */
            deposit: sts.bigint(),
        })
    ),
}

export const listingUpdated =  {
    name: 'Content.ListingUpdated',
    /**
     * A listing's metadata or terms changed.
     */
    v105: new EventType(
        'Content.ListingUpdated',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The deposit now held for it (more or less than before when the metadata's length
             * changed).
             */
            deposit: sts.bigint(),
        })
    ),
}

export const copyrightTransferOffered =  {
    name: 'Content.CopyrightTransferOffered',
    /**
     * An owner offered a listing's copyright to another account, which may accept it.
     */
    v105: new EventType(
        'Content.CopyrightTransferOffered',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The owner.
             */
            from: v105.AccountId32,
            /**
             * The account that may accept it.
             */
            to: v105.AccountId32,
        })
    ),
}

export const copyrightTransferCancelled =  {
    name: 'Content.CopyrightTransferCancelled',
    /**
     * An offered copyright transfer was withdrawn by the owner or declined by its recipient.
     */
    v105: new EventType(
        'Content.CopyrightTransferCancelled',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The account it had been offered to.
             */
            to: v105.AccountId32,
        })
    ),
}

export const copyrightTransferred =  {
    name: 'Content.CopyrightTransferred',
    /**
     * A listing's copyright moved to another account.
     */
    v105: new EventType(
        'Content.CopyrightTransferred',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The former owner, whose deposit was released.
             */
            from: v105.AccountId32,
            /**
             * The new owner, from whom the deposit is now held.
             */
            to: v105.AccountId32,
        })
    ),
}

export const listingDelisted =  {
    name: 'Content.ListingDelisted',
    /**
     * An owner delisted a listing.
     */
    v105: new EventType(
        'Content.ListingDelisted',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * Its owner.
             */
            owner: v105.AccountId32,
            /**
             * The deposit released to the owner.
             */
            released: sts.bigint(),
        })
    ),
}

export const listingSuspended =  {
    name: 'Content.ListingSuspended',
    /**
     * Governance suspended a listing.
     */
    v105: new EventType(
        'Content.ListingSuspended',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
        })
    ),
}

export const listingReinstated =  {
    name: 'Content.ListingReinstated',
    /**
     * Governance reinstated a suspended listing.
     */
    v105: new EventType(
        'Content.ListingReinstated',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
        })
    ),
}

export const listingRemoved =  {
    name: 'Content.ListingRemoved',
    /**
     * Governance removed an infringing listing and slashed its deposit to the treasury.
     */
    v105: new EventType(
        'Content.ListingRemoved',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * Its owner.
             */
            owner: v105.AccountId32,
            /**
             * The deposit paid to the treasury.
             */
            slashed: sts.bigint(),
        })
    ),
}
