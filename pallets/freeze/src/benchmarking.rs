//! Benchmarks for the freeze pallet (frame-benchmarking v2).
//!
//! Worst case everywhere: the holding carries a full list of
//! `MaxEntriesPerHolding` entries (the list is decoded, scanned and re-encoded)
//! and every reference is `MaxReferenceLen` bytes long.

use super::*;
use crate::pallet::{Entries, FrozenAddresses, HoldingEntries, NextEntryId};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg, Get};
use sp_runtime::traits::Saturating;
use tokenize_primitives::FreezeReason;

/// What each benchmark entry freezes.
fn unit<T: Config>() -> T::Balance {
	1_000u32.into()
}

fn longest_reference<T: Config>() -> Vec<u8> {
	vec![b'R'; T::MaxReferenceLen::get() as usize]
}

/// A holder funded for a full list of entries, already carrying `entries`.
fn holding_with<T: Config>(asset: T::AssetId, entries: u32) -> Result<T::AccountId, BenchmarkError> {
	let holder: T::AccountId = account("holder", 0, 0);
	let slots = T::MaxEntriesPerHolding::get().saturating_add(1);
	T::BenchmarkHelper::fund(&asset, &holder, unit::<T>().saturating_mul(slots.into()));
	let source: T::AccountId = account("agent", 0, 0);
	for _ in 0..entries {
		Pallet::<T>::do_freeze(
			source.clone(),
			asset,
			holder.clone(),
			unit::<T>(),
			FreezeReason::CourtOrder,
			longest_reference::<T>(),
		)
		.map_err(|_| BenchmarkError::Stop("could not place the setup entries"))?;
	}
	Ok(holder)
}

/// A holding with a full list of entries, and the newest entry's id.
fn full_holding<T: Config>() -> Result<(T::AssetId, T::AccountId, EntryId), BenchmarkError> {
	let asset = T::BenchmarkHelper::asset();
	let holder = holding_with::<T>(asset, T::MaxEntriesPerHolding::get())?;
	Ok((asset, holder, NextEntryId::<T>::get().saturating_sub(1)))
}

/// The entry is gone and its holding's list is one shorter than full.
fn assert_closed<T: Config>(asset: T::AssetId, holder: &T::AccountId, entry_id: EntryId) {
	assert!(!Entries::<T>::contains_key(entry_id));
	let left = T::MaxEntriesPerHolding::get().saturating_sub(1) as usize;
	assert_eq!(HoldingEntries::<T>::get(asset, holder).len(), left);
}

/// The compliance officer's origin and the address it acts on.
fn officer_and_address<T: Config>() -> Result<(T::RuntimeOrigin, T::AccountId), BenchmarkError> {
	let origin =
		T::AddressFreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	Ok((origin, account("holder", 0, 0)))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let asset = T::BenchmarkHelper::asset();
		let origin =
			T::FreezeOrigin::try_successful_origin(&asset).map_err(|_| BenchmarkError::Weightless)?;
		let max = T::MaxEntriesPerHolding::get();
		let holder = holding_with::<T>(asset, max.saturating_sub(1))?;
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			asset,
			holder.clone(),
			unit::<T>(),
			FreezeReason::CourtOrder,
			longest_reference::<T>(),
		);
		assert_eq!(HoldingEntries::<T>::get(asset, &holder).len(), max as usize);
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let (asset, holder, entry_id) = full_holding::<T>()?;
		let origin =
			T::FreezeOrigin::try_successful_origin(&asset).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, entry_id);
		assert_closed::<T>(asset, &holder, entry_id);
		Ok(())
	}

	#[benchmark]
	fn confiscate() -> Result<(), BenchmarkError> {
		let (asset, holder, entry_id) = full_holding::<T>()?;
		let origin = T::ConfiscateOrigin::try_successful_origin(&asset)
			.map_err(|_| BenchmarkError::Weightless)?;
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		T::BenchmarkHelper::fund(&asset, &beneficiary, unit::<T>());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, entry_id, beneficiary);
		assert_closed::<T>(asset, &holder, entry_id);
		Ok(())
	}

	#[benchmark]
	fn freeze_address() -> Result<(), BenchmarkError> {
		let (origin, who) = officer_and_address::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), FreezeReason::SanctionsMatch, longest_reference::<T>());
		assert!(FrozenAddresses::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn unfreeze_address() -> Result<(), BenchmarkError> {
		let (origin, who) = officer_and_address::<T>()?;
		Pallet::<T>::do_freeze_address(
			account("officer", 0, 0),
			who.clone(),
			FreezeReason::SanctionsMatch,
			longest_reference::<T>(),
		)
		.map_err(|_| BenchmarkError::Stop("could not freeze the setup address"))?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!FrozenAddresses::<T>::contains_key(&who));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
