//! Test runtime: frame-system, timestamp and the registry; root is governance.

use crate as pallet_identity_registry;
use frame_support::{derive_impl, parameter_types};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use tokenize_primitives::{InvestorCategory, Jurisdiction, Role};

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
}

impl pallet_identity_registry::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type GovernanceOrigin = EnsureRoot<u64>;
	type TimeProvider = Timestamp;
	type MaxJurisdictionsPerVerifier = MaxJurisdictionsPerVerifier;
	type MaxValiditySeconds = MaxValiditySeconds;
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
/// A bank verified at genesis in DE.
pub const BANK_DE: u64 = 1;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	pallet_identity_registry::GenesisConfig::<Test> {
		verifiers: vec![(EU_VERIFIER, vec![DE, FR]), (US_VERIFIER, vec![US])],
		identities: vec![crate::GenesisIdentity {
			who: BANK_DE,
			verifier: EU_VERIFIER,
			jurisdiction: DE,
			category: InvestorCategory::EligibleCounterparty,
			roles: vec![Role::Bank],
			expires_at: START + YEAR,
			lei: None,
		}],
	}
	.assimilate_storage(&mut storage)
	.expect("valid test genesis");
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
