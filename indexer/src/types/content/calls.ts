import {sts, Block, Bytes, Option, Result, CallType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const register =  {
    name: 'Content.register',
    /**
     * List a work.
     * 
     * - Origin: signed; the signer becomes the owner and pays the deposit. The signer must
     *   hold a claim on `content_hash` ([`Pallet::claim`]) at least [`ClaimDelay`] blocks
     *   old ([`Error::NotClaimed`], [`Error::ClaimNotMatured`]); registering uses it up.
     * - `content_hash`: the work's fingerprint; must not be listed already.
     * - `metadata`: where the work and its description are (an IPFS CID or a URL); not
     *   empty, at most [`Config::MaxMetadataLen`] bytes.
     * - `category`, `terms`: what kind of work it is, and the licences on offer by default (a
     *   licence duration, when given, is at least one block).
     * - `shares`: the co-creators' revenue shares; empty (all revenue to the owner) or at
     *   most [`Config::MaxCoCreators`] distinct accounts, each with a share above zero, the
     *   shares summing to exactly 100 %.
     * 
     * Holds [`Config::DepositBase`] plus [`Config::DepositPerByte`] for each byte of
     * metadata and shares. Emits [`Event::ListingRegistered`].
     */
    v105: new CallType(
        'Content.register',
        sts.struct({
            contentHash: sts.bytes(),
            metadata: sts.bytes(),
            category: v105.Category,
            terms: v105.LicenceTerms,
            shares: sts.array(() => sts.tuple(() => [v105.AccountId32, v105.Permill])),
        })
    ),
}

export const updateListing =  {
    name: 'Content.update_listing',
    /**
     * Change a listing's metadata reference, its default licence terms, or both. The
     * co-creators' shares cannot be changed: they are the co-creators' rights.
     * 
     * - Origin: signed by the listing's owner.
     * - `metadata`: the new reference, checked as in [`Pallet::register`]; `None` keeps it.
     * - `terms`: the new default terms; `None` keeps them.
     * 
     * The deposit follows the metadata's length: the difference is held or released.
     * Fails on a suspended listing, and while an auction of it has a bid
     * ([`Error::BoundByBids`]: bidders bid on the terms as they are). Emits
     * [`Event::ListingUpdated`].
     */
    v105: new CallType(
        'Content.update_listing',
        sts.struct({
            listing: sts.bigint(),
            metadata: sts.option(() => sts.bytes()),
            terms: sts.option(() => v105.LicenceTerms),
        })
    ),
}
