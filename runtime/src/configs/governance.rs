//! Root without sudo: the governance council's proposals, executed as Root
//! by pallet-scheduler after the chain spec's enactment delay
//! (pallet-governance), with long calls kept by pallet-preimage.

use super::RuntimeBlockWeights;
use crate::{
	AccountId, Balances, BlockNumber, OriginCaller, Preimage, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, Scheduler, DAYS,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

/// Most proposals waiting at once.
pub const MAX_ACTIVE_PROPOSALS: u32 = 16;

parameter_types! {
	/// Scheduled dispatches (enacted proposals) may use 80% of a block.
	pub MaximumSchedulerWeight: Weight = Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// No deposit: only governance notes preimages (the call filter closes
	/// the pallet's own calls to every signed origin).
	type Consideration = ();
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only Root schedules directly; the council goes through governance.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	/// Every waiting proposal may fall due in the same block, with room to spare.
	type MaxScheduledPerBlock = ConstU32<{ 2 * MAX_ACTIVE_PROPOSALS }>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = crate::System;
}

impl pallet_governance::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type ProposeOrigin = super::GovernanceCouncil;
	type CancelOrigin = super::GovernanceCouncil;
	type MaxActiveProposals = ConstU32<MAX_ACTIVE_PROPOSALS>;
	/// Proposals are calls, not code: an upgrade proposes the code's hash
	/// (`system.authorize_upgrade`), so 16 KiB is plenty.
	type MaxCallLen = ConstU32<{ 16 * 1024 }>;
	type MinEnactmentDelay = ConstU32<1>;
	type MaxEnactmentDelay = ConstU32<{ 30 * DAYS }>;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}

/// The consortium's enactment delay: every bank gets a day to see a
/// proposal before it runs as Root.
pub const CONSORTIUM_ENACTMENT_DELAY: BlockNumber = DAYS;
