//! Admission, removal and the per-session eligibility sweep.

use crate::pallet::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::Perbill;
use tokenize_primitives::{Compliance, Role};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
		Self::ensure_eligible(&who)?;
		let mut set = Validators::<T>::get();
		ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
		set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
		Self::ensure_seat_shares(&set)?;
		Self::queue(set);
		Self::deposit_event(Event::ValidatorAdded { who });
		Ok(())
	}

	pub(crate) fn do_remove_validator(who: T::AccountId) -> DispatchResult {
		let mut set = Validators::<T>::get();
		let position = set.iter().position(|v| v == &who).ok_or(Error::<T>::NotAValidator)?;
		set.remove(position);
		ensure!(set.len() as u32 >= MinimumValidators::<T>::get(), Error::<T>::TooFewValidators);
		Self::ensure_seat_shares(&set)?;
		Self::queue(set);
		Self::deposit_event(Event::ValidatorRemoved { who });
		Ok(())
	}

	/// Called by pallet-session when planning `session`: drops lapsed
	/// validators (unless the minimum forbids it) and returns the set when it
	/// changed.
	pub(crate) fn plan_session(session: u32) -> Option<Vec<T::AccountId>> {
		let set = Validators::<T>::get();
		let (eligible, lapsed): (Vec<_>, Vec<_>) =
			set.iter().cloned().partition(|v| T::Compliance::has_role(v, Role::Bank));
		if !lapsed.is_empty() {
			if eligible.len() as u32 >= MinimumValidators::<T>::get() {
				Self::queue(BoundedVec::truncate_from(eligible));
				lapsed.into_iter().for_each(|who| Self::deposit_event(Event::ValidatorLapsed { who }));
			} else {
				lapsed
					.into_iter()
					.for_each(|who| Self::deposit_event(Event::IneligibleValidatorRetained { who }));
			}
		}
		if !ChangePending::<T>::take() {
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		Self::deposit_event(Event::NewSetQueued { session, validators: validators.clone() });
		Some(validators)
	}

	pub(crate) fn build_genesis(validators: &[T::AccountId], minimum: u32) -> Result<(), Error<T>> {
		// An empty configuration leaves the set to pallet-session's own keys.
		if validators.is_empty() && minimum == 0 {
			return Ok(());
		}
		ensure!(minimum >= 1, Error::<T>::TooFewValidators);
		MinimumValidators::<T>::put(minimum);
		let mut set = BoundedVec::<T::AccountId, T::MaxValidators>::default();
		for who in validators {
			Self::ensure_eligible(who)?;
			ensure!(!set.contains(who), Error::<T>::AlreadyValidator);
			set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
		}
		ensure!(set.len() as u32 >= MinimumValidators::<T>::get(), Error::<T>::TooFewValidators);
		Self::ensure_seat_shares(&set).map_err(|_| Error::<T>::SeatShareExceeded)?;
		Validators::<T>::put(set);
		Ok(())
	}

	fn ensure_eligible(who: &T::AccountId) -> Result<(), Error<T>> {
		ensure!(T::Compliance::is_verified(who), Error::<T>::IdentityNotVerified);
		ensure!(T::Compliance::has_role(who, Role::Bank), Error::<T>::NotABank);
		Ok(())
	}

	/// No legal entity may hold more than `MaxSeatShare` of `set`. One seat is
	/// always allowed: in a set smaller than 1/share every member exceeds the
	/// share with its single seat, and that is no concentration.
	fn ensure_seat_shares(set: &[T::AccountId]) -> DispatchResult {
		let total = set.len() as u32;
		let cap = T::MaxSeatShare::get();
		for who in set {
			let seats = set.iter().filter(|other| T::Compliance::same_legal_entity(who, other)).count() as u32;
			ensure!(seats <= 1 || Perbill::from_rational(seats, total) <= cap, Error::<T>::SeatShareExceeded);
		}
		Ok(())
	}

	fn queue(set: BoundedVec<T::AccountId, T::MaxValidators>) {
		Validators::<T>::put(set);
		ChangePending::<T>::put(true);
	}
}
