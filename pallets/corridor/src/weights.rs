//! Weights for `pallet_corridor`.
//!
//! PLACEHOLDER figures, hand-written in the layout of the generated file
//! (scripts/weight-template.hbs) until `./scripts/bench.sh pallets` runs the
//! benchmarks of `benchmarking.rs` on reference hardware and replaces this
//! file. Execution times are conservative guesses; the storage reads and
//! writes are the real counts of each call (listed above each function) and
//! the proof sizes assume `MaxSettlementAssets` = 16 and `MaxReasonLen` = 256.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_corridor`.
pub trait WeightInfo {
	fn add_corridor(a: u32, ) -> Weight;
	fn update_corridor(a: u32, ) -> Weight;
	fn set_corridor_active() -> Weight;
	fn block_corridor() -> Weight;
	fn unblock_corridor() -> Weight;
	fn remove_corridor() -> Weight;
}

/// Weights for `pallet_corridor` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Corridor::Corridors` (r:1 w:1)
	/// Proof: `Corridor::Corridors` (`max_values`: None, `max_size`: Some(409), added: 2884, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[1, 16]`.
	fn add_corridor(a: u32, ) -> Weight {
		Weight::from_parts(14_000_000, 3_874)
			.saturating_add(Weight::from_parts(250_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Corridor::Corridors` (r:1 w:1)
	/// Proof: `Corridor::Corridors` (`max_values`: None, `max_size`: Some(409), added: 2884, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[1, 16]`.
	fn update_corridor(a: u32, ) -> Weight {
		Weight::from_parts(15_000_000, 3_874)
			.saturating_add(Weight::from_parts(250_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Corridor::Corridors` (r:1 w:1)
	/// Proof: `Corridor::Corridors` (`max_values`: None, `max_size`: Some(409), added: 2884, mode: `MaxEncodedLen`)
	fn set_corridor_active() -> Weight {
		Weight::from_parts(13_000_000, 3_874)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Corridor::Corridors` (r:1 w:1)
	/// Proof: `Corridor::Corridors` (`max_values`: None, `max_size`: Some(409), added: 2884, mode: `MaxEncodedLen`)
	fn block_corridor() -> Weight {
		Weight::from_parts(14_000_000, 3_874)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Corridor::Corridors` (r:1 w:1)
	/// Proof: `Corridor::Corridors` (`max_values`: None, `max_size`: Some(409), added: 2884, mode: `MaxEncodedLen`)
	fn unblock_corridor() -> Weight {
		Weight::from_parts(13_000_000, 3_874)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Corridor::Corridors` (r:1 w:1)
	/// Proof: `Corridor::Corridors` (`max_values`: None, `max_size`: Some(409), added: 2884, mode: `MaxEncodedLen`)
	/// Storage: `Corridor::DailyVolume` (r:0 w:1)
	/// Proof: `Corridor::DailyVolume` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	fn remove_corridor() -> Weight {
		Weight::from_parts(15_000_000, 3_874)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For tests: the same weights with RocksDB's database weights.
impl WeightInfo for () {
	fn add_corridor(a: u32, ) -> Weight {
		Weight::from_parts(14_000_000, 3_874)
			.saturating_add(Weight::from_parts(250_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn update_corridor(a: u32, ) -> Weight {
		Weight::from_parts(15_000_000, 3_874)
			.saturating_add(Weight::from_parts(250_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_corridor_active() -> Weight {
		Weight::from_parts(13_000_000, 3_874)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn block_corridor() -> Weight {
		Weight::from_parts(14_000_000, 3_874)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn unblock_corridor() -> Weight {
		Weight::from_parts(13_000_000, 3_874)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_corridor() -> Weight {
		Weight::from_parts(15_000_000, 3_874)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
