//! Dispatches the command line to the node's subcommands.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Tokenize consortium node".into()
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
		"https://example.invalid/tokenize/chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// Parses the command line and runs the node or a subcommand; turns the
/// errors an operator can fix into one line saying what to do.
pub fn run() -> sc_cli::Result<()> {
	run_cli().map_err(explain)
}

fn explain(error: sc_cli::Error) -> sc_cli::Error {
	let text = error.to_string();
	if text.contains("Address already in use") || text.contains("AddrInUse") {
		return sc_cli::Error::Input(format!(
			"a port the node needs is in use ({text}); stop the other node or choose free ports with --rpc-port, --port and --prometheus-port"
		));
	}
	error
}

fn run_cli() -> sc_cli::Result<()> {
	let cli = Cli::from_args_with_consortium_defaults();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::Iso20022(cmd)) => cmd.run(),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::BenchmarkCmd;
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => cmd.run_with_spec::<sp_runtime::traits::HashingFor<tokenize_runtime::opaque::Block>, ()>(Some(config.chain_spec)),
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_cache)
				},
				BenchmarkCmd::Overhead(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let remarks = crate::benchmarking::RemarkBuilder::new(client.clone());
					cmd.run(
						config.chain_spec.name().into(),
						client,
						crate::benchmarking::inherent_data()?,
						Vec::new(),
						&remarks,
						false,
					)
				},
				BenchmarkCmd::Machine(cmd) => cmd.run(&config, frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.clone()),
				_ => Err("this benchmark subcommand is not supported by the Tokenize node; use pallet, block, storage, overhead or machine".into()),
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<tokenize_runtime::opaque::Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let finality = cli.finality.clone();
			runner.run_node_until_exit(|config| async move {
				service::new_full::<sc_network::NetworkWorker<_, _>>(config, finality)
					.map_err(sc_cli::Error::Service)
			})
		},
	}
}
