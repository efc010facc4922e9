//! Weights for `pallet_identity_registry`.
//!
//! PLACEHOLDERS until `./scripts/bench.sh pallets` runs: the figures below are
//! conservative hand estimates in the layout of a generated file; regenerate
//! them with frame-benchmarking (`benchmark pallet` on the node built with
//! `--features runtime-benchmarks`). The storage reads and writes are counted
//! honestly, per call, in the comments.

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
	fn register_pending_identity() -> Weight;
	fn approve_identity() -> Weight;
	fn update_identity() -> Weight;
	fn sanction_account() -> Weight;
	fn unsanction_account() -> Weight;
	fn block_jurisdiction() -> Weight;
	fn unblock_jurisdiction() -> Weight;
	fn set_sanctions_list_root() -> Weight;
	fn set_committee(s: u32) -> Weight;
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
		Weight::from_parts(11_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn register_identity() -> Weight {
		Weight::from_parts(18_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn renew_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn revoke_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::Identities` (r:1 w:1)
	fn set_roles() -> Weight {
		Weight::from_parts(13_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn register_pending_identity() -> Weight {
		Weight::from_parts(18_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn approve_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::TrustedVerifiers` (r:1), `IdentityRegistry::Identities` (r:1 w:1)
	fn update_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	/// Storage: `IdentityRegistry::RoleCommittees` (r:3), `IdentityRegistry::SanctionedAccounts` (r:1 w:1)
	fn sanction_account() -> Weight {
		Weight::from_parts(17_000_000, 4_500)
			.saturating_add(T::DbWeight::get().reads_writes(4, 1))
	}
	/// Storage: `IdentityRegistry::SanctionedAccounts` (r:1 w:1)
	fn unsanction_account() -> Weight {
		Weight::from_parts(12_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `IdentityRegistry::BlockedJurisdictions` (r:1 w:1)
	fn block_jurisdiction() -> Weight {
		Weight::from_parts(12_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `IdentityRegistry::BlockedJurisdictions` (r:1 w:1)
	fn unblock_jurisdiction() -> Weight {
		Weight::from_parts(12_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: `IdentityRegistry::SanctionsListRoot` (r:1 w:1)
	fn set_sanctions_list_root() -> Weight {
		Weight::from_parts(11_000_000, 1_600)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	/// Storage: per signer `IdentityRegistry::Identities`, `IdentityRegistry::SanctionedAccounts`, `IdentityRegistry::BlockedJurisdictions` (r:3 each);
	/// `IdentityRegistry::SanctionedAccounts` (r:1, the committee account), `IdentityRegistry::RoleCommittees` (r:1 w:1),
	/// `IdentityRegistry::Identities` (r:2 w:2, previous and new committee account)
	fn set_committee(s: u32) -> Weight {
		Weight::from_parts(40_000_000, 5_000)
			.saturating_add(Weight::from_parts(9_000_000, 2_600).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(4, 3))
			.saturating_add(T::DbWeight::get().reads(3_u64.saturating_mul(s.into())))
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
		Weight::from_parts(11_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn register_identity() -> Weight {
		Weight::from_parts(18_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn renew_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn revoke_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_roles() -> Weight {
		Weight::from_parts(13_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn register_pending_identity() -> Weight {
		Weight::from_parts(18_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn approve_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn update_identity() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn sanction_account() -> Weight {
		Weight::from_parts(17_000_000, 4_500)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 1))
	}
	fn unsanction_account() -> Weight {
		Weight::from_parts(12_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn block_jurisdiction() -> Weight {
		Weight::from_parts(12_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn unblock_jurisdiction() -> Weight {
		Weight::from_parts(12_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_sanctions_list_root() -> Weight {
		Weight::from_parts(11_000_000, 1_600)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_committee(s: u32) -> Weight {
		Weight::from_parts(40_000_000, 5_000)
			.saturating_add(Weight::from_parts(9_000_000, 2_600).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 3))
			.saturating_add(RocksDbWeight::get().reads(3_u64.saturating_mul(s.into())))
	}
}
