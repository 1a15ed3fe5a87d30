//! `allspark-node`: the AllSpark chain's node.

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod metrics;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	// Addresses in RPC answers and parameters use the AllSpark format.
	sp_core::crypto::set_default_ss58_version(sp_core::crypto::Ss58AddressFormat::custom(
		allspark_runtime::SS58_PREFIX,
	));
	command::run()
}
