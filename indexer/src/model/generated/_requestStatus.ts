export enum RequestStatus {
    Open = "Open",
    Accepted = "Accepted",
    Closed = "Closed",
    Expired = "Expired",
}
