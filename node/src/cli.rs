//! Command line of the node.

use sc_cli::RunCmd;

#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: RunCmd,

	#[clap(flatten)]
	pub finality: FinalityParams,
}

/// How this node takes part in GRANDPA finality. The defaults are chosen for
/// a small permissioned validator set on one LAN: vote on the best block as
/// soon as it is imported and gossip votes every 100 ms, so a block is final
/// about one round-trip after it reaches the validators (one block behind
/// the head instead of two to three). `./scripts/bench-network.sh` measures
/// the trade-off (GRANDPA rounds and CPU) against the public-network defaults
/// (`--grandpa-vote-behind 2 --grandpa-gossip-ms 333`).
#[derive(Debug, Clone, clap::Args)]
pub struct FinalityParams {
	/// Blocks behind the best block GRANDPA votes for: 0 votes for the best
	/// block; more trades finality latency for fewer votes on blocks that a
	/// fork could still replace (Aura on a LAN rarely forks).
	#[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=16))]
	pub grandpa_vote_behind: u32,

	/// Milliseconds between GRANDPA gossip rounds (vote propagation period);
	/// lower finalizes sooner at the price of more rounds and vote traffic.
	#[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(20..=2_000))]
	pub grandpa_gossip_ms: u64,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management (generate, inspect, insert session keys, node keys).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (`--raw` for the form nodes boot from).
	#[allow(deprecated)]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime and block benchmarks (node built with `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Information about the chain's database.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// ISO 20022 pacs.008: the canonical hash the payment rail anchors, and
	/// the check of a received message against the chain.
	#[command(subcommand)]
	Iso20022(crate::iso20022_cmd::Iso20022Cmd),
}
