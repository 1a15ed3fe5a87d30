export enum OrderStatus {
    Open = "Open",
    Filled = "Filled",
    Removed = "Removed",
}
