//! # Tokenize runtime
//!
//! The state machine of the Tokenize bank-consortium chain: FRAME system
//! pallets, pallet-assets for tokenized money, pallet-multisig for the n-of-m
//! role accounts, Aura + GRANDPA with a permissioned validator set fed by
//! pallet-session, peer allowlisting with pallet-node-authorization, and the
//! consortium's own pallets (identity registry, validator set, the
//! compliance layer). Root comes only from governance: the council's
//! proposals run as Root after a delay through pallet-scheduler
//! (`pallet-governance`); sudo exists on the dev chain alone.
//!
//! Block time is 3 s (see [`MILLI_SECS_PER_BLOCK`]); GRANDPA finalises a few
//! blocks behind the head, so a payment is final within ~6-9 s.

#![cfg_attr(not(feature = "std"), no_std)]
// construct_runtime of this many pallets nests deeper than the default.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod policy;
pub mod weights;
mod compliance_views;
pub mod invariants;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod compliance_tests;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know without knowing the runtime's
/// extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	pub type BlockId = generic::BlockId<Block>;
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	impl_opaque_keys! {
		/// A validator's session keys: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: super::Aura,
			pub grandpa: super::Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

#[cfg(not(feature = "upgrade-test"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tokenize"),
	impl_name: alloc::borrow::Cow::Borrowed("tokenize"),
	authoring_version: 1,
	spec_version: 105,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

/// The same runtime announcing the next `spec_version`: the code the
/// upgrade tests (e2e, zombienet) ask governance to install. Only its wasm
/// is built (see `build.rs`), beside the real one; never shipped.
#[cfg(feature = "upgrade-test")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tokenize"),
	impl_name: alloc::borrow::Cow::Borrowed("tokenize"),
	authoring_version: 1,
	spec_version: 106,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

/// Three-second blocks: short enough for payment confirmation, long enough on
/// 2-core bank validators to author (2/3 of the slot) and import every block
/// and let GRANDPA's 333 ms gossip rounds keep pace. Measured figures are in
/// the README ("Block time and block limits").
pub const MILLI_SECS_PER_BLOCK: u64 = 3000;
/// Aura slot = block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// A session lasts 5 minutes (100 blocks): validator-set changes and lapsed
/// identities take effect within two sessions.
pub const SESSION_PERIOD: BlockNumber = 5 * MINUTES;

/// Balance of the native fee token; 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
pub const MILLI_UNIT: Balance = 1_000_000_000;
pub const MICRO_UNIT: Balance = 1_000_000;
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

pub type Signature = MultiSignature;
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
pub type Balance = u128;
pub type Nonce = u32;
pub type Hash = sp_core::H256;
pub type BlockNumber = u32;
pub type Address = MultiAddress<AccountId, ()>;
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
pub type SignedBlock = generic::SignedBlock<Block>;
pub type BlockId = generic::BlockId<Block>;
/// Identifier of a pallet-assets asset.
pub type AssetId = u32;

/// What the compliance runtime API returns (see `tokenize_primitives::runtime_api`).
pub type IdentityView = pallet_identity_registry::IdentitySummary;
pub type BreakerView = pallet_circuit_breaker::BreakerStatusOf<Runtime>;
pub type CorridorView = pallet_corridor::CorridorStatus<AssetId, Balance>;
pub type BackingView = pallet_mint_escrow::BackingStatus<Balance, BlockNumber>;
pub type DepositView = pallet_mint_escrow::DepositOf<Runtime>;
pub type RedemptionView = pallet_mint_escrow::RedemptionOf<Runtime>;
pub type LiabilityTreeView = pallet_mint_escrow::LiabilityTree<Balance>;
pub type LiabilityProofView = pallet_mint_escrow::LiabilityProof<AccountId, Balance>;
/// What the payments runtime API returns.
pub type PaymentView = pallet_payments::PaymentViewOf<Runtime>;
/// A fund as the funds runtime API shows it.
pub type FundView = pallet_fund_vault::FundView<AccountId, AssetId, Balance>;
/// An investor's position in a fund.
pub type PositionView = pallet_fund_vault::PositionView<Balance>;

/// Checks applied to every signed transaction.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	// `CheckNonce` with a bound on pending transactions per sender.
	policy::CheckNonceWithinWindow,
	frame_system::CheckWeight<Runtime>,
	// In place of ChargeTransactionPayment: feeless for verified identities
	// within their allowance, everything else refused at validation.
	policy::VerifiedSender,
	frame_system::WeightReclaim<Runtime>,
);

pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade (each does nothing
/// on a chain already at its version, e.g. one started from genesis).
type Migrations = (
	pallet_circuit_breaker::migrations::MigrateToV2<Runtime, configs::AdoptBreakerFreeze>,
);

pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(4)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(5)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(6)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(7)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(8)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(9)]
	pub type Governance = pallet_governance;

	// Identity before the validator set before session: genesis builds in this
	// order, and each checks what the previous one created.
	#[runtime::pallet_index(10)]
	pub type IdentityRegistry = pallet_identity_registry;
	#[runtime::pallet_index(11)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(12)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(13)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(14)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(15)]
	pub type NodeAuthorization = pallet_node_authorization;

	// The compliance layer.
	#[runtime::pallet_index(20)]
	pub type CompliantAssets = pallet_compliant_assets;
	#[runtime::pallet_index(21)]
	pub type Freeze = pallet_freeze;
	#[runtime::pallet_index(22)]
	pub type CircuitBreaker = pallet_circuit_breaker;
	#[runtime::pallet_index(23)]
	pub type Corridor = pallet_corridor;

	// EUR deposits (after compliant-assets: its genesis tokens attest the
	// holdings compliant-assets' genesis made).
	#[runtime::pallet_index(30)]
	pub type MintEscrow = pallet_mint_escrow;

	// The cross-border payment rail.
	#[runtime::pallet_index(31)]
	pub type Payments = pallet_payments;

	// Funds: the NAV and FX oracle.
	#[runtime::pallet_index(32)]
	pub type NavOracle = pallet_nav_oracle;
	/// The money-market fund (LVNAV, T+1).
	#[runtime::pallet_index(33)]
	pub type Tmmf = pallet_fund_vault<Instance1>;
	/// The mutual fund (variable NAV, T+2).
	#[runtime::pallet_index(34)]
	pub type Tmf = pallet_fund_vault<Instance2>;
}
