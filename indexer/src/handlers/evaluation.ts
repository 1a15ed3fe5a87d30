// Evaluation: rounds with their commitments, reveals and outcomes; the evaluators' records;
// eras and their rewards.
import { address } from '../codec'
import * as model from '../model'
import { evaluation } from '../types/events'
import * as v105 from '../types/v105'
import { BlockCtx, Handler, decode } from './context'

type RoundEvaluator = { round: number; evaluator: string }

async function evaluator(ctx: BlockCtx, who: string): Promise<model.Evaluator> {
    return (await ctx.batch.get(model.Evaluator, who)) ?? new model.Evaluator({
        id: who, commitments: 0, reveals: 0, coherent: 0, incoherent: 0, silent: 0, rewards: 0n, slashed: 0n, net: 0n,
    })
}

async function era(ctx: BlockCtx, index: number): Promise<model.Era> {
    return (await ctx.batch.get(model.Era, index.toString())) ?? new model.Era({
        id: index.toString(), startedAt: ctx.height, paidOut: false,
    })
}

export const evaluationHandlers: Record<string, Handler> = {
    [evaluation.roundOpened.name]: async (ctx, e) => {
        const a = decode<{ round: number; listing: bigint; opener: string; fee: bigint; feeReward: bigint; commitEnd: number; revealEnd: number }>(e, evaluation.roundOpened)
        ctx.batch.save(model.Round, new model.Round({
            id: a.round.toString(),
            listing: await ctx.batch.must(model.Listing, a.listing.toString()),
            opener: address(a.opener),
            fee: a.fee,
            feeReward: a.feeReward,
            commitEnd: a.commitEnd,
            revealEnd: a.revealEnd,
            status: model.RoundStatus.Open,
            openedAt: ctx.height,
            openedTimestamp: ctx.timestamp,
        }))
    },
    [evaluation.committed.name]: async (ctx, e) => {
        const a = decode<RoundEvaluator & { stake: bigint }>(e, evaluation.committed)
        const ev = await evaluator(ctx, address(a.evaluator))
        ev.commitments += 1
        ctx.batch.save(model.Evaluator, ev)
        ctx.batch.save(model.Commitment, new model.Commitment({
            id: `${a.round}-${ev.id}`,
            round: await ctx.batch.must(model.Round, a.round.toString()),
            evaluator: ev,
            stake: a.stake,
            committedAt: ctx.height,
            evicted: false,
        }))
    },
    [evaluation.revealed.name]: async (ctx, e) => {
        const a = decode<RoundEvaluator & { score: number }>(e, evaluation.revealed)
        const c = await ctx.batch.must(model.Commitment, `${a.round}-${address(a.evaluator)}`)
        c.revealedScore = a.score
        ctx.batch.save(model.Commitment, c)
        const ev = await evaluator(ctx, address(a.evaluator))
        ev.reveals += 1
        ctx.batch.save(model.Evaluator, ev)
    },
    [evaluation.evaluatorSettled.name]: async (ctx, e) => {
        const a = decode<RoundEvaluator & { outcome: v105.Outcome; stake: bigint; slashed: bigint; reward: bigint }>(e, evaluation.evaluatorSettled)
        const who = address(a.evaluator)
        const c = await ctx.batch.must(model.Commitment, `${a.round}-${who}`)
        c.outcome = a.outcome.__kind
        c.slashed = a.slashed
        c.reward = a.reward
        ctx.batch.save(model.Commitment, c)
        const ev = await evaluator(ctx, who)
        if (a.outcome.__kind === 'Coherent') ev.coherent += 1
        if (a.outcome.__kind === 'Incoherent') ev.incoherent += 1
        if (a.outcome.__kind === 'Silent') ev.silent += 1
        ev.rewards += a.reward
        ev.slashed += a.slashed
        ev.net = ev.rewards - ev.slashed
        ctx.batch.save(model.Evaluator, ev)
    },
    [evaluation.commitmentEvicted.name]: async (ctx, e) => {
        const a = decode<RoundEvaluator>(e, evaluation.commitmentEvicted)
        const c = await ctx.batch.must(model.Commitment, `${a.round}-${address(a.evaluator)}`)
        c.evicted = true
        ctx.batch.save(model.Commitment, c)
    },
    [evaluation.roundFinalised.name]: async (ctx, e) => {
        const a = decode<{ round: number; listing: bigint; score: number; coherent: number; incoherent: number; silent: number; rewards: bigint; slashed: bigint }>(e, evaluation.roundFinalised)
        const r = await ctx.batch.must(model.Round, a.round.toString())
        Object.assign(r, {
            status: model.RoundStatus.Finalised, score: a.score, coherent: a.coherent, incoherent: a.incoherent,
            silent: a.silent, revealed: a.coherent + a.incoherent, rewards: a.rewards, slashed: a.slashed,
        })
        ctx.batch.save(model.Round, r)
        const listing = await ctx.batch.must(model.Listing, a.listing.toString())
        listing.score = a.score
        listing.scoredAt = ctx.height
        ctx.batch.save(model.Listing, listing)
    },
    [evaluation.roundFailed.name]: async (ctx, e) => {
        const a = decode<{ round: number; revealed: number; silent: number; slashed: bigint }>(e, evaluation.roundFailed)
        const r = await ctx.batch.must(model.Round, a.round.toString())
        Object.assign(r, { status: model.RoundStatus.Failed, revealed: a.revealed, silent: a.silent, slashed: a.slashed })
        ctx.batch.save(model.Round, r)
    },
    [evaluation.eraStarted.name]: async (ctx, e) => {
        const a = decode<{ era: number }>(e, evaluation.eraStarted)
        const x = await era(ctx, a.era)
        x.startedAt = ctx.height
        ctx.batch.save(model.Era, x)
    },
    [evaluation.eraPayoutStarted.name]: async (ctx, e) => {
        const a = decode<{ era: number; budget: bigint; totalWeight: bigint }>(e, evaluation.eraPayoutStarted)
        const x = await era(ctx, a.era)
        x.budget = a.budget
        x.totalWeight = a.totalWeight
        ctx.batch.save(model.Era, x)
    },
    [evaluation.eraRewardPaid.name]: async (ctx, e, ev) => {
        const a = decode<{ era: number; account: string; weight: bigint; amount: bigint }>(e, evaluation.eraRewardPaid)
        const x = ctx.batch.save(model.Era, await era(ctx, a.era))
        ctx.batch.save(model.EraReward, new model.EraReward({
            id: ev.id, era: x, account: address(a.account), weight: a.weight, amount: a.amount,
            blockNumber: ctx.height, timestamp: ctx.timestamp,
        }))
    },
    [evaluation.eraPaidOut.name]: async (ctx, e) => {
        const a = decode<{ era: number; paid: bigint }>(e, evaluation.eraPaidOut)
        const x = await era(ctx, a.era)
        x.paid = a.paid
        x.paidOut = true
        ctx.batch.save(model.Era, x)
    },
}
