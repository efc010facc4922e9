//! Configuration of the funds: the NAV and FX oracle.

use crate::{IdentityRegistry, Runtime, RuntimeEvent, Timestamp};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
};
use tokenize_primitives::Role;

use super::{ComplianceDepositary, GovernanceCouncil, RoleOrigin};

parameter_types! {
	pub const DepositaryRole: Role = Role::Depositary;
}

/// A depositary (a fund's custodian bank), or root on the dev chain.
pub type Depositary = RoleOrigin<DepositaryRole>;

impl pallet_nav_oracle::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Compliance = IdentityRegistry;
	type TimeProvider = Timestamp;
	type AdminOrigin = GovernanceCouncil;
	/// Held medians and the manual fallback price: compliance and the
	/// depositary together (2-of-3).
	type ApprovalOrigin = ComplianceDepositary;
	type SignOffOrigin = Depositary;
	/// A feed's submitters: the consortium's banks and price vendors.
	type MaxSubmitters = ConstU32<16>;
	/// 256 accepted values per feed: about ten days of hourly NAVs, eight
	/// months of daily ones; forward pricing needs only the days of a
	/// fund's notice period.
	type MaxHistory = ConstU32<256>;
	/// An observation may be up to 30 s ahead of the block's clock (the
	/// drift pallet-timestamp tolerates between authors).
	type MaxClockSkew = ConstU64<30_000>;
	type WeightInfo = pallet_nav_oracle::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ComplianceLayerHelper;
}
