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

/// The transaction pool a consortium node runs unless `--pool-type` says
/// otherwise: the single-state pool, not Substrate's default fork-aware one.
/// When a block is refused because the chain finalized a sibling (an author
/// late under load), the fork-aware pool may drop the transactions of the
/// refused block in favour of newer ones (polkadot-sdk issue #6831, open);
/// the single-state pool puts them back in its ready queue. With four bank
/// validators and GRANDPA one block behind, forks are rare and short, so the
/// fork-aware pool's per-fork views buy little; `bench-network.sh` lost 189
/// of 6,000 accepted transfers with it in one run and none with the
/// single-state pool (README, "Throughput and finality").
pub const DEFAULT_POOL_TYPE: &str = "single-state";

/// Ready transactions a consortium node's pool holds unless `--pool-limit`
/// says otherwise (Substrate's default is 8,192): about four full blocks of
/// compliant transfers. A transaction that would wait longer is refused at
/// submission ("pool full"), so the bank's middleware learns of the
/// overload at once instead of after a minute of queueing.
pub const DEFAULT_POOL_LIMIT: &str = "4096";

impl Cli {
	/// The command line, as [`sc_cli::SubstrateCli::from_args`] parses it,
	/// with the consortium's defaults for `--pool-type`
	/// ([`DEFAULT_POOL_TYPE`]) and `--pool-limit` ([`DEFAULT_POOL_LIMIT`]).
	pub fn from_args_with_consortium_defaults() -> Self {
		Self::try_parse_with_consortium_defaults(std::env::args_os()).unwrap_or_else(|e| e.exit())
	}

	/// `args` (the program name first) parsed with the consortium's defaults.
	pub fn try_parse_with_consortium_defaults<I, T>(args: I) -> Result<Self, clap::Error>
	where
		I: IntoIterator<Item = T>,
		T: Into<std::ffi::OsString> + Clone,
	{
		use clap::{CommandFactory, FromArgMatches};
		use sc_cli::SubstrateCli;
		let command = <Self as SubstrateCli>::setup_command(Self::command())
			.mut_arg("pool_type", |arg| arg.default_value(DEFAULT_POOL_TYPE))
			.mut_arg("pool_limit", |arg| arg.default_value(DEFAULT_POOL_LIMIT));
		Self::from_arg_matches(&command.try_get_matches_from(args)?)
	}
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

#[cfg(test)]
mod tests {
	use super::*;
	use sc_cli::TransactionPoolType;

	#[test]
	fn the_pool_defaults_are_the_consortiums_and_flags_override_them() {
		let defaults = Cli::try_parse_with_consortium_defaults(["tokenize-node"]).expect("no flags parse");
		assert!(matches!(defaults.run.pool_config.pool_type, TransactionPoolType::SingleState));
		assert_eq!(defaults.run.pool_config.pool_limit, 4096);

		let chosen = Cli::try_parse_with_consortium_defaults([
			"tokenize-node",
			"--pool-type",
			"fork-aware",
			"--pool-limit",
			"100",
		])
		.expect("pool flags parse");
		assert!(matches!(chosen.run.pool_config.pool_type, TransactionPoolType::ForkAware));
		assert_eq!(chosen.run.pool_config.pool_limit, 100);
	}

	#[test]
	fn a_bad_pool_type_is_a_command_line_error() {
		let refused = Cli::try_parse_with_consortium_defaults(["tokenize-node", "--pool-type", "sharded"]);
		assert!(refused.is_err());
	}
}
