//! Weights for `pallet_governance`.
//!
//! PROVISIONAL: written by hand from the storage each call touches (reads and
//! writes counted from the code, compute set generously) until
//! `./scripts/bench.sh pallets` regenerates this file from the benchmarks in
//! `benchmarking.rs`. Do not trust the compute figures.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_governance`.
pub trait WeightInfo {
	fn propose(l: u32, ) -> Weight;
	fn cancel() -> Weight;
	fn enact() -> Weight;
	fn set_enactment_delay() -> Weight;
}

/// Weights for `pallet_governance` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Governance::NextProposalId`, `Governance::EnactmentDelay`,
	/// `Governance::CounterForProposals` (r:1 w:1), `Preimage::StatusFor`, `Preimage::PreimageFor`
	/// (r:1 w:1), `Scheduler::Lookup` (r:1 w:1), `Scheduler::Agenda` (r:1 w:1), `Governance::Proposals` (w:1)
	fn propose(l: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 20_000)
			.saturating_add(Weight::from_parts(3_000, 1).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Governance::Proposals`, `Governance::CounterForProposals`, `Scheduler::Lookup`,
	/// `Scheduler::Agenda`, `Preimage::StatusFor`, `Preimage::PreimageFor` (r:1 w:1 each)
	fn cancel() -> Weight {
		Weight::from_parts(60_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Governance::Proposals`, `Governance::CounterForProposals` (r:1 w:1 each);
	/// hashing a call of up to `MaxCallLen` bytes.
	fn enact() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Governance::EnactmentDelay` (r:0 w:1)
	fn set_enactment_delay() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests: the same weights with RocksDB's database weights.
impl WeightInfo for () {
	fn propose(l: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 20_000)
			.saturating_add(Weight::from_parts(3_000, 1).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(60_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn enact() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn set_enactment_delay() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
