//! Configuration of the compliance layer: identity registry, permissioned
//! assets, freezes, circuit breaker and corridors, and the roles that govern
//! them.
//!
//! Every privileged origin is a role held by a verified identity
//! ([`RoleOrigin`]); the collective roles (governance council 5-of-7,
//! settlement committee 3-of-5, compliance + depositary 2-of-3) are held by
//! pallet-multisig accounts whose signers the registry keeps on chain. On the
//! dev chain root (sudo) may act for any role; the consortium spec has no sudo.

use crate::{
	AccountId, AssetId, Assets, Balance, BlockNumber, CircuitBreaker, CompliantAssets, Freeze,
	IdentityRegistry, Runtime, RuntimeEvent, Timestamp, MINUTES,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOf, MapSuccess},
	weights::constants::WEIGHT_REF_TIME_PER_MILLIS,
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::traits::Replace;
use tokenize_primitives::{EnsureRole, FreezeReason, MultisigAccount, Role};

parameter_types! {
	/// The account that stands for root in events when sudo acts on the dev
	/// chain ("root" padded with zeros); never a real key.
	pub RootActor: AccountId = AccountId::new(*b"root\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
	pub const GovernanceCouncilRole: Role = Role::GovernanceCouncil;
	pub const ComplianceOfficerRole: Role = Role::ComplianceOfficer;
	pub const ComplianceDepositaryRole: Role = Role::ComplianceDepositary;
}

/// The holder of role `R`, or root (dev chain only) standing in as [`RootActor`].
pub type RoleOrigin<R> = EitherOf<
	MapSuccess<EnsureRoot<AccountId>, Replace<RootActor>>,
	EnsureRole<AccountId, IdentityRegistry, R>,
>;
pub type GovernanceCouncil = RoleOrigin<GovernanceCouncilRole>;
pub type ComplianceOfficer = RoleOrigin<ComplianceOfficerRole>;
pub type ComplianceDepositary = RoleOrigin<ComplianceDepositaryRole>;

/// pallet-multisig's account of an n-of-m: what a committee's role is held by.
pub struct MultisigAccounts;
impl MultisigAccount<AccountId> for MultisigAccounts {
	fn multi_account_id(signers: &[AccountId], threshold: u16) -> AccountId {
		pallet_multisig::Pallet::<Runtime>::multi_account_id(signers, threshold)
	}
}

parameter_types! {
	pub const MaxValiditySeconds: u64 = 3 * 365 * 24 * 3600;
	/// Feeless budget of a customer per 10-block (30 s) window: 300
	/// transactions, 150 ms of declared compute (a fifth of one block's
	/// 750 ms for user transactions, about 120 compliant transfers) and
	/// 64 KiB. A customer can never fill a block: by count, weight or length.
	pub const CustomerBudget: pallet_identity_registry::TransactionBudget =
		pallet_identity_registry::TransactionBudget {
			transactions: 300,
			ref_time: 150 * WEIGHT_REF_TIME_PER_MILLIS,
			bytes: 64 * 1024,
		};
	/// Budget of a governance keyholder (banks submitting for their
	/// customers, committee signers, role holders) per window: 3,000
	/// transactions, 3 s of compute (40% of the window's user capacity) and
	/// 4 MiB (room for a signed runtime upload).
	pub const KeyholderBudget: pallet_identity_registry::TransactionBudget =
		pallet_identity_registry::TransactionBudget {
			transactions: 3_000,
			ref_time: 3_000 * WEIGHT_REF_TIME_PER_MILLIS,
			bytes: 4 * 1024 * 1024,
		};
	pub const TransactionWindow: BlockNumber = 10;
}

impl pallet_identity_registry::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type GovernanceOrigin = GovernanceCouncil;
	type SanctionsOrigin = ComplianceOfficer;
	type Multisig = MultisigAccounts;
	type TimeProvider = Timestamp;
	type MaxJurisdictionsPerVerifier = ConstU32<32>;
	type MaxValiditySeconds = MaxValiditySeconds;
	type MaxCommitteeSize = ConstU32<16>;
	type CustomerBudget = CustomerBudget;
	type KeyholderBudget = KeyholderBudget;
	type TransactionWindow = TransactionWindow;
	type WeightInfo = pallet_identity_registry::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const CompliantAssetsPalletId: PalletId = PalletId(*b"tk/cmpas");
	pub const FreezeAgent: pallet_compliant_assets::AgentRole = pallet_compliant_assets::AgentRole::Freeze;
	pub const ForcedTransferAgent: pallet_compliant_assets::AgentRole =
		pallet_compliant_assets::AgentRole::ForcedTransfer;
}

impl pallet_compliant_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type Compliance = IdentityRegistry;
	type Breaker = CircuitBreaker;
	type Freezes = Freeze;
	type DepositTokens = crate::MintEscrow;
	type PaymentEscrow = crate::Payments;
	type RedemptionLocks = (crate::Tmmf, crate::Tmf);
	/// Each fund settles accruals on its own share class alone, and the
	/// vaults refuse each other's share class: a movement declares one
	/// fund's accrual per party.
	type HoldingObserver = (crate::Tmmf, crate::Tmf);
	type AssetAdminOrigin = GovernanceCouncil;
	type TimeProvider = Timestamp;
	type PalletId = CompliantAssetsPalletId;
	type MaxBatchSize = ConstU32<64>;
	type MaxDocuments = ConstU32<32>;
	type MaxDocumentNameLen = ConstU32<64>;
	type MaxUriLen = ConstU32<256>;
	type MaxJurisdictionRules = ConstU32<32>;
	type StringLimit = ConstU32<64>;
	type MaxFreezeEntriesPerHolding = ConstU32<MAX_FREEZE_ENTRIES_PER_HOLDING>;
	/// A customer may give its holding of an asset to up to 4 custodian banks.
	type MaxOperators = ConstU32<4>;
	type WeightInfo = pallet_compliant_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ComplianceLayerHelper;
}

impl pallet_freeze::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type Transfer = CompliantAssets;
	type DepositTokens = crate::MintEscrow;
	type PaymentEscrow = crate::Payments;
	type RedemptionLocks = (crate::Tmmf, crate::Tmf);
	type FreezeOrigin = pallet_compliant_assets::EnsureAssetAgent<Runtime, FreezeAgent>;
	type ConfiscateOrigin = pallet_compliant_assets::EnsureAssetAgent<Runtime, ForcedTransferAgent>;
	type AddressFreezeOrigin = ComplianceOfficer;
	type TimeProvider = Timestamp;
	type MaxEntriesPerHolding = ConstU32<MAX_FREEZE_ENTRIES_PER_HOLDING>;
	type MaxReferenceLen = ConstU32<64>;
	type WeightInfo = pallet_freeze::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ComplianceLayerHelper;
}

/// Re-issues a v1 circuit-breaker address freeze (the breaker's storage
/// migration to v2) as the freeze pallet's address freeze: same address,
/// same officer, the breaker's free-text reason as the case reference
/// (cut to the freeze pallet's bound), reason `AmlFlag`.
pub struct AdoptBreakerFreeze;
impl pallet_circuit_breaker::migrations::AdoptAddressFreeze<AccountId> for AdoptBreakerFreeze {
	fn adopt(who: &AccountId, by: &AccountId, reason: &[u8]) -> frame_support::weights::Weight {
		let limit = <<Runtime as pallet_freeze::Config>::MaxReferenceLen as frame_support::traits::Get<u32>>::get() as usize;
		let reference = reason.get(..limit).unwrap_or(reason).to_vec();
		// The only refusal left is `AddressAlreadyFrozen` (the reference is
		// cut to its bound): then the address stays frozen either way.
		let _ = Freeze::do_freeze_address(by.clone(), who.clone(), FreezeReason::AmlFlag, reference);
		<<Runtime as pallet_freeze::Config>::WeightInfo as pallet_freeze::WeightInfo>::freeze_address()
	}
}

/// Most freeze entries one holding carries; compliant-assets charges its
/// forced transfers and recoveries for this many.
pub const MAX_FREEZE_ENTRIES_PER_HOLDING: u32 = 16;

parameter_types! {
	/// Lifting a global pause waits this long after the council schedules it
	/// (time for every bank to see the decision and object). A runtime
	/// parameter, so the dev chain's tests can shorten it with root.
	pub storage GlobalResumeDelay: BlockNumber = 10 * MINUTES;
}

impl pallet_circuit_breaker::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetId;
	type Balance = Balance;
	type GlobalPauseOrigin = GovernanceCouncil;
	type AssetPauseOrigin = ComplianceDepositary;
	type ThrottleOrigin = GovernanceCouncil;
	type ResumeDelay = GlobalResumeDelay;
	type MaxReasonLen = ConstU32<256>;
	type MaxThrottles = ConstU32<32>;
	type FrozenFunds = super::FrozenFunds;
	type WeightInfo = pallet_circuit_breaker::weights::SubstrateWeight<Runtime>;
}

impl pallet_corridor::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetId;
	type Balance = Balance;
	type Compliance = IdentityRegistry;
	type GovernanceOrigin = GovernanceCouncil;
	type BlockOrigin = ComplianceOfficer;
	type TimeProvider = Timestamp;
	type MaxSettlementAssets = ConstU32<16>;
	type MaxReasonLen = ConstU32<256>;
	type WeightInfo = pallet_corridor::weights::SubstrateWeight<Runtime>;
}
