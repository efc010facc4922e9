//! The logic behind each call; `lib.rs` only checks origins and delegates here.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::boxed::Box;
use frame_support::{
	dispatch::{extract_actual_weight, DispatchResultWithPostInfo, GetDispatchInfo},
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		schedule::{v3::Named as ScheduleNamed, DispatchTime, HARD_DEADLINE},
		Get, QueryPreimage, StorePreimage,
	},
};
use sp_runtime::traits::{Dispatchable, Hash, Saturating};

impl<T: Config> Pallet<T> {
	/// Records the proposal and schedules its enactment as Root.
	pub(crate) fn do_propose(
		proposer: T::AccountId,
		call: <T as Config>::RuntimeCall,
	) -> DispatchResult {
		ensure!(
			codec::Encode::encoded_size(&call) <= T::MaxCallLen::get() as usize,
			Error::<T>::CallTooLong
		);
		ensure!(
			Proposals::<T>::count() < T::MaxActiveProposals::get(),
			Error::<T>::TooManyProposals
		);
		let id = NextProposalId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::ProposalIdOverflow)?;
		let proposed_at = frame_system::Pallet::<T>::block_number();
		let enact_at = proposed_at.saturating_add(EnactmentDelay::<T>::get());
		let call_hash = T::Hashing::hash_of(&call);
		// The scheduler runs `enact`, not the bare call, so that a cancelled
		// proposal is refused even if its task somehow survived, and so that
		// the outcome is reported under the proposal's id.
		let enactment: <T as Config>::RuntimeCall = Call::<T>::enact { id, call: Box::new(call) }.into();
		let bounded = T::Preimages::bound(enactment)?;
		T::Scheduler::schedule_named(
			task_name(id),
			DispatchTime::At(enact_at),
			None,
			// A hard deadline: the scheduler runs it at `enact_at` even when the
			// block is busy, instead of postponing it behind other tasks.
			HARD_DEADLINE,
			frame_system::RawOrigin::Root.into(),
			bounded.clone(),
		)
		.map_err(|_| Error::<T>::SchedulingFailed)?;
		// Noting the call requested its preimage once, and the scheduler
		// requested it again for its task: hand ours back, so that the
		// preimage goes with the task.
		T::Preimages::drop(&bounded);
		let preimage = bounded.lookup_hash();
		Proposals::<T>::insert(
			id,
			Proposal { proposer: proposer.clone(), call_hash, proposed_at, enact_at, preimage },
		);
		NextProposalId::<T>::put(next);
		Self::deposit_event(Event::Proposed { id, proposer, call_hash, enact_at });
		Ok(())
	}

	/// Withdraws a waiting proposal and its scheduler task.
	pub(crate) fn do_cancel(canceller: T::AccountId, id: ProposalId) -> DispatchResult {
		let proposal = Proposals::<T>::take(id).ok_or(Error::<T>::UnknownProposal)?;
		// The record is what `enact` checks, so removing it alone already stops
		// the call; a task that cannot be found is therefore no reason to keep
		// a stale proposal occupying one of the `MaxActiveProposals` slots.
		let _ = T::Scheduler::cancel_named(task_name(id));
		// pallet-scheduler releases a cancelled task's preimage only when the
		// cancellation names an origin; ours names none, so release it here.
		if let Some(hash) = proposal.preimage {
			T::Preimages::unrequest(&hash);
		}
		Self::deposit_event(Event::Cancelled { id, canceller });
		Ok(())
	}

	/// Dispatches proposal `id`'s call as Root and reports its outcome.
	pub(crate) fn do_enact(
		id: ProposalId,
		call: <T as Config>::RuntimeCall,
	) -> DispatchResultWithPostInfo {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(T::Hashing::hash_of(&call) == proposal.call_hash, Error::<T>::CallMismatch);
		Proposals::<T>::remove(id);
		let info = call.get_dispatch_info();
		let outcome = call.dispatch(frame_system::RawOrigin::Root.into());
		let used = extract_actual_weight(&outcome, &info);
		Self::deposit_event(Event::Enacted { id, result: outcome.map(|_| ()).map_err(|e| e.error) });
		Ok(Some(T::WeightInfo::enact().saturating_add(used)).into())
	}

	pub(crate) fn ensure_delay_in_bounds(
		delay: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		ensure!(
			delay >= T::MinEnactmentDelay::get() && delay <= T::MaxEnactmentDelay::get(),
			Error::<T>::DelayOutOfBounds
		);
		Ok(())
	}

	/// Invariants: every waiting proposal has an id below `NextProposalId`,
	/// a scheduler task due at its enactment block and, when long, its
	/// preimage; no more than `MaxActiveProposals` wait.
	pub fn do_try_state() -> Result<(), &'static str> {
		let next = NextProposalId::<T>::get();
		ensure!(
			Proposals::<T>::count() <= T::MaxActiveProposals::get(),
			"more proposals than MaxActiveProposals"
		);
		for (id, proposal) in Proposals::<T>::iter() {
			ensure!(id < next, "proposal id not below NextProposalId");
			ensure!(
				T::Scheduler::next_dispatch_time(task_name(id)) == Ok(proposal.enact_at),
				"waiting proposal without its scheduler task"
			);
			ensure!(
				proposal.preimage.is_none_or(|hash| T::Preimages::len(&hash).is_some()),
				"waiting proposal without its preimage"
			);
		}
		Self::ensure_delay_in_bounds(EnactmentDelay::<T>::get())
			.map_err(|_| "enactment delay out of bounds")
	}
}
