//! Weights for `pallet_freeze`.
//!
//! PLACEHOLDER figures until `./scripts/bench.sh pallets` runs the benchmarks
//! of `benchmarking.rs` on the reference machine and replaces this file with
//! the generated one (same layout). The read/write counts are the real ones of
//! the worst case (a holding with `MaxEntriesPerHolding` entries, a reference
//! of `MaxReferenceLen` bytes); the origin check and, for `confiscate`, the
//! compliant-assets `force_move` are the runtime's and are estimated here.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_freeze`.
pub trait WeightInfo {
	fn freeze() -> Weight;
	fn unfreeze() -> Weight;
	fn confiscate() -> Weight;
	fn freeze_address() -> Weight;
	fn unfreeze_address() -> Weight;
}

/// Weights for `pallet_freeze` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Assets::Account` (r:1 w:0)
	/// Storage: `Freeze::HoldingEntries` (r:1 w:1)
	/// Storage: `Freeze::FrozenTotals` (r:1 w:1)
	/// Storage: `Freeze::NextEntryId` (r:1 w:1)
	/// Storage: `Freeze::ActiveEntryCount` (r:1 w:1)
	/// Storage: `Freeze::Entries` (r:0 w:1)
	fn freeze() -> Weight {
		Weight::from_parts(35_000_000, 4_200)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Freeze::Entries` (r:1 w:1)
	/// Storage: `Freeze::FrozenTotals` (r:1 w:1)
	/// Storage: `Freeze::HoldingEntries` (r:1 w:1)
	/// Storage: `Freeze::ActiveEntryCount` (r:1 w:1)
	fn unfreeze() -> Weight {
		Weight::from_parts(30_000_000, 4_200)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Freeze::Entries` (r:1 w:1)
	/// Storage: `Freeze::FrozenAddresses` (r:2 w:0)
	/// Storage: `Freeze::FrozenTotals` (r:2 w:1)
	/// Storage: `Freeze::HoldingEntries` (r:1 w:1)
	/// Storage: `Freeze::ActiveEntryCount` (r:1 w:1)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Storage: `System::Account` (r:1 w:1)
	fn confiscate() -> Weight {
		Weight::from_parts(90_000_000, 7_600)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Freeze::FrozenAddresses` (r:1 w:1)
	/// Storage: `Freeze::FrozenAddressCount` (r:1 w:1)
	fn freeze_address() -> Weight {
		Weight::from_parts(18_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Freeze::FrozenAddresses` (r:1 w:1)
	/// Storage: `Freeze::FrozenAddressCount` (r:1 w:1)
	fn unfreeze_address() -> Weight {
		Weight::from_parts(16_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For tests: the same weights with RocksDB's database weights.
impl WeightInfo for () {
	fn freeze() -> Weight {
		Weight::from_parts(35_000_000, 4_200)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn unfreeze() -> Weight {
		Weight::from_parts(30_000_000, 4_200)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn confiscate() -> Weight {
		Weight::from_parts(90_000_000, 7_600)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn freeze_address() -> Weight {
		Weight::from_parts(18_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn unfreeze_address() -> Weight {
		Weight::from_parts(16_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
