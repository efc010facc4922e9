//! Test runtime: frame-system and the oracle, with the shared scripted
//! identity registry and a scripted clock. The runtime's own tests run the
//! oracle with the real registry and pallet-timestamp.

use crate as pallet_nav_oracle;
use crate::{FeedKind, FeedSettings};
use frame_support::{derive_impl, ord_parameter_types, traits::ConstU32};
use frame_system::EnsureSignedBy;
use sp_runtime::{BuildStorage, FixedU128, Permill};
use tokenize_primitives::{
	testing::{ScriptedClock, ScriptedIdentity, ScriptedRegistry},
	FeedId, Jurisdiction, Role,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		NavOracle: pallet_nav_oracle,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

ord_parameter_types! {
	pub const Governance: u64 = 1000;
	pub const Committee: u64 = 1001;
	pub const Depositary: u64 = 1002;
}

pub const MAX_SUBMITTERS: u32 = 5;
pub const MAX_HISTORY: u32 = 4;
pub const SKEW_MS: u64 = 1_000;

impl pallet_nav_oracle::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Compliance = ScriptedRegistry;
	type TimeProvider = ScriptedClock;
	type AdminOrigin = EnsureSignedBy<Governance, u64>;
	type ApprovalOrigin = EnsureSignedBy<Committee, u64>;
	type SignOffOrigin = EnsureSignedBy<Depositary, u64>;
	type MaxSubmitters = ConstU32<MAX_SUBMITTERS>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type MaxClockSkew = frame_support::traits::ConstU64<SKEW_MS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn make_submitter(who: &u64) {
		ScriptedRegistry::set(*who, ScriptedIdentity::new(Jurisdiction(*b"DE"), &[Role::OracleSubmitter]));
	}
	fn set_now_ms(ms: u64) {
		ScriptedClock::set_ms(ms);
	}
}

pub const GOVERNANCE: u64 = 1000;
pub const COMMITTEE: u64 = 1001;
pub const DEPOSITARY: u64 = 1002;
/// Submitters of every feed, holding the OracleSubmitter role.
pub const S1: u64 = 1;
pub const S2: u64 = 2;
pub const S3: u64 = 3;
/// Listed on every feed but without the OracleSubmitter role.
pub const UNROLED: u64 = 4;
/// Holds the role but is listed on no feed.
pub const OUTSIDER: u64 = 5;

/// A fund NAV feed: S1-S3 and UNROLED, quorum 3, 1 h, 5 %.
pub const NAV: FeedId = 1;
/// The same, but each NAV needs the depositary's sign-off.
pub const SIGNED_NAV: FeedId = 2;
/// EUR/USD: quorum 2, 5 min, 2 %.
pub const EUR_USD: FeedId = 3;

pub const HOUR_MS: u64 = 3_600_000;
pub const MINUTE_MS: u64 = 60_000;
/// The clock at the start of every test: 2026-12-01 00:00 UTC.
pub const START_MS: u64 = 1_796_083_200_000;

pub fn nav_settings(requires_sign_off: bool) -> FeedSettings<Vec<u64>> {
	FeedSettings {
		kind: FeedKind::FundNav { currency: *b"EUR" },
		submitters: vec![S1, S2, S3, UNROLED],
		quorum: 3,
		max_age_ms: HOUR_MS,
		max_deviation: Permill::from_percent(5),
		requires_sign_off,
	}
}

pub fn fx_settings() -> FeedSettings<Vec<u64>> {
	FeedSettings {
		kind: FeedKind::FxRate { base: *b"EUR", quote: *b"USD" },
		submitters: vec![S1, S2, S3],
		quorum: 2,
		max_age_ms: 5 * MINUTE_MS,
		max_deviation: Permill::from_percent(2),
		requires_sign_off: false,
	}
}

/// A price from its thousandths: `price(1_050)` is 1.050.
pub fn price(thousandths: u128) -> FixedU128 {
	FixedU128::from_rational(thousandths, 1_000)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		nav_oracle: pallet_nav_oracle::GenesisConfig {
			feeds: vec![(NAV, nav_settings(false)), (SIGNED_NAV, nav_settings(true)), (EUR_USD, fx_settings())],
		},
	}
	.build_storage()
	.expect("the mock's genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		ScriptedClock::set_ms(START_MS);
		let de = Jurisdiction(*b"DE");
		for who in [S1, S2, S3, OUTSIDER] {
			ScriptedRegistry::set(who, ScriptedIdentity::new(de, &[Role::OracleSubmitter]));
		}
		ScriptedRegistry::set(UNROLED, ScriptedIdentity::new(de, &[]));
	});
	ext
}
