//! Tokenize consortium node: a bank validator, or a regulator's read-only node.

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod compliance_rpc;
mod deposits_rpc;
mod dev_clock;
mod funds_rpc;
mod iso20022_cmd;
mod payments_rpc;
mod rpc;
mod service;

/// Errors end the process with one line (`Error: <what to fix>`) and exit
/// code 1, never a debug dump.
fn main() {
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
