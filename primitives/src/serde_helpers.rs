//! Serde helpers for the runtime APIs' JSON (RPC) views.

/// Serialise a balance as a decimal string (JavaScript numbers cannot carry 128-bit amounts): the
/// runtime APIs' views use it for their JSON (RPC) form, as `#[serde(with = "balance_string")]`.
pub mod balance_string {
	use alloc::string::{String, ToString};
	use core::str::FromStr;
	use serde::{de::Error, Deserialize, Deserializer, Serializer};

	/// Write `b` as a decimal string.
	pub fn serialize<S: Serializer, B: ToString>(b: &B, s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&b.to_string())
	}

	/// Read a decimal string.
	pub fn deserialize<'de, D: Deserializer<'de>, B: FromStr>(d: D) -> Result<B, D::Error> {
		let s = String::deserialize(d)?;
		s.parse().map_err(|_| D::Error::custom("not a decimal amount"))
	}
}
