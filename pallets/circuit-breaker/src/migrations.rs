//! Storage migrations of the circuit breaker.

use crate::pallet::*;
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::*,
	storage::{storage_prefix, unhashed},
	traits::{GetStorageVersion, OnRuntimeUpgrade, PalletInfoAccess, StorageVersion},
	weights::Weight,
};

/// Where a v1 breaker address freeze goes: the runtime re-issues it as an
/// address freeze of the freeze pallet, keeping who froze the address and
/// why. Returns the weight it used.
pub trait AdoptAddressFreeze<AccountId> {
	fn adopt(who: &AccountId, by: &AccountId, reason: &[u8]) -> Weight;
}

/// The v1 layout this migration reads.
pub(crate) mod v1 {
	use super::*;

	#[frame_support::storage_alias]
	pub type FrozenAddresses<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		StopRecordOf<T>,
		OptionQuery,
	>;
}

/// v1 → v2: address freezes left the breaker for the freeze pallet, and
/// throttles are keyed by operation kind *and asset*.
///
/// - Every v1 breaker address freeze is handed to `Adopt` (so no frozen
///   address is silently released) and removed.
/// - v1 throttles (limits, counters and the trip list, keyed by kind only)
///   cannot be mapped to an asset: they are removed, and the log says how
///   many, so that governance sets them again per asset.
///
/// Runs once: it does nothing unless the stored version is 1.
pub struct MigrateToV2<T, Adopt>(PhantomData<(T, Adopt)>);

impl<T: Config, Adopt: AdoptAddressFreeze<T::AccountId>> OnRuntimeUpgrade for MigrateToV2<T, Adopt> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != StorageVersion::new(1) {
			return db.reads(1);
		}
		let mut weight = db.reads_writes(1, 1);
		let mut adopted = 0u32;
		for (who, stop) in v1::FrozenAddresses::<T>::drain() {
			weight = weight.saturating_add(db.reads_writes(1, 1));
			weight = weight.saturating_add(Adopt::adopt(&who, &stop.by, &stop.reason));
			adopted = adopted.saturating_add(1);
		}
		let pallet = <Pallet<T> as PalletInfoAccess>::name().as_bytes();
		let mut cleared = 0u32;
		for item in [&b"Throttles"[..], b"ThrottleStates", b"TrippedThrottles"] {
			let removed = unhashed::clear_prefix(&storage_prefix(pallet, item), None, None).unique;
			cleared = cleared.saturating_add(removed);
		}
		weight = weight.saturating_add(db.writes(u64::from(cleared)));
		StorageVersion::new(2).put::<Pallet<T>>();
		log::info!(
			target: "runtime::circuit-breaker",
			"migrated to v2: {adopted} address freezes handed to the freeze pallet, {cleared} v1 throttle records removed (set throttles again per asset)"
		);
		weight
	}
}
