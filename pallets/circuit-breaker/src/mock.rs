//! Test runtime: frame-system and the breaker. Each role is one scripted
//! account: the governance council (1) and compliance + depositary (2);
//! accounts 3 and 9 hold no breaker role.

use crate as pallet_circuit_breaker;
use frame_support::{derive_impl, ord_parameter_types, parameter_types, traits::Hooks};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		CircuitBreaker: pallet_circuit_breaker,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const COUNCIL: u64 = 1;
pub const COMPLIANCE_DEPOSITARY: u64 = 2;
pub const COMPLIANCE_OFFICER: u64 = 3;
pub const OUTSIDER: u64 = 9;
/// Every scripted account, role holders and the outsider.
pub const ACCOUNTS: [u64; 4] = [COUNCIL, COMPLIANCE_DEPOSITARY, COMPLIANCE_OFFICER, OUTSIDER];

ord_parameter_types! {
	pub const Council: u64 = COUNCIL;
	pub const ComplianceDepositary: u64 = COMPLIANCE_DEPOSITARY;
}

parameter_types! {
	pub const ResumeDelay: u64 = 10;
	pub const MaxReasonLen: u32 = 16;
	pub const MaxThrottles: u32 = 4;
}

impl pallet_circuit_breaker::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = u32;
	type Balance = u128;
	type GlobalPauseOrigin = EnsureSignedBy<Council, u64>;
	type AssetPauseOrigin = EnsureSignedBy<ComplianceDepositary, u64>;
	type ThrottleOrigin = EnsureSignedBy<Council, u64>;
	type ResumeDelay = ResumeDelay;
	type MaxReasonLen = MaxReasonLen;
	type MaxThrottles = MaxThrottles;
	type FrozenFunds = ();
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	let mut ext = sp_io::TestExternalities::new(storage);
	// Events are recorded from block 1 on.
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Advances block by block to `n`, running the breaker's block hook as the
/// executive would at the start of each block.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		CircuitBreaker::on_initialize(next);
	}
}

/// The breaker's events so far, oldest first.
pub fn breaker_events() -> Vec<pallet_circuit_breaker::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::CircuitBreaker(event) => Some(event),
			_ => None,
		})
		.collect()
}
