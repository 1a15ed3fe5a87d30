export enum RoundStatus {
    Open = "Open",
    Finalised = "Finalised",
    Failed = "Failed",
}
