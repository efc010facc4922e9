//! Configuration of the cross-border payment rail.

use crate::{
	AssetId, Balance, CircuitBreaker, CompliantAssets, Corridor, IdentityRegistry, Runtime, RuntimeEvent,
	DAYS, HOURS,
};
use frame_support::{parameter_types, traits::ConstU32};
use tokenize_primitives::Role;

use super::{GovernanceCouncil, RoleOrigin};

parameter_types! {
	pub const SettlementCommitteeRole: Role = Role::SettlementCommittee;
}

/// The settlement committee (a 3-of-5 multisig in the consortium), or root on
/// the dev chain.
pub type SettlementCommittee = RoleOrigin<SettlementCommitteeRole>;

impl pallet_payments::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetId;
	type Balance = Balance;
	type Compliance = IdentityRegistry;
	type Assets = CompliantAssets;
	type Corridors = Corridor;
	type Breaker = CircuitBreaker;
	/// Liquidity providers sign quotes with their account's key.
	type OffchainSignature = crate::Signature;
	type OffchainSigner = <crate::Signature as sp_runtime::traits::Verify>::Signer;
	type SettlementOrigin = SettlementCommittee;
	type AdminOrigin = GovernanceCouncil;
	/// A bank has an hour after the initiation to object.
	type ChallengeWindow = ConstU32<HOURS>;
	/// An unreleased payment is refundable by anyone after a day.
	type PaymentTimeout = ConstU32<DAYS>;
	/// Escrow is never held more than a week without the committee.
	type MaxPaymentTimeout = ConstU32<{ 7 * DAYS }>;
	/// One committee approval releases up to 64 payments.
	type MaxSettlementBatch = ConstU32<64>;
	/// A customer's unsettled payments at once.
	type MaxOpenPayments = ConstU32<32>;
	type WeightInfo = pallet_payments::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ComplianceLayerHelper;
}

