//! The registry's answer to the chain-wide [`Compliance`] questions.

use crate::pallet::*;
use tokenize_primitives::{Compliance, Jurisdiction, Role};

impl<T: Config> Compliance<T::AccountId> for Pallet<T> {
	fn is_verified(who: &T::AccountId) -> bool {
		Identities::<T>::get(who).is_some_and(|record| record.is_verified_at(Self::now()))
	}

	fn has_role(who: &T::AccountId, role: Role) -> bool {
		Identities::<T>::get(who)
			.is_some_and(|record| record.is_verified_at(Self::now()) && record.roles.contains(role))
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
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> tokenize_primitives::ComplianceBenchmarkHelper<T::AccountId> for Pallet<T> {
	fn make_verified(who: &T::AccountId, roles: &[Role]) {
		use crate::types::IdentityRecord;
		use tokenize_primitives::{IdentityStatus, InvestorCategory, Roles};
		let now = Self::now();
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
