use crate::{mock::*, ChangePending, Error, Event, Validators};
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
		System::assert_last_event(Event::IneligibleValidatorRetained { who: 3 }.into());
		assert_eq!(set(), FOUNDERS.to_vec());
	});
}

#[derive(Clone, Debug)]
enum Op {
	Add(u64),
	Remove(u64),
	Lapse(u64),
	Restore(u64),
	Rotate,
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		(1u64..12).prop_map(Op::Add),
		(1u64..12).prop_map(Op::Remove),
		(1u64..12).prop_map(Op::Lapse),
		(1u64..12).prop_map(Op::Restore),
		Just(Op::Rotate),
	]
}

proptest! {
	/// Whatever governance does and whichever identities lapse, the set never
	/// drops below the minimum, holds no duplicates, stays within bounds, a
	/// member admitted by a call was a verified bank when admitted, and what
	/// session receives is exactly the stored set.
	#[test]
	fn set_invariants_hold(ops in proptest::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			// Accounts 8..11 form one legal entity (entity 8).
			for who in 5u64..12 {
				set_identity(who, MockIdentity { verified: true, bank: true, entity: if who >= 8 { 8 } else { who } });
			}
			let mut session = 1u32;
			for op in ops {
				match op {
					Op::Add(who) => {
						let eligible = crate::mock::MockCompliance::has_bank(&who);
						if ValidatorSet::add_validator(RuntimeOrigin::root(), who).is_ok() {
							prop_assert!(eligible);
						}
					},
					Op::Remove(who) => { let _ = ValidatorSet::remove_validator(RuntimeOrigin::root(), who); },
					Op::Lapse(who) => set_identity(who, MockIdentity { verified: false, bank: true, entity: who }),
					Op::Restore(who) => make_bank(who),
					Op::Rotate => {
						session += 1;
						if let Some(next) = ValidatorSet::new_session(session) {
							prop_assert_eq!(next, set());
						}
					},
				}
				let current = set();
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
