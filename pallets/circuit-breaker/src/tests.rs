use crate::{
	mock::*, types::OPERATION_KINDS, Error, Event, FrozenAddresses, GlobalPause, GlobalPauseState,
	PausedAssets, ReasonOf, ScheduledResume, StopRecord, ThrottleConfig, ThrottleConfigOf,
	ThrottleState, ThrottleStates, ThrottleStatus, Throttles, TrippedThrottles, WeightInfo,
};
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

fn throttle(max_operations: Option<u32>, max_amount: Option<u128>) -> ThrottleConfigOf<Test> {
	ThrottleConfig { window: 10, max_operations, max_amount, cooldown: 5 }
}

fn set_throttle(config: ThrottleConfigOf<Test>) -> DispatchResult {
	CircuitBreaker::set_throttle(council(), TRANSFER, config)
}

fn note(amount: u128) -> Result<(), BreakerRefusal> {
	CircuitBreaker::note_operation(TRANSFER, amount)
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
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&OUTSIDER]), Err(BreakerRefusal::GlobalPause));
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
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[]), Err(BreakerRefusal::GlobalPause));

		// At resume_at the pause no longer holds, even before the hook ran.
		System::set_block_number(resume_at);
		assert!(!CircuitBreaker::is_globally_paused());
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[]), Ok(()));
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
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&OUTSIDER]), Err(BreakerRefusal::AssetPaused));
		assert_eq!(CircuitBreaker::ensure_open(&USDC, &[&OUTSIDER]), Ok(()));
		assert_noop!(
			CircuitBreaker::pause_asset(compliance(), EURC, reason("again")),
			Error::<Test>::AssetAlreadyPaused
		);

		assert_ok!(CircuitBreaker::resume_asset(compliance(), EURC));
		System::assert_last_event(Event::AssetResumed { asset: EURC, by: COMPLIANCE_DEPOSITARY }.into());
		assert!(!PausedAssets::<Test>::contains_key(EURC));
		assert_eq!(CircuitBreaker::asset_paused(EURC), None);
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&OUTSIDER]), Ok(()));
	});
}

// ---- Level 3: address freeze ----------------------------------------------

#[test]
fn a_frozen_address_may_be_no_party_to_any_movement() {
	new_test_ext().execute_with(|| {
		let officer = || RuntimeOrigin::signed(COMPLIANCE_OFFICER);
		assert_noop!(CircuitBreaker::unfreeze_address(officer(), 40), Error::<Test>::AddressNotFrozen);
		assert_noop!(CircuitBreaker::freeze_address(officer(), 40, vec![]), Error::<Test>::EmptyReason);
		assert_noop!(CircuitBreaker::freeze_address(officer(), 40, vec![1; 17]), Error::<Test>::ReasonTooLong);
		assert_ok!(CircuitBreaker::freeze_address(officer(), 40, reason("AML-77")));
		System::assert_last_event(
			Event::AddressFrozen { who: 40, by: COMPLIANCE_OFFICER, reason: bounded("AML-77") }.into(),
		);
		assert!(CircuitBreaker::is_address_frozen(&40));
		assert!(!CircuitBreaker::is_address_frozen(&41));
		assert_eq!(
			CircuitBreaker::address_frozen(40),
			Some(StopRecord { by: COMPLIANCE_OFFICER, at: 1, reason: reason("AML-77") })
		);
		// As sender, as receiver, or anywhere among the parties.
		for parties in [[&40, &41], [&41, &40]] {
			assert_eq!(CircuitBreaker::ensure_open(&EURC, &parties), Err(BreakerRefusal::AddressFrozen));
		}
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&41, &42]), Ok(()));
		assert_noop!(
			CircuitBreaker::freeze_address(officer(), 40, reason("again")),
			Error::<Test>::AddressAlreadyFrozen
		);

		assert_ok!(CircuitBreaker::unfreeze_address(officer(), 40));
		System::assert_last_event(Event::AddressUnfrozen { who: 40, by: COMPLIANCE_OFFICER }.into());
		assert!(!FrozenAddresses::<Test>::contains_key(40));
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&40, &41]), Ok(()));
	});
}

#[test]
fn ensure_open_names_the_widest_stop_in_force() {
	new_test_ext().execute_with(|| {
		assert_ok!(CircuitBreaker::freeze_address(RuntimeOrigin::signed(COMPLIANCE_OFFICER), 40, reason("r")));
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&40]), Err(BreakerRefusal::AddressFrozen));
		assert_ok!(CircuitBreaker::pause_asset(RuntimeOrigin::signed(COMPLIANCE_DEPOSITARY), EURC, reason("r")));
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&40]), Err(BreakerRefusal::AssetPaused));
		assert_ok!(pause_chain());
		assert_eq!(CircuitBreaker::ensure_open(&EURC, &[&40]), Err(BreakerRefusal::GlobalPause));
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

fn frozen_40() {
	assert_ok!(CircuitBreaker::freeze_address(RuntimeOrigin::signed(COMPLIANCE_OFFICER), 40, reason("r")));
}

fn throttled_transfers() {
	assert_ok!(set_throttle(throttle(Some(1), None)));
}

fn privileged_calls() -> [PrivilegedCall; 10] {
	[
		("pause_global", COUNCIL, nothing, |o| CircuitBreaker::pause_global(o, reason("r"))),
		("schedule_global_resume", COUNCIL, paused_chain, CircuitBreaker::schedule_global_resume),
		("cancel_global_resume", COUNCIL, paused_chain_with_resume, CircuitBreaker::cancel_global_resume),
		("pause_asset", COMPLIANCE_DEPOSITARY, nothing, |o| CircuitBreaker::pause_asset(o, EURC, reason("r"))),
		("resume_asset", COMPLIANCE_DEPOSITARY, paused_eurc, |o| CircuitBreaker::resume_asset(o, EURC)),
		("freeze_address", COMPLIANCE_OFFICER, nothing, |o| CircuitBreaker::freeze_address(o, 40, reason("r"))),
		("unfreeze_address", COMPLIANCE_OFFICER, frozen_40, |o| CircuitBreaker::unfreeze_address(o, 40)),
		("set_throttle", COUNCIL, nothing, |o| CircuitBreaker::set_throttle(o, TRANSFER, throttle(Some(1), None))),
		("remove_throttle", COUNCIL, throttled_transfers, |o| CircuitBreaker::remove_throttle(o, TRANSFER)),
		("reset_throttle", COUNCIL, throttled_transfers, |o| CircuitBreaker::reset_throttle(o, TRANSFER)),
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

// ---- Level 4: throttles ---------------------------------------------------

#[test]
fn set_throttle_validates_and_records_the_limits() {
	new_test_ext().execute_with(|| {
		let invalid = [
			ThrottleConfig { window: 0, ..throttle(Some(3), None) },
			ThrottleConfig { cooldown: 0, ..throttle(Some(3), None) },
			throttle(None, None),
			throttle(Some(0), None),
			throttle(None, Some(0)),
			throttle(Some(0), Some(100)),
		];
		for config in invalid {
			assert_noop!(set_throttle(config), Error::<Test>::InvalidThrottle);
		}
		for config in [throttle(Some(3), None), throttle(None, Some(100)), throttle(Some(3), Some(100))] {
			assert_ok!(set_throttle(config));
			assert_eq!(Throttles::<Test>::get(TRANSFER), Some(config));
			System::assert_last_event(Event::ThrottleSet { kind: TRANSFER, config, by: COUNCIL }.into());
		}
	});
}

#[test]
fn remove_and_reset_need_a_throttle() {
	new_test_ext().execute_with(|| {
		assert_noop!(CircuitBreaker::remove_throttle(council(), TRANSFER), Error::<Test>::NoThrottle);
		assert_noop!(CircuitBreaker::reset_throttle(council(), TRANSFER), Error::<Test>::NoThrottle);
	});
}

#[test]
fn unthrottled_operations_always_pass_and_store_nothing() {
	new_test_ext().execute_with(|| {
		for _ in 0..100 {
			assert_eq!(note(u128::MAX), Ok(()));
		}
		assert_eq!(CircuitBreaker::check_operation(TRANSFER, u128::MAX), Ok(()));
		assert_eq!(ThrottleStates::<Test>::get(TRANSFER), None);
		assert!(breaker_events().is_empty());
	});
}

#[test]
fn throttle_trips_by_count_refuses_and_auto_resumes_after_cooldown() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(3), None)));
		assert_eq!(note(10), Ok(()));
		assert_eq!(note(10), Ok(()));
		assert_eq!(CircuitBreaker::check_operation(TRANSFER, 10), Ok(()));
		// The third operation reaches the threshold: it passes and trips.
		assert_eq!(note(10), Ok(()));
		System::assert_last_event(
			Event::ThrottleTripped { kind: TRANSFER, until: 6, operations: 3, amount: 30 }.into(),
		);
		assert_eq!(TrippedThrottles::<Test>::get().into_inner(), vec![(TRANSFER, 6)]);

		let tripped = ThrottleStates::<Test>::get(TRANSFER);
		assert_eq!(note(1), Err(BreakerRefusal::Throttled));
		assert_eq!(CircuitBreaker::check_operation(TRANSFER, 1), Err(BreakerRefusal::Throttled));
		assert_eq!(ThrottleStates::<Test>::get(TRANSFER), tripped, "a refusal counts nothing");
		// Other kinds are not affected.
		assert_eq!(CircuitBreaker::note_operation(OperationKind::Mint, 1), Ok(()));

		run_to(5);
		assert_eq!(note(1), Err(BreakerRefusal::Throttled));
		assert_eq!(count_resumed_events(), 0);
		run_to(6);
		System::assert_last_event(Event::ThrottleResumed { kind: TRANSFER }.into());
		assert!(TrippedThrottles::<Test>::get().is_empty());
		assert_eq!(ThrottleStates::<Test>::get(TRANSFER), None);
		assert_eq!(CircuitBreaker::check_operation(TRANSFER, 1), Ok(()));
		assert_eq!(note(1), Ok(()));
		assert_eq!(
			ThrottleStates::<Test>::get(TRANSFER),
			Some(ThrottleState { window_start: 6, operations: 1, amount: 1, tripped_until: None })
		);
		run_to(9);
		assert_eq!(count_resumed_events(), 1);
	});
}

#[test]
fn throttle_trips_by_amount() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(None, Some(100))));
		assert_eq!(note(60), Ok(()));
		assert_eq!(note(39), Ok(()));
		// 99 < 100: still open. The next one reaches the threshold, passes and trips.
		assert_eq!(note(50), Ok(()));
		System::assert_last_event(
			Event::ThrottleTripped { kind: TRANSFER, until: 6, operations: 3, amount: 149 }.into(),
		);
		assert_eq!(note(1), Err(BreakerRefusal::Throttled));
		run_to(6);
		assert_eq!(note(99), Ok(()));
	});
}

#[test]
fn throttle_with_both_limits_trips_on_the_first_reached() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(3), Some(100))));
		assert_eq!(note(100), Ok(()));
		System::assert_last_event(
			Event::ThrottleTripped { kind: TRANSFER, until: 6, operations: 1, amount: 100 }.into(),
		);
		assert_eq!(note(1), Err(BreakerRefusal::Throttled));
	});
}

#[test]
fn window_roll_over_resets_the_counters() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(3), None)));
		assert_eq!(note(1), Ok(()));
		run_to(10);
		// Last block of the window (1..=10): still counted together.
		assert_eq!(note(1), Ok(()));
		assert_eq!(ThrottleStates::<Test>::get(TRANSFER).map(|s| s.operations), Some(2));
		run_to(11);
		// A new window opens with the first operation after the old one closed.
		assert_eq!(note(1), Ok(()));
		assert_eq!(
			ThrottleStates::<Test>::get(TRANSFER),
			Some(ThrottleState { window_start: 11, operations: 1, amount: 1, tripped_until: None })
		);
		assert_eq!(CircuitBreaker::throttle_status(TRANSFER).map(|s| s.state.operations), Some(1));
		run_to(25);
		// The status reports what applies now: the window of block 11 is over.
		assert_eq!(CircuitBreaker::throttle_status(TRANSFER).map(|s| s.state.operations), Some(0));
		assert_eq!(note(1), Ok(()));
		assert_eq!(note(1), Ok(()));
		assert!(!breaker_events().iter().any(|e| matches!(e, Event::ThrottleTripped { .. })));
	});
}

#[test]
fn a_cooled_down_throttle_passes_even_before_the_hook_and_resumes_once() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(1), None)));
		assert_eq!(note(1), Ok(()));
		System::set_block_number(6);
		assert_eq!(CircuitBreaker::check_operation(TRANSFER, 1), Ok(()));
		// Passes, announces the resume and trips again (max 1).
		assert_eq!(note(1), Ok(()));
		let events = breaker_events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::ThrottleResumed { kind: TRANSFER },
				Event::ThrottleTripped { kind: TRANSFER, until: 11, operations: 1, amount: 1 },
			]
		);
		assert_eq!(TrippedThrottles::<Test>::get().into_inner(), vec![(TRANSFER, 11)]);
		CircuitBreaker::on_initialize(6);
		assert_eq!(count_resumed_events(), 1);
		assert_eq!(note(1), Err(BreakerRefusal::Throttled));
	});
}

#[test]
fn reset_releases_a_trip_and_remove_drops_the_throttle() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(1), None)));
		assert_ok!(CircuitBreaker::set_throttle(council(), OperationKind::Mint, throttle(Some(1), None)));
		assert_eq!(note(1), Ok(()));
		assert_eq!(CircuitBreaker::note_operation(OperationKind::Mint, 1), Ok(()));
		assert_eq!(TrippedThrottles::<Test>::get().len(), 2);

		assert_ok!(CircuitBreaker::reset_throttle(council(), TRANSFER));
		System::assert_last_event(Event::ThrottleReset { kind: TRANSFER, by: COUNCIL }.into());
		assert_eq!(ThrottleStates::<Test>::get(TRANSFER), None);
		assert_eq!(TrippedThrottles::<Test>::get().into_inner(), vec![(OperationKind::Mint, 6)]);
		assert_eq!(note(1), Ok(()));

		assert_ok!(CircuitBreaker::remove_throttle(council(), OperationKind::Mint));
		System::assert_last_event(Event::ThrottleRemoved { kind: OperationKind::Mint, by: COUNCIL }.into());
		assert_eq!(Throttles::<Test>::get(OperationKind::Mint), None);
		assert_eq!(ThrottleStates::<Test>::get(OperationKind::Mint), None);
		assert_eq!(TrippedThrottles::<Test>::get().into_inner(), vec![(TRANSFER, 6)]);
		assert_eq!(CircuitBreaker::note_operation(OperationKind::Mint, 1), Ok(()));
		// A released or removed throttle is never announced as resumed.
		run_to(20);
		assert_eq!(breaker_events().iter().filter(|e| matches!(e, Event::ThrottleResumed { .. })).count(), 1);
	});
}

#[test]
fn replacing_limits_keeps_a_running_trip() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(1), None)));
		assert_eq!(note(1), Ok(()));
		assert_ok!(set_throttle(throttle(Some(50), None)));
		assert_eq!(note(1), Err(BreakerRefusal::Throttled));
	});
}

#[test]
fn saturated_counters_still_trip() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(None, Some(u128::MAX))));
		assert_eq!(note(u128::MAX - 1), Ok(()));
		assert_eq!(note(u128::MAX), Ok(()));
		assert_eq!(ThrottleStates::<Test>::get(TRANSFER).map(|s| s.amount), Some(u128::MAX));
		assert_eq!(note(1), Err(BreakerRefusal::Throttled));
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
		for kind in [TRANSFER, OperationKind::Burn] {
			assert_ok!(CircuitBreaker::set_throttle(council(), kind, ThrottleConfig { cooldown: 10, ..throttle(Some(1), None) }));
			assert_eq!(CircuitBreaker::note_operation(kind, 1), Ok(()));
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
		assert_ok!(CircuitBreaker::set_throttle(council(), OperationKind::Payment, throttle(None, Some(100))));
		assert_ok!(set_throttle(throttle(Some(2), None)));
		assert_eq!(note(5), Ok(()));
		assert_eq!(note(5), Ok(()));
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
		assert_eq!(
			status.throttles,
			vec![
				ThrottleStatus {
					kind: TRANSFER,
					config: throttle(Some(2), None),
					state: ThrottleState { window_start: 1, operations: 2, amount: 10, tripped_until: Some(6) },
				},
				ThrottleStatus {
					kind: OperationKind::Payment,
					config: throttle(None, Some(100)),
					state: ThrottleState { window_start: 3, operations: 0, amount: 0, tripped_until: None },
				},
			]
		);
		run_to(11);
		assert_eq!(CircuitBreaker::breaker_status().global_pause, None);
	});
}

#[test]
fn status_types_serialize_for_the_runtime_api() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_throttle(throttle(Some(2), None)));
		let status = CircuitBreaker::breaker_status();
		let json = serde_json::to_string(&status).unwrap_or_default();
		assert!(json.contains("\"maxOperations\":2"), "{json}");
		let back: crate::BreakerStatusOf<Test> = serde_json::from_str(&json).unwrap_or_else(|_| empty_status());
		assert_eq!(back, status);
	});
}

fn empty_status() -> crate::BreakerStatusOf<Test> {
	crate::BreakerStatus { at: 0, global_pause: None, throttles: vec![] }
}

#[test]
fn genesis_throttles_are_in_force() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	crate::GenesisConfig::<Test> { throttles: vec![(OperationKind::Redemption, throttle(Some(1), None))] }
		.assimilate_storage(&mut storage)
		.unwrap_or_default();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(Throttles::<Test>::get(OperationKind::Redemption), Some(throttle(Some(1), None)));
	});
}

#[test]
#[should_panic(expected = "invalid throttle")]
fn genesis_refuses_an_invalid_throttle() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	let _ = crate::GenesisConfig::<Test> { throttles: vec![(OperationKind::Mint, throttle(None, None))] }
		.assimilate_storage(&mut storage);
}

#[test]
fn operation_kinds_lists_every_variant() {
	// Exhaustive: a new OperationKind fails to compile here until listed.
	let position = |kind: OperationKind| match kind {
		OperationKind::AssetTransfer => 0,
		OperationKind::Mint => 1,
		OperationKind::Burn => 2,
		OperationKind::Payment => 3,
		OperationKind::Redemption => 4,
	};
	for (index, kind) in OPERATION_KINDS.into_iter().enumerate() {
		assert_eq!(position(kind), index);
	}
	assert_eq!(OPERATION_KINDS.len(), 5);
}

// ---- Property: the throttle's contract --------------------------------------

#[derive(Clone, Debug)]
enum Step {
	Operation { amount: u128 },
	Advance { blocks: u64 },
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		3 => (0u128..80).prop_map(|amount| Step::Operation { amount }),
		1 => (0u64..8).prop_map(|blocks| Step::Advance { blocks }),
	]
}

fn config() -> impl Strategy<Value = ThrottleConfigOf<Test>> {
	(1u64..8, proptest::option::of(1u32..6), proptest::option::of(1u128..250), 1u64..8)
		.prop_filter("one threshold at least", |(_, ops, amount, _)| ops.is_some() || amount.is_some())
		.prop_map(|(window, max_operations, max_amount, cooldown)| ThrottleConfig {
			window,
			max_operations,
			max_amount,
			cooldown,
		})
}

/// What the test sees from outside: the window the passing operations fall
/// in, and the trip announced by the last `ThrottleTripped` event.
#[derive(Default)]
struct Observed {
	window_start: Option<u64>,
	passed: u32,
	passed_amount: u128,
	tripped_until: Option<u64>,
}

proptest! {
	/// Over any sequence of operations and block advances (the hook running
	/// every block):
	/// - an operation is refused exactly while a trip announced by
	///   `ThrottleTripped` is cooling down, and a refusal changes no storage;
	/// - within one window no more than `max_operations` operations pass, and
	///   the throttle trips on exactly the operation that brings the window's
	///   count to `max_operations` or its sum to `max_amount`;
	/// - every trip is announced resumed exactly once, from its `until` block.
	#[test]
	fn throttle_contract_holds(config in config(), steps in proptest::collection::vec(step(), 1..60)) {
		new_test_ext().execute_with(|| {
			prop_assert!(set_throttle(config).is_ok());
			let mut seen = Observed::default();
			for step in steps {
				match step {
					Step::Advance { blocks } => run_to(System::block_number() + blocks),
					Step::Operation { amount } => {
						let now = System::block_number();
						let cooling = seen.tripped_until.is_some_and(|until| now < until);
						let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
						let events_before = breaker_events().len();
						let result = note(amount);
						if cooling {
							prop_assert_eq!(result, Err(BreakerRefusal::Throttled));
							prop_assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
							continue;
						}
						prop_assert_eq!(result, Ok(()));
						let window_over = seen.window_start.map_or(true, |start| now >= start + config.window);
						if window_over || seen.tripped_until.is_some() {
							seen = Observed { window_start: Some(now), ..Observed::default() };
						}
						seen.passed += 1;
						seen.passed_amount = seen.passed_amount.saturating_add(amount);
						prop_assert!(config.max_operations.map_or(true, |max| seen.passed <= max));
						let reached = config.max_operations.is_some_and(|max| seen.passed >= max) ||
							config.max_amount.is_some_and(|max| seen.passed_amount >= max);
						let tripped = breaker_events()[events_before..].iter().find_map(|e| match e {
							Event::ThrottleTripped { until, .. } => Some(*until),
							_ => None,
						});
						prop_assert_eq!(tripped.is_some(), reached);
						if let Some(until) = tripped {
							prop_assert_eq!(until, now + config.cooldown);
							seen.tripped_until = Some(until);
						}
					},
				}
				let trips = breaker_events().iter().filter(|e| matches!(e, Event::ThrottleTripped { .. })).count();
				let still_cooling = seen.tripped_until.is_some_and(|until| System::block_number() < until);
				prop_assert_eq!(count_resumed_events() + usize::from(still_cooling), trips);
				prop_assert!(TrippedThrottles::<Test>::get().len() <= 1);
			}
			Ok(())
		})?;
	}
}
