//! Identity records and the inputs that create them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use core::fmt::Debug;
use tokenize_primitives::{IdentityStatus, InvestorCategory, Jurisdiction, Lei, Roles};

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
	/// The verifier that registered (or last renewed) the identity.
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
