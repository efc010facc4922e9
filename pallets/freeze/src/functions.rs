//! The logic behind each call and each trait answer; `lib.rs` only checks
//! origins and delegates here.
//!
//! Every function validates everything before its first write, so even when
//! called from outside a dispatchable a refusal leaves storage untouched. The
//! one exception is `do_confiscate`, whose final move can only be tried after
//! the entry is closed; it runs inside a dispatchable, which rolls back whole.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{fungibles::Inspect, UnixTime},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero};
use tokenize_primitives::{
	ComplianceTransfer, DepositTokens, FreezeReason, FreezeSummary, PaymentEscrow, RedemptionLocks,
};

impl<T: Config> Pallet<T> {
	/// Current Unix time in seconds.
	pub fn now() -> u64 {
		T::TimeProvider::now().as_secs()
	}

	/// The active entry `entry_id`.
	pub fn active_entry(entry_id: EntryId) -> Result<EntryOf<T>, Error<T>> {
		Entries::<T>::get(entry_id).ok_or(Error::<T>::UnknownEntry)
	}

	/// Whether every holding of `who` is frozen.
	pub fn address_frozen(who: &T::AccountId) -> bool {
		FrozenAddresses::<T>::contains_key(who)
	}

	/// What counts as frozen of `who`'s `asset` for people reading it (the
	/// runtime API, compliant-assets): the entries' total, or the whole holding
	/// when the address is frozen.
	pub fn frozen_of(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		let total = FrozenTotals::<T>::get(asset, who);
		if Self::address_frozen(who) {
			T::Assets::balance(*asset, who).max(total)
		} else {
			total
		}
	}

	pub(crate) fn do_freeze(
		source: T::AccountId,
		asset: T::AssetId,
		holder: T::AccountId,
		amount: T::Balance,
		reason: FreezeReason,
		reference: Vec<u8>,
	) -> Result<EntryId, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let reference = Self::bounded_reference(reference)?;
		let mut ids = HoldingEntries::<T>::get(asset, &holder);
		let new_total =
			FrozenTotals::<T>::get(asset, &holder).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let freezable = T::Assets::balance(asset, &holder)
			.saturating_sub(T::DepositTokens::uncleared(&asset, &holder))
			.saturating_sub(T::PaymentEscrow::escrowed(&asset, &holder))
			.saturating_sub(T::RedemptionLocks::locked(&asset, &holder));
		ensure!(freezable >= new_total, Error::<T>::InsufficientUnfrozenBalance);
		let entry_id = NextEntryId::<T>::get();
		let next_id = entry_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let asset_count =
			ActiveEntryCount::<T>::get(asset).checked_add(1).ok_or(Error::<T>::Overflow)?;
		ids.try_push(entry_id).map_err(|_| Error::<T>::TooManyEntries)?;

		let at = Self::now();
		let entry = FreezeEntry {
			asset,
			holder: holder.clone(),
			amount,
			source: source.clone(),
			reason,
			reference: reference.clone(),
			at,
		};
		Entries::<T>::insert(entry_id, entry);
		NextEntryId::<T>::put(next_id);
		HoldingEntries::<T>::insert(asset, &holder, ids);
		FrozenTotals::<T>::insert(asset, &holder, new_total);
		ActiveEntryCount::<T>::insert(asset, asset_count);
		Self::deposit_event(Event::Frozen {
			entry_id,
			asset,
			holder,
			amount,
			source,
			reason,
			reference,
			at,
		});
		Ok(entry_id)
	}

	pub(crate) fn do_unfreeze(
		entry_id: EntryId,
		entry: EntryOf<T>,
		by: T::AccountId,
	) -> DispatchResult {
		Self::close_entry(entry_id, &entry)?;
		Self::deposit_event(Event::Unfrozen {
			entry_id,
			asset: entry.asset,
			holder: entry.holder,
			amount: entry.amount,
			by,
		});
		Ok(())
	}

	/// Returns what the move's holding observers charged.
	pub(crate) fn do_confiscate(
		entry_id: EntryId,
		entry: EntryOf<T>,
		to: T::AccountId,
		by: T::AccountId,
	) -> Result<Weight, DispatchError> {
		let FreezeEntry { asset, holder, amount, .. } = entry.clone();
		ensure!(to != holder, Error::<T>::ConfiscationToHolder);
		// pallet-assets would refuse the move anyway; say why in our own words.
		ensure!(!Self::address_frozen(&holder), Error::<T>::HolderAddressFrozen);
		ensure!(T::Assets::balance(asset, &holder) >= amount, Error::<T>::InsufficientBalance);
		// Close first: while the entry is active pallet-assets refuses to move
		// its amount. If the move then fails, the dispatch is rolled back whole.
		Self::close_entry(entry_id, &entry)?;
		let observed = T::Transfer::force_move(&asset, &holder, &to, amount)?;
		Self::deposit_event(Event::Confiscated { entry_id, asset, holder, to, amount, by });
		Ok(observed)
	}

	/// Also the way the runtime adopts the circuit breaker's v1 address
	/// freezes (its storage migration to v2).
	pub fn do_freeze_address(
		by: T::AccountId,
		who: T::AccountId,
		reason: FreezeReason,
		reference: Vec<u8>,
	) -> DispatchResult {
		ensure!(!Self::address_frozen(&who), Error::<T>::AddressAlreadyFrozen);
		let reference = Self::bounded_reference(reference)?;
		let count = FrozenAddressCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		let at = Self::now();
		FrozenAddresses::<T>::insert(
			&who,
			AddressFreeze { source: by.clone(), reason, reference: reference.clone(), at },
		);
		FrozenAddressCount::<T>::put(count);
		Self::deposit_event(Event::AddressFrozen { who, reason, reference, by, at });
		Ok(())
	}

	pub(crate) fn do_unfreeze_address(by: T::AccountId, who: T::AccountId) -> DispatchResult {
		ensure!(FrozenAddresses::<T>::take(&who).is_some(), Error::<T>::AddressNotFrozen);
		FrozenAddressCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		Self::deposit_event(Event::AddressUnfrozen { who, by });
		Ok(())
	}

	/// Wallet recovery: every active entry of (`asset`, `from`) now freezes
	/// (`asset`, `to`); the totals merge. Refused while `from`'s address is
	/// frozen, since its funds could not follow (the officer decides first).
	pub(crate) fn do_move_freezes(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
	) -> DispatchResult {
		if from == to {
			return Ok(());
		}
		ensure!(!Self::address_frozen(from), Error::<T>::HolderAddressFrozen);
		let moving = HoldingEntries::<T>::get(asset, from);
		if moving.is_empty() {
			return Ok(());
		}
		// Keep the list ordered by id (= age) so releases stay newest-first.
		let mut merged = HoldingEntries::<T>::get(asset, to).into_inner();
		merged.extend(moving.iter().copied());
		merged.sort_unstable();
		let merged: BoundedVec<_, _> =
			merged.try_into().map_err(|_| Error::<T>::TooManyEntries)?;
		let amount = FrozenTotals::<T>::get(asset, from);
		let to_total =
			FrozenTotals::<T>::get(asset, to).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let mut entries = Vec::with_capacity(moving.len());
		for entry_id in moving.iter() {
			let mut entry = Self::indexed_entry(*entry_id)?;
			entry.holder = to.clone();
			entries.push((*entry_id, entry));
		}

		for (entry_id, entry) in entries {
			Entries::<T>::insert(entry_id, entry);
		}
		HoldingEntries::<T>::remove(asset, from);
		HoldingEntries::<T>::insert(asset, to, merged);
		FrozenTotals::<T>::remove(asset, from);
		FrozenTotals::<T>::insert(asset, to, to_total);
		Self::deposit_event(Event::FreezesMoved {
			asset: *asset,
			from: from.clone(),
			to: to.clone(),
			entries: u32::try_from(moving.len()).unwrap_or(u32::MAX),
			amount,
		});
		Ok(())
	}

	/// Releases up to `amount` of `who`'s frozen `asset` for a forced transfer,
	/// newest entry first; the last entry touched may be reduced rather than
	/// closed. Returns what was released.
	pub(crate) fn do_release_for_forced_transfer(
		asset: &T::AssetId,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<T::Balance, DispatchError> {
		ensure!(!Self::address_frozen(who), Error::<T>::HolderAddressFrozen);
		let mut ids = HoldingEntries::<T>::get(asset, who);
		let mut wanted = amount;
		let mut touched = Vec::new();
		for entry_id in ids.iter().rev() {
			if wanted.is_zero() {
				break;
			}
			let mut entry = Self::indexed_entry(*entry_id)?;
			let released = entry.amount.min(wanted);
			entry.amount = entry.amount.saturating_sub(released);
			wanted = wanted.saturating_sub(released);
			touched.push((*entry_id, entry, released));
		}
		let released_total = amount.saturating_sub(wanted);
		if released_total.is_zero() {
			return Ok(released_total);
		}
		let closed = touched.iter().filter(|(_, entry, _)| entry.amount.is_zero()).count();
		let new_total = FrozenTotals::<T>::get(asset, who)
			.checked_sub(&released_total)
			.ok_or(Error::<T>::TotalsMismatch)?;

		// Closed entries are the newest ones: the tail of the list.
		ids.truncate(ids.len().saturating_sub(closed));
		for (entry_id, entry, released) in touched {
			let remaining = entry.amount;
			if remaining.is_zero() {
				Entries::<T>::remove(entry_id);
			} else {
				Entries::<T>::insert(entry_id, entry);
			}
			Self::deposit_event(Event::ReleasedForForcedTransfer {
				entry_id,
				asset: *asset,
				holder: who.clone(),
				released,
				remaining,
			});
		}
		Self::store_holding(asset, who, ids, new_total);
		Self::forget_entries(asset, u32::try_from(closed).unwrap_or(u32::MAX));
		Ok(released_total)
	}

	/// The frozen part of one holding with its active entries.
	pub(crate) fn holding_summary(
		asset: &T::AssetId,
		who: &T::AccountId,
	) -> FreezeSummary<T::Balance> {
		let entries = HoldingEntries::<T>::get(asset, who)
			.into_iter()
			.filter_map(|id| Entries::<T>::get(id).map(|entry| (id, entry.amount, entry.reason)))
			.collect();
		FreezeSummary {
			total_frozen: Self::frozen_of(asset, who),
			address_frozen: Self::address_frozen(who),
			entries,
		}
	}

	/// Removes an active entry and takes its amount off the holding's total.
	fn close_entry(entry_id: EntryId, entry: &EntryOf<T>) -> DispatchResult {
		let new_total = FrozenTotals::<T>::get(entry.asset, &entry.holder)
			.checked_sub(&entry.amount)
			.ok_or(Error::<T>::TotalsMismatch)?;
		let mut ids = HoldingEntries::<T>::get(entry.asset, &entry.holder);
		ids.retain(|id| *id != entry_id);
		Entries::<T>::remove(entry_id);
		Self::store_holding(&entry.asset, &entry.holder, ids, new_total);
		Self::forget_entries(&entry.asset, 1);
		Ok(())
	}

	/// Writes a holding's entry list and total, dropping both keys when empty.
	fn store_holding(
		asset: &T::AssetId,
		who: &T::AccountId,
		ids: BoundedVec<EntryId, T::MaxEntriesPerHolding>,
		total: T::Balance,
	) {
		if ids.is_empty() {
			HoldingEntries::<T>::remove(asset, who);
		} else {
			HoldingEntries::<T>::insert(asset, who, ids);
		}
		if total.is_zero() {
			FrozenTotals::<T>::remove(asset, who);
		} else {
			FrozenTotals::<T>::insert(asset, who, total);
		}
	}

	/// Lowers the asset's count of active entries by `closed`.
	fn forget_entries(asset: &T::AssetId, closed: u32) {
		ActiveEntryCount::<T>::mutate_exists(asset, |count| {
			let left = count.unwrap_or_default().saturating_sub(closed);
			*count = (left > 0).then_some(left);
		});
	}

	/// An entry a holding's list points at; missing means the index is corrupt.
	fn indexed_entry(entry_id: EntryId) -> Result<EntryOf<T>, Error<T>> {
		Entries::<T>::get(entry_id).ok_or(Error::<T>::TotalsMismatch)
	}

	fn bounded_reference(
		reference: Vec<u8>,
	) -> Result<Reference<T::MaxReferenceLen>, Error<T>> {
		reference.try_into().map_err(|_| Error::<T>::ReferenceTooLong)
	}

	// ---- invariants ---------------------------------------------------------

	/// Every cache agrees with the entries it summarises: each entry is
	/// listed once under its own holding and holds a non-zero amount, each
	/// listed id is an entry of that holding, each holding's frozen total is
	/// the sum of its entries (absent when zero), each asset's active-entry
	/// count their number, and the frozen-address count the number of frozen
	/// addresses. Run by the `try_state` hook and by the tests.
	pub fn do_try_state() -> Result<(), &'static str> {
		use alloc::collections::btree_map::BTreeMap;
		let mut totals: BTreeMap<(T::AssetId, T::AccountId), T::Balance> = BTreeMap::new();
		let mut counts: BTreeMap<T::AssetId, u32> = BTreeMap::new();
		for (id, entry) in Entries::<T>::iter() {
			ensure!(!entry.amount.is_zero(), "an empty entry is kept");
			let listed = HoldingEntries::<T>::get(entry.asset, &entry.holder);
			ensure!(listed.iter().filter(|i| **i == id).count() == 1, "entry not listed once under its holding");
			let total = totals.entry((entry.asset, entry.holder.clone())).or_insert_with(Zero::zero);
			*total = total.checked_add(&entry.amount).ok_or("frozen total overflows")?;
			let count = counts.entry(entry.asset).or_insert(0);
			*count = count.saturating_add(1);
		}
		for (asset, holder, ids) in HoldingEntries::<T>::iter() {
			for id in ids.iter() {
				let entry = Entries::<T>::get(id).ok_or("listed entry does not exist")?;
				ensure!(entry.asset == asset && entry.holder == holder, "entry listed under another holding");
			}
		}
		for (asset, holder, total) in FrozenTotals::<T>::iter() {
			ensure!(totals.remove(&(asset, holder)) == Some(total), "frozen total differs from its entries");
		}
		ensure!(totals.is_empty(), "entries without a frozen total");
		for (asset, count) in ActiveEntryCount::<T>::iter() {
			ensure!(counts.remove(&asset) == Some(count), "active-entry count differs from the entries");
		}
		ensure!(counts.is_empty(), "entries without an active-entry count");
		let frozen_addresses = FrozenAddresses::<T>::iter_keys().count();
		ensure!(FrozenAddressCount::<T>::get() as usize == frozen_addresses, "frozen-address count drifted");
		Ok(())
	}
}
