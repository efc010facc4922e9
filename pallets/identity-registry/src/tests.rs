use crate::{
	mock::*, AllowanceRefusal, BlockedJurisdictions, Error, Event, IdentityDetails, IdentitySummary,
	Identities, RevocationReason, RoleCommittees, SanctionEntry, SanctionedAccounts, SanctionsList,
	SanctionsListRoot, SenderClass, TransactionAllowance, TransactionCost, TransactionUsage,
	TrustedVerifiers, CommitteeSignerOf, NEVER_EXPIRES,
};
use frame_support::{assert_noop, assert_ok, dispatch::DispatchResult};
use proptest::prelude::*;
use sp_runtime::DispatchError;
use tokenize_primitives::{
	Compliance, ComplianceFailure, IdentityStatus, InvestorCategory, Jurisdiction, Lei,
	MultisigAccount, Role, Roles,
};

fn bank_details(jurisdiction: Jurisdiction) -> IdentityDetails {
	IdentityDetails {
		jurisdiction,
		category: InvestorCategory::EligibleCounterparty,
		expires_at: START + YEAR,
		lei: Some(Lei(*b"529900T8BM49AURSDO55")),
		bic: Some(*b"DEUTDEFFXXX"),
		travel_rule_hash: Some([7; 32]),
	}
}

/// The whole four-eyes registration: `verifier` registers, the other
/// verifier of the jurisdiction approves.
fn register(verifier: u64, who: u64, details: IdentityDetails) -> frame_support::dispatch::DispatchResult {
	let jurisdiction = details.jurisdiction;
	register_pending(verifier, who, details)?;
	approve(second_pair_of_eyes(verifier, jurisdiction), who)
}

#[test]
fn genesis_identity_is_verified_bank() {
	test_chain(|| {
		assert!(IdentityRegistry::is_verified(&BANK_DE));
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		assert!(!IdentityRegistry::has_role(&BANK_DE, Role::KycVerifier));
		assert_eq!(IdentityRegistry::jurisdiction(&BANK_DE), Some(DE));
	});
}

#[test]
fn registration_takes_two_verifiers_and_grants_no_role() {
	test_chain(|| {
		assert_ok!(register_pending(EU_VERIFIER, 7, bank_details(FR)));
		assert!(!IdentityRegistry::is_verified(&7));
		assert_ok!(approve(SECOND_VERIFIER, 7));
		let record = Identities::<Test>::get(7).expect("registered");
		assert_eq!(record.status, IdentityStatus::Verified);
		assert_eq!(record.verifier, SECOND_VERIFIER);
		assert_eq!(record.registered_at, START);
		assert_eq!(record.roles, Roles::empty());
		System::assert_last_event(
			Event::IdentityApproved { who: 7, registrar: EU_VERIFIER, approver: SECOND_VERIFIER }.into(),
		);
		// The account is kept alive by its identity: it can never be reaped.
		assert_eq!(System::providers(&7), 1);
	});
}

#[test]
fn nobody_attests_themselves() {
	test_chain(|| {
		assert_noop!(register_pending(EU_VERIFIER, EU_VERIFIER, bank_details(DE)), Error::<Test>::SelfAttestation);
		assert_ok!(register_pending(EU_VERIFIER, DE_VERIFIER, bank_details(DE)));
		assert_noop!(approve(DE_VERIFIER, DE_VERIFIER), Error::<Test>::SelfAttestation);
		assert_ok!(register(DE_VERIFIER, 7, bank_details(DE)));
		// A verifier with a (customer) identity cannot renew, update or revoke it.
		let verifier_with_identity = 7;
		assert_ok!(IdentityRegistry::add_verifier(RuntimeOrigin::root(), verifier_with_identity, vec![DE]));
		let own = RuntimeOrigin::signed(verifier_with_identity);
		assert_noop!(
			IdentityRegistry::renew_identity(own.clone(), 7, START + YEAR / 2),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			IdentityRegistry::update_identity(own.clone(), 7, InvestorCategory::Professional, None, None),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			IdentityRegistry::revoke_identity(own, 7, RevocationReason::HolderRequest),
			Error::<Test>::SelfAttestation
		);
	});
}

#[test]
fn registration_rules_are_enforced_with_named_errors() {
	test_chain(|| {
		assert_noop!(register(42, 7, bank_details(DE)), Error::<Test>::NotTrustedVerifier);
		assert_noop!(register(US_VERIFIER, 7, bank_details(DE)), Error::<Test>::JurisdictionNotCovered);
		assert_noop!(
			register(EU_VERIFIER, 7, IdentityDetails { jurisdiction: Jurisdiction(*b"de"), ..bank_details(DE) }),
			Error::<Test>::MalformedJurisdiction
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
	test_chain(|| {
		assert_ok!(register(EU_VERIFIER, 7, bank_details(DE)));
		set_now(START + YEAR - 1);
		assert!(IdentityRegistry::is_verified(&7));
		set_now(START + YEAR);
		assert!(!IdentityRegistry::is_verified(&7));
		assert_eq!(IdentityRegistry::identity_status(&7), Some(IdentityStatus::Expired));
		assert_noop!(
			IdentityRegistry::renew_identity(RuntimeOrigin::signed(US_VERIFIER), 7, START + 2 * YEAR),
			Error::<Test>::JurisdictionNotCovered
		);
		assert_ok!(IdentityRegistry::renew_identity(RuntimeOrigin::signed(EU_VERIFIER), 7, START + 2 * YEAR));
		assert!(IdentityRegistry::is_verified(&7));
		System::assert_last_event(Event::IdentityRenewed { who: 7, expires_at: START + 2 * YEAR }.into());
	});
}

#[test]
fn a_role_holder_is_renewed_updated_and_revoked_only_by_governance() {
	test_chain(|| {
		set_now(START + YEAR);
		assert!(!IdentityRegistry::has_role(&BANK_DE, Role::Bank), "a lapsed bank loses its powers");
		// A verifier could otherwise revoke a validator bank, or renew the
		// council's signer to expire in a second.
		let verifier = || RuntimeOrigin::signed(EU_VERIFIER);
		assert_noop!(
			IdentityRegistry::renew_identity(verifier(), BANK_DE, START + YEAR + 1),
			Error::<Test>::GovernedIdentity
		);
		assert_noop!(
			IdentityRegistry::update_identity(verifier(), BANK_DE, InvestorCategory::Retail, None, None),
			Error::<Test>::GovernedIdentity
		);
		assert_noop!(
			IdentityRegistry::revoke_identity(verifier(), BANK_DE, RevocationReason::Other),
			Error::<Test>::GovernedIdentity
		);
		assert_ok!(IdentityRegistry::renew_identity(RuntimeOrigin::root(), BANK_DE, START + 2 * YEAR));
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		assert_ok!(IdentityRegistry::update_identity(
			RuntimeOrigin::root(),
			BANK_DE,
			InvestorCategory::Professional,
			None,
			None
		));
		System::assert_last_event(
			Event::IdentityUpdated {
				who: BANK_DE,
				verifier: None,
				category: InvestorCategory::Professional,
				bic: None,
				travel_rule_hash: None,
			}
			.into(),
		);
		// Governance leaves the record of the last KYC verifier as it was.
		assert_eq!(Identities::<Test>::get(BANK_DE).map(|r| r.verifier), Some(EU_VERIFIER));
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::root(), BANK_DE, RevocationReason::LicenceWithdrawn));
	});
}

#[test]
fn revocation_by_verifier_or_governance_is_final() {
	test_chain(|| {
		assert_ok!(register(EU_VERIFIER, 7, bank_details(DE)));
		assert_noop!(
			IdentityRegistry::revoke_identity(RuntimeOrigin::signed(US_VERIFIER), 7, RevocationReason::KycFailed),
			Error::<Test>::JurisdictionNotCovered
		);
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::signed(DE_VERIFIER), 7, RevocationReason::Sanctioned));
		assert!(!IdentityRegistry::is_verified(&7));
		assert_eq!(IdentityRegistry::identity_status(&7), Some(IdentityStatus::Revoked));
		System::assert_last_event(Event::IdentityRevoked { who: 7, reason: RevocationReason::Sanctioned }.into());
		assert_noop!(
			IdentityRegistry::revoke_identity(RuntimeOrigin::root(), 7, RevocationReason::Other),
			Error::<Test>::IdentityRevoked
		);
		assert_noop!(
			IdentityRegistry::renew_identity(RuntimeOrigin::signed(EU_VERIFIER), 7, START + YEAR),
			Error::<Test>::IdentityRevoked
		);
		// No verifier can undo a revocation by registering the account again.
		for verifier in [EU_VERIFIER, DE_VERIFIER] {
			assert_noop!(register_pending(verifier, 7, bank_details(DE)), Error::<Test>::IdentityRevoked);
		}
		assert_noop!(
			IdentityRegistry::set_roles(RuntimeOrigin::root(), 7, Roles::from_roles(&[Role::Bank])),
			Error::<Test>::IdentityRevoked
		);
	});
}

#[test]
fn governance_manages_verifiers_and_roles() {
	test_chain(|| {
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

		let roles = Roles::from_roles(&[Role::ComplianceOfficer, Role::Bank]);
		assert_noop!(
			IdentityRegistry::set_roles(RuntimeOrigin::signed(EU_VERIFIER), BANK_DE, roles),
			DispatchError::BadOrigin
		);
		assert_noop!(IdentityRegistry::set_roles(RuntimeOrigin::root(), 55, roles), Error::<Test>::UnknownIdentity);
		assert_noop!(
			IdentityRegistry::set_roles(RuntimeOrigin::root(), BANK_DE, codec::Decode::decode(&mut &(1u32 << 30).to_le_bytes()[..]).expect("any u32 decodes")),
			Error::<Test>::UnknownRole
		);
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), BANK_DE, roles));
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::ComplianceOfficer));
		System::assert_last_event(Event::RolesChanged { who: BANK_DE, roles }.into());
		// Collective roles move only with their committee.
		let council = Roles::from_roles(&[Role::GovernanceCouncil, Role::Bank]);
		assert_noop!(
			IdentityRegistry::set_roles(RuntimeOrigin::root(), BANK_DE, council),
			Error::<Test>::CollectiveRoleNeedsCommittee
		);
	});
}

#[test]
fn same_legal_entity_follows_lei() {
	test_chain(|| {
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
	Register { verifier: u64, who: u64, fr: bool },
	Revoke { by_root: bool, who: u64 },
	Renew { who: u64, years: u64 },
	Advance { days: u64 },
}

fn op() -> impl Strategy<Value = Op> {
	let verifier = prop_oneof![Just(EU_VERIFIER), Just(US_VERIFIER), Just(42u64)];
	prop_oneof![
		(verifier, 1u64..6, any::<bool>()).prop_map(|(verifier, who, fr)| Op::Register { verifier, who, fr }),
		(any::<bool>(), 1u64..6).prop_map(|(by_root, who)| Op::Revoke { by_root, who }),
		(1u64..6, 0u64..3).prop_map(|(who, years)| Op::Renew { who, years }),
		(0u64..400).prop_map(|days| Op::Advance { days }),
	]
}

proptest! {
	/// Over any sequence of registrations, revocations, renewals and the
	/// passing of time: an account counts as verified exactly when it has an
	/// identity that is neither revoked nor expired; a failed call changes no
	/// storage; verifiers grant no role and never touch the genesis bank's.
	#[test]
	fn verification_is_exactly_status_and_expiry(ops in proptest::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| {
			let mut bank_revoked_by_governance = false;
			for op in ops {
				let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				if let Op::Revoke { by_root: true, who } = op {
					bank_revoked_by_governance |= who == BANK_DE;
				}
				let result = match op {
					Op::Register { verifier, who, fr } => {
						let expires_at = IdentityRegistry::now() + YEAR;
						register(verifier, who, IdentityDetails { expires_at, ..bank_details(if fr { FR } else { US }) })
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
						let genesis_bank = who == BANK_DE;
						prop_assert_eq!(record.roles != Roles::empty(), genesis_bank);
						if genesis_bank {
							let revoked = record.status == IdentityStatus::Revoked;
							prop_assert_eq!(revoked, bank_revoked_by_governance, "only governance revokes a bank");
						}
					}
				}
			}
			prop_assert_eq!(IdentityRegistry::do_try_state(), Ok(()));
			Ok(())
		})?;
	}
}

// ---------------------------------------------------------------------------
// Four-eyes registration, KYC refresh
// ---------------------------------------------------------------------------

fn register_pending(verifier: u64, who: u64, details: IdentityDetails) -> DispatchResult {
	IdentityRegistry::register_pending_identity(RuntimeOrigin::signed(verifier), who, details)
}

fn approve(verifier: u64, who: u64) -> DispatchResult {
	IdentityRegistry::approve_identity(RuntimeOrigin::signed(verifier), who)
}

#[test]
fn pending_identity_is_verified_only_by_a_second_verifier() {
	test_chain(|| {
		assert_ok!(register_pending(EU_VERIFIER, 7, bank_details(DE)));
		System::assert_last_event(
			Event::IdentityPending {
				who: 7,
				verifier: EU_VERIFIER,
				jurisdiction: DE,
				roles: Roles::empty(),
				expires_at: START + YEAR,
			}
			.into(),
		);
		assert_eq!(IdentityRegistry::identity_status(&7), Some(IdentityStatus::Pending));
		assert!(!IdentityRegistry::is_verified(&7));
		assert_eq!(IdentityRegistry::check_compliance(&7), Err(ComplianceFailure::Pending));

		assert_noop!(approve(EU_VERIFIER, 7), Error::<Test>::FourEyesRequired);
		assert_noop!(approve(US_VERIFIER, 7), Error::<Test>::JurisdictionNotCovered);
		assert_noop!(approve(42, 7), Error::<Test>::NotTrustedVerifier);
		assert_noop!(approve(DE_VERIFIER, 99), Error::<Test>::UnknownIdentity);
		// A verified identity is not pending; a verified bank is governance's.
		assert_ok!(register(EU_VERIFIER, 8, bank_details(DE)));
		assert_noop!(approve(DE_VERIFIER, 8), Error::<Test>::NotPending);
		assert_noop!(approve(DE_VERIFIER, BANK_DE), Error::<Test>::GovernedIdentity);

		assert_ok!(approve(DE_VERIFIER, 7));
		System::assert_last_event(Event::IdentityApproved { who: 7, registrar: EU_VERIFIER, approver: DE_VERIFIER }.into());
		let record = Identities::<Test>::get(7).expect("registered");
		assert_eq!((record.status, record.verifier), (IdentityStatus::Verified, DE_VERIFIER));
		assert_eq!(IdentityRegistry::check_compliance(&7), Ok(()));
		assert_noop!(approve(EU_VERIFIER, 7), Error::<Test>::NotPending);
	});
}

#[test]
fn pending_registration_follows_the_registration_rules() {
	test_chain(|| {
		assert_noop!(register_pending(42, 7, bank_details(DE)), Error::<Test>::NotTrustedVerifier);
		assert_noop!(register_pending(US_VERIFIER, 7, bank_details(DE)), Error::<Test>::JurisdictionNotCovered);
		assert_noop!(register_pending(EU_VERIFIER, BANK_DE, bank_details(DE)), Error::<Test>::IdentityAlreadyRegistered);
		assert_ok!(register_pending(EU_VERIFIER, 7, bank_details(DE)));
		assert_noop!(register(EU_VERIFIER, 7, bank_details(DE)), Error::<Test>::IdentityAlreadyRegistered);
	});
}

#[test]
fn four_eyes_survive_renewal_and_lapse_and_revocation() {
	test_chain(|| {
		assert_ok!(register_pending(EU_VERIFIER, 7, IdentityDetails { expires_at: START + 10, ..bank_details(DE) }));
		// A renewal by the other verifier must not make the registrar's own
		// approval count as the second pair of eyes.
		assert_ok!(IdentityRegistry::renew_identity(RuntimeOrigin::signed(DE_VERIFIER), 7, START + 20));
		assert_eq!(Identities::<Test>::get(7).map(|r| r.verifier), Some(EU_VERIFIER));
		assert_noop!(approve(EU_VERIFIER, 7), Error::<Test>::FourEyesRequired);
		// The file waited too long: the registrar's expiry has passed.
		set_now(START + 20);
		assert_noop!(approve(DE_VERIFIER, 7), Error::<Test>::ExpiryInPast);
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::root(), 7, RevocationReason::KycFailed));
		assert_noop!(approve(DE_VERIFIER, 7), Error::<Test>::IdentityRevoked);
	});
}

fn update(verifier: u64, who: u64, category: InvestorCategory) -> DispatchResult {
	IdentityRegistry::update_identity(RuntimeOrigin::signed(verifier), who, category, Some(*b"COBADEFFXXX"), Some([9; 32]))
}

#[test]
fn kyc_refresh_updates_category_bic_and_travel_rule_hash() {
	test_chain(|| {
		const CUSTOMER: u64 = 7;
		assert_ok!(register(EU_VERIFIER, CUSTOMER, bank_details(DE)));
		assert_eq!(IdentityRegistry::category(&CUSTOMER), Some(InvestorCategory::EligibleCounterparty));
		assert_ok!(update(DE_VERIFIER, CUSTOMER, InvestorCategory::Professional));
		System::assert_last_event(
			Event::IdentityUpdated {
				who: CUSTOMER,
				verifier: Some(DE_VERIFIER),
				category: InvestorCategory::Professional,
				bic: Some(*b"COBADEFFXXX"),
				travel_rule_hash: Some([9; 32]),
			}
			.into(),
		);
		let record = Identities::<Test>::get(CUSTOMER).expect("registered");
		assert_eq!(record.bic, Some(*b"COBADEFFXXX"));
		assert_eq!(record.travel_rule_hash, Some([9; 32]));
		assert_eq!(record.verifier, DE_VERIFIER);
		assert_eq!(IdentityRegistry::category(&CUSTOMER), Some(InvestorCategory::Professional));
		assert_eq!(IdentityRegistry::category(&99), None);
		// `None` clears.
		assert_ok!(IdentityRegistry::update_identity(RuntimeOrigin::signed(EU_VERIFIER), CUSTOMER, InvestorCategory::Retail, None, None));
		let record = Identities::<Test>::get(CUSTOMER).expect("registered");
		assert_eq!((record.category, record.bic, record.travel_rule_hash), (InvestorCategory::Retail, None, None));

		assert_noop!(update(42, CUSTOMER, InvestorCategory::Retail), Error::<Test>::NotTrustedVerifier);
		assert_noop!(update(US_VERIFIER, CUSTOMER, InvestorCategory::Retail), Error::<Test>::JurisdictionNotCovered);
		assert_noop!(update(EU_VERIFIER, 99, InvestorCategory::Retail), Error::<Test>::UnknownIdentity);
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::root(), CUSTOMER, RevocationReason::Other));
		assert_noop!(update(EU_VERIFIER, CUSTOMER, InvestorCategory::Retail), Error::<Test>::IdentityRevoked);
	});
}

// ---------------------------------------------------------------------------
// Sanctions
// ---------------------------------------------------------------------------

fn officer() -> RuntimeOrigin {
	RuntimeOrigin::signed(OFFICER)
}

/// Registers `who` as a verified identity in `jurisdiction` holding exactly `roles`.
fn verified_with_roles(who: u64, jurisdiction: Jurisdiction, roles: &[Role]) {
	let verifier = if jurisdiction == US { US_VERIFIER } else { EU_VERIFIER };
	assert_ok!(register(verifier, who, bank_details(jurisdiction)));
	assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), who, Roles::from_roles(roles)));
}

#[test]
fn sanctioning_fails_compliance_and_removes_roles() {
	test_chain(|| {
		assert_ok!(IdentityRegistry::sanction_account(officer(), BANK_DE, Some([1; 32])));
		System::assert_last_event(Event::AccountSanctioned { who: BANK_DE, officer: OFFICER, list_root: Some([1; 32]) }.into());
		assert_eq!(SanctionedAccounts::<Test>::get(BANK_DE), Some(SanctionEntry { since: START, list_root: Some([1; 32]) }));
		assert_eq!(IdentityRegistry::check_compliance(&BANK_DE), Err(ComplianceFailure::Sanctioned));
		// Identity-level verification is unchanged; the powers are gone.
		assert!(IdentityRegistry::is_verified(&BANK_DE));
		assert!(!IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		assert_noop!(IdentityRegistry::sanction_account(officer(), BANK_DE, None), Error::<Test>::AlreadySanctioned);

		assert_ok!(IdentityRegistry::unsanction_account(officer(), BANK_DE));
		System::assert_last_event(Event::AccountUnsanctioned { who: BANK_DE, officer: OFFICER }.into());
		assert_eq!(IdentityRegistry::check_compliance(&BANK_DE), Ok(()));
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		assert_noop!(IdentityRegistry::unsanction_account(officer(), BANK_DE), Error::<Test>::NotSanctioned);

		// A screening hit may precede any registration.
		assert_ok!(IdentityRegistry::sanction_account(officer(), 99, None));
		assert_eq!(IdentityRegistry::check_compliance(&99), Err(ComplianceFailure::NotRegistered));
	});
}

#[test]
fn a_sanctioned_officer_loses_the_sanctions_origin() {
	test_chain(|| {
		verified_with_roles(51, DE, &[Role::ComplianceOfficer]);
		assert_ok!(IdentityRegistry::block_jurisdiction(RuntimeOrigin::signed(51), US));
		assert_ok!(IdentityRegistry::sanction_account(officer(), 51, None));
		assert_noop!(IdentityRegistry::unblock_jurisdiction(RuntimeOrigin::signed(51), US), DispatchError::BadOrigin);
		assert_noop!(IdentityRegistry::unsanction_account(RuntimeOrigin::signed(51), 51), DispatchError::BadOrigin);
	});
}

#[test]
fn blocked_jurisdiction_fails_compliance_but_keeps_roles() {
	test_chain(|| {
		assert!(!IdentityRegistry::is_jurisdiction_blocked(&DE));
		assert_ok!(IdentityRegistry::block_jurisdiction(officer(), DE));
		System::assert_last_event(Event::JurisdictionBlocked { jurisdiction: DE, officer: OFFICER }.into());
		assert_eq!(BlockedJurisdictions::<Test>::get(DE), Some(START));
		assert!(IdentityRegistry::is_jurisdiction_blocked(&DE));
		assert_eq!(IdentityRegistry::check_compliance(&BANK_DE), Err(ComplianceFailure::JurisdictionBlocked));
		// Documented choice: blocking a country does not take roles away (the
		// DE officer can still lift the block, the DE bank still validates).
		assert!(IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		assert_noop!(IdentityRegistry::block_jurisdiction(officer(), DE), Error::<Test>::JurisdictionAlreadyBlocked);
		assert_noop!(
			IdentityRegistry::block_jurisdiction(officer(), Jurisdiction(*b"de")),
			Error::<Test>::MalformedJurisdiction
		);
		assert_ok!(IdentityRegistry::unblock_jurisdiction(officer(), DE));
		System::assert_last_event(Event::JurisdictionUnblocked { jurisdiction: DE, officer: OFFICER }.into());
		assert_eq!(IdentityRegistry::check_compliance(&BANK_DE), Ok(()));
		assert_noop!(IdentityRegistry::unblock_jurisdiction(officer(), DE), Error::<Test>::JurisdictionNotBlocked);
	});
}

#[test]
fn sanctions_list_root_only_moves_forward() {
	test_chain(|| {
		assert_ok!(IdentityRegistry::set_sanctions_list_root(officer(), [1; 32], 7, START - 3600));
		System::assert_last_event(
			Event::SanctionsListRootSet { root: [1; 32], version: 7, published_at: START - 3600, officer: OFFICER }.into(),
		);
		assert_eq!(
			SanctionsListRoot::<Test>::get(),
			Some(SanctionsList { root: [1; 32], version: 7, published_at: START - 3600, recorded_at: START })
		);
		assert_noop!(IdentityRegistry::set_sanctions_list_root(officer(), [2; 32], 7, START), Error::<Test>::StaleSanctionsList);
		assert_noop!(IdentityRegistry::set_sanctions_list_root(officer(), [2; 32], 6, START), Error::<Test>::StaleSanctionsList);
		assert_ok!(IdentityRegistry::set_sanctions_list_root(officer(), [2; 32], 8, START));
		assert_eq!(SanctionsListRoot::<Test>::get().map(|l| (l.root, l.version)), Some(([2; 32], 8)));
	});
}

#[test]
fn check_compliance_names_the_first_failed_check() {
	test_chain(|| {
		assert_eq!(IdentityRegistry::check_compliance(&BANK_DE), Ok(()));
		assert_eq!(IdentityRegistry::check_compliance(&99), Err(ComplianceFailure::NotRegistered));
		assert_ok!(register_pending(EU_VERIFIER, 7, bank_details(DE)));
		assert_eq!(IdentityRegistry::check_compliance(&7), Err(ComplianceFailure::Pending));
		assert_ok!(register(EU_VERIFIER, 8, bank_details(FR)));
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::root(), 8, RevocationReason::KycFailed));
		assert_eq!(IdentityRegistry::check_compliance(&8), Err(ComplianceFailure::Revoked));
		assert_ok!(register(EU_VERIFIER, 9, IdentityDetails { expires_at: START + 5, ..bank_details(FR) }));
		assert_ok!(register(EU_VERIFIER, 10, bank_details(FR)));

		// Every later check fails as well: the earliest one is named.
		for who in [7, 8, 9, 10, 99] {
			assert_ok!(IdentityRegistry::sanction_account(officer(), who, None));
		}
		assert_ok!(IdentityRegistry::block_jurisdiction(officer(), DE));
		assert_ok!(IdentityRegistry::block_jurisdiction(officer(), FR));
		set_now(START + 5);
		assert_eq!(IdentityRegistry::check_compliance(&99), Err(ComplianceFailure::NotRegistered));
		assert_eq!(IdentityRegistry::check_compliance(&7), Err(ComplianceFailure::Pending));
		assert_eq!(IdentityRegistry::check_compliance(&8), Err(ComplianceFailure::Revoked));
		assert_eq!(IdentityRegistry::check_compliance(&9), Err(ComplianceFailure::Expired));
		assert_eq!(IdentityRegistry::check_compliance(&10), Err(ComplianceFailure::Sanctioned));
		assert_eq!(IdentityRegistry::check_compliance(&BANK_DE), Err(ComplianceFailure::JurisdictionBlocked));
	});
}

// ---------------------------------------------------------------------------
// Committees
// ---------------------------------------------------------------------------

fn set_committee(origin: RuntimeOrigin, role: Role, signers: Vec<u64>, threshold: u16) -> DispatchResult {
	IdentityRegistry::set_committee(origin, role, signers, threshold)
}

/// Seven verified council members: 11 in FR (first once sorted), 12..=17 in DE.
fn council_members() -> Vec<u64> {
	verified_with_roles(11, FR, &[]);
	(12..=17).for_each(|who| verified_with_roles(who, DE, &[Role::Bank]));
	(11..=17).collect()
}

#[test]
fn committee_gets_a_multisig_account_holding_the_role() {
	test_chain(|| {
		council_members();
		// Unsorted, with a duplicate: stored sorted and deduplicated.
		assert_ok!(set_committee(RuntimeOrigin::root(), Role::GovernanceCouncil, vec![17, 11, 13, 12, 16, 15, 14, 13], 5));
		let sorted: Vec<u64> = (11..=17).collect();
		let council = MockMultisig::multi_account_id(&sorted, 5);
		let committee = RoleCommittees::<Test>::get(Role::GovernanceCouncil).expect("committee");
		assert_eq!((committee.signers.to_vec(), committee.threshold, committee.account), (sorted.clone(), 5, council));

		let record = Identities::<Test>::get(council).expect("committee identity");
		assert_eq!(record.status, IdentityStatus::Verified);
		assert_eq!(record.jurisdiction, FR, "first signer's jurisdiction");
		assert_eq!(record.expires_at, NEVER_EXPIRES, "a committee account never lapses");
		assert_eq!(record.roles, Roles::from_roles(&[Role::GovernanceCouncil]));
		assert!(IdentityRegistry::has_role(&council, Role::GovernanceCouncil));
		System::assert_has_event(
			Event::IdentityRegistered {
				who: council,
				verifier: council,
				jurisdiction: FR,
				roles: Roles::from_roles(&[Role::GovernanceCouncil]),
				expires_at: NEVER_EXPIRES,
			}
			.into(),
		);
		for signer in &sorted {
			assert_eq!(CommitteeSignerOf::<Test>::get(signer), Some(Roles::from_roles(&[Role::GovernanceCouncil])));
		}
		System::assert_last_event(
			Event::CommitteeRotated { role: Role::GovernanceCouncil, account: council, previous: None, signers: sorted, threshold: 5 }
				.into(),
		);
	});
}

#[test]
fn rotation_moves_the_role_and_the_old_account_is_refused() {
	test_chain(|| {
		let members = council_members();
		assert_ok!(set_committee(RuntimeOrigin::root(), Role::GovernanceCouncil, members.clone(), 5));
		let old = MockMultisig::multi_account_id(&members, 5);
		// The council itself (through its multisig account) rotates its signers.
		assert_ok!(set_committee(RuntimeOrigin::signed(old), Role::GovernanceCouncil, vec![11, 12, 13], 2));
		let new = MockMultisig::multi_account_id(&[11, 12, 13], 2);
		System::assert_has_event(Event::RolesChanged { who: old, roles: Roles::empty() }.into());
		System::assert_last_event(
			Event::CommitteeRotated {
				role: Role::GovernanceCouncil,
				account: new,
				previous: Some(old),
				signers: vec![11, 12, 13],
				threshold: 2,
			}
			.into(),
		);
		assert!(!IdentityRegistry::has_role(&old, Role::GovernanceCouncil));
		assert!(IdentityRegistry::has_role(&new, Role::GovernanceCouncil));
		// EnsureRole refuses the old account from now on.
		assert_noop!(
			set_committee(RuntimeOrigin::signed(old), Role::GovernanceCouncil, vec![11], 1),
			DispatchError::BadOrigin
		);
		assert_noop!(IdentityRegistry::set_roles(RuntimeOrigin::signed(old), old, Roles::empty()), DispatchError::BadOrigin);
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::signed(new), BANK_DE, Roles::empty()));
		// The signer index follows the rotation.
		assert_eq!(CommitteeSignerOf::<Test>::get(14), None);
		assert!(CommitteeSignerOf::<Test>::get(11).is_some_and(|r| r.contains(Role::GovernanceCouncil)));
	});
}

#[test]
fn existing_committee_identity_gains_the_role_and_validity() {
	test_chain(|| {
		council_members();
		let account = MockMultisig::multi_account_id(&[12, 13], 2);
		verified_with_roles(account, DE, &[Role::Bank]);
		assert_ok!(set_committee(RuntimeOrigin::root(), Role::SettlementCommittee, vec![13, 12], 2));
		let record = Identities::<Test>::get(account).expect("identity");
		assert_eq!(record.roles, Roles::from_roles(&[Role::Bank, Role::SettlementCommittee]));
		assert_eq!(record.expires_at, NEVER_EXPIRES);
		System::assert_has_event(
			Event::RolesChanged { who: account, roles: Roles::from_roles(&[Role::Bank, Role::SettlementCommittee]) }.into(),
		);
		// Setting the same committee again keeps the role where it is.
		assert_ok!(set_committee(RuntimeOrigin::root(), Role::SettlementCommittee, vec![12, 13], 2));
		assert!(IdentityRegistry::has_role(&account, Role::SettlementCommittee));
		assert!(IdentityRegistry::has_role(&account, Role::Bank));
	});
}

#[test]
fn committee_rules_are_enforced_with_named_errors() {
	test_chain(|| {
		council_members();
		let root = RuntimeOrigin::root;
		assert_noop!(set_committee(RuntimeOrigin::signed(BANK_DE), Role::SettlementCommittee, vec![11], 1), DispatchError::BadOrigin);
		for role in [Role::Bank, Role::ComplianceOfficer, Role::KycVerifier, Role::Regulator] {
			assert_noop!(set_committee(root(), role, vec![11], 1), Error::<Test>::NotACollectiveRole);
		}
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![], 1), Error::<Test>::NoSigners);
		assert_noop!(set_committee(root(), Role::SettlementCommittee, (11..=18).collect(), 1), Error::<Test>::TooManySigners);
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![11, 12], 0), Error::<Test>::InvalidThreshold);
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![11, 12], 3), Error::<Test>::InvalidThreshold);
		// Duplicates do not count towards the threshold.
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![11, 11], 2), Error::<Test>::InvalidThreshold);
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![11, 99], 1), Error::<Test>::SignerNotCompliant);
		assert_ok!(IdentityRegistry::sanction_account(officer(), 12, None));
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![11, 12], 1), Error::<Test>::SignerNotCompliant);

		let account = MockMultisig::multi_account_id(&[13, 14], 2);
		assert_ok!(IdentityRegistry::sanction_account(officer(), account, None));
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![13, 14], 2), Error::<Test>::CommitteeAccountSanctioned);

		let account = MockMultisig::multi_account_id(&[15, 16], 2);
		assert_ok!(register_pending(EU_VERIFIER, account, bank_details(DE)));
		assert_noop!(set_committee(root(), Role::SettlementCommittee, vec![15, 16], 2), Error::<Test>::CommitteeAccountNotVerified);
	});
}

#[test]
fn committee_accounts_cannot_be_sanctioned() {
	test_chain(|| {
		council_members();
		assert_ok!(set_committee(RuntimeOrigin::root(), Role::ComplianceDepositary, vec![11, 12, 13], 2));
		let account = MockMultisig::multi_account_id(&[11, 12, 13], 2);
		assert_noop!(IdentityRegistry::sanction_account(officer(), account, None), Error::<Test>::CommitteeAccountNotSanctionable);
		// A signer may be sanctioned; governance then rotates it out.
		assert_ok!(IdentityRegistry::sanction_account(officer(), 13, None));
	});
}

#[test]
fn committees_cannot_be_taken_apart_by_a_verifier_or_by_set_roles() {
	test_chain(|| {
		let members = council_members();
		assert_ok!(set_committee(RuntimeOrigin::root(), Role::GovernanceCouncil, members.clone(), 5));
		let council = MockMultisig::multi_account_id(&members, 5);
		// Not even governance revokes the council's account: that would leave
		// no one able to hold the role. Rotation is the way.
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::signed(EU_VERIFIER)] {
			assert_noop!(
				IdentityRegistry::revoke_identity(origin, council, RevocationReason::Other),
				Error::<Test>::CommitteeAccountNotRevocable
			);
		}
		assert_noop!(
			IdentityRegistry::renew_identity(RuntimeOrigin::signed(EU_VERIFIER), council, START + 1),
			Error::<Test>::GovernedIdentity
		);
		assert_noop!(
			IdentityRegistry::set_roles(RuntimeOrigin::root(), council, Roles::empty()),
			Error::<Test>::CollectiveRoleNeedsCommittee
		);
		// A signer without any role is governed too.
		assert_eq!(Identities::<Test>::get(11).map(|r| r.roles), Some(Roles::empty()));
		assert_noop!(
			IdentityRegistry::revoke_identity(RuntimeOrigin::signed(EU_VERIFIER), 11, RevocationReason::Other),
			Error::<Test>::GovernedIdentity
		);
		// Years later the council still holds its role.
		set_now(START + 10 * YEAR);
		assert!(IdentityRegistry::has_role(&council, Role::GovernanceCouncil));
	});
}

#[test]
fn genesis_forms_committees() {
	let mut genesis = test_genesis();
	genesis.committees = vec![(Role::SettlementCommittee, vec![OFFICER, BANK_DE], 2)];
	new_test_ext_with(genesis).execute_with(|| {
		let account = MockMultisig::multi_account_id(&[BANK_DE, OFFICER], 2);
		assert_eq!(RoleCommittees::<Test>::get(Role::SettlementCommittee).map(|c| c.account), Some(account));
		assert!(IdentityRegistry::has_role(&account, Role::SettlementCommittee));
		let record = Identities::<Test>::get(account).expect("committee identity");
		assert_eq!((record.jurisdiction, record.expires_at), (DE, NEVER_EXPIRES));
		assert_eq!(IdentityRegistry::do_try_state(), Ok(()));
	});
}

#[test]
#[should_panic(expected = "identity-registry genesis is invalid: NotACollectiveRole")]
fn genesis_refuses_a_committee_for_a_single_key_role() {
	let mut genesis = test_genesis();
	genesis.committees = vec![(Role::Bank, vec![BANK_DE], 1)];
	new_test_ext_with(genesis);
}

#[test]
fn chain_specs_without_committees_stay_valid() {
	let json = r#"{"verifiers":[[100,[[68,69]]]],"identities":[]}"#;
	let genesis: crate::GenesisConfig<Test> = serde_json::from_str(json).expect("committees defaults to empty");
	assert!(genesis.committees.is_empty());
	assert_eq!(genesis.verifiers, vec![(100, vec![DE])]);
}

// ---------------------------------------------------------------------------
// Every privileged call refuses every other role
// ---------------------------------------------------------------------------

type Call = fn(RuntimeOrigin) -> DispatchResult;

/// A pending identity (8), a sanctioned account (9), a blocked jurisdiction
/// (US) and a verified customer (11), so that every call below would succeed
/// with the right origin.
fn table_setup() {
	assert_ok!(register_pending(EU_VERIFIER, 8, bank_details(DE)));
	assert_ok!(IdentityRegistry::sanction_account(officer(), 9, None));
	assert_ok!(IdentityRegistry::block_jurisdiction(officer(), US));
	verified_with_roles(11, DE, &[]);
	verified_with_roles(12, DE, &[]);
}

/// An account holding `role`: a committee of one for a collective role (the
/// only way such a role is held), else an identity granted the role.
fn role_holder(role: Role) -> u64 {
	let holder = 300;
	verified_with_roles(holder, DE, &[]);
	if crate::functions::COLLECTIVE_ROLES.contains(&role) {
		assert_ok!(set_committee(RuntimeOrigin::root(), role, vec![holder], 1));
		MockMultisig::multi_account_id(&[holder], 1)
	} else {
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), holder, Roles::from_roles(&[role])));
		holder
	}
}

/// A privileged call: the roles it accepts, whether a trusted verifier may
/// make it, and the error every other account gets.
struct Entry {
	name: &'static str,
	call: Call,
	roles: &'static [Role],
	verifier: bool,
	refusal: DispatchError,
}

fn entry(name: &'static str, call: Call, roles: &'static [Role], verifier: bool, refusal: DispatchError) -> Entry {
	Entry { name, call, roles, verifier, refusal }
}

fn privileged_calls() -> Vec<Entry> {
	use Role::{ComplianceOfficer as Officer, GovernanceCouncil as Council};
	let bad_origin = DispatchError::BadOrigin;
	let not_verifier: DispatchError = Error::<Test>::NotTrustedVerifier.into();
	vec![
		entry("add_verifier", |o| IdentityRegistry::add_verifier(o, 9, vec![DE]), &[Council], false, bad_origin.clone()),
		entry("remove_verifier", |o| IdentityRegistry::remove_verifier(o, US_VERIFIER), &[Council], false, bad_origin.clone()),
		entry("set_roles", |o| IdentityRegistry::set_roles(o, BANK_DE, Roles::empty()), &[Council], false, bad_origin.clone()),
		entry(
			"set_committee",
			|o| IdentityRegistry::set_committee(o, Role::SettlementCommittee, vec![11], 1),
			&[Council],
			false,
			bad_origin.clone(),
		),
		entry(
			"revoke_identity",
			|o| IdentityRegistry::revoke_identity(o, 11, RevocationReason::Other),
			&[Council],
			true,
			not_verifier.clone(),
		),
		entry("renew_identity", |o| IdentityRegistry::renew_identity(o, 11, START + YEAR / 2), &[Council], true, not_verifier.clone()),
		entry(
			"update_identity",
			|o| IdentityRegistry::update_identity(o, 11, InvestorCategory::Retail, None, None),
			&[Council],
			true,
			not_verifier.clone(),
		),
		entry("sanction_account", |o| IdentityRegistry::sanction_account(o, BANK_DE, None), &[Officer], false, bad_origin.clone()),
		entry("unsanction_account", |o| IdentityRegistry::unsanction_account(o, 9), &[Officer], false, bad_origin.clone()),
		entry("block_jurisdiction", |o| IdentityRegistry::block_jurisdiction(o, FR), &[Officer], false, bad_origin.clone()),
		entry("unblock_jurisdiction", |o| IdentityRegistry::unblock_jurisdiction(o, US), &[Officer], false, bad_origin.clone()),
		entry(
			"set_sanctions_list_root",
			|o| IdentityRegistry::set_sanctions_list_root(o, [1; 32], 1, START),
			&[Officer],
			false,
			bad_origin,
		),
		entry("register_pending_identity", |o| IdentityRegistry::register_pending_identity(o, 7, bank_details(DE)), &[], true, not_verifier.clone()),
		entry("approve_identity", |o| IdentityRegistry::approve_identity(o, 8), &[], true, not_verifier),
	]
}

#[test]
fn every_privileged_call_refuses_every_other_role() {
	for Entry { name, call, roles, verifier, refusal } in privileged_calls() {
		for role in Role::ALL {
			test_chain(|| {
				table_setup();
				let holder = role_holder(role);
				if roles.contains(&role) {
					assert!(call(RuntimeOrigin::signed(holder)).is_ok(), "{name} must accept {role:?}");
				} else {
					let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
					assert_eq!(call(RuntimeOrigin::signed(holder)), Err(refusal.clone()), "{name} must refuse {role:?}");
					assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1), "{name} changed state");
				}
			});
		}
		// The trusted verifier path (DE_VERIFIER: 8 was registered by EU_VERIFIER) and root.
		test_chain(|| {
			table_setup();
			let verifier_result = call(RuntimeOrigin::signed(DE_VERIFIER));
			assert_eq!(verifier_result.is_ok(), verifier, "{name}: verifier path");
		});
		if !roles.is_empty() {
			test_chain(|| {
				table_setup();
				let origin = if roles.contains(&Role::ComplianceOfficer) { officer() } else { RuntimeOrigin::root() };
				assert_ok!(call(origin));
			});
		}
	}
}

// ---------------------------------------------------------------------------
// Feeless-transaction allowance
// ---------------------------------------------------------------------------

const TINY: TransactionCost = TransactionCost { ref_time: 1_000, bytes: 10 };

/// A verified customer (no role, signs for no committee).
const CUSTOMER: u64 = 7;

fn customer_chain(test: impl FnOnce()) {
	test_chain(|| {
		assert_ok!(register(EU_VERIFIER, CUSTOMER, bank_details(DE)));
		test();
	});
}

#[test]
fn a_refund_gives_back_compute_only_and_never_below_nothing() {
	customer_chain(|| {
		// Nothing noted, nothing to give back: no record appears.
		IdentityRegistry::refund_transaction(&CUSTOMER, 500);
		assert_eq!(TransactionAllowance::<Test>::get(CUSTOMER), None);
		IdentityRegistry::note_transaction(&CUSTOMER, TINY);
		IdentityRegistry::refund_transaction(&CUSTOMER, 400);
		assert_eq!(
			TransactionAllowance::<Test>::get(CUSTOMER),
			Some(TransactionUsage { window_start: 1, transactions: 1, ref_time: 600, bytes: 10 })
		);
		// The count and the length stay: only compute was over-declared.
		IdentityRegistry::refund_transaction(&CUSTOMER, 5_000);
		assert_eq!(
			TransactionAllowance::<Test>::get(CUSTOMER),
			Some(TransactionUsage { window_start: 1, transactions: 1, ref_time: 0, bytes: 10 })
		);
	});
}

#[test]
fn allowance_limits_transactions_per_window() {
	customer_chain(|| {
		for _ in 0..3 {
			assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, false), Ok(SenderClass::Customer));
			IdentityRegistry::note_transaction(&CUSTOMER, TINY);
		}
		assert_eq!(
			TransactionAllowance::<Test>::get(CUSTOMER),
			Some(TransactionUsage { window_start: 1, transactions: 3, ref_time: 3_000, bytes: 30 })
		);
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, false), Err(AllowanceRefusal::RateLimited));
		// Still the same window on its last block (window = 10 blocks from block 1).
		System::set_block_number(10);
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, false), Err(AllowanceRefusal::RateLimited));
		System::set_block_number(11);
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, false), Ok(SenderClass::Customer));
		IdentityRegistry::note_transaction(&CUSTOMER, TINY);
		assert_eq!(TransactionAllowance::<Test>::get(CUSTOMER).map(|u| (u.window_start, u.transactions)), Some((11, 1)));
	});
}

#[test]
fn the_budget_binds_on_compute_and_length_not_only_on_count() {
	customer_chain(|| {
		let budget = CustomerBudget::get();
		// One transaction as heavy as the whole window's compute fits; a
		// second one of any weight does not.
		let heavy = TransactionCost { ref_time: budget.ref_time, bytes: 10 };
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, heavy, false), Ok(SenderClass::Customer));
		IdentityRegistry::note_transaction(&CUSTOMER, heavy);
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, false), Err(AllowanceRefusal::RateLimited));

		System::set_block_number(20);
		let too_long = TransactionCost { ref_time: 1, bytes: budget.bytes + 1 };
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, too_long, false), Err(AllowanceRefusal::RateLimited));
		let too_heavy = TransactionCost { ref_time: budget.ref_time + 1, bytes: 1 };
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, too_heavy, false), Err(AllowanceRefusal::RateLimited));
		// A keyholder has the larger budget.
		assert_eq!(IdentityRegistry::check_transaction_allowance(&BANK_DE, too_long, false), Ok(SenderClass::Keyholder));
	});
}

#[test]
fn allowance_check_is_read_only_and_requires_compliance() {
	customer_chain(|| {
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, false), Ok(SenderClass::Customer));
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
		assert_eq!(
			IdentityRegistry::check_transaction_allowance(&99, TINY, true),
			Err(AllowanceRefusal::NotCompliant(ComplianceFailure::NotRegistered))
		);
		assert_ok!(IdentityRegistry::sanction_account(officer(), CUSTOMER, None));
		// A customer gets no governance exemption, whatever it calls.
		assert_eq!(
			IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, true),
			Err(AllowanceRefusal::NotCompliant(ComplianceFailure::Sanctioned))
		);
		assert_eq!(AllowanceRefusal::NotCompliant(ComplianceFailure::NotRegistered).code(), 0);
		assert_eq!(AllowanceRefusal::NotCompliant(ComplianceFailure::JurisdictionBlocked).code(), 5);
		assert_eq!(AllowanceRefusal::RateLimited.code(), 6);
	});
}

#[test]
fn a_keyholder_keeps_its_governance_calls_whatever_the_officer_decides() {
	customer_chain(|| {
		let council = council_members();
		assert_ok!(set_committee(RuntimeOrigin::root(), Role::GovernanceCouncil, council, 5));
		// 11 signs for the council but holds no role; OFFICER holds a role.
		for keyholder in [11, OFFICER, BANK_DE] {
			assert_eq!(IdentityRegistry::sender_class(&keyholder), SenderClass::Keyholder);
		}
		assert_ok!(IdentityRegistry::sanction_account(officer(), 11, None));
		assert_ok!(IdentityRegistry::block_jurisdiction(officer(), DE));
		for keyholder in [11, OFFICER, BANK_DE] {
			assert_eq!(IdentityRegistry::check_transaction_allowance(&keyholder, TINY, true), Ok(SenderClass::Keyholder));
			assert!(IdentityRegistry::check_transaction_allowance(&keyholder, TINY, false).is_err());
		}
		// A lapsed KYC does not lock a keyholder out of governance either...
		set_now(START + 5 * YEAR);
		assert_eq!(IdentityRegistry::check_transaction_allowance(&BANK_DE, TINY, true), Ok(SenderClass::Keyholder));
		// ...but a revocation (by governance) does.
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::root(), BANK_DE, RevocationReason::Other));
		assert_eq!(
			IdentityRegistry::check_transaction_allowance(&BANK_DE, TINY, true),
			Err(AllowanceRefusal::NotCompliant(ComplianceFailure::Revoked))
		);
		assert_eq!(IdentityRegistry::sender_class(&BANK_DE), SenderClass::Customer);
	});
}

#[test]
fn allowance_counters_saturate() {
	customer_chain(|| {
		let full = TransactionUsage { window_start: 1, transactions: u32::MAX, ref_time: u64::MAX, bytes: u32::MAX };
		TransactionAllowance::<Test>::insert(CUSTOMER, full);
		IdentityRegistry::note_transaction(&CUSTOMER, TINY);
		assert_eq!(TransactionAllowance::<Test>::get(CUSTOMER), Some(full));
		assert_eq!(IdentityRegistry::check_transaction_allowance(&CUSTOMER, TINY, false), Err(AllowanceRefusal::RateLimited));
	});
}

// ---------------------------------------------------------------------------
// Runtime API summary
// ---------------------------------------------------------------------------

#[test]
fn identity_summary_reports_status_as_of_now() {
	test_chain(|| {
		assert_eq!(IdentityRegistry::identity_summary(&99), None);
		assert_ok!(register(EU_VERIFIER, 7, bank_details(DE)));
		let summary = IdentityRegistry::identity_summary(&7).expect("registered");
		assert_eq!(
			summary,
			IdentitySummary {
				status: IdentityStatus::Verified,
				jurisdiction: DE,
				category: InvestorCategory::EligibleCounterparty,
				roles: 0,
				expires_at: START + YEAR,
				sanctioned: false,
				jurisdiction_blocked: false,
				lei: Some(Lei(*b"529900T8BM49AURSDO55")),
				bic: Some(*b"DEUTDEFFXXX"),
			}
		);
		assert_ok!(IdentityRegistry::sanction_account(officer(), 7, None));
		assert_ok!(IdentityRegistry::block_jurisdiction(officer(), DE));
		set_now(START + YEAR);
		let summary = IdentityRegistry::identity_summary(&7).expect("registered");
		assert_eq!((summary.status, summary.sanctioned, summary.jurisdiction_blocked), (IdentityStatus::Expired, true, true));
		let json = serde_json::to_string(&summary).expect("serialises");
		assert_eq!(serde_json::from_str::<IdentitySummary>(&json).ok(), Some(summary));
	});
}

// ---------------------------------------------------------------------------
// Property: compliance is exactly identity ∧ ¬sanctioned ∧ ¬blocked
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum SanctionOp {
	Sanction(u64),
	Unsanction(u64),
	Block(bool),
	Unblock(bool),
	Revoke(u64),
	Advance(u64),
}

fn sanction_op() -> impl Strategy<Value = SanctionOp> {
	prop_oneof![
		(1u64..6).prop_map(SanctionOp::Sanction),
		(1u64..6).prop_map(SanctionOp::Unsanction),
		any::<bool>().prop_map(SanctionOp::Block),
		any::<bool>().prop_map(SanctionOp::Unblock),
		(1u64..6).prop_map(SanctionOp::Revoke),
		(0u64..200).prop_map(SanctionOp::Advance),
	]
}

proptest! {
	/// Over any sequence of sanctions, blocks, revocations and time: an account
	/// passes `check_compliance` exactly when it is verified, not sanctioned and
	/// its jurisdiction is not blocked; it holds a role exactly when verified,
	/// not sanctioned and the role is in its identity; failed calls change nothing.
	#[test]
	fn compliance_is_identity_and_sanctions(ops in proptest::collection::vec(sanction_op(), 1..40)) {
		new_test_ext().execute_with(|| {
			for who in 2u64..6 {
				let jurisdiction = if who % 2 == 0 { DE } else { FR };
				assert_ok!(register(EU_VERIFIER, who, IdentityDetails { expires_at: START + (who * 60) * 24 * 3600, ..bank_details(jurisdiction) }));
				assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), who, Roles::from_roles(&[Role::Bank])));
			}
			let code = |de: bool| if de { DE } else { FR };
			for op in ops {
				let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let result = match op {
					SanctionOp::Sanction(who) => IdentityRegistry::sanction_account(officer(), who, None),
					SanctionOp::Unsanction(who) => IdentityRegistry::unsanction_account(officer(), who),
					SanctionOp::Block(de) => IdentityRegistry::block_jurisdiction(officer(), code(de)),
					SanctionOp::Unblock(de) => IdentityRegistry::unblock_jurisdiction(officer(), code(de)),
					SanctionOp::Revoke(who) => IdentityRegistry::revoke_identity(RuntimeOrigin::root(), who, RevocationReason::Other),
					SanctionOp::Advance(days) => {
						set_now(IdentityRegistry::now() + days * 24 * 3600);
						Ok(())
					},
				};
				if result.is_err() {
					prop_assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
				}
				for who in 1u64..6 {
					let verified = IdentityRegistry::is_verified(&who);
					let sanctioned = SanctionedAccounts::<Test>::contains_key(who);
					let blocked = IdentityRegistry::jurisdiction(&who)
						.is_some_and(|j| BlockedJurisdictions::<Test>::contains_key(j));
					prop_assert_eq!(IdentityRegistry::check_compliance(&who).is_ok(), verified && !sanctioned && !blocked);
					prop_assert_eq!(IdentityRegistry::has_role(&who, Role::Bank), verified && !sanctioned);
				}
			}
			Ok(())
		})?;
	}
}

#[test]
fn a_brake_stays_with_its_holder_whatever_its_standing_until_revocation() {
	test_chain(|| {
		let officer = || RuntimeOrigin::signed(OFFICER);
		assert_ok!(IdentityRegistry::sanction_account(officer(), BANK_DE, None));
		assert_ok!(IdentityRegistry::block_jurisdiction(officer(), DE));
		set_now(START + YEAR);
		// Sanctioned, blocked and lapsed: no power that enables value...
		assert!(!IdentityRegistry::has_role(&BANK_DE, Role::Bank));
		// ... but the role is still its own, for the brakes it may pull.
		assert!(IdentityRegistry::holds_role(&BANK_DE, Role::Bank));
		assert!(!IdentityRegistry::holds_role(&BANK_DE, Role::Depositary));
		assert_ok!(IdentityRegistry::revoke_identity(RuntimeOrigin::root(), BANK_DE, RevocationReason::Other));
		assert!(!IdentityRegistry::holds_role(&BANK_DE, Role::Bank));
	});
}
