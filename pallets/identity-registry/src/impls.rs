//! The registry's answer to the chain-wide [`Compliance`] questions.

use crate::pallet::*;
use tokenize_primitives::{Bic, Compliance, ComplianceFailure, IdentityStatus, InvestorCategory, Jurisdiction, Role};

impl<T: Config> Compliance<T::AccountId> for Pallet<T> {
	/// Identity-level only: verified and not expired. Sanctions and blocked
	/// jurisdictions are the business of [`Self::check_compliance`].
	fn is_verified(who: &T::AccountId) -> bool {
		Identities::<T>::get(who).is_some_and(|record| record.is_verified_at(Self::now()))
	}

	/// Verified, not expired, holds `role` — and not sanctioned: a sanctioned
	/// account must lose its powers (every `EnsureRole` origin) at once, not at
	/// its next KYC review. A blocked jurisdiction does not remove roles (see
	/// the crate documentation: it must not be able to disable the council or
	/// the validator banks seated there).
	fn has_role(who: &T::AccountId, role: Role) -> bool {
		Identities::<T>::get(who)
			.is_some_and(|record| record.is_verified_at(Self::now()) && record.roles.contains(role))
			&& !SanctionedAccounts::<T>::contains_key(who)
	}

	fn holds_role(who: &T::AccountId, role: Role) -> bool {
		Identities::<T>::get(who)
			.is_some_and(|record| record.status == IdentityStatus::Verified && record.roles.contains(role))
	}

	fn jurisdiction(who: &T::AccountId) -> Option<Jurisdiction> {
		Identities::<T>::get(who).map(|record| record.jurisdiction)
	}

	fn same_legal_entity(a: &T::AccountId, b: &T::AccountId) -> bool {
		if a == b {
			return true;
		}
		let lei_of = |who: &T::AccountId| Identities::<T>::get(who).and_then(|record| record.lei);
		matches!((lei_of(a), lei_of(b)), (Some(x), Some(y)) if x == y)
	}

	fn check_compliance(who: &T::AccountId) -> Result<(), ComplianceFailure> {
		Self::compliance_at(who, Self::now())
	}

	fn is_sanctioned(who: &T::AccountId) -> bool {
		SanctionedAccounts::<T>::contains_key(who)
	}

	fn category(who: &T::AccountId) -> Option<InvestorCategory> {
		Identities::<T>::get(who).map(|record| record.category)
	}

	fn is_jurisdiction_blocked(jurisdiction: &Jurisdiction) -> bool {
		BlockedJurisdictions::<T>::contains_key(jurisdiction)
	}

	fn bic(who: &T::AccountId) -> Option<Bic> {
		Identities::<T>::get(who).and_then(|record| record.bic)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> tokenize_primitives::ComplianceBenchmarkHelper<T::AccountId> for Pallet<T> {
	fn make_verified(who: &T::AccountId, roles: &[Role]) {
		use crate::types::IdentityRecord;
		use tokenize_primitives::{IdentityStatus, Roles};
		let now = Self::now();
		frame_system::Pallet::<T>::inc_providers(who);
		Identities::<T>::insert(
			who,
			IdentityRecord {
				status: IdentityStatus::Verified,
				jurisdiction: Jurisdiction(*b"DE"),
				category: InvestorCategory::EligibleCounterparty,
				roles: Roles::from_roles(roles),
				expires_at: now.saturating_add(365 * 24 * 3600),
				lei: None,
				bic: None,
				travel_rule_hash: None,
				verifier: who.clone(),
				registered_at: now,
			},
		);
	}
}
