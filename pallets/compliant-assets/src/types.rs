//! Asset rules, agent roles and documents of permissioned assets.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::weights::Weight;
use sp_runtime::Saturating;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use tokenize_primitives::{InvestorCategory, Jurisdiction};

/// 32-byte hash of an off-chain document (prospectus, terms, audit report).
pub type DocumentHash = [u8; 32];

/// The per-asset compliance rules (the "modules" of an ERC-3643 compliance
/// contract). Generic over the jurisdiction list so that a call takes a plain
/// list (refused with a named error when too long) and storage keeps a bounded
/// one.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct AssetRules<Balance, Jurisdictions> {
	/// Most accounts that may hold a non-zero balance at once (fund share
	/// classes are capped for prospectus exemptions). `None`: no cap.
	pub max_holders: Option<u32>,
	/// Largest balance one account may reach through a transfer or a mint.
	pub max_balance: Option<Balance>,
	/// Receivers must be in one of these jurisdictions; empty means all.
	pub allowed_jurisdictions: Jurisdictions,
	/// Receivers in these jurisdictions are refused, on top of the chain-wide
	/// blocked jurisdictions of the identity registry.
	pub blocked_jurisdictions: Jurisdictions,
	/// Lowest MiFID II category a receiver must have (fund shares sold to
	/// professionals only). `None`: every category.
	pub min_category: Option<InvestorCategory>,
	/// Unix seconds before which ordinary transfers are refused (lock-up
	/// after issuance). Mints, burns and the agents' privileged moves ignore it.
	pub lockup_until: Option<u64>,
}

/// The responsibilities an agent may hold on one asset.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub enum AgentRole {
	/// Mints and burns (the issuer's treasury desk).
	Supply,
	/// Freezes and unfreezes amounts (the freeze pallet asks for this role).
	Freeze,
	/// Moves holdings without the holder's signature, frozen amounts included.
	ForcedTransfer,
	/// Moves a lost wallet's holding to the holder's new wallet.
	Recovery,
}

impl AgentRole {
	/// Every role, in bit order.
	pub const ALL: [AgentRole; 4] =
		[AgentRole::Supply, AgentRole::Freeze, AgentRole::ForcedTransfer, AgentRole::Recovery];

	const fn bit(self) -> u8 {
		1u8 << (self as u8)
	}
}

/// The roles of one agent on one asset, stored as a bit set.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default,
)]
pub struct AgentRoles(u8);

impl AgentRoles {
	/// The set holding exactly `roles`.
	pub fn from_roles(roles: &[AgentRole]) -> Self {
		AgentRoles(roles.iter().fold(0, |acc, role| acc | role.bit()))
	}
	/// Decodes a bit set, refusing bits that name no role.
	pub fn from_bits(bits: u8) -> Option<Self> {
		let known = AgentRoles::from_roles(&AgentRole::ALL).0;
		(bits & !known == 0).then_some(AgentRoles(bits))
	}
	pub fn bits(&self) -> u8 {
		self.0
	}
	pub fn contains(&self, role: AgentRole) -> bool {
		self.0 & role.bit() != 0
	}
	pub fn is_empty(&self) -> bool {
		self.0 == 0
	}
	/// Separation of duties: whoever can freeze an amount must not also be
	/// able to move frozen amounts, or one key could freeze a holding and
	/// then take it.
	pub fn combines_freeze_and_forced_transfer(&self) -> bool {
		self.contains(AgentRole::Freeze) && self.contains(AgentRole::ForcedTransfer)
	}
}

/// Name, symbol and decimals of a permissioned asset. Kept here rather than in
/// pallet-assets' metadata, which would reserve a deposit from this pallet's
/// account on every change.
#[derive(Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct AssetProfile<Text> {
	pub name: Text,
	pub symbol: Text,
	pub decimals: u8,
}

/// An ERC-1643 document attached to an asset: where it is and what it hashes
/// to, so a holder can prove the text they were shown.
#[derive(Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct Document<Uri> {
	pub uri: Uri,
	pub hash: DocumentHash,
	/// Unix seconds of the last change.
	pub updated_at: u64,
}

/// Which side of a movement a compliance failure concerns; each side has its
/// own error variants so a refusal names the party at fault.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Party {
	Sender,
	Receiver,
}

/// One leg of a custodian bank's batch: `amount` of `from`'s holding to
/// `to`, moved under the bank's signature on `from`'s standing
/// authorisation ([`crate::Pallet::authorize_operator`]).
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug)]
pub struct OperatorLeg<AccountId, Balance> {
	pub from: AccountId,
	pub to: AccountId,
	pub amount: Balance,
}

/// The outcomes of what a transfer checks of its sender alone: the
/// breaker's pauses and the sender's address freeze, its compliance, the
/// asset's lock-up. None of it changes while a batch runs, so a batch checks
/// it once per sender; each leg applies the outcomes at the point a single
/// transfer makes those checks, so a leg fails with exactly the error its
/// own transfer would.
pub(crate) struct SenderChecks<AccountId> {
	pub sender: AccountId,
	pub open: sp_runtime::DispatchResult,
	pub compliant: sp_runtime::DispatchResult,
	pub unlocked: sp_runtime::DispatchResult,
}

/// What a movement did to its parties' holdings, which decides what it
/// cost: opening a holding creates the receiver's asset account (and its
/// sufficient reference on the system account), closing one removes the
/// sender's; between two holders neither happens. A transfer is declared
/// at the worst case and charged the cheaper weight when nothing opened or
/// closed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HoldingsChange {
	/// Every party held the asset before and still holds it.
	None,
	/// A party started or stopped holding the asset.
	OpenedOrClosed,
}

/// What a movement of holdings did, which decides what it is charged: the
/// holdings it opened or closed, and the weight the holding observers (a
/// fund's yield accrual) reported for its parties.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Movement {
	pub holdings: HoldingsChange,
	pub observed: Weight,
}

/// What a batch's legs did that its charge depends on: how many ran the
/// worst case (opened or closed a holding, or were refused), and what the
/// holding observers reported for them.
#[derive(Clone, Copy, Default)]
pub(crate) struct LegCharges {
	pub worst_case: u32,
	pub observed: Weight,
}

impl LegCharges {
	/// A leg that moved.
	pub fn moved(&mut self, movement: Movement) {
		self.worst_case.saturating_accrue(u32::from(movement.holdings == HoldingsChange::OpenedOrClosed));
		self.observed.saturating_accrue(movement.observed);
	}

	/// A refused leg: it may have run every check, the observers included,
	/// and been undone, so it is charged the worst case and `observers_most`.
	pub fn refused(&mut self, observers_most: Weight) {
		self.worst_case.saturating_inc();
		self.observed.saturating_accrue(observers_most);
	}
}

/// What benchmarks need from the rest of the runtime to reach the worst case.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetId, Balance> {
	/// An asset id that no asset uses yet.
	fn asset_id() -> AssetId;
	/// Gives `who` a verified identity that passes every compliance check.
	fn make_compliant(who: &AccountId);
	/// Gives `who` a verified identity holding the `Bank` role (an operator).
	fn make_bank(who: &AccountId);
	/// Puts the breaker's throttles of transfers, mints and burns of `asset`
	/// in force, with limits no benchmark reaches: the worst case reads and
	/// writes the throttle's counters on every operation.
	fn throttle(asset: &AssetId);
	/// Freezes `amount` of `who`'s holding of `asset` (at most its balance)
	/// in `entries` freeze entries of about equal size.
	fn freeze(asset: &AssetId, who: &AccountId, amount: Balance, entries: u32);
}

/// A permissioned asset that exists from genesis (the chain spec's
/// `compliantAssets.assets`): created as `create_asset` creates one, its
/// agents appointed as `add_agent` appoints them, its first holdings minted
/// by this pallet through every receiver check of `mint`, its documents
/// published as `set_document` publishes them. A chain spec
/// breaking any rule does not start.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GenesisAsset<AssetId, AccountId, Balance> {
	pub id: AssetId,
	pub name: Vec<u8>,
	pub symbol: Vec<u8>,
	pub decimals: u8,
	pub rules: AssetRules<Balance, Vec<Jurisdiction>>,
	pub agents: Vec<(AccountId, Vec<AgentRole>)>,
	pub holdings: Vec<(AccountId, Balance)>,
	/// ERC-1643 documents as `set_document` publishes them: (name, URI,
	/// hash), e.g. a fund's prospectus and KID.
	#[serde(default)]
	pub documents: Vec<(Vec<u8>, Vec<u8>, DocumentHash)>,
}
