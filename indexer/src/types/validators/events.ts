import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const validatorAdded =  {
    name: 'Validators.ValidatorAdded',
    /**
     * Governance added a validator to the planned set.
     */
    v105: new EventType(
        'Validators.ValidatorAdded',
        sts.struct({
            /**
             * The new validator.
             */
            who: v105.AccountId32,
        })
    ),
}

export const validatorRemoved =  {
    name: 'Validators.ValidatorRemoved',
    /**
     * Governance removed a validator from the planned set.
     */
    v105: new EventType(
        'Validators.ValidatorRemoved',
        sts.struct({
            /**
             * The removed validator.
             */
            who: v105.AccountId32,
        })
    ),
}

export const bonded =  {
    name: 'Validators.Bonded',
    /**
     * An account bonded, or topped its bond up to the current figure.
     */
    v105: new EventType(
        'Validators.Bonded',
        sts.struct({
            /**
             * The bonded account.
             */
            who: v105.AccountId32,
            /**
             * What it held now.
             */
            added: sts.bigint(),
            /**
             * Its whole bond.
             */
            bond: sts.bigint(),
        })
    ),
}

export const unbonding =  {
    name: 'Validators.Unbonding',
    /**
     * A bonded account that is no validator started unbonding.
     */
    v105: new EventType(
        'Validators.Unbonding',
        sts.struct({
            /**
             * The account.
             */
            who: v105.AccountId32,
            /**
             * The session from which it may withdraw its bond.
             */
            unlocksAt: sts.number(),
        })
    ),
}

export const bondWithdrawn =  {
    name: 'Validators.BondWithdrawn',
    /**
     * A bond was released to its owner.
     */
    v105: new EventType(
        'Validators.BondWithdrawn',
        sts.struct({
            /**
             * The owner.
             */
            who: v105.AccountId32,
            /**
             * What was released.
             */
            amount: sts.bigint(),
        })
    ),
}

export const slashed =  {
    name: 'Validators.Slashed',
    /**
     * A reported offence slashed a validator's bond into the treasury.
     */
    v105: new EventType(
        'Validators.Slashed',
        sts.struct({
            /**
             * The offender.
             */
            who: v105.AccountId32,
            /**
             * What was taken from its bond.
             */
            amount: sts.bigint(),
            /**
             * The session of the offence.
             */
            session: sts.number(),
        })
    ),
}

export const offenderRemoved =  {
    name: 'Validators.OffenderRemoved',
    /**
     * An offender was removed from the planned set: it stops authoring and voting from
     * the session after the next boundary.
     */
    v105: new EventType(
        'Validators.OffenderRemoved',
        sts.struct({
            /**
             * The offender.
             */
            who: v105.AccountId32,
        })
    ),
}

export const newSetQueued =  {
    name: 'Validators.NewSetQueued',
    /**
     * The planned set was handed to the session pallet at a session boundary: queued during
     * the session that starts now, active from `session`.
     */
    v105: new EventType(
        'Validators.NewSetQueued',
        sts.struct({
            /**
             * The session from which the new set authors and votes.
             */
            session: sts.number(),
            /**
             * The new set.
             */
            validators: sts.array(() => v105.AccountId32),
        })
    ),
}
