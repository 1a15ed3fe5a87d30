//! Dispatches the command line to the node or to a subcommand.

use crate::{
	benchmarking::inherent_benchmark_data,
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use allspark_runtime::opaque::Block;
use frame_benchmarking_cli::{BenchmarkCmd, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"AllSpark Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/allspark-chain/allspark/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" | "development" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			// `staging`, the name sc-cli's `--chain` help offers, is the production preset.
			"production" | "staging" => Box::new(chain_spec::production_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

/// Parse and run the command line.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => {
			restrict_new_files();
			cmd.run(&cli)
		},
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client, task_manager, import_queue, transaction_pool, ..
				} = service::new_partial(&config)?;
				Ok((keeping(transaction_pool, cmd.run(client, import_queue)), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client, task_manager, import_queue, transaction_pool, ..
				} = service::new_partial(&config)?;
				let parts = (import_queue, transaction_pool);
				Ok((keeping(parts, cmd.run(client, config.database)), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client, task_manager, import_queue, transaction_pool, ..
				} = service::new_partial(&config)?;
				let parts = (import_queue, transaction_pool);
				Ok((keeping(parts, cmd.run(client, config.chain_spec)), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client, task_manager, import_queue, transaction_pool, ..
				} = service::new_partial(&config)?;
				Ok((keeping(transaction_pool, cmd.run(client, import_queue)), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents {
					client,
					task_manager,
					backend,
					import_queue,
					transaction_pool,
					..
				} = service::new_partial(&config)?;
				let parts = (import_queue, transaction_pool);
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((keeping(parts, cmd.run(client, backend, Some(aux_revert))), task_manager))
			})
		},
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;

			runner.sync_run(|config| {
				// Commands that need no runtime benchmarks compiled in come first.
				match cmd {
					BenchmarkCmd::Pallet(cmd) => {
						if !cfg!(feature = "runtime-benchmarks") {
							return Err(
								"Runtime benchmarking wasn't enabled when building the node. \
							You can enable it with `--features runtime-benchmarks`."
									.into(),
							);
						}
						// Optimised even in the dev profile: bench-host/README.md.
						allspark_bench_host::run_pallet_benchmarks(cmd, Some(config.chain_spec))
					},
					BenchmarkCmd::Block(cmd) => {
						let PartialComponents { client, .. } = service::new_partial(&config)?;
						cmd.run(client)
					},
					BenchmarkCmd::Storage(cmd) => {
						let PartialComponents { client, backend, .. } =
							service::new_partial(&config)?;
						let db = backend.expose_db();
						let storage = backend.expose_storage();
						let shared_cache = backend.expose_shared_trie_cache();
						cmd.run(config, client, db, storage, shared_cache)
					},
					BenchmarkCmd::Overhead(cmd) => cmd
						.run_with_default_builder_and_spec::<Block, service::HostFunctions>(Some(
							config.chain_spec,
						)),
					BenchmarkCmd::Extrinsic(cmd) => {
						let PartialComponents { client, .. } = service::new_partial(&config)?;
						let remark =
							frame_benchmarking_cli::SubstrateRemarkBuilder::new_from_client(
								client.clone(),
							)?;
						let ext_factory = ExtrinsicFactory(vec![Box::new(remark)]);
						cmd.run(client, inherent_benchmark_data()?, Vec::new(), &ext_factory)
					},
					BenchmarkCmd::Machine(cmd) => {
						cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
					},
				}
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			if !cli.allow_well_known_keys {
				chain_spec::refuse_well_known_keys(&*runner.config().chain_spec)
					.map_err(sc_cli::Error::Input)?;
			}
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

/// An offline command's future that keeps the node's parts it does not use (the transaction pool,
/// the import queue) until the command is done: their essential tasks end when they are dropped,
/// and they must outlive the command (`service::GracefulEssentialSpawner`).
async fn keeping<Parts, T>(parts: Parts, command: impl std::future::Future<Output = T>) -> T {
	let done = command.await;
	drop(parts);
	done
}

/// Keys the `key` subcommands write (`generate-node-key --file` or `--base-path`, `insert`'s
/// keystore files) are secrets: created readable by their owner only (0600), as ssh keeps a
/// private key, whatever the shell's umask.
fn restrict_new_files() {
	#[cfg(unix)]
	// SAFETY: umask only sets this process's file-creation mask; it cannot fail, and the key
	// commands run on one thread.
	unsafe {
		libc::umask(0o077);
	}
}
