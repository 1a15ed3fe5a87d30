//! Pallet configurations, split by domain.

pub mod consensus;
pub mod content;
pub mod evaluation;
pub mod fees;
pub mod governance;
pub mod market;
pub mod monetary;
pub mod system;
pub mod token;
