use crate::{
	mock::*, Corridor as CorridorRecord, CorridorInfo, CorridorParams, CorridorStatus, Corridors,
	DailyVolume, DayVolume, Error, Event, ParamsOf,
};
use frame_support::{assert_noop, assert_ok, dispatch::DispatchResult, BoundedVec};
use proptest::prelude::*;
use sp_runtime::{traits::Dispatchable, DispatchError};
use std::collections::BTreeMap;
use tokenize_primitives::{CorridorUse, CorridorValidator, Jurisdiction};

const MIN: u64 = 10;
const MAX: u64 = 1_000;
const LIMIT: u64 = 5_000;

fn params(min: u64, max: u64, daily_limit: u64, assets: &[u32]) -> CorridorParams<u64, Vec<u32>> {
	CorridorParams { min_amount: min, max_amount: max, daily_limit, settlement_assets: assets.to_vec() }
}

/// EURC or USDC, 10 to 1 000 a payment, 5 000 a day.
fn standard() -> CorridorParams<u64, Vec<u32>> {
	params(MIN, MAX, LIMIT, &[EURC, USDC])
}

fn bounded(params: CorridorParams<u64, Vec<u32>>) -> ParamsOf<Test> {
	CorridorParams {
		min_amount: params.min_amount,
		max_amount: params.max_amount,
		daily_limit: params.daily_limit,
		settlement_assets: BoundedVec::truncate_from(params.settlement_assets),
	}
}

fn council() -> RuntimeOrigin {
	RuntimeOrigin::signed(COUNCIL)
}

fn officer() -> RuntimeOrigin {
	RuntimeOrigin::signed(OFFICER)
}

fn add(source: Jurisdiction, destination: Jurisdiction) -> DispatchResult {
	add_with(source, destination, standard())
}

fn add_with(source: Jurisdiction, destination: Jurisdiction, params: CorridorParams<u64, Vec<u32>>) -> DispatchResult {
	Corridor::add_corridor(council(), source, destination, params)
}

fn block(source: Jurisdiction, destination: Jurisdiction, reason: &[u8]) -> DispatchResult {
	Corridor::block_corridor(officer(), source, destination, reason.to_vec())
}

fn pay(from: u64, to: u64, asset: u32, amount: u64) -> DispatchResult {
	<Corridor as CorridorValidator<u64, u32, u64>>::record(&from, &to, &asset, amount).map(|_| ())
}

fn check(from: u64, to: u64, asset: u32, amount: u64) -> DispatchResult {
	<Corridor as CorridorValidator<u64, u32, u64>>::validate(&from, &to, &asset, amount)
}

fn used_today(source: Jurisdiction, destination: Jurisdiction) -> u64 {
	Corridor::corridor_status(source, destination).map_or(0, |status| status.used_today)
}

/// The genesis bank registered in `jurisdiction`.
fn bank_in(jurisdiction: Jurisdiction) -> u64 {
	[(DE, BANK_DE), (FR, BANK_FR), (US, BANK_US)]
		.into_iter()
		.find(|(j, _)| *j == jurisdiction)
		.map_or(STRANGER, |(_, bank)| bank)
}

fn state_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

#[test]
fn governance_adds_an_active_corridor() {
	new_test_ext().execute_with(|| {
		assert_ok!(add(DE, US));
		let stored = Corridors::<Test>::get(DE, US).expect("added");
		assert_eq!(stored, CorridorRecord { active: true, blocked: None, params: bounded(standard()) });
		System::assert_last_event(
			Event::CorridorAdded { source: DE, destination: US, params: bounded(standard()), by: COUNCIL }.into(),
		);
		// Corridors are directional: the way back is a separate decision.
		assert!(Corridors::<Test>::get(US, DE).is_none());
		assert_ok!(add(US, DE));
		assert_ok!(pay(BANK_DE, BANK_US, EURC, 500));
		assert_ok!(pay(BANK_US, BANK_DE, USDC, 300));
		assert_eq!((used_today(DE, US), used_today(US, DE)), (500, 300));
	});
}

#[test]
fn domestic_corridors_are_legitimate() {
	new_test_ext().execute_with(|| {
		assert_ok!(add(DE, DE));
		assert_ok!(pay(BANK_DE, BANK_DE_2, EURC, 100));
		assert_eq!(used_today(DE, DE), 100);
	});
}

#[test]
fn corridor_parameters_are_validated_with_named_errors() {
	new_test_ext().execute_with(|| {
		let lower = Jurisdiction(*b"de");
		assert_noop!(add(lower, US), Error::<Test>::MalformedJurisdiction);
		assert_noop!(add(DE, Jurisdiction(*b"U1")), Error::<Test>::MalformedJurisdiction);
		assert_noop!(add_with(DE, US, params(0, MAX, LIMIT, &[EURC])), Error::<Test>::ZeroMinimum);
		assert_noop!(add_with(DE, US, params(MAX + 1, MAX, LIMIT, &[EURC])), Error::<Test>::MinimumAboveMaximum);
		assert_noop!(add_with(DE, US, params(MIN, LIMIT + 1, LIMIT, &[EURC])), Error::<Test>::MaximumAboveDailyLimit);
		assert_noop!(add_with(DE, US, params(MIN, MAX, LIMIT, &[])), Error::<Test>::NoSettlementAssets);
		assert_noop!(
			add_with(DE, US, params(MIN, MAX, LIMIT, &[EURC, USDC, EUR_DEPOSIT, 4])),
			Error::<Test>::TooManySettlementAssets
		);
		assert_noop!(add_with(DE, US, params(MIN, MAX, LIMIT, &[EURC, USDC, EURC])), Error::<Test>::DuplicateSettlementAsset);
		// The boundaries themselves are accepted: min = max = daily limit, a full asset list.
		assert_ok!(add_with(DE, US, params(LIMIT, LIMIT, LIMIT, &[EURC, USDC, EUR_DEPOSIT])));
		assert_noop!(add(DE, US), Error::<Test>::CorridorExists);
	});
}

#[test]
fn update_replaces_limits_but_keeps_flags_and_todays_volume() {
	new_test_ext().execute_with(|| {
		assert_noop!(Corridor::update_corridor(council(), DE, US, standard()), Error::<Test>::UnknownCorridor);
		assert_ok!(add(DE, US));
		assert_ok!(pay(BANK_DE, BANK_US, EURC, 800));
		assert_ok!(block(DE, US, b"case 17"));
		assert_noop!(
			Corridor::update_corridor(council(), DE, US, params(0, MAX, LIMIT, &[EURC])),
			Error::<Test>::ZeroMinimum
		);
		let tighter = params(MIN, 500, 600, &[EUR_DEPOSIT]);
		assert_ok!(Corridor::update_corridor(council(), DE, US, tighter.clone()));
		System::assert_last_event(
			Event::CorridorUpdated { source: DE, destination: US, params: bounded(tighter.clone()), by: COUNCIL }.into(),
		);
		let stored = Corridors::<Test>::get(DE, US).expect("kept");
		assert_eq!(stored.params, bounded(tighter));
		assert!(stored.active);
		assert_eq!(stored.blocked.map(|r| r.into_inner()), Some(b"case 17".to_vec()));
		// A limit lowered below what was already moved leaves nothing for today.
		let status = Corridor::corridor_status(DE, US).expect("exists");
		assert_eq!((status.used_today, status.remaining_today), (800, 0));
		assert_ok!(Corridor::unblock_corridor(officer(), DE, US));
		assert_noop!(pay(BANK_DE, BANK_US, EUR_DEPOSIT, MIN), Error::<Test>::DailyLimitExceeded);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, MIN), Error::<Test>::AssetNotSettled);
	});
}

#[test]
fn governance_opens_and_closes_corridors() {
	new_test_ext().execute_with(|| {
		assert_noop!(Corridor::set_corridor_active(council(), DE, US, false), Error::<Test>::UnknownCorridor);
		assert_ok!(add(DE, US));
		assert_noop!(Corridor::set_corridor_active(council(), DE, US, true), Error::<Test>::AlreadyActive);
		assert_ok!(Corridor::set_corridor_active(council(), DE, US, false));
		System::assert_last_event(Event::CorridorDeactivated { source: DE, destination: US, by: COUNCIL }.into());
		assert_noop!(Corridor::set_corridor_active(council(), DE, US, false), Error::<Test>::AlreadyInactive);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, 100), Error::<Test>::CorridorInactive);
		assert!(!Corridor::corridor_status(DE, US).expect("exists").usable);
		assert_ok!(Corridor::set_corridor_active(council(), DE, US, true));
		System::assert_last_event(Event::CorridorActivated { source: DE, destination: US, by: COUNCIL }.into());
		assert_ok!(pay(BANK_DE, BANK_US, EURC, 100));
	});
}

#[test]
fn compliance_blocks_and_unblocks_corridors() {
	new_test_ext().execute_with(|| {
		assert_noop!(block(DE, US, b"aml"), Error::<Test>::UnknownCorridor);
		assert_noop!(Corridor::unblock_corridor(officer(), DE, US), Error::<Test>::UnknownCorridor);
		assert_ok!(add(DE, US));
		assert_noop!(block(DE, US, b""), Error::<Test>::EmptyReason);
		assert_noop!(block(DE, US, &[b'x'; 17]), Error::<Test>::ReasonTooLong);
		assert_noop!(Corridor::unblock_corridor(officer(), DE, US), Error::<Test>::CorridorNotBlocked);
		assert_ok!(block(DE, US, b"aml alert"));
		System::assert_last_event(
			Event::CorridorBlocked {
				source: DE,
				destination: US,
				reason: BoundedVec::truncate_from(b"aml alert".to_vec()),
				by: OFFICER,
			}
			.into(),
		);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, 100), Error::<Test>::CorridorBlocked);
		// Restating the reason (here at the longest allowed) keeps the corridor blocked.
		assert_ok!(block(DE, US, &[b'x'; 16]));
		assert_eq!(Corridors::<Test>::get(DE, US).and_then(|c| c.blocked).map(|r| r.into_inner()), Some(vec![b'x'; 16]));
		assert_ok!(Corridor::unblock_corridor(officer(), DE, US));
		System::assert_last_event(Event::CorridorUnblocked { source: DE, destination: US, by: OFFICER }.into());
		assert!(Corridors::<Test>::get(DE, US).is_some_and(|c| c.blocked.is_none() && c.active));
		assert_ok!(pay(BANK_DE, BANK_US, EURC, 100));
	});
}

#[test]
fn removal_deletes_the_corridor_and_its_volume() {
	new_test_ext().execute_with(|| {
		assert_noop!(Corridor::remove_corridor(council(), DE, US), Error::<Test>::UnknownCorridor);
		assert_ok!(add(DE, US));
		assert_ok!(pay(BANK_DE, BANK_US, EURC, 100));
		// Removing and re-adding must not become a way around compliance's block.
		assert_ok!(block(DE, US, b"sanctions"));
		assert_noop!(Corridor::remove_corridor(council(), DE, US), Error::<Test>::CorridorBlocked);
		assert_ok!(Corridor::unblock_corridor(officer(), DE, US));
		assert_ok!(Corridor::remove_corridor(council(), DE, US));
		System::assert_last_event(Event::CorridorRemoved { source: DE, destination: US, by: COUNCIL }.into());
		assert!(!Corridors::<Test>::contains_key(DE, US));
		assert!(!DailyVolume::<Test>::contains_key(DE, US));
		assert_eq!(Corridor::corridor_status(DE, US), None);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, 100), Error::<Test>::UnknownCorridor);
	});
}

#[test]
fn each_privileged_call_refuses_every_other_role() {
	new_test_ext().execute_with(|| {
		use crate::Call;
		let calls: [(RuntimeCall, u64); 6] = [
			(Call::<Test>::add_corridor { source: DE, destination: US, params: standard() }.into(), COUNCIL),
			(Call::<Test>::update_corridor { source: DE, destination: US, params: standard() }.into(), COUNCIL),
			(Call::<Test>::set_corridor_active { source: DE, destination: US, active: false }.into(), COUNCIL),
			(Call::<Test>::block_corridor { source: DE, destination: US, reason: b"aml".to_vec() }.into(), OFFICER),
			(Call::<Test>::unblock_corridor { source: DE, destination: US }.into(), OFFICER),
			(Call::<Test>::remove_corridor { source: DE, destination: US }.into(), COUNCIL),
		];
		// In this order each call succeeds for its own role, so a refusal below
		// is the origin check and nothing else.
		for (call, role) in calls {
			let others = [COUNCIL, OFFICER, BANK_DE]
				.into_iter()
				.filter(|who| *who != role)
				.map(RuntimeOrigin::signed)
				.chain([RuntimeOrigin::root(), RuntimeOrigin::none()]);
			for origin in others {
				assert_noop!(call.clone().dispatch(origin), DispatchError::BadOrigin);
			}
			assert_ok!(call.dispatch(RuntimeOrigin::signed(role)));
		}
	});
}

#[test]
fn payment_checks_fail_in_the_documented_order() {
	new_test_ext().execute_with(|| {
		assert_noop!(pay(STRANGER, STRANGER, EURC, 100), Error::<Test>::SenderUnregistered);
		assert_noop!(pay(BANK_DE, STRANGER, EURC, 100), Error::<Test>::ReceiverUnregistered);
		// A blocked jurisdiction is refused before the corridor is even looked up.
		set_jurisdiction_blocked(FR, true);
		assert_noop!(pay(BANK_FR, BANK_US, EURC, 100), Error::<Test>::JurisdictionBlocked);
		set_jurisdiction_blocked(FR, false);
		assert_noop!(pay(BANK_FR, BANK_US, EURC, 100), Error::<Test>::UnknownCorridor);
		assert_ok!(add(DE, US));
		assert_ok!(block(DE, US, b"aml"));
		assert_ok!(Corridor::set_corridor_active(council(), DE, US, false));
		assert_noop!(pay(BANK_DE, BANK_US, EUR_DEPOSIT, 0), Error::<Test>::CorridorInactive);
		assert_ok!(Corridor::set_corridor_active(council(), DE, US, true));
		assert_noop!(pay(BANK_DE, BANK_US, EUR_DEPOSIT, 0), Error::<Test>::CorridorBlocked);
		assert_ok!(Corridor::unblock_corridor(officer(), DE, US));
		assert_noop!(pay(BANK_DE, BANK_US, EUR_DEPOSIT, 0), Error::<Test>::AssetNotSettled);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, MIN - 1), Error::<Test>::BelowMinimum);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, MAX + 1), Error::<Test>::AboveMaximum);
		for _ in 0..5 {
			assert_ok!(pay(BANK_DE, BANK_US, EURC, MAX));
		}
		assert_noop!(pay(BANK_DE, BANK_US, EURC, MIN), Error::<Test>::DailyLimitExceeded);
		// validate answers the same without recording.
		assert_noop!(check(BANK_DE, BANK_US, EURC, MIN), Error::<Test>::DailyLimitExceeded);
	});
}

#[test]
fn record_counts_up_to_exactly_the_daily_limit_and_validate_counts_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(add(DE, US));
		let before = state_root();
		assert_ok!(check(BANK_DE, BANK_US, EURC, MAX));
		assert_eq!(before, state_root());
		let events = System::events().len();
		assert_ok!(pay(BANK_DE, BANK_US, EURC, MIN));
		// Recorded silently: the payment pallet's own event reports the payment.
		assert_eq!(System::events().len(), events);
		for _ in 0..4 {
			assert_ok!(pay(BANK_DE, BANK_US, USDC, MAX));
		}
		assert_eq!(used_today(DE, US), 4 * MAX + MIN);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, LIMIT - 4 * MAX), Error::<Test>::DailyLimitExceeded);
		assert_ok!(pay(BANK_DE, BANK_US, EURC, LIMIT - 4 * MAX - MIN));
		assert_eq!(used_today(DE, US), LIMIT);
		assert_noop!(pay(BANK_DE, BANK_US, EURC, MIN), Error::<Test>::DailyLimitExceeded);
	});
}

#[test]
fn daily_volume_restarts_at_the_utc_day_boundary() {
	new_test_ext().execute_with(|| {
		assert_ok!(add(DE, US));
		set_now(START + DAY - 1);
		for _ in 0..5 {
			assert_ok!(pay(BANK_DE, BANK_US, EURC, MAX));
		}
		assert_noop!(pay(BANK_DE, BANK_US, EURC, MIN), Error::<Test>::DailyLimitExceeded);
		set_now(START + DAY);
		let day = START / DAY + 1;
		let status = Corridor::corridor_status(DE, US).expect("exists");
		assert_eq!((status.day, status.used_today, status.remaining_today), (day, 0, LIMIT));
		assert_ok!(pay(BANK_DE, BANK_US, EURC, MIN));
		// One slot per corridor, overwritten by the new day.
		assert_eq!(DailyVolume::<Test>::get(DE, US), DayVolume { day, volume: MIN });
		assert_eq!(DailyVolume::<Test>::iter().count(), 1);
	});
}

#[test]
fn a_refund_gives_back_volume_only_on_the_day_it_was_counted() {
	new_test_ext().execute_with(|| {
		assert_ok!(add(DE, US));
		set_now(START + DAY - 1);
		let give_back = |used: &CorridorUse, amount| <Corridor as CorridorValidator<u64, u32, u64>>::give_back(used, amount);
		let record = |amount| <Corridor as CorridorValidator<u64, u32, u64>>::record(&BANK_DE, &BANK_US, &EURC, amount);
		let first = record(MAX).expect("admitted");
		assert_eq!(first, CorridorUse { source: DE, destination: US, day: START / DAY });
		assert_ok!(record(MAX));
		give_back(&first, MAX);
		assert_eq!(used_today(DE, US), MAX);
		// Never below zero, whatever the caller gives back.
		give_back(&first, LIMIT);
		assert_eq!(used_today(DE, US), 0);
		assert_ok!(record(MIN));
		// The next day: yesterday's payment frees nothing of today's limit.
		set_now(START + DAY);
		let today = record(MIN).expect("admitted");
		give_back(&first, MIN);
		assert_eq!(used_today(DE, US), MIN);
		give_back(&today, MIN);
		assert_eq!(used_today(DE, US), 0);
	});
}

#[test]
fn blocking_a_jurisdiction_blocks_every_corridor_touching_it() {
	new_test_ext().execute_with(|| {
		let touching_de = [(DE, US), (US, DE), (DE, DE), (FR, DE)];
		for (source, destination) in touching_de.into_iter().chain([(FR, US)]) {
			assert_ok!(add(source, destination));
		}
		// One bank of each jurisdiction pays one of the other; DE → DE pays the second DE bank.
		let payers = |(source, destination): (Jurisdiction, Jurisdiction)| {
			let to = if source == destination { BANK_DE_2 } else { bank_in(destination) };
			(bank_in(source), to)
		};
		let corridors_before: Vec<_> = Corridors::<Test>::iter().collect();
		set_jurisdiction_blocked(DE, true);
		for corridor in touching_de {
			let (from, to) = payers(corridor);
			assert_noop!(pay(from, to, EURC, 100), Error::<Test>::JurisdictionBlocked);
			let status = Corridor::corridor_status(corridor.0, corridor.1).expect("exists");
			assert!(status.jurisdiction_blocked && !status.usable);
		}
		assert_ok!(pay(BANK_FR, BANK_US, EURC, 100));
		assert!(Corridor::corridor_status(FR, US).is_some_and(|s| s.usable));
		// The block lives in the identity registry; corridors are untouched.
		assert_eq!(Corridors::<Test>::iter().collect::<Vec<_>>(), corridors_before);
		set_jurisdiction_blocked(DE, false);
		for corridor in touching_de {
			let (from, to) = payers(corridor);
			assert_ok!(pay(from, to, EURC, 100));
			assert!(Corridor::corridor_status(corridor.0, corridor.1).is_some_and(|s| s.usable));
		}
	});
}

#[test]
fn an_overflowing_volume_is_refused_as_over_the_limit() {
	new_test_ext().execute_with(|| {
		assert_ok!(add_with(DE, US, params(1, u64::MAX, u64::MAX, &[EURC])));
		assert_ok!(pay(BANK_DE, BANK_US, EURC, u64::MAX - 1));
		assert_noop!(pay(BANK_DE, BANK_US, EURC, 2), Error::<Test>::DailyLimitExceeded);
		assert_ok!(pay(BANK_DE, BANK_US, EURC, 1));
		assert_eq!(used_today(DE, US), u64::MAX);
	});
}

#[test]
fn status_reports_the_corridor_and_todays_figures() {
	new_test_ext().execute_with(|| {
		assert_eq!(Corridor::corridor_status(DE, US), None);
		assert_ok!(add(DE, US));
		set_now(START + 3600);
		assert_ok!(pay(BANK_DE, BANK_US, EURC, 700));
		let expected = CorridorStatus {
			corridor: CorridorInfo { active: true, blocked: None, params: standard() },
			day: START / DAY,
			used_today: 700,
			remaining_today: LIMIT - 700,
			jurisdiction_blocked: false,
			usable: true,
		};
		assert_eq!(Corridor::corridor_status(DE, US), Some(expected));
		assert_ok!(block(DE, US, b"review"));
		let status = Corridor::corridor_status(DE, US).expect("exists");
		assert_eq!(status.corridor.blocked, Some(b"review".to_vec()));
		assert!(!status.usable && !status.jurisdiction_blocked);
	});
}

#[derive(Debug, Clone)]
enum Step {
	Pay(u64),
	Advance(u64),
}

fn step() -> impl Strategy<Value = Step> {
	// About a dozen payments of up to 1 500 a day: the 5 000 limit binds often,
	// and amounts outside [MIN, MAX] are tried too.
	prop_oneof![
		6 => (0u64..1_500).prop_map(Step::Pay),
		1 => (0u64..DAY / 2).prop_map(Step::Advance),
	]
}

proptest! {
	/// Over random payments and the passing of days, a day's recorded volume
	/// never exceeds the daily limit and equals the sum of the payments
	/// accepted that day; a payment is accepted exactly when the rules say so,
	/// and a refused one changes nothing.
	#[test]
	fn daily_volume_is_the_sum_of_accepted_payments_within_the_limit(
		steps in proptest::collection::vec(step(), 1..80),
	) {
		new_test_ext().execute_with(|| {
			assert_ok!(add(DE, US));
			let mut accepted: BTreeMap<u64, u64> = BTreeMap::new();
			for step in steps {
				match step {
					Step::Advance(secs) => set_now(now() + secs),
					Step::Pay(amount) => {
						let day = now() / DAY;
						let so_far = accepted.get(&day).copied().unwrap_or(0);
						let allowed = (MIN..=MAX).contains(&amount) && so_far + amount <= LIMIT;
						let before = state_root();
						let result = pay(BANK_DE, BANK_US, EURC, amount);
						prop_assert_eq!(result.is_ok(), allowed);
						if allowed {
							accepted.insert(day, so_far + amount);
						} else {
							prop_assert_eq!(before, state_root());
						}
					},
				}
				let today = accepted.get(&(now() / DAY)).copied().unwrap_or(0);
				let status = Corridor::corridor_status(DE, US).expect("exists");
				prop_assert_eq!(status.used_today, today);
				prop_assert!(status.used_today <= LIMIT);
				prop_assert_eq!(status.remaining_today, LIMIT - today);
			}
			Ok(())
		})?;
	}
}

fn genesis_ext(corridors: Vec<(Jurisdiction, Jurisdiction, CorridorParams<u64, Vec<u32>>)>) -> sp_io::TestExternalities {
	use sp_runtime::BuildStorage;
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	let built = crate::GenesisConfig::<Test> { corridors }.assimilate_storage(&mut storage);
	assert!(built.is_ok());
	sp_io::TestExternalities::new(storage)
}

#[test]
fn genesis_opens_corridors_checked_like_add_corridor() {
	genesis_ext(vec![(US, DE, standard()), (DE, US, standard())]).execute_with(|| {
		let corridor = Corridors::<Test>::get(US, DE).expect("opened at genesis");
		assert!(corridor.active && corridor.blocked.is_none());
		assert!(Corridors::<Test>::get(DE, US).is_some());
	});
}

#[test]
#[should_panic(expected = "ZeroMinimum")]
fn genesis_refuses_a_corridor_add_corridor_would_refuse() {
	genesis_ext(vec![(US, DE, params(0, 10, 100, &[EURC]))]);
}
