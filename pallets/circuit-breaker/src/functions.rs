//! The logic behind each call and the block hook; `lib.rs` only checks
//! origins and delegates here.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Weight},
	traits::Get,
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

	// ---- Level 2: asset pause -------------------------------------------

	/// Whether every movement of `asset` is stopped.
	pub fn is_asset_paused(asset: &T::AssetId) -> bool {
		PausedAssets::<T>::contains_key(asset)
	}

	/// Who paused `asset`, when and why; `None` when it moves freely.
	pub fn asset_paused(asset: T::AssetId) -> Option<StopViewOf<T>> {
		PausedAssets::<T>::get(asset).map(StopRecord::into_view)
	}

	pub(crate) fn do_pause_asset(by: T::AccountId, asset: T::AssetId, reason: Vec<u8>) -> DispatchResult {
		ensure!(!PausedAssets::<T>::contains_key(asset), Error::<T>::AssetAlreadyPaused);
		let stop = Self::stop_record(by, reason)?;
		PausedAssets::<T>::insert(asset, &stop);
		Self::deposit_event(Event::AssetPaused { asset, by: stop.by, reason: stop.reason });
		Ok(())
	}

	pub(crate) fn do_resume_asset(by: T::AccountId, asset: T::AssetId) -> DispatchResult {
		ensure!(PausedAssets::<T>::contains_key(asset), Error::<T>::AssetNotPaused);
		PausedAssets::<T>::remove(asset);
		Self::deposit_event(Event::AssetResumed { asset, by });
		Ok(())
	}

	/// A stop by `by` at this block; the reason must be present and bounded.
	fn stop_record(by: T::AccountId, reason: Vec<u8>) -> Result<StopRecordOf<T>, Error<T>> {
		ensure!(!reason.is_empty(), Error::<T>::EmptyReason);
		let reason = ReasonOf::<T>::try_from(reason).map_err(|_| Error::<T>::ReasonTooLong)?;
		Ok(StopRecord { by, at: Self::now(), reason })
	}

	// ---- Level 3: throttles ------------------------------------------------

	/// Limits and asset-wide counters of `kind` on `asset` as they apply
	/// now; `None` when unthrottled.
	pub fn throttle_status(kind: OperationKind, asset: T::AssetId) -> Option<ThrottleStatusOf<T>> {
		let record = Throttles::<T>::get((kind, asset))?;
		let state = Self::effective_state((kind, asset), &record.config, Self::now());
		Some(ThrottleStatus { kind, asset, config: record.config, state })
	}

	/// Everything the breaker stops chain-wide, for the runtime API.
	/// Bounded: at most `MaxThrottles` throttles.
	pub fn breaker_status() -> BreakerStatusOf<T> {
		let now = Self::now();
		let throttles = Throttles::<T>::iter()
			.map(|((kind, asset), record)| ThrottleStatus {
				kind,
				asset,
				config: record.config,
				state: Self::effective_state((kind, asset), &record.config, now),
			})
			.collect();
		BreakerStatus {
			at: now,
			global_pause: Self::holding_global_pause().map(GlobalPause::into_view),
			throttles,
			frozen_funds: T::FrozenFunds::get(),
		}
	}

	pub(crate) fn do_set_throttle(by: T::AccountId, key: ThrottleKeyOf<T>, config: ThrottleConfigOf<T>) -> DispatchResult {
		Self::install_throttle(key, config)?;
		Self::deposit_event(Event::ThrottleSet { kind: key.0, asset: key.1, config, by });
		Ok(())
	}

	/// Records the limits of `key`: a replacement keeps the counters (same
	/// generation), a new throttle starts a new generation of account
	/// windows. Used by the call and the genesis build.
	pub(crate) fn install_throttle(key: ThrottleKeyOf<T>, config: ThrottleConfigOf<T>) -> Result<(), Error<T>> {
		ensure!(config.is_valid(), Error::<T>::InvalidThrottle);
		let generation = match Throttles::<T>::get(key) {
			Some(record) => record.generation,
			None => {
				ensure!(Throttles::<T>::count() < T::MaxThrottles::get(), Error::<T>::TooManyThrottles);
				Self::next_generation()
			},
		};
		Throttles::<T>::insert(key, ThrottleRecord { config, generation });
		Ok(())
	}

	pub(crate) fn do_remove_throttle(by: T::AccountId, key: ThrottleKeyOf<T>) -> DispatchResult {
		ensure!(Throttles::<T>::contains_key(key), Error::<T>::NoThrottle);
		Throttles::<T>::remove(key);
		Self::clear_throttle_state(key);
		Self::deposit_event(Event::ThrottleRemoved { kind: key.0, asset: key.1, by });
		Ok(())
	}

	pub(crate) fn do_reset_throttle(by: T::AccountId, key: ThrottleKeyOf<T>) -> DispatchResult {
		Throttles::<T>::try_mutate(key, |record| {
			let record = record.as_mut().ok_or(Error::<T>::NoThrottle)?;
			record.generation = Self::next_generation();
			Ok::<_, Error<T>>(())
		})?;
		Self::clear_throttle_state(key);
		Self::deposit_event(Event::ThrottleReset { kind: key.0, asset: key.1, by });
		Ok(())
	}

	/// A generation no account window carries yet. Wrapping after 2^32
	/// resets is harmless: a window that old has long ended.
	fn next_generation() -> u32 {
		NextThrottleGeneration::<T>::mutate(|next| {
			let generation = *next;
			*next = next.wrapping_add(1);
			generation
		})
	}

	/// `Breaker::check_operation`: refuses while the asset-wide throttle is
	/// tripped, or when `who`'s window could not take this operation.
	/// Reaching the asset-wide threshold does not refuse (that operation
	/// passes and trips).
	pub(crate) fn throttle_refusal(
		key: ThrottleKeyOf<T>,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<(), BreakerRefusal> {
		Self::assess(key, who, amount).map(|_| ())
	}

	/// `Breaker::note_operation`: counts one operation of `who` moving
	/// `amount` in its own window (refused beyond its limits) and in the
	/// asset-wide one, tripping the throttle when that reaches `max_amount`.
	/// Writes nothing when it refuses.
	pub(crate) fn count_operation(
		key: ThrottleKeyOf<T>,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<(), BreakerRefusal> {
		let Some(Assessment { config, now, stored, mut state, window }) = Self::assess(key, who, amount)? else {
			return Ok(());
		};
		if stored.is_some_and(|s| s.tripped_until.is_some()) {
			// The cooldown ended but the hook has not announced it yet (no
			// block started since): announce it here, exactly once.
			Self::announce_resumed(key);
		}
		state.count(amount);
		if state.reaches_asset_limit(&config) {
			let until = now.saturating_add(config.cooldown);
			state.tripped_until = Some(until);
			Self::list_tripped(key, until);
			Self::deposit_event(Event::ThrottleTripped {
				kind: key.0,
				asset: key.1,
				until,
				operations: state.operations,
				amount: state.amount,
			});
		}
		ThrottleStates::<T>::insert(key, state);
		AccountWindows::<T>::insert(key, who, window);
		Ok(())
	}

	/// One more operation of `who` moving `amount`, as the throttle of `key`
	/// sees it: `None` when unthrottled; refused while the asset-wide
	/// throttle is tripped or when `who`'s window cannot take it; otherwise
	/// what counting it needs, `who`'s window already counting it.
	fn assess(
		key: ThrottleKeyOf<T>,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<Option<Assessment<T>>, BreakerRefusal> {
		let Some(record) = Throttles::<T>::get(key) else { return Ok(None) };
		let now = Self::now();
		let stored = ThrottleStates::<T>::get(key);
		let state =
			stored.map_or_else(|| ThrottleState::fresh(&record.config, now), |s| s.effective_at(&record.config, now));
		if state.is_tripped_at(now) {
			return Err(BreakerRefusal::Throttled);
		}
		let mut window = Self::account_window(key, who, &record, now);
		window.state.count(amount);
		if !window.state.within_account_limits(&record.config) {
			return Err(BreakerRefusal::AccountLimitReached);
		}
		Ok(Some(Assessment { config: record.config, now, stored, state, window }))
	}

	/// `who`'s window on the throttle as it applies at `now`: one of an older
	/// generation or an elapsed window counts as empty.
	fn account_window(
		key: ThrottleKeyOf<T>,
		who: &T::AccountId,
		record: &ThrottleRecordOf<T>,
		now: BlockNumberFor<T>,
	) -> AccountWindowOf<T> {
		let fresh = AccountWindow { generation: record.generation, state: ThrottleState::fresh(&record.config, now) };
		match AccountWindows::<T>::get(key, who) {
			Some(window) if window.generation == record.generation =>
				AccountWindow { generation: record.generation, state: window.state.effective_at(&record.config, now) },
			_ => fresh,
		}
	}

	fn effective_state(key: ThrottleKeyOf<T>, config: &ThrottleConfigOf<T>, now: BlockNumberFor<T>) -> ThrottleStateOf<T> {
		ThrottleStates::<T>::get(key).map_or_else(|| ThrottleState::fresh(config, now), |s| s.effective_at(config, now))
	}

	/// Drops the asset-wide counters and any trip. Account windows are left
	/// to their generation: the caller either bumped it (reset) or removed
	/// the throttle (a later one starts a new generation).
	fn clear_throttle_state(key: ThrottleKeyOf<T>) {
		ThrottleStates::<T>::remove(key);
		TrippedThrottles::<T>::mutate(|tripped| tripped.retain(|(k, _)| *k != key));
	}

	/// Puts `key` on the hook's list with the block it resumes at.
	fn list_tripped(key: ThrottleKeyOf<T>, until: BlockNumberFor<T>) {
		TrippedThrottles::<T>::mutate(|tripped| {
			tripped.retain(|(k, _)| *k != key);
			// One entry per throttle and room for `MaxThrottles`: cannot fail.
			if tripped.try_push((key, until)).is_err() {
				frame_support::defensive!("TrippedThrottles holds one entry per throttle");
			}
		});
	}

	/// Takes `key` off the hook's list and says it passes again.
	fn announce_resumed(key: ThrottleKeyOf<T>) {
		TrippedThrottles::<T>::mutate(|tripped| tripped.retain(|(k, _)| *k != key));
		Self::deposit_event(Event::ThrottleResumed { kind: key.0, asset: key.1 });
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
		let due: Vec<ThrottleKeyOf<T>> =
			tripped.iter().filter(|(_, until)| now >= *until).map(|(key, _)| *key).collect();
		if due.is_empty() {
			return 0;
		}
		tripped.retain(|(_, until)| now < *until);
		TrippedThrottles::<T>::put(tripped);
		for key in &due {
			// The next operation opens a fresh window.
			ThrottleStates::<T>::remove(key);
			Self::deposit_event(Event::ThrottleResumed { kind: key.0, asset: key.1 });
		}
		u32::try_from(due.len()).unwrap_or(u32::MAX)
	}
}

impl<T: Config> Pallet<T> {
	/// The hook's list of tripped throttles agrees with the throttles: each
	/// listed throttle is in force, listed once, and its counters are
	/// tripped until exactly the listed block; the count of throttles stays
	/// within `MaxThrottles`. Run by the `try_state` hook and by the tests.
	pub fn do_try_state() -> Result<(), &'static str> {
		let tripped = TrippedThrottles::<T>::get();
		for (index, (key, until)) in tripped.iter().enumerate() {
			ensure!(Throttles::<T>::contains_key(key), "a tripped throttle is not in force");
			ensure!(!tripped.iter().skip(index + 1).any(|(k, _)| k == key), "a throttle is listed twice");
			let state = ThrottleStates::<T>::get(key).ok_or("a tripped throttle has no counters")?;
			ensure!(state.tripped_until == Some(*until), "tripped counters disagree with the list");
		}
		ensure!(Throttles::<T>::count() <= T::MaxThrottles::get(), "more throttles than MaxThrottles");
		ensure!(
			ThrottleStates::<T>::iter_keys().all(|key| Throttles::<T>::contains_key(key)),
			"counters of a removed throttle"
		);
		Ok(())
	}
}

/// What counting one operation under a throttle needs (see `assess`).
struct Assessment<T: Config> {
	config: ThrottleConfigOf<T>,
	now: BlockNumberFor<T>,
	/// The asset-wide counters as stored, and as they apply now.
	stored: Option<ThrottleStateOf<T>>,
	state: ThrottleStateOf<T>,
	/// The operator's window with the operation counted.
	window: AccountWindowOf<T>,
}
