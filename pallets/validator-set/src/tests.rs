use crate::{mock::*, ChangePending, Error, Event, RetentionReason, Validators};
use frame_support::traits::Contains;
use frame_support::{assert_noop, assert_ok};
use pallet_session::SessionManager;
use proptest::prelude::*;
use sp_runtime::DispatchError;

fn set() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_hands_founders_to_session() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::new_session_genesis(0), Some(FOUNDERS.to_vec()));
		// Nothing changed since genesis: session keeps its set.
		assert_eq!(ValidatorSet::new_session(2), None);
	});
}

#[test]
fn the_set_rotates_each_session_at_its_end_charged_the_rotations_benchmark() {
	use crate::WeightInfo;
	use frame_support::{traits::Hooks, weights::Weight};
	new_test_ext().execute_with(|| {
		make_bank(9);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 9));
		// Within a session: no rotation, no weight.
		assert_eq!(ValidatorSet::on_initialize(SESSION_BLOCKS - 1), Weight::zero());
		assert_eq!(rotations(), 0);
		// At its end: one rotation, which hands over the pending set, charged
		// the worst rotation of a full set (not the whole block).
		let most = MaxValidators::get();
		assert_eq!(ValidatorSet::on_initialize(SESSION_BLOCKS), <() as WeightInfo>::rotate_session(most, most));
		assert_eq!(rotations(), 1);
		System::assert_last_event(Event::NewSetQueued { session: 2, validators: vec![1, 2, 3, 4, 9] }.into());
		assert_eq!(ValidatorSet::on_initialize(SESSION_BLOCKS + 1), Weight::zero());
		assert_eq!(rotations(), 1);
	});
}

#[test]
fn only_verified_banks_are_admitted() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::root(), 9), Error::<Test>::IdentityNotVerified);
		set_identity(9, MockIdentity { verified: true, bank: false, entity: 9 });
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::root(), 9), Error::<Test>::NotABank);
		set_identity(9, MockIdentity { verified: false, bank: true, entity: 9 });
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::root(), 9), Error::<Test>::IdentityNotVerified);
		make_bank(9);
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::signed(9), 9), DispatchError::BadOrigin);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 9));
		System::assert_last_event(Event::ValidatorAdded { who: 9 }.into());
		assert_eq!(set(), vec![1, 2, 3, 4, 9]);
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::root(), 9), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn change_takes_effect_at_the_session_boundary() {
	new_test_ext().execute_with(|| {
		make_bank(9);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 9));
		assert!(ChangePending::<Test>::get());
		assert_eq!(ValidatorSet::new_session(3), Some(vec![1, 2, 3, 4, 9]));
		System::assert_last_event(Event::NewSetQueued { session: 3, validators: vec![1, 2, 3, 4, 9] }.into());
		assert!(!ChangePending::<Test>::get());
		assert_eq!(ValidatorSet::new_session(4), None);
	});
}

#[test]
fn removal_respects_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1), Error::<Test>::TooFewValidators);
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 77), Error::<Test>::NotAValidator);
		make_bank(5);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 1), DispatchError::BadOrigin);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		System::assert_last_event(Event::ValidatorRemoved { who: 1 }.into());
		assert_eq!(set(), vec![2, 3, 4, 5]);
	});
}

#[test]
fn one_legal_entity_cannot_exceed_its_seat_share() {
	new_test_ext().execute_with(|| {
		// Account 10 belongs to the same bank as founder 1: 2 of 5 seats = 40% > 33%.
		set_identity(10, MockIdentity { verified: true, bank: true, entity: 1 });
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::root(), 10), Error::<Test>::SeatShareExceeded);
		// With two more independent banks it is 2 of 7 = 28.6%.
		make_bank(5);
		make_bank(6);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 6));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 10));
		// Removing an independent bank would push the pair to 2 of 6 = 33.3%.
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 5), Error::<Test>::SeatShareExceeded);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 10));
	});
}

#[test]
fn a_single_seat_is_always_allowed() {
	new_test_ext().execute_with(|| {
		// 1 of 5 = 20%: fine; the rule bites only from a second seat on.
		make_bank(5);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		set_identity(6, MockIdentity { verified: true, bank: true, entity: 5 });
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::root(), 6), Error::<Test>::SeatShareExceeded);
	});
}

#[test]
fn lapsed_validator_leaves_at_next_session() {
	new_test_ext().execute_with(|| {
		make_bank(5);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3, 4, 5]));
		// Identity of 2 is revoked (or expires): it is dropped at the next rotation.
		set_identity(2, MockIdentity { verified: false, bank: true, entity: 2 });
		assert_eq!(ValidatorSet::new_session(3), Some(vec![1, 3, 4, 5]));
		System::assert_has_event(Event::ValidatorLapsed { who: 2 }.into());
		assert_eq!(set(), vec![1, 3, 4, 5]);
	});
}

#[test]
fn lapsed_validator_is_retained_when_the_minimum_forbids_removal() {
	new_test_ext().execute_with(|| {
		set_identity(3, MockIdentity { verified: true, bank: false, entity: 3 });
		assert_eq!(ValidatorSet::new_session(2), None);
		System::assert_last_event(Event::IneligibleValidatorRetained { who: 3, reason: RetentionReason::Minimum }.into());
		assert_eq!(set(), FOUNDERS.to_vec());
	});
}

#[test]
fn the_minimum_counts_validators_with_session_keys() {
	new_test_ext().execute_with(|| {
		// A fifth bank joins but never registers keys: it neither authors
		// nor votes, so the four founders are still the whole quorum.
		make_bank(5);
		drop_keys(5);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1), Error::<Test>::TooFewValidators);
		// A founder lapses: five members, but only three keyed would remain.
		set_identity(2, MockIdentity { verified: false, bank: true, entity: 2 });
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3, 4, 5]));
		System::assert_has_event(Event::IneligibleValidatorRetained { who: 2, reason: RetentionReason::Minimum }.into());
		// Once 5 has keys the founder may go, by governance or by lapsing.
		set_keys(5);
		assert_eq!(ValidatorSet::new_session(3), Some(vec![1, 3, 4, 5]));
		System::assert_has_event(Event::ValidatorLapsed { who: 2 }.into());
	});
}

#[test]
fn an_unkeyed_validator_can_always_be_removed_above_the_minimum() {
	new_test_ext().execute_with(|| {
		make_bank(5);
		drop_keys(5);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 5));
		assert_eq!(set(), FOUNDERS.to_vec());
	});
}

#[test]
fn a_lapse_never_hands_one_legal_entity_more_than_its_seat_share() {
	new_test_ext().execute_with(|| {
		// Seven seats, founder 1's bank holds two of them (28.6%).
		make_bank(5);
		make_bank(6);
		set_identity(10, MockIdentity { verified: true, bank: true, entity: 1 });
		for who in [5, 6, 10] {
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), who));
		}
		// Bank 5 lapses: dropping it would give entity 1 two of six (33.3%).
		set_identity(5, MockIdentity { verified: false, bank: true, entity: 5 });
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3, 4, 5, 6, 10]));
		System::assert_has_event(Event::IneligibleValidatorRetained { who: 5, reason: RetentionReason::SeatShare }.into());
		// The concentrated bank's own second seat lapsing is no concentration.
		set_identity(10, MockIdentity { verified: false, bank: true, entity: 1 });
		assert_eq!(ValidatorSet::new_session(3), Some(vec![1, 2, 3, 4, 6]));
		System::assert_has_event(Event::ValidatorLapsed { who: 10 }.into());
		System::assert_has_event(Event::ValidatorLapsed { who: 5 }.into());
	});
}

#[test]
fn a_departure_that_only_lessens_a_concentration_is_allowed() {
	new_test_ext().execute_with(|| {
		// A set already over the share (say, a lowered MaxSeatShare): entity
		// 1 holds founders 1 and 10 of five seats (40 %).
		set_identity(10, MockIdentity { verified: true, bank: true, entity: 1 });
		Validators::<Test>::put(frame_support::BoundedVec::truncate_from(vec![1, 2, 3, 4, 10]));
		// Removing an independent bank would raise it to 50 %: refused.
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2), Error::<Test>::SeatShareExceeded);
		// Its own second seat lapsing lowers it: the seat goes.
		set_identity(10, MockIdentity { verified: false, bank: true, entity: 1 });
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3, 4]));
		System::assert_has_event(Event::ValidatorLapsed { who: 10 }.into());
	});
}

#[derive(Clone, Debug)]
enum Op {
	Add(u64),
	Remove(u64),
	Lapse(u64),
	Restore(u64),
	DropKeys(u64),
	SetKeys(u64),
	Rotate,
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		(1u64..12).prop_map(Op::Add),
		(1u64..12).prop_map(Op::Remove),
		(1u64..12).prop_map(Op::Lapse),
		(1u64..12).prop_map(Op::Restore),
		(1u64..12).prop_map(Op::DropKeys),
		(1u64..12).prop_map(Op::SetKeys),
		Just(Op::Rotate),
	]
}

fn keyed(set: &[u64]) -> usize {
	set.iter().filter(|v| MockSessionKeys::contains(v)).count()
}

/// Accounts 8..11 are one legal entity, everyone else its own.
fn entity(who: u64) -> u64 {
	if who >= 8 { 8 } else { who }
}

/// Whether no legal entity with two seats or more holds over 33% of them.
fn within_seat_share(set: &[u64]) -> bool {
	let most = set.iter().map(|a| set.iter().filter(|b| entity(**b) == entity(*a)).count()).max().unwrap_or(0);
	most <= 1 || most * 100 <= 33 * set.len()
}

proptest! {
	/// Whatever governance does and whichever identities lapse, the set never
	/// drops below the minimum, holds no duplicates, stays within bounds, a
	/// member admitted by a call was a verified bank when admitted, what
	/// session receives is exactly the stored set, and neither a removal nor
	/// a lapse takes the keyed validators below the minimum or one legal
	/// entity above a third of the seats (the oracle counts entities itself).
	#[test]
	fn set_invariants_hold(ops in proptest::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			// Accounts 8..11 form one legal entity (entity 8).
			for who in 5u64..12 {
				set_identity(who, MockIdentity { verified: true, bank: true, entity: entity(who) });
			}
			let mut session = 1u32;
			for op in ops {
				let before = set();
				match op.clone() {
					Op::Add(who) => {
						let eligible = crate::mock::MockCompliance::has_bank(&who);
						if ValidatorSet::add_validator(RuntimeOrigin::root(), who).is_ok() {
							prop_assert!(eligible);
						}
					},
					Op::Remove(who) => { let _ = ValidatorSet::remove_validator(RuntimeOrigin::root(), who); },
					Op::Lapse(who) => set_identity(who, MockIdentity { verified: false, bank: true, entity: entity(who) }),
					Op::Restore(who) => set_identity(who, MockIdentity { verified: true, bank: true, entity: entity(who) }),
					Op::DropKeys(who) => drop_keys(who),
					Op::SetKeys(who) => set_keys(who),
					Op::Rotate => {
						session += 1;
						if let Some(next) = ValidatorSet::new_session(session) {
							prop_assert_eq!(next, set());
						}
					},
				}
				let current = set();
				let keyed_before = keyed(&before);
				if matches!(op, Op::Remove(_) | Op::Rotate) {
					prop_assert!(keyed(&current) >= keyed_before.min(4));
					if within_seat_share(&before) {
						prop_assert!(within_seat_share(&current));
					}
				}
				prop_assert!(current.len() >= 4 && current.len() <= 8);
				let mut sorted = current.clone();
				sorted.sort();
				sorted.dedup();
				prop_assert_eq!(sorted.len(), current.len());
			}
			Ok(())
		})?;
	}
}
