export enum OfferStatus {
    Open = "Open",
    SoldOut = "SoldOut",
    Sold = "Sold",
    Unsold = "Unsold",
    Cancelled = "Cancelled",
    Expired = "Expired",
}
