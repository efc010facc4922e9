//! Weights for `pallet_nav_oracle`.
//!
//! Placeholder until `./scripts/bench.sh pallets nav_oracle` generates
//! this file. Do not edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_nav_oracle`.
pub trait WeightInfo {
	fn register_feed(s: u32, ) -> Weight;
	fn update_feed(s: u32, ) -> Weight;
	fn submit(s: u32, ) -> Weight;
	fn approve_held() -> Weight;
	fn reject_held() -> Weight;
	fn set_manual_price() -> Weight;
	fn sign_off() -> Weight;
}

/// Weights for `pallet_nav_oracle` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_feed(s: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 3_000).saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn update_feed(s: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 3_000).saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn submit(s: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 6_000).saturating_add(Weight::from_parts(3_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(7, 6))
	}
	fn approve_held() -> Weight {
		Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(4, 5))
	}
	fn reject_held() -> Weight {
		Weight::from_parts(20_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	fn set_manual_price() -> Weight {
		Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn sign_off() -> Weight {
		Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(4, 5))
	}
}

impl WeightInfo for () {
	fn register_feed(_s: u32, ) -> Weight { Weight::from_parts(20_000_000, 3_000).saturating_add(RocksDbWeight::get().reads_writes(1, 1)) }
	fn update_feed(_s: u32, ) -> Weight { Weight::from_parts(20_000_000, 3_000).saturating_add(RocksDbWeight::get().reads_writes(2, 2)) }
	fn submit(s: u32, ) -> Weight { Weight::from_parts(60_000_000, 6_000).saturating_add(Weight::from_parts(3_000_000, 0).saturating_mul(s.into())).saturating_add(RocksDbWeight::get().reads_writes(7, 6)) }
	fn approve_held() -> Weight { Weight::from_parts(40_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(4, 5)) }
	fn reject_held() -> Weight { Weight::from_parts(20_000_000, 3_000).saturating_add(RocksDbWeight::get().reads_writes(2, 1)) }
	fn set_manual_price() -> Weight { Weight::from_parts(40_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(4, 4)) }
	fn sign_off() -> Weight { Weight::from_parts(40_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(4, 5)) }
}
