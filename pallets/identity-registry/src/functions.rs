//! The logic behind each call; `lib.rs` only checks origins and delegates here.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{BoundedVec, DispatchResult},
	traits::{Get, UnixTime},
};
use tokenize_primitives::{IdentityStatus, Jurisdiction, Role, Roles};

/// The roles a verifier may grant on its own authority.
fn verifier_grantable() -> Roles {
	Roles::from_roles(&[Role::Bank])
}

impl<T: Config> Pallet<T> {
	/// Current Unix time in seconds.
	pub fn now() -> u64 {
		T::TimeProvider::now().as_secs()
	}

	/// The status of `who`'s identity as of now, `None` when unregistered.
	pub fn identity_status(who: &T::AccountId) -> Option<IdentityStatus> {
		Identities::<T>::get(who).map(|record| record.status_at(Self::now()))
	}

	pub(crate) fn do_add_verifier(
		verifier: T::AccountId,
		jurisdictions: Vec<Jurisdiction>,
	) -> DispatchResult {
		ensure!(!TrustedVerifiers::<T>::contains_key(&verifier), Error::<T>::VerifierAlreadyTrusted);
		let bounded = Self::checked_jurisdictions(jurisdictions.clone())?;
		TrustedVerifiers::<T>::insert(&verifier, bounded);
		Self::deposit_event(Event::VerifierAdded { verifier, jurisdictions });
		Ok(())
	}

	pub(crate) fn do_remove_verifier(verifier: T::AccountId) -> DispatchResult {
		ensure!(TrustedVerifiers::<T>::take(&verifier).is_some(), Error::<T>::NotTrustedVerifier);
		Self::deposit_event(Event::VerifierRemoved { verifier });
		Ok(())
	}

	pub(crate) fn do_register_identity(
		verifier: T::AccountId,
		who: T::AccountId,
		details: IdentityDetails,
	) -> DispatchResult {
		ensure!(details.jurisdiction.is_well_formed(), Error::<T>::MalformedJurisdiction);
		Self::ensure_verifier_covers(&verifier, details.jurisdiction)?;
		let roles = Roles::from_bits(details.roles).ok_or(Error::<T>::UnknownRole)?;
		ensure!(verifier_grantable().is_superset(roles), Error::<T>::RoleRequiresGovernance);
		if let Some(lei) = details.lei {
			ensure!(lei.is_well_formed(), Error::<T>::MalformedLei);
		}
		let existing = Identities::<T>::get(&who).map(|record| record.status);
		ensure!(
			matches!(existing, None | Some(IdentityStatus::Revoked)),
			Error::<T>::IdentityAlreadyRegistered
		);
		let now = Self::now();
		Self::ensure_valid_expiry(now, details.expires_at)?;
		let record = IdentityRecord {
			status: IdentityStatus::Verified,
			jurisdiction: details.jurisdiction,
			category: details.category,
			roles,
			expires_at: details.expires_at,
			lei: details.lei,
			bic: details.bic,
			travel_rule_hash: details.travel_rule_hash,
			verifier: verifier.clone(),
			registered_at: now,
		};
		Identities::<T>::insert(&who, record);
		Self::deposit_event(Event::IdentityRegistered {
			who,
			verifier,
			jurisdiction: details.jurisdiction,
			roles,
			expires_at: details.expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_renew_identity(
		verifier: T::AccountId,
		who: T::AccountId,
		expires_at: u64,
	) -> DispatchResult {
		Identities::<T>::try_mutate(&who, |maybe| -> DispatchResult {
			let record = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
			ensure!(record.status != IdentityStatus::Revoked, Error::<T>::IdentityRevoked);
			Self::ensure_verifier_covers(&verifier, record.jurisdiction)?;
			Self::ensure_valid_expiry(Self::now(), expires_at)?;
			record.expires_at = expires_at;
			record.verifier = verifier;
			Ok(())
		})?;
		Self::deposit_event(Event::IdentityRenewed { who, expires_at });
		Ok(())
	}

	pub(crate) fn do_revoke_identity(
		revoker: Revoker<T::AccountId>,
		who: T::AccountId,
		reason: RevocationReason,
	) -> DispatchResult {
		Identities::<T>::try_mutate(&who, |maybe| -> DispatchResult {
			let record = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
			ensure!(record.status != IdentityStatus::Revoked, Error::<T>::IdentityRevoked);
			if let Revoker::Verifier(verifier) = &revoker {
				Self::ensure_verifier_covers(verifier, record.jurisdiction)?;
			}
			record.status = IdentityStatus::Revoked;
			Ok(())
		})?;
		Self::deposit_event(Event::IdentityRevoked { who, reason });
		Ok(())
	}

	pub(crate) fn do_set_roles(who: T::AccountId, bits: u32) -> DispatchResult {
		let roles = Roles::from_bits(bits).ok_or(Error::<T>::UnknownRole)?;
		Identities::<T>::try_mutate(&who, |maybe| -> DispatchResult {
			let record = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
			ensure!(record.status != IdentityStatus::Revoked, Error::<T>::IdentityRevoked);
			record.roles = roles;
			Ok(())
		})?;
		Self::deposit_event(Event::RolesChanged { who, roles });
		Ok(())
	}

	/// Builds genesis state, refusing what the calls would refuse.
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) -> Result<(), Error<T>> {
		for (verifier, jurisdictions) in &config.verifiers {
			let bounded = Self::checked_jurisdictions(jurisdictions.clone())?;
			TrustedVerifiers::<T>::insert(verifier, bounded);
		}
		for identity in &config.identities {
			ensure!(identity.jurisdiction.is_well_formed(), Error::<T>::MalformedJurisdiction);
			ensure!(
				identity.lei.map_or(true, |lei| lei.is_well_formed()),
				Error::<T>::MalformedLei
			);
			ensure!(!Identities::<T>::contains_key(&identity.who), Error::<T>::IdentityAlreadyRegistered);
			Identities::<T>::insert(
				&identity.who,
				IdentityRecord {
					status: IdentityStatus::Verified,
					jurisdiction: identity.jurisdiction,
					category: identity.category,
					roles: Roles::from_roles(&identity.roles),
					expires_at: identity.expires_at,
					lei: identity.lei,
					bic: None,
					travel_rule_hash: None,
					verifier: identity.verifier.clone(),
					registered_at: 0,
				},
			);
		}
		Ok(())
	}

	fn checked_jurisdictions(
		jurisdictions: Vec<Jurisdiction>,
	) -> Result<BoundedVec<Jurisdiction, T::MaxJurisdictionsPerVerifier>, Error<T>> {
		ensure!(!jurisdictions.is_empty(), Error::<T>::NoJurisdictions);
		ensure!(jurisdictions.iter().all(Jurisdiction::is_well_formed), Error::<T>::MalformedJurisdiction);
		BoundedVec::try_from(jurisdictions).map_err(|_| Error::<T>::TooManyJurisdictions)
	}

	fn ensure_verifier_covers(verifier: &T::AccountId, jurisdiction: Jurisdiction) -> DispatchResult {
		let covered = TrustedVerifiers::<T>::get(verifier).ok_or(Error::<T>::NotTrustedVerifier)?;
		ensure!(covered.contains(&jurisdiction), Error::<T>::JurisdictionNotCovered);
		Ok(())
	}

	fn ensure_valid_expiry(now: u64, expires_at: u64) -> DispatchResult {
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);
		ensure!(expires_at.saturating_sub(now) <= T::MaxValiditySeconds::get(), Error::<T>::ValidityTooLong);
		Ok(())
	}
}
