//! What the market and evaluation benchmarks need from the runtime.

use crate::ListingId;

/// Runtime-specific setup for the benchmarks of the pallets that trade and evaluate listings:
/// the runtime registers listings through its content pallet and configures its token pallet's
/// service charge.
pub trait BenchmarkHelper<AccountId> {
	/// Register a listing owned by `owner` with `shares` revenue shares, the owner's included
	/// (the most the content pallet allows when `u32::MAX`; at least the owner's), offering every
	/// right; fund `owner` first.
	fn create_listing(owner: &AccountId, shares: u32) -> ListingId;
	/// Set the service charge's rates and split.
	fn configure_service_charge();
	/// Give `listing` a score that earns era rewards, so that a trade on it does the most work
	/// (the evaluation pallet credits the trade to the era's revenue shares). Nothing where the
	/// runtime has no evaluation.
	fn score_listing(_listing: ListingId) {}
}
