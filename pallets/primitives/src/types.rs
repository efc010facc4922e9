//! Identity vocabulary shared by every pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use core::fmt::Debug;

/// ISO 3166-1 alpha-2 country code, upper-case ASCII (`*b"DE"`).
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	PartialOrd, Ord, Debug, Serialize, Deserialize,
)]
pub struct Jurisdiction(pub [u8; 2]);

impl Jurisdiction {
	/// A code is well formed when both bytes are ASCII upper-case letters.
	pub fn is_well_formed(&self) -> bool {
		self.0.iter().all(|b| b.is_ascii_uppercase())
	}
}

/// Legal Entity Identifier (ISO 17442): 20 alphanumeric characters.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub struct Lei(pub [u8; 20]);

impl Lei {
	/// Well formed: 20 upper-case alphanumeric ASCII characters.
	pub fn is_well_formed(&self) -> bool {
		self.0.iter().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
	}
}

/// Bank Identifier Code (ISO 9362), 8 or 11 characters; an 8-character BIC is
/// stored padded with `XXX` (the primary office), as SWIFT does. A customer's
/// identity carries its bank's BIC: the agent a pacs.008 names for it.
pub type Bic = [u8; 11];

/// MiFID II client category of the identity's holder.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	PartialOrd, Ord, Debug, Serialize, Deserialize, Default,
)]
pub enum InvestorCategory {
	#[default]
	Retail,
	Professional,
	EligibleCounterparty,
}

/// A role an identity may hold. Each privileged call of the chain names the
/// role it requires.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum Role {
	/// A licensed bank; eligible to run a validator.
	Bank,
	/// Performs KYC; must also be a trusted verifier to register identities.
	KycVerifier,
	ComplianceOfficer,
	MintOperator,
	Depositary,
	OracleSubmitter,
	FundManager,
	/// Read-only supervisory access.
	Regulator,
	/// The governance council (a 5-of-7 multisig account).
	GovernanceCouncil,
	/// The settlement committee (a 3-of-5 multisig account).
	SettlementCommittee,
	/// Compliance and depositary acting together (a 2-of-3 multisig account):
	/// pauses an asset, approves manual prices.
	ComplianceDepositary,
	/// Quotes FX rates off chain and delivers the target currency of PvP
	/// payments at its own signed rate.
	LiquidityProvider,
}

impl Role {
	/// Every role, in bit order.
	pub const ALL: [Role; 12] = [
		Role::Bank,
		Role::KycVerifier,
		Role::ComplianceOfficer,
		Role::MintOperator,
		Role::Depositary,
		Role::OracleSubmitter,
		Role::FundManager,
		Role::Regulator,
		Role::GovernanceCouncil,
		Role::SettlementCommittee,
		Role::ComplianceDepositary,
		Role::LiquidityProvider,
	];

	const fn bit(self) -> u32 {
		1u32 << (self as u8)
	}
}

/// A set of roles, stored as a bit set so an identity's roles cost 4 bytes
/// however many roles the chain later defines (up to 32).
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Default, Serialize, Deserialize,
)]
pub struct Roles(u32);

impl Roles {
	pub const fn empty() -> Self {
		Roles(0)
	}
	/// The set holding exactly `roles`.
	pub fn from_roles(roles: &[Role]) -> Self {
		Roles(roles.iter().fold(0, |acc, r| acc | r.bit()))
	}
	pub fn contains(&self, role: Role) -> bool {
		self.0 & role.bit() != 0
	}
	/// True when every role in `other` is in `self`.
	pub fn is_superset(&self, other: Roles) -> bool {
		self.0 & other.0 == other.0
	}
	/// Raw bits; an unknown bit is refused by [`Roles::from_bits`].
	pub fn bits(&self) -> u32 {
		self.0
	}
	/// Decodes a bit set, refusing bits that name no role.
	pub fn from_bits(bits: u32) -> Option<Self> {
		let known = Roles::from_roles(&Role::ALL).0;
		(bits & !known == 0).then_some(Roles(bits))
	}
	/// The roles in the set, in bit order.
	pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
		Role::ALL.into_iter().filter(move |r| self.contains(*r))
	}
}

/// Lifecycle of an identity. `Expired` is never stored: expiry is derived from
/// the expiry time so an identity lapses exactly on time without a sweep.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum IdentityStatus {
	Pending,
	Verified,
	Revoked,
	Expired,
}

/// Why an account fails the compliance check, in the order the checks run.
/// Pallets map each to a named error of their own.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum ComplianceFailure {
	/// No identity is registered for the account.
	NotRegistered,
	/// Registered but still pending verification.
	Pending,
	/// The identity was revoked.
	Revoked,
	/// The identity's KYC validity lapsed.
	Expired,
	/// The account is on the sanctions list.
	Sanctioned,
	/// The identity's jurisdiction is blocked by the consortium.
	JurisdictionBlocked,
}

/// Why the circuit breaker refused an operation.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum BreakerRefusal {
	/// Level 1: the whole chain is paused by the governance council.
	GlobalPause,
	/// Level 2: the asset is paused by compliance + depositary.
	AssetPaused,
	/// Level 3: the throttle of the operation's kind on the asset tripped
	/// and is cooling down.
	Throttled,
	/// Level 3: the initiating account used up its own window's limits.
	AccountLimitReached,
}

/// Kinds of value-moving operation a throttle can watch (level 3 of the
/// breaker). Each kind has, per asset, its own windows, limits and cooldown.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	PartialOrd, Ord, Debug, Serialize, Deserialize,
)]
pub enum OperationKind {
	/// Transfers of permissioned assets between holders.
	AssetTransfer,
	/// Issuance of a permissioned asset.
	Mint,
	/// Destruction of a permissioned asset.
	Burn,
	/// Cross-border payments.
	Payment,
	/// Fund redemptions.
	Redemption,
}

/// The corridor a payment was counted on, and the UTC day it was counted
/// for: what the payment rail gives back when the payment is refunded.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub struct CorridorUse {
	pub source: Jurisdiction,
	pub destination: Jurisdiction,
	/// Unix seconds / 86 400.
	pub day: u64,
}

/// Why an amount of a holding is frozen (recorded with each freeze entry).
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum FreezeReason {
	AmlFlag,
	CourtOrder,
	RegulatoryHold,
	SanctionsMatch,
	DisputedTransaction,
}

/// The frozen part of one holding, for the spendable-balance runtime API.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize, Default,
)]
#[serde(rename_all = "camelCase")]
pub struct FreezeSummary<Balance> {
	/// Sum of active entries (the whole balance when the address is frozen).
	pub total_frozen: Balance,
	/// Whether the address itself is frozen.
	pub address_frozen: bool,
	/// `(entry id, amount, reason)` of every active entry.
	pub entries: alloc::vec::Vec<(u64, Balance, FreezeReason)>,
}

/// A fund of the fund vaults (what a switch names).
pub type FundId = u32;

/// A price feed of the NAV oracle: a fund's net asset value per share, or
/// an FX pair.
pub type FeedId = u32;

/// A price accepted by the NAV oracle and the time it was observed (Unix
/// milliseconds of the valuation point, as the submitters observed it; never
/// the time a block included it).
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct PricePoint {
	/// Price in the feed's quote unit (EUR per share, quote currency per
	/// base unit), 18 decimals.
	pub value: sp_runtime::FixedU128,
	/// Valuation time, Unix milliseconds.
	pub observed_at: u64,
}

/// Why the NAV oracle serves no price. A consumer maps each to a named
/// error of its own; the oracle never falls back to an older value.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum NavRefusal {
	/// No such feed.
	UnknownFeed,
	/// The feed has never had a value accepted.
	NoValue,
	/// The last accepted value is older than the feed's maximum age.
	Stale,
	/// No value observed at or after the requested time has been accepted yet.
	NotYetStruck,
	/// The value asked for is older than the feed's bounded history keeps.
	BeyondHistory,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn roles_round_trip_and_refuse_unknown_bits() {
		let roles = Roles::from_roles(&[Role::Bank, Role::GovernanceCouncil]);
		assert!(roles.contains(Role::Bank) && roles.contains(Role::GovernanceCouncil));
		assert!(!roles.contains(Role::KycVerifier));
		assert_eq!(roles.iter().collect::<alloc::vec::Vec<_>>(), [Role::Bank, Role::GovernanceCouncil]);
		assert_eq!(Roles::from_bits(roles.bits()), Some(roles));
		assert_eq!(Roles::from_bits(1 << Role::ALL.len()), None);
		assert!(roles.is_superset(Roles::from_roles(&[Role::Bank])));
		assert!(!Roles::from_roles(&[Role::Bank]).is_superset(roles));
	}

	#[test]
	fn identifiers_must_be_well_formed() {
		assert!(Jurisdiction(*b"DE").is_well_formed());
		assert!(!Jurisdiction(*b"de").is_well_formed());
		assert!(!Jurisdiction(*b"D1").is_well_formed());
		assert!(Lei(*b"529900T8BM49AURSDO55").is_well_formed());
		assert!(!Lei(*b"529900T8BM49AURSDO5-").is_well_formed());
	}
}
