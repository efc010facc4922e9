//! Test runtime with a scripted `Compliance`: tests decide who is a verified
//! bank and which accounts share a legal entity.

use crate as pallet_validator_set;
use frame_support::{derive_impl, parameter_types};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, Perbill};
use std::{cell::RefCell, collections::{BTreeMap, BTreeSet}};
use tokenize_primitives::{Compliance, ComplianceFailure, InvestorCategory, Jurisdiction, Role, SessionRotation};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		ValidatorSet: pallet_validator_set,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive(Clone, Copy, Default)]
pub struct MockIdentity {
	pub verified: bool,
	pub bank: bool,
	/// Accounts with the same entity id belong to one legal entity.
	pub entity: u64,
}

thread_local! {
	static IDENTITIES: RefCell<BTreeMap<u64, MockIdentity>> = RefCell::new(BTreeMap::new());
	/// Accounts without session keys; everyone else has registered keys.
	static KEYLESS: RefCell<BTreeSet<u64>> = RefCell::new(BTreeSet::new());
	/// Sessions the mock session machinery rotated.
	static ROTATIONS: RefCell<u32> = const { RefCell::new(0) };
}

/// A session lasts this many blocks in the mock.
pub const SESSION_BLOCKS: u64 = 10;

/// Sessions rotated since the test began.
pub fn rotations() -> u32 {
	ROTATIONS.with(|r| *r.borrow())
}

/// pallet-session as far as this pallet sees it: a rotation plans the next
/// set (`new_session`).
pub struct MockSessions;
impl SessionRotation<u64, u64> for MockSessions {
	fn ends_at(now: u64) -> bool {
		now % SESSION_BLOCKS == 0
	}
	fn rotate() {
		let session = ROTATIONS.with(|r| {
			*r.borrow_mut() += 1;
			*r.borrow()
		});
		let _ = <ValidatorSet as pallet_session::SessionManager<u64>>::new_session(session + 1);
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_benchmark_keys(validators: &[u64]) {
		validators.iter().copied().for_each(set_keys);
	}
}

/// `who` purges (or never registered) its session keys.
pub fn drop_keys(who: u64) {
	KEYLESS.with(|k| k.borrow_mut().insert(who));
}

/// `who` registers session keys.
pub fn set_keys(who: u64) {
	KEYLESS.with(|k| k.borrow_mut().remove(&who));
}

pub struct MockSessionKeys;
impl frame_support::traits::Contains<u64> for MockSessionKeys {
	fn contains(who: &u64) -> bool {
		KEYLESS.with(|k| !k.borrow().contains(who))
	}
}

pub fn set_identity(who: u64, identity: MockIdentity) {
	IDENTITIES.with(|ids| ids.borrow_mut().insert(who, identity));
}

/// A verified bank that is its own legal entity.
pub fn make_bank(who: u64) {
	set_identity(who, MockIdentity { verified: true, bank: true, entity: who });
}

fn identity(who: &u64) -> Option<MockIdentity> {
	IDENTITIES.with(|ids| ids.borrow().get(who).copied())
}

pub struct MockCompliance;
impl Compliance<u64> for MockCompliance {
	fn is_verified(who: &u64) -> bool {
		identity(who).is_some_and(|i| i.verified)
	}
	fn has_role(who: &u64, role: Role) -> bool {
		identity(who).is_some_and(|i| i.verified && role == Role::Bank && i.bank)
	}
	fn holds_role(who: &u64, role: Role) -> bool {
		Self::has_role(who, role)
	}
	fn jurisdiction(_: &u64) -> Option<Jurisdiction> {
		Some(Jurisdiction(*b"DE"))
	}
	fn same_legal_entity(a: &u64, b: &u64) -> bool {
		a == b || matches!((identity(a), identity(b)), (Some(x), Some(y)) if x.entity == y.entity)
	}
	/// The validator set asks only about roles; a scripted identity is
	/// compliant exactly when verified.
	fn check_compliance(who: &u64) -> Result<(), ComplianceFailure> {
		match identity(who) {
			None => Err(ComplianceFailure::NotRegistered),
			Some(i) if !i.verified => Err(ComplianceFailure::Revoked),
			Some(_) => Ok(()),
		}
	}
	fn is_sanctioned(_: &u64) -> bool {
		false
	}
	fn category(who: &u64) -> Option<InvestorCategory> {
		identity(who).map(|_| InvestorCategory::EligibleCounterparty)
	}
	fn is_jurisdiction_blocked(_: &Jurisdiction) -> bool {
		false
	}
	fn bic(_who: &u64) -> Option<tokenize_primitives::Bic> {
		None
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl tokenize_primitives::ComplianceBenchmarkHelper<u64> for MockCompliance {
	fn make_verified(who: &u64, _roles: &[Role]) {
		make_bank(*who);
	}
}

parameter_types! {
	pub const MaxValidators: u32 = 8;
	pub const MaxSeatShare: Perbill = Perbill::from_percent(33);
}

impl pallet_validator_set::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Compliance = MockCompliance;
	type SessionKeys = MockSessionKeys;
	type Sessions = MockSessions;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxValidators = MaxValidators;
	type MaxSeatShare = MaxSeatShare;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCompliance;
	type WeightInfo = ();
}

pub const FOUNDERS: [u64; 4] = [1, 2, 3, 4];

pub fn new_test_ext() -> sp_io::TestExternalities {
	IDENTITIES.with(|ids| ids.borrow_mut().clear());
	KEYLESS.with(|k| k.borrow_mut().clear());
	ROTATIONS.with(|r| *r.borrow_mut() = 0);
	FOUNDERS.iter().copied().for_each(make_bank);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().expect("system genesis");
	pallet_validator_set::GenesisConfig::<Test> { validators: FOUNDERS.to_vec(), minimum_validators: 4 }
		.assimilate_storage(&mut storage)
		.expect("valid founding set");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

impl MockCompliance {
	pub fn has_bank(who: &u64) -> bool {
		<Self as Compliance<u64>>::has_role(who, Role::Bank)
	}
}
