//! The corridor rules as the payment pallets see them.

use crate::pallet::*;
use frame_support::pallet_prelude::DispatchResult;
use tokenize_primitives::CorridorValidator;

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
	) -> DispatchResult {
		let admitted = Self::admit_payment(from, to, asset, amount)?;
		// Counted silently: the payment pallet already emits one event per
		// payment naming the parties, asset and amount, from which the corridor
		// volume follows; a second event per payment would double the event load
		// of the rail's hottest path and tell an auditor nothing new. The day's
		// figures are readable at any block through `corridor_status`.
		DailyVolume::<T>::insert(admitted.source, admitted.destination, admitted.counted);
		Ok(())
	}
}
