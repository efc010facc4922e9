//! Test runtime: frame-system, timestamp and the corridor pallet, with a
//! scripted `Compliance` (tests decide each account's jurisdiction and which
//! jurisdictions the consortium blocks) and one account per role.

use crate as pallet_corridor;
use frame_support::{derive_impl, ord_parameter_types, parameter_types};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
};
use tokenize_primitives::{Compliance, ComplianceFailure, InvestorCategory, Jurisdiction, Role};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Corridor: pallet_corridor,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = frame_support::traits::ConstU64<1>;
	type WeightInfo = ();
}

thread_local! {
	static JURISDICTIONS: RefCell<BTreeMap<u64, Jurisdiction>> = const { RefCell::new(BTreeMap::new()) };
	static BLOCKED: RefCell<BTreeSet<Jurisdiction>> = const { RefCell::new(BTreeSet::new()) };
}

/// Gives `who` a registered identity in `jurisdiction`.
pub fn register(who: u64, jurisdiction: Jurisdiction) {
	JURISDICTIONS.with(|map| map.borrow_mut().insert(who, jurisdiction));
}

/// The consortium blocks (`true`) or unblocks a whole jurisdiction.
pub fn set_jurisdiction_blocked(jurisdiction: Jurisdiction, blocked: bool) {
	BLOCKED.with(|set| {
		let mut set = set.borrow_mut();
		if blocked {
			set.insert(jurisdiction);
		} else {
			set.remove(&jurisdiction);
		}
	});
}

pub struct MockCompliance;
impl Compliance<u64> for MockCompliance {
	fn is_verified(who: &u64) -> bool {
		Self::jurisdiction(who).is_some()
	}
	fn has_role(_: &u64, _: Role) -> bool {
		false
	}
	fn holds_role(_: &u64, _: Role) -> bool {
		false
	}
	fn jurisdiction(who: &u64) -> Option<Jurisdiction> {
		JURISDICTIONS.with(|map| map.borrow().get(who).copied())
	}
	fn same_legal_entity(a: &u64, b: &u64) -> bool {
		a == b
	}
	fn check_compliance(who: &u64) -> Result<(), ComplianceFailure> {
		let jurisdiction = Self::jurisdiction(who).ok_or(ComplianceFailure::NotRegistered)?;
		match Self::is_jurisdiction_blocked(&jurisdiction) {
			true => Err(ComplianceFailure::JurisdictionBlocked),
			false => Ok(()),
		}
	}
	fn is_sanctioned(_: &u64) -> bool {
		false
	}
	fn category(who: &u64) -> Option<InvestorCategory> {
		Self::jurisdiction(who).map(|_| InvestorCategory::EligibleCounterparty)
	}
	fn is_jurisdiction_blocked(jurisdiction: &Jurisdiction) -> bool {
		BLOCKED.with(|set| set.borrow().contains(jurisdiction))
	}
	fn bic(_who: &u64) -> Option<tokenize_primitives::Bic> {
		None
	}
}

/// The governance council's (multisig) account.
pub const COUNCIL: u64 = 1000;
/// The compliance officer.
pub const OFFICER: u64 = 2000;

ord_parameter_types! {
	pub const Council: u64 = COUNCIL;
	pub const Officer: u64 = OFFICER;
}

parameter_types! {
	pub const MaxSettlementAssets: u32 = 3;
	pub const MaxReasonLen: u32 = 16;
}

impl pallet_corridor::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = u32;
	type Balance = u64;
	type Compliance = MockCompliance;
	type GovernanceOrigin = EnsureSignedBy<Council, u64>;
	type BlockOrigin = EnsureSignedBy<Officer, u64>;
	type TimeProvider = Timestamp;
	type MaxSettlementAssets = MaxSettlementAssets;
	type MaxReasonLen = MaxReasonLen;
	type WeightInfo = ();
}

pub const DAY: u64 = 86_400;
/// Genesis wall clock: 2026-01-01T00:00:00Z, a UTC midnight.
pub const START: u64 = 1_767_225_600;
pub const DE: Jurisdiction = Jurisdiction(*b"DE");
pub const FR: Jurisdiction = Jurisdiction(*b"FR");
pub const US: Jurisdiction = Jurisdiction(*b"US");
pub const EURC: u32 = 1;
pub const USDC: u32 = 2;
pub const EUR_DEPOSIT: u32 = 3;
/// Banks registered at genesis, by jurisdiction.
pub const BANK_DE: u64 = 1;
pub const BANK_FR: u64 = 2;
pub const BANK_US: u64 = 3;
pub const BANK_DE_2: u64 = 4;
/// An account without identity.
pub const STRANGER: u64 = 99;

pub fn new_test_ext() -> sp_io::TestExternalities {
	JURISDICTIONS.with(|map| map.borrow_mut().clear());
	BLOCKED.with(|set| set.borrow_mut().clear());
	register(BANK_DE, DE);
	register(BANK_FR, FR);
	register(BANK_US, US);
	register(BANK_DE_2, DE);
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().expect("system genesis");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_now(START);
	});
	ext
}

/// Sets the wall clock (Unix seconds).
pub fn set_now(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1000);
}

/// The wall clock (Unix seconds).
pub fn now() -> u64 {
	pallet_timestamp::Now::<Test>::get() / 1000
}
