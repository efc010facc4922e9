//! Weights for `pallet_circuit_breaker`.
//!
//! PLACEHOLDERS until `./scripts/bench.sh pallets` runs: the figures below are
//! conservative estimates in the generated-file layout, to be replaced by the
//! frame-benchmarking output (`benchmark pallet` on the node built with
//! `--features runtime-benchmarks`). The storage reads/writes are counted from
//! the code and match the benchmark comments.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_circuit_breaker`.
pub trait WeightInfo {
	fn pause_global() -> Weight;
	fn schedule_global_resume() -> Weight;
	fn cancel_global_resume() -> Weight;
	fn pause_asset() -> Weight;
	fn resume_asset() -> Weight;
	fn freeze_address() -> Weight;
	fn unfreeze_address() -> Weight;
	fn set_throttle() -> Weight;
	fn remove_throttle() -> Weight;
	fn reset_throttle() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_release(k: u32) -> Weight;
}

/// Weights for `pallet_circuit_breaker` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `CircuitBreaker::GlobalPauseState` (r:1 w:1)
	fn pause_global() -> Weight {
		Weight::from_parts(16_000_000, 1_800).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CircuitBreaker::GlobalPauseState` (r:1 w:1)
	fn schedule_global_resume() -> Weight {
		Weight::from_parts(13_000_000, 1_800).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CircuitBreaker::GlobalPauseState` (r:1 w:1)
	fn cancel_global_resume() -> Weight {
		Weight::from_parts(13_000_000, 1_800).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CircuitBreaker::PausedAssets` (r:1 w:1)
	fn pause_asset() -> Weight {
		Weight::from_parts(15_000_000, 3_800).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CircuitBreaker::PausedAssets` (r:1 w:1)
	fn resume_asset() -> Weight {
		Weight::from_parts(13_000_000, 3_800).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CircuitBreaker::FrozenAddresses` (r:1 w:1)
	fn freeze_address() -> Weight {
		Weight::from_parts(15_000_000, 3_800).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CircuitBreaker::FrozenAddresses` (r:1 w:1)
	fn unfreeze_address() -> Weight {
		Weight::from_parts(13_000_000, 3_800).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CircuitBreaker::Throttles` (r:0 w:1)
	fn set_throttle() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `CircuitBreaker::Throttles` (r:1 w:1), `CircuitBreaker::ThrottleStates` (r:0 w:1),
	/// `CircuitBreaker::TrippedThrottles` (r:1 w:1)
	fn remove_throttle() -> Weight {
		Weight::from_parts(16_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(2, 3))
	}
	/// Storage: `CircuitBreaker::Throttles` (r:1 w:0), `CircuitBreaker::ThrottleStates` (r:0 w:1),
	/// `CircuitBreaker::TrippedThrottles` (r:1 w:1)
	fn reset_throttle() -> Weight {
		Weight::from_parts(15_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	/// Storage: `CircuitBreaker::GlobalPauseState` (r:1 w:0), `CircuitBreaker::TrippedThrottles` (r:1 w:0)
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_000_000, 2_000).saturating_add(T::DbWeight::get().reads(2))
	}
	/// Storage: `CircuitBreaker::GlobalPauseState` (r:1 w:1), `CircuitBreaker::TrippedThrottles` (r:1 w:1),
	/// `CircuitBreaker::ThrottleStates` (r:0 w:k)
	/// The range of component `k` is `[0, 5]`.
	fn on_initialize_release(k: u32) -> Weight {
		Weight::from_parts(14_000_000, 2_000)
			.saturating_add(Weight::from_parts(4_000_000, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads_writes(2, 2))
			.saturating_add(T::DbWeight::get().writes(1_u64.saturating_mul(k.into())))
	}
}

// For tests: the same figures with RocksDB's database weights.
impl WeightInfo for () {
	fn pause_global() -> Weight {
		Weight::from_parts(16_000_000, 1_800).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn schedule_global_resume() -> Weight {
		Weight::from_parts(13_000_000, 1_800).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn cancel_global_resume() -> Weight {
		Weight::from_parts(13_000_000, 1_800).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn pause_asset() -> Weight {
		Weight::from_parts(15_000_000, 3_800).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn resume_asset() -> Weight {
		Weight::from_parts(13_000_000, 3_800).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn freeze_address() -> Weight {
		Weight::from_parts(15_000_000, 3_800).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn unfreeze_address() -> Weight {
		Weight::from_parts(13_000_000, 3_800).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_throttle() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn remove_throttle() -> Weight {
		Weight::from_parts(16_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(2, 3))
	}
	fn reset_throttle() -> Weight {
		Weight::from_parts(15_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_000_000, 2_000).saturating_add(RocksDbWeight::get().reads(2))
	}
	fn on_initialize_release(k: u32) -> Weight {
		Weight::from_parts(14_000_000, 2_000)
			.saturating_add(Weight::from_parts(4_000_000, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
			.saturating_add(RocksDbWeight::get().writes(1_u64.saturating_mul(k.into())))
	}
}
