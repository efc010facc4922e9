//! Pallets benchmarked by `./scripts/bench.sh`.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_multisig, Multisig]
	[pallet_assets, Assets]
	[pallet_sudo, Sudo]
	[pallet_identity_registry, IdentityRegistry]
	[pallet_validator_set, ValidatorSet]
);
