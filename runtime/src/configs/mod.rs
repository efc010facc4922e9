//! Configuration of every pallet in the runtime.

mod compliance;
mod deposits;
mod funds;
mod governance;
mod payments;
pub use compliance::*;
pub use deposits::*;
pub use governance::*;
pub use funds::*;
pub use payments::*;

use crate::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, IdentityRegistry, Nonce,
	PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, SessionKeys, System, ValidatorSet, EXISTENTIAL_DEPOSIT,
	MILLI_UNIT, SESSION_PERIOD, SLOT_DURATION, UNIT, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::WEIGHT_REF_TIME_PER_SECOND,
		IdentityFee, Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};

/// Share of a block's weight and length that normal (user) transactions may
/// fill; the rest is kept for operational calls such as governance.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Compute budget of a block: 1 s of reference time per 3 s block. The author
/// spends at most 2/3 of the slot (2 s) proposing on the reference machine;
/// 1 s of weight leaves room for slower validators to import the block and
/// for networking, on the 2-core class of machine the banks run.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

/// 5 MiB blocks.
const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// The limits above, with the base costs of a block and of an extrinsic
	/// measured on this machine (`crate::weights`, `benchmark overhead`) and
	/// declared with its speed margin.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(crate::weights::DeclaredBlockExecution::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = crate::weights::DeclaredExtrinsicBase::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// 5 MiB blocks; a plain transfer is ~140 bytes, so length never binds
	/// before weight does.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_LENGTH)
		.build();
	/// "TK" in SS58 terms is not registered; 42 is the generic Substrate prefix.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = crate::weights::DeclaredDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type BaseCallFilter = crate::policy::ConsortiumCallFilter;
	type ExtensionsWeightInfo = crate::weights::InExtrinsicBase;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = ConstU128<{ 10 * MILLI_UNIT }>;
	type DepositFactor = ConstU128<{ MILLI_UNIT }>;
	type MaxSignatories = ConstU32<16>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = crate::AssetId;
	type AssetIdParameter = codec::Compact<crate::AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	/// Nobody creates an asset with `create`: governance uses `force_create`
	/// (or compliant-assets, for permissioned assets), so asset ids cannot be
	/// squatted and no asset exists outside the consortium's decisions.
	type CreateOrigin = AsEnsureOriginWithArg<frame_support::traits::NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = GovernanceOrigin;
	type AssetDeposit = ConstU128<{ UNIT }>;
	type AssetAccountDeposit = ConstU128<{ MILLI_UNIT }>;
	type MetadataDepositBase = ConstU128<{ MILLI_UNIT }>;
	type MetadataDepositPerByte = ConstU128<{ MILLI_UNIT / 100 }>;
	type ApprovalDeposit = ConstU128<{ MILLI_UNIT }>;
	type StringLimit = ConstU32<64>;
	/// Amount-level freezes: pallet-assets itself keeps every transfer within
	/// balance − frozen.
	type Freezer = HeldBack;
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	type RemoveItemsLimit = ConstU32<1000>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Governance: the governance council's [`RoleOrigin`] (root on the dev
/// chain, else the 5-of-7 multisig holding the GovernanceCouncil role), under
/// the name the foundation pallets' configs use.
pub type GovernanceOrigin = GovernanceCouncil;

/// Most validators the consortium can have (Aura and GRANDPA bound).
pub const MAX_VALIDATORS: u32 = 32;

parameter_types! {
	/// Strictly below 1/3: one bank alone can never stall GRANDPA.
	pub const MaxSeatShare: Perbill = Perbill::from_percent(33);
}

/// Validators that registered session keys for the coming session: the
/// ones that will author and vote.
pub struct HasSessionKeys;
impl frame_support::traits::Contains<AccountId> for HasSessionKeys {
	fn contains(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
}

/// A session every `SESSION_PERIOD` blocks.
type EverySessionPeriod = pallet_session::PeriodicSessions<ConstU32<SESSION_PERIOD>, ConstU32<0>>;

/// pallet-session's rotation, driven by the validator set's `on_initialize`
/// (which sits just before pallet-session's in the block, so the rotation
/// happens where pallet-session's own would) and charged its benchmark:
/// pallet-session would charge its own the whole block.
pub struct SessionsEveryPeriod;
impl tokenize_primitives::SessionRotation<AccountId, BlockNumber> for SessionsEveryPeriod {
	fn ends_at(now: BlockNumber) -> bool {
		<EverySessionPeriod as pallet_session::ShouldEndSession<BlockNumber>>::should_end_session(now)
	}

	fn rotate() {
		crate::Session::rotate_session();
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_benchmark_keys(validators: &[AccountId]) {
		for (i, who) in validators.iter().enumerate() {
			// Distinct keys per validator; a rotation only stores and compares them.
			let mut seed = [0xB5u8; 32];
			seed[..8].copy_from_slice(&(i as u64).to_le_bytes());
			let keys = SessionKeys {
				aura: AuraId::from(sp_core::sr25519::Public::from_raw(seed)),
				grandpa: sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(seed)),
			};
			pallet_session::NextKeys::<Runtime>::insert(who, keys);
		}
	}
}

/// pallet-session never ends a session on its own: the validator set rotates
/// them ([`SessionsEveryPeriod`]).
pub struct RotatedByValidatorSet;
impl pallet_session::ShouldEndSession<BlockNumber> for RotatedByValidatorSet {
	fn should_end_session(_now: BlockNumber) -> bool {
		false
	}
}

impl pallet_validator_set::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Compliance = IdentityRegistry;
	type SessionKeys = HasSessionKeys;
	type Sessions = SessionsEveryPeriod;
	type GovernanceOrigin = GovernanceOrigin;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MaxSeatShare = MaxSeatShare;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = IdentityRegistry;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = RotatedByValidatorSet;
	/// When the validator set will rotate next (the same period).
	type NextSessionRotation = EverySessionPeriod;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ConstU128<0>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// The 4 founding validators, the regulator node and room to grow.
	type MaxWellKnownNodes = ConstU32<64>;
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type WeightInfo = ();
}
