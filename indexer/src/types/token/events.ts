import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const chargeSplit =  {
    name: 'Token.ChargeSplit',
    /**
     * A service charge or a transaction fee was taken and divided.
     */
    v105: new EventType(
        'Token.ChargeSplit',
        sts.struct({
            /**
             * Who paid (`None` for transaction fees, whose payer the fee events name).
             */
            payer: sts.option(() => v105.AccountId32),
            /**
             * What was paid for.
             */
            source: v105.ChargeSource,
            /**
             * The whole amount.
             */
            total: sts.bigint(),
            /**
             * The part burned.
             */
            burned: sts.bigint(),
            /**
             * The part paid to the treasury pot.
             */
            toTreasury: sts.bigint(),
            /**
             * The part paid to the evaluation-reward pot.
             */
            toEvaluationPot: sts.bigint(),
        })
    ),
}

export const authorRewarded =  {
    name: 'Token.AuthorRewarded',
    /**
     * A block author was paid from the node-incentive pot.
     */
    v105: new EventType(
        'Token.AuthorRewarded',
        sts.struct({
            /**
             * The author.
             */
            author: v105.AccountId32,
            /**
             * The amount paid (less than the set reward only when the pot ran low).
             */
            amount: sts.bigint(),
        })
    ),
}

export const chargeRatesSet =  {
    name: 'Token.ChargeRatesSet',
    /**
     * Governance set the service charge's rates.
     */
    v105: new EventType(
        'Token.ChargeRatesSet',
        sts.struct({
            /**
             * The new rates.
             */
            rates: v105.ChargeRates,
        })
    ),
}

export const chargeSplitSet =  {
    name: 'Token.ChargeSplitSet',
    /**
     * Governance set how charges and fees are divided.
     */
    v105: new EventType(
        'Token.ChargeSplitSet',
        sts.struct({
            /**
             * The new split.
             */
            split: v105.ChargeSplit,
        })
    ),
}

export const authorRewardSet =  {
    name: 'Token.AuthorRewardSet',
    /**
     * Governance set the block author reward.
     */
    v105: new EventType(
        'Token.AuthorRewardSet',
        sts.struct({
            /**
             * The new reward per block.
             */
            reward: sts.bigint(),
        })
    ),
}

export const treasurySpent =  {
    name: 'Token.TreasurySpent',
    /**
     * Governance spent from the treasury.
     */
    v105: new EventType(
        'Token.TreasurySpent',
        sts.struct({
            /**
             * Who received the funds.
             */
            beneficiary: v105.AccountId32,
            /**
             * How much.
             */
            amount: sts.bigint(),
        })
    ),
}
