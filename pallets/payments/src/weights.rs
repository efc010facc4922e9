
//! Weights for `pallet_payments`.
//!
//! Placeholder until `./scripts/bench.sh pallets payments` regenerates this
//! file from the benchmarks. Do not edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_payments`.
pub trait WeightInfo {
	fn initiate_payment() -> Weight;
	fn store_payment_data_hash() -> Weight;
	fn confirm_settlements(n: u32, ) -> Weight;
	fn challenge() -> Weight;
	fn resolve_challenge() -> Weight;
	fn refund() -> Weight;
	fn set_settlement_currency() -> Weight;
	fn set_rail_settings() -> Weight;
}

/// Weights for `pallet_payments` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn initiate_payment() -> Weight {
		Weight::from_parts(600_000_000, 12000)
			.saturating_add(T::DbWeight::get().reads(30_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn store_payment_data_hash() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn confirm_settlements(n: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4000)
			.saturating_add(Weight::from_parts(500_000_000, 9000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads((25_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(n.into())))
	}
	fn challenge() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn resolve_challenge() -> Weight {
		Weight::from_parts(550_000_000, 9000)
			.saturating_add(T::DbWeight::get().reads(25_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn refund() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_settlement_currency() -> Weight {
		Weight::from_parts(30_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_rail_settings() -> Weight {
		Weight::from_parts(30_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn initiate_payment() -> Weight {
		Weight::from_parts(600_000_000, 12000)
			.saturating_add(RocksDbWeight::get().reads(30_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn store_payment_data_hash() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn confirm_settlements(n: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4000)
			.saturating_add(Weight::from_parts(500_000_000, 9000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads((25_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((8_u64).saturating_mul(n.into())))
	}
	fn challenge() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn resolve_challenge() -> Weight {
		Weight::from_parts(550_000_000, 9000)
			.saturating_add(RocksDbWeight::get().reads(25_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn refund() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn set_settlement_currency() -> Weight {
		Weight::from_parts(30_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_rail_settings() -> Weight {
		Weight::from_parts(30_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
