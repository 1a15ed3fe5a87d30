export enum TradeKind {
    Order = "Order",
    Offer = "Offer",
    Auction = "Auction",
    Proposal = "Proposal",
}
