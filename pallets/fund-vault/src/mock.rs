//! Test runtime: frame-system and both funds (TMMF = instance 1, TMF =
//! instance 2, TMMF switching into TMF), with the shared scripted registry
//! and clock, a scripted oracle and a scripted permissioned-asset ledger
//! standing in for compliant-assets (it refuses to debit locked or frozen
//! shares, checks the receiver's compliance and tells the funds before a
//! holding changes). The runtime's tests run the funds on the real pallets.

use crate as pallet_fund_vault;
use crate::{Categories, FundConfig, DAY_MS};
use frame_support::{
	derive_impl,
	instances::Instance2,
	ord_parameter_types, parameter_types,
	traits::{ConstU32, Hooks},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureSignedBy;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, FixedU128, Permill};
use std::collections::BTreeMap;
use tokenize_primitives::{
	testing::{scripted as load, update_scripted as update, ScriptedClock, ScriptedIdentity, ScriptedRegistry},
	AssetHoldings, Compliance, ComplianceTransfer, DepositTokens, FeedId, InvestorCategory, Jurisdiction, NavProvider,
	NavRefusal, OnHoldingChange, PermissionedSupply, PricePoint, RedemptionLocks,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Tmmf: pallet_fund_vault,
		Tmf: pallet_fund_vault::<Instance2>,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

ord_parameter_types! {
	pub const Governance: u64 = 1000;
	pub const Manager: u64 = 1001;
}

parameter_types! {
	pub const TmmfId: u32 = TMMF;
	pub const TmfId: u32 = TMF;
	pub const TmmfPallet: PalletId = PalletId(*b"tmmf/csh");
	pub const TmfPallet: PalletId = PalletId(*b"tmf//csh");
}

pub const MAX_OPEN_REQUESTS: u32 = 3;
pub const MAX_GATE_DAYS: u32 = 6;
pub const MAX_CLAIM_DAYS: u32 = 4;

/// Both funds share everything but their id, cash account, switch target and
/// the other fund.
macro_rules! fund_config {
	($config:path, $fund_id:ty, $pallet_id:ty, $switch_target:ty, $other:ty) => {
		impl $config for Test {
			type RuntimeEvent = RuntimeEvent;
			type AssetId = u32;
			type Balance = u64;
			type Compliance = ScriptedRegistry;
			type Assets = MockLedger;
			type Supply = MockLedger;
			type Holdings = MockLedger;
			type Nav = MockNav;
			type TimeProvider = ScriptedClock;
			type FundId = $fund_id;
			type SwitchTarget = $switch_target;
			type OtherFunds = $other;
			type DepositTokens = MockDepositTokens;
			type PalletId = $pallet_id;
			type AdminOrigin = EnsureSignedBy<Governance, u64>;
			type ManagerOrigin = EnsureSignedBy<Manager, u64>;
			type MaxOpenRequests = ConstU32<MAX_OPEN_REQUESTS>;
			type MaxGateDays = ConstU32<MAX_GATE_DAYS>;
			type MaxClaimDays = ConstU32<MAX_CLAIM_DAYS>;
			type WeightInfo = ();
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = MockBenchmarkHelper;
		}
	};
}

fund_config!(pallet_fund_vault::Config, TmmfId, TmmfPallet, Tmf, Tmf);
fund_config!(pallet_fund_vault::Config<Instance2>, TmfId, TmfPallet, (), Tmmf);

// ---- fixtures ---------------------------------------------------------------

pub const TMMF: u32 = 1;
pub const TMF: u32 = 2;
pub const GOVERNANCE: u64 = 1000;
pub const MANAGER: u64 = 1001;
/// A professional investor.
pub const PRO: u64 = 1;
/// Retail investors.
pub const RETAIL: u64 = 2;
pub const RETAIL2: u64 = 3;
/// An eligible counterparty.
pub const ECP: u64 = 4;
/// Has no identity.
pub const NOBODY: u64 = 99;

/// The EUR deposit token (2 decimals).
pub const EURD: u32 = 1;
/// Fund shares (6 decimals).
pub const TMMF_SHARES: u32 = 10;
pub const TMF_SHARES: u32 = 20;
pub const TMMF_FEED: FeedId = 1;
pub const TMF_FEED: FeedId = 2;
/// Every investor's opening EURD: €100,000.00.
pub const OPENING_EUR: u64 = 10_000_000;
/// One share, in its smallest unit.
pub const SHARE: u64 = 1_000_000;
/// One euro, in cents.
pub const EUR: u64 = 100;
pub const HOUR_MS: u64 = 3_600_000;
/// The oracle's maximum age (both feeds).
pub const NAV_MAX_AGE_MS: u64 = HOUR_MS;
/// The clock at the start of every test: 2026-12-01 09:00 UTC (day 20788).
pub const START_MS: u64 = 20_788 * DAY_MS + 9 * HOUR_MS;
pub const KID_V1: [u8; 32] = [1; 32];
pub const KID_V2: [u8; 32] = [2; 32];

pub fn tmmf_config() -> FundConfig<u32, u64> {
	FundConfig {
		share_asset: TMMF_SHARES,
		payment_asset: EURD,
		nav_feed: TMMF_FEED,
		min_investment: 100 * EUR,
		eligible: Categories::ALL,
		kid_required: Categories::NONE,
		notice_days: 1,
		daily_gate: None,
		dealing_max_age_ms: HOUR_MS,
		stale_freeze_ms: 48 * HOUR_MS,
		lvnav_collar: Some(Permill::from_parts(2_000)),
	}
}

pub fn tmf_config() -> FundConfig<u32, u64> {
	FundConfig {
		share_asset: TMF_SHARES,
		payment_asset: EURD,
		nav_feed: TMF_FEED,
		min_investment: 500 * EUR,
		eligible: Categories::ALL,
		kid_required: Categories::RETAIL,
		notice_days: 2,
		daily_gate: None,
		dealing_max_age_ms: HOUR_MS,
		stale_freeze_ms: 48 * HOUR_MS,
		lvnav_collar: None,
	}
}

/// A price from its ten-thousandths: `nav(10_500)` is 1.0500.
pub fn nav(ten_thousandths: u128) -> FixedU128 {
	FixedU128::from_rational(ten_thousandths, 10_000)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		tmmf: pallet_fund_vault::GenesisConfig { fund: Some(tmmf_config()) },
		tmf: pallet_fund_vault::GenesisConfig { fund: Some(tmf_config()) },
	}
	.build_storage()
	.expect("the mock's genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		ScriptedClock::set_ms(START_MS);
		let de = Jurisdiction(*b"DE");
		let person = |category| ScriptedIdentity::new(de, &[]).with_category(category);
		ScriptedRegistry::set(PRO, person(InvestorCategory::Professional));
		ScriptedRegistry::set(RETAIL, person(InvestorCategory::Retail));
		ScriptedRegistry::set(RETAIL2, person(InvestorCategory::Retail));
		ScriptedRegistry::set(ECP, person(InvestorCategory::EligibleCounterparty));
		for cash in [Tmmf::cash_account(), Tmf::cash_account()] {
			ScriptedRegistry::set(cash, person(InvestorCategory::EligibleCounterparty));
		}
		for who in [PRO, RETAIL, RETAIL2, ECP] {
			set_balance(EURD, who, OPENING_EUR);
		}
		set_document(TMF_SHARES, Some(KID_V1));
		strike(TMMF_FEED, nav(10_000));
		strike(TMF_FEED, nav(10_500));
	});
	ext
}

/// Runs the funds' block hooks, as a new block would.
pub fn next_block() {
	System::set_block_number(System::block_number() + 1);
	Tmmf::on_initialize(System::block_number());
	Tmf::on_initialize(System::block_number());
}

// ---- the scripted oracle -------------------------------------------------------

const NAVS: &[u8] = b":mock:navs";

/// (value, observed_at, accepted_at) per feed, in acceptance order.
type Navs = BTreeMap<FeedId, Vec<(FixedU128, u64, u64)>>;

/// Accepts `value` on `feed`, observed and accepted now.
pub fn strike(feed: FeedId, value: FixedU128) {
	let now = ScriptedClock::now_ms();
	update(NAVS, |navs: &mut Navs| navs.entry(feed).or_default().push((value, now, now)));
}

pub struct MockNav;
impl NavProvider for MockNav {
	fn current(feed: FeedId) -> Result<PricePoint, NavRefusal> {
		let (point, _) = Self::last_accepted(feed).ok_or(NavRefusal::NoValue)?;
		if ScriptedClock::now_ms().saturating_sub(point.observed_at) > NAV_MAX_AGE_MS {
			return Err(NavRefusal::Stale);
		}
		Ok(point)
	}
	fn value_at(feed: FeedId, at: u64) -> Result<PricePoint, NavRefusal> {
		let navs = load::<Navs>(NAVS);
		let history = navs.get(&feed).ok_or(NavRefusal::NoValue)?;
		history
			.iter()
			.find(|(_, observed_at, _)| *observed_at >= at)
			.map(|(value, observed_at, _)| PricePoint { value: *value, observed_at: *observed_at })
			.ok_or(NavRefusal::NotYetStruck)
	}
	fn last_accepted(feed: FeedId) -> Option<(PricePoint, u64)> {
		load::<Navs>(NAVS)
			.get(&feed)
			.and_then(|history| history.last().copied())
			.map(|(value, observed_at, accepted_at)| (PricePoint { value, observed_at }, accepted_at))
	}
}

// ---- the scripted ledger ---------------------------------------------------------

const BALANCES: &[u8] = b":mock:balances";
const FROZEN: &[u8] = b":mock:frozen";
const DOCUMENTS: &[u8] = b":mock:kid";
const DEPOSIT_TOKENS: &[u8] = b":mock:deposit-tokens";

/// The mint escrow issues `asset` from now on.
pub fn set_deposit_token(asset: u32) {
	update(DEPOSIT_TOKENS, |tokens: &mut Vec<u32>| tokens.push(asset));
}

/// The mint escrow's deposit tokens, as [`set_deposit_token`] named them.
pub struct MockDepositTokens;
impl DepositTokens<u32, u64, u64> for MockDepositTokens {
	fn is_deposit_token(asset: &u32) -> bool {
		load::<Vec<u32>>(DEPOSIT_TOKENS).contains(asset)
	}
	fn uncleared(_asset: &u32, _who: &u64) -> u64 {
		0
	}
}

pub fn balance(asset: u32, who: u64) -> u64 {
	load::<BTreeMap<(u32, u64), u64>>(BALANCES).get(&(asset, who)).copied().unwrap_or_default()
}

pub fn set_balance(asset: u32, who: u64, amount: u64) {
	update(BALANCES, |balances: &mut BTreeMap<(u32, u64), u64>| balances.insert((asset, who), amount));
}

pub fn supply(asset: u32) -> u64 {
	load::<BTreeMap<(u32, u64), u64>>(BALANCES).iter().filter(|((a, _), _)| *a == asset).map(|(_, b)| b).sum()
}

/// Freezes `amount` of `who`'s holding of `asset` (an amount-level freeze).
pub fn set_frozen(asset: u32, who: u64, amount: u64) {
	update(FROZEN, |frozen: &mut BTreeMap<(u32, u64), u64>| frozen.insert((asset, who), amount));
}

/// Publishes (or removes) the KID of a share asset.
pub fn set_document(asset: u32, hash: Option<[u8; 32]>) {
	update(DOCUMENTS, |docs: &mut BTreeMap<u32, [u8; 32]>| match hash {
		Some(hash) => docs.insert(asset, hash),
		None => docs.remove(&asset),
	});
}

/// The scripted ledger's refusals, as module errors of a pallet at index 99.
pub fn refusal(name: &'static str) -> DispatchError {
	const NAMES: [&str; 3] = ["SenderNotCompliant", "ReceiverNotCompliant", "InsufficientSpendableBalance"];
	let code = NAMES.iter().position(|n| *n == name).map_or(u8::MAX, |i| i as u8);
	DispatchError::Module(sp_runtime::ModuleError { index: 99, error: [code, 0, 0, 0], message: Some(name) })
}

pub struct MockLedger;
impl MockLedger {
	fn hook(asset: u32, who: u64) {
		<(Tmmf, Tmf) as OnHoldingChange<u32, u64>>::before_change(&asset, &who);
	}

	fn debit(asset: u32, from: u64, amount: u64) -> DispatchResult {
		if amount > Self::spendable(&asset, &from) {
			return Err(refusal("InsufficientSpendableBalance"));
		}
		Self::hook(asset, from);
		set_balance(asset, from, balance(asset, from) - amount);
		Ok(())
	}

	fn credit(asset: u32, to: u64, amount: u64) -> DispatchResult {
		ScriptedRegistry::check_compliance(&to).map_err(|_| refusal("ReceiverNotCompliant"))?;
		Self::hook(asset, to);
		set_balance(asset, to, balance(asset, to) + amount);
		Ok(())
	}
}

impl ComplianceTransfer<u64, u32, u64> for MockLedger {
	fn is_permissioned(asset: &u32) -> bool {
		[EURD, TMMF_SHARES, TMF_SHARES].contains(asset)
	}
	fn can_transfer(_: &u32, from: &u64, _: &u64, _: u64) -> DispatchResult {
		ScriptedRegistry::check_compliance(from).map_err(|_| refusal("SenderNotCompliant"))
	}
	fn transfer(asset: &u32, from: &u64, to: &u64, amount: u64) -> Result<Weight, DispatchError> {
		Self::can_transfer(asset, from, to, amount)?;
		Self::settle(asset, from, to, amount)
	}
	/// The vault moves only its cash, which no holding observer works on.
	fn settle(asset: &u32, from: &u64, to: &u64, amount: u64) -> Result<Weight, DispatchError> {
		ScriptedRegistry::check_compliance(to).map_err(|_| refusal("ReceiverNotCompliant"))?;
		Self::debit(*asset, *from, amount)?;
		Self::credit(*asset, *to, amount)?;
		Ok(Weight::zero())
	}
	fn force_move(asset: &u32, from: &u64, to: &u64, amount: u64) -> Result<Weight, DispatchError> {
		Self::settle(asset, from, to, amount)
	}
	fn movement_observers_most() -> Weight {
		Weight::zero()
	}
}

impl PermissionedSupply<u64, u32, u64> for MockLedger {
	fn is_permissioned(asset: &u32) -> bool {
		<Self as ComplianceTransfer<u64, u32, u64>>::is_permissioned(asset)
	}
	fn issue(asset: &u32, to: &u64, amount: u64, _issuer: &u64) -> DispatchResult {
		Self::credit(*asset, *to, amount)
	}
	fn destroy(asset: &u32, from: &u64, amount: u64, _issuer: &u64) -> DispatchResult {
		Self::debit(*asset, *from, amount)
	}
	fn retract(asset: &u32, from: &u64, amount: u64, issuer: &u64) -> DispatchResult {
		Self::destroy(asset, from, amount, issuer)
	}
	fn restore(asset: &u32, to: &u64, amount: u64, issuer: &u64) -> DispatchResult {
		Self::issue(asset, to, amount, issuer)
	}
	fn total_issuance(asset: &u32) -> u64 {
		supply(*asset)
	}
}

impl AssetHoldings<u64, u32, u64> for MockLedger {
	fn balance(asset: &u32, who: &u64) -> u64 {
		balance(*asset, *who)
	}
	fn spendable(asset: &u32, who: &u64) -> u64 {
		let frozen = load::<BTreeMap<(u32, u64), u64>>(FROZEN).get(&(*asset, *who)).copied().unwrap_or_default();
		let locked = <(Tmmf, Tmf) as RedemptionLocks<u32, u64, u64>>::locked(asset, who);
		balance(*asset, *who).saturating_sub(frozen).saturating_sub(locked)
	}
	fn decimals(asset: &u32) -> Option<u8> {
		match *asset {
			EURD => Some(2),
			TMMF_SHARES | TMF_SHARES => Some(6),
			_ => None,
		}
	}
	fn document_hash(asset: &u32, name: &[u8]) -> Option<[u8; 32]> {
		(name == crate::KID_DOCUMENT).then(|| load::<BTreeMap<u32, [u8; 32]>>(DOCUMENTS).get(asset).copied()).flatten()
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, u32, u64> for MockBenchmarkHelper {
	fn funds() -> FundConfig<u32, u64> {
		for cash in [Tmmf::cash_account(), Tmf::cash_account()] {
			ScriptedRegistry::set(cash, ScriptedIdentity::new(Jurisdiction(*b"DE"), &[]));
		}
		set_document(TMMF_SHARES, Some(KID_V1));
		let target = FundConfig { min_investment: 1, kid_required: Categories::NONE, ..tmf_config() };
		crate::Fund::<Test, Instance2>::put(target);
		FundConfig { daily_gate: Some(Permill::from_percent(10)), kid_required: Categories::ALL, ..tmmf_config() }
	}
	fn investor(who: &u64, payment_asset: &u32, amount: u64) {
		ScriptedRegistry::set(*who, ScriptedIdentity::new(Jurisdiction(*b"DE"), &[]));
		set_balance(*payment_asset, *who, amount);
	}
	fn strike_navs_at(ms: u64) {
		ScriptedClock::set_ms(ms);
		strike(TMMF_FEED, nav(10_000));
		strike(TMF_FEED, nav(10_500));
	}
	fn kid(_share_asset: &u32) -> [u8; 32] {
		KID_V1
	}
}

/// Compact access for the tests.
pub type Requests<I> = crate::Redemptions<Test, I>;
/// The money-market fund is the mock's default instance (the benchmarks'),
/// the mutual fund the second.
pub type TmmfInstance = ();
pub use frame_support::instances::Instance2 as TmfInstance;
