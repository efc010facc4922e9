//! Tokenize consortium node: a bank validator, or a regulator's read-only node.

mod chain_spec;
mod cli;
mod command;
mod compliance_rpc;
mod deposits_rpc;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
