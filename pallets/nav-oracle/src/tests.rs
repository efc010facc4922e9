//! Rules of the oracle by example, then a property test of rounds, guards,
//! history and freshness against an independent model.

use crate::{mock::*, pallet::*, AcceptedValue, Candidate, Error, FeedKind, FeedSettings, ValueSource};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, BoundedVec};
use sp_runtime::{DispatchError, FixedU128, Permill, Saturating};
use tokenize_primitives::{testing::ScriptedClock, NavProvider, NavRefusal, PricePoint};

fn now() -> u64 {
	ScriptedClock::now_ms()
}

fn submit(who: u64, feed: u32, value: FixedU128, observed_at: u64) -> sp_runtime::DispatchResult {
	let round = Rounds::<Test>::get(feed).id;
	NavOracle::submit(RuntimeOrigin::signed(who), feed, round, value, observed_at).map(|_| ()).map_err(|e| e.error)
}

/// S1, S2 and S3 submit `values` to `feed`, observed now minus 3, 2 and 1 s.
fn round_of(feed: u32, values: [u128; 3]) {
	let t = now();
	for (i, (who, value)) in [S1, S2, S3].into_iter().zip(values).enumerate() {
		assert_ok!(submit(who, feed, price(value), t - 3_000 + 1_000 * i as u64));
	}
}

fn point(value: FixedU128, observed_at: u64) -> PricePoint {
	PricePoint { value, observed_at }
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn bounded(settings: FeedSettings<Vec<u64>>) -> crate::FeedSettingsOf<Test> {
	let FeedSettings { kind, submitters, quorum, max_age_ms, max_deviation, requires_sign_off } = settings;
	FeedSettings {
		kind,
		submitters: BoundedVec::truncate_from(submitters),
		quorum,
		max_age_ms,
		max_deviation,
		requires_sign_off,
	}
}

// ---- rounds and the median ----------------------------------------------------

#[test]
fn three_submitters_agree_on_the_median_observation() {
	new_test_ext().execute_with(|| {
		let t = now();
		assert_ok!(submit(S1, NAV, price(1_000), t - 3_000));
		assert_ok!(submit(S2, NAV, price(1_010), t - 2_000));
		assert_eq!(Latest::<Test>::get(NAV), None, "no value before the quorum");
		assert_ok!(submit(S3, NAV, price(1_002), t - 1_000));

		// The median is S3's observation, value and time together.
		let median = point(price(1_002), t - 1_000);
		let accepted = AcceptedValue { point: median, accepted_at: t, source: ValueSource::Median { round: 0 } };
		assert_eq!(Latest::<Test>::get(NAV), Some(accepted));
		assert_eq!(History::<Test>::get(NAV, 0), Some(accepted));
		assert_eq!(NavOracle::current(NAV), Ok(median));
		let round = Rounds::<Test>::get(NAV);
		assert_eq!((round.id, round.submissions.len()), (1, 0));
		System::assert_has_event(Event::RoundClosed { feed: NAV, round: 0, median, submissions: 3 }.into());
		System::assert_last_event(
			Event::ValueAccepted { feed: NAV, value: median, source: ValueSource::Median { round: 0 } }.into(),
		);
	});
}

#[test]
fn an_even_quorum_takes_the_lower_middle_observation_never_an_average() {
	new_test_ext().execute_with(|| {
		let t = now();
		assert_ok!(submit(S1, EUR_USD, price(1_090), t - 1_000));
		assert_ok!(submit(S2, EUR_USD, price(1_080), t - 2_000));
		assert_eq!(NavOracle::current(EUR_USD), Ok(point(price(1_080), t - 2_000)));
	});
}

#[test]
fn a_submission_for_a_closed_round_is_refused_by_name() {
	new_test_ext().execute_with(|| {
		let t = now();
		assert_ok!(submit(S1, EUR_USD, price(1_090), t - 1_000));
		assert_ok!(submit(S2, EUR_USD, price(1_080), t - 1_000));
		assert_noop!(
			NavOracle::submit(RuntimeOrigin::signed(S3), EUR_USD, 0, price(1_085), t),
			Error::<Test>::RoundFinished
		);
		assert_noop!(
			NavOracle::submit(RuntimeOrigin::signed(S3), EUR_USD, 2, price(1_085), t),
			Error::<Test>::RoundNotOpen
		);
	});
}

#[test]
fn each_bad_submission_has_its_own_error_and_changes_nothing() {
	new_test_ext().execute_with(|| {
		round_of(NAV, [1_000, 1_000, 1_000]);
		let t = now();
		assert_ok!(submit(S1, NAV, price(1_001), t));
		let cases: [(u64, u32, FixedU128, u64, Error<Test>); 8] = [
			(S2, 9, price(1_000), t, Error::<Test>::UnknownFeed),
			(OUTSIDER, NAV, price(1_000), t, Error::<Test>::NotFeedSubmitter),
			(UNROLED, NAV, price(1_000), t, Error::<Test>::NotOracleSubmitter),
			(S1, NAV, price(1_000), t, Error::<Test>::AlreadySubmitted),
			(S2, NAV, FixedU128::from_inner(0), t, Error::<Test>::ZeroPrice),
			(S2, NAV, price(1_000), t + SKEW_MS + 1, Error::<Test>::ObservationInFuture),
			(S2, NAV, price(1_000), t - HOUR_MS - 1, Error::<Test>::ObservationTooOld),
			(S2, NAV, price(1_000), t - 2_000, Error::<Test>::ObservationNotNewer),
		];
		for (who, feed, value, observed_at, error) in cases {
			assert_noop!(NavOracle::submit(RuntimeOrigin::signed(who), feed, 1, value, observed_at), error);
		}
	});
}

#[test]
fn an_observation_within_the_clock_skew_is_accepted() {
	new_test_ext().execute_with(|| {
		assert_ok!(submit(S1, NAV, price(1_000), now() + SKEW_MS));
	});
}

#[test]
fn a_revoked_submitter_can_no_longer_submit() {
	new_test_ext().execute_with(|| {
		tokenize_primitives::testing::ScriptedRegistry::revoke_role(S1, tokenize_primitives::Role::OracleSubmitter);
		assert_noop!(submit(S1, NAV, price(1_000), now()), Error::<Test>::NotOracleSubmitter);
	});
}

#[test]
fn submissions_that_aged_out_leave_the_round_before_a_median_is_taken() {
	new_test_ext().execute_with(|| {
		let t = now();
		assert_ok!(submit(S1, NAV, price(2_000), t));
		ScriptedClock::advance_ms(HOUR_MS + 1);
		assert_ok!(submit(S2, NAV, price(1_000), now()));
		System::assert_has_event(Event::StaleSubmissionsDropped { feed: NAV, round: 0, dropped: 1 }.into());
		assert_eq!(Rounds::<Test>::get(NAV).submissions.len(), 1);
		assert_ok!(submit(S3, NAV, price(1_001), now()));
		assert_ok!(submit(S1, NAV, price(1_002), now()));
		assert_eq!(NavOracle::current(NAV).map(|p| p.value), Ok(price(1_001)));
	});
}

#[test]
fn a_submission_is_charged_for_the_feeds_submitters_not_the_maximum() {
	new_test_ext().execute_with(|| {
		let call = crate::Call::<Test>::submit { feed: NAV, round: 0, value: price(1_000), observed_at: now() };
		let declared = call.get_dispatch_info().call_weight;
		let info = NavOracle::submit(RuntimeOrigin::signed(S1), NAV, 0, price(1_000), now()).expect("accepted");
		use crate::WeightInfo;
		assert_eq!(declared, <() as WeightInfo>::submit(MAX_SUBMITTERS));
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::submit(4)));
		assert!(info.actual_weight.is_some_and(|actual| actual.ref_time() < declared.ref_time()));
	});
}

// ---- guards ---------------------------------------------------------------------

#[test]
fn a_median_beyond_the_deviation_limit_is_held_until_the_committee_approves_it() {
	new_test_ext().execute_with(|| {
		round_of(NAV, [1_000, 1_000, 1_000]);
		let before = Latest::<Test>::get(NAV);
		ScriptedClock::advance_ms(MINUTE_MS);
		round_of(NAV, [1_070, 1_060, 1_080]);
		let held = point(price(1_070), now() - 3_000);
		assert_eq!(Latest::<Test>::get(NAV), before, "a held median is not applied");
		assert_eq!(Held::<Test>::get(NAV), Some(Candidate { point: held, source: ValueSource::ApprovedMedian { round: 1 } }));
		System::assert_last_event(
			Event::ValueHeld { feed: NAV, round: 1, value: held, last: price(1_000), deviation: price(70) }.into(),
		);

		assert_noop!(
			NavOracle::approve_held(RuntimeOrigin::signed(S1), NAV, price(1_070)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NavOracle::approve_held(RuntimeOrigin::signed(COMMITTEE), NAV, price(1_060)),
			Error::<Test>::HeldValueMismatch
		);
		assert_ok!(NavOracle::approve_held(RuntimeOrigin::signed(COMMITTEE), NAV, price(1_070)));
		assert_eq!(NavOracle::current(NAV), Ok(held));
		assert_eq!(Held::<Test>::get(NAV), None);
		System::assert_has_event(Event::HeldApproved { feed: NAV, round: 1, by: COMMITTEE }.into());
		assert_noop!(
			NavOracle::approve_held(RuntimeOrigin::signed(COMMITTEE), NAV, price(1_070)),
			Error::<Test>::NothingHeld
		);
	});
}

#[test]
fn a_move_of_exactly_the_limit_is_applied_and_one_unit_more_is_held() {
	new_test_ext().execute_with(|| {
		round_of(NAV, [1_000, 1_000, 1_000]);
		ScriptedClock::advance_ms(MINUTE_MS);
		round_of(NAV, [1_050, 1_050, 1_050]);
		assert_eq!(NavOracle::current(NAV).map(|p| p.value), Ok(price(1_050)));
		ScriptedClock::advance_ms(MINUTE_MS);
		let just_beyond = FixedU128::from_inner(price(1_050).into_inner() * 105 / 100 + 1);
		let t = now();
		for (i, who) in [S1, S2, S3].into_iter().enumerate() {
			assert_ok!(submit(who, NAV, just_beyond, t - 3 + i as u64));
		}
		assert!(Held::<Test>::get(NAV).is_some());
	});
}

#[test]
fn the_committee_rejects_a_held_median() {
	new_test_ext().execute_with(|| {
		round_of(NAV, [1_000, 1_000, 1_000]);
		ScriptedClock::advance_ms(MINUTE_MS);
		round_of(NAV, [900, 900, 900]);
		assert_ok!(NavOracle::reject_held(RuntimeOrigin::signed(COMMITTEE), NAV));
		assert_eq!(Held::<Test>::get(NAV), None);
		assert_eq!(NavOracle::current(NAV).map(|p| p.value), Ok(price(1_000)));
		assert!(matches!(last_event(), RuntimeEvent::NavOracle(Event::HeldRejected { round: 1, .. })));
		assert_noop!(NavOracle::reject_held(RuntimeOrigin::signed(COMMITTEE), NAV), Error::<Test>::NothingHeld);
	});
}

#[test]
fn a_nav_that_needs_sign_off_waits_for_the_depositary() {
	new_test_ext().execute_with(|| {
		round_of(SIGNED_NAV, [1_000, 1_001, 1_002]);
		let waiting = point(price(1_001), now() - 2_000);
		assert_eq!(NavOracle::current(SIGNED_NAV), Err(NavRefusal::NoValue));
		assert_eq!(
			AwaitingSignOff::<Test>::get(SIGNED_NAV),
			Some(Candidate { point: waiting, source: ValueSource::Median { round: 0 } })
		);
		assert_noop!(
			NavOracle::sign_off(RuntimeOrigin::signed(COMMITTEE), SIGNED_NAV, price(1_001)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NavOracle::sign_off(RuntimeOrigin::signed(DEPOSITARY), SIGNED_NAV, price(1_002)),
			Error::<Test>::SignOffValueMismatch
		);
		assert_ok!(NavOracle::sign_off(RuntimeOrigin::signed(DEPOSITARY), SIGNED_NAV, price(1_001)));
		assert_eq!(NavOracle::current(SIGNED_NAV), Ok(waiting));
		System::assert_has_event(Event::SignedOff { feed: SIGNED_NAV, value: waiting, by: DEPOSITARY }.into());
		assert_noop!(
			NavOracle::sign_off(RuntimeOrigin::signed(DEPOSITARY), SIGNED_NAV, price(1_001)),
			Error::<Test>::NothingAwaitingSignOff
		);
	});
}

#[test]
fn the_committees_manual_price_is_the_fallback_and_overtakes_an_open_round() {
	new_test_ext().execute_with(|| {
		let t = now();
		assert_ok!(submit(S1, NAV, price(1_000), t - 2_000));
		assert_ok!(submit(S2, NAV, price(1_000), t - 1_000));
		assert_noop!(
			NavOracle::set_manual_price(RuntimeOrigin::signed(S1), NAV, price(1_000)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			NavOracle::set_manual_price(RuntimeOrigin::signed(COMMITTEE), NAV, FixedU128::from_inner(0)),
			Error::<Test>::ZeroPrice
		);
		assert_ok!(NavOracle::set_manual_price(RuntimeOrigin::signed(COMMITTEE), NAV, price(1_003)));
		let manual = AcceptedValue { point: point(price(1_003), t), accepted_at: t, source: ValueSource::Manual };
		assert_eq!(Latest::<Test>::get(NAV), Some(manual));
		// The open round's observations are older than the manual price: its
		// median is dropped, not applied over it.
		ScriptedClock::advance_ms(1);
		assert_noop!(submit(S3, NAV, price(1_000), t - 500), Error::<Test>::ObservationNotNewer);
		assert_ok!(submit(S3, NAV, price(1_000), now()));
		System::assert_last_event(Event::RoundDiscarded { feed: NAV, round: 0 }.into());
		assert_eq!(Latest::<Test>::get(NAV), Some(manual));
	});
}

// ---- freshness and history --------------------------------------------------------

#[test]
fn a_stale_value_is_never_served() {
	new_test_ext().execute_with(|| {
		assert_eq!(NavOracle::current(9), Err(NavRefusal::UnknownFeed));
		assert_eq!(NavOracle::current(NAV), Err(NavRefusal::NoValue));
		round_of(NAV, [1_000, 1_000, 1_000]);
		let observed = now() - 2_000;
		ScriptedClock::set_ms(observed + HOUR_MS);
		assert!(NavOracle::current(NAV).is_ok(), "exactly the maximum age is still fresh");
		ScriptedClock::advance_ms(1);
		assert_eq!(NavOracle::current(NAV), Err(NavRefusal::Stale));
		// What it was is still reported, with its age, never as a price.
		assert_eq!(NavOracle::last_accepted(NAV).map(|(p, _)| p.observed_at), Some(observed));
	});
}

#[test]
fn forward_pricing_takes_the_first_value_observed_at_or_after_the_date() {
	new_test_ext().execute_with(|| {
		let mut times = Vec::new();
		for value in [1_000, 1_001, 1_002] {
			ScriptedClock::advance_ms(HOUR_MS);
			round_of(NAV, [value, value, value]);
			times.push(now() - 2_000);
		}
		assert_eq!(NavOracle::value_at(NAV, times[0] - 1), Ok(point(price(1_000), times[0])));
		assert_eq!(NavOracle::value_at(NAV, times[1]), Ok(point(price(1_001), times[1])));
		assert_eq!(NavOracle::value_at(NAV, times[1] + 1), Ok(point(price(1_002), times[2])));
		assert_eq!(NavOracle::value_at(NAV, times[2] + 1), Err(NavRefusal::NotYetStruck));
		assert_eq!(NavOracle::value_at(EUR_USD, 0), Err(NavRefusal::NoValue));
		assert_eq!(NavOracle::value_at(9, 0), Err(NavRefusal::UnknownFeed));
	});
}

#[test]
fn the_history_is_bounded_and_never_answers_with_a_later_value_than_it_dropped() {
	new_test_ext().execute_with(|| {
		let mut times = Vec::new();
		for value in 0..(MAX_HISTORY as u128 + 2) {
			ScriptedClock::advance_ms(HOUR_MS);
			round_of(NAV, [1_000 + value, 1_000 + value, 1_000 + value]);
			times.push(now() - 2_000);
		}
		let index = HistoryIndexes::<Test>::get(NAV);
		assert_eq!((index.first, index.next, index.len()), (2, 6, MAX_HISTORY));
		assert_eq!(History::<Test>::get(NAV, 1), None);
		assert_eq!(index.pruned_through, Some(times[1]));
		assert_eq!(NavOracle::value_at(NAV, times[1]), Err(NavRefusal::BeyondHistory));
		assert_eq!(NavOracle::value_at(NAV, times[1] + 1).map(|p| p.observed_at), Ok(times[2]));
		assert_ok!(NavOracle::do_try_state());
	});
}

// ---- feeds -----------------------------------------------------------------------------

#[test]
fn only_governance_registers_and_changes_feeds_and_malformed_settings_are_refused() {
	new_test_ext().execute_with(|| {
		let good = bounded(fx_settings());
		assert_noop!(NavOracle::register_feed(RuntimeOrigin::signed(COMMITTEE), 7, good.clone()), DispatchError::BadOrigin);
		assert_noop!(NavOracle::register_feed(RuntimeOrigin::signed(GOVERNANCE), NAV, good.clone()), Error::<Test>::FeedExists);
		assert_noop!(NavOracle::update_feed(RuntimeOrigin::signed(GOVERNANCE), 7, good.clone()), Error::<Test>::UnknownFeed);
		let bad: [(fn(&mut crate::FeedSettingsOf<Test>), Error<Test>); 6] = [
			(|s| s.quorum = 0, Error::<Test>::InvalidQuorum),
			(|s| s.quorum = 4, Error::<Test>::InvalidQuorum),
			(|s| s.submitters = BoundedVec::truncate_from(vec![S1, S1]), Error::<Test>::DuplicateSubmitter),
			(|s| s.max_age_ms = 0, Error::<Test>::ZeroMaxAge),
			(|s| s.max_deviation = Permill::zero(), Error::<Test>::ZeroDeviationLimit),
			(|s| s.kind = FeedKind::FxRate { base: *b"EUR", quote: *b"EUR" }, Error::<Test>::MalformedFeed),
		];
		for (spoil, error) in bad {
			let mut settings = good.clone();
			spoil(&mut settings);
			assert_noop!(NavOracle::register_feed(RuntimeOrigin::signed(GOVERNANCE), 7, settings), error);
		}
		let lowercase = crate::FeedSettingsOf::<Test> { kind: FeedKind::FundNav { currency: *b"eur" }, ..good.clone() };
		assert_noop!(
			NavOracle::register_feed(RuntimeOrigin::signed(GOVERNANCE), 7, lowercase),
			Error::<Test>::MalformedFeed
		);
		assert_ok!(NavOracle::register_feed(RuntimeOrigin::signed(GOVERNANCE), 7, good.clone()));
		System::assert_last_event(Event::FeedRegistered { feed: 7, settings: good }.into());
	});
}

#[test]
fn changing_a_feed_starts_its_open_round_over() {
	new_test_ext().execute_with(|| {
		assert_ok!(submit(S1, NAV, price(1_000), now()));
		let settings = bounded(FeedSettings { quorum: 2, ..nav_settings(false) });
		assert_ok!(NavOracle::update_feed(RuntimeOrigin::signed(GOVERNANCE), NAV, settings.clone()));
		let round = Rounds::<Test>::get(NAV);
		assert_eq!((round.id, round.submissions.len()), (1, 0));
		assert_eq!(Feeds::<Test>::get(NAV), Some(settings));
		assert_noop!(submit_round(S2, NAV, 0), Error::<Test>::RoundFinished);
	});
}

fn submit_round(who: u64, feed: u32, round: u32) -> sp_runtime::DispatchResult {
	NavOracle::submit(RuntimeOrigin::signed(who), feed, round, price(1_000), now()).map(|_| ()).map_err(|e| e.error)
}

#[test]
#[should_panic(expected = "nav-oracle genesis: feed 4")]
fn a_genesis_feed_with_more_submitters_than_the_bound_does_not_start() {
	sp_io::TestExternalities::default().execute_with(|| {
		let settings = FeedSettings { submitters: (1..=MAX_SUBMITTERS as u64 + 1).collect(), ..fx_settings() };
		frame_support::traits::BuildGenesisConfig::build(&crate::GenesisConfig::<Test> { feeds: vec![(4, settings)] });
	});
}

// ---- property test --------------------------------------------------------------------

mod model {
	//! An independent model of two feeds (NAV and the signed-off NAV): plain
	//! lists, sorting and integer arithmetic on thousandths of a euro.

	use super::*;
	use proptest::prelude::*;

	const UNIT: u128 = 1_000_000_000_000_000; // 10^15: one thousandth in FixedU128

	#[derive(Clone, Debug)]
	pub enum Op {
		Submit { feed: usize, who: usize, thousandths: u128, offset_ms: i64, round_shift: i8 },
		Advance { ms: u64 },
		Approve { feed: usize, right_value: bool },
		Reject { feed: usize },
		Manual { feed: usize, thousandths: u128 },
		SignOff { feed: usize, right_value: bool },
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			10 => (
				0..2usize,
				prop_oneof![8 => 0..3usize, 1 => 3..5usize],
				prop_oneof![4 => 990u128..1_010, 1 => 900u128..1_120],
				prop_oneof![8 => -120_000i64..2_000, 1 => -4_000_000i64..-3_500_000],
				prop_oneof![8 => Just(0i8), 1 => Just(-1i8), 1 => Just(1i8)],
			)
				.prop_map(|(feed, who, thousandths, offset_ms, round_shift)| Op::Submit { feed, who, thousandths, offset_ms, round_shift }),
			3 => prop_oneof![4 => 1u64..300_000, 1 => 1u64..4_000_000].prop_map(|ms| Op::Advance { ms }),
			1 => (0..2usize, any::<bool>()).prop_map(|(feed, right_value)| Op::Approve { feed, right_value }),
			1 => (0..2usize).prop_map(|feed| Op::Reject { feed }),
			1 => (0..2usize, 900u128..1_120, 0..4u8).prop_filter_map("rare", |(feed, thousandths, dice)| (dice == 0).then_some(Op::Manual { feed, thousandths })),
			1 => (0..2usize, any::<bool>()).prop_map(|(feed, right_value)| Op::SignOff { feed, right_value }),
		]
	}

	/// (thousandths, observed_at)
	type Obs = (u128, u64);

	#[derive(Default, Debug)]
	struct FeedModel {
		sign_off: bool,
		round: u32,
		subs: Vec<(u64, Obs)>,
		history: Vec<Obs>,
		held: Option<Obs>,
		awaiting: Option<Obs>,
	}

	impl FeedModel {
		fn latest(&self) -> Option<Obs> {
			self.history.last().copied()
		}
		fn newer(&self, t: u64) -> bool {
			self.latest().is_none_or(|(_, last)| t > last)
		}
		fn accept(&mut self, obs: Obs) {
			self.history.push(obs);
		}
	}

	const FEEDS: [u32; 2] = [NAV, SIGNED_NAV];
	const WHO: [u64; 5] = [S1, S2, S3, UNROLED, OUTSIDER];
	const QUORUM: usize = 3;
	const MAX_DEVIATION_PPM: u128 = 50_000;

	fn fixed(thousandths: u128) -> FixedU128 {
		FixedU128::from_inner(thousandths * UNIT)
	}

	fn apply_model(m: &mut [FeedModel; 2], op: &Op, now: u64) -> bool {
		match *op {
			Op::Submit { feed, who, thousandths, offset_ms, round_shift } => {
				let f = &mut m[feed];
				let who = WHO[who];
				let t = now.saturating_add_signed(offset_ms);
				let ok = round_shift == 0
					&& [S1, S2, S3].contains(&who)
					&& t <= now + SKEW_MS
					&& now - t.min(now) <= HOUR_MS
					&& f.newer(t)
					&& f.subs.iter().all(|(w, _)| *w != who);
				if !ok {
					return false;
				}
				f.subs.retain(|(_, (_, st))| now - (*st).min(now) <= HOUR_MS);
				f.subs.push((who, (thousandths, t)));
				if f.subs.len() >= QUORUM {
					let mut obs: Vec<Obs> = f.subs.iter().map(|(_, o)| *o).collect();
					obs.sort();
					let median = obs[(obs.len() - 1) / 2];
					f.subs.clear();
					f.round += 1;
					if !f.newer(median.1) {
						return true;
					}
					if let Some((last, _)) = f.latest() {
						let moved = median.0.abs_diff(last);
						if moved * 1_000_000 > MAX_DEVIATION_PPM * last {
							f.held = Some(median);
							return true;
						}
					}
					if f.sign_off {
						f.awaiting = Some(median);
					} else {
						f.accept(median);
					}
				}
				true
			},
			Op::Advance { .. } => true,
			Op::Approve { feed, right_value } => {
				let f = &mut m[feed];
				match f.held {
					Some(held) if right_value && f.newer(held.1) => {
						f.held = None;
						f.accept(held);
						true
					},
					_ => false,
				}
			},
			Op::Reject { feed } => m[feed].held.take().is_some(),
			Op::Manual { feed, thousandths } => {
				let f = &mut m[feed];
				if !f.newer(now) {
					return false;
				}
				f.accept((thousandths, now));
				true
			},
			Op::SignOff { feed, right_value } => {
				let f = &mut m[feed];
				match f.awaiting {
					Some(waiting) if right_value && f.newer(waiting.1) => {
						f.awaiting = None;
						f.accept(waiting);
						true
					},
					_ => false,
				}
			},
		}
	}

	fn apply_chain(op: &Op) -> sp_runtime::DispatchResult {
		let committee = RuntimeOrigin::signed(COMMITTEE);
		let wrong = |v: Option<FixedU128>, right: bool| {
			let v = v.unwrap_or(fixed(1_000));
			if right { v } else { v.saturating_add(fixed(1)) }
		};
		match *op {
			Op::Submit { feed, who, thousandths, offset_ms, round_shift } => {
				let f = FEEDS[feed];
				// A round before round 0 is one that is not open yet.
				let round = Rounds::<Test>::get(f).id.checked_add_signed(round_shift as i32).unwrap_or(u32::MAX);
				let t = now().saturating_add_signed(offset_ms);
				NavOracle::submit(RuntimeOrigin::signed(WHO[who]), f, round, fixed(thousandths), t)
					.map(|_| ())
					.map_err(|e| e.error)
			},
			Op::Advance { ms } => {
				ScriptedClock::advance_ms(ms);
				Ok(())
			},
			Op::Approve { feed, right_value } => {
				let f = FEEDS[feed];
				let value = wrong(Held::<Test>::get(f).map(|c| c.point.value), right_value);
				NavOracle::approve_held(committee, f, value)
			},
			Op::Reject { feed } => NavOracle::reject_held(committee, FEEDS[feed]),
			Op::Manual { feed, thousandths } => NavOracle::set_manual_price(committee, FEEDS[feed], fixed(thousandths)),
			Op::SignOff { feed, right_value } => {
				let f = FEEDS[feed];
				let value = wrong(AwaitingSignOff::<Test>::get(f).map(|c| c.point.value), right_value);
				NavOracle::sign_off(RuntimeOrigin::signed(DEPOSITARY), f, value)
			},
		}
	}

	fn served(f: &FeedModel, now: u64) -> Result<PricePoint, NavRefusal> {
		let (v, t) = f.latest().ok_or(NavRefusal::NoValue)?;
		if now.saturating_sub(t) > HOUR_MS {
			return Err(NavRefusal::Stale);
		}
		Ok(PricePoint { value: fixed(v), observed_at: t })
	}

	fn forward(f: &FeedModel, at: u64) -> Result<PricePoint, NavRefusal> {
		if f.history.is_empty() {
			return Err(NavRefusal::NoValue);
		}
		let dropped = f.history.len().saturating_sub(MAX_HISTORY as usize);
		if dropped > 0 && f.history[dropped - 1].1 >= at {
			return Err(NavRefusal::BeyondHistory);
		}
		f.history
			.iter()
			.find(|(_, t)| *t >= at)
			.map(|(v, t)| PricePoint { value: fixed(*v), observed_at: *t })
			.ok_or(NavRefusal::NotYetStruck)
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

		#[test]
		fn rounds_guards_and_history_follow_the_model(ops in proptest::collection::vec(op(), 1..80), probe in 0u64..20_000_000) {
			new_test_ext().execute_with(|| {
				let mut m: [FeedModel; 2] = Default::default();
				m[1].sign_off = true;
				for op in &ops {
					let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let expected_ok = apply_model(&mut m, op, now());
					let result = frame_support::storage::with_transaction(|| {
						let r = apply_chain(op);
						if r.is_ok() {
							frame_support::storage::TransactionOutcome::Commit(r)
						} else {
							frame_support::storage::TransactionOutcome::Rollback(r)
						}
					});
					prop_assert_eq!(result.is_ok(), expected_ok, "{:?}: {:?}", op, result);
					if result.is_err() {
						let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
						prop_assert_eq!(before, after, "a refused call changed state");
					}
					for (i, f) in m.iter().enumerate() {
						let feed = FEEDS[i];
						prop_assert_eq!(Rounds::<Test>::get(feed).id, f.round);
						prop_assert_eq!(Held::<Test>::get(feed).map(|c| (c.point.value, c.point.observed_at)), f.held.map(|(v, t)| (fixed(v), t)));
						prop_assert_eq!(AwaitingSignOff::<Test>::get(feed).map(|c| (c.point.value, c.point.observed_at)), f.awaiting.map(|(v, t)| (fixed(v), t)));
						prop_assert_eq!(NavOracle::current(feed), served(f, now()));
						let at = START_MS.saturating_sub(4_000_000).saturating_add(probe);
						prop_assert_eq!(NavOracle::value_at(feed, at), forward(f, at));
						if let Some((_, t)) = f.latest() {
							prop_assert_eq!(NavOracle::value_at(feed, t).map(|p| p.observed_at), Ok(t));
						}
					}
					prop_assert!(NavOracle::do_try_state().is_ok());
				}
				Ok(())
			})?;
		}
	}
}
