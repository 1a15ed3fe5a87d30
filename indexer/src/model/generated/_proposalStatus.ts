export enum ProposalStatus {
    Open = "Open",
    Accepted = "Accepted",
    Withdrawn = "Withdrawn",
    Rejected = "Rejected",
    Evicted = "Evicted",
    Closed = "Closed",
}
