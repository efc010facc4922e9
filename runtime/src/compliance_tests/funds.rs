//! The funds through the real pallets: both fund vaults, the NAV oracle,
//! compliant-assets (ERC-3643 rules on the shares, the runtime's freezer
//! holding locked shares, the yield hook on every holding change), the
//! identity registry and pallet-timestamp's clock.

use super::*;
use crate::{NavOracle, Tmf, Tmmf};
use frame_support::{assert_noop, instances::{Instance1, Instance2}};
use pallet_fund_vault::{Categories, FundConfig, DAY_MS};
use sp_runtime::{FixedU128, Permill};

/// The payment asset of these tests (a EUR token, 2 decimals).
pub(super) const EURF: AssetId = 5_000;
pub(super) const TMMF_SHARES: AssetId = 5_010;
pub(super) const TMF_SHARES: AssetId = 5_011;
const TMMF_FEED: tokenize_primitives::FeedId = 11;
const TMF_FEED: tokenize_primitives::FeedId = 12;
pub(super) const KID: [u8; 32] = [0x4B; 32];
/// Each holder's EURF: €10,000.00.
const OPENING: Balance = 1_000_000;
pub(super) const SHARE: Balance = 1_000_000;
pub(super) const EUR: Balance = 100;
const HOUR_MS: u64 = 3_600_000;

fn config(share_asset: AssetId, nav_feed: tokenize_primitives::FeedId) -> FundConfig<AssetId, Balance> {
	FundConfig {
		share_asset,
		payment_asset: EURF,
		nav_feed,
		min_investment: 100 * EUR,
		eligible: Categories::ALL,
		kid_required: Categories::NONE,
		notice_days: 1,
		daily_gate: None,
		dealing_max_age_ms: HOUR_MS,
		stale_freeze_ms: 48 * HOUR_MS,
		lvnav_collar: None,
	}
}

/// The money-market fund as these tests configure it (LVNAV, T+1).
pub(super) fn tmmf_config() -> FundConfig<AssetId, Balance> {
	FundConfig { lvnav_collar: Some(Permill::from_parts(2_000)), ..config(TMMF_SHARES, TMMF_FEED) }
}

/// The mutual fund (minimum €500, retail with the KID, T+2).
pub(super) fn tmf_config() -> FundConfig<AssetId, Balance> {
	FundConfig { min_investment: 500 * EUR, kid_required: Categories::RETAIL, notice_days: 2, ..config(TMF_SHARES, TMF_FEED) }
}

/// The committee's price for `feed` now (a manual price: one call).
pub(super) fn strike(feed: tokenize_primitives::FeedId, thousandths: u128) {
	assert_ok!(NavOracle::set_manual_price(RuntimeOrigin::root(), feed, FixedU128::from_rational(thousandths, 1_000)));
}

pub(super) fn strike_both() {
	strike(TMMF_FEED, 1_000);
	strike(TMF_FEED, 1_050);
}

/// Moves the clock to `days` after the start, at `hour` UTC.
pub(super) fn set_clock(days: u64, hour: u64) {
	pallet_timestamp::Now::<Runtime>::put((NOW_MS / DAY_MS + days) * DAY_MS + hour * HOUR_MS);
}

/// Both funds dealing: EURF held by every holder, the share assets with a
/// KID, NAVs struck (TMMF 1.000, TMF 1.050), at 09:00 on the start day.
pub(super) fn funds_ext() -> sp_io::TestExternalities {
	let mut ext = new_ext();
	ext.execute_with(|| {
		set_clock(0, 9);
		set_up_funds();
	});
	ext
}

/// What [`funds_ext`] sets up (at the chain's clock), for other tables'
/// chains.
pub(super) fn set_up_funds() {
	create_permissioned_asset(EURF, Default::default());
	appoint(EURF, supply_agent(), &[AgentRole::Supply]);
	for i in 0..HOLDERS {
		assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(supply_agent()), EURF, holder(i), OPENING));
	}
	for (asset, symbol) in [(TMMF_SHARES, b"TMMF"), (TMF_SHARES, b"TMF_")] {
		assert_ok!(CompliantAssets::create_asset(RuntimeOrigin::root(), asset, symbol.to_vec(), symbol.to_vec(), 6, Default::default()));
		assert_ok!(CompliantAssets::set_document(RuntimeOrigin::root(), asset, b"KID".to_vec(), b"https://kid".to_vec(), KID));
	}
	for feed in [TMMF_FEED, TMF_FEED] {
		let settings = pallet_nav_oracle::FeedSettings {
			kind: pallet_nav_oracle::FeedKind::FundNav { currency: *b"EUR" },
			submitters: frame_support::BoundedVec::truncate_from(alloc::vec![oracle_submitter()]),
			quorum: 1,
			max_age_ms: HOUR_MS,
			max_deviation: Permill::from_percent(5),
			requires_sign_off: false,
		};
		assert_ok!(NavOracle::register_feed(RuntimeOrigin::root(), feed, settings));
	}
	strike_both();
	assert_ok!(Tmmf::configure_fund(RuntimeOrigin::root(), tmmf_config()));
	assert_ok!(Tmf::configure_fund(RuntimeOrigin::root(), tmf_config()));
	// bank3 (an eligible counterparty) holds EURF too.
	assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(supply_agent()), EURF, bank3(), OPENING));
}

fn shares(asset: AssetId, i: usize) -> Balance {
	balance_of(asset, &holder(i))
}

#[test]
fn subscribe_redeem_forward_priced_and_switch_on_the_real_pallets() {
	funds_ext().execute_with(|| {
		let investor = || RuntimeOrigin::signed(holder(0));
		assert_ok!(Tmmf::subscribe(investor(), 300 * EUR));
		assert_eq!(shares(TMMF_SHARES, 0), 300 * SHARE);
		assert_eq!(balance_of(EURF, &Tmmf::cash_account()), 300 * EUR);
		// Retail needs the TMF KID acknowledged, and €500 to start.
		assert_noop!(Tmf::subscribe(investor(), 600 * EUR), pallet_fund_vault::Error::<Runtime, Instance2>::KidNotAcknowledged);
		assert_ok!(Tmf::acknowledge_kid(investor(), KID));
		assert_noop!(Tmf::subscribe(investor(), 499 * EUR), pallet_fund_vault::Error::<Runtime, Instance2>::BelowMinimumInvestment);
		assert_ok!(Tmf::subscribe(investor(), 500 * EUR));
		// The seed's switch: 100 TMMF at 1.0000 into TMF at 1.05.
		let before = shares(TMF_SHARES, 0);
		assert_ok!(Tmmf::switch_to(investor(), crate::configs::TMF_FUND, 100 * SHARE));
		assert_eq!(shares(TMF_SHARES, 0) - before, 95_238_095);
		// A T+1 redemption, locked by the runtime's freezer meanwhile.
		assert_ok!(Tmmf::request_redeem(investor(), 150 * SHARE));
		assert_noop!(
			CompliantAssets::transfer(investor(), TMMF_SHARES, holder(1), 51 * SHARE),
			pallet_compliant_assets::Error::<Runtime>::LockedForRedemption
		);
		assert_ok!(CompliantAssets::transfer(investor(), TMMF_SHARES, holder(1), 50 * SHARE));
		assert_noop!(
			Tmmf::claim_redeem(investor(), holder(0), 0),
			pallet_fund_vault::Error::<Runtime, Instance1>::NotYetSettled
		);
		set_clock(1, 8);
		strike(TMMF_FEED, 1_001);
		let cash = balance_of(EURF, &holder(0));
		assert_ok!(Tmmf::claim_redeem(RuntimeOrigin::signed(holder(2)), holder(0), 0));
		assert_eq!(balance_of(EURF, &holder(0)) - cash, 150 * EUR);
		assert_eq!(shares(TMMF_SHARES, 0), 0);
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

#[test]
fn a_daily_distribution_follows_holdings_through_compliant_transfers() {
	funds_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(RuntimeOrigin::signed(holder(0)), 100 * EUR));
		assert_ok!(Tmmf::subscribe(RuntimeOrigin::signed(holder(1)), 300 * EUR));
		assert_ok!(Tmmf::distribute_yield(RuntimeOrigin::signed(fund_manager()), 4 * SHARE));
		// The transfer settles both holdings' accrual first (the hook), and
		// is charged for it: the fund's benchmark, once per party, on top
		// of a transfer opening holder 2's holding.
		let charged = CompliantAssets::transfer(RuntimeOrigin::signed(holder(0)), TMMF_SHARES, holder(2), 50 * SHARE)
			.map(|info| info.actual_weight);
		use pallet_compliant_assets::WeightInfo as _;
		use pallet_fund_vault::WeightInfo as _;
		let accrual = <Runtime as pallet_fund_vault::Config<Instance1>>::WeightInfo::before_holding_change();
		let transfer = <Runtime as pallet_compliant_assets::Config>::WeightInfo::transfer();
		assert_eq!(charged, Ok(Some(transfer + accrual * 2)));
		for i in 0..3 {
			let _ = Tmmf::claim_yield(RuntimeOrigin::signed(holder(4)), holder(i));
		}
		assert_eq!((shares(TMMF_SHARES, 0), shares(TMMF_SHARES, 1), shares(TMMF_SHARES, 2)), (51 * SHARE, 303 * SHARE, 50 * SHARE));
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

#[test]
fn the_funds_keep_their_share_classes_apart_so_a_movement_declares_one_funds_accrual() {
	use frame_support::dispatch::GetDispatchInfo;
	use pallet_compliant_assets::WeightInfo as _;
	use pallet_fund_vault::{Error, WeightInfo as _};
	funds_ext().execute_with(|| {
		let tmf_on_tmmf_shares = FundConfig { share_asset: TMMF_SHARES, ..tmf_config() };
		assert_noop!(
			Tmf::configure_fund(RuntimeOrigin::root(), tmf_on_tmmf_shares),
			Error::<Runtime, Instance2>::ShareClassOfAnotherFund
		);
		let tmmf_paid_in_tmf_shares = FundConfig { payment_asset: TMF_SHARES, ..tmmf_config() };
		assert_noop!(
			Tmmf::configure_fund(RuntimeOrigin::root(), tmmf_paid_in_tmf_shares),
			Error::<Runtime, Instance1>::ShareClassOfAnotherFund
		);
		// So a transfer declares one fund's accrual per party, not both's.
		let accrual = <Runtime as pallet_fund_vault::Config<Instance1>>::WeightInfo::before_holding_change();
		let transfer = <Runtime as pallet_compliant_assets::Config>::WeightInfo::transfer();
		let call = RuntimeCall::CompliantAssets(pallet_compliant_assets::Call::transfer {
			asset: TMMF_SHARES,
			to: holder(1),
			amount: SHARE,
		});
		assert_eq!(call.get_dispatch_info().call_weight, transfer + accrual * 2);
	});
}

#[test]
fn a_fund_issues_no_deposit_token_and_the_mint_escrow_no_fund_share() {
	use pallet_fund_vault::Error;
	funds_ext().execute_with(|| {
		// The TMMF's shares made a deposit token: refused, the vault issues them.
		let token = deposit_token(reserve_depositary(), 1_000, 5);
		assert_noop!(
			crate::MintEscrow::set_deposit_token(RuntimeOrigin::root(), TMMF_SHARES, token.clone()),
			pallet_mint_escrow::Error::<Runtime>::ShareClassOfAFund
		);
		// The TMF's shares a deposit token already: the TMF is not configured
		// on them (it would issue money against subscriptions).
		const EURT: AssetId = 5_020;
		create_permissioned_asset(EURT, Default::default());
		assert_ok!(crate::MintEscrow::set_deposit_token(RuntimeOrigin::root(), EURT, token));
		let tmf_on_a_deposit_token = FundConfig { share_asset: EURT, ..tmf_config() };
		assert_noop!(
			Tmf::configure_fund(RuntimeOrigin::root(), tmf_on_a_deposit_token),
			Error::<Runtime, Instance2>::ShareClassIsDepositToken
		);
		// A deposit token as the funds' cash is the ordinary case.
		assert_ok!(Tmf::configure_fund(RuntimeOrigin::root(), FundConfig { payment_asset: EURT, ..tmf_config() }));
	});
}

#[test]
fn dealing_freezes_after_48_hours_without_a_nav_and_shows_in_the_breaker_status() {
	funds_ext().execute_with(|| {
		assert_ok!(Tmmf::subscribe(RuntimeOrigin::signed(holder(0)), 100 * EUR));
		set_clock(2, 9);
		pallet_timestamp::Now::<Runtime>::mutate(|now| *now += 1);
		assert_noop!(
			Tmmf::subscribe(RuntimeOrigin::signed(holder(0)), 100 * EUR),
			pallet_fund_vault::Error::<Runtime, Instance1>::DealingFrozen
		);
		let status = crate::CircuitBreaker::breaker_status();
		assert_eq!(status.frozen_funds, alloc::vec![crate::configs::TMMF_FUND, crate::configs::TMF_FUND]);
		strike(TMMF_FEED, 1_000);
		assert_ok!(Tmmf::subscribe(RuntimeOrigin::signed(holder(0)), 100 * EUR));
		assert_eq!(crate::CircuitBreaker::breaker_status().frozen_funds, alloc::vec![crate::configs::TMF_FUND]);
	});
}
