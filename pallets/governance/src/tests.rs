//! The rules of the pallet, against the real scheduler and preimage pallets.

use crate::{mock::*, pallet::*, Error, Event};
use frame_support::{assert_noop, assert_ok, traits::schedule::v3::Named};
use sp_runtime::{traits::Hash, DispatchError};

type GovCall = crate::Call<Test>;

/// A Root-only call with a visible effect: writes `value` under `key`.
fn set_storage(key: &[u8], value: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage { items: vec![(key.to_vec(), value.to_vec())] })
}

fn stored(key: &[u8]) -> Option<Vec<u8>> {
	sp_io::storage::get(key).map(|bytes| bytes.to_vec())
}

fn propose(call: RuntimeCall) -> u32 {
	let id = NextProposalId::<Test>::get();
	assert_ok!(Governance::propose(RuntimeOrigin::signed(COUNCIL), Box::new(call)));
	id
}

fn last_governance_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Governance(event) => Some(event),
			_ => None,
		})
		.expect("a governance event")
}

#[test]
fn a_proposal_runs_as_root_exactly_after_the_delay() {
	test_chain(|| {
		let call = set_storage(b"upgrade", b"v2");
		let call_hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		let id = propose(call);
		System::assert_last_event(
			Event::Proposed { id, proposer: COUNCIL, call_hash, enact_at: 1 + DELAY }.into(),
		);
		run_to_block(DELAY);
		assert_eq!(stored(b"upgrade"), None, "nothing runs before the delay has passed");
		run_to_block(1 + DELAY);
		assert_eq!(stored(b"upgrade"), Some(b"v2".to_vec()));
		assert_eq!(last_governance_event(), Event::Enacted { id, result: Ok(()) });
		assert!(Proposals::<Test>::get(id).is_none());
	});
}

#[test]
fn a_cancelled_proposal_never_runs() {
	test_chain(|| {
		let id = propose(set_storage(b"upgrade", b"v2"));
		run_to_block(5);
		assert_ok!(Governance::cancel(RuntimeOrigin::signed(COUNCIL), id));
		System::assert_last_event(Event::Cancelled { id, canceller: COUNCIL }.into());
		assert!(<Scheduler as Named<_, _, _>>::next_dispatch_time(crate::task_name(id)).is_err());
		run_to_block(3 * DELAY);
		assert_eq!(stored(b"upgrade"), None);
		assert_noop!(
			Governance::cancel(RuntimeOrigin::signed(COUNCIL), id),
			Error::<Test>::UnknownProposal
		);
	});
}

#[test]
fn only_the_council_proposes_and_cancels_and_only_root_enacts() {
	test_chain(|| {
		let call = Box::new(set_storage(b"k", b"v"));
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(OUTSIDER), call.clone()),
			DispatchError::BadOrigin
		);
		let id = propose(*call.clone());
		assert_noop!(Governance::cancel(RuntimeOrigin::signed(OUTSIDER), id), DispatchError::BadOrigin);
		// Nobody can run a proposal early, not even the council itself.
		for origin in [RuntimeOrigin::signed(OUTSIDER), RuntimeOrigin::signed(COUNCIL)] {
			assert_noop!(Governance::enact(origin, id, call.clone()), DispatchError::BadOrigin);
		}
		assert_noop!(
			Governance::set_enactment_delay(RuntimeOrigin::signed(COUNCIL), 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn enact_refuses_a_call_other_than_the_proposed_one_and_unknown_ids() {
	test_chain(|| {
		let id = propose(set_storage(b"k", b"v"));
		assert_noop!(
			Governance::enact(RuntimeOrigin::root(), id, Box::new(set_storage(b"k", b"evil"))),
			Error::<Test>::CallMismatch
		);
		assert_noop!(
			Governance::enact(RuntimeOrigin::root(), id + 1, Box::new(set_storage(b"k", b"v"))),
			Error::<Test>::UnknownProposal
		);
	});
}

#[test]
fn a_failing_call_is_reported_and_its_proposal_closed() {
	test_chain(|| {
		// Root may not set a delay outside the bounds: the call itself fails.
		let id = propose(RuntimeCall::Governance(GovCall::set_enactment_delay { delay: 0 }));
		run_to_block(1 + DELAY);
		assert_eq!(
			last_governance_event(),
			Event::Enacted { id, result: Err(Error::<Test>::DelayOutOfBounds.into()) }
		);
		assert!(Proposals::<Test>::get(id).is_none());
		assert_eq!(EnactmentDelay::<Test>::get(), DELAY);
	});
}

#[test]
fn a_proposal_can_change_the_delay_of_later_proposals() {
	test_chain(|| {
		propose(RuntimeCall::Governance(GovCall::set_enactment_delay { delay: 3 }));
		run_to_block(1 + DELAY);
		assert_eq!(EnactmentDelay::<Test>::get(), 3);
		let id = propose(set_storage(b"k", b"v"));
		assert_eq!(Proposals::<Test>::get(id).map(|p| p.enact_at), Some(1 + DELAY + 3));
	});
}

#[test]
fn a_long_call_goes_through_the_preimage_store_and_is_dropped_after_enactment() {
	test_chain(|| {
		let value = vec![7u8; 600];
		let id = propose(set_storage(b"big", &value));
		assert_eq!(pallet_preimage::PreimageFor::<Test>::iter().count(), 1);
		run_to_block(1 + DELAY);
		assert_eq!(last_governance_event(), Event::Enacted { id, result: Ok(()) });
		assert_eq!(stored(b"big"), Some(value));
		assert_eq!(pallet_preimage::PreimageFor::<Test>::iter().count(), 0, "no preimage left behind");
	});
}

#[test]
fn a_cancelled_long_call_leaves_no_preimage() {
	test_chain(|| {
		let id = propose(set_storage(b"big", &[7u8; 600]));
		assert_ok!(Governance::cancel(RuntimeOrigin::signed(COUNCIL), id));
		assert_eq!(pallet_preimage::PreimageFor::<Test>::iter().count(), 0);
	});
}

#[test]
fn proposals_are_bounded_in_number_and_size() {
	test_chain(|| {
		let too_long = set_storage(b"k", &vec![0u8; MAX_CALL_LEN as usize]);
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(COUNCIL), Box::new(too_long)),
			Error::<Test>::CallTooLong
		);
		for i in 0..MAX_ACTIVE {
			propose(set_storage(b"k", &i.to_le_bytes()));
		}
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(COUNCIL), Box::new(set_storage(b"k", b"x"))),
			Error::<Test>::TooManyProposals
		);
		// Enactment frees the slots.
		run_to_block(1 + DELAY);
		assert_eq!(Proposals::<Test>::count(), 0);
		propose(set_storage(b"k", b"x"));
	});
}

#[test]
fn the_delay_stays_within_its_bounds() {
	test_chain(|| {
		assert_noop!(
			Governance::set_enactment_delay(RuntimeOrigin::root(), 0),
			Error::<Test>::DelayOutOfBounds
		);
		assert_noop!(
			Governance::set_enactment_delay(RuntimeOrigin::root(), 1001),
			Error::<Test>::DelayOutOfBounds
		);
		assert_ok!(Governance::set_enactment_delay(RuntimeOrigin::root(), 1000));
		System::assert_last_event(Event::EnactmentDelaySet { delay: 1000 }.into());
	});
}

#[test]
fn ids_are_never_reused() {
	test_chain(|| {
		let first = propose(set_storage(b"k", b"1"));
		assert_ok!(Governance::cancel(RuntimeOrigin::signed(COUNCIL), first));
		let second = propose(set_storage(b"k", b"2"));
		assert_eq!(second, first + 1);
	});
}
