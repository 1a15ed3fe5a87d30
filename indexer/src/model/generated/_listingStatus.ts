export enum ListingStatus {
    Active = "Active",
    Suspended = "Suspended",
    Delisted = "Delisted",
    Removed = "Removed",
}
