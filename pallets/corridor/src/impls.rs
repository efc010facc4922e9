//! The corridor rules as the payment pallets see them.

use crate::pallet::*;
use frame_support::pallet_prelude::{DispatchError, DispatchResult};
use sp_runtime::traits::Saturating;
use tokenize_primitives::{CorridorUse, CorridorValidator};

/// Cost for the caller's weight: four `Compliance` look-ups (each party's
/// jurisdiction and whether it is blocked), one read each of the corridor, its
/// volume slot and the wall clock; `record` also writes the volume slot.
impl<T: Config> CorridorValidator<T::AccountId, T::AssetId, T::Balance> for Pallet<T> {
	fn validate(
		from: &T::AccountId,
		to: &T::AccountId,
		asset: &T::AssetId,
		amount: T::Balance,
	) -> DispatchResult {
		Self::admit_payment(from, to, asset, amount).map(|_| ())
	}

	fn record(
		from: &T::AccountId,
		to: &T::AccountId,
		asset: &T::AssetId,
		amount: T::Balance,
	) -> Result<CorridorUse, DispatchError> {
		let admitted = Self::admit_payment(from, to, asset, amount)?;
		// Counted silently: the payment pallet already emits one event per
		// payment naming the parties, asset and amount, from which the corridor
		// volume follows; a second event per payment would double the event load
		// of the rail's hottest path and tell an auditor nothing new. The day's
		// figures are readable at any block through `corridor_status`.
		DailyVolume::<T>::insert(admitted.source, admitted.destination, admitted.counted);
		Ok(CorridorUse { source: admitted.source, destination: admitted.destination, day: admitted.counted.day })
	}

	/// A refund frees room under today's limit; a payment counted on an
	/// earlier day freed its room when that day ended.
	fn give_back(used: &CorridorUse, amount: T::Balance) {
		let mut slot = DailyVolume::<T>::get(used.source, used.destination);
		if slot.day == used.day {
			slot.volume = slot.volume.saturating_sub(amount);
			DailyVolume::<T>::insert(used.source, used.destination, slot);
		}
	}
}
