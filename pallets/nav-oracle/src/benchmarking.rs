//! Benchmarks for the NAV oracle (frame-benchmarking v2), each in its worst
//! case: a full history (every acceptance drops its oldest entry), the
//! submission that closes a round of `s` submitters (the median sorts them
//! all), a held median approved, a NAV signed off.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::{EnsureOrigin, Get}, BoundedVec};
use frame_system::RawOrigin;
use sp_runtime::{FixedU128, Permill};
use tokenize_primitives::{FeedId, PricePoint};

const FEED: FeedId = 100;
const HOUR_MS: u64 = 3_600_000;
/// The clock the benchmarks run at: 2026-12-01 00:00 UTC.
const NOW_MS: u64 = 1_796_083_200_000;

fn settings<T: Config>(submitters: u32, requires_sign_off: bool) -> FeedSettingsOf<T> {
	let accounts: Vec<T::AccountId> = (0..submitters).map(|i| account("submitter", i, 0)).collect();
	accounts.iter().for_each(T::BenchmarkHelper::make_submitter);
	FeedSettings {
		kind: FeedKind::FundNav { currency: *b"EUR" },
		submitters: BoundedVec::truncate_from(accounts),
		quorum: submitters,
		max_age_ms: HOUR_MS,
		max_deviation: Permill::from_percent(5),
		requires_sign_off,
	}
}

/// A feed of `submitters` whose history is full, its newest value 1.000
/// observed a minute before now.
fn feed_with_full_history<T: Config>(submitters: u32, requires_sign_off: bool) -> Result<(), BenchmarkError> {
	T::BenchmarkHelper::set_now_ms(NOW_MS);
	Pallet::<T>::do_register_feed(FEED, settings::<T>(submitters, requires_sign_off))
		.map_err(|_| BenchmarkError::Stop("feed refused"))?;
	let history = T::MaxHistory::get() as u64;
	for i in 0..history {
		let observed_at = NOW_MS - 60_000 - (history - 1 - i);
		Pallet::<T>::accept(FEED, PricePoint { value: FixedU128::from_u32(1), observed_at }, ValueSource::Manual);
	}
	Ok(())
}

fn candidate(thousandths: u128) -> Candidate {
	let point = PricePoint { value: FixedU128::from_rational(thousandths, 1_000), observed_at: NOW_MS - 1_000 };
	Candidate { point, source: ValueSource::ApprovedMedian { round: 0 } }
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_feed(s: Linear<1, { T::MaxSubmitters::get() }>) -> Result<(), BenchmarkError> {
		let origin = T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let settings = settings::<T>(s, true);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FEED, settings);

		assert!(Feeds::<T>::contains_key(FEED));
		Ok(())
	}

	#[benchmark]
	fn update_feed(s: Linear<1, { T::MaxSubmitters::get() }>) -> Result<(), BenchmarkError> {
		let origin = T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::do_register_feed(FEED, settings::<T>(1, false)).map_err(|_| BenchmarkError::Stop("feed refused"))?;
		let settings = settings::<T>(s, true);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FEED, settings);

		assert_eq!(Feeds::<T>::get(FEED).map(|f| f.submitters.len() as u32), Some(s));
		Ok(())
	}

	/// The last of `s` submissions closes the round; its median (within the
	/// limit) is accepted into a full history.
	#[benchmark]
	fn submit(s: Linear<1, { T::MaxSubmitters::get() }>) -> Result<(), BenchmarkError> {
		feed_with_full_history::<T>(s, false)?;
		let submitters: Vec<T::AccountId> = (0..s).map(|i| account("submitter", i, 0)).collect();
		for (i, who) in submitters.iter().enumerate().skip(1) {
			let value = FixedU128::from_rational(1_000 + i as u128, 1_000);
			Pallet::<T>::do_submit(who.clone(), FEED, 0, value, NOW_MS - 1_000 + i as u64)
				.map_err(|_| BenchmarkError::Stop("submission refused"))?;
		}
		let last = submitters.first().cloned().ok_or(BenchmarkError::Stop("no submitter"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(last), FEED, 0, FixedU128::from_rational(1_010, 1_000), NOW_MS - 500);

		assert_eq!(Rounds::<T>::get(FEED).id, 1);
		assert!(Latest::<T>::get(FEED).is_some_and(|v| v.point.observed_at > NOW_MS - 60_000));
		Ok(())
	}

	#[benchmark]
	fn approve_held() -> Result<(), BenchmarkError> {
		feed_with_full_history::<T>(1, true)?;
		Held::<T>::insert(FEED, candidate(1_100));
		let origin = T::ApprovalOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FEED, FixedU128::from_rational(1_100, 1_000));

		assert_eq!(Latest::<T>::get(FEED).map(|v| v.point), Some(candidate(1_100).point));
		Ok(())
	}

	#[benchmark]
	fn reject_held() -> Result<(), BenchmarkError> {
		feed_with_full_history::<T>(1, false)?;
		Held::<T>::insert(FEED, candidate(1_100));
		let origin = T::ApprovalOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FEED);

		assert!(!Held::<T>::contains_key(FEED));
		Ok(())
	}

	#[benchmark]
	fn set_manual_price() -> Result<(), BenchmarkError> {
		feed_with_full_history::<T>(1, true)?;
		let origin = T::ApprovalOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FEED, FixedU128::from_rational(1_001, 1_000));

		assert_eq!(Latest::<T>::get(FEED).map(|v| v.source), Some(ValueSource::Manual));
		Ok(())
	}

	#[benchmark]
	fn sign_off() -> Result<(), BenchmarkError> {
		feed_with_full_history::<T>(1, true)?;
		AwaitingSignOff::<T>::insert(FEED, candidate(1_001));
		let origin = T::SignOffOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FEED, FixedU128::from_rational(1_001, 1_000));

		assert_eq!(Latest::<T>::get(FEED).map(|v| v.point), Some(candidate(1_001).point));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
