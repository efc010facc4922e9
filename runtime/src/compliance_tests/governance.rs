//! Root without sudo, on the real runtime: the council's proposal runs as
//! Root through the real pallet-scheduler after the enactment delay, a
//! cancelled one never does, and a runtime upgrade is a proposal of the
//! code's hash. (The upgrade itself, with a new wasm, is an e2e test: it
//! needs the node's executor to read the new code's version.)

use super::*;
use crate::{configs::MAX_ACTIVE_PROPOSALS, Governance, Scheduler};
use alloc::boxed::Box;
use frame_support::traits::Hooks;
use pallet_governance::{Event as GovernanceEvent, Proposals};

/// Runs the scheduler block by block up to `n`, as block execution would.
fn run_to(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}

fn authorize(code_hash: crate::Hash) -> RuntimeCall {
	frame_system::Call::<Runtime>::authorize_upgrade { code_hash }.into()
}

fn propose(call: RuntimeCall) -> u32 {
	let id = pallet_governance::NextProposalId::<Runtime>::get();
	let proposal: RuntimeCall = pallet_governance::Call::<Runtime>::propose { call: Box::new(call) }.into();
	assert_ok!(dispatch(proposal, RuntimeOrigin::signed(council())));
	id
}

fn enacted(id: u32) -> Option<Result<(), DispatchError>> {
	System::events().into_iter().find_map(|record| match record.event {
		crate::RuntimeEvent::Governance(GovernanceEvent::Enacted { id: enacted, result }) if enacted == id =>
			Some(result),
		_ => None,
	})
}

#[test]
fn the_councils_upgrade_proposal_authorizes_the_code_as_root_after_the_delay() {
	new_ext().execute_with(|| {
		let code_hash = crate::Hash::repeat_byte(7);
		let id = propose(authorize(code_hash));
		let enact_at = Proposals::<Runtime>::get(id).map(|p| p.enact_at).expect("waiting");
		assert_eq!(enact_at, System::block_number() + TEST_ENACTMENT_DELAY);
		run_to(enact_at - 1);
		assert!(System::authorized_upgrade().is_none(), "ran before the delay");
		run_to(enact_at);
		assert_eq!(enacted(id), Some(Ok(())));
		assert_eq!(System::authorized_upgrade().map(|a| *a.code_hash()), Some(code_hash));
		assert_eq!(Governance::do_try_state(), Ok(()));
		// Only that code may now be applied: anything else is refused by name.
		assert_eq!(
			dispatch(
				frame_system::Call::<Runtime>::apply_authorized_upgrade { code: alloc::vec![1, 2, 3] }.into(),
				RuntimeOrigin::signed(holder(0))
			),
			Err(frame_system::Error::<Runtime>::Unauthorized.into())
		);
	});
}

#[test]
fn a_cancelled_proposal_never_runs_and_the_delay_cannot_be_skipped() {
	new_ext().execute_with(|| {
		let cancelled = propose(authorize(crate::Hash::repeat_byte(1)));
		let cancel: RuntimeCall = pallet_governance::Call::<Runtime>::cancel { id: cancelled }.into();
		assert_ok!(dispatch(cancel, RuntimeOrigin::signed(council())));
		// The council cannot make Root act at once: a zero delay is refused
		// when the proposal that asks for it is enacted.
		let no_delay = propose(pallet_governance::Call::<Runtime>::set_enactment_delay { delay: 0 }.into());
		run_to(System::block_number() + 3 * TEST_ENACTMENT_DELAY);
		assert_eq!(enacted(cancelled), None);
		assert!(System::authorized_upgrade().is_none());
		assert_eq!(
			enacted(no_delay),
			Some(Err(pallet_governance::Error::<Runtime>::DelayOutOfBounds.into()))
		);
		assert_eq!(pallet_governance::EnactmentDelay::<Runtime>::get(), TEST_ENACTMENT_DELAY);
		assert_eq!(Proposals::<Runtime>::count(), 0);
	});
}

#[test]
fn every_waiting_proposal_can_fall_due_in_the_same_block() {
	new_ext().execute_with(|| {
		let ids: Vec<u32> =
			(0..MAX_ACTIVE_PROPOSALS).map(|i| propose(authorize(crate::Hash::repeat_byte(i as u8)))).collect();
		run_to(System::block_number() + TEST_ENACTMENT_DELAY);
		for id in ids {
			assert_eq!(enacted(id), Some(Ok(())), "proposal {id}");
		}
	});
}
