use crate::{
	mock::*, AccountWindows, Error, Event, GlobalPause, GlobalPauseState,
	PausedAssets, ReasonOf, ScheduledResume, StopRecord, ThrottleConfig, ThrottleConfigOf,
	ThrottleState, ThrottleStates, ThrottleStatus, Throttles, TrippedThrottles, WeightInfo,
};
use std::collections::{BTreeMap, BTreeSet};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use proptest::prelude::*;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use tokenize_primitives::{Breaker, BreakerRefusal, OperationKind};

const EURC: u32 = 7;
const USDC: u32 = 8;
const TRANSFER: OperationKind = OperationKind::AssetTransfer;

fn reason(text: &str) -> Vec<u8> {
	text.as_bytes().to_vec()
}

fn bounded(text: &str) -> ReasonOf<Test> {
	ReasonOf::<Test>::truncate_from(reason(text))
}

fn council() -> RuntimeOrigin {
	RuntimeOrigin::signed(COUNCIL)
}

fn pause_chain() -> DispatchResult {
	CircuitBreaker::pause_global(council(), reason("INC-1"))
}

const ALICE: u64 = 40;
const BOB: u64 = 41;
const CAROL: u64 = 42;
const KEY: (OperationKind, u32) = (TRANSFER, EURC);

/// Limits over a 10-block window with a 5-block cooldown.
fn throttle(
	account_max_operations: Option<u32>,
	account_max_amount: Option<u128>,
	max_amount: Option<u128>,
) -> ThrottleConfigOf<Test> {
	ThrottleConfig { window: 10, account_max_operations, account_max_amount, max_amount, cooldown: 5 }
}

fn set_throttle(config: ThrottleConfigOf<Test>) -> DispatchResult {
	CircuitBreaker::set_throttle(council(), TRANSFER, EURC, config)
}

/// `who` transfers `amount` of EURC.
fn note(who: u64, amount: u128) -> Result<(), BreakerRefusal> {
	CircuitBreaker::note_operation(TRANSFER, &EURC, &who, amount)
}

fn check(who: u64, amount: u128) -> Result<(), BreakerRefusal> {
	CircuitBreaker::check_operation(TRANSFER, &EURC, &who, amount)
}

fn tripped(until: u64, operations: u32, amount: u128) -> Event<Test> {
	Event::ThrottleTripped { kind: TRANSFER, asset: EURC, until, operations, amount }
}

fn trips() -> usize {
	breaker_events().iter().filter(|e| matches!(e, Event::ThrottleTripped { .. })).count()
}

fn count_resumed_events() -> usize {
	breaker_events().iter().filter(|e| matches!(e, Event::ThrottleResumed { .. })).count()
}

// ---- Level 1: global pause ------------------------------------------------

#[test]
fn council_pauses_the_chain_and_records_who_when_why() {
	new_test_ext().execute_with(|| {
		run_to(4);
		assert!(!CircuitBreaker::is_globally_paused());
		assert_ok!(pause_chain());
		assert!(CircuitBreaker::is_globally_paused());
		assert_eq!(
			GlobalPauseState::<Test>::get(),
			Some(GlobalPause { pause: StopRecord { by: COUNCIL, at: 4, reason: bounded("INC-1") }, resume: None })
		);
		System::assert_last_event(Event::GlobalPaused { by: COUNCIL, reason: bounded("INC-1") }.into());
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Err(BreakerRefusal::GlobalPause));
	});
}

#[test]
fn pause_global_refuses_with_named_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(CircuitBreaker::pause_global(council(), vec![]), Error::<Test>::EmptyReason);
		assert_noop!(CircuitBreaker::pause_global(council(), vec![b'x'; 17]), Error::<Test>::ReasonTooLong);
		// Exactly MaxReasonLen bytes is accepted.
		assert_ok!(CircuitBreaker::pause_global(council(), vec![b'x'; 16]));
		assert_noop!(pause_chain(), Error::<Test>::AlreadyPaused);
		// Still paused while a lift is scheduled but not yet due.
		assert_ok!(CircuitBreaker::schedule_global_resume(council()));
		assert_noop!(pause_chain(), Error::<Test>::AlreadyPaused);
	});
}

#[test]
fn global_pause_holds_until_exactly_resume_at_and_lifts_by_itself() {
	new_test_ext().execute_with(|| {
		assert_ok!(pause_chain());
		run_to(3);
		assert_ok!(CircuitBreaker::schedule_global_resume(council()));
		let resume_at = 3 + ResumeDelay::get();
		System::assert_last_event(Event::GlobalResumeScheduled { by: COUNCIL, resume_at }.into());
		assert_eq!(
			GlobalPauseState::<Test>::get().and_then(|p| p.resume),
			Some(ScheduledResume { by: COUNCIL, resume_at })
		);
		run_to(resume_at - 1);
		assert!(CircuitBreaker::is_globally_paused());
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Err(BreakerRefusal::GlobalPause));

		// At resume_at the pause no longer holds, even before the hook ran.
		System::set_block_number(resume_at);
		assert!(!CircuitBreaker::is_globally_paused());
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Ok(()));
		assert!(GlobalPauseState::<Test>::get().is_some());

		// The hook clears the record and says so, once.
		CircuitBreaker::on_initialize(resume_at);
		assert_eq!(GlobalPauseState::<Test>::get(), None);
		System::assert_last_event(Event::GlobalPauseLifted { paused_at: 1, resume_at }.into());
		let lifted = || breaker_events().iter().filter(|e| matches!(e, Event::GlobalPauseLifted { .. })).count();
		run_to(resume_at + 3);
		assert_eq!(lifted(), 1);
	});
}

#[test]
fn cancelled_resume_keeps_the_chain_paused() {
	new_test_ext().execute_with(|| {
		assert_noop!(CircuitBreaker::cancel_global_resume(council()), Error::<Test>::NotPaused);
		assert_noop!(CircuitBreaker::schedule_global_resume(council()), Error::<Test>::NotPaused);
		assert_ok!(pause_chain());
		assert_noop!(CircuitBreaker::cancel_global_resume(council()), Error::<Test>::NoResumeScheduled);
		assert_ok!(CircuitBreaker::schedule_global_resume(council()));
		assert_noop!(CircuitBreaker::schedule_global_resume(council()), Error::<Test>::ResumeAlreadyScheduled);
		run_to(5);
		assert_ok!(CircuitBreaker::cancel_global_resume(council()));
		System::assert_last_event(Event::GlobalResumeCancelled { by: COUNCIL, resume_at: 11 }.into());
		run_to(30);
		assert!(CircuitBreaker::is_globally_paused());
		// A new schedule counts the full delay from when it is made.
		assert_ok!(CircuitBreaker::schedule_global_resume(council()));
		System::assert_last_event(Event::GlobalResumeScheduled { by: COUNCIL, resume_at: 40 }.into());
	});
}

#[test]
fn a_lapsed_pause_not_yet_cleared_counts_as_lifted() {
	new_test_ext().execute_with(|| {
		assert_ok!(pause_chain());
		assert_ok!(CircuitBreaker::schedule_global_resume(council()));
		// Block 11 without the hook: the record is there but no longer holds.
		System::set_block_number(11);
		assert_noop!(CircuitBreaker::schedule_global_resume(council()), Error::<Test>::NotPaused);
		assert_noop!(CircuitBreaker::cancel_global_resume(council()), Error::<Test>::NotPaused);
		assert_ok!(CircuitBreaker::pause_global(council(), reason("INC-2")));
		let events = breaker_events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::GlobalPauseLifted { paused_at: 1, resume_at: 11 },
				Event::GlobalPaused { by: COUNCIL, reason: bounded("INC-2") },
			]
		);
		assert_eq!(GlobalPauseState::<Test>::get().map(|p| (p.pause.at, p.resume)), Some((11, None)));
	});
}

// ---- Level 2: asset pause -------------------------------------------------

#[test]
fn asset_pause_stops_only_that_asset() {
	new_test_ext().execute_with(|| {
		let compliance = || RuntimeOrigin::signed(COMPLIANCE_DEPOSITARY);
		assert_noop!(CircuitBreaker::resume_asset(compliance(), EURC), Error::<Test>::AssetNotPaused);
		assert_noop!(CircuitBreaker::pause_asset(compliance(), EURC, vec![]), Error::<Test>::EmptyReason);
		assert_noop!(CircuitBreaker::pause_asset(compliance(), EURC, vec![1; 17]), Error::<Test>::ReasonTooLong);
		run_to(2);
		assert_ok!(CircuitBreaker::pause_asset(compliance(), EURC, reason("reserves")));
		System::assert_last_event(
			Event::AssetPaused { asset: EURC, by: COMPLIANCE_DEPOSITARY, reason: bounded("reserves") }.into(),
		);
		assert_eq!(
			CircuitBreaker::asset_paused(EURC),
			Some(StopRecord { by: COMPLIANCE_DEPOSITARY, at: 2, reason: reason("reserves") })
		);
		assert!(CircuitBreaker::is_asset_paused(&EURC));
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Err(BreakerRefusal::AssetPaused));
		assert_eq!(CircuitBreaker::ensure_open(&USDC), Ok(()));
		assert_noop!(
			CircuitBreaker::pause_asset(compliance(), EURC, reason("again")),
			Error::<Test>::AssetAlreadyPaused
		);

		assert_ok!(CircuitBreaker::resume_asset(compliance(), EURC));
		System::assert_last_event(Event::AssetResumed { asset: EURC, by: COMPLIANCE_DEPOSITARY }.into());
		assert!(!PausedAssets::<Test>::contains_key(EURC));
		assert_eq!(CircuitBreaker::asset_paused(EURC), None);
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Ok(()));
	});
}

#[test]
fn ensure_open_names_the_widest_stop_in_force() {
	new_test_ext().execute_with(|| {
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Ok(()));
		assert_ok!(CircuitBreaker::pause_asset(RuntimeOrigin::signed(COMPLIANCE_DEPOSITARY), EURC, reason("r")));
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Err(BreakerRefusal::AssetPaused));
		assert_ok!(pause_chain());
		assert_eq!(CircuitBreaker::ensure_open(&EURC), Err(BreakerRefusal::GlobalPause));
	});
}

// ---- Origins --------------------------------------------------------------

/// A privileged call: its name, the account holding the role it needs, the
/// state in which the holder's call succeeds, and the call itself.
type PrivilegedCall = (&'static str, u64, fn(), fn(RuntimeOrigin) -> DispatchResult);

fn nothing() {}

fn paused_chain() {
	assert_ok!(pause_chain());
}

fn paused_chain_with_resume() {
	paused_chain();
	assert_ok!(CircuitBreaker::schedule_global_resume(council()));
}

fn paused_eurc() {
	assert_ok!(CircuitBreaker::pause_asset(RuntimeOrigin::signed(COMPLIANCE_DEPOSITARY), EURC, reason("r")));
}

fn throttled_transfers() {
	assert_ok!(set_throttle(throttle(Some(1), None, None)));
}

fn privileged_calls() -> [PrivilegedCall; 8] {
	[
		("pause_global", COUNCIL, nothing, |o| CircuitBreaker::pause_global(o, reason("r"))),
		("schedule_global_resume", COUNCIL, paused_chain, CircuitBreaker::schedule_global_resume),
		("cancel_global_resume", COUNCIL, paused_chain_with_resume, CircuitBreaker::cancel_global_resume),
		("pause_asset", COMPLIANCE_DEPOSITARY, nothing, |o| CircuitBreaker::pause_asset(o, EURC, reason("r"))),
		("resume_asset", COMPLIANCE_DEPOSITARY, paused_eurc, |o| CircuitBreaker::resume_asset(o, EURC)),
		("set_throttle", COUNCIL, nothing, |o| {
			CircuitBreaker::set_throttle(o, TRANSFER, EURC, throttle(Some(1), None, None))
		}),
		("remove_throttle", COUNCIL, throttled_transfers, |o| CircuitBreaker::remove_throttle(o, TRANSFER, EURC)),
		("reset_throttle", COUNCIL, throttled_transfers, |o| CircuitBreaker::reset_throttle(o, TRANSFER, EURC)),
	]
}

#[test]
fn each_privileged_call_refuses_every_other_role() {
	for (name, holder, setup, call) in privileged_calls() {
		new_test_ext().execute_with(|| {
			setup();
			for who in ACCOUNTS.into_iter().filter(|who| *who != holder) {
				assert_noop!(call(RuntimeOrigin::signed(who)), DispatchError::BadOrigin);
			}
			assert_noop!(call(RuntimeOrigin::root()), DispatchError::BadOrigin);
			assert_noop!(call(RuntimeOrigin::none()), DispatchError::BadOrigin);
			assert!(call(RuntimeOrigin::signed(holder)).is_ok(), "{name} by its role holder");
		});
	}
}

// ---- Level 3: throttles ---------------------------------------------------

#[test]
fn set_throttle_validates_and_records_the_limits() {
	new_test_ext().execute_with(|| {
		let invalid = [
			ThrottleConfig { window: 0, ..throttle(Some(3), None, None) },
			ThrottleConfig { cooldown: 0, ..throttle(Some(3), None, None) },
			throttle(None, None, None),
			throttle(Some(0), None, None),
			throttle(None, Some(0), None),
			throttle(None, Some(10), Some(0)),
			// An asset-wide limit one account could reach alone.
			throttle(Some(3), None, Some(100)),
			throttle(None, Some(100), Some(100)),
		];
		for config in invalid {
			assert_noop!(set_throttle(config), Error::<Test>::InvalidThrottle);
		}
		for config in [throttle(Some(3), None, None), throttle(None, Some(10), None), throttle(Some(3), Some(99), Some(100))] {
			assert_ok!(set_throttle(config));
			assert_eq!(Throttles::<Test>::get(KEY).map(|r| r.config), Some(config));
			System::assert_last_event(Event::ThrottleSet { kind: TRANSFER, asset: EURC, config, by: COUNCIL }.into());
		}
	});
}

#[test]
fn at_most_max_throttles_are_in_force() {
	new_test_ext().execute_with(|| {
		let limits = throttle(Some(1), None, None);
		for asset in 0..4 {
			assert_ok!(CircuitBreaker::set_throttle(council(), TRANSFER, asset, limits));
		}
		assert_noop!(CircuitBreaker::set_throttle(council(), TRANSFER, 4, limits), Error::<Test>::TooManyThrottles);
		// Replacing one in force is no new throttle; removing one makes room.
		assert_ok!(CircuitBreaker::set_throttle(council(), TRANSFER, 3, throttle(Some(2), None, None)));
		assert_ok!(CircuitBreaker::remove_throttle(council(), TRANSFER, 3));
		assert_ok!(CircuitBreaker::set_throttle(council(), TRANSFER, 4, limits));
		assert_eq!(Throttles::<Test>::count(), 4);
	});
}

#[test]
fn remove_and_reset_need_a_throttle() {
	new_test_ext().execute_with(|| {
		assert_noop!(CircuitBreaker::remove_throttle(council(), TRANSFER, EURC), Error::<Test>::NoThrottle);
		assert_noop!(CircuitBreaker::reset_throttle(council(), TRANSFER, EURC), Error::<Test>::NoThrottle);
	});
}

#[test]
fn unthrottled_operations_always_pass_and_store_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(CircuitBreaker::set_throttle(council(), TRANSFER, USDC, throttle(Some(1), None, None)));
		assert_ok!(CircuitBreaker::set_throttle(council(), OperationKind::Mint, EURC, throttle(Some(1), None, None)));
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		for _ in 0..100 {
			assert_eq!(note(ALICE, u128::MAX), Ok(()));
		}
		assert_eq!(check(ALICE, u128::MAX), Ok(()));
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
		assert_eq!(trips(), 0);
	});
}

#[test]
fn one_account_exhausts_only_its_own_window() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(3), None, None)));
		for _ in 0..3 {
			assert_eq!(note(ALICE, 1), Ok(()));
		}
		// The fourth one-unit transfer of Alice is refused, and only hers.
		assert_eq!(check(ALICE, 1), Err(BreakerRefusal::AccountLimitReached));
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(note(ALICE, 1), Err(BreakerRefusal::AccountLimitReached));
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1), "a refusal counts nothing");
		assert_eq!(note(BOB, 1), Ok(()));
		assert_eq!(CircuitBreaker::note_operation(TRANSFER, &USDC, &ALICE, 1), Ok(()));
		assert_eq!(trips(), 0);
		// Her window is the fixed window of blocks 0..=9; from block 10 on
		// she may send again.
		run_to(9);
		assert_eq!(note(ALICE, 1), Err(BreakerRefusal::AccountLimitReached));
		run_to(10);
		assert_eq!(note(ALICE, 1), Ok(()));
		assert_eq!(
			AccountWindows::<Test>::get(KEY, ALICE).map(|w| w.state),
			Some(ThrottleState { window_start: 10, operations: 1, amount: 1, tripped_until: None })
		);
	});
}

#[test]
fn the_asset_trips_only_when_several_accounts_move_real_value() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(None, Some(100), Some(250))));
		assert_eq!(note(ALICE, 60), Ok(()));
		assert_eq!(note(ALICE, 40), Ok(()));
		assert_eq!(note(ALICE, 1), Err(BreakerRefusal::AccountLimitReached));
		assert_eq!(note(BOB, 100), Ok(()));
		assert_eq!(check(CAROL, 50), Ok(()));
		// 200 so far; Carol's 50 reaches 250: it passes and trips.
		assert_eq!(note(CAROL, 50), Ok(()));
		System::assert_last_event(tripped(6, 4, 250).into());
		assert_eq!(TrippedThrottles::<Test>::get().into_inner(), vec![(KEY, 6)]);
		for who in [ALICE, BOB, CAROL, OUTSIDER] {
			assert_eq!(note(who, 1), Err(BreakerRefusal::Throttled));
		}
		// Another asset and another kind are not affected.
		assert_eq!(CircuitBreaker::note_operation(TRANSFER, &USDC, &ALICE, 1_000), Ok(()));
		assert_eq!(CircuitBreaker::note_operation(OperationKind::Mint, &EURC, &ALICE, 1_000), Ok(()));
		run_to(5);
		assert_eq!(note(OUTSIDER, 1), Err(BreakerRefusal::Throttled));
		assert_eq!(count_resumed_events(), 0);
		run_to(6);
		System::assert_last_event(Event::ThrottleResumed { kind: TRANSFER, asset: EURC }.into());
		assert!(TrippedThrottles::<Test>::get().is_empty());
		assert_eq!(ThrottleStates::<Test>::get(KEY), None);
		assert_eq!(note(OUTSIDER, 99), Ok(()));
		// Alice's own window (blocks 0..=9) still holds her 100.
		assert_eq!(note(ALICE, 1), Err(BreakerRefusal::AccountLimitReached));
	});
}

#[test]
fn a_cooled_down_throttle_passes_even_before_the_hook_and_resumes_once() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(None, Some(5), Some(6))));
		assert_eq!(note(ALICE, 5), Ok(()));
		assert_eq!(note(BOB, 1), Ok(()));
		System::set_block_number(6);
		assert_eq!(check(CAROL, 5), Ok(()));
		assert_eq!(note(CAROL, 5), Ok(()));
		// Passes, announces the resume; Bob's 1 more trips it again.
		assert_eq!(note(BOB, 1), Ok(()));
		let events = breaker_events();
		assert_eq!(
			events[events.len() - 2..],
			[Event::ThrottleResumed { kind: TRANSFER, asset: EURC }, tripped(11, 2, 6)]
		);
		CircuitBreaker::on_initialize(6);
		assert_eq!(count_resumed_events(), 1);
		assert_eq!(note(CAROL, 1), Err(BreakerRefusal::Throttled));
	});
}

#[test]
fn reset_releases_a_trip_and_every_window_and_remove_drops_the_throttle() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(1), Some(5), Some(6))));
		assert_ok!(CircuitBreaker::set_throttle(council(), TRANSFER, USDC, throttle(Some(1), None, None)));
		assert_eq!(note(ALICE, 5), Ok(()));
		assert_eq!(note(BOB, 1), Ok(()));
		assert_eq!(TrippedThrottles::<Test>::get().len(), 1);

		assert_ok!(CircuitBreaker::reset_throttle(council(), TRANSFER, EURC));
		System::assert_last_event(Event::ThrottleReset { kind: TRANSFER, asset: EURC, by: COUNCIL }.into());
		assert_eq!(ThrottleStates::<Test>::get(KEY), None);
		assert!(TrippedThrottles::<Test>::get().is_empty());
		// Alice's full window belongs to the old generation: she passes.
		assert_eq!(note(ALICE, 5), Ok(()));

		assert_eq!(CircuitBreaker::note_operation(TRANSFER, &USDC, &ALICE, 1), Ok(()));
		assert_ok!(CircuitBreaker::remove_throttle(council(), TRANSFER, USDC));
		System::assert_last_event(Event::ThrottleRemoved { kind: TRANSFER, asset: USDC, by: COUNCIL }.into());
		assert_eq!(Throttles::<Test>::get((TRANSFER, USDC)), None);
		assert_eq!(CircuitBreaker::note_operation(TRANSFER, &USDC, &ALICE, 1), Ok(()));
		// Set again, it starts from nothing: Alice's old window is stale.
		assert_ok!(CircuitBreaker::set_throttle(council(), TRANSFER, USDC, throttle(Some(1), None, None)));
		assert_eq!(CircuitBreaker::note_operation(TRANSFER, &USDC, &ALICE, 1), Ok(()));
		assert_eq!(
			CircuitBreaker::note_operation(TRANSFER, &USDC, &ALICE, 1),
			Err(BreakerRefusal::AccountLimitReached)
		);
		run_to(20);
		assert_eq!(count_resumed_events(), 0, "a released trip is never announced as resumed");
	});
}

#[test]
fn replacing_limits_keeps_a_running_trip_and_the_windows() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(1), Some(5), Some(6))));
		assert_eq!(note(ALICE, 5), Ok(()));
		assert_ok!(set_throttle(throttle(Some(2), Some(50), Some(60))));
		assert_eq!(note(ALICE, 5), Ok(()));
		assert_eq!(note(ALICE, 1), Err(BreakerRefusal::AccountLimitReached));
		assert_ok!(set_throttle(throttle(Some(1), Some(5), Some(6))));
		assert_eq!(note(BOB, 1), Ok(()));
		System::assert_last_event(tripped(6, 3, 11).into());
		assert_ok!(set_throttle(throttle(Some(9), Some(50), Some(60))));
		assert_eq!(note(CAROL, 1), Err(BreakerRefusal::Throttled));
	});
}

#[test]
fn saturated_counters_still_trip() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(None, Some(u128::MAX - 1), Some(u128::MAX))));
		assert_eq!(note(ALICE, u128::MAX - 1), Ok(()));
		assert_eq!(note(BOB, u128::MAX - 1), Ok(()));
		assert_eq!(ThrottleStates::<Test>::get(KEY).map(|s| s.amount), Some(u128::MAX));
		assert_eq!(note(CAROL, 1), Err(BreakerRefusal::Throttled));
	});
}

#[test]
fn try_state_names_a_drifted_trip_list() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(None, Some(5), Some(6))));
		assert_eq!(note(ALICE, 5), Ok(()));
		assert_eq!(note(BOB, 1), Ok(()));
		assert_eq!(CircuitBreaker::do_try_state(), Ok(()));
		TrippedThrottles::<Test>::mutate(|list| list[0].1 = 7);
		assert_eq!(CircuitBreaker::do_try_state(), Err("tripped counters disagree with the list"));
		Throttles::<Test>::remove(KEY);
		assert_eq!(CircuitBreaker::do_try_state(), Err("a tripped throttle is not in force"));
	});
}

// ---- Migration ------------------------------------------------------------

thread_local! {
	static ADOPTED: std::cell::RefCell<Vec<(u64, u64, Vec<u8>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

struct RecordAdoption;
impl crate::migrations::AdoptAddressFreeze<u64> for RecordAdoption {
	fn adopt(who: &u64, by: &u64, reason: &[u8]) -> frame_support::weights::Weight {
		ADOPTED.with(|a| a.borrow_mut().push((*who, *by, reason.to_vec())));
		frame_support::weights::Weight::zero()
	}
}

#[test]
fn migration_to_v2_hands_over_v1_freezes_and_drops_v1_throttles() {
	use frame_support::{
		storage::{storage_prefix, unhashed},
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};
	new_test_ext().execute_with(|| {
		StorageVersion::new(1).put::<CircuitBreaker>();
		crate::migrations::v1::FrozenAddresses::<Test>::insert(40, StopRecord { by: 3, at: 1, reason: bounded("AML-77") });
		// A v1 throttle of transfers, keyed by kind only.
		let mut key = storage_prefix(b"CircuitBreaker", b"Throttles").to_vec();
		key.extend(codec::Encode::encode(&(sp_io::hashing::twox_64(&[0u8]), 0u8)));
		unhashed::put_raw(&key, &[1, 2, 3]);
		crate::migrations::MigrateToV2::<Test, RecordAdoption>::on_runtime_upgrade();
		assert_eq!(ADOPTED.with(|a| a.borrow().clone()), vec![(40, 3, reason("AML-77"))]);
		assert_eq!(crate::migrations::v1::FrozenAddresses::<Test>::iter().count(), 0);
		assert_eq!(unhashed::get_raw(&key), None);
		assert_eq!(CircuitBreaker::on_chain_storage_version(), StorageVersion::new(2));
		// Once migrated, it does nothing.
		crate::migrations::v1::FrozenAddresses::<Test>::insert(41, StopRecord { by: 3, at: 1, reason: bounded("x") });
		crate::migrations::MigrateToV2::<Test, RecordAdoption>::on_runtime_upgrade();
		assert_eq!(ADOPTED.with(|a| a.borrow().len()), 1);
	});
}

// ---- Block hook, status ---------------------------------------------------

#[test]
fn block_hook_reports_the_weight_of_what_it_did() {
	new_test_ext().execute_with(|| {
		let idle = <() as WeightInfo>::on_initialize_idle();
		assert_eq!(CircuitBreaker::on_initialize(1), idle);
		assert_ok!(pause_chain());
		assert_ok!(CircuitBreaker::schedule_global_resume(council()));
		for asset in [EURC, USDC] {
			let limits = ThrottleConfig { cooldown: 10, ..throttle(None, Some(1), Some(2)) };
			assert_ok!(CircuitBreaker::set_throttle(council(), TRANSFER, asset, limits));
			assert_eq!(CircuitBreaker::note_operation(TRANSFER, &asset, &ALICE, 1), Ok(()));
			assert_eq!(CircuitBreaker::note_operation(TRANSFER, &asset, &BOB, 1), Ok(()));
		}
		assert_eq!(CircuitBreaker::on_initialize(10), idle);
		assert_eq!(CircuitBreaker::on_initialize(11), <() as WeightInfo>::on_initialize_release(2));
		assert_eq!(GlobalPauseState::<Test>::get(), None);
		assert!(TrippedThrottles::<Test>::get().is_empty());
	});
}

#[test]
fn breaker_status_reports_every_level() {
	new_test_ext().execute_with(|| {
		let empty = CircuitBreaker::breaker_status();
		assert_eq!((empty.at, empty.global_pause, empty.throttles), (1, None, vec![]));

		assert_ok!(pause_chain());
		assert_ok!(CircuitBreaker::schedule_global_resume(council()));
		let payments = throttle(None, Some(10), Some(100));
		assert_ok!(CircuitBreaker::set_throttle(council(), OperationKind::Payment, USDC, payments));
		assert_ok!(set_throttle(throttle(None, Some(5), Some(10))));
		assert_eq!(note(ALICE, 5), Ok(()));
		assert_eq!(note(BOB, 5), Ok(()));
		run_to(3);
		let status = CircuitBreaker::breaker_status();
		assert_eq!(status.at, 3);
		assert_eq!(
			status.global_pause,
			Some(GlobalPause {
				pause: StopRecord { by: COUNCIL, at: 1, reason: reason("INC-1") },
				resume: Some(ScheduledResume { by: COUNCIL, resume_at: 11 }),
			})
		);
		let mut throttles = status.throttles;
		throttles.sort_by_key(|t| t.asset);
		assert_eq!(
			throttles,
			vec![
				ThrottleStatus {
					kind: TRANSFER,
					asset: EURC,
					config: throttle(None, Some(5), Some(10)),
					state: ThrottleState { window_start: 0, operations: 2, amount: 10, tripped_until: Some(6) },
				},
				ThrottleStatus {
					kind: OperationKind::Payment,
					asset: USDC,
					config: payments,
					state: ThrottleState { window_start: 0, operations: 0, amount: 0, tripped_until: None },
				},
			]
		);
		assert_eq!(CircuitBreaker::throttle_status(TRANSFER, USDC), None);
		run_to(11);
		assert_eq!(CircuitBreaker::breaker_status().global_pause, None);
	});
}

#[test]
fn status_types_serialize_for_the_runtime_api() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(2), None, None)));
		let status = CircuitBreaker::breaker_status();
		let json = serde_json::to_string(&status).unwrap_or_default();
		assert!(json.contains("\"accountMaxOperations\":2"), "{json}");
		let back: crate::BreakerStatusOf<Test> = serde_json::from_str(&json).unwrap_or_else(|_| empty_status());
		assert_eq!(back, status);
	});
}

fn empty_status() -> crate::BreakerStatusOf<Test> {
	crate::BreakerStatus { at: 0, global_pause: None, throttles: vec![], frozen_funds: vec![] }
}

#[test]
fn genesis_throttles_are_in_force() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	crate::GenesisConfig::<Test> { throttles: vec![(OperationKind::Redemption, EURC, throttle(Some(1), None, None))] }
		.assimilate_storage(&mut storage)
		.unwrap_or_default();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		let record = Throttles::<Test>::get((OperationKind::Redemption, EURC));
		assert_eq!(record.map(|r| r.config), Some(throttle(Some(1), None, None)));
	});
}

#[test]
#[should_panic(expected = "InvalidThrottle")]
fn genesis_refuses_an_invalid_throttle() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	let _ = crate::GenesisConfig::<Test> { throttles: vec![(OperationKind::Mint, EURC, throttle(None, None, None))] }
		.assimilate_storage(&mut storage);
}

// ---- Property: the throttle's contract --------------------------------------

#[derive(Clone, Debug)]
enum Step {
	Operation { who: u64, amount: u128 },
	Advance { blocks: u64 },
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		4 => (40u64..44, 0u128..80).prop_map(|(who, amount)| Step::Operation { who, amount }),
		1 => (0u64..8).prop_map(|blocks| Step::Advance { blocks }),
	]
}

fn config() -> impl Strategy<Value = ThrottleConfigOf<Test>> {
	(1u64..8, proptest::option::of(1u32..6), proptest::option::of(1u128..150), proptest::option::of(1u128..200), 1u64..8)
		.prop_map(|(window, ops, per_account, total, cooldown)| {
			// Keep the asset-wide limit above a set per-account one.
			let per_account = per_account.or(total.map(|_| 1));
			let total = total.map(|t| t.max(per_account.unwrap_or(0) + 1));
			ThrottleConfig { window, account_max_operations: ops, account_max_amount: per_account, max_amount: total, cooldown }
		})
		.prop_filter("one threshold at least", |c| c.is_valid())
}

/// A window as the model counts it.
#[derive(Clone, Copy, Default)]
struct Window {
	start: u64,
	operations: u32,
	amount: u128,
}

/// The independent model: per-account windows, the asset's window, its
/// trip, and who passed an operation in the asset's window.
#[derive(Default)]
struct Model {
	accounts: BTreeMap<u64, Window>,
	asset: Option<Window>,
	tripped_until: Option<u64>,
	movers: BTreeSet<u64>,
}

impl Model {
	/// The fixed window `now` falls in, with what `window` counted if it is
	/// that one.
	fn window_at(window: Option<Window>, now: u64, length: u64) -> Window {
		let start = now / length * length;
		match window {
			Some(w) if w.start == start => w,
			_ => Window { start, ..Window::default() },
		}
	}
}

proptest! {
	/// Over any sequence of operations by four accounts and block advances
	/// (the hook running every block), the breaker answers exactly as an
	/// independent model of windows and trips does:
	/// - refused with `Throttled` exactly while an announced trip cools down;
	/// - refused with `AccountLimitReached` exactly when the account's own
	///   window could not take the operation; a refusal changes no storage;
	/// - the asset trips on exactly the operation that brings its window's
	///   sum to `max_amount`, and never while a single account moved in it;
	/// - every trip is announced resumed exactly once, from its `until`.
	#[test]
	fn throttle_contract_holds(config in config(), steps in proptest::collection::vec(step(), 1..80)) {
		new_test_ext().execute_with(|| {
			prop_assert!(set_throttle(config).is_ok());
			let mut model = Model::default();
			for step in steps {
				match step {
					Step::Advance { blocks } => run_to(System::block_number() + blocks),
					Step::Operation { who, amount } => {
						let now = System::block_number();
						let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
						let events_before = breaker_events().len();
						let result = note(who, amount);
						let refused = |r| (result == Err(r), before == sp_io::storage::root(sp_runtime::StateVersion::V1));
						if model.tripped_until.is_some_and(|until| now < until) {
							prop_assert_eq!(refused(BreakerRefusal::Throttled), (true, true));
							continue;
						}
						if model.tripped_until.is_some() {
							model.tripped_until = None;
							model.asset = None;
							model.movers.clear();
						}
						let mut mine = Model::window_at(model.accounts.get(&who).copied(), now, config.window);
						mine.operations += 1;
						mine.amount = mine.amount.saturating_add(amount);
						let within = config.account_max_operations.map_or(true, |max| mine.operations <= max) &&
							config.account_max_amount.map_or(true, |max| mine.amount <= max);
						if !within {
							prop_assert_eq!(refused(BreakerRefusal::AccountLimitReached), (true, true));
							continue;
						}
						prop_assert_eq!(result, Ok(()));
						model.accounts.insert(who, mine);
						let mut asset = Model::window_at(model.asset, now, config.window);
						if asset.operations == 0 {
							model.movers.clear();
						}
						asset.operations += 1;
						asset.amount = asset.amount.saturating_add(amount);
						model.asset = Some(asset);
						model.movers.insert(who);
						let reached = config.max_amount.is_some_and(|max| asset.amount >= max);
						let trip = breaker_events()[events_before..].iter().find_map(|e| match e {
							Event::ThrottleTripped { until, .. } => Some(*until),
							_ => None,
						});
						prop_assert_eq!(trip.is_some(), reached);
						if let Some(until) = trip {
							prop_assert_eq!(until, now + config.cooldown);
							prop_assert!(model.movers.len() >= 2, "one account tripped the asset alone");
							model.tripped_until = Some(until);
						}
					},
				}
				let still_cooling = model.tripped_until.is_some_and(|until| System::block_number() < until);
				prop_assert_eq!(count_resumed_events() + usize::from(still_cooling), trips());
				prop_assert!(TrippedThrottles::<Test>::get().len() <= 1);
				prop_assert_eq!(CircuitBreaker::do_try_state(), Ok(()));
			}
			Ok(())
		})?;
	}
}
