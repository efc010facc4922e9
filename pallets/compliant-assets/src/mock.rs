//! Test runtime: frame-system, balances, pallet-assets (its `Freezer` a mock
//! freeze registry), timestamp and this pallet, with scripted identity
//! registry, circuit breaker and freeze pallet.
//!
//! The scripted state lives in the test externalities' storage rather than in
//! thread-locals: a failed call rolls it back like real pallet storage (so
//! `assert_noop!` also proves the mocks were left untouched), and every
//! externalities starts clean.

use crate as pallet_compliant_assets;
use crate::{AgentRole, AgentRoles, AssetRules, RulesInputOf};
use codec::{Decode, Encode};
use frame_support::{
	assert_ok, derive_impl, ord_parameter_types, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned, EnsureSignedBy};
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::{BTreeMap, BTreeSet};
use tokenize_primitives::{
	Breaker, BreakerRefusal, Compliance, ComplianceFailure, DepositTokens, FreezeSummary, Freezes,
	InvestorCategory, Jurisdiction, OperationKind, Role,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Timestamp: pallet_timestamp,
		CompliantAssets: pallet_compliant_assets,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<u64>>;
	type ForceOrigin = EnsureRoot<u64>;
	type Freezer = MockFreezer;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = frame_support::traits::ConstU64<1>;
	type WeightInfo = ();
}

ord_parameter_types! {
	pub const Admin: u64 = 1000;
}

parameter_types! {
	pub const CompliantAssetsPalletId: PalletId = PalletId(*b"tk/cmpas");
}

impl pallet_compliant_assets::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = u32;
	type Balance = u64;
	type Assets = Assets;
	type Compliance = MockCompliance;
	type Breaker = MockBreaker;
	type Freezes = MockFreezes;
	type DepositTokens = MockDeposits;
	type PaymentEscrow = MockEscrow;
	type RedemptionLocks = MockLocks;
	type HoldingObserver = MockObserver;
	type AssetAdminOrigin = EnsureSignedBy<Admin, u64>;
	type TimeProvider = Timestamp;
	type PalletId = CompliantAssetsPalletId;
	type MaxBatchSize = ConstU32<4>;
	type MaxDocuments = ConstU32<2>;
	type MaxDocumentNameLen = ConstU32<8>;
	type MaxUriLen = ConstU32<32>;
	type MaxJurisdictionRules = ConstU32<3>;
	type StringLimit = ConstU32<8>;
	type MaxFreezeEntriesPerHolding = ConstU32<4>;
	type MaxOperators = ConstU32<2>;
	type WeightInfo = TestWeights;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Round figures for the transfers, so that a test can tell which weight a
/// call was charged: a worst-case leg costs 100 (an operator's 200) on a
/// fixed 1 000 (2 000), a leg between holders 40 (80) on 600 (1 200). The
/// other calls keep the generated test weights.
pub struct TestWeights;

pub fn parts(time: u64) -> Weight {
	Weight::from_parts(time, 0)
}

impl pallet_compliant_assets::WeightInfo for TestWeights {
	fn transfer() -> Weight {
		parts(1_100)
	}
	fn transfer_between_holders() -> Weight {
		parts(640)
	}
	fn batch_transfer(n: u32) -> Weight {
		parts(1_000 + 100 * u64::from(n))
	}
	fn batch_transfer_between_holders(n: u32) -> Weight {
		parts(600 + 40 * u64::from(n))
	}
	fn operator_transfer(n: u32) -> Weight {
		parts(2_000 + 200 * u64::from(n))
	}
	fn operator_transfer_between_holders(n: u32) -> Weight {
		parts(1_200 + 80 * u64::from(n))
	}
	fn create_asset() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::create_asset()
	}
	fn set_rules() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::set_rules()
	}
	fn add_agent() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::add_agent()
	}
	fn remove_agent() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::remove_agent()
	}
	fn set_document() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::set_document()
	}
	fn remove_document() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::remove_document()
	}
	fn mint() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::mint()
	}
	fn burn() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::burn()
	}
	fn forced_transfer(e: u32) -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::forced_transfer(e)
	}
	fn recover(e: u32) -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::recover(e)
	}
	fn set_recovery_link() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::set_recovery_link()
	}
	fn authorize_operator() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::authorize_operator()
	}
	fn revoke_operator() -> Weight {
		<() as pallet_compliant_assets::WeightInfo>::revoke_operator()
	}
}

// ---- accounts and fixtures ------------------------------------------------

pub const ADMIN: u64 = 1000;
/// DE, professional, legal entity 1.
pub const ALICE: u64 = 1;
/// DE, retail.
pub const BOB: u64 = 2;
/// FR, eligible counterparty.
pub const CHARLIE: u64 = 3;
/// US, retail.
pub const DAVE: u64 = 4;
/// Alice's new wallet: FR, but the same legal entity (LEI) as Alice.
pub const ALICE_NEW: u64 = 5;
/// Bob's new wallet: another DE identity.
pub const BOB_NEW: u64 = 6;
/// Has no identity.
pub const NOBODY: u64 = 99;
pub const SUPPLY_AGENT: u64 = 10;
pub const FREEZE_AGENT: u64 = 11;
pub const ENFORCER: u64 = 12;
pub const RECOVERY_AGENT: u64 = 13;

pub const ASSET: u32 = 7;
/// Genesis wall clock: 2026-01-01T00:00:00Z.
pub const START: u64 = 1_767_225_600;
pub const DE: Jurisdiction = Jurisdiction(*b"DE");
pub const FR: Jurisdiction = Jurisdiction(*b"FR");
pub const US: Jurisdiction = Jurisdiction(*b"US");

/// Every account a test may give a balance, for the invariants.
pub const HOLDERS: [u64; 6] = [ALICE, BOB, CHARLIE, DAVE, ALICE_NEW, BOB_NEW];

// ---- scripted state in storage ----------------------------------------------

const IDENTITIES: &[u8] = b":mock:identities";
const BREAKER: &[u8] = b":mock:breaker";
const FROZEN: &[u8] = b":mock:frozen";
const ADDRESS_FROZEN: &[u8] = b":mock:address-frozen";
const BLOCKED: &[u8] = b":mock:blocked-jurisdictions";
const UNCLEARED: &[u8] = b":mock:uncleared";
const DEPOSIT_TOKENS: &[u8] = b":mock:deposit-tokens";
const ESCROWED: &[u8] = b":mock:escrowed";
const LOCKED: &[u8] = b":mock:locked";
const OBSERVED: &[u8] = b":mock:observed";
const OBSERVER_WORKS_ON: &[u8] = b":mock:observer-works-on";

use tokenize_primitives::testing::{scripted as load, update_scripted as update};

/// A scripted identity: `failure` is what `check_compliance` answers.
#[derive(Clone, Copy, Encode, Decode, PartialEq, Eq, Debug)]
pub struct MockIdentity {
	pub failure: Option<ComplianceFailure>,
	pub jurisdiction: Jurisdiction,
	pub category: InvestorCategory,
	/// Accounts with the same entity id share an LEI.
	pub entity: u64,
	/// On the sanctions list, whatever `failure` says first.
	pub sanctioned: bool,
	/// Holds the `Bank` role (may act as an operator).
	pub bank: bool,
}

pub fn set_identity(who: u64, jurisdiction: Jurisdiction, category: InvestorCategory, entity: u64) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| {
		ids.insert(who, MockIdentity { failure: None, jurisdiction, category, entity, sanctioned: false, bank: false })
	});
}

/// Gives `who`'s identity the `Bank` role.
pub fn make_bank(who: u64) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| {
		if let Some(identity) = ids.get_mut(&who) {
			identity.bank = true;
		}
	});
}

/// Puts `who` on the sanctions list (or takes it off) without changing what
/// `check_compliance` answers first.
pub fn set_sanctioned(who: u64, sanctioned: bool) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| {
		if let Some(identity) = ids.get_mut(&who) {
			identity.sanctioned = sanctioned;
		}
	});
}

/// Makes `who` fail the compliance check with `failure` (`NotRegistered`
/// removes the identity), or pass it again with `None`.
pub fn set_failure(who: u64, failure: Option<ComplianceFailure>) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| match failure {
		Some(ComplianceFailure::NotRegistered) => {
			ids.remove(&who);
		},
		_ => {
			if let Some(identity) = ids.get_mut(&who) {
				identity.failure = failure;
			}
		},
	});
}

fn identity(who: &u64) -> Option<MockIdentity> {
	load::<BTreeMap<u64, MockIdentity>>(IDENTITIES).get(who).copied()
}

/// The scripted circuit breaker.
#[derive(Encode, Decode, Default)]
pub struct BreakerState {
	pub global: bool,
	pub paused_assets: BTreeSet<u32>,
	pub tripped: BTreeSet<OperationKind>,
	/// Accounts whose own throttle window is full.
	pub exhausted: BTreeSet<u64>,
	/// Operations counted by `note_operation`.
	pub noted: u32,
}

pub fn breaker(f: impl FnOnce(&mut BreakerState)) {
	update(BREAKER, f)
}

pub fn noted_operations() -> u32 {
	load::<BreakerState>(BREAKER).noted
}

/// Freezes `amount` more of `who`'s holding in the mock freeze registry.
pub fn freeze(asset: u32, who: u64, amount: u64) {
	update(FROZEN, |frozen: &mut BTreeMap<(u32, u64), u64>| {
		let entry = frozen.entry((asset, who)).or_default();
		*entry = entry.saturating_add(amount);
	});
}

/// Unfreezes up to `amount` of `who`'s frozen holding; returns what was unfrozen.
pub fn unfreeze(asset: u32, who: u64, amount: u64) -> u64 {
	update(FROZEN, |frozen: &mut BTreeMap<(u32, u64), u64>| {
		let current = frozen.get(&(asset, who)).copied().unwrap_or_default();
		let released = current.min(amount);
		if current == released {
			frozen.remove(&(asset, who));
		} else {
			frozen.insert((asset, who), current - released);
		}
		released
	})
}

/// The amount-level freezes of `who` (without the address-level freeze).
pub fn frozen(asset: u32, who: u64) -> u64 {
	load::<BTreeMap<(u32, u64), u64>>(FROZEN).get(&(asset, who)).copied().unwrap_or_default()
}

/// Marks `amount` of `who`'s holding as provisional deposit tokens (the mint
/// escrow's hold), which the freezer then counts as frozen.
pub fn set_uncleared(asset: u32, who: u64, amount: u64) {
	update(UNCLEARED, |held: &mut BTreeMap<(u32, u64), u64>| held.insert((asset, who), amount));
}

/// Marks `amount` of `who`'s holding as escrowed for pending payments (the
/// payment rail's hold), which the freezer then counts as frozen.
pub fn set_escrowed(asset: u32, who: u64, amount: u64) {
	update(ESCROWED, |held: &mut BTreeMap<(u32, u64), u64>| held.insert((asset, who), amount));
}

/// Marks `amount` of `who`'s holding as locked for redemption requests (a
/// fund's hold), which the freezer then counts as frozen.
pub fn set_locked(asset: u32, who: u64, amount: u64) {
	update(LOCKED, |held: &mut BTreeMap<(u32, u64), u64>| held.insert((asset, who), amount));
}

/// The (asset, holder) of every holding change announced, in order.
pub fn observed() -> Vec<(u32, u64)> {
	load(OBSERVED)
}

/// Makes `asset` a deposit token whose supply the mint escrow manages.
pub fn make_deposit_token(asset: u32) {
	update(DEPOSIT_TOKENS, |set: &mut BTreeSet<u32>| set.insert(asset));
}

pub fn set_address_frozen(who: u64, is_frozen: bool) {
	update(
		ADDRESS_FROZEN,
		|set: &mut BTreeSet<u64>| {
			if is_frozen {
				set.insert(who)
			} else {
				set.remove(&who)
			}
		},
	);
}

// ---- the mocks ----------------------------------------------------------------

pub struct MockCompliance;
impl Compliance<u64> for MockCompliance {
	fn is_verified(who: &u64) -> bool {
		identity(who).is_some_and(|i| {
			!matches!(
				i.failure,
				Some(ComplianceFailure::Pending | ComplianceFailure::Revoked | ComplianceFailure::Expired)
			)
		})
	}
	fn has_role(who: &u64, role: Role) -> bool {
		role == Role::Bank && Self::is_verified(who) && identity(who).is_some_and(|i| i.bank)
	}
	fn holds_role(_who: &u64, _role: Role) -> bool {
		false
	}
	fn jurisdiction(who: &u64) -> Option<Jurisdiction> {
		identity(who).map(|i| i.jurisdiction)
	}
	fn same_legal_entity(a: &u64, b: &u64) -> bool {
		a == b || matches!((identity(a), identity(b)), (Some(x), Some(y)) if x.entity == y.entity)
	}
	fn check_compliance(who: &u64) -> Result<(), ComplianceFailure> {
		let identity = identity(who).ok_or(ComplianceFailure::NotRegistered)?;
		identity.failure.map_or(Ok(()), Err)
	}
	fn is_sanctioned(who: &u64) -> bool {
		identity(who).is_some_and(|i| i.sanctioned || i.failure == Some(ComplianceFailure::Sanctioned))
	}
	fn category(who: &u64) -> Option<InvestorCategory> {
		identity(who).map(|i| i.category)
	}
	fn is_jurisdiction_blocked(jurisdiction: &Jurisdiction) -> bool {
		load::<BTreeSet<[u8; 2]>>(BLOCKED).contains(&jurisdiction.0)
	}
	fn bic(_who: &u64) -> Option<tokenize_primitives::Bic> {
		None
	}
}

/// Blocks a jurisdiction chain-wide (what `is_jurisdiction_blocked` answers;
/// `check_compliance` stays as scripted).
pub fn set_blocked(jurisdiction: Jurisdiction, blocked: bool) {
	update(BLOCKED, |set: &mut BTreeSet<[u8; 2]>| {
		if blocked {
			set.insert(jurisdiction.0);
		} else {
			set.remove(&jurisdiction.0);
		}
	});
}

pub struct MockBreaker;
impl Breaker<u32, u64, u64> for MockBreaker {
	fn ensure_open(asset: &u32) -> Result<(), BreakerRefusal> {
		let state = load::<BreakerState>(BREAKER);
		if state.global {
			return Err(BreakerRefusal::GlobalPause);
		}
		if state.paused_assets.contains(asset) {
			return Err(BreakerRefusal::AssetPaused);
		}
		Ok(())
	}
	fn note_operation(kind: OperationKind, asset: &u32, who: &u64, amount: u64) -> Result<(), BreakerRefusal> {
		Self::check_operation(kind, asset, who, amount)?;
		breaker(|state| state.noted += 1);
		Ok(())
	}
	fn check_operation(kind: OperationKind, _asset: &u32, who: &u64, _amount: u64) -> Result<(), BreakerRefusal> {
		let state = load::<BreakerState>(BREAKER);
		if state.tripped.contains(&kind) {
			return Err(BreakerRefusal::Throttled);
		}
		if state.exhausted.contains(who) {
			return Err(BreakerRefusal::AccountLimitReached);
		}
		Ok(())
	}
}

/// The freeze pallet as compliant-assets sees it; consistent with
/// [`MockFreezer`], which pallet-assets asks.
pub struct MockFreezes;
impl Freezes<u32, u64, u64> for MockFreezes {
	fn frozen_balance(asset: &u32, who: &u64) -> u64 {
		if Self::is_address_frozen(who) {
			return pallet_assets::Pallet::<Test>::balance(*asset, who);
		}
		frozen(*asset, *who)
	}
	fn is_address_frozen(who: &u64) -> bool {
		load::<BTreeSet<u64>>(ADDRESS_FROZEN).contains(who)
	}
	fn move_freezes(asset: &u32, from: &u64, to: &u64) -> Result<(), DispatchError> {
		let moved = unfreeze(*asset, *from, u64::MAX);
		if moved > 0 {
			freeze(*asset, *to, moved);
		}
		Ok(())
	}
	fn release_for_forced_transfer(asset: &u32, who: &u64, amount: u64) -> Result<u64, DispatchError> {
		Ok(unfreeze(*asset, *who, amount))
	}
	fn summary(asset: &u32, who: &u64) -> FreezeSummary<u64> {
		FreezeSummary {
			total_frozen: Self::frozen_balance(asset, who),
			address_frozen: Self::is_address_frozen(who),
			entries: Vec::new(),
		}
	}
}

/// The mint escrow as compliant-assets sees it.
pub struct MockDeposits;
impl DepositTokens<u32, u64, u64> for MockDeposits {
	fn is_deposit_token(asset: &u32) -> bool {
		load::<BTreeSet<u32>>(DEPOSIT_TOKENS).contains(asset)
	}
	fn uncleared(asset: &u32, who: &u64) -> u64 {
		load::<BTreeMap<(u32, u64), u64>>(UNCLEARED).get(&(*asset, *who)).copied().unwrap_or_default()
	}
}

/// The payment rail as compliant-assets sees it.
pub struct MockEscrow;
impl tokenize_primitives::PaymentEscrow<u32, u64, u64> for MockEscrow {
	fn escrowed(asset: &u32, who: &u64) -> u64 {
		load::<BTreeMap<(u32, u64), u64>>(ESCROWED).get(&(*asset, *who)).copied().unwrap_or_default()
	}
}

/// The fund vaults as compliant-assets sees them.
pub struct MockLocks;
impl tokenize_primitives::RedemptionLocks<u32, u64, u64> for MockLocks {
	fn locked(asset: &u32, who: &u64) -> u64 {
		load::<BTreeMap<(u32, u64), u64>>(LOCKED).get(&(*asset, *who)).copied().unwrap_or_default()
	}
}

/// Records every announced holding change, the balance still the old one;
/// reports [`OBSERVER_WORK`] for a holding of an asset [`observe_work_on`]
/// named (a distributing fund's share), nothing for any other.
pub struct MockObserver;
impl tokenize_primitives::OnHoldingChange<u32, u64> for MockObserver {
	fn before_change(asset: &u32, who: &u64) -> Weight {
		update(OBSERVED, |seen: &mut Vec<(u32, u64)>| seen.push((*asset, *who)));
		if load::<Vec<u32>>(OBSERVER_WORKS_ON).contains(asset) {
			Weight::from_parts(OBSERVER_WORK, 0)
		} else {
			Weight::zero()
		}
	}
	fn max_weight() -> Weight {
		Weight::from_parts(OBSERVER_MAX, 0)
	}
}

/// What [`MockObserver`] reports for one holding it works on, and the most
/// it declares (above it, as a benchmarked worst case is).
pub const OBSERVER_WORK: u64 = 25;
pub const OBSERVER_MAX: u64 = 30;

/// The observer works on holdings of `asset` from now on.
pub fn observe_work_on(asset: u32) {
	update(OBSERVER_WORKS_ON, |assets: &mut Vec<u32>| assets.push(asset));
}

/// pallet-assets' view, as the runtime's freezer gives it: the freezes plus
/// the provisional deposit tokens, the payment escrow and the redemption
/// locks. `None` when nothing is held back, since
/// `Some(0)` would make pallet-assets keep the minimum balance untouchable.
pub struct MockFreezer;
impl pallet_assets::FrozenBalance<u32, u64, u64> for MockFreezer {
	fn frozen_balance(asset: u32, who: &u64) -> Option<u64> {
		use tokenize_primitives::{PaymentEscrow, RedemptionLocks};
		let held = MockFreezes::frozen_balance(&asset, who)
			.saturating_add(MockDeposits::uncleared(&asset, who))
			.saturating_add(MockEscrow::escrowed(&asset, who))
			.saturating_add(MockLocks::locked(&asset, who));
		Some(held).filter(|amount| *amount > 0)
	}
	fn died(_asset: u32, _who: &u64) {}
	fn contains_freezes(asset: u32) -> bool {
		load::<BTreeMap<(u32, u64), u64>>(FROZEN).keys().any(|(a, _)| *a == asset)
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, u32, u64> for MockBenchmarkHelper {
	fn asset_id() -> u32 {
		ASSET
	}
	fn make_compliant(who: &u64) {
		set_identity(*who, DE, InvestorCategory::Professional, *who);
	}
	fn make_bank(who: &u64) {
		Self::make_compliant(who);
		make_bank(*who);
	}
	fn throttle(_asset: &u32) {
		// The scripted breaker keeps no counters.
	}
	fn freeze(asset: &u32, who: &u64, amount: u64, _entries: u32) {
		// The mock keeps one total per holding whatever the entries.
		freeze(*asset, *who, amount);
	}
}

// ---- externalities ------------------------------------------------------------

/// Identities for every fixture account, the clock at `START`, no asset.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_now(START);
		use InvestorCategory::*;
		set_identity(ALICE, DE, Professional, 1);
		set_identity(BOB, DE, Retail, 2);
		set_identity(CHARLIE, FR, EligibleCounterparty, 3);
		set_identity(DAVE, US, Retail, 4);
		set_identity(ALICE_NEW, FR, Professional, 1);
		set_identity(BOB_NEW, DE, Retail, 6);
		for agent in [SUPPLY_AGENT, FREEZE_AGENT, ENFORCER, RECOVERY_AGENT] {
			set_identity(agent, DE, EligibleCounterparty, agent);
		}
	});
	ext
}

/// `new_test_ext` plus the permissioned asset `ASSET` with open rules, one
/// agent per role, and 1 000 units minted to Alice; events cleared.
pub fn ext_with_asset() -> sp_io::TestExternalities {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		create_asset(ASSET, AssetRules::default());
		appoint(SUPPLY_AGENT, &[AgentRole::Supply]);
		appoint(FREEZE_AGENT, &[AgentRole::Freeze]);
		appoint(ENFORCER, &[AgentRole::ForcedTransfer]);
		appoint(RECOVERY_AGENT, &[AgentRole::Recovery]);
		mint(ALICE, 1_000);
		System::reset_events();
	});
	ext
}

pub fn create_asset(id: u32, rules: RulesInputOf<Test>) {
	assert_ok!(CompliantAssets::create_asset(
		RuntimeOrigin::signed(ADMIN),
		id,
		b"Euro".to_vec(),
		b"EURD".to_vec(),
		2,
		rules
	));
}

pub fn appoint(who: u64, roles: &[AgentRole]) {
	let bits = AgentRoles::from_roles(roles).bits();
	assert_ok!(CompliantAssets::add_agent(RuntimeOrigin::signed(ADMIN), ASSET, who, bits));
}

pub fn mint(to: u64, amount: u64) {
	assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, to, amount));
}

/// Sets the wall clock (Unix seconds).
pub fn set_now(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1000);
}
