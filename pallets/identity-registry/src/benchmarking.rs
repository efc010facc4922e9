//! Benchmarks for the identity registry (frame-benchmarking v2).

use super::*;
use crate::{
	functions::COLLECTIVE_ROLES,
	pallet::{
		BlockedJurisdictions, Identities, RoleCommittees, SanctionedAccounts, SanctionsListRoot,
		TransactionAllowance, TrustedVerifiers,
	},
	types::TransactionCost,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, UnixTime},
	BoundedVec,
};
use frame_system::RawOrigin;
use tokenize_primitives::{
	ComplianceBenchmarkHelper, IdentityStatus, InvestorCategory, Jurisdiction, Lei, Role, Roles,
};

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
		expires_at: T::TimeProvider::now().as_secs().saturating_add(3600),
		lei: Some(Lei(*b"529900T8BM49AURSDO55")),
		bic: Some(*b"DEUTDEFFXXX"),
		travel_rule_hash: Some([1; 32]),
	}
}

/// A holder registered (pending) by the trusted verifier.
fn registered_pending<T: Config>() -> (T::AccountId, T::AccountId) {
	let verifier = trusted_verifier::<T>();
	let who: T::AccountId = account("holder", 0, 0);
	let _ = Pallet::<T>::do_register_pending_identity(verifier.clone(), who.clone(), details::<T>());
	(verifier, who)
}

/// A verified customer: registered by the trusted verifier, approved by a second one.
fn registered<T: Config>() -> (T::AccountId, T::AccountId) {
	let (verifier, who) = registered_pending::<T>();
	let _ = Pallet::<T>::do_approve_identity(second_verifier::<T>(), who.clone());
	(verifier, who)
}

/// A second verifier trusted for the same jurisdictions (four eyes).
fn second_verifier<T: Config>() -> T::AccountId {
	let first = trusted_verifier::<T>();
	let second: T::AccountId = account("verifier", 2, 0);
	if let Some(covered) = TrustedVerifiers::<T>::get(&first) {
		TrustedVerifiers::<T>::insert(&second, covered);
	}
	second
}

/// `n` verified signers; `seed` keeps different committees apart.
fn signers<T: Config>(seed: u32, n: u32) -> Vec<T::AccountId> {
	(0..n)
		.map(|i| {
			let signer: T::AccountId = account("signer", i, seed);
			<Pallet<T> as ComplianceBenchmarkHelper<T::AccountId>>::make_verified(&signer, &[]);
			signer
		})
		.collect()
}

/// Every collective role held by a one-signer committee: the worst case for
/// the committee-account check of `sanction_account`.
fn all_committees<T: Config>() -> Result<(), BenchmarkError> {
	for (seed, role) in (100u32..).zip(COLLECTIVE_ROLES) {
		Pallet::<T>::do_set_committee(role, signers::<T>(seed, 1), 1, Pallet::<T>::now())
			.map_err(|_| BenchmarkError::Stop("committee setup failed"))?;
	}
	Ok(())
}

fn sanctions_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::SanctionsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
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
		_(origin as T::RuntimeOrigin, who.clone(), roles);
		assert_eq!(Identities::<T>::get(&who).map(|r| r.roles), Some(roles));
		Ok(())
	}

	#[benchmark]
	fn register_pending_identity() {
		let verifier = trusted_verifier::<T>();
		let who: T::AccountId = account("holder", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(verifier), who.clone(), details::<T>());
		assert_eq!(Pallet::<T>::identity_status(&who), Some(IdentityStatus::Pending));
	}

	#[benchmark]
	fn approve_identity() {
		let (_, who) = registered_pending::<T>();
		let approver = second_verifier::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(approver), who.clone());
		assert_eq!(Pallet::<T>::identity_status(&who), Some(IdentityStatus::Verified));
	}

	#[benchmark]
	fn update_identity() {
		let (verifier, who) = registered::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(verifier),
			who.clone(),
			InvestorCategory::Retail,
			Some(*b"BNPAFRPPXXX"),
			Some([2; 32]),
		);
		assert_eq!(Identities::<T>::get(&who).map(|r| r.category), Some(InvestorCategory::Retail));
	}

	#[benchmark]
	fn sanction_account() -> Result<(), BenchmarkError> {
		let origin = sanctions_origin::<T>()?;
		all_committees::<T>()?;
		let (_, who) = registered::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), Some([3; 32]));
		assert!(SanctionedAccounts::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn unsanction_account() -> Result<(), BenchmarkError> {
		let origin = sanctions_origin::<T>()?;
		let (_, who) = registered::<T>();
		Pallet::<T>::do_sanction_account(who.clone(), who.clone(), None)
			.map_err(|_| BenchmarkError::Stop("sanction setup failed"))?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!SanctionedAccounts::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn block_jurisdiction() -> Result<(), BenchmarkError> {
		let origin = sanctions_origin::<T>()?;
		let embargoed = Jurisdiction(*b"KP");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, embargoed);
		assert!(BlockedJurisdictions::<T>::contains_key(embargoed));
		Ok(())
	}

	#[benchmark]
	fn unblock_jurisdiction() -> Result<(), BenchmarkError> {
		let origin = sanctions_origin::<T>()?;
		let embargoed = Jurisdiction(*b"KP");
		BlockedJurisdictions::<T>::insert(embargoed, Pallet::<T>::now());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, embargoed);
		assert!(!BlockedJurisdictions::<T>::contains_key(embargoed));
		Ok(())
	}

	#[benchmark]
	fn set_sanctions_list_root() -> Result<(), BenchmarkError> {
		let origin = sanctions_origin::<T>()?;
		let officer: T::AccountId = account("officer", 0, 0);
		Pallet::<T>::do_set_sanctions_list_root(officer, [4; 32], 1, 0)
			.map_err(|_| BenchmarkError::Stop("list setup failed"))?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, [5; 32], 2, 1);
		assert_eq!(SanctionsListRoot::<T>::get().map(|l| l.version), Some(2));
		Ok(())
	}

	/// Worst case: `s` signers, a previous committee of `MaxCommitteeSize`
	/// signers that loses the role (each signer re-indexed) and a new
	/// committee account without an identity (one is created).
	#[benchmark]
	fn set_committee(s: Linear<1, { T::MaxCommitteeSize::get() }>) -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let role = Role::SettlementCommittee;
		let previous = signers::<T>(1, T::MaxCommitteeSize::get());
		Pallet::<T>::do_set_committee(role, previous, 1, Pallet::<T>::now())
			.map_err(|_| BenchmarkError::Stop("previous committee setup failed"))?;
		let signers = signers::<T>(2, s);
		let threshold = u16::try_from(s).unwrap_or(u16::MAX);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, role, signers, threshold);
		assert_eq!(RoleCommittees::<T>::get(role).map(|c| c.signers.len() as u32), Some(s));
		Ok(())
	}

	/// The registry's part of admitting one signed transaction (the
	/// runtime's `VerifiedSender`): the signer's standing, its budget check
	/// and the charge. Worst case: a verified customer without a role (so
	/// the signer index is read too), passing every check, in the middle of
	/// a window (the allowance read and rewritten).
	#[benchmark]
	fn transaction_allowance() -> Result<(), BenchmarkError> {
		let (_, who) = registered::<T>();
		let cost = TransactionCost { ref_time: 1, bytes: 1 };
		Pallet::<T>::note_transaction(&who, cost);
		#[block]
		{
			let standing = Pallet::<T>::sender_standing(&who);
			Pallet::<T>::check_transaction_allowance_of(&who, &standing, cost, false)
				.map_err(|_| BenchmarkError::Stop("the signer must pass"))?;
			Pallet::<T>::note_transaction(&who, cost);
		}
		assert_eq!(TransactionAllowance::<T>::get(&who).map(|usage| usage.transactions), Some(2));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
