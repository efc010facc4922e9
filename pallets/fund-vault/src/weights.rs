//! Weights for `pallet_fund_vault`.
//!
//! Placeholder until `./scripts/bench.sh pallets fund-vault` generates this
//! file. Do not edit by hand.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_fund_vault`.
pub trait WeightInfo {
	fn on_initialize(c: u32, ) -> Weight;
	fn configure_fund() -> Weight;
	fn acknowledge_kid() -> Weight;
	fn subscribe() -> Weight;
	fn request_redeem() -> Weight;
	fn cancel_redeem() -> Weight;
	fn claim_redeem(d: u32, ) -> Weight;
	fn switch_to() -> Weight;
	fn distribute_yield() -> Weight;
	fn claim_yield() -> Weight;
}

/// Weights for `pallet_fund_vault` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn on_initialize(c: u32, ) -> Weight { Weight::from_parts(10_000_000, 3_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(c.into())).saturating_add(T::DbWeight::get().reads_writes(3, 1)).saturating_add(T::DbWeight::get().reads_writes(3, 3).saturating_mul(c.into())) }
	fn configure_fund() -> Weight { Weight::from_parts(30_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(6, 1)) }
	fn acknowledge_kid() -> Weight { Weight::from_parts(30_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(4, 1)) }
	fn subscribe() -> Weight { Weight::from_parts(400_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(40, 12)) }
	fn request_redeem() -> Weight { Weight::from_parts(100_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(15, 8)) }
	fn cancel_redeem() -> Weight { Weight::from_parts(60_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(8, 6)) }
	fn claim_redeem(d: u32, ) -> Weight { Weight::from_parts(500_000_000, 8_000).saturating_add(Weight::from_parts(40_000_000, 3_000).saturating_mul(d.into())).saturating_add(T::DbWeight::get().reads_writes(50, 16)).saturating_add(T::DbWeight::get().reads_writes(12, 2).saturating_mul(d.into())) }
	fn switch_to() -> Weight { Weight::from_parts(800_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(70, 20)) }
	fn distribute_yield() -> Weight { Weight::from_parts(40_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(6, 3)) }
	fn claim_yield() -> Weight { Weight::from_parts(300_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(30, 10)) }
}

impl WeightInfo for () {
	fn on_initialize(c: u32, ) -> Weight { Weight::from_parts(10_000_000, 3_000).saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(c.into())).saturating_add(RocksDbWeight::get().reads_writes(3, 1)) }
	fn configure_fund() -> Weight { Weight::from_parts(30_000_000, 3_000).saturating_add(RocksDbWeight::get().reads_writes(6, 1)) }
	fn acknowledge_kid() -> Weight { Weight::from_parts(30_000_000, 3_000).saturating_add(RocksDbWeight::get().reads_writes(4, 1)) }
	fn subscribe() -> Weight { Weight::from_parts(400_000_000, 8_000).saturating_add(RocksDbWeight::get().reads_writes(40, 12)) }
	fn request_redeem() -> Weight { Weight::from_parts(100_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(15, 8)) }
	fn cancel_redeem() -> Weight { Weight::from_parts(60_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(8, 6)) }
	fn claim_redeem(d: u32, ) -> Weight { Weight::from_parts(500_000_000, 8_000).saturating_add(Weight::from_parts(40_000_000, 0).saturating_mul(d.into())).saturating_add(RocksDbWeight::get().reads_writes(50, 16)) }
	fn switch_to() -> Weight { Weight::from_parts(800_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(70, 20)) }
	fn distribute_yield() -> Weight { Weight::from_parts(40_000_000, 3_000).saturating_add(RocksDbWeight::get().reads_writes(6, 3)) }
	fn claim_yield() -> Weight { Weight::from_parts(300_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(30, 10)) }
}
