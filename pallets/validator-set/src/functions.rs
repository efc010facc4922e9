//! Admission, removal and the per-session eligibility sweep.

use crate::{pallet::*, RetentionReason};
use alloc::{
	collections::{BTreeMap, BTreeSet},
	vec::Vec,
};
use frame_support::{ensure, pallet_prelude::*, traits::Contains};
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
		let before = Validators::<T>::get();
		let mut set = before.clone();
		let position = set.iter().position(|v| v == &who).ok_or(Error::<T>::NotAValidator)?;
		set.remove(position);
		let facts = Facts::<T>::of(&before);
		if let Some(reason) = Self::retention_reason(&facts, &who, &before, &set) {
			return Err(Self::refusal(reason).into());
		}
		Self::queue(set);
		Self::deposit_event(Event::ValidatorRemoved { who });
		Ok(())
	}

	/// Called by pallet-session when planning `session`: drops each lapsed
	/// validator whose departure keeps the set within the minimum and the
	/// seat shares, retains (and reports) the others, and returns the set
	/// when it changed.
	pub(crate) fn plan_session(session: u32) -> Option<Vec<T::AccountId>> {
		let mut set = Validators::<T>::get();
		let mut lapsed: Vec<T::AccountId> =
			set.iter().filter(|v| !T::Compliance::has_role(v, Role::Bank)).cloned().collect();
		// One departure can make room for another (a concentrated bank's own
		// lapsed seat), so repeat until nothing more can leave; each round
		// drops at least one, so this ends within `lapsed.len()` rounds.
		let facts = Facts::<T>::of(&set);
		let mut dropped = false;
		loop {
			let leaving = lapsed.iter().position(|who| {
				let remaining = Self::without(&set, who);
				Self::retention_reason(&facts, who, &set, &remaining).is_none()
			});
			let Some(index) = leaving else { break };
			let who = lapsed.swap_remove(index);
			set = Self::without(&set, &who);
			dropped = true;
			Self::deposit_event(Event::ValidatorLapsed { who });
		}
		for who in lapsed {
			let reason = Self::retention_reason(&facts, &who, &set, &Self::without(&set, &who))
				.unwrap_or(RetentionReason::Minimum);
			Self::deposit_event(Event::IneligibleValidatorRetained { who, reason });
		}
		if dropped {
			Self::queue(set);
		}
		if !ChangePending::<T>::take() {
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		Self::deposit_event(Event::NewSetQueued { session, validators: validators.clone() });
		Some(validators)
	}

	/// Why `leaver` must stay when the set would go from `set` to
	/// `remaining`, if it must: the set may not shrink below the minimum, a
	/// validator with session keys may not leave fewer keyed validators than
	/// the minimum (only keyed validators author and vote, so they are what
	/// GRANDPA's 3f+1 counts), and no legal entity may end up above its seat
	/// share with a larger share than before (a departure that only lessens
	/// an existing concentration is allowed).
	fn retention_reason(
		facts: &Facts<T>,
		leaver: &T::AccountId,
		set: &[T::AccountId],
		remaining: &[T::AccountId],
	) -> Option<RetentionReason> {
		let minimum = MinimumValidators::<T>::get();
		let too_few = (remaining.len() as u32) < minimum ||
			(facts.keyed.contains(leaver) && facts.keyed_in(remaining) < minimum);
		if too_few {
			Some(RetentionReason::Minimum)
		} else if facts.concentrates(set, remaining) {
			Some(RetentionReason::SeatShare)
		} else {
			None
		}
	}

	fn refusal(reason: RetentionReason) -> Error<T> {
		match reason {
			RetentionReason::Minimum => Error::<T>::TooFewValidators,
			RetentionReason::SeatShare => Error::<T>::SeatShareExceeded,
		}
	}

	fn without(
		set: &BoundedVec<T::AccountId, T::MaxValidators>,
		who: &T::AccountId,
	) -> BoundedVec<T::AccountId, T::MaxValidators> {
		let mut remaining = set.clone();
		remaining.retain(|v| v != who);
		remaining
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
		let facts = Facts::<T>::of(set);
		for who in set {
			let seats = facts.seats(set, who);
			ensure!(seats <= 1 || Perbill::from_rational(seats, total) <= cap, Error::<T>::SeatShareExceeded);
		}
		Ok(())
	}

	fn queue(set: BoundedVec<T::AccountId, T::MaxValidators>) {
		Validators::<T>::put(set);
		ChangePending::<T>::put(true);
	}
}

/// The legal entity and the session keys of each member of a set, read
/// once: an entity check reads two identity records, and the lapse sweep
/// asks about every pair of members in every round.
pub(crate) struct Facts<T: Config> {
	/// Each member's entity: the first member of the set it shares a legal
	/// entity with (sharing one is an equivalence: same account or same LEI).
	entity: BTreeMap<T::AccountId, usize>,
	keyed: BTreeSet<T::AccountId>,
}

impl<T: Config> Facts<T> {
	pub(crate) fn of(set: &[T::AccountId]) -> Self {
		let mut entity = BTreeMap::new();
		for (index, who) in set.iter().enumerate() {
			let first = set[..index]
				.iter()
				.position(|earlier| T::Compliance::same_legal_entity(earlier, who))
				.unwrap_or(index);
			entity.insert(who.clone(), first);
		}
		let keyed = set.iter().filter(|who| T::SessionKeys::contains(who)).cloned().collect();
		Self { entity, keyed }
	}

	/// How many of `within` have session keys.
	fn keyed_in(&self, within: &[T::AccountId]) -> u32 {
		within.iter().filter(|who| self.keyed.contains(who)).count() as u32
	}

	/// How many seats of `within` belong to `who`'s legal entity.
	fn seats(&self, within: &[T::AccountId], who: &T::AccountId) -> u32 {
		let mine = self.entity.get(who);
		within.iter().filter(|other| self.entity.get(other) == mine).count() as u32
	}

	/// Whether going from `set` to `remaining` leaves some legal entity with
	/// two seats or more above `MaxSeatShare` and above its share before.
	fn concentrates(&self, set: &[T::AccountId], remaining: &[T::AccountId]) -> bool {
		let cap = T::MaxSeatShare::get();
		let (total_before, total_after) = (set.len() as u32, remaining.len() as u32);
		remaining.iter().any(|who| {
			let after = self.seats(remaining, who);
			let share_after = Perbill::from_rational(after, total_after);
			after > 1 && share_after > cap && share_after > Perbill::from_rational(self.seats(set, who), total_before)
		})
	}
}
