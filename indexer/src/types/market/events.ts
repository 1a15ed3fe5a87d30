import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const orderPlaced =  {
    name: 'Market.OrderPlaced',
    /**
     * An order was placed. It fills against the book first (see [`Event::OrderFilled`]);
     * what is left rests on the book under this id.
     */
    v105: new EventType(
        'Market.OrderPlaced',
        sts.struct({
            /**
             * The order's id.
             */
            order: sts.bigint(),
            /**
             * Who placed it.
             */
            owner: v105.AccountId32,
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The right.
             */
            right: v105.Right,
            /**
             * Buy or sell.
             */
            side: v105.Side,
            /**
             * The per-unit limit price.
             */
            price: sts.bigint(),
            /**
             * The units ordered.
             */
            quantity: sts.number(),
            /**
             * The first block at which it no longer trades.
             */
            expiresAt: sts.number(),
        })
    ),
}

export const orderFilled =  {
    name: 'Market.OrderFilled',
    /**
     * A resting order was filled, wholly or partly, by an incoming order. When the resting
     * order is a buy, the trade is paid out and granted when the order settles
     * ([`Event::OrderSettled`]); when it is a sell, the incoming buyer pays at once
     * ([`Event::TradeSettled`]).
     */
    v105: new EventType(
        'Market.OrderFilled',
        sts.struct({
            /**
             * The resting order.
             */
            order: sts.bigint(),
            /**
             * The incoming order.
             */
            takerOrder: sts.bigint(),
            /**
             * Who bought.
             */
            buyer: v105.AccountId32,
            /**
             * Who sold.
             */
            seller: v105.AccountId32,
            /**
             * The per-unit price (the resting order's).
             */
            price: sts.bigint(),
            /**
             * The units traded.
             */
            quantity: sts.number(),
            /**
             * The units the resting order still has open.
             */
            remaining: sts.number(),
        })
    ),
}

export const orderRemoved =  {
    name: 'Market.OrderRemoved',
    /**
     * An order left the book without filling its remainder. A buy order's held remainder is
     * released at once when it was cancelled or expired from the queue, or by the settlement
     * queue ([`Event::EscrowReleased`]) when it was removed while matching or evicted.
     */
    v105: new EventType(
        'Market.OrderRemoved',
        sts.struct({
            /**
             * The order.
             */
            order: sts.bigint(),
            /**
             * Its owner.
             */
            owner: v105.AccountId32,
            /**
             * The units that were still open.
             */
            remaining: sts.number(),
            /**
             * Cancelled, expired or stale.
             */
            reason: v105.RemovalReason,
        })
    ),
}

export const orderSettled =  {
    name: 'Market.OrderSettled',
    /**
     * A settlement-queue entry of a resting order was done: a buy order's fills were paid
     * out to the listing's owner and granted to the buyer, or an order that left the book
     * was forgotten.
     */
    v105: new EventType(
        'Market.OrderSettled',
        sts.struct({
            /**
             * The order.
             */
            order: sts.bigint(),
            /**
             * Its owner.
             */
            owner: v105.AccountId32,
            /**
             * The units paid out and granted (0 for a sell order, whose buyers paid at once).
             */
            quantity: sts.number(),
            /**
             * What they cost.
             */
            value: sts.bigint(),
            /**
             * Whether the order is gone (it had left the book).
             */
            closed: sts.boolean(),
        })
    ),
}

export const fillsRefunded =  {
    name: 'Market.FillsRefunded',
    /**
     * A filled buy order's fills could not be paid out (the listing was removed, or the
     * service charge rose above their value before settlement): their escrow went back to
     * the buyer and nothing was granted.
     */
    v105: new EventType(
        'Market.FillsRefunded',
        sts.struct({
            /**
             * The order.
             */
            order: sts.bigint(),
            /**
             * Its owner, refunded.
             */
            owner: v105.AccountId32,
            /**
             * The units not granted.
             */
            quantity: sts.number(),
            /**
             * The escrow released.
             */
            value: sts.bigint(),
        })
    ),
}

export const escrowReleased =  {
    name: 'Market.EscrowReleased',
    /**
     * Escrow released to a buyer: its order filled at better prices than its limit, or it was
     * removed from the book while matching or evicted (released by the settlement queue).
     */
    v105: new EventType(
        'Market.EscrowReleased',
        sts.struct({
            /**
             * The buyer.
             */
            who: v105.AccountId32,
            /**
             * The amount released.
             */
            amount: sts.bigint(),
        })
    ),
}

export const tradeSettled =  {
    name: 'Market.TradeSettled',
    /**
     * A trade was paid out: the buyers' held funds reached the seller, who paid the service
     * charge, the distributors' commissions and the co-creators' shares out of them.
     */
    v105: new EventType(
        'Market.TradeSettled',
        sts.struct({
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The right traded.
             */
            right: v105.Right,
            /**
             * The seller (the listing's owner when the trade was made).
             */
            seller: v105.AccountId32,
            /**
             * The units traded.
             */
            quantity: sts.number(),
            /**
             * What the buyers paid in all.
             */
            value: sts.bigint(),
            /**
             * The service charge taken.
             */
            charge: sts.bigint(),
            /**
             * The commissions paid to referring distributors.
             */
            commission: sts.bigint(),
            /**
             * What the co-creators other than the seller received.
             */
            coCreators: sts.bigint(),
        })
    ),
}

export const rightGranted =  {
    name: 'Market.RightGranted',
    /**
     * A buyer was granted a right.
     */
    v105: new EventType(
        'Market.RightGranted',
        sts.struct({
            /**
             * The buyer.
             */
            who: v105.AccountId32,
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The right.
             */
            right: v105.Right,
            /**
             * The units granted.
             */
            units: sts.number(),
            /**
             * The first block at which the right is no longer valid; `None`: perpetual (the
             * copyright: the buyer now owns the listing).
             */
            expiresAt: sts.option(() => sts.number()),
        })
    ),
}

export const commissionPaid =  {
    name: 'Market.CommissionPaid',
    /**
     * A distributor earned a commission on a sale it referred.
     */
    v105: new EventType(
        'Market.CommissionPaid',
        sts.struct({
            /**
             * The distributor.
             */
            distributor: v105.AccountId32,
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The commission.
             */
            amount: sts.bigint(),
        })
    ),
}

export const offerCreated =  {
    name: 'Market.OfferCreated',
    /**
     * A listing's owner made an offer.
     */
    v105: new EventType(
        'Market.OfferCreated',
        sts.struct({
            /**
             * The offer's id.
             */
            offer: sts.bigint(),
            /**
             * The seller.
             */
            seller: v105.AccountId32,
            /**
             * The listing.
             */
            listing: sts.bigint(),
            /**
             * The right offered.
             */
            right: v105.Right,
            /**
             * How it is priced.
             */
            mode: v105.PricingMode,
            /**
             * The units offered.
             */
            quantity: sts.number(),
            /**
             * The first block at which it no longer trades.
             */
            expiresAt: sts.number(),
        })
    ),
}

export const offerTaken =  {
    name: 'Market.OfferTaken',
    /**
     * Units of a fixed-price or Dutch offer were bought.
     */
    v105: new EventType(
        'Market.OfferTaken',
        sts.struct({
            /**
             * The offer.
             */
            offer: sts.bigint(),
            /**
             * The buyer.
             */
            buyer: v105.AccountId32,
            /**
             * The units bought.
             */
            quantity: sts.number(),
            /**
             * The per-unit price paid.
             */
            price: sts.bigint(),
            /**
             * The units still offered.
             */
            remaining: sts.number(),
        })
    ),
}

export const auctionBidPlaced =  {
    name: 'Market.AuctionBidPlaced',
    /**
     * An English auction received a new highest bid (held from the bidder; the previous
     * highest bid was released).
     */
    v105: new EventType(
        'Market.AuctionBidPlaced',
        sts.struct({
            /**
             * The auction's offer.
             */
            offer: sts.bigint(),
            /**
             * The bidder.
             */
            bidder: v105.AccountId32,
            /**
             * The bid for the lot.
             */
            amount: sts.bigint(),
            /**
             * The auction's end, moved when the bid came in its last blocks.
             */
            end: sts.number(),
        })
    ),
}

export const auctionSettled =  {
    name: 'Market.AuctionSettled',
    /**
     * An English auction ended and sold its lot to the highest bidder.
     */
    v105: new EventType(
        'Market.AuctionSettled',
        sts.struct({
            /**
             * The auction's offer.
             */
            offer: sts.bigint(),
            /**
             * The winner.
             */
            winner: v105.AccountId32,
            /**
             * The winning bid.
             */
            amount: sts.bigint(),
        })
    ),
}

export const auctionUnsold =  {
    name: 'Market.AuctionUnsold',
    /**
     * An English auction ended without a sale: no bids, or the sale could not be made (the
     * seller no longer owns the listing, it is no longer tradable, or the payout failed);
     * the highest bid, if any, was released.
     */
    v105: new EventType(
        'Market.AuctionUnsold',
        sts.struct({
            /**
             * The auction's offer.
             */
            offer: sts.bigint(),
        })
    ),
}

export const offerCancelled =  {
    name: 'Market.OfferCancelled',
    /**
     * An offer was withdrawn by its seller (or, when the seller no longer owns the listing,
     * by anyone).
     */
    v105: new EventType(
        'Market.OfferCancelled',
        sts.struct({
            /**
             * The offer.
             */
            offer: sts.bigint(),
        })
    ),
}

export const offerExpired =  {
    name: 'Market.OfferExpired',
    /**
     * A fixed-price or Dutch offer expired with units unsold.
     */
    v105: new EventType(
        'Market.OfferExpired',
        sts.struct({
            /**
             * The offer.
             */
            offer: sts.bigint(),
            /**
             * The units unsold.
             */
            remaining: sts.number(),
        })
    ),
}

export const requestPosted =  {
    name: 'Market.RequestPosted',
    /**
     * A request was posted; its budget is held.
     */
    v105: new EventType(
        'Market.RequestPosted',
        sts.struct({
            /**
             * The request's id.
             */
            request: sts.bigint(),
            /**
             * Who posted it.
             */
            requester: v105.AccountId32,
            /**
             * The category wanted.
             */
            category: v105.Category,
            /**
             * The right wanted.
             */
            right: v105.Right,
            /**
             * The budget held.
             */
            budget: sts.bigint(),
            /**
             * The first block at which it no longer takes proposals.
             */
            deadline: sts.number(),
            /**
             * The brief's hash.
             */
            briefHash: sts.bytes(),
        })
    ),
}

export const proposalMade =  {
    name: 'Market.ProposalMade',
    /**
     * A listing's owner answered a request.
     */
    v105: new EventType(
        'Market.ProposalMade',
        sts.struct({
            /**
             * The request.
             */
            request: sts.bigint(),
            /**
             * The proposal's id within the request.
             */
            proposal: sts.number(),
            /**
             * The proposer.
             */
            proposer: v105.AccountId32,
            /**
             * The listing proposed.
             */
            listing: sts.bigint(),
            /**
             * The price asked.
             */
            price: sts.bigint(),
        })
    ),
}

export const proposalRemoved =  {
    name: 'Market.ProposalRemoved',
    /**
     * A proposal left its request without a trade: withdrawn by its proposer, rejected by
     * the requester, or evicted by a cheaper proposal to a request with the most proposals.
     */
    v105: new EventType(
        'Market.ProposalRemoved',
        sts.struct({
            /**
             * The request.
             */
            request: sts.bigint(),
            /**
             * The proposal removed.
             */
            proposal: sts.number(),
            /**
             * Its proposer.
             */
            proposer: v105.AccountId32,
            /**
             * Withdrawn, rejected or evicted.
             */
            reason: v105.ProposalRemoval,
        })
    ),
}

export const proposalAccepted =  {
    name: 'Market.ProposalAccepted',
    /**
     * The requester accepted a proposal: the trade was made and the rest of the budget
     * released.
     */
    v105: new EventType(
        'Market.ProposalAccepted',
        sts.struct({
            /**
             * The request, now closed.
             */
            request: sts.bigint(),
            /**
             * The proposal accepted.
             */
            proposal: sts.number(),
            /**
             * The price paid.
             */
            price: sts.bigint(),
        })
    ),
}

export const requestClosed =  {
    name: 'Market.RequestClosed',
    /**
     * A request was closed without a trade and its budget released.
     */
    v105: new EventType(
        'Market.RequestClosed',
        sts.struct({
            /**
             * The request.
             */
            request: sts.bigint(),
            /**
             * True: its deadline passed; false: the requester cancelled it.
             */
            expired: sts.boolean(),
        })
    ),
}
