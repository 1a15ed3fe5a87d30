export enum CandleInterval {
    H1 = "H1",
    D1 = "D1",
}
