import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const paramsSet =  {
    name: 'Evaluation.ParamsSet',
    /**
     * Governance set the parameters.
     */
    v105: new EventType(
        'Evaluation.ParamsSet',
        sts.struct({
            /**
             * The new parameters.
             */
            params: v105.Params,
        })
    ),
}

export const roundOpened =  {
    name: 'Evaluation.RoundOpened',
    /**
     * A round was opened.
     */
    v105: new EventType(
        'Evaluation.RoundOpened',
        sts.struct({
            /**
             * The round.
             */
            round: sts.number(),
            /**
             * The listing evaluated.
             */
            listing: sts.bigint(),
            /**
             * Who opened it.
             */
            opener: v105.AccountId32,
            /**
             * The evaluation fee paid.
             */
            fee: sts.bigint(),
            /**
             * The fee's part that rewards the round's coherent evaluators.
             */
            feeReward: sts.bigint(),
            /**
             * The first block of the reveal phase.
             */
            commitEnd: sts.number(),
            /**
             * The first block after the reveal phase.
             */
            revealEnd: sts.number(),
        })
    ),
}

export const committed =  {
    name: 'Evaluation.Committed',
    /**
     * An evaluator staked and committed to a hidden score.
     */
    v105: new EventType(
        'Evaluation.Committed',
        sts.struct({
            /**
             * The round.
             */
            round: sts.number(),
            /**
             * The evaluator.
             */
            evaluator: v105.AccountId32,
            /**
             * The stake held.
             */
            stake: sts.bigint(),
        })
    ),
}

export const revealed =  {
    name: 'Evaluation.Revealed',
    /**
     * An evaluator revealed its score.
     */
    v105: new EventType(
        'Evaluation.Revealed',
        sts.struct({
            /**
             * The round.
             */
            round: sts.number(),
            /**
             * The evaluator.
             */
            evaluator: v105.AccountId32,
            /**
             * The score.
             */
            score: sts.number(),
        })
    ),
}

export const evaluatorSettled =  {
    name: 'Evaluation.EvaluatorSettled',
    /**
     * An evaluator's stake was settled at finalisation.
     */
    v105: new EventType(
        'Evaluation.EvaluatorSettled',
        sts.struct({
            /**
             * The round.
             */
            round: sts.number(),
            /**
             * The evaluator.
             */
            evaluator: v105.AccountId32,
            /**
             * How it came out.
             */
            outcome: v105.Outcome,
            /**
             * Its stake.
             */
            stake: sts.bigint(),
            /**
             * The part of the stake it lost (to the evaluation-reward pot).
             */
            slashed: sts.bigint(),
            /**
             * The reward paid to it.
             */
            reward: sts.bigint(),
        })
    ),
}

export const roundFinalised =  {
    name: 'Evaluation.RoundFinalised',
    /**
     * A round was finalised with a score, which is now the listing's score.
     */
    v105: new EventType(
        'Evaluation.RoundFinalised',
        sts.struct({
            /**
             * The round.
             */
            round: sts.number(),
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The stake-weighted median of the revealed scores.
             */
            score: sts.number(),
            /**
             * Coherent evaluators.
             */
            coherent: sts.number(),
            /**
             * Incoherent evaluators.
             */
            incoherent: sts.number(),
            /**
             * Evaluators that never revealed.
             */
            silent: sts.number(),
            /**
             * What the coherent evaluators shared.
             */
            rewards: sts.bigint(),
            /**
             * What the others lost.
             */
            slashed: sts.bigint(),
        })
    ),
}

export const roundFailed =  {
    name: 'Evaluation.RoundFailed',
    /**
     * A round ended with fewer than [`Params::min_revealers`] reveals: no score, no rewards;
     * the silent evaluators lost the silent part of their stakes and the fee stays in the
     * pots.
     */
    v105: new EventType(
        'Evaluation.RoundFailed',
        sts.struct({
            /**
             * The round.
             */
            round: sts.number(),
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * Evaluators that revealed (fewer than [`Params::min_revealers`]): their stakes came
             * back whole.
             */
            revealed: sts.number(),
            /**
             * Evaluators that never revealed.
             */
            silent: sts.number(),
            /**
             * What they lost.
             */
            slashed: sts.bigint(),
        })
    ),
}

export const eraStarted =  {
    name: 'Evaluation.EraStarted',
    /**
     * A new reward era started.
     */
    v105: new EventType(
        'Evaluation.EraStarted',
        sts.struct({
            /**
             * The era.
             */
            era: sts.number(),
        })
    ),
}

export const eraPayoutStarted =  {
    name: 'Evaluation.EraPayoutStarted',
    /**
     * An ended era's payout started.
     */
    v105: new EventType(
        'Evaluation.EraPayoutStarted',
        sts.struct({
            /**
             * The era.
             */
            era: sts.number(),
            /**
             * What it pays in total.
             */
            budget: sts.bigint(),
            /**
             * The sum of its listings' weights.
             */
            totalWeight: sts.bigint(),
        })
    ),
}

export const eraRewardPaid =  {
    name: 'Evaluation.EraRewardPaid',
    /**
     * A creator or distributor was paid its era reward.
     */
    v105: new EventType(
        'Evaluation.EraRewardPaid',
        sts.struct({
            /**
             * The era.
             */
            era: sts.number(),
            /**
             * The account paid.
             */
            account: v105.AccountId32,
            /**
             * Its weight (its part of score × charge of the trades credited to it).
             */
            weight: sts.bigint(),
            /**
             * What it received: its share of the budget, at most its rebate cap.
             */
            amount: sts.bigint(),
        })
    ),
}

export const commitmentEvicted =  {
    name: 'Evaluation.CommitmentEvicted',
    /**
     * A full round took a larger stake: the smallest one left the round and was released.
     */
    v105: new EventType(
        'Evaluation.CommitmentEvicted',
        sts.struct({
            /**
             * The round.
             */
            round: sts.number(),
            /**
             * The evaluator evicted.
             */
            evaluator: v105.AccountId32,
            /**
             * Its stake, released in full.
             */
            stake: sts.bigint(),
        })
    ),
}

export const eraPaidOut =  {
    name: 'Evaluation.EraPaidOut',
    /**
     * An era was paid out in full.
     */
    v105: new EventType(
        'Evaluation.EraPaidOut',
        sts.struct({
            /**
             * The era.
             */
            era: sts.number(),
            /**
             * What was paid.
             */
            paid: sts.bigint(),
        })
    ),
}
