//! Weights for `pallet_identity_registry`.
//!
//! Regenerate with `./scripts/bench.sh identity-registry` (frame-benchmarking,
//! `benchmark pallet` on the node built with `--features runtime-benchmarks`).
//! The values below are conservative figures to be replaced by the generated
//! file: each call reads/writes at most two storage items, as counted in the
//! benchmark comments.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_identity_registry`.
pub trait WeightInfo {
	fn add_verifier(j: u32) -> Weight;
	fn remove_verifier() -> Weight;
	fn register_identity() -> Weight;
	fn renew_identity() -> Weight;
	fn revoke_identity() -> Weight;
	fn set_roles() -> Weight;
}

/// Weights for `pallet_identity_registry` using the node's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1 w:1)
	fn add_verifier(j: u32) -> Weight {
		Weight::from_parts(12_000_000, 3_600)
			.saturating_add(Weight::from_parts(150_000, 2).saturating_mul(j.into()))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1 w:1)
	fn remove_verifier() -> Weight {
		Weight::from_parts(11_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn register_identity() -> Weight {
		Weight::from_parts(18_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn renew_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn revoke_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::Identities` (r:1 w:1)
	fn set_roles() -> Weight {
		Weight::from_parts(13_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
}

// For tests: same figures against RocksDB weights.
impl WeightInfo for () {
	fn add_verifier(j: u32) -> Weight {
		Weight::from_parts(12_000_000, 3_600)
			.saturating_add(Weight::from_parts(150_000, 2).saturating_mul(j.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn remove_verifier() -> Weight {
		Weight::from_parts(11_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn register_identity() -> Weight {
		Weight::from_parts(18_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn renew_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn revoke_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_roles() -> Weight {
		Weight::from_parts(13_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
}
