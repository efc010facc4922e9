use crate::{mock::*, Error, Event, IdentityDetails, Identities, RevocationReason, TrustedVerifiers};
use frame_support::{assert_noop, assert_ok};
use proptest::prelude::*;
use sp_runtime::DispatchError;
use tokenize_primitives::{Compliance, IdentityStatus, InvestorCategory, Jurisdiction, Lei, Role, Roles};

fn bank_details(jurisdiction: Jurisdiction) -> IdentityDetails {
	IdentityDetails {
		jurisdiction,
		category: InvestorCategory::EligibleCounterparty,
		roles: Roles::from_roles(&[Role::Bank]).bits(),
		expires_at: START + YEAR,
		lei: Some(Lei(*b"529900T8BM49AURSDO55")),
		bic: Some(*b"DEUTDEFFXXX"),
		travel_rule_hash: Some([7; 32]),
	}
}

fn register(verifier: u64, who: u64, details: IdentityDetails) -> frame_support::dispatch::DispatchResult {
	IdentityRegistry::register_identity(RuntimeOrigin::signed(verifier), who, details)
}

#[test]
fn genesis_identity_is_verified_bank() {
	new_test_ext().execute_with(|| {
		assert!(IdentityRegistry::is_verified(&BANK_DE));
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		assert!(!IdentityRegistry::has_role(&BANK_DE, Role::KycVerifier));
		assert_eq!(IdentityRegistry::jurisdiction(&BANK_DE), Some(DE));
	});
}

#[test]
fn verifier_registers_identity_in_its_jurisdiction() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(EU_VERIFIER, 7, bank_details(FR)));
		let record = Identities::<Test>::get(7).expect("registered");
		assert_eq!(record.status, IdentityStatus::Verified);
		assert_eq!(record.verifier, EU_VERIFIER);
		assert_eq!(record.registered_at, START);
		assert!(IdentityRegistry::has_role(&7, Role::Bank));
		System::assert_last_event(
			Event::IdentityRegistered {
				who: 7,
				verifier: EU_VERIFIER,
				jurisdiction: FR,
				roles: Roles::from_roles(&[Role::Bank]),
				expires_at: START + YEAR,
			}
			.into(),
		);
	});
}

#[test]
fn registration_rules_are_enforced_with_named_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(register(42, 7, bank_details(DE)), Error::<Test>::NotTrustedVerifier);
		assert_noop!(register(US_VERIFIER, 7, bank_details(DE)), Error::<Test>::JurisdictionNotCovered);
		assert_noop!(
			register(EU_VERIFIER, 7, IdentityDetails { jurisdiction: Jurisdiction(*b"de"), ..bank_details(DE) }),
			Error::<Test>::MalformedJurisdiction
		);
		let kyc = Roles::from_roles(&[Role::KycVerifier]).bits();
		assert_noop!(
			register(EU_VERIFIER, 7, IdentityDetails { roles: kyc, ..bank_details(DE) }),
			Error::<Test>::RoleRequiresGovernance
		);
		assert_noop!(
			register(EU_VERIFIER, 7, IdentityDetails { roles: 1 << 31, ..bank_details(DE) }),
			Error::<Test>::UnknownRole
		);
		assert_noop!(
			register(EU_VERIFIER, 7, IdentityDetails { expires_at: START, ..bank_details(DE) }),
			Error::<Test>::ExpiryInPast
		);
		assert_noop!(
			register(EU_VERIFIER, 7, IdentityDetails { expires_at: START + 3 * YEAR, ..bank_details(DE) }),
			Error::<Test>::ValidityTooLong
		);
		assert_noop!(
			register(EU_VERIFIER, 7, IdentityDetails { lei: Some(Lei(*b"529900t8bm49aursdo55")), ..bank_details(DE) }),
			Error::<Test>::MalformedLei
		);
		assert_noop!(register(EU_VERIFIER, BANK_DE, bank_details(DE)), Error::<Test>::IdentityAlreadyRegistered);
	});
}

#[test]
fn identity_expires_exactly_at_expiry_and_renewal_restores_it() {
	new_test_ext().execute_with(|| {
		set_now(START + YEAR - 1);
		assert!(IdentityRegistry::is_verified(&BANK_DE));
		set_now(START + YEAR);
		assert!(!IdentityRegistry::is_verified(&BANK_DE));
		assert!(!IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		assert_eq!(IdentityRegistry::identity_status(&BANK_DE), Some(IdentityStatus::Expired));
		assert_noop!(
			IdentityRegistry::renew_identity(RuntimeOrigin::signed(US_VERIFIER), BANK_DE, START + 2 * YEAR),
			Error::<Test>::JurisdictionNotCovered
		);
		assert_ok!(IdentityRegistry::renew_identity(RuntimeOrigin::signed(EU_VERIFIER), BANK_DE, START + 2 * YEAR));
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		System::assert_last_event(Event::IdentityRenewed { who: BANK_DE, expires_at: START + 2 * YEAR }.into());
	});
}

#[test]
fn revocation_by_verifier_or_governance() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			IdentityRegistry::revoke_identity(RuntimeOrigin::signed(US_VERIFIER), BANK_DE, RevocationReason::KycFailed),
			Error::<Test>::JurisdictionNotCovered
		);
		assert_ok!(IdentityRegistry::revoke_identity(
			RuntimeOrigin::signed(EU_VERIFIER),
			BANK_DE,
			RevocationReason::Sanctioned
		));
		assert!(!IdentityRegistry::is_verified(&BANK_DE));
		assert_eq!(IdentityRegistry::identity_status(&BANK_DE), Some(IdentityStatus::Revoked));
		System::assert_last_event(Event::IdentityRevoked { who: BANK_DE, reason: RevocationReason::Sanctioned }.into());
		assert_noop!(
			IdentityRegistry::revoke_identity(RuntimeOrigin::root(), BANK_DE, RevocationReason::Other),
			Error::<Test>::IdentityRevoked
		);
		assert_noop!(
			IdentityRegistry::renew_identity(RuntimeOrigin::signed(EU_VERIFIER), BANK_DE, START + YEAR),
			Error::<Test>::IdentityRevoked
		);
		// A revoked identity may be registered anew after a fresh KYC.
		assert_ok!(register(EU_VERIFIER, BANK_DE, bank_details(DE)));
		assert!(IdentityRegistry::is_verified(&BANK_DE));
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::root(), BANK_DE, RevocationReason::LicenceWithdrawn));
	});
}

#[test]
fn governance_manages_verifiers_and_roles() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			IdentityRegistry::add_verifier(RuntimeOrigin::signed(EU_VERIFIER), 9, vec![DE]),
			DispatchError::BadOrigin
		);
		assert_noop!(IdentityRegistry::add_verifier(RuntimeOrigin::root(), 9, vec![]), Error::<Test>::NoJurisdictions);
		assert_noop!(
			IdentityRegistry::add_verifier(RuntimeOrigin::root(), 9, vec![DE, FR, US, Jurisdiction(*b"IT"), Jurisdiction(*b"ES")]),
			Error::<Test>::TooManyJurisdictions
		);
		assert_noop!(
			IdentityRegistry::add_verifier(RuntimeOrigin::root(), EU_VERIFIER, vec![DE]),
			Error::<Test>::VerifierAlreadyTrusted
		);
		assert_ok!(IdentityRegistry::add_verifier(RuntimeOrigin::root(), 9, vec![US]));
		assert_eq!(TrustedVerifiers::<Test>::get(9).map(|v| v.into_inner()), Some(vec![US]));
		assert_ok!(register(9, 10, bank_details(US)));
		assert_ok!(IdentityRegistry::remove_verifier(RuntimeOrigin::root(), 9));
		assert_noop!(register(9, 11, bank_details(US)), Error::<Test>::NotTrustedVerifier);
		assert_noop!(IdentityRegistry::remove_verifier(RuntimeOrigin::root(), 9), Error::<Test>::NotTrustedVerifier);

		let council = Roles::from_roles(&[Role::GovernanceCouncil, Role::Bank]);
		assert_noop!(
			IdentityRegistry::set_roles(RuntimeOrigin::signed(EU_VERIFIER), BANK_DE, council.bits()),
			DispatchError::BadOrigin
		);
		assert_noop!(IdentityRegistry::set_roles(RuntimeOrigin::root(), 55, council.bits()), Error::<Test>::UnknownIdentity);
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), BANK_DE, council.bits()));
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::GovernanceCouncil));
		System::assert_last_event(Event::RolesChanged { who: BANK_DE, roles: council }.into());
	});
}

#[test]
fn same_legal_entity_follows_lei() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(EU_VERIFIER, 20, bank_details(DE)));
		assert_ok!(register(EU_VERIFIER, 21, bank_details(FR)));
		let other_lei = IdentityDetails { lei: Some(Lei(*b"5493001KJTIIGC8Y1R12")), ..bank_details(DE) };
		assert_ok!(register(EU_VERIFIER, 22, other_lei));
		assert!(IdentityRegistry::same_legal_entity(&20, &21));
		assert!(!IdentityRegistry::same_legal_entity(&20, &22));
		// No LEI: only the account itself.
		assert!(IdentityRegistry::same_legal_entity(&BANK_DE, &BANK_DE));
		assert!(!IdentityRegistry::same_legal_entity(&BANK_DE, &20));
	});
}

#[derive(Clone, Debug)]
enum Op {
	Register { verifier: u64, who: u64, fr: bool, bank: bool },
	Revoke { by_root: bool, who: u64 },
	Renew { who: u64, years: u64 },
	Advance { days: u64 },
}

fn op() -> impl Strategy<Value = Op> {
	let verifier = prop_oneof![Just(EU_VERIFIER), Just(US_VERIFIER), Just(42u64)];
	prop_oneof![
		(verifier, 1u64..6, any::<bool>(), any::<bool>())
			.prop_map(|(verifier, who, fr, bank)| Op::Register { verifier, who, fr, bank }),
		(any::<bool>(), 1u64..6).prop_map(|(by_root, who)| Op::Revoke { by_root, who }),
		(1u64..6, 0u64..3).prop_map(|(who, years)| Op::Renew { who, years }),
		(0u64..400).prop_map(|days| Op::Advance { days }),
	]
}

proptest! {
	/// Over any sequence of registrations, revocations, renewals and the
	/// passing of time: an account counts as verified exactly when it has an
	/// identity that is neither revoked nor expired; a failed call changes no
	/// storage; roles are only what verifiers may grant.
	#[test]
	fn verification_is_exactly_status_and_expiry(ops in proptest::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| {
			for op in ops {
				let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let result = match op {
					Op::Register { verifier, who, fr, bank } => {
						let roles = if bank { Roles::from_roles(&[Role::Bank]).bits() } else { 0 };
						let expires_at = IdentityRegistry::now() + YEAR;
						register(verifier, who, IdentityDetails { roles, expires_at, ..bank_details(if fr { FR } else { US }) })
					},
					Op::Revoke { by_root, who } => {
						let origin = if by_root { RuntimeOrigin::root() } else { RuntimeOrigin::signed(EU_VERIFIER) };
						IdentityRegistry::revoke_identity(origin, who, RevocationReason::Other)
					},
					Op::Renew { who, years } => {
						let at = IdentityRegistry::now() + years * YEAR;
						IdentityRegistry::renew_identity(RuntimeOrigin::signed(EU_VERIFIER), who, at)
					},
					Op::Advance { days } => {
						set_now(IdentityRegistry::now() + days * 24 * 3600);
						Ok(())
					},
				};
				if result.is_err() {
					prop_assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
				}
				let now = IdentityRegistry::now();
				for who in 1u64..6 {
					let expected = Identities::<Test>::get(who)
						.is_some_and(|r| r.status == IdentityStatus::Verified && now < r.expires_at);
					prop_assert_eq!(IdentityRegistry::is_verified(&who), expected);
					if let Some(record) = Identities::<Test>::get(who) {
						prop_assert!(Roles::from_roles(&[Role::Bank]).is_superset(record.roles));
					}
				}
			}
			Ok(())
		})?;
	}
}
