//! Configuration of the funds: the NAV and FX oracle and the two fund
//! vaults, the money-market fund (TMMF, instance 1) and the mutual fund
//! (TMF, instance 2), TMMF switching into TMF.

use crate::{AssetId, Balance, CompliantAssets, IdentityRegistry, NavOracle, Runtime, RuntimeEvent, Timestamp, Tmf};
use frame_support::{
	instances::{Instance1, Instance2},
	parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use tokenize_primitives::{FundId, Role};

use super::{ComplianceDepositary, GovernanceCouncil, RoleOrigin};

parameter_types! {
	pub const DepositaryRole: Role = Role::Depositary;
	pub const FundManagerRole: Role = Role::FundManager;
	pub const TmmfFundId: FundId = TMMF_FUND;
	pub const TmfFundId: FundId = TMF_FUND;
	pub const TmmfPalletId: PalletId = PalletId(*b"tk/tmmf_");
	pub const TmfPalletId: PalletId = PalletId(*b"tk/tmf__");
}

/// The money-market fund's id (what `switchTo` names).
pub const TMMF_FUND: FundId = 1;
/// The mutual fund's id.
pub const TMF_FUND: FundId = 2;

/// The fund manager (FundManager role), or root on the dev chain.
pub type FundManager = RoleOrigin<FundManagerRole>;

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

/// What both funds share: compliant-assets moves, issues and reads; the
/// oracle prices; governance configures; the fund manager distributes.
macro_rules! fund_vault_config {
	($instance:ty, $fund_id:ty, $pallet_id:ty, $switch_target:ty, $other_funds:ty) => {
		impl pallet_fund_vault::Config<$instance> for Runtime {
			type RuntimeEvent = RuntimeEvent;
			type AssetId = AssetId;
			type Balance = Balance;
			type Compliance = IdentityRegistry;
			type Assets = CompliantAssets;
			type Supply = CompliantAssets;
			type Holdings = CompliantAssets;
			type Nav = NavOracle;
			type TimeProvider = Timestamp;
			type FundId = $fund_id;
			type SwitchTarget = $switch_target;
			/// A share class is one fund's alone: the other fund's.
			type OtherFunds = $other_funds;
			/// No share class is a deposit token.
			type DepositTokens = crate::MintEscrow;
			type PalletId = $pallet_id;
			type AdminOrigin = GovernanceCouncil;
			type ManagerOrigin = FundManager;
			/// An investor waits for its redemptions before asking for more.
			type MaxOpenRequests = ConstU32<16>;
			/// A month of days with redemptions due.
			type MaxGateDays = ConstU32<32>;
			/// A week of gated days paid per claim.
			type MaxClaimDays = ConstU32<8>;
			type WeightInfo = pallet_fund_vault::weights::SubstrateWeight<Runtime>;
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = crate::benchmarks::ComplianceLayerHelper;
		}
	};
}

fund_vault_config!(Instance1, TmmfFundId, TmmfPalletId, Tmf, Tmf);
fund_vault_config!(Instance2, TmfFundId, TmfPalletId, (), crate::Tmmf);

/// The funds whose dealing froze (no NAV accepted for their freeze period),
/// for the circuit breaker's status.
pub struct FrozenFunds;
impl frame_support::traits::Get<alloc::vec::Vec<FundId>> for FrozenFunds {
	fn get() -> alloc::vec::Vec<FundId> {
		let tmmf = pallet_fund_vault::Fund::<Runtime, Instance1>::get()
			.is_some_and(|fund| crate::Tmmf::dealing_frozen(&fund))
			.then_some(TMMF_FUND);
		let tmf = pallet_fund_vault::Fund::<Runtime, Instance2>::get()
			.is_some_and(|fund| Tmf::dealing_frozen(&fund))
			.then_some(TMF_FUND);
		tmmf.into_iter().chain(tmf).collect()
	}
}
