//! Rules of the funds by example, then a property test of the accounting
//! (rounding, conservation, one payment per request, no stale price)
//! against independent checks.

use crate::{mock::*, pallet::*, Categories, Error, FundConfig, RequestState, DAY_MS};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Permill};
#[allow(unused_imports)]
use tokenize_primitives::InvestorCategory as _;
use tokenize_primitives::{testing::ScriptedClock, ComplianceTransfer};

type TmmfError = Error<Test, TmmfInstance>;
type TmfError = Error<Test, TmfInstance>;
type TmmfEvent = crate::Event<Test, TmmfInstance>;
type TmfEvent = crate::Event<Test, TmfInstance>;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn advance_to(day_offset: u32, hour: u64) {
	ScriptedClock::set_ms((20_788 + day_offset as u64) * DAY_MS + hour * HOUR_MS);
}

fn tmf_with(f: impl FnOnce(&mut FundConfig<u32, u64>)) {
	let mut config = tmf_config();
	f(&mut config);
	assert_ok!(Tmf::configure_fund(signed(GOVERNANCE), config));
}

fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|r| r.event).collect()
}

// ---- subscriptions -------------------------------------------------------------

#[test]
fn a_subscription_pays_the_cash_account_and_issues_shares_at_once() {
	new_test_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(signed(PRO), 150 * EUR));
		assert_eq!(balance(TMMF_SHARES, PRO), 150 * SHARE);
		assert_eq!(balance(EURD, PRO), OPENING_EUR - 150 * EUR);
		assert_eq!(balance(EURD, Tmmf::cash_account()), 150 * EUR);
		System::assert_last_event(
			TmmfEvent::Subscribed {
				investor: PRO,
				amount: 150 * EUR,
				shares: 150 * SHARE,
				price: nav(10_000),
				switched_from: None,
			}
			.into(),
		);
	});
}

#[test]
fn shares_are_rounded_down_in_the_funds_favour() {
	new_test_ext().execute_with(|| {
		// €500 at €1.05 is 476.190476190… shares: 476.190476 issued.
		assert_ok!(Tmf::subscribe(signed(PRO), 500 * EUR));
		assert_eq!(balance(TMF_SHARES, PRO), 476_190_476);
	});
}

#[test]
fn the_minimum_binds_a_first_investment_only() {
	new_test_ext().execute_with(|| {
		assert_noop!(Tmmf::subscribe(signed(PRO), 100 * EUR - 1), TmmfError::BelowMinimumInvestment);
		assert_noop!(Tmf::subscribe(signed(PRO), 499 * EUR), TmfError::BelowMinimumInvestment);
		assert_ok!(Tmmf::subscribe(signed(PRO), 100 * EUR));
		assert_ok!(Tmmf::subscribe(signed(PRO), 1 * EUR));
		assert_eq!(balance(TMMF_SHARES, PRO), 101 * SHARE);
	});
}

#[test]
fn each_unsuitable_investor_is_refused_by_name() {
	new_test_ext().execute_with(|| {
		assert_noop!(Tmf::subscribe(signed(NOBODY), 600 * EUR), TmfError::NotRegistered);
		// TMF: retail only with the current KID acknowledged.
		assert_noop!(Tmf::subscribe(signed(RETAIL), 600 * EUR), TmfError::KidNotAcknowledged);
		assert_noop!(Tmf::acknowledge_kid(signed(RETAIL), KID_V2), TmfError::NotCurrentKid);
		assert_ok!(Tmf::acknowledge_kid(signed(RETAIL), KID_V1));
		assert_ok!(Tmf::subscribe(signed(RETAIL), 600 * EUR));
		// A new KID version needs a new acknowledgement.
		set_document(TMF_SHARES, Some(KID_V2));
		assert_noop!(Tmf::subscribe(signed(RETAIL), 100 * EUR), TmfError::KidNotAcknowledged);
		assert_ok!(Tmf::acknowledge_kid(signed(RETAIL), KID_V2));
		assert_ok!(Tmf::subscribe(signed(RETAIL), 100 * EUR));
		set_document(TMF_SHARES, None);
		assert_noop!(Tmf::subscribe(signed(RETAIL2), 600 * EUR), TmfError::NoKidPublished);
		// A professionals-only fund.
		tmf_with(|c| c.eligible = Categories { retail: false, ..Categories::ALL });
		assert_noop!(Tmf::subscribe(signed(RETAIL), 600 * EUR), TmfError::CategoryNotEligible);
		assert_ok!(Tmf::subscribe(signed(ECP), 600 * EUR));
	});
}

#[test]
fn no_dealing_on_a_stale_nav_and_a_frozen_fund_after_48_hours_resumes_on_a_fresh_one() {
	new_test_ext().execute_with(|| {
		ScriptedClock::advance_ms(HOUR_MS + 1);
		assert_noop!(Tmmf::subscribe(signed(PRO), 100 * EUR), TmmfError::NavStale);
		ScriptedClock::advance_ms(47 * HOUR_MS);
		next_block();
		assert!(events().contains(&TmmfEvent::DealingFrozen.into()));
		assert_noop!(Tmmf::subscribe(signed(PRO), 100 * EUR), TmmfError::DealingFrozen);
		strike(TMMF_FEED, nav(10_000));
		next_block();
		assert!(events().contains(&TmmfEvent::DealingResumed.into()));
		assert_ok!(Tmmf::subscribe(signed(PRO), 100 * EUR));
	});
}

#[test]
fn an_lvnav_fund_deals_at_one_inside_its_collar_and_at_its_nav_outside() {
	new_test_ext().execute_with(|| {
		strike(TMMF_FEED, nav(10_015));
		assert_ok!(Tmmf::subscribe(signed(PRO), 100 * EUR));
		assert_eq!(balance(TMMF_SHARES, PRO), 100 * SHARE);
		ScriptedClock::advance_ms(1);
		strike(TMMF_FEED, nav(10_030));
		assert_ok!(Tmmf::subscribe(signed(ECP), 10_030));
		assert_eq!(balance(TMMF_SHARES, ECP), 100 * SHARE);
		assert!(events().contains(&TmmfEvent::CollarBreached { nav: nav(10_030) }.into()));
	});
}

// ---- redemptions ----------------------------------------------------------------

/// PRO holds 476.190476 TMF shares and asks to redeem 100 (T+2: day 2).
fn tmf_request() {
	assert_ok!(Tmf::subscribe(signed(PRO), 500 * EUR));
	assert_ok!(Tmf::request_redeem(signed(PRO), 100 * SHARE));
}

#[test]
fn a_request_locks_its_shares_until_claimed_or_cancelled() {
	new_test_ext().execute_with(|| {
		tmf_request();
		System::assert_last_event(
			TmfEvent::RedemptionRequested { request: 0, investor: PRO, shares: 100 * SHARE, settles_at: (20_788 + 2) * DAY_MS }
				.into(),
		);
		assert_eq!(Locked::<Test, TmfInstance>::get(PRO), 100 * SHARE);
		// The locked shares cannot move, be redeemed again or switched.
		assert_noop!(
			<MockLedger as ComplianceTransfer<u64, u32, u64>>::transfer(&TMF_SHARES, &PRO, &ECP, 400 * SHARE),
			refusal("InsufficientSpendableBalance")
		);
		assert_noop!(Tmf::request_redeem(signed(PRO), 377 * SHARE), TmfError::InsufficientShares);
		assert_noop!(Tmf::request_redeem(signed(PRO), 0), TmfError::ZeroShares);
		// Frozen shares are not the investor's to redeem either.
		set_frozen(TMF_SHARES, PRO, 300 * SHARE);
		assert_noop!(Tmf::request_redeem(signed(PRO), 77 * SHARE), TmfError::InsufficientShares);
		set_frozen(TMF_SHARES, PRO, 0);
		assert_ok!(Tmf::cancel_redeem(signed(PRO), 0));
		assert_eq!(Locked::<Test, TmfInstance>::get(PRO), 0);
		assert_noop!(Tmf::cancel_redeem(signed(PRO), 0), TmfError::RequestClosed);
		assert_noop!(Tmf::cancel_redeem(signed(PRO), 7), TmfError::UnknownRequest);
		assert_ok!(Tmf::do_try_state());
	});
}

#[test]
fn a_redemption_is_priced_at_the_first_nav_struck_on_or_after_its_settlement_date() {
	new_test_ext().execute_with(|| {
		tmf_request();
		assert_noop!(Tmf::claim_redeem(signed(ECP), PRO, 0), TmfError::NotYetSettled);
		advance_to(1, 23);
		strike(TMF_FEED, nav(10_800));
		assert_noop!(Tmf::claim_redeem(signed(ECP), PRO, 0), TmfError::NotYetSettled);
		advance_to(2, 8);
		assert_noop!(Tmf::claim_redeem(signed(ECP), PRO, 0), TmfError::NavNotYetStruck);
		assert_eq!(Tmf::position(&PRO).requests[0].state, RequestState::Pending);
		assert_noop!(Tmf::cancel_redeem(signed(PRO), 0), TmfError::SettlementDateReached);
		strike(TMF_FEED, nav(11_000));
		ScriptedClock::advance_ms(1);
		strike(TMF_FEED, nav(12_000));
		assert_eq!(Tmf::position(&PRO).requests[0].state, RequestState::Claimable);
		// Anyone may claim for the investor; 100 shares at €1.10 (not €1.20).
		let before = balance(EURD, PRO);
		assert_ok!(Tmf::claim_redeem(signed(ECP), PRO, 0));
		assert_eq!(balance(EURD, PRO) - before, 110 * EUR);
		assert_eq!(balance(TMF_SHARES, PRO), 376_190_476);
		assert_eq!(Locked::<Test, TmfInstance>::get(PRO), 0);
		assert!(events().contains(
			&TmfEvent::RedemptionClaimed {
				request: 0,
				investor: PRO,
				shares: 100 * SHARE,
				amount: 110 * EUR,
				price: nav(11_000),
				day: 20_790
			}
			.into()
		));
		assert_noop!(Tmf::claim_redeem(signed(PRO), PRO, 0), TmfError::RequestClosed);
		assert_ok!(Tmf::do_try_state());
	});
}

#[test]
fn a_cash_account_that_cannot_pay_changes_nothing_and_tells_the_manager() {
	new_test_ext().execute_with(|| {
		tmf_request();
		advance_to(2, 8);
		strike(TMF_FEED, nav(10_500));
		set_balance(EURD, Tmf::cash_account(), 50 * EUR);
		assert_ok!(Tmf::claim_redeem(signed(PRO), PRO, 0));
		System::assert_last_event(TmfEvent::CashShortfall { request: 0, needed: 105 * EUR, available: 50 * EUR }.into());
		assert_eq!(Locked::<Test, TmfInstance>::get(PRO), 100 * SHARE);
		assert!(Requests::<TmfInstance>::contains_key(PRO, 0));
		set_balance(EURD, Tmf::cash_account(), 500 * EUR);
		assert_ok!(Tmf::claim_redeem(signed(PRO), PRO, 0));
		assert!(!Requests::<TmfInstance>::contains_key(PRO, 0));
	});
}

#[test]
fn an_investor_has_a_bounded_number_of_open_requests() {
	new_test_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(signed(PRO), 1_000 * EUR));
		for _ in 0..MAX_OPEN_REQUESTS {
			assert_ok!(Tmmf::request_redeem(signed(PRO), SHARE));
		}
		assert_noop!(Tmmf::request_redeem(signed(PRO), SHARE), TmmfError::TooManyOpenRequests);
	});
}

#[test]
fn a_gate_splits_a_days_redemptions_pro_rata_and_defers_the_rest() {
	new_test_ext().execute_with(|| {
		tmf_with(|c| c.daily_gate = Some(Permill::from_percent(10)));
		assert_ok!(Tmf::subscribe(signed(PRO), 500 * EUR));
		assert_ok!(Tmf::subscribe(signed(ECP), 1_000 * EUR));
		let outstanding = supply(TMF_SHARES);
		assert_ok!(Tmf::request_redeem(signed(PRO), 200 * SHARE));
		assert_ok!(Tmf::request_redeem(signed(ECP), 100 * SHARE));
		let mut paid: std::collections::BTreeMap<u64, u64> = Default::default();
		for day in 2..8u32 {
			advance_to(day, 1);
			strike(TMF_FEED, nav(10_500));
			for (who, id) in [(PRO, 0), (ECP, 1)] {
				if Requests::<TmfInstance>::contains_key(who, id) {
					assert_ok!(Tmf::claim_redeem(signed(who), who, id));
				}
			}
		}
		let mut days = 0;
		for event in events() {
			match event {
				RuntimeEvent::Tmf(TmfEvent::RedemptionClaimed { investor, shares, .. }) => {
					*paid.entry(investor).or_default() += shares;
				},
				RuntimeEvent::Tmf(TmfEvent::GateDayClosed { day, capacity, released, requested }) => {
					days += 1;
					assert!(capacity <= Permill::from_percent(10).mul_floor(outstanding));
					let paid_that_day: u64 = events()
						.iter()
						.filter_map(|e| match e {
							RuntimeEvent::Tmf(TmfEvent::RedemptionClaimed { shares, day: d, .. }) if *d == day => Some(*shares),
							_ => None,
						})
						.sum();
					assert!(paid_that_day <= capacity, "day {day} paid {paid_that_day} beyond the gate {capacity} ({requested} due)");
					assert!(released <= sp_runtime::Perquintill::one());
				},
				_ => {},
			}
		}
		assert!(days >= 2, "the gate deferred part of the redemptions");
		assert_eq!(paid.get(&PRO), Some(&(200 * SHARE)));
		assert_eq!(paid.get(&ECP), Some(&(100 * SHARE)));
		assert!(!Requests::<TmfInstance>::contains_key(PRO, 0) && !Requests::<TmfInstance>::contains_key(ECP, 1));
		assert_ok!(Tmf::do_try_state());
	});
}

#[test]
fn the_first_gated_day_pays_each_request_the_same_fraction() {
	new_test_ext().execute_with(|| {
		tmf_with(|c| c.daily_gate = Some(Permill::from_percent(10)));
		assert_ok!(Tmf::subscribe(signed(PRO), 500 * EUR));
		assert_ok!(Tmf::subscribe(signed(ECP), 1_000 * EUR));
		assert_ok!(Tmf::request_redeem(signed(PRO), 200 * SHARE));
		assert_ok!(Tmf::request_redeem(signed(ECP), 100 * SHARE));
		advance_to(2, 1);
		strike(TMF_FEED, nav(10_500));
		assert_ok!(Tmf::claim_redeem(signed(PRO), PRO, 0));
		assert_ok!(Tmf::claim_redeem(signed(ECP), ECP, 1));
		let pro = 200 * SHARE - Requests::<TmfInstance>::get(PRO, 0).map(|r| r.shares).unwrap_or_default();
		let ecp = 100 * SHARE - Requests::<TmfInstance>::get(ECP, 1).map(|r| r.shares).unwrap_or_default();
		assert!(pro > 0 && ecp > 0 && pro < 200 * SHARE);
		// Pro rata: twice the request, twice the tranche (to a unit).
		assert!(pro.abs_diff(2 * ecp) <= 1, "{pro} vs {ecp}");
		assert!(events().iter().any(|e| matches!(e, RuntimeEvent::Tmf(TmfEvent::RedemptionDeferred { day: 20_791, .. }))));
	});
}

// ---- switch ------------------------------------------------------------------------

#[test]
fn a_switch_from_tmmf_to_tmf_gives_95_238095_shares_for_100_with_two_events() {
	new_test_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(signed(PRO), 100 * EUR));
		assert_ok!(Tmf::subscribe(signed(PRO), 500 * EUR));
		let tmf_before = balance(TMF_SHARES, PRO);
		let (tmmf_cash, tmf_cash) = (balance(EURD, Tmmf::cash_account()), balance(EURD, Tmf::cash_account()));
		assert_ok!(Tmmf::switch_to(signed(PRO), TMF, 100 * SHARE));
		assert_eq!(balance(TMMF_SHARES, PRO), 0);
		assert_eq!(balance(TMF_SHARES, PRO) - tmf_before, 95_238_095);
		assert_eq!(balance(EURD, Tmmf::cash_account()), tmmf_cash - 100 * EUR);
		assert_eq!(balance(EURD, Tmf::cash_account()), tmf_cash + 100 * EUR);
		let all = events();
		assert!(all.contains(
			&TmmfEvent::SwitchedOut { investor: PRO, shares: 100 * SHARE, amount: 100 * EUR, price: nav(10_000), to_fund: TMF }
				.into()
		));
		assert!(all.contains(
			&TmfEvent::Subscribed {
				investor: PRO,
				amount: 100 * EUR,
				shares: 95_238_095,
				price: nav(10_500),
				switched_from: Some(TMMF)
			}
			.into()
		));
	});
}

#[test]
fn a_switch_goes_only_to_the_configured_target_under_its_rules() {
	new_test_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(signed(PRO), 100 * EUR));
		assert_ok!(Tmmf::subscribe(signed(RETAIL), 200 * EUR));
		assert_noop!(Tmmf::switch_to(signed(PRO), 3, 100 * SHARE), TmmfError::NotSwitchTarget);
		assert_noop!(Tmf::switch_to(signed(PRO), TMMF, 100 * SHARE), TmfError::NotSwitchTarget);
		// The target's minimum (a first TMF investment) and its KID rule.
		assert_noop!(Tmmf::switch_to(signed(PRO), TMF, 100 * SHARE), TmfError::BelowMinimumInvestment);
		assert_noop!(Tmmf::switch_to(signed(RETAIL), TMF, 200 * SHARE), TmfError::KidNotAcknowledged);
		assert_noop!(Tmmf::switch_to(signed(PRO), TMF, 101 * SHARE), TmmfError::InsufficientShares);
	});
}

// ---- yield ----------------------------------------------------------------------------

#[test]
fn a_daily_distribution_reaches_every_holder_pro_rata_without_a_loop() {
	new_test_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(signed(PRO), 100 * EUR));
		assert_ok!(Tmmf::subscribe(signed(ECP), 300 * EUR));
		assert_noop!(Tmmf::distribute_yield(signed(PRO), 4 * SHARE), DispatchError::BadOrigin);
		assert_noop!(Tmf::distribute_yield(signed(MANAGER), 4 * SHARE), TmfError::NotDistributing);
		assert_ok!(Tmmf::distribute_yield(signed(MANAGER), 4 * SHARE));
		assert_noop!(Tmmf::distribute_yield(signed(MANAGER), 4 * SHARE), TmmfError::AlreadyDistributedToday);
		// A holding that changes settles its accrual first: PRO keeps its
		// share of the day's yield, RETAIL (new) has none of it.
		assert_ok!(<MockLedger as ComplianceTransfer<u64, u32, u64>>::transfer(&TMMF_SHARES, &PRO, &RETAIL, 50 * SHARE));
		assert_noop!(Tmmf::claim_yield(signed(RETAIL), RETAIL), TmmfError::NothingToClaim);
		assert_ok!(Tmmf::claim_yield(signed(RETAIL), PRO));
		assert_ok!(Tmmf::claim_yield(signed(RETAIL), ECP));
		assert_eq!(balance(TMMF_SHARES, PRO), 51 * SHARE);
		assert_eq!(balance(TMMF_SHARES, ECP), 303 * SHARE);
		System::assert_last_event(TmmfEvent::YieldClaimed { holder: ECP, shares: 3 * SHARE }.into());
		assert_noop!(Tmmf::claim_yield(signed(ECP), ECP), TmmfError::NothingToClaim);
		// The next day's distribution follows the new holdings.
		advance_to(1, 9);
		strike(TMMF_FEED, nav(10_000));
		assert_ok!(Tmmf::distribute_yield(signed(MANAGER), 4_040_000));
		for who in [PRO, RETAIL, ECP] {
			assert_ok!(Tmmf::claim_yield(signed(who), who));
		}
		assert_eq!(balance(TMMF_SHARES, PRO), 51_510_000);
		assert_eq!(balance(TMMF_SHARES, RETAIL), 50_500_000);
		assert_eq!(balance(TMMF_SHARES, ECP), 306_030_000);
	});
}

#[test]
fn the_accrual_settled_before_a_holding_changes_is_reported_as_the_work_it_was() {
	use crate::WeightInfo;
	use frame_support::weights::Weight;
	use tokenize_primitives::OnHoldingChange;
	type Observers = (Tmmf, Tmf);
	let settled = <() as WeightInfo>::before_holding_change();
	new_test_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(signed(PRO), 100 * EUR));
		// Before the first distribution there is no accrual to settle.
		assert_eq!(Observers::before_change(&TMMF_SHARES, &PRO), Weight::zero());
		assert_ok!(Tmmf::distribute_yield(signed(MANAGER), 4 * SHARE));
		assert_eq!(Observers::before_change(&TMMF_SHARES, &PRO), settled);
		// Neither the cash asset nor a fund that distributes nothing.
		assert_eq!(Observers::before_change(&EURD, &PRO), Weight::zero());
		assert_eq!(Observers::before_change(&TMF_SHARES, &PRO), Weight::zero());
		// Declared: one fund's most, since a holding is of one fund's share
		// class at most (the funds refuse each other's).
		assert_eq!(Observers::max_weight(), settled);
	});
}

// ---- configuration ---------------------------------------------------------------------

#[test]
fn only_governance_configures_a_fund_and_only_a_usable_configuration() {
	new_test_ext().execute_with(|| {
		assert_noop!(Tmf::configure_fund(signed(MANAGER), tmf_config()), DispatchError::BadOrigin);
		let spoilers: [fn(&mut FundConfig<u32, u64>); 6] = [
			|c| c.share_asset = EURD,
			|c| c.share_asset = 77,
			|c| c.eligible = Categories::NONE,
			|c| c.dealing_max_age_ms = 0,
			|c| c.stale_freeze_ms = 1,
			|c| c.daily_gate = Some(Permill::zero()),
		];
		for spoil in spoilers {
			let mut config = tmf_config();
			spoil(&mut config);
			assert_noop!(Tmf::configure_fund(signed(GOVERNANCE), config), TmfError::InvalidConfig);
		}
	});
}

#[test]
fn a_share_class_belongs_to_one_fund_alone() {
	new_test_ext().execute_with(|| {
		let taken: [fn(&mut FundConfig<u32, u64>); 3] = [
			// The money market fund's shares,
			|c| c.share_asset = TMMF_SHARES,
			// its cash as this fund's shares,
			|c| {
				c.share_asset = EURD;
				c.payment_asset = TMF_SHARES;
			},
			// its shares as this fund's cash.
			|c| c.payment_asset = TMMF_SHARES,
		];
		for take in taken {
			let mut config = tmf_config();
			take(&mut config);
			assert_noop!(Tmf::configure_fund(signed(GOVERNANCE), config), TmfError::ShareClassOfAnotherFund);
		}
		// Either way round, and the fund's own share class stays its own.
		let tmmf_on_tmf_shares = FundConfig { share_asset: TMF_SHARES, ..tmmf_config() };
		assert_noop!(Tmmf::configure_fund(signed(GOVERNANCE), tmmf_on_tmf_shares), TmmfError::ShareClassOfAnotherFund);
		assert_ok!(Tmmf::configure_fund(signed(GOVERNANCE), tmmf_config()));
		// Both paid in the same cash is fine.
		assert_ok!(Tmf::configure_fund(signed(GOVERNANCE), tmf_config()));
	});
}

#[test]
#[should_panic(expected = "ShareClassOfAnotherFund")]
fn a_genesis_fund_may_not_take_another_funds_share_class() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::BuildGenesisConfig;
		let tmf_on_tmmf_shares = FundConfig { share_asset: TMMF_SHARES, ..tmf_config() };
		crate::GenesisConfig::<Test, TmfInstance> { fund: Some(tmf_on_tmmf_shares) }.build();
	});
}

#[test]
fn a_share_class_is_no_deposit_token() {
	new_test_ext().execute_with(|| {
		// The mint escrow issues the EURD the funds are paid in: fine.
		set_deposit_token(EURD);
		assert_ok!(Tmmf::configure_fund(signed(GOVERNANCE), tmmf_config()));
		// A fund whose shares the mint escrow issues is refused.
		set_deposit_token(TMF_SHARES);
		assert_noop!(Tmf::configure_fund(signed(GOVERNANCE), tmf_config()), TmfError::ShareClassIsDepositToken);
	});
}

#[test]
#[should_panic(expected = "ShareClassIsDepositToken")]
fn a_genesis_fund_may_not_issue_a_deposit_token() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::BuildGenesisConfig;
		set_deposit_token(TMF_SHARES);
		crate::GenesisConfig::<Test, TmfInstance> { fund: Some(tmf_config()) }.build();
	});
}

// ---- property test -------------------------------------------------------------------------

mod properties {
	//! Random dealing in both funds by three investors, with NAVs struck at
	//! random times. After every step: EURD is conserved (investors plus the
	//! cash accounts), every subscription, claim and switch rounded in the
	//! fund's favour by less than one unit (checked on the exact rationals),
	//! each request paid once and exactly its shares, nothing dealt at a NAV
	//! older than the dealing age, and the pallets' invariants hold.

	use super::*;
	use proptest::prelude::*;
	use std::collections::BTreeMap;

	const INVESTORS: [u64; 3] = [PRO, RETAIL, ECP];

	#[derive(Clone, Debug)]
	enum Op {
		Subscribe { tmf: bool, who: usize, euros: u64 },
		Request { tmf: bool, who: usize, percent: u64 },
		Cancel { tmf: bool, who: usize },
		Claim { tmf: bool, who: usize },
		Switch { who: usize, percent: u64 },
		Advance { hours: u64, strike_tmmf: Option<u128>, strike_tmf: Option<u128> },
	}

	fn op() -> impl Strategy<Value = Op> {
		let who = 0..3usize;
		prop_oneof![
			3 => (any::<bool>(), who.clone(), 1u64..3_000).prop_map(|(tmf, who, euros)| Op::Subscribe { tmf, who, euros }),
			3 => (any::<bool>(), who.clone(), 1u64..101).prop_map(|(tmf, who, percent)| Op::Request { tmf, who, percent }),
			1 => (any::<bool>(), who.clone()).prop_map(|(tmf, who)| Op::Cancel { tmf, who }),
			4 => (any::<bool>(), who.clone()).prop_map(|(tmf, who)| Op::Claim { tmf, who }),
			1 => (who, 1u64..101).prop_map(|(who, percent)| Op::Switch { who, percent }),
			3 => (6u64..48, proptest::option::weighted(0.8, 9_970u128..10_040), proptest::option::weighted(0.8, 9_000u128..12_000))
				.prop_map(|(hours, strike_tmmf, strike_tmf)| Op::Advance { hours, strike_tmmf, strike_tmf }),
		]
	}

	fn first_request<I: 'static>(who: u64) -> Option<u64>
	where
		Test: crate::Config<I>,
	{
		crate::Redemptions::<Test, I>::iter_prefix(who).map(|(id, _)| id).min()
	}

	fn apply(op: &Op) -> sp_runtime::DispatchResult {
		let strip = |r: frame_support::dispatch::DispatchResultWithPostInfo| r.map(|_| ()).map_err(|e| e.error);
		match *op {
			Op::Subscribe { tmf: false, who, euros } => Tmmf::subscribe(signed(INVESTORS[who]), euros * EUR + 7),
			Op::Subscribe { tmf: true, who, euros } => Tmf::subscribe(signed(INVESTORS[who]), euros * EUR + 7),
			Op::Request { tmf, who, percent } => {
				let who = INVESTORS[who];
				let (asset, locked) = if tmf { (TMF_SHARES, Locked::<Test, TmfInstance>::get(who)) } else { (TMMF_SHARES, Locked::<Test, TmmfInstance>::get(who)) };
				let shares = balance(asset, who).saturating_sub(locked) * percent / 100;
				if tmf { Tmf::request_redeem(signed(who), shares) } else { Tmmf::request_redeem(signed(who), shares) }
			},
			Op::Cancel { tmf, who } => {
				let who = INVESTORS[who];
				if tmf {
					Tmf::cancel_redeem(signed(who), first_request::<TmfInstance>(who).unwrap_or(999))
				} else {
					Tmmf::cancel_redeem(signed(who), first_request::<TmmfInstance>(who).unwrap_or(999))
				}
			},
			Op::Claim { tmf, who } => {
				// The first open request from `who` on (anyone may claim).
				let rotation = (0..3).map(|i| INVESTORS[(who + i) % 3]);
				if tmf {
					let (who, id) = rotation.filter_map(|w| first_request::<TmfInstance>(w).map(|id| (w, id))).next().unwrap_or((PRO, 999));
					strip(Tmf::claim_redeem(signed(PRO), who, id))
				} else {
					let (who, id) = rotation.filter_map(|w| first_request::<TmmfInstance>(w).map(|id| (w, id))).next().unwrap_or((PRO, 999));
					strip(Tmmf::claim_redeem(signed(PRO), who, id))
				}
			},
			Op::Switch { who, percent } => {
				let who = INVESTORS[who];
				let shares = balance(TMMF_SHARES, who).saturating_sub(Locked::<Test, TmmfInstance>::get(who)) * percent / 100;
				Tmmf::switch_to(signed(who), TMF, shares)
			},
			Op::Advance { hours, strike_tmmf, strike_tmf } => {
				ScriptedClock::advance_ms(hours * HOUR_MS);
				if let Some(v) = strike_tmmf {
					strike(TMMF_FEED, nav(v));
				}
				if let Some(v) = strike_tmf {
					strike(TMF_FEED, nav(v));
				}
				next_block();
				Ok(())
			},
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

		#[test]
		fn dealing_keeps_the_books(ops in proptest::collection::vec(op(), 1..60)) {
			new_test_ext().execute_with(|| {
				assert_ok!(Tmf::acknowledge_kid(signed(RETAIL), KID_V1));
				// A gate that binds now and then.
				tmf_with(|c| c.daily_gate = Some(Permill::from_percent(25)));
				let eur_total = |cash: bool| -> u64 {
					INVESTORS.iter().map(|who| balance(EURD, *who)).sum::<u64>()
						+ if cash { balance(EURD, Tmmf::cash_account()) + balance(EURD, Tmf::cash_account()) } else { 0 }
				};
				let start = eur_total(true);
				let mut requested: BTreeMap<(bool, u64), u64> = BTreeMap::new();
				let mut paid: BTreeMap<(bool, u64), u64> = BTreeMap::new();
				let mut strikes: BTreeMap<u32, u64> = BTreeMap::from([(TMMF_FEED, START_MS), (TMF_FEED, START_MS)]);
				for op in &ops {
					System::reset_events();
					let result = frame_support::storage::with_transaction(|| {
						let r = apply(op);
						if r.is_ok() {
							frame_support::storage::TransactionOutcome::Commit(r)
						} else {
							frame_support::storage::TransactionOutcome::Rollback(r)
						}
					});
					if let Op::Advance { strike_tmmf, strike_tmf, .. } = op {
						if strike_tmmf.is_some() { strikes.insert(TMMF_FEED, ScriptedClock::now_ms()); }
						if strike_tmf.is_some() { strikes.insert(TMF_FEED, ScriptedClock::now_ms()); }
					}
					let now = ScriptedClock::now_ms();
					for event in events() {
						match event {
							RuntimeEvent::Tmmf(TmmfEvent::Subscribed { amount, shares, price, .. }) => {
								prop_assert!(now - strikes[&TMMF_FEED] <= HOUR_MS, "TMMF dealt on a stale NAV");
								prop_assert!((shares as u128) * price.into_inner() * 100 <= (amount as u128) * 1_000_000 * 10u128.pow(18));
								prop_assert!((amount as u128) * 1_000_000 * 10u128.pow(18) < (shares as u128 + 1) * price.into_inner() * 100);
							},
							RuntimeEvent::Tmf(TmfEvent::Subscribed { amount, shares, price, .. }) => {
								prop_assert!(now - strikes[&TMF_FEED] <= HOUR_MS, "TMF dealt on a stale NAV");
								prop_assert!((shares as u128) * price.into_inner() * 100 <= (amount as u128) * 1_000_000 * 10u128.pow(18));
								prop_assert!((amount as u128) * 1_000_000 * 10u128.pow(18) < (shares as u128 + 1) * price.into_inner() * 100);
							},
							RuntimeEvent::Tmmf(TmmfEvent::SwitchedOut { amount, shares, price, .. })
							| RuntimeEvent::Tmmf(TmmfEvent::RedemptionClaimed { amount, shares, price, .. })
							| RuntimeEvent::Tmf(TmfEvent::RedemptionClaimed { amount, shares, price, .. }) => {
								prop_assert!((amount as u128) * 1_000_000 * 10u128.pow(18) <= (shares as u128) * price.into_inner() * 100);
								prop_assert!((shares as u128) * price.into_inner() * 100 < (amount as u128 + 1) * 1_000_000 * 10u128.pow(18));
							},
							_ => {},
						}
						match event {
							RuntimeEvent::Tmmf(TmmfEvent::RedemptionRequested { request, shares, .. }) => { requested.insert((false, request), shares); },
							RuntimeEvent::Tmf(TmfEvent::RedemptionRequested { request, shares, .. }) => { requested.insert((true, request), shares); },
							RuntimeEvent::Tmmf(TmmfEvent::RedemptionCancelled { request, .. }) => { requested.remove(&(false, request)); },
							RuntimeEvent::Tmf(TmfEvent::RedemptionCancelled { request, .. }) => { requested.remove(&(true, request)); },
							RuntimeEvent::Tmmf(TmmfEvent::RedemptionClaimed { request, shares, .. }) => { *paid.entry((false, request)).or_default() += shares; },
							RuntimeEvent::Tmf(TmfEvent::RedemptionClaimed { request, shares, .. }) => { *paid.entry((true, request)).or_default() += shares; },
							_ => {},
						}
					}
					let _ = result;
					prop_assert_eq!(eur_total(true), start, "EURD not conserved");
					for ((tmf, request), shares) in &paid {
						let asked = requested.get(&(*tmf, *request)).copied().unwrap_or_default();
						prop_assert!(*shares <= asked, "request {} paid beyond its shares", request);
						let open = INVESTORS.iter().any(|who| if *tmf {
							Requests::<TmfInstance>::contains_key(who, request)
						} else {
							Requests::<TmmfInstance>::contains_key(who, request)
						});
						if !open { prop_assert_eq!(*shares, asked, "a closed request was not paid in full"); }
					}
					prop_assert!(Tmmf::do_try_state().is_ok());
					prop_assert!(Tmf::do_try_state().is_ok());
				}
				Ok(())
			})?;
		}
	}
}
