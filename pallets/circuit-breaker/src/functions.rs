//! The logic behind each call and the block hook; `lib.rs` only checks
//! origins and delegates here.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Weight},
	storage::StorageMap,
	traits::Get,
	Parameter,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;
use tokenize_primitives::{BreakerRefusal, OperationKind};

impl<T: Config> Pallet<T> {
	/// The current block number: every breaker deadline is counted in blocks.
	pub fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	// ---- Level 1: global pause -------------------------------------------

	/// Whether the whole chain is paused at this block. A pause past its
	/// scheduled resume block reads as lifted even before the block hook has
	/// cleared it, so the call filter never depends on hook order.
	pub fn is_globally_paused() -> bool {
		Self::holding_global_pause().is_some()
	}

	pub(crate) fn do_pause_global(by: T::AccountId, reason: Vec<u8>) -> DispatchResult {
		let pause = Self::stop_record(by, reason)?;
		if let Some(previous) = GlobalPauseState::<T>::get() {
			ensure!(!previous.holds_at(pause.at), Error::<T>::AlreadyPaused);
			// A lapsed pause the hook has not cleared yet: close it first so
			// the audit trail reads "lifted, then paused again".
			Self::lift_global_pause(previous, pause.at);
		}
		Self::deposit_event(Event::GlobalPaused { by: pause.by.clone(), reason: pause.reason.clone() });
		GlobalPauseState::<T>::put(GlobalPause { pause, resume: None });
		Ok(())
	}

	pub(crate) fn do_schedule_global_resume(by: T::AccountId) -> DispatchResult {
		let now = Self::now();
		let resume_at = now.saturating_add(T::ResumeDelay::get());
		Self::mutate_holding_global_pause(now, |pause| {
			ensure!(pause.resume.is_none(), Error::<T>::ResumeAlreadyScheduled);
			pause.resume = Some(ScheduledResume { by: by.clone(), resume_at });
			Ok(())
		})?;
		Self::deposit_event(Event::GlobalResumeScheduled { by, resume_at });
		Ok(())
	}

	pub(crate) fn do_cancel_global_resume(by: T::AccountId) -> DispatchResult {
		let resume_at = Self::mutate_holding_global_pause(Self::now(), |pause| {
			pause.resume.take().map(|resume| resume.resume_at).ok_or(Error::<T>::NoResumeScheduled)
		})?;
		Self::deposit_event(Event::GlobalResumeCancelled { by, resume_at });
		Ok(())
	}

	/// The global pause while it holds.
	fn holding_global_pause() -> Option<GlobalPauseOf<T>> {
		GlobalPauseState::<T>::get().filter(|pause| pause.holds_at(Self::now()))
	}

	/// Applies `f` to the pause holding at `now`; `NotPaused` otherwise.
	fn mutate_holding_global_pause<R>(
		now: BlockNumberFor<T>,
		f: impl FnOnce(&mut GlobalPauseOf<T>) -> Result<R, Error<T>>,
	) -> Result<R, DispatchError> {
		GlobalPauseState::<T>::try_mutate(|maybe| {
			let pause = maybe.as_mut().filter(|pause| pause.holds_at(now)).ok_or(Error::<T>::NotPaused)?;
			f(pause).map_err(Into::into)
		})
	}

	/// Clears a pause whose resume block has come. `fallback_at` names the
	/// end of a pause without a resume block (never the case when called from
	/// the hook or from a re-pause, kept total for safety).
	fn lift_global_pause(pause: GlobalPauseOf<T>, fallback_at: BlockNumberFor<T>) {
		GlobalPauseState::<T>::kill();
		Self::deposit_event(Event::GlobalPauseLifted {
			paused_at: pause.pause.at,
			resume_at: pause.resume_at().unwrap_or(fallback_at),
		});
	}

	// ---- Levels 2 and 3: asset pause, address freeze ---------------------

	/// Whether every movement of `asset` is stopped.
	pub fn is_asset_paused(asset: &T::AssetId) -> bool {
		PausedAssets::<T>::contains_key(asset)
	}

	/// Whether `who` is frozen by the breaker: the runtime refuses its
	/// transactions and pallets refuse it as a party.
	pub fn is_address_frozen(who: &T::AccountId) -> bool {
		FrozenAddresses::<T>::contains_key(who)
	}

	/// Who paused `asset`, when and why; `None` when it moves freely.
	pub fn asset_paused(asset: T::AssetId) -> Option<StopViewOf<T>> {
		PausedAssets::<T>::get(asset).map(StopRecord::into_view)
	}

	/// Who froze `who`, when and why; `None` when it is not frozen.
	pub fn address_frozen(who: T::AccountId) -> Option<StopViewOf<T>> {
		FrozenAddresses::<T>::get(who).map(StopRecord::into_view)
	}

	pub(crate) fn do_pause_asset(by: T::AccountId, asset: T::AssetId, reason: Vec<u8>) -> DispatchResult {
		let stop = Self::place_stop::<_, PausedAssets<T>>(&asset, by, reason, Error::<T>::AssetAlreadyPaused)?;
		Self::deposit_event(Event::AssetPaused { asset, by: stop.by, reason: stop.reason });
		Ok(())
	}

	pub(crate) fn do_resume_asset(by: T::AccountId, asset: T::AssetId) -> DispatchResult {
		Self::clear_stop::<_, PausedAssets<T>>(&asset, Error::<T>::AssetNotPaused)?;
		Self::deposit_event(Event::AssetResumed { asset, by });
		Ok(())
	}

	pub(crate) fn do_freeze_address(by: T::AccountId, who: T::AccountId, reason: Vec<u8>) -> DispatchResult {
		let stop = Self::place_stop::<_, FrozenAddresses<T>>(&who, by, reason, Error::<T>::AddressAlreadyFrozen)?;
		Self::deposit_event(Event::AddressFrozen { who, by: stop.by, reason: stop.reason });
		Ok(())
	}

	pub(crate) fn do_unfreeze_address(by: T::AccountId, who: T::AccountId) -> DispatchResult {
		Self::clear_stop::<_, FrozenAddresses<T>>(&who, Error::<T>::AddressNotFrozen)?;
		Self::deposit_event(Event::AddressUnfrozen { who, by });
		Ok(())
	}

	/// Records a stop of `key` in `Stops` (paused assets or frozen
	/// addresses) unless one is already on record.
	fn place_stop<K: Parameter, Stops: StorageMap<K, StopRecordOf<T>>>(
		key: &K,
		by: T::AccountId,
		reason: Vec<u8>,
		already_stopped: Error<T>,
	) -> Result<StopRecordOf<T>, DispatchError> {
		ensure!(!Stops::contains_key(key), already_stopped);
		let stop = Self::stop_record(by, reason)?;
		Stops::insert(key, &stop);
		Ok(stop)
	}

	/// Removes the stop of `key` from `Stops`; `not_stopped` when none.
	fn clear_stop<K: Parameter, Stops: StorageMap<K, StopRecordOf<T>>>(
		key: &K,
		not_stopped: Error<T>,
	) -> DispatchResult {
		ensure!(Stops::contains_key(key), not_stopped);
		Stops::remove(key);
		Ok(())
	}

	/// A stop by `by` at this block; the reason must be present and bounded.
	fn stop_record(by: T::AccountId, reason: Vec<u8>) -> Result<StopRecordOf<T>, Error<T>> {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let reason = ReasonOf::<T>::try_from(reason).map_err(|_| Error::<T>::ReasonTooLong)?;
		Ok(StopRecord { by, at: Self::now(), reason })
	}

	// ---- Level 4: throttles ------------------------------------------------

	/// Limits and counters of `kind` as they apply now; `None` when unthrottled.
	pub fn throttle_status(kind: OperationKind) -> Option<ThrottleStatusOf<T>> {
		let config = Throttles::<T>::get(kind)?;
		Some(ThrottleStatus { kind, config, state: Self::effective_state(kind, &config, Self::now()) })
	}

	/// Everything the breaker stops chain-wide, for the runtime API.
	pub fn breaker_status() -> BreakerStatusOf<T> {
		BreakerStatus {
			at: Self::now(),
			global_pause: Self::holding_global_pause().map(GlobalPause::into_view),
			throttles: OPERATION_KINDS.into_iter().filter_map(Self::throttle_status).collect(),
		}
	}

	pub(crate) fn do_set_throttle(
		by: T::AccountId,
		kind: OperationKind,
		config: ThrottleConfigOf<T>,
	) -> DispatchResult {
		ensure!(config.is_valid(), Error::<T>::InvalidThrottle);
		Throttles::<T>::insert(kind, config);
		Self::deposit_event(Event::ThrottleSet { kind, config, by });
		Ok(())
	}

	pub(crate) fn do_remove_throttle(by: T::AccountId, kind: OperationKind) -> DispatchResult {
		ensure!(Throttles::<T>::contains_key(kind), Error::<T>::NoThrottle);
		Throttles::<T>::remove(kind);
		Self::clear_throttle_state(kind);
		Self::deposit_event(Event::ThrottleRemoved { kind, by });
		Ok(())
	}

	pub(crate) fn do_reset_throttle(by: T::AccountId, kind: OperationKind) -> DispatchResult {
		ensure!(Throttles::<T>::contains_key(kind), Error::<T>::NoThrottle);
		Self::clear_throttle_state(kind);
		Self::deposit_event(Event::ThrottleReset { kind, by });
		Ok(())
	}

	/// `Breaker::check_operation`: refuses while `kind` is tripped. Reaching a
	/// threshold does not refuse (that operation passes and trips), so the
	/// amount does not matter for the answer.
	pub(crate) fn throttle_refusal(kind: OperationKind) -> Result<(), BreakerRefusal> {
		match Throttles::<T>::get(kind) {
			Some(config) => {
				let now = Self::now();
				let state = Self::effective_state(kind, &config, now);
				if state.is_tripped_at(now) { Err(BreakerRefusal::Throttled) } else { Ok(()) }
			},
			None => Ok(()),
		}
	}

	/// `Breaker::note_operation`: counts one operation of `kind` moving
	/// `amount`, tripping the throttle when it reaches a threshold. Writes
	/// nothing when it refuses.
	pub(crate) fn count_operation(kind: OperationKind, amount: T::Balance) -> Result<(), BreakerRefusal> {
		let Some(config) = Throttles::<T>::get(kind) else { return Ok(()) };
		let now = Self::now();
		let stored = ThrottleStates::<T>::get(kind);
		let mut state = stored.map_or_else(|| ThrottleState::fresh(now), |s| s.effective_at(&config, now));
		if state.is_tripped_at(now) {
			return Err(BreakerRefusal::Throttled);
		}
		if stored.is_some_and(|s| s.tripped_until.is_some()) {
			// The cooldown ended but the hook has not announced it yet (no
			// block started since): announce it here, exactly once.
			Self::announce_resumed(kind);
		}
		if state.count(&config, amount) {
			let until = now.saturating_add(config.cooldown);
			state.tripped_until = Some(until);
			Self::list_tripped(kind, until);
			Self::deposit_event(Event::ThrottleTripped {
				kind,
				until,
				operations: state.operations,
				amount: state.amount,
			});
		}
		ThrottleStates::<T>::insert(kind, state);
		Ok(())
	}

	fn effective_state(kind: OperationKind, config: &ThrottleConfigOf<T>, now: BlockNumberFor<T>) -> ThrottleStateOf<T> {
		ThrottleStates::<T>::get(kind).map_or_else(|| ThrottleState::fresh(now), |s| s.effective_at(config, now))
	}

	fn clear_throttle_state(kind: OperationKind) {
		ThrottleStates::<T>::remove(kind);
		TrippedThrottles::<T>::mutate(|tripped| tripped.retain(|(k, _)| *k != kind));
	}

	/// Puts `kind` on the hook's list with the block it resumes at.
	fn list_tripped(kind: OperationKind, until: BlockNumberFor<T>) {
		TrippedThrottles::<T>::mutate(|tripped| {
			tripped.retain(|(k, _)| *k != kind);
			// One entry per operation kind and room for every kind: cannot fail.
			if tripped.try_push((kind, until)).is_err() {
				frame_support::defensive!("TrippedThrottles holds one entry per operation kind");
			}
		});
	}

	/// Takes `kind` off the hook's list and says it passes again.
	fn announce_resumed(kind: OperationKind) {
		TrippedThrottles::<T>::mutate(|tripped| tripped.retain(|(k, _)| *k != kind));
		Self::deposit_event(Event::ThrottleResumed { kind });
	}

	// ---- Block hook ----------------------------------------------------------

	/// Lifts a due global pause and resumes throttles whose cooldown ended.
	/// Returns the weight used.
	pub(crate) fn release_due_stops(now: BlockNumberFor<T>) -> Weight {
		let lifted = match GlobalPauseState::<T>::get() {
			Some(pause) if !pause.holds_at(now) => {
				Self::lift_global_pause(pause, now);
				true
			},
			_ => false,
		};
		let resumed = Self::resume_due_throttles(now);
		if lifted || resumed > 0 {
			T::WeightInfo::on_initialize_release(resumed)
		} else {
			T::WeightInfo::on_initialize_idle()
		}
	}

	/// Clears every throttle whose cooldown ended; returns how many.
	fn resume_due_throttles(now: BlockNumberFor<T>) -> u32 {
		let mut tripped = TrippedThrottles::<T>::get();
		let due: Vec<OperationKind> =
			tripped.iter().filter(|(_, until)| now >= *until).map(|(kind, _)| *kind).collect();
		if due.is_empty() {
			return 0;
		}
		tripped.retain(|(_, until)| now < *until);
		TrippedThrottles::<T>::put(tripped);
		for kind in &due {
			// The next operation opens a fresh window.
			ThrottleStates::<T>::remove(kind);
			Self::deposit_event(Event::ThrottleResumed { kind: *kind });
		}
		u32::try_from(due.len()).unwrap_or(u32::MAX)
	}
}
