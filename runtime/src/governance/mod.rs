//! The runtime's own governance pieces: the origins of the referendum tracks and the tracks
//! themselves. The pallets' configurations are in [`crate::configs::governance`].

pub mod origins;
pub mod tracks;

pub use crate::configs::governance::TREASURER_MAX_SPEND;
