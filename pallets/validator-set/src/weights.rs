//! Weights for `pallet_validator_set`.
//!
//! Regenerate with `./scripts/bench.sh validator-set`. Until then these are
//! conservative figures; `v` is the size of the set (worst case
//! `MaxValidators`), the seat-share check reads each member's identity.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

pub trait WeightInfo {
	fn add_validator(v: u32) -> Weight;
	fn remove_validator(v: u32) -> Weight;
}

fn per_validator(v: u32) -> Weight {
	// Seat-share check: one identity lookup per pair with a shared LEI.
	Weight::from_parts(2_500_000, 600).saturating_mul(v.into())
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `IdentityRegistry::Identities` (r:v), `ValidatorSet::Validators` (r:1 w:1),
	/// `ValidatorSet::ChangePending` (w:1)
	fn add_validator(v: u32) -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(per_validator(v))
			.saturating_add(T::DbWeight::get().reads_writes(2u64.saturating_add(v.into()), 2))
	}
	/// Storage: as `add_validator`.
	fn remove_validator(v: u32) -> Weight {
		Weight::from_parts(18_000_000, 2_000)
			.saturating_add(per_validator(v))
			.saturating_add(T::DbWeight::get().reads_writes(1u64.saturating_add(v.into()), 2))
	}
}

impl WeightInfo for () {
	fn add_validator(v: u32) -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(per_validator(v))
			.saturating_add(RocksDbWeight::get().reads_writes(2u64.saturating_add(v.into()), 2))
	}
	fn remove_validator(v: u32) -> Weight {
		Weight::from_parts(18_000_000, 2_000)
			.saturating_add(per_validator(v))
			.saturating_add(RocksDbWeight::get().reads_writes(1u64.saturating_add(v.into()), 2))
	}
}
