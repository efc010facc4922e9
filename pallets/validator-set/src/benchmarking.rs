//! Benchmarks for the validator set (frame-benchmarking v2): worst case is a
//! full set whose seat shares must all be re-checked.

use super::*;
use crate::pallet::{ChangePending, Validators};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
use tokenize_primitives::{ComplianceBenchmarkHelper, Role, SessionRotation};

fn bank<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("bank", index, 0);
	T::BenchmarkHelper::make_verified(&who, &[Role::Bank]);
	who
}

fn fill<T: Config>(size: u32) {
	let set: Vec<T::AccountId> = (0..size).map(bank::<T>).collect();
	Validators::<T>::put(BoundedVec::truncate_from(set));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator(v: Linear<4, { T::MaxValidators::get().saturating_sub(1) }>) -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		fill::<T>(v);
		let newcomer = bank::<T>(u32::MAX);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone());
		assert!(Validators::<T>::get().contains(&newcomer));
		Ok(())
	}

	#[benchmark]
	fn remove_validator(v: Linear<5, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		fill::<T>(v);
		let leaver: T::AccountId = account("bank", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaver.clone());
		assert!(!Validators::<T>::get().contains(&leaver));
		Ok(())
	}

	/// A session rotation: a set of `v` with session keys, the first `l` of
	/// them lapsed (verified, no longer banks: the lapse rounds re-check the
	/// rest), handed to the session machinery the rotation before, so the
	/// measured one makes a changed set current and plans the next.
	#[benchmark]
	fn rotate_session(
		v: Linear<4, { T::MaxValidators::get() }>,
		l: Linear<0, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		fill::<T>(v);
		let set = Validators::<T>::get().into_inner();
		T::Sessions::set_benchmark_keys(&set);
		ChangePending::<T>::put(true);
		T::Sessions::rotate();
		for who in set.iter().take(l as usize) {
			T::BenchmarkHelper::make_verified(who, &[]);
		}
		ChangePending::<T>::put(true);
		#[block]
		{
			T::Sessions::rotate();
		}
		assert!(!ChangePending::<T>::get());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
