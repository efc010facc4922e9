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

pub use tokenize_primitives::Bic;

/// 32-byte hash of off-chain data (travel-rule record, document).
pub type DataHash = [u8; 32];

/// What a verifier attests when registering an identity. It carries no
/// roles: every role is a governance decision ([`crate::Pallet::set_roles`]).
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct IdentityDetails {
	pub jurisdiction: Jurisdiction,
	pub category: InvestorCategory,
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
	/// Records a verifier as the last to attest the identity; governance
	/// leaves the record of the last KYC verifier as it is. While the
	/// identity is pending, `verifier` keeps naming the registrar: the
	/// four-eyes rule compares the approver against it, so a renewal or
	/// update by someone else must not launder the registrar's own approval.
	pub fn attested_by(&mut self, attester: &Attester<AccountId>) {
		if let Attester::Verifier(verifier) = attester {
			if self.status != IdentityStatus::Pending {
				self.verifier = verifier.clone();
			}
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

/// Who acts on an existing identity (renewal, update, revocation):
/// governance may act on any identity, a verifier only on ungoverned ones in
/// its jurisdictions and never on its own.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Attester<AccountId> {
	Governance,
	Verifier(AccountId),
}

/// Expiry of identities that governance itself holds (committee accounts):
/// their validity is their signers', so they never lapse on their own. A
/// lapsed council account would leave no one able to renew it.
pub const NEVER_EXPIRES: u64 = u64::MAX;

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
	/// The BIC of the identity's bank (its own, for a bank).
	#[serde(default)]
	pub bic: Option<Bic>,
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

/// What a feeless account may put into blocks per window: a number of
/// transactions, their declared compute (reference time, picoseconds) and
/// their encoded length. All three bind: a count alone would let one account
/// fill blocks with a few heavy or long transactions.
#[derive(Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default)]
pub struct TransactionBudget {
	pub transactions: u32,
	pub ref_time: u64,
	pub bytes: u32,
}

/// What one transaction costs against a [`TransactionBudget`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct TransactionCost {
	/// Declared reference time of the call and its extensions, in picoseconds.
	pub ref_time: u64,
	/// Encoded length of the whole extrinsic.
	pub bytes: u32,
}

/// An account's use of its budget in the current window.
#[derive(Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default)]
pub struct TransactionUsage<BlockNumber> {
	/// First block of the window.
	pub window_start: BlockNumber,
	pub transactions: u32,
	pub ref_time: u64,
	pub bytes: u32,
}

impl<BlockNumber> TransactionUsage<BlockNumber> {
	/// The usage after one more transaction of `cost`, when it stays within `budget`.
	pub fn plus(&self, cost: TransactionCost, budget: &TransactionBudget) -> Option<Self>
	where
		BlockNumber: Copy,
	{
		let next = TransactionUsage {
			window_start: self.window_start,
			transactions: self.transactions.checked_add(1)?,
			ref_time: self.ref_time.checked_add(cost.ref_time)?,
			bytes: self.bytes.checked_add(cost.bytes)?,
		};
		(next.transactions <= budget.transactions &&
			next.ref_time <= budget.ref_time &&
			next.bytes <= budget.bytes)
			.then_some(next)
	}
}

/// Which budget (and, for the runtime, which priority) a signer gets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SenderClass {
	/// A customer: the small budget.
	Customer,
	/// A governance keyholder (holds a role or signs for a committee): the
	/// large budget, and its governance calls pass whatever the compliance
	/// officer decided about it.
	Keyholder,
}

/// A signer as transaction validation sees it, from one read of each record
/// it needs: its class and the result of the compliance check.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SenderStanding {
	pub class: SenderClass,
	pub compliance: Result<(), ComplianceFailure>,
}

/// Why the feeless-transaction policy refuses an account's transaction.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug,
)]
pub enum AllowanceRefusal {
	/// The account fails the compliance check (the first failed check).
	NotCompliant(ComplianceFailure),
	/// The transaction would exceed the account's budget for the current
	/// window (count, compute or length).
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
