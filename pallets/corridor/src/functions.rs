//! The logic behind each call and the payment check; `lib.rs` only checks
//! origins and delegates here.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{BoundedVec, DispatchError, DispatchResult},
	traits::UnixTime,
};
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};
use tokenize_primitives::{Compliance, Jurisdiction};

/// A payment that passed every corridor rule, with the volume its corridor
/// will have moved today once the payment is counted.
pub(crate) struct AdmittedPayment<Balance> {
	pub source: Jurisdiction,
	pub destination: Jurisdiction,
	pub counted: DayVolume<Balance>,
}

impl<T: Config> Pallet<T> {
	/// The current UTC day (Unix seconds / 86 400).
	pub fn today() -> Day {
		T::TimeProvider::now().as_secs().saturating_div(SECONDS_PER_DAY)
	}

	/// Everything a client needs to know about a corridor now; `None` when no
	/// corridor runs from `source` to `destination`.
	pub fn corridor_status(
		source: Jurisdiction,
		destination: Jurisdiction,
	) -> Option<CorridorStatus<T::AssetId, T::Balance>> {
		let corridor = Corridors::<T>::get(source, destination)?;
		let day = Self::today();
		let used_today = DailyVolume::<T>::get(source, destination).on(day);
		let remaining_today = corridor.params.daily_limit.saturating_sub(used_today);
		let jurisdiction_blocked = Self::either_jurisdiction_blocked(source, destination);
		let usable = corridor.active && corridor.blocked.is_none() && !jurisdiction_blocked;
		Some(CorridorStatus {
			corridor: corridor.into_info(),
			day,
			used_today,
			remaining_today,
			jurisdiction_blocked,
			usable,
		})
	}

	pub(crate) fn do_add_corridor(
		by: T::AccountId,
		source: Jurisdiction,
		destination: Jurisdiction,
		params: ParamsInput<T>,
	) -> DispatchResult {
		let params = Self::insert_new_corridor(source, destination, params)?;
		Self::deposit_event(Event::CorridorAdded { source, destination, params, by });
		Ok(())
	}

	/// A genesis corridor: the checks of `add_corridor`, no event.
	pub(crate) fn build_genesis_corridor(
		source: Jurisdiction,
		destination: Jurisdiction,
		params: ParamsInput<T>,
	) -> Result<(), Error<T>> {
		Self::insert_new_corridor(source, destination, params).map(|_| ())
	}

	/// An active corridor with checked limits, where none runs yet.
	fn insert_new_corridor(
		source: Jurisdiction,
		destination: Jurisdiction,
		params: ParamsInput<T>,
	) -> Result<ParamsOf<T>, Error<T>> {
		ensure!(
			source.is_well_formed() && destination.is_well_formed(),
			Error::<T>::MalformedJurisdiction
		);
		ensure!(!Corridors::<T>::contains_key(source, destination), Error::<T>::CorridorExists);
		let params = Self::checked_params(params)?;
		let corridor = Corridor { active: true, blocked: None, params: params.clone() };
		Corridors::<T>::insert(source, destination, corridor);
		Ok(params)
	}

	pub(crate) fn do_update_corridor(
		by: T::AccountId,
		source: Jurisdiction,
		destination: Jurisdiction,
		params: ParamsInput<T>,
	) -> DispatchResult {
		let params = Self::checked_params(params)?;
		Self::mutate_corridor(source, destination, |corridor| {
			corridor.params = params.clone();
			Ok(())
		})?;
		Self::deposit_event(Event::CorridorUpdated { source, destination, params, by });
		Ok(())
	}

	pub(crate) fn do_set_corridor_active(
		by: T::AccountId,
		source: Jurisdiction,
		destination: Jurisdiction,
		active: bool,
	) -> DispatchResult {
		Self::mutate_corridor(source, destination, |corridor| {
			// A no-op would leave an event claiming a decision that changed nothing.
			let unchanged = if active { Error::<T>::AlreadyActive } else { Error::<T>::AlreadyInactive };
			ensure!(corridor.active != active, unchanged);
			corridor.active = active;
			Ok(())
		})?;
		Self::deposit_event(if active {
			Event::CorridorActivated { source, destination, by }
		} else {
			Event::CorridorDeactivated { source, destination, by }
		});
		Ok(())
	}

	pub(crate) fn do_block_corridor(
		by: T::AccountId,
		source: Jurisdiction,
		destination: Jurisdiction,
		reason: Vec<u8>,
	) -> DispatchResult {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let reason: ReasonOf<T> = reason.try_into().map_err(|_| Error::<T>::ReasonTooLong)?;
		Self::mutate_corridor(source, destination, |corridor| {
			corridor.blocked = Some(reason.clone());
			Ok(())
		})?;
		Self::deposit_event(Event::CorridorBlocked { source, destination, reason, by });
		Ok(())
	}

	pub(crate) fn do_unblock_corridor(
		by: T::AccountId,
		source: Jurisdiction,
		destination: Jurisdiction,
	) -> DispatchResult {
		Self::mutate_corridor(source, destination, |corridor| {
			ensure!(corridor.blocked.take().is_some(), Error::<T>::CorridorNotBlocked);
			Ok(())
		})?;
		Self::deposit_event(Event::CorridorUnblocked { source, destination, by });
		Ok(())
	}

	pub(crate) fn do_remove_corridor(
		by: T::AccountId,
		source: Jurisdiction,
		destination: Jurisdiction,
	) -> DispatchResult {
		let corridor = Corridors::<T>::get(source, destination).ok_or(Error::<T>::UnknownCorridor)?;
		ensure!(corridor.blocked.is_none(), Error::<T>::CorridorBlocked);
		Corridors::<T>::remove(source, destination);
		DailyVolume::<T>::remove(source, destination);
		Self::deposit_event(Event::CorridorRemoved { source, destination, by });
		Ok(())
	}

	/// Every corridor rule a payment of `amount` of `asset` from `from` to `to`
	/// must pass, in the order the errors are documented; nothing is written.
	pub(crate) fn admit_payment(
		from: &T::AccountId,
		to: &T::AccountId,
		asset: &T::AssetId,
		amount: T::Balance,
	) -> Result<AdmittedPayment<T::Balance>, DispatchError> {
		let source = T::Compliance::jurisdiction(from).ok_or(Error::<T>::SenderUnregistered)?;
		let destination = T::Compliance::jurisdiction(to).ok_or(Error::<T>::ReceiverUnregistered)?;
		ensure!(
			!Self::either_jurisdiction_blocked(source, destination),
			Error::<T>::JurisdictionBlocked
		);
		let corridor = Corridors::<T>::get(source, destination).ok_or(Error::<T>::UnknownCorridor)?;
		ensure!(corridor.active, Error::<T>::CorridorInactive);
		ensure!(corridor.blocked.is_none(), Error::<T>::CorridorBlocked);
		let params = corridor.params;
		ensure!(params.settlement_assets.contains(asset), Error::<T>::AssetNotSettled);
		ensure!(amount >= params.min_amount, Error::<T>::BelowMinimum);
		ensure!(amount <= params.max_amount, Error::<T>::AboveMaximum);
		let day = Self::today();
		// An overflowing sum is necessarily above the limit: same refusal.
		let volume = DailyVolume::<T>::get(source, destination)
			.on(day)
			.checked_add(&amount)
			.filter(|volume| *volume <= params.daily_limit)
			.ok_or(Error::<T>::DailyLimitExceeded)?;
		Ok(AdmittedPayment { source, destination, counted: DayVolume { day, volume } })
	}

	fn either_jurisdiction_blocked(source: Jurisdiction, destination: Jurisdiction) -> bool {
		T::Compliance::is_jurisdiction_blocked(&source) ||
			T::Compliance::is_jurisdiction_blocked(&destination)
	}

	/// Applies `change` to an existing corridor; nothing is written if it fails.
	fn mutate_corridor(
		source: Jurisdiction,
		destination: Jurisdiction,
		change: impl FnOnce(&mut CorridorOf<T>) -> DispatchResult,
	) -> DispatchResult {
		Corridors::<T>::try_mutate(source, destination, |maybe| {
			change(maybe.as_mut().ok_or(Error::<T>::UnknownCorridor)?)
		})
	}

	/// Limits that make sense together: `0 < min <= max <= daily limit`, and a
	/// non-empty, bounded list of distinct settlement assets.
	fn checked_params(params: ParamsInput<T>) -> Result<ParamsOf<T>, Error<T>> {
		let CorridorParams { min_amount, max_amount, daily_limit, settlement_assets } = params;
		ensure!(!min_amount.is_zero(), Error::<T>::ZeroMinimum);
		ensure!(min_amount <= max_amount, Error::<T>::MinimumAboveMaximum);
		ensure!(max_amount <= daily_limit, Error::<T>::MaximumAboveDailyLimit);
		ensure!(!settlement_assets.is_empty(), Error::<T>::NoSettlementAssets);
		// Bound first, so the duplicate check below works on at most the maximum.
		let settlement_assets: BoundedVec<_, _> =
			settlement_assets.try_into().map_err(|_| Error::<T>::TooManySettlementAssets)?;
		ensure!(all_distinct(&settlement_assets), Error::<T>::DuplicateSettlementAsset);
		Ok(CorridorParams { min_amount, max_amount, daily_limit, settlement_assets })
	}
}

fn all_distinct<A: Ord + Clone>(items: &[A]) -> bool {
	let mut sorted = items.to_vec();
	sorted.sort_unstable();
	sorted.dedup();
	sorted.len() == items.len()
}
