//! Chain specifications: `dev` and `local`, built from the runtime's genesis presets.

use allspark_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// Specialized `ChainSpec`. This is a specialization of the general Substrate ChainSpec type.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token properties wallets read: symbol, decimals and address format.
pub fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_PREFIX.into());
	p
}

/// A chain spec from one of the runtime's genesis presets.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| "the runtime's wasm binary was not built".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// A single-validator development chain (Alice).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"AllSpark Development",
		"allspark_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// A four-validator local testnet (Alice, Bob, Charlie, Dave).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"AllSpark Local Testnet",
		"allspark_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// The production-like network: the full token plan (see the runtime's `production` preset).
pub fn production_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"AllSpark",
		"allspark",
		ChainType::Live,
		allspark_runtime::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
	)
}
