//! Benchmarks for the identity registry (frame-benchmarking v2).

use super::*;
use crate::pallet::{Identities, TrustedVerifiers};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, UnixTime};
use frame_system::RawOrigin;
use tokenize_primitives::{InvestorCategory, Jurisdiction, Lei, Role, Roles};

const DE: Jurisdiction = Jurisdiction(*b"DE");

fn jurisdictions(n: u32) -> Vec<Jurisdiction> {
	(0..n).map(|i| Jurisdiction([b'A' + (i / 26) as u8 % 26, b'A' + (i % 26) as u8])).collect()
}

fn trusted_verifier<T: Config>() -> T::AccountId {
	let verifier: T::AccountId = account("verifier", 0, 0);
	let covered = jurisdictions(T::MaxJurisdictionsPerVerifier::get().saturating_sub(1))
		.into_iter()
		.chain(core::iter::once(DE))
		.collect::<Vec<_>>();
	TrustedVerifiers::<T>::insert(&verifier, BoundedVec::truncate_from(covered));
	verifier
}

fn details<T: Config>() -> IdentityDetails {
	IdentityDetails {
		jurisdiction: DE,
		category: InvestorCategory::Professional,
		roles: Roles::from_roles(&[Role::Bank]).bits(),
		expires_at: T::TimeProvider::now().as_secs().saturating_add(3600),
		lei: Some(Lei(*b"529900T8BM49AURSDO55")),
		bic: Some(*b"DEUTDEFFXXX"),
		travel_rule_hash: Some([1; 32]),
	}
}

fn registered<T: Config>() -> (T::AccountId, T::AccountId) {
	let verifier = trusted_verifier::<T>();
	let who: T::AccountId = account("holder", 0, 0);
	let _ = Pallet::<T>::do_register_identity(verifier.clone(), who.clone(), details::<T>());
	(verifier, who)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_verifier(j: Linear<1, { T::MaxJurisdictionsPerVerifier::get() }>) -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let verifier: T::AccountId = account("verifier", 1, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, verifier.clone(), jurisdictions(j));
		assert!(TrustedVerifiers::<T>::contains_key(&verifier));
		Ok(())
	}

	#[benchmark]
	fn remove_verifier() -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let verifier = trusted_verifier::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, verifier.clone());
		assert!(!TrustedVerifiers::<T>::contains_key(&verifier));
		Ok(())
	}

	#[benchmark]
	fn register_identity() {
		let verifier = trusted_verifier::<T>();
		let who: T::AccountId = account("holder", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(verifier), who.clone(), details::<T>());
		assert!(Identities::<T>::contains_key(&who));
	}

	#[benchmark]
	fn renew_identity() {
		let (verifier, who) = registered::<T>();
		let at = T::TimeProvider::now().as_secs().saturating_add(7200);
		#[extrinsic_call]
		_(RawOrigin::Signed(verifier), who.clone(), at);
		assert_eq!(Identities::<T>::get(&who).map(|r| r.expires_at), Some(at));
	}

	#[benchmark]
	fn revoke_identity() {
		let (verifier, who) = registered::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(verifier), who.clone(), RevocationReason::KycFailed);
		assert!(Pallet::<T>::identity_status(&who) == Some(tokenize_primitives::IdentityStatus::Revoked));
	}

	#[benchmark]
	fn set_roles() -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (_, who) = registered::<T>();
		let roles = Roles::from_roles(&[Role::Bank, Role::ComplianceOfficer]);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), roles.bits());
		assert_eq!(Identities::<T>::get(&who).map(|r| r.roles), Some(roles));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
