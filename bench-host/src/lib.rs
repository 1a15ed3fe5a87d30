// This file is part of AllSpark.
// SPDX-License-Identifier: Apache-2.0

#![doc = include_str!("../README.md")]

use frame_benchmarking_cli::PalletCmd;

/// The host functions a benchmarked runtime may call: Substrate's and the benchmarking ones.
pub type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// Run `benchmark pallet` (`cmd`) against the runtime it names, or `chain_spec`'s, hashing
/// with BLAKE2-256 as the AllSpark chain does.
pub fn run_pallet_benchmarks(
	cmd: &PalletCmd,
	chain_spec: Option<Box<dyn sc_cli::ChainSpec>>,
) -> sc_cli::Result<()> {
	cmd.run_with_spec::<sp_runtime::traits::BlakeTwo256, HostFunctions>(chain_spec)
}
