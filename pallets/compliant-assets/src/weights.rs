//! Weights for `pallet_compliant_assets`.
//!
//! PLACEHOLDER FIGURES until `./scripts/bench.sh pallets` runs the benchmarks
//! (frame-benchmarking, `benchmark pallet` on the node built with
//! `--features runtime-benchmarks`) and replaces this file with the generated
//! one (same layout, `scripts/weight-template.hbs`). The read/write counts are
//! counted by hand from the code paths, the worst case of each call (for
//! `transfer`: every asset rule set, a new receiver, a frozen sender); the
//! execution times are estimates.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_compliant_assets`.
pub trait WeightInfo {
	fn create_asset() -> Weight;
	fn set_rules() -> Weight;
	fn add_agent() -> Weight;
	fn remove_agent() -> Weight;
	fn set_document() -> Weight;
	fn remove_document() -> Weight;
	fn mint() -> Weight;
	fn burn() -> Weight;
	fn transfer() -> Weight;
	fn batch_transfer(n: u32, ) -> Weight;
	fn forced_transfer() -> Weight;
	fn recover() -> Weight;
}

/// Weights for `pallet_compliant_assets` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `CompliantAssets::Rules` (r:1 w:1), `Assets::Asset` (r:1 w:1), `CompliantAssets::Profiles` (r:0 w:1)
	fn create_asset() -> Weight {
		Weight::from_parts(22_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads_writes(2, 3))
	}
	/// Storage: `CompliantAssets::Rules` (r:1 w:1)
	fn set_rules() -> Weight {
		Weight::from_parts(14_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `CompliantAssets::Rules` (r:1), identity of the agent (r:1), `CompliantAssets::Agents` (r:0 w:1)
	fn add_agent() -> Weight {
		Weight::from_parts(15_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `CompliantAssets::Rules` (r:1), `CompliantAssets::Agents` (r:1 w:1)
	fn remove_agent() -> Weight {
		Weight::from_parts(14_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `CompliantAssets::Rules` (r:1), `CompliantAssets::Documents` (r:1 w:1), `CompliantAssets::DocumentCount` (r:1 w:1), `Timestamp::Now` (r:1)
	fn set_document() -> Weight {
		Weight::from_parts(20_000_000, 3_900)
			.saturating_add(T::DbWeight::get().reads_writes(4, 2))
	}
	/// Storage: `CompliantAssets::Rules` (r:1), `CompliantAssets::Documents` (r:1 w:1), `CompliantAssets::DocumentCount` (r:1 w:1)
	fn remove_document() -> Weight {
		Weight::from_parts(17_000_000, 3_900)
			.saturating_add(T::DbWeight::get().reads_writes(3, 2))
	}
	/// Storage: `CompliantAssets::Agents` (r:1), identities of agent and receiver (r:2), breaker state (r:3 w:1), `CompliantAssets::Rules` (r:1), `Assets::Asset` (r:1 w:1), `Assets::Account` (r:1 w:1), `System::Account` (r:1 w:1), `CompliantAssets::HolderCount` (r:1 w:1)
	fn mint() -> Weight {
		Weight::from_parts(45_000_000, 3_900)
			.saturating_add(T::DbWeight::get().reads_writes(11, 5))
	}
	/// Storage: `CompliantAssets::Agents` (r:1), agent identity (r:1), breaker state (r:3 w:1), `CompliantAssets::Rules` (r:1), `Assets::Asset` (r:1 w:1), `Assets::Account` (r:1 w:1), freezer (r:1), `System::Account` (r:1 w:1), `CompliantAssets::HolderCount` (r:1 w:1)
	fn burn() -> Weight {
		Weight::from_parts(45_000_000, 3_900)
			.saturating_add(T::DbWeight::get().reads_writes(11, 5))
	}
	/// Storage: `CompliantAssets::Rules` (r:1), breaker state (r:4 w:1), identities of both parties and sanctions (r:4), `Timestamp::Now` (r:1), `Assets::Asset` (r:1 w:1), `Assets::Account` (r:2 w:2), freezer (r:1), `System::Account` (r:1 w:1), `CompliantAssets::HolderCount` (r:1 w:1)
	fn transfer() -> Weight {
		Weight::from_parts(60_000_000, 6_200)
			.saturating_add(T::DbWeight::get().reads_writes(16, 6))
	}
	/// Storage: as `transfer`, per leg; `CompliantAssets::Rules`, the sender's identity and account are read once per leg as well.
	/// The range of component `n` is `[1, MaxBatchSize]`.
	fn batch_transfer(n: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 3_700)
			.saturating_add(Weight::from_parts(55_000_000, 2_600).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads((16_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
	}
	/// Storage: `CompliantAssets::Agents` (r:1), identities (r:2), breaker state (r:3), `CompliantAssets::Rules` (r:1), `Assets::Asset` (r:1 w:1), `Assets::Account` (r:2 w:2), freeze entries (r:2 w:2), `System::Account` (r:1 w:1), `CompliantAssets::HolderCount` (r:1 w:1)
	fn forced_transfer() -> Weight {
		Weight::from_parts(65_000_000, 6_200)
			.saturating_add(T::DbWeight::get().reads_writes(14, 7))
	}
	/// Storage: `CompliantAssets::Agents` (r:1), identities (r:3), breaker state (r:3), `CompliantAssets::Rules` (r:1), `Assets::Asset` (r:1 w:1), `Assets::Account` (r:2 w:2), freeze entries (r:3 w:3), `System::Account` (r:2 w:2), `CompliantAssets::HolderCount` (r:1 w:1)
	fn recover() -> Weight {
		Weight::from_parts(70_000_000, 6_200)
			.saturating_add(T::DbWeight::get().reads_writes(17, 9))
	}
}

// For tests: the same weights with RocksDB's database weights.
impl WeightInfo for () {
	fn create_asset() -> Weight {
		Weight::from_parts(22_000_000, 3_700)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 3))
	}
	fn set_rules() -> Weight {
		Weight::from_parts(14_000_000, 3_700)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn add_agent() -> Weight {
		Weight::from_parts(15_000_000, 3_700)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn remove_agent() -> Weight {
		Weight::from_parts(14_000_000, 3_700)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_document() -> Weight {
		Weight::from_parts(20_000_000, 3_900)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 2))
	}
	fn remove_document() -> Weight {
		Weight::from_parts(17_000_000, 3_900)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 2))
	}
	fn mint() -> Weight {
		Weight::from_parts(45_000_000, 3_900)
			.saturating_add(RocksDbWeight::get().reads_writes(11, 5))
	}
	fn burn() -> Weight {
		Weight::from_parts(45_000_000, 3_900)
			.saturating_add(RocksDbWeight::get().reads_writes(11, 5))
	}
	fn transfer() -> Weight {
		Weight::from_parts(60_000_000, 6_200)
			.saturating_add(RocksDbWeight::get().reads_writes(16, 6))
	}
	fn batch_transfer(n: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 3_700)
			.saturating_add(Weight::from_parts(55_000_000, 2_600).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads((16_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(n.into())))
	}
	fn forced_transfer() -> Weight {
		Weight::from_parts(65_000_000, 6_200)
			.saturating_add(RocksDbWeight::get().reads_writes(14, 7))
	}
	fn recover() -> Weight {
		Weight::from_parts(70_000_000, 6_200)
			.saturating_add(RocksDbWeight::get().reads_writes(17, 9))
	}
}
