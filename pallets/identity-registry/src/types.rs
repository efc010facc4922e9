//! Identity records and the inputs that create them.

use crate::pallet::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use tokenize_primitives::{
	ComplianceFailure, IdentityStatus, InvestorCategory, Jurisdiction, Lei, Roles,
};

/// Bank Identifier Code (ISO 9362), 8 or 11 characters; an 8-character BIC is
/// stored padded with `XXX` (the primary office), as SWIFT does.
pub type Bic = [u8; 11];

/// 32-byte hash of off-chain data (travel-rule record, document).
pub type DataHash = [u8; 32];

/// What a verifier attests when registering an identity.
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct IdentityDetails {
	pub jurisdiction: Jurisdiction,
	pub category: InvestorCategory,
	/// Bit set of [`tokenize_primitives::Role`]s; verifiers may set only `Bank`.
	pub roles: u32,
	/// Unix seconds after which the identity no longer counts as verified.
	pub expires_at: u64,
	pub lei: Option<Lei>,
	pub bic: Option<Bic>,
	pub travel_rule_hash: Option<DataHash>,
}

/// The stored identity of an account.
#[derive(Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct IdentityRecord<AccountId> {
	/// `Pending`, `Verified` or `Revoked`; expiry is derived, see [`Self::status_at`].
	pub status: IdentityStatus,
	pub jurisdiction: Jurisdiction,
	pub category: InvestorCategory,
	pub roles: Roles,
	pub expires_at: u64,
	pub lei: Option<Lei>,
	pub bic: Option<Bic>,
	pub travel_rule_hash: Option<DataHash>,
	/// The verifier that registered (or last renewed, updated or approved) the
	/// identity; while `Pending`, the registrar. A committee account created by
	/// governance names itself.
	pub verifier: AccountId,
	/// Unix seconds of registration.
	pub registered_at: u64,
}

impl<AccountId> IdentityRecord<AccountId> {
	/// The status as of `now` (Unix seconds): a verified identity past its
	/// expiry reads as `Expired`.
	pub fn status_at(&self, now: u64) -> IdentityStatus {
		match self.status {
			IdentityStatus::Verified if now >= self.expires_at => IdentityStatus::Expired,
			status => status,
		}
	}

	pub fn is_verified_at(&self, now: u64) -> bool {
		self.status_at(now) == IdentityStatus::Verified
	}
}

impl<AccountId: Clone> IdentityRecord<AccountId> {
	/// Records `verifier` as the last to attest the identity. While the
	/// identity is pending, `verifier` keeps naming the registrar: the four-eyes
	/// rule compares the approver against it, so a renewal or update by
	/// someone else must not launder the registrar's own approval.
	pub fn attested_by(&mut self, verifier: &AccountId) {
		if self.status != IdentityStatus::Pending {
			self.verifier = verifier.clone();
		}
	}
}

/// Why an identity was revoked; recorded in the event for the audit trail.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
)]
pub enum RevocationReason {
	KycFailed,
	Sanctioned,
	LicenceWithdrawn,
	HolderRequest,
	Other,
}

/// Who revokes an identity; governance may revoke any, a verifier only within
/// its jurisdictions.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Revoker<AccountId> {
	Governance,
	Verifier(AccountId),
}

/// An identity created by the genesis configuration.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisIdentity<AccountId> {
	pub who: AccountId,
	pub verifier: AccountId,
	pub jurisdiction: Jurisdiction,
	pub category: InvestorCategory,
	pub roles: alloc::vec::Vec<tokenize_primitives::Role>,
	pub expires_at: u64,
	pub lei: Option<Lei>,
}

/// A sanctions-screening hit recorded against an account.
#[derive(Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct SanctionEntry {
	/// Unix seconds when the compliance officer recorded the hit.
	pub since: u64,
	/// Root of the consolidated list the screening matched against, when the
	/// officer names it; lets an auditor tie the hit to a published list.
	pub list_root: Option<DataHash>,
}

/// The consolidated sanctions list (UN, EU, OFAC, ...) the consortium's
/// off-chain screening currently runs against. Only its hash is on chain: the
/// list itself is public but large, and the hash proves which version was used.
#[derive(Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct SanctionsList {
	/// Merkle root (or plain hash) of the consolidated list.
	pub root: DataHash,
	/// The publisher's version counter; only ever increases on chain, so an
	/// older list can never be re-recorded as the current one.
	pub version: u32,
	/// Unix seconds the list was published off chain.
	pub published_at: u64,
	/// Unix seconds the root was recorded on chain.
	pub recorded_at: u64,
}

/// The pallet-multisig account holding a collective role, with the signers it
/// is derived from. Stored so that governance can rotate the signers and the
/// chain can tell which account currently holds the role.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Committee<T: Config> {
	/// Sorted, without duplicates: the order pallet-multisig derives the account from.
	pub signers: BoundedVec<T::AccountId, T::MaxCommitteeSize>,
	/// Approvals the multisig needs (n of m).
	pub threshold: u16,
	/// `multi_account_id(signers, threshold)`: the account that holds the role.
	pub account: T::AccountId,
}

/// Why the feeless-transaction policy refuses an account's transaction.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug,
)]
pub enum AllowanceRefusal {
	/// The account fails the compliance check (the first failed check).
	NotCompliant(ComplianceFailure),
	/// The account used up its allowance for the current window.
	RateLimited,
}

impl AllowanceRefusal {
	/// A stable one-byte code for `InvalidTransaction::Custom`: the compliance
	/// failures in their declaration order (0 = NotRegistered ...
	/// 5 = JurisdictionBlocked), then 6 = RateLimited.
	pub fn code(self) -> u8 {
		match self {
			AllowanceRefusal::NotCompliant(failure) => failure as u8,
			AllowanceRefusal::RateLimited => 6,
		}
	}
}

/// An identity as a runtime API / RPC client sees it: its status as of now and
/// the facts a counterparty's compliance screening needs. No PII.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct IdentitySummary {
	/// `Expired` when a verified identity is past its expiry.
	pub status: IdentityStatus,
	pub jurisdiction: Jurisdiction,
	pub category: InvestorCategory,
	/// Bit set of [`tokenize_primitives::Role`]s.
	pub roles: u32,
	pub expires_at: u64,
	pub sanctioned: bool,
	pub jurisdiction_blocked: bool,
	pub lei: Option<Lei>,
	pub bic: Option<Bic>,
}
