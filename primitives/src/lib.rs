#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
pub mod charge;
pub mod content;
pub mod holds;
pub mod serde_helpers;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkHelper;
pub use charge::{ChargeKind, ServiceCharge, SplitParts};
pub use content::{
	Category, ContentHash, ContentInspect, ContentObligations, ContentTransfer, LicenceTerms,
	ListingId, ListingStatus, OnTrade, Share, TradeReport,
};
pub use holds::{hold_unfrozen, holdable, FrozenBalance, HoldRefused};
pub use serde_helpers::balance_string;
