//! Benchmarks for the circuit breaker (frame-benchmarking v2). Each call runs
//! in its worst case: reasons of `MaxReasonLen` bytes, `MaxThrottles`
//! throttles tripped where the hook's list is read or rewritten.

use super::*;
use crate::pallet::{
	GlobalPauseState, PausedAssets, ThrottleConfigOf, ThrottleKeyOf, ThrottleStates, Throttles,
	TrippedThrottles,
};
use alloc::{vec, vec::Vec};
use codec::{Decode, Encode};
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::BoundedVec,
	traits::{EnsureOrigin, Get, Hooks},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;
use tokenize_primitives::OperationKind;

/// The block every benchmark runs at (late enough for deadlines before it).
const NOW: u32 = 100;

fn now<T: Config>() -> BlockNumberFor<T> {
	NOW.into()
}

fn start_at_now<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(now::<T>());
}

fn longest_reason<T: Config>() -> Vec<u8> {
	vec![b'r'; T::MaxReasonLen::get() as usize]
}

fn stop<T: Config>() -> StopRecordOf<T> {
	StopRecord {
		by: account("role", 0, 0),
		at: 1u32.into(),
		reason: BoundedVec::truncate_from(longest_reason::<T>()),
	}
}

/// A global pause on record; lifts at `resume_at` when given.
fn put_global_pause<T: Config>(resume_at: Option<BlockNumberFor<T>>) {
	let resume = resume_at.map(|resume_at| ScheduledResume { by: account("role", 0, 0), resume_at });
	GlobalPauseState::<T>::put(GlobalPause { pause: stop::<T>(), resume });
}

fn any_asset<T: Config>() -> Result<T::AssetId, BenchmarkError> {
	asset_number::<T>(0)
}

/// The `n`-th distinct asset id (the id's encoding starts with `n`).
fn asset_number<T: Config>(n: u32) -> Result<T::AssetId, BenchmarkError> {
	let mut bytes = n.encode();
	bytes.resize(128, 0);
	T::AssetId::decode(&mut &bytes[..]).map_err(|_| BenchmarkError::Stop("asset id"))
}

fn limits<T: Config>() -> ThrottleConfigOf<T> {
	ThrottleConfig {
		window: 10u32.into(),
		account_max_operations: Some(u32::MAX),
		account_max_amount: Some(1u32.into()),
		max_amount: Some(2u32.into()),
		cooldown: 10u32.into(),
	}
}

/// `MaxThrottles` throttles (transfers of as many assets), all tripped;
/// the first `due` of them resume at the current block, the others later.
/// Returns the key in the middle of the hook's list.
fn trip_every_throttle<T: Config>(due: u32) -> Result<ThrottleKeyOf<T>, BenchmarkError> {
	let mut tripped = Vec::new();
	let max = T::MaxThrottles::get();
	for index in 0..max {
		let key = (OperationKind::AssetTransfer, asset_number::<T>(index)?);
		let until = if index < due { now::<T>() } else { now::<T>().saturating_add(50u32.into()) };
		Throttles::<T>::insert(key, ThrottleRecord { config: limits::<T>(), generation: index });
		ThrottleStates::<T>::insert(
			key,
			ThrottleState {
				window_start: 1u32.into(),
				operations: 1,
				amount: 2u32.into(),
				tripped_until: Some(until),
			},
		);
		tripped.push((key, until));
	}
	TrippedThrottles::<T>::put(BoundedVec::truncate_from(tripped));
	Ok((OperationKind::AssetTransfer, asset_number::<T>(max / 2)?))
}

/// Worst case of removing or resetting a throttle: the hook's list is full.
fn throttle_origin_with_every_throttle_tripped<T: Config>(
) -> Result<(T::RuntimeOrigin, ThrottleKeyOf<T>), BenchmarkError> {
	let origin = T::ThrottleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	start_at_now::<T>();
	let middle = trip_every_throttle::<T>(0)?;
	Ok((origin, middle))
}

fn assert_untripped<T: Config>(key: ThrottleKeyOf<T>) {
	let tripped = TrippedThrottles::<T>::get();
	assert_eq!(tripped.len() as u32, T::MaxThrottles::get() - 1);
	assert!(tripped.iter().all(|(k, _)| *k != key));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn pause_global() -> Result<(), BenchmarkError> {
		let origin = T::GlobalPauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		start_at_now::<T>();
		// Worst case: a lapsed pause still on record is closed first.
		put_global_pause::<T>(Some(now::<T>()));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, longest_reason::<T>());
		assert!(Pallet::<T>::is_globally_paused());
		Ok(())
	}

	#[benchmark]
	fn schedule_global_resume() -> Result<(), BenchmarkError> {
		let origin = T::GlobalPauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		start_at_now::<T>();
		put_global_pause::<T>(None);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert!(GlobalPauseState::<T>::get().is_some_and(|pause| pause.resume.is_some()));
		Ok(())
	}

	#[benchmark]
	fn cancel_global_resume() -> Result<(), BenchmarkError> {
		let origin = T::GlobalPauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		start_at_now::<T>();
		put_global_pause::<T>(Some(now::<T>().saturating_add(1u32.into())));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert!(GlobalPauseState::<T>::get().is_some_and(|pause| pause.resume.is_none()));
		Ok(())
	}

	#[benchmark]
	fn pause_asset() -> Result<(), BenchmarkError> {
		let origin = T::AssetPauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let asset = any_asset::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, longest_reason::<T>());
		assert!(Pallet::<T>::is_asset_paused(&asset));
		Ok(())
	}

	#[benchmark]
	fn resume_asset() -> Result<(), BenchmarkError> {
		let origin = T::AssetPauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let asset = any_asset::<T>()?;
		PausedAssets::<T>::insert(asset, stop::<T>());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset);
		assert!(!Pallet::<T>::is_asset_paused(&asset));
		Ok(())
	}

	#[benchmark]
	fn set_throttle() -> Result<(), BenchmarkError> {
		let origin = T::ThrottleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let asset = any_asset::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, OperationKind::AssetTransfer, asset, limits::<T>());
		assert!(Throttles::<T>::get((OperationKind::AssetTransfer, asset)).is_some());
		Ok(())
	}

	#[benchmark]
	fn remove_throttle() -> Result<(), BenchmarkError> {
		let (origin, (kind, asset)) = throttle_origin_with_every_throttle_tripped::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, kind, asset);
		assert!(!Throttles::<T>::contains_key((kind, asset)));
		assert_untripped::<T>((kind, asset));
		Ok(())
	}

	#[benchmark]
	fn reset_throttle() -> Result<(), BenchmarkError> {
		let (origin, (kind, asset)) = throttle_origin_with_every_throttle_tripped::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, kind, asset);
		assert!(!ThrottleStates::<T>::contains_key((kind, asset)));
		assert_untripped::<T>((kind, asset));
		Ok(())
	}

	/// A block with a pause and every throttle cooling down, none due.
	#[benchmark]
	fn on_initialize_idle() -> Result<(), BenchmarkError> {
		start_at_now::<T>();
		put_global_pause::<T>(Some(now::<T>().saturating_add(1u32.into())));
		trip_every_throttle::<T>(0)?;
		#[block]
		{
			Pallet::<T>::on_initialize(now::<T>());
		}
		assert!(Pallet::<T>::is_globally_paused());
		assert_eq!(TrippedThrottles::<T>::get().len() as u32, T::MaxThrottles::get());
		Ok(())
	}

	/// The global pause lifts and `k` throttles resume in the same block.
	#[benchmark]
	fn on_initialize_release(k: Linear<0, { T::MaxThrottles::get() }>) -> Result<(), BenchmarkError> {
		start_at_now::<T>();
		put_global_pause::<T>(Some(now::<T>()));
		trip_every_throttle::<T>(k)?;
		#[block]
		{
			Pallet::<T>::on_initialize(now::<T>());
		}
		assert!(GlobalPauseState::<T>::get().is_none());
		assert_eq!(TrippedThrottles::<T>::get().len() as u32, T::MaxThrottles::get() - k);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
