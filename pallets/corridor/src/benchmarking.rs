//! Benchmarks for the corridor pallet (frame-benchmarking v2), each in its
//! worst case: the longest settlement-asset list, the longest block reason,
//! a volume record to delete on removal.

use super::*;
use crate::pallet::{Corridors, DailyVolume};
use alloc::vec::Vec;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use sp_runtime::traits::TrailingZeroInput;
use tokenize_primitives::Jurisdiction;

const SOURCE: Jurisdiction = Jurisdiction(*b"DE");
const DESTINATION: Jurisdiction = Jurisdiction(*b"US");

/// `n` distinct asset ids, decoded from the little-endian integers `0..n`
/// (exactly `0..n` for the runtime's `u32` asset ids).
fn settlement_assets<T: Config>(n: u32) -> Vec<T::AssetId> {
	(0..n)
		.filter_map(|i| T::AssetId::decode(&mut TrailingZeroInput::new(&i.to_le_bytes())).ok())
		.collect()
}

fn params<T: Config>(assets: u32) -> ParamsInput<T> {
	CorridorParams {
		min_amount: 1u32.into(),
		max_amount: 1_000_000u32.into(),
		daily_limit: 10_000_000u32.into(),
		settlement_assets: settlement_assets::<T>(assets),
	}
}

fn longest_reason<T: Config>() -> Vec<u8> {
	alloc::vec![b'r'; T::MaxReasonLen::get() as usize]
}

/// A corridor with the longest asset list, as governance would add it.
fn existing_corridor<T: Config>() -> Result<(), BenchmarkError> {
	let council: T::AccountId = account("council", 0, 0);
	Pallet::<T>::do_add_corridor(council, SOURCE, DESTINATION, params::<T>(T::MaxSettlementAssets::get()))
		.map_err(|_| BenchmarkError::Stop("corridor setup failed"))
}

fn blocked_corridor<T: Config>() -> Result<(), BenchmarkError> {
	existing_corridor::<T>()?;
	let officer: T::AccountId = account("officer", 0, 0);
	Pallet::<T>::do_block_corridor(officer, SOURCE, DESTINATION, longest_reason::<T>())
		.map_err(|_| BenchmarkError::Stop("block setup failed"))
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn compliance_officer<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::BlockOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_corridor(a: Linear<1, { T::MaxSettlementAssets::get() }>) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SOURCE, DESTINATION, params::<T>(a));
		assert!(Corridors::<T>::contains_key(SOURCE, DESTINATION));
		Ok(())
	}

	#[benchmark]
	fn update_corridor(a: Linear<1, { T::MaxSettlementAssets::get() }>) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		existing_corridor::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SOURCE, DESTINATION, params::<T>(a));
		let stored = Corridors::<T>::get(SOURCE, DESTINATION).map(|c| c.params.settlement_assets.len());
		assert_eq!(stored, Some(a as usize));
		Ok(())
	}

	#[benchmark]
	fn set_corridor_active() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		existing_corridor::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SOURCE, DESTINATION, false);
		assert!(Corridors::<T>::get(SOURCE, DESTINATION).is_some_and(|c| !c.active));
		Ok(())
	}

	#[benchmark]
	fn block_corridor() -> Result<(), BenchmarkError> {
		let origin = compliance_officer::<T>()?;
		existing_corridor::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SOURCE, DESTINATION, longest_reason::<T>());
		assert!(Corridors::<T>::get(SOURCE, DESTINATION).is_some_and(|c| c.blocked.is_some()));
		Ok(())
	}

	#[benchmark]
	fn unblock_corridor() -> Result<(), BenchmarkError> {
		let origin = compliance_officer::<T>()?;
		blocked_corridor::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SOURCE, DESTINATION);
		assert!(Corridors::<T>::get(SOURCE, DESTINATION).is_some_and(|c| c.blocked.is_none()));
		Ok(())
	}

	#[benchmark]
	fn remove_corridor() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		existing_corridor::<T>()?;
		let volume = DayVolume { day: Pallet::<T>::today(), volume: 1_000u32.into() };
		DailyVolume::<T>::insert(SOURCE, DESTINATION, volume);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SOURCE, DESTINATION);
		assert!(!Corridors::<T>::contains_key(SOURCE, DESTINATION));
		assert!(!DailyVolume::<T>::contains_key(SOURCE, DESTINATION));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
