//! Test runtime with the real pallet-scheduler and pallet-preimage, so that
//! the tests see proposals run (or not) exactly as on chain.

use crate as pallet_governance;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Preimage: pallet_preimage,
		Scheduler: pallet_scheduler,
		Governance: pallet_governance,
	}
);

/// The council's (multisig) account.
pub const COUNCIL: u64 = 1;
/// Any other signed account: a customer, a bank, a compliance officer.
pub const OUTSIDER: u64 = 2;
/// The enactment delay of the test chain, in blocks.
pub const DELAY: u64 = 10;
/// Longest proposal the test chain accepts.
pub const MAX_CALL_LEN: u32 = 1024;
/// Most proposals waiting at once on the test chain.
pub const MAX_ACTIVE: u32 = 4;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<u64>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<{ MAX_ACTIVE }>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

ord_parameter_types! {
	pub const Council: u64 = COUNCIL;
}

impl pallet_governance::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type ProposeOrigin = EnsureSignedBy<Council, u64>;
	type CancelOrigin = EnsureSignedBy<Council, u64>;
	type MaxActiveProposals = ConstU32<MAX_ACTIVE>;
	type MaxCallLen = ConstU32<MAX_CALL_LEN>;
	type MinEnactmentDelay = ConstU64<1>;
	type MaxEnactmentDelay = ConstU64<1000>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_governance::GenesisConfig::<Test> { enactment_delay: DELAY }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh chain, then checks the pallet's invariants.
pub fn test_chain(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Governance::do_try_state().expect("governance invariants hold");
	});
}

/// Advances the chain block by block (running the scheduler) up to `n`.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
