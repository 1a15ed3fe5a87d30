//! What the content pallet offers the market and evaluation pallets, and what it asks of them:
//! the traits live in `allspark-primitives`, the bottom layer every pallet depends on.

pub use allspark_primitives::{
	ContentInspect, ContentObligations, ContentTransfer, OnTrade, TradeReport,
};
