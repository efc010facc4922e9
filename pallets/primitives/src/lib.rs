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
pub mod runtime_api;
mod traits;
mod types;
pub mod weights;

pub use origin::EnsureRole;
pub use traits::*;
pub use types::*;


/// Scripted state for the pallets' mocks.
#[cfg(feature = "std")]
pub mod testing;
