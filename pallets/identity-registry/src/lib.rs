//! # Identity registry
//!
//! Who may do what on the Tokenize chain starts here. Every account that holds
//! a permissioned asset, runs a validator or exercises a privileged role has an
//! *identity*: a record that a trusted KYC verifier created after checking the
//! holder off chain. The record carries no personal data — only what the chain
//! must act upon:
//!
//! - **status** — `Pending` (registered, awaiting a second look), `Verified`,
//!   `Revoked`; `Expired` is derived from the expiry time, so an identity lapses
//!   exactly on time without anyone sweeping storage;
//! - **expiry** — KYC is periodic; after `expires_at` (Unix seconds) the
//!   identity no longer counts as verified until renewed;
//! - **jurisdiction** (ISO 3166-1 alpha-2) and MiFID II **category**;
//! - **LEI** (ISO 17442) for organisations, used to recognise that several
//!   accounts belong to one bank, and **BIC** for payment routing;
//! - **travel-rule data hash** — the hash of the off-chain FATF travel-rule
//!   record, so a counterparty can prove what it was sent without PII on chain;
//! - **roles** (Bank, KycVerifier, ComplianceOfficer, ..., GovernanceCouncil).
//!
//! ## Verifiers
//!
//! The governance origin appoints *trusted verifiers*, each for a bounded list
//! of jurisdictions. A verifier may register identities only in those
//! jurisdictions and may grant only the `Bank` role; every other role is a
//! governance decision ([`Pallet::set_roles`]).
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::add_verifier`] | governance | `VerifierAdded` |
//! | [`Pallet::remove_verifier`] | governance | `VerifierRemoved` |
//! | [`Pallet::register_identity`] | trusted verifier | `IdentityRegistered` |
//! | [`Pallet::renew_identity`] | trusted verifier for its jurisdiction | `IdentityRenewed` |
//! | [`Pallet::revoke_identity`] | governance or a verifier for its jurisdiction | `IdentityRevoked` |
//! | [`Pallet::set_roles`] | governance | `RolesChanged` |
//!
//! ## Provides
//!
//! [`tokenize_primitives::Compliance`]: `is_verified`, `has_role`,
//! `jurisdiction`, `same_legal_entity`. Other pallets use only that trait.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod functions;
mod impls;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use tokenize_primitives::{Jurisdiction, Roles};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Appoints verifiers, grants roles, revokes any identity.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Wall-clock time, for expiry.
		type TimeProvider: UnixTime;
		/// Most jurisdictions one verifier may be trusted for.
		#[pallet::constant]
		type MaxJurisdictionsPerVerifier: Get<u32>;
		/// Longest validity a verifier may give an identity, in seconds (KYC refresh cycle).
		#[pallet::constant]
		type MaxValiditySeconds: Get<u64>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The identity of each registered account.
	#[pallet::storage]
	pub type Identities<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, IdentityRecord<T::AccountId>, OptionQuery>;

	/// Trusted verifiers and the jurisdictions each may register identities in.
	#[pallet::storage]
	pub type TrustedVerifiers<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Jurisdiction, T::MaxJurisdictionsPerVerifier>,
		OptionQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(verifier, jurisdictions)`.
		pub verifiers: alloc::vec::Vec<(T::AccountId, alloc::vec::Vec<Jurisdiction>)>,
		/// Identities verified at genesis (the founding banks, the role accounts).
		pub identities: alloc::vec::Vec<GenesisIdentity<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Err(e) = Pallet::<T>::build_genesis(self) {
				// Genesis is built on the node before any block exists; a bad chain
				// spec must stop the node with the reason, not start a broken chain.
				#[allow(clippy::panic)]
				{
					let reason: &'static str = e.into();
					core::panic!("identity-registry genesis is invalid: {reason}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A verifier was trusted for the given jurisdictions.
		VerifierAdded { verifier: T::AccountId, jurisdictions: alloc::vec::Vec<Jurisdiction> },
		/// A verifier lost its trust; identities it registered stay as they are.
		VerifierRemoved { verifier: T::AccountId },
		/// An identity was registered and verified.
		IdentityRegistered {
			who: T::AccountId,
			verifier: T::AccountId,
			jurisdiction: Jurisdiction,
			roles: Roles,
			expires_at: u64,
		},
		/// An identity's KYC was refreshed.
		IdentityRenewed { who: T::AccountId, expires_at: u64 },
		/// An identity was revoked; it no longer passes any compliance check.
		IdentityRevoked { who: T::AccountId, reason: RevocationReason },
		/// Governance changed an identity's roles.
		RolesChanged { who: T::AccountId, roles: Roles },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not a trusted verifier.
		NotTrustedVerifier,
		/// The verifier is not trusted for the identity's jurisdiction.
		JurisdictionNotCovered,
		/// The account is already a trusted verifier.
		VerifierAlreadyTrusted,
		/// A verifier needs at least one jurisdiction.
		NoJurisdictions,
		/// More jurisdictions than `MaxJurisdictionsPerVerifier`.
		TooManyJurisdictions,
		/// A jurisdiction is not two upper-case ASCII letters (ISO 3166-1 alpha-2).
		MalformedJurisdiction,
		/// An LEI is not 20 upper-case alphanumeric characters.
		MalformedLei,
		/// The account already has an identity that is not revoked.
		IdentityAlreadyRegistered,
		/// The account has no identity.
		UnknownIdentity,
		/// The identity is revoked; register it anew.
		IdentityRevoked,
		/// The expiry is not in the future.
		ExpiryInPast,
		/// The expiry is further away than `MaxValiditySeconds`.
		ValidityTooLong,
		/// Verifiers may grant only the `Bank` role; other roles need governance.
		RoleRequiresGovernance,
		/// A role bit that names no role.
		UnknownRole,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Trust `verifier` to register identities in `jurisdictions`.
		///
		/// Origin: governance. Emits `VerifierAdded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_verifier(jurisdictions.len() as u32))]
		pub fn add_verifier(
			origin: OriginFor<T>,
			verifier: T::AccountId,
			jurisdictions: alloc::vec::Vec<Jurisdiction>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_verifier(verifier, jurisdictions)
		}

		/// Withdraw trust from `verifier`.
		///
		/// Origin: governance. Emits `VerifierRemoved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_verifier())]
		pub fn remove_verifier(origin: OriginFor<T>, verifier: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_verifier(verifier)
		}

		/// Register a verified identity for `who` after off-chain KYC.
		///
		/// Origin: a trusted verifier for `details.jurisdiction`. A revoked
		/// identity may be registered anew. Emits `IdentityRegistered`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_identity())]
		pub fn register_identity(
			origin: OriginFor<T>,
			who: T::AccountId,
			details: IdentityDetails,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			Self::do_register_identity(verifier, who, details)
		}

		/// Extend an identity's validity after a KYC refresh.
		///
		/// Origin: a trusted verifier for the identity's jurisdiction.
		/// Emits `IdentityRenewed`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::renew_identity())]
		pub fn renew_identity(
			origin: OriginFor<T>,
			who: T::AccountId,
			expires_at: u64,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			Self::do_renew_identity(verifier, who, expires_at)
		}

		/// Revoke an identity. The account fails every compliance check from
		/// this block on; a validator holding it leaves at the next session.
		///
		/// Origin: governance, or a trusted verifier for the identity's
		/// jurisdiction. Emits `IdentityRevoked`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke_identity())]
		pub fn revoke_identity(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: RevocationReason,
		) -> DispatchResult {
			let revoker = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => Revoker::Governance,
				Err(origin) => Revoker::Verifier(ensure_signed(origin)?),
			};
			Self::do_revoke_identity(revoker, who, reason)
		}

		/// Replace the roles of an identity.
		///
		/// Origin: governance. Emits `RolesChanged`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_roles())]
		pub fn set_roles(origin: OriginFor<T>, who: T::AccountId, roles: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_roles(who, roles)
		}
	}
}
