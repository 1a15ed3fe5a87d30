//! Builds the runtime's WebAssembly blob (`WASM_BINARY`) that the node embeds.
//!
//! With the `metadata-hash` feature the builder also computes the metadata digest that the
//! `CheckMetadataHash` transaction extension commits to, so offline signers can verify what they
//! sign. The token symbol and decimals here are part of that digest.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("ASK", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm, to speed up compilation.
#[cfg(not(feature = "std"))]
fn main() {}
