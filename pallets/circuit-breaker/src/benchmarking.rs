//! Benchmarks for the circuit breaker (frame-benchmarking v2). Each call runs
//! in its worst case: reasons of `MaxReasonLen` bytes, every operation kind
//! tripped where the hook's list is read or rewritten.

use super::*;
use crate::pallet::{
	FrozenAddresses, GlobalPauseState, PausedAssets, ThrottleConfigOf, ThrottleStates, Throttles,
	TrippedThrottles,
};
use alloc::{vec, vec::Vec};
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::BoundedVec,
	traits::{EnsureOrigin, Get, Hooks},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, TrailingZeroInput};
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
	T::AssetId::decode(&mut TrailingZeroInput::zeroes()).map_err(|_| BenchmarkError::Stop("asset id"))
}

fn limits<T: Config>() -> ThrottleConfigOf<T> {
	ThrottleConfig {
		window: 10u32.into(),
		max_operations: Some(1),
		max_amount: Some(1u32.into()),
		cooldown: 10u32.into(),
	}
}

/// Every operation kind throttled and tripped; the first `due` of them
/// resume at the current block, the others later.
fn trip_every_kind<T: Config>(due: u32) {
	let mut tripped = Vec::new();
	for (index, kind) in OPERATION_KINDS.into_iter().enumerate() {
		let until = if (index as u32) < due { now::<T>() } else { now::<T>().saturating_add(50u32.into()) };
		Throttles::<T>::insert(kind, limits::<T>());
		ThrottleStates::<T>::insert(
			kind,
			ThrottleState {
				window_start: 1u32.into(),
				operations: 1,
				amount: 1u32.into(),
				tripped_until: Some(until),
			},
		);
		tripped.push((kind, until));
	}
	TrippedThrottles::<T>::put(BoundedVec::truncate_from(tripped));
}

/// The kind in the middle of the hook's list, so removal shifts entries.
const MIDDLE_KIND: OperationKind = OperationKind::Burn;

/// Worst case of removing or resetting a throttle: the hook's list is full.
fn throttle_origin_with_every_kind_tripped<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	let origin = T::ThrottleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	start_at_now::<T>();
	trip_every_kind::<T>(0);
	Ok(origin)
}

fn assert_middle_kind_untripped<T: Config>() {
	let tripped = TrippedThrottles::<T>::get();
	assert_eq!(tripped.len(), OPERATION_KINDS.len() - 1);
	assert!(tripped.iter().all(|(kind, _)| *kind != MIDDLE_KIND));
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
	fn freeze_address() -> Result<(), BenchmarkError> {
		let origin = T::AddressFreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("suspect", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), longest_reason::<T>());
		assert!(Pallet::<T>::is_address_frozen(&who));
		Ok(())
	}

	#[benchmark]
	fn unfreeze_address() -> Result<(), BenchmarkError> {
		let origin = T::AddressFreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("suspect", 0, 0);
		FrozenAddresses::<T>::insert(&who, stop::<T>());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Pallet::<T>::is_address_frozen(&who));
		Ok(())
	}

	#[benchmark]
	fn set_throttle() -> Result<(), BenchmarkError> {
		let origin = T::ThrottleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MIDDLE_KIND, limits::<T>());
		assert_eq!(Throttles::<T>::get(MIDDLE_KIND), Some(limits::<T>()));
		Ok(())
	}

	#[benchmark]
	fn remove_throttle() -> Result<(), BenchmarkError> {
		let origin = throttle_origin_with_every_kind_tripped::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MIDDLE_KIND);
		assert!(!Throttles::<T>::contains_key(MIDDLE_KIND));
		assert_middle_kind_untripped::<T>();
		Ok(())
	}

	#[benchmark]
	fn reset_throttle() -> Result<(), BenchmarkError> {
		let origin = throttle_origin_with_every_kind_tripped::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MIDDLE_KIND);
		assert!(!ThrottleStates::<T>::contains_key(MIDDLE_KIND));
		assert_middle_kind_untripped::<T>();
		Ok(())
	}

	/// A block with a pause and every throttle cooling down, none due.
	#[benchmark]
	fn on_initialize_idle() {
		start_at_now::<T>();
		put_global_pause::<T>(Some(now::<T>().saturating_add(1u32.into())));
		trip_every_kind::<T>(0);
		#[block]
		{
			Pallet::<T>::on_initialize(now::<T>());
		}
		assert!(Pallet::<T>::is_globally_paused());
		assert_eq!(TrippedThrottles::<T>::get().len(), OPERATION_KINDS.len());
	}

	/// The global pause lifts and `k` throttles resume in the same block.
	#[benchmark]
	fn on_initialize_release(k: Linear<0, { OPERATION_KINDS.len() as u32 }>) {
		start_at_now::<T>();
		put_global_pause::<T>(Some(now::<T>()));
		trip_every_kind::<T>(k);
		#[block]
		{
			Pallet::<T>::on_initialize(now::<T>());
		}
		assert!(GlobalPauseState::<T>::get().is_none());
		assert_eq!(TrippedThrottles::<T>::get().len() as u32, OPERATION_KINDS.len() as u32 - k);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
