//! # Tokenize primitives
//!
//! Shared vocabulary of the Tokenize consortium chain: the identity types every
//! pallet speaks about (jurisdictions, roles, MiFID II categories) and the
//! cross-pallet traits through which pallets ask each other questions.
//!
//! Pallets never read each other's storage. A pallet that needs to know whether
//! an account is a verified bank declares `type Compliance: Compliance<AccountId>`
//! in its `Config`, and the runtime wires in the identity registry. Each pallet
//! can therefore be tested alone against a mock of the trait.
//!
//! [`EnsureRole`] turns a role into an origin: a call guarded by
//! `EnsureRole<Registry, GovernanceCouncilRole>` accepts a signed origin only when
//! the signer's verified identity holds that role. The powerful roles are held by
//! pallet-multisig accounts, so rotating a role's signers means giving the role to
//! the new multisig account and revoking the old one — no code change.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod origin;
mod types;

pub use origin::EnsureRole;
pub use types::*;

/// What the rest of the chain may ask the identity registry.
pub trait Compliance<AccountId> {
	/// The account has an identity that is verified and not expired.
	fn is_verified(who: &AccountId) -> bool;
	/// The account is verified and its identity holds `role`.
	fn has_role(who: &AccountId, role: Role) -> bool;
	/// ISO 3166-1 alpha-2 jurisdiction of a registered identity.
	fn jurisdiction(who: &AccountId) -> Option<Jurisdiction>;
	/// Whether two accounts belong to the same legal entity: the same account, or
	/// two identities carrying the same LEI. Used to cap one bank's share of
	/// validator seats however many accounts it registers.
	fn same_legal_entity(a: &AccountId, b: &AccountId) -> bool;
}

/// Lets benchmarks of other pallets create identities without knowing how the
/// registry stores them.
#[cfg(feature = "runtime-benchmarks")]
pub trait ComplianceBenchmarkHelper<AccountId> {
	/// Gives `who` a verified identity holding `roles`, valid for a year.
	fn make_verified(who: &AccountId, roles: &[Role]);
}
