//! Test runtime: frame-system, timestamp and the registry. Origins are wired
//! as in the runtime: governance is root or the GovernanceCouncil role,
//! sanctions is the ComplianceOfficer role, both checked by `EnsureRole`
//! against this registry.

use crate as pallet_identity_registry;
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{
	derive_impl, parameter_types,
	traits::{EitherOfDiverse, EnsureOrigin, Get},
};
use frame_system::EnsureRoot;
use sp_runtime::{traits::TrailingZeroInput, BuildStorage};
use tokenize_primitives::{EnsureRole, InvestorCategory, Jurisdiction, MultisigAccount, Role};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		IdentityRegistry: pallet_identity_registry,
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

parameter_types! {
	pub const MaxJurisdictionsPerVerifier: u32 = 4;
	pub const MaxValiditySeconds: u64 = 2 * YEAR;
	pub const MaxCommitteeSize: u32 = 7;
	/// A customer: 3 transactions, 3 ms of compute, 1 KiB per window.
	pub const CustomerBudget: crate::TransactionBudget =
		crate::TransactionBudget { transactions: 3, ref_time: 3_000_000_000, bytes: 1024 };
	/// A keyholder: ten times that.
	pub const KeyholderBudget: crate::TransactionBudget =
		crate::TransactionBudget { transactions: 30, ref_time: 30_000_000_000, bytes: 10_240 };
	pub const TransactionWindow: u64 = 10;
	pub const GovernanceCouncilRole: Role = Role::GovernanceCouncil;
	pub const ComplianceOfficerRole: Role = Role::ComplianceOfficer;
}

/// The account derivation of pallet-multisig, for `u64` accounts.
pub struct MockMultisig;
impl MultisigAccount<u64> for MockMultisig {
	fn multi_account_id(signers: &[u64], threshold: u16) -> u64 {
		let entropy = (b"modlpy/utilisuba", signers, threshold).using_encoded(sp_io::hashing::blake2_256);
		u64::decode(&mut TrailingZeroInput::new(entropy.as_ref())).unwrap_or_default()
	}
}

/// `EnsureRole` against the registry; for benchmarks it makes a role holder
/// (the runtime's `EnsureRole` cannot, it knows no way to create identities).
pub struct RoleOrigin<R>(PhantomData<R>);
impl<R: Get<Role>> EnsureOrigin<RuntimeOrigin> for RoleOrigin<R> {
	type Success = u64;
	fn try_origin(o: RuntimeOrigin) -> Result<u64, RuntimeOrigin> {
		EnsureRole::<u64, IdentityRegistry, R>::try_origin(o)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		use tokenize_primitives::ComplianceBenchmarkHelper;
		let holder = 9_000;
		IdentityRegistry::make_verified(&holder, &[R::get()]);
		Ok(RuntimeOrigin::signed(holder))
	}
}

impl pallet_identity_registry::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type GovernanceOrigin =
		EitherOfDiverse<EnsureRoot<u64>, EnsureRole<u64, IdentityRegistry, GovernanceCouncilRole>>;
	type SanctionsOrigin = RoleOrigin<ComplianceOfficerRole>;
	type Multisig = MockMultisig;
	type TimeProvider = Timestamp;
	type MaxJurisdictionsPerVerifier = MaxJurisdictionsPerVerifier;
	type MaxValiditySeconds = MaxValiditySeconds;
	type MaxCommitteeSize = MaxCommitteeSize;
	type CustomerBudget = CustomerBudget;
	type KeyholderBudget = KeyholderBudget;
	type TransactionWindow = TransactionWindow;
	type WeightInfo = ();
}

pub const YEAR: u64 = 365 * 24 * 3600;
/// Genesis wall clock: 2026-01-01T00:00:00Z.
pub const START: u64 = 1_767_225_600;
pub const DE: Jurisdiction = Jurisdiction(*b"DE");
pub const US: Jurisdiction = Jurisdiction(*b"US");
pub const FR: Jurisdiction = Jurisdiction(*b"FR");
/// Trusted for DE and FR at genesis.
pub const EU_VERIFIER: u64 = 100;
/// Trusted for US at genesis.
pub const US_VERIFIER: u64 = 101;
/// A second verifier trusted for DE (the other pair of eyes).
pub const DE_VERIFIER: u64 = 102;
/// A second verifier for FR and US, so that every jurisdiction has two pairs of eyes.
pub const SECOND_VERIFIER: u64 = 103;
/// A bank verified at genesis in DE.
pub const BANK_DE: u64 = 1;
/// The compliance officer, verified at genesis in DE.
pub const OFFICER: u64 = 50;

pub fn genesis_identity(who: u64, jurisdiction: Jurisdiction, roles: Vec<Role>) -> crate::GenesisIdentity<u64> {
	crate::GenesisIdentity {
		who,
		verifier: EU_VERIFIER,
		jurisdiction,
		category: InvestorCategory::EligibleCounterparty,
		roles,
		expires_at: START + YEAR,
		lei: None,
		bic: None,
	}
}

/// The standard genesis: two EU verifiers, one US verifier, a DE bank and the
/// compliance officer; no committee.
pub fn test_genesis() -> pallet_identity_registry::GenesisConfig<Test> {
	pallet_identity_registry::GenesisConfig::<Test> {
		verifiers: vec![
			(EU_VERIFIER, vec![DE, FR]),
			(US_VERIFIER, vec![US]),
			(DE_VERIFIER, vec![DE]),
			(SECOND_VERIFIER, vec![FR, US]),
		],
		identities: vec![
			genesis_identity(BANK_DE, DE, vec![Role::Bank]),
			genesis_identity(OFFICER, DE, vec![Role::ComplianceOfficer]),
		],
		committees: vec![],
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(test_genesis())
}

/// Runs `test` on the standard chain, then checks the register's invariants.
pub fn test_chain(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		IdentityRegistry::do_try_state().expect("identity-registry invariants hold");
	});
}

/// The verifier, other than `first`, that approves identities in `jurisdiction`.
pub fn second_pair_of_eyes(first: u64, jurisdiction: Jurisdiction) -> u64 {
	[EU_VERIFIER, DE_VERIFIER, US_VERIFIER, SECOND_VERIFIER]
		.into_iter()
		.find(|v| {
			*v != first &&
				crate::TrustedVerifiers::<Test>::get(v).is_some_and(|j| j.contains(&jurisdiction))
		})
		.expect("two verifiers for every test jurisdiction")
}

pub fn new_test_ext_with(genesis: pallet_identity_registry::GenesisConfig<Test>) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	genesis.assimilate_storage(&mut storage).expect("valid test genesis");
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
