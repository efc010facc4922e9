//! The logic behind each call; `lib.rs` only checks origins and delegates
//! here.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{Get, UnixTime},
	BoundedVec,
};
use sp_runtime::{traits::{Bounded, Zero}, FixedPointNumber, FixedU128, Saturating};
use tokenize_primitives::{Compliance, FeedId, NavRefusal, PricePoint, Role};

impl<T: Config> Pallet<T> {
	/// The chain's clock, Unix milliseconds.
	pub fn now_ms() -> u64 {
		u64::try_from(T::TimeProvider::now().as_millis()).unwrap_or(u64::MAX)
	}

	// ---- feeds ------------------------------------------------------------

	/// Genesis settings with the submitter list bounded (`TooManySubmitters`
	/// beyond the bound).
	pub(crate) fn bounded_settings(
		settings: FeedSettings<Vec<T::AccountId>>,
	) -> Result<FeedSettingsOf<T>, DispatchError> {
		let FeedSettings { kind, submitters, quorum, max_age_ms, max_deviation, requires_sign_off } = settings;
		let submitters = BoundedVec::try_from(submitters).map_err(|_| Error::<T>::TooManySubmitters)?;
		Ok(FeedSettings { kind, submitters, quorum, max_age_ms, max_deviation, requires_sign_off })
	}

	pub(crate) fn do_register_feed(feed: FeedId, settings: FeedSettingsOf<T>) -> DispatchResult {
		ensure!(!Feeds::<T>::contains_key(feed), Error::<T>::FeedExists);
		Self::ensure_well_formed(&settings)?;
		Feeds::<T>::insert(feed, &settings);
		Self::deposit_event(Event::FeedRegistered { feed, settings });
		Ok(())
	}

	pub(crate) fn do_update_feed(feed: FeedId, settings: FeedSettingsOf<T>) -> DispatchResult {
		ensure!(Feeds::<T>::contains_key(feed), Error::<T>::UnknownFeed);
		Self::ensure_well_formed(&settings)?;
		Feeds::<T>::insert(feed, &settings);
		Rounds::<T>::mutate(feed, |round| {
			round.id = round.id.saturating_add(1);
			round.submissions = BoundedVec::new();
		});
		Self::deposit_event(Event::FeedUpdated { feed, settings });
		Ok(())
	}

	fn ensure_well_formed(settings: &FeedSettingsOf<T>) -> DispatchResult {
		ensure!(settings.kind.is_well_formed(), Error::<T>::MalformedFeed);
		let count = settings.submitters.len();
		ensure!(settings.quorum as usize <= count, Error::<T>::InvalidQuorum);
		ensure!(settings.quorum > 0, Error::<T>::InvalidQuorum);
		let mut sorted = settings.submitters.to_vec();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == count, Error::<T>::DuplicateSubmitter);
		ensure!(settings.max_age_ms > 0, Error::<T>::ZeroMaxAge);
		ensure!(!settings.max_deviation.is_zero(), Error::<T>::ZeroDeviationLimit);
		Ok(())
	}

	fn feed(feed: FeedId) -> Result<FeedSettingsOf<T>, DispatchError> {
		Feeds::<T>::get(feed).ok_or_else(|| Error::<T>::UnknownFeed.into())
	}

	// ---- submissions and rounds --------------------------------------------

	/// Checks the submission, adds it to the open round and closes the
	/// round at the quorum. Returns the feed's number of submitters (what
	/// the call's weight is charged for).
	pub(crate) fn do_submit(
		submitter: T::AccountId,
		feed: FeedId,
		round: u32,
		value: FixedU128,
		observed_at: u64,
	) -> Result<u32, DispatchError> {
		let settings = Self::feed(feed)?;
		ensure!(settings.submitters.contains(&submitter), Error::<T>::NotFeedSubmitter);
		ensure!(T::Compliance::has_role(&submitter, Role::OracleSubmitter), Error::<T>::NotOracleSubmitter);
		let mut open = Rounds::<T>::get(feed);
		ensure!(round >= open.id, Error::<T>::RoundFinished);
		ensure!(round == open.id, Error::<T>::RoundNotOpen);
		ensure!(!value.is_zero(), Error::<T>::ZeroPrice);
		let now = Self::now_ms();
		Self::ensure_observation_usable(feed, &settings, observed_at, now)?;
		ensure!(open.submissions.iter().all(|s| s.submitter != submitter), Error::<T>::AlreadySubmitted);

		Self::drop_stale_submissions(feed, &settings, &mut open, now);
		let submission = Submission { submitter: submitter.clone(), value, observed_at };
		// At most one submission per listed submitter: the bound holds.
		open.submissions.try_push(submission).map_err(|_| Error::<T>::TooManySubmitters)?;
		Self::deposit_event(Event::ValueSubmitted { feed, round, submitter, value, observed_at });

		if open.submissions.len() as u32 >= settings.quorum {
			let median = Self::median(&open.submissions);
			let submissions = open.submissions.len() as u32;
			Rounds::<T>::insert(feed, RoundOf::<T> { id: round.saturating_add(1), submissions: BoundedVec::new() });
			Self::deposit_event(Event::RoundClosed { feed, round, median, submissions });
			Self::consider_median(feed, &settings, round, median);
		} else {
			Rounds::<T>::insert(feed, open);
		}
		Ok(settings.submitters.len() as u32)
	}

	/// Not ahead of the clock (beyond the allowed skew), not older than the
	/// feed's maximum age, newer than the last accepted value.
	fn ensure_observation_usable(
		feed: FeedId,
		settings: &FeedSettingsOf<T>,
		observed_at: u64,
		now: u64,
	) -> DispatchResult {
		ensure!(observed_at <= now.saturating_add(T::MaxClockSkew::get()), Error::<T>::ObservationInFuture);
		ensure!(now.saturating_sub(observed_at) <= settings.max_age_ms, Error::<T>::ObservationTooOld);
		Self::ensure_newer(feed, observed_at)
	}

	/// A round that waited too long for its quorum must not make a median of
	/// observations too old to be served.
	fn drop_stale_submissions(feed: FeedId, settings: &FeedSettingsOf<T>, open: &mut RoundOf<T>, now: u64) {
		let before = open.submissions.len();
		open.submissions.retain(|s| now.saturating_sub(s.observed_at) <= settings.max_age_ms);
		let dropped = before.saturating_sub(open.submissions.len()) as u32;
		if dropped > 0 {
			Self::deposit_event(Event::StaleSubmissionsDropped { feed, round: open.id, dropped });
		}
	}

	/// The lower middle submission by value (ties by observation time),
	/// whole: value and time of the same observation.
	pub fn median(submissions: &[Submission<T::AccountId>]) -> PricePoint {
		let mut points: Vec<PricePoint> =
			submissions.iter().map(|s| PricePoint { value: s.value, observed_at: s.observed_at }).collect();
		points.sort_by_key(|p| (p.value, p.observed_at));
		let middle = points.len().saturating_sub(1) / 2;
		points.get(middle).copied().unwrap_or(PricePoint { value: FixedU128::zero(), observed_at: 0 })
	}

	/// A closed round's median: discarded if overtaken, held beyond the
	/// deviation limit, left for sign-off where the feed requires it,
	/// otherwise accepted.
	fn consider_median(feed: FeedId, settings: &FeedSettingsOf<T>, round: u32, median: PricePoint) {
		let last = Latest::<T>::get(feed);
		if last.is_some_and(|last| median.observed_at <= last.point.observed_at) {
			Self::deposit_event(Event::RoundDiscarded { feed, round });
			return;
		}
		if let Some(last) = last {
			let deviation = Self::deviation(last.point.value, median.value);
			if deviation > FixedU128::from(settings.max_deviation) {
				Held::<T>::insert(feed, Candidate { point: median, source: ValueSource::ApprovedMedian { round } });
				Self::deposit_event(Event::ValueHeld { feed, round, value: median, last: last.point.value, deviation });
				return;
			}
		}
		let source = ValueSource::Median { round };
		if settings.requires_sign_off {
			AwaitingSignOff::<T>::insert(feed, Candidate { point: median, source });
			Self::deposit_event(Event::AwaitingSignOff { feed, value: median, source });
		} else {
			Self::accept(feed, median, source);
		}
	}

	/// |new − last| / last, rounded up (a move is never understated); a
	/// zero last value cannot be stored, so the division always succeeds.
	pub fn deviation(last: FixedU128, new: FixedU128) -> FixedU128 {
		let moved = if new > last { new.saturating_sub(last) } else { last.saturating_sub(new) };
		let inner = moved.into_inner();
		let base = last.into_inner();
		if base == 0 {
			return FixedU128::max_value();
		}
		let accuracy = FixedU128::accuracy();
		// inner × 10^18 / base, rounded up, without overflow for any stored price.
		let ratio = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			inner,
			accuracy,
			base,
			sp_runtime::Rounding::Up,
		);
		ratio.map(FixedU128::from_inner).unwrap_or(FixedU128::max_value())
	}

	// ---- the committee and the depositary -----------------------------------

	pub(crate) fn do_approve_held(by: T::AccountId, feed: FeedId, value: FixedU128) -> DispatchResult {
		let held = Self::confirm::<Held<T>>(feed, value, Error::<T>::NothingHeld, Error::<T>::HeldValueMismatch)?;
		let round = held.source.round().unwrap_or_default();
		Self::deposit_event(Event::HeldApproved { feed, round, by });
		Self::accept(feed, held.point, held.source);
		Ok(())
	}

	pub(crate) fn do_reject_held(by: T::AccountId, feed: FeedId) -> DispatchResult {
		Self::feed(feed)?;
		let held = Held::<T>::take(feed).ok_or(Error::<T>::NothingHeld)?;
		let round = held.source.round().unwrap_or_default();
		Self::deposit_event(Event::HeldRejected { feed, round, value: held.point, by });
		Ok(())
	}

	pub(crate) fn do_set_manual_price(feed: FeedId, value: FixedU128) -> DispatchResult {
		Self::feed(feed)?;
		ensure!(!value.is_zero(), Error::<T>::ZeroPrice);
		let now = Self::now_ms();
		Self::ensure_newer(feed, now)?;
		Self::accept(feed, PricePoint { value, observed_at: now }, ValueSource::Manual);
		Ok(())
	}

	pub(crate) fn do_sign_off(by: T::AccountId, feed: FeedId, value: FixedU128) -> DispatchResult {
		let waiting = Self::confirm::<AwaitingSignOff<T>>(
			feed,
			value,
			Error::<T>::NothingAwaitingSignOff,
			Error::<T>::SignOffValueMismatch,
		)?;
		Self::deposit_event(Event::SignedOff { feed, value: waiting.point, by });
		Self::accept(feed, waiting.point, waiting.source);
		Ok(())
	}

	/// Takes the candidate waiting in `Store` for `feed` if it is `value`
	/// (the approver names what it saw) and still newer than the feed's last
	/// value.
	fn confirm<Store>(feed: FeedId, value: FixedU128, none: Error<T>, mismatch: Error<T>) -> Result<Candidate, DispatchError>
	where
		Store: frame_support::StorageMap<FeedId, Candidate, Query = Option<Candidate>>,
	{
		Self::feed(feed)?;
		let candidate = Store::get(feed).ok_or(none)?;
		ensure!(candidate.point.value == value, mismatch);
		Self::ensure_newer(feed, candidate.point.observed_at)?;
		Store::remove(feed);
		Ok(candidate)
	}

	fn ensure_newer(feed: FeedId, observed_at: u64) -> DispatchResult {
		ensure!(Self::is_newer(feed, observed_at), Error::<T>::ObservationNotNewer);
		Ok(())
	}

	/// Observation times only increase along a feed's history.
	fn is_newer(feed: FeedId, observed_at: u64) -> bool {
		Latest::<T>::get(feed).is_none_or(|last| observed_at > last.point.observed_at)
	}

	// ---- acceptance and history --------------------------------------------

	/// Makes `point` the feed's current value and appends it to the
	/// history, dropping the oldest entry beyond `MaxHistory`. Callers made
	/// sure it is newer than the last accepted value, so the history stays
	/// sorted by observation time.
	pub(crate) fn accept(feed: FeedId, point: PricePoint, source: ValueSource) {
		let accepted = AcceptedValue { point, accepted_at: Self::now_ms(), source };
		Latest::<T>::insert(feed, accepted);
		HistoryIndexes::<T>::mutate(feed, |index| {
			History::<T>::insert(feed, index.next, accepted);
			index.next = index.next.saturating_add(1);
			if index.len() > T::MaxHistory::get() {
				if let Some(dropped) = History::<T>::take(feed, index.first) {
					index.pruned_through = Some(dropped.point.observed_at);
				}
				index.first = index.first.saturating_add(1);
			}
		});
		Self::deposit_event(Event::ValueAccepted { feed, value: point, source });
	}

	// ---- what consumers are served -------------------------------------------

	pub(crate) fn fresh_value(feed: FeedId) -> Result<PricePoint, NavRefusal> {
		let settings = Feeds::<T>::get(feed).ok_or(NavRefusal::UnknownFeed)?;
		let last = Latest::<T>::get(feed).ok_or(NavRefusal::NoValue)?;
		let age = Self::now_ms().saturating_sub(last.point.observed_at);
		if age > settings.max_age_ms {
			return Err(NavRefusal::Stale);
		}
		Ok(last.point)
	}

	/// The first accepted value observed at or after `at`, by binary search
	/// over the sorted history.
	pub(crate) fn first_value_from(feed: FeedId, at: u64) -> Result<PricePoint, NavRefusal> {
		ensure!(Feeds::<T>::contains_key(feed), NavRefusal::UnknownFeed);
		let last = Latest::<T>::get(feed).ok_or(NavRefusal::NoValue)?;
		ensure!(last.point.observed_at >= at, NavRefusal::NotYetStruck);
		let index = HistoryIndexes::<T>::get(feed);
		// A dropped entry observed at or after `at` might be the answer.
		ensure!(index.pruned_through.is_none_or(|pruned| pruned < at), NavRefusal::BeyondHistory);
		let (mut low, mut high) = (index.first, index.next);
		while low < high {
			let middle = low.saturating_add(high.saturating_sub(low) / 2);
			let observed = History::<T>::get(feed, middle).map_or(u64::MAX, |entry| entry.point.observed_at);
			if observed >= at {
				high = middle;
			} else {
				low = middle.saturating_add(1);
			}
		}
		History::<T>::get(feed, low).map(|entry| entry.point).ok_or(NavRefusal::NotYetStruck)
	}

	// ---- invariants -----------------------------------------------------------

	/// The history is sorted by observation time, within its bound, and its
	/// newest entry is the current value; rounds hold distinct listed
	/// submitters below the quorum.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (feed, settings) in Feeds::<T>::iter() {
			let index = HistoryIndexes::<T>::get(feed);
			ensure!(index.len() <= T::MaxHistory::get(), "history beyond its bound");
			let entries: Vec<AcceptedValue> =
				(index.first..index.next).filter_map(|seq| History::<T>::get(feed, seq)).collect();
			ensure!(entries.len() as u32 == index.len(), "history entry missing");
			ensure!(entries.windows(2).all(|w| w[0].point.observed_at < w[1].point.observed_at), "history not sorted");
			ensure!(entries.last().copied() == Latest::<T>::get(feed), "latest is not the newest entry");
			let round = Rounds::<T>::get(feed);
			ensure!((round.submissions.len() as u32) < settings.quorum, "round at quorum left open");
			let listed = round.submissions.iter().all(|s| settings.submitters.contains(&s.submitter));
			ensure!(listed, "submission of an unlisted account");
		}
		Ok(())
	}
}
