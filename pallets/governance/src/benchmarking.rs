//! Benchmarks: each call at its worst case. `propose` and `cancel` run with
//! the scheduler's agenda for the enactment block already holding every
//! other waiting proposal (the largest agenda they can meet), `propose` over
//! the whole range of call lengths (a long call is noted as a preimage),
//! `enact` with the longest call it may have to hash.

use super::*;
use crate::pallet::{Config, NextProposalId, Pallet, Proposals};
use alloc::{boxed::Box, vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;

/// Longest proposal benchmarked; the runtime's `MaxCallLen` must not exceed it.
pub const MAX_BENCHMARKED_CALL_LEN: u32 = 16 * 1024;

/// A call whose encoding is about `len` bytes long and whose own execution
/// costs next to nothing, so that only the pallet's work is measured.
fn call_of_len<T: Config>(len: u32) -> <T as Config>::RuntimeCall
where
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
{
	frame_system::Call::<T>::remark { remark: vec![1u8; len.saturating_sub(8) as usize] }.into()
}

/// Fills the agenda of the next enactment block with `MaxActiveProposals - 1`
/// proposals, as the council would by proposing several calls in one block.
fn fill_waiting_proposals<T: Config>(proposer: &T::AccountId)
where
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
{
	for i in 1..T::MaxActiveProposals::get() {
		let call = call_of_len::<T>(16 + i);
		assert!(Pallet::<T>::do_propose(proposer.clone(), call).is_ok());
	}
}

#[benchmarks(where <T as Config>::RuntimeCall: From<frame_system::Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose(l: Linear<32, MAX_BENCHMARKED_CALL_LEN>) -> Result<(), BenchmarkError> {
		let origin =
			T::ProposeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let proposer =
			T::ProposeOrigin::ensure_origin(origin.clone()).map_err(|_| BenchmarkError::Weightless)?;
		fill_waiting_proposals::<T>(&proposer);
		let id = NextProposalId::<T>::get();
		let call = call_of_len::<T>(l.min(T::MaxCallLen::get()));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));

		assert!(Proposals::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let proposer =
			T::CancelOrigin::ensure_origin(origin.clone()).map_err(|_| BenchmarkError::Weightless)?;
		fill_waiting_proposals::<T>(&proposer);
		let id = NextProposalId::<T>::get();
		let call = call_of_len::<T>(T::MaxCallLen::get());
		Pallet::<T>::do_propose(proposer, call).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Proposals::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn enact() -> Result<(), BenchmarkError> {
		let proposer: T::AccountId = account("council", 0, 0);
		let id = NextProposalId::<T>::get();
		let call = call_of_len::<T>(T::MaxCallLen::get());
		Pallet::<T>::do_propose(proposer, call.clone()).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::Root, id, Box::new(call));

		assert!(!Proposals::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn set_enactment_delay() {
		let delay = T::MaxEnactmentDelay::get();

		#[extrinsic_call]
		_(RawOrigin::Root, delay);

		assert_eq!(crate::pallet::EnactmentDelay::<T>::get(), delay);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

