//! The logic behind each call; `lib.rs` only checks origins and delegates here.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{BoundedVec, DispatchResult},
	traits::{Get, UnixTime},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;
use tokenize_primitives::{
	ComplianceFailure, IdentityStatus, InvestorCategory, Jurisdiction, MultisigAccount, Role, Roles,
};

/// The roles held by multisig committees rather than by one key.
pub const COLLECTIVE_ROLES: [Role; 3] =
	[Role::GovernanceCouncil, Role::SettlementCommittee, Role::ComplianceDepositary];

/// Whether two role sets differ in a collective role.
fn collective_roles_differ(a: Roles, b: Roles) -> bool {
	COLLECTIVE_ROLES.iter().any(|role| a.contains(*role) != b.contains(*role))
}

/// `roles` with `role` added (`keep = true`) or taken away.
fn with_role(roles: Roles, role: Role, keep: bool) -> Roles {
	let mut wanted: Vec<Role> = roles.iter().filter(|r| *r != role).collect();
	if keep {
		wanted.push(role);
	}
	Roles::from_roles(&wanted)
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

	/// Registers `who` as `Pending`, the first half of the four-eyes KYC.
	pub(crate) fn do_register_pending_identity(
		verifier: T::AccountId,
		who: T::AccountId,
		details: IdentityDetails,
	) -> DispatchResult {
		ensure!(who != verifier, Error::<T>::SelfAttestation);
		ensure!(details.jurisdiction.is_well_formed(), Error::<T>::MalformedJurisdiction);
		Self::ensure_verifier_covers(&verifier, details.jurisdiction)?;
		if let Some(lei) = details.lei {
			ensure!(lei.is_well_formed(), Error::<T>::MalformedLei);
		}
		match Identities::<T>::get(&who).map(|record| record.status) {
			None => {},
			// Revocation is final: re-registering would let any verifier undo
			// what governance or another verifier decided.
			Some(IdentityStatus::Revoked) => return Err(Error::<T>::IdentityRevoked.into()),
			Some(_) => return Err(Error::<T>::IdentityAlreadyRegistered.into()),
		}
		let now = Self::now();
		Self::ensure_valid_expiry(now, details.expires_at)?;
		let record = IdentityRecord {
			status: IdentityStatus::Pending,
			jurisdiction: details.jurisdiction,
			category: details.category,
			roles: Roles::empty(),
			expires_at: details.expires_at,
			lei: details.lei,
			bic: details.bic,
			travel_rule_hash: details.travel_rule_hash,
			verifier: verifier.clone(),
			registered_at: now,
		};
		Self::insert_new_identity(&who, record);
		let (jurisdiction, expires_at) = (details.jurisdiction, details.expires_at);
		Self::deposit_event(Event::IdentityPending {
			who,
			verifier,
			jurisdiction,
			roles: Roles::empty(),
			expires_at,
		});
		Ok(())
	}

	/// Stores a new identity and gives its account a provider reference for
	/// as long as the record exists (which is forever: records are revoked,
	/// never removed). An account with an identity is therefore never reaped,
	/// its nonce never resets, and none of its old transactions can be
	/// replayed after its last asset balance reaches zero.
	fn insert_new_identity(who: &T::AccountId, record: IdentityRecord<T::AccountId>) {
		Identities::<T>::insert(who, record);
		frame_system::Pallet::<T>::inc_providers(who);
	}

	/// The second verifier of a four-eyes KYC turns `Pending` into `Verified`.
	pub(crate) fn do_approve_identity(approver: T::AccountId, who: T::AccountId) -> DispatchResult {
		ensure!(who != approver, Error::<T>::SelfAttestation);
		let registrar = Self::mutate_live_identity(&who, &Attester::Verifier(approver.clone()), |record| {
			ensure!(record.status == IdentityStatus::Pending, Error::<T>::NotPending);
			ensure!(record.verifier != approver, Error::<T>::FourEyesRequired);
			// The registrar's expiry may have passed while the file waited.
			ensure!(record.expires_at > Self::now(), Error::<T>::ExpiryInPast);
			record.status = IdentityStatus::Verified;
			Ok(core::mem::replace(&mut record.verifier, approver.clone()))
		})?;
		Self::deposit_event(Event::IdentityApproved { who, registrar, approver });
		Ok(())
	}

	pub(crate) fn do_update_identity(
		attester: Attester<T::AccountId>,
		who: T::AccountId,
		category: InvestorCategory,
		bic: Option<Bic>,
		travel_rule_hash: Option<DataHash>,
	) -> DispatchResult {
		Self::mutate_live_identity(&who, &attester, |record| {
			record.category = category;
			record.bic = bic;
			record.travel_rule_hash = travel_rule_hash;
			record.attested_by(&attester);
			Ok(())
		})?;
		let verifier = match attester {
			Attester::Verifier(verifier) => Some(verifier),
			Attester::Governance => None,
		};
		Self::deposit_event(Event::IdentityUpdated { who, verifier, category, bic, travel_rule_hash });
		Ok(())
	}

	/// The governance origin, or else a signed verifier.
	pub(crate) fn attester(
		origin: frame_system::pallet_prelude::OriginFor<T>,
	) -> Result<Attester<T::AccountId>, sp_runtime::DispatchError> {
		use frame_support::traits::EnsureOrigin;
		Ok(match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Attester::Governance,
			Err(origin) => Attester::Verifier(frame_system::ensure_signed(origin)?),
		})
	}

	/// Applies `change` to `who`'s identity when it exists, is not revoked and
	/// `attester` may act on it: governance on any identity; a verifier on an
	/// identity in its jurisdictions that is neither its own nor governed.
	/// The checks every action on an existing identity shares.
	fn mutate_live_identity<R>(
		who: &T::AccountId,
		attester: &Attester<T::AccountId>,
		change: impl FnOnce(&mut IdentityRecord<T::AccountId>) -> Result<R, sp_runtime::DispatchError>,
	) -> Result<R, sp_runtime::DispatchError> {
		Identities::<T>::try_mutate(who, |maybe| {
			let record = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
			ensure!(record.status != IdentityStatus::Revoked, Error::<T>::IdentityRevoked);
			if let Attester::Verifier(verifier) = attester {
				ensure!(who != verifier, Error::<T>::SelfAttestation);
				Self::ensure_verifier_covers(verifier, record.jurisdiction)?;
				// A pending file is still the verifiers' business (its approval,
				// a correction before it): governance makes it a keyholder only
				// once it is verified.
				ensure!(
					record.status == IdentityStatus::Pending || !Self::is_governed_record(who, record),
					Error::<T>::GovernedIdentity
				);
			}
			change(record)
		})
	}

	pub(crate) fn do_renew_identity(
		attester: Attester<T::AccountId>,
		who: T::AccountId,
		expires_at: u64,
	) -> DispatchResult {
		Self::mutate_live_identity(&who, &attester, |record| {
			Self::ensure_valid_expiry(Self::now(), expires_at)?;
			record.expires_at = expires_at;
			record.attested_by(&attester);
			Ok(())
		})?;
		Self::deposit_event(Event::IdentityRenewed { who, expires_at });
		Ok(())
	}

	pub(crate) fn do_revoke_identity(
		attester: Attester<T::AccountId>,
		who: T::AccountId,
		reason: RevocationReason,
	) -> DispatchResult {
		ensure!(!Self::is_committee_account(&who), Error::<T>::CommitteeAccountNotRevocable);
		Self::mutate_live_identity(&who, &attester, |record| {
			record.status = IdentityStatus::Revoked;
			Ok(())
		})?;
		Self::deposit_event(Event::IdentityRevoked { who, reason });
		Ok(())
	}

	pub(crate) fn do_set_roles(who: T::AccountId, roles: Roles) -> DispatchResult {
		let roles = Roles::from_bits(roles.bits()).ok_or(Error::<T>::UnknownRole)?;
		Identities::<T>::try_mutate(&who, |maybe| -> DispatchResult {
			let record = maybe.as_mut().ok_or(Error::<T>::UnknownIdentity)?;
			ensure!(record.status != IdentityStatus::Revoked, Error::<T>::IdentityRevoked);
			ensure!(
				!collective_roles_differ(record.roles, roles),
				Error::<T>::CollectiveRoleNeedsCommittee
			);
			record.roles = roles;
			Ok(())
		})?;
		Self::deposit_event(Event::RolesChanged { who, roles });
		Ok(())
	}

	pub(crate) fn do_sanction_account(
		officer: T::AccountId,
		who: T::AccountId,
		list_root: Option<DataHash>,
	) -> DispatchResult {
		ensure!(!Self::is_committee_account(&who), Error::<T>::CommitteeAccountNotSanctionable);
		ensure!(!SanctionedAccounts::<T>::contains_key(&who), Error::<T>::AlreadySanctioned);
		SanctionedAccounts::<T>::insert(&who, SanctionEntry { since: Self::now(), list_root });
		Self::deposit_event(Event::AccountSanctioned { who, officer, list_root });
		Ok(())
	}

	pub(crate) fn do_unsanction_account(officer: T::AccountId, who: T::AccountId) -> DispatchResult {
		ensure!(SanctionedAccounts::<T>::take(&who).is_some(), Error::<T>::NotSanctioned);
		Self::deposit_event(Event::AccountUnsanctioned { who, officer });
		Ok(())
	}

	pub(crate) fn do_block_jurisdiction(
		officer: T::AccountId,
		jurisdiction: Jurisdiction,
	) -> DispatchResult {
		ensure!(jurisdiction.is_well_formed(), Error::<T>::MalformedJurisdiction);
		ensure!(
			!BlockedJurisdictions::<T>::contains_key(jurisdiction),
			Error::<T>::JurisdictionAlreadyBlocked
		);
		BlockedJurisdictions::<T>::insert(jurisdiction, Self::now());
		Self::deposit_event(Event::JurisdictionBlocked { jurisdiction, officer });
		Ok(())
	}

	pub(crate) fn do_unblock_jurisdiction(
		officer: T::AccountId,
		jurisdiction: Jurisdiction,
	) -> DispatchResult {
		ensure!(
			BlockedJurisdictions::<T>::take(jurisdiction).is_some(),
			Error::<T>::JurisdictionNotBlocked
		);
		Self::deposit_event(Event::JurisdictionUnblocked { jurisdiction, officer });
		Ok(())
	}

	pub(crate) fn do_set_sanctions_list_root(
		officer: T::AccountId,
		root: DataHash,
		version: u32,
		published_at: u64,
	) -> DispatchResult {
		let recorded = SanctionsListRoot::<T>::get().map(|list| list.version);
		ensure!(recorded.map_or(true, |v| version > v), Error::<T>::StaleSanctionsList);
		SanctionsListRoot::<T>::put(SanctionsList {
			root,
			version,
			published_at,
			recorded_at: Self::now(),
		});
		Self::deposit_event(Event::SanctionsListRootSet { root, version, published_at, officer });
		Ok(())
	}

	/// Whether `who` is the current account of a committee.
	pub fn is_committee_account(who: &T::AccountId) -> bool {
		COLLECTIVE_ROLES
			.iter()
			.any(|role| RoleCommittees::<T>::get(role).is_some_and(|c| &c.account == who))
	}

	/// Whether only governance may renew, update or revoke `who`: it holds a
	/// role, is a committee's account or signs for a committee.
	pub fn is_governed(who: &T::AccountId) -> bool {
		Identities::<T>::get(who).is_some_and(|record| record.roles != Roles::empty()) ||
			Self::holds_committee_position(who)
	}

	/// [`Self::is_governed`] for an identity whose record the caller holds.
	fn is_governed_record(who: &T::AccountId, record: &IdentityRecord<T::AccountId>) -> bool {
		record.roles != Roles::empty() || Self::holds_committee_position(who)
	}

	/// Signs for a committee or is a committee's account.
	fn holds_committee_position(who: &T::AccountId) -> bool {
		CommitteeSignerOf::<T>::contains_key(who) || Self::is_committee_account(who)
	}

	/// Moves `role` to the multisig of `signers` with `threshold`. `now` comes
	/// from the caller because genesis has no clock yet.
	pub(crate) fn do_set_committee(
		role: Role,
		mut signers: Vec<T::AccountId>,
		threshold: u16,
		now: u64,
	) -> Result<(), Error<T>> {
		ensure!(COLLECTIVE_ROLES.contains(&role), Error::<T>::NotACollectiveRole);
		// pallet-multisig derives the account from the sorted signer list and
		// refuses duplicates when signing, so the committee is stored that way.
		signers.sort();
		signers.dedup();
		ensure!(!signers.is_empty(), Error::<T>::NoSigners);
		let signers: BoundedVec<T::AccountId, T::MaxCommitteeSize> =
			signers.try_into().map_err(|_| Error::<T>::TooManySigners)?;
		ensure!(
			threshold >= 1 && usize::from(threshold) <= signers.len(),
			Error::<T>::InvalidThreshold
		);
		ensure!(
			signers.iter().all(|s| Self::compliance_at(s, now).is_ok()),
			Error::<T>::SignerNotCompliant
		);
		let jurisdiction = signers
			.first()
			.and_then(Identities::<T>::get)
			.map(|record| record.jurisdiction)
			.ok_or(Error::<T>::SignerNotCompliant)?;
		let account = T::Multisig::multi_account_id(&signers, threshold);
		ensure!(!SanctionedAccounts::<T>::contains_key(&account), Error::<T>::CommitteeAccountSanctioned);

		let previous_committee = RoleCommittees::<T>::get(role);
		let previous = previous_committee.as_ref().map(|committee| committee.account.clone());
		if let Some(previous) = &previous {
			Self::withdraw_role(previous, role);
		}
		Self::grant_committee_role(&account, role, jurisdiction, now)?;
		Self::index_signers(role, previous_committee.map(|c| c.signers.into_inner()), &signers);
		RoleCommittees::<T>::insert(
			role,
			Committee { signers: signers.clone(), threshold, account: account.clone() },
		);
		Self::deposit_event(Event::CommitteeRotated {
			role,
			account,
			previous,
			signers: signers.into_inner(),
			threshold,
		});
		Ok(())
	}

	/// Takes `role` from a former committee account. Its identity stays (it
	/// may hold other roles); only the role goes.
	fn withdraw_role(account: &T::AccountId, role: Role) {
		let changed = Identities::<T>::mutate(account, |maybe| {
			maybe.as_mut().map(|record| {
				record.roles = with_role(record.roles, role, false);
				record.roles
			})
		});
		if let Some(roles) = changed {
			Self::deposit_event(Event::RolesChanged { who: account.clone(), roles });
		}
	}

	/// Re-indexes which accounts sign for `role`'s committee.
	fn index_signers(role: Role, previous: Option<Vec<T::AccountId>>, signers: &[T::AccountId]) {
		for old in previous.unwrap_or_default() {
			CommitteeSignerOf::<T>::mutate_exists(&old, |maybe| {
				let remaining = with_role(maybe.unwrap_or_default(), role, false);
				*maybe = (remaining != Roles::empty()).then_some(remaining);
			});
		}
		for signer in signers {
			CommitteeSignerOf::<T>::mutate(signer, |maybe| {
				*maybe = Some(with_role(maybe.unwrap_or_default(), role, true));
			});
		}
	}

	/// Gives `role` to a committee account, creating its identity when it has
	/// none. An existing identity must be verified (governance does not
	/// override a pending KYC or a revocation). A committee account never
	/// expires: its validity is its signers', and a lapsed council account
	/// could never be renewed by the council.
	fn grant_committee_role(
		account: &T::AccountId,
		role: Role,
		jurisdiction: Jurisdiction,
		now: u64,
	) -> Result<(), Error<T>> {
		let expires_at = NEVER_EXPIRES;
		let (created, roles) = Identities::<T>::try_mutate(account, |maybe| -> Result<_, Error<T>> {
			match maybe {
				Some(record) => {
					ensure!(
						record.status == IdentityStatus::Verified,
						Error::<T>::CommitteeAccountNotVerified
					);
					record.roles = with_role(record.roles, role, true);
					record.expires_at = expires_at;
					Ok((false, record.roles))
				},
				None => {
					frame_system::Pallet::<T>::inc_providers(account);
					*maybe = Some(IdentityRecord {
						status: IdentityStatus::Verified,
						jurisdiction,
						category: InvestorCategory::EligibleCounterparty,
						roles: Roles::from_roles(&[role]),
						expires_at,
						lei: None,
						bic: None,
						travel_rule_hash: None,
						// No verifier did KYC on a multisig account: governance
						// created it, marked by the account attesting itself.
						verifier: account.clone(),
						registered_at: now,
					});
					Ok((true, Roles::from_roles(&[role])))
				},
			}
		})?;
		Self::deposit_event(if created {
			Event::IdentityRegistered {
				who: account.clone(),
				verifier: account.clone(),
				jurisdiction,
				roles,
				expires_at,
			}
		} else {
			Event::RolesChanged { who: account.clone(), roles }
		});
		Ok(())
	}

	/// The compliance check as of `now`: the first failed check, in the
	/// documented order.
	pub(crate) fn compliance_at(who: &T::AccountId, now: u64) -> Result<(), ComplianceFailure> {
		Self::compliance_of(who, Identities::<T>::get(who).as_ref(), now)
	}

	/// The compliance check of `who` given its identity record (read once by
	/// the caller).
	fn compliance_of(
		who: &T::AccountId,
		record: Option<&IdentityRecord<T::AccountId>>,
		now: u64,
	) -> Result<(), ComplianceFailure> {
		let record = record.ok_or(ComplianceFailure::NotRegistered)?;
		match record.status_at(now) {
			IdentityStatus::Verified => Ok(()),
			IdentityStatus::Pending => Err(ComplianceFailure::Pending),
			IdentityStatus::Revoked => Err(ComplianceFailure::Revoked),
			IdentityStatus::Expired => Err(ComplianceFailure::Expired),
		}?;
		if SanctionedAccounts::<T>::contains_key(who) {
			return Err(ComplianceFailure::Sanctioned);
		}
		if BlockedJurisdictions::<T>::contains_key(record.jurisdiction) {
			return Err(ComplianceFailure::JurisdictionBlocked);
		}
		Ok(())
	}

	/// Whether `who` may make one more feeless transaction of `cost` now, and
	/// in which class. Read-only: the runtime calls it while validating a
	/// transaction, before the pool. `governance_call` says whether the call
	/// is one a governance keyholder needs in that capacity (the runtime
	/// knows its calls): for those, a keyholder is refused only when its
	/// identity is unknown, pending or revoked — never for a sanction, a
	/// blocked jurisdiction or a lapsed KYC (see the crate documentation).
	pub fn check_transaction_allowance(
		who: &T::AccountId,
		cost: TransactionCost,
		governance_call: bool,
	) -> Result<SenderClass, AllowanceRefusal> {
		Self::check_transaction_allowance_of(who, &Self::sender_standing(who), cost, governance_call)
	}

	/// [`Self::check_transaction_allowance`] for a signer whose standing the
	/// caller already read (the runtime's transaction validation needs the
	/// class first, for the address-freeze rule, and reads each record once).
	pub fn check_transaction_allowance_of(
		who: &T::AccountId,
		standing: &SenderStanding,
		cost: TransactionCost,
		governance_call: bool,
	) -> Result<SenderClass, AllowanceRefusal> {
		let class = standing.class;
		match standing.compliance {
			Ok(()) => {},
			Err(ComplianceFailure::Sanctioned | ComplianceFailure::JurisdictionBlocked | ComplianceFailure::Expired)
				if class == SenderClass::Keyholder && governance_call => {},
			Err(failure) => return Err(AllowanceRefusal::NotCompliant(failure)),
		}
		Self::current_usage(who)
			.plus(cost, &Self::budget(class))
			.map(|_| class)
			.ok_or(AllowanceRefusal::RateLimited)
	}

	/// Charges one feeless transaction of `cost` to `who`'s current window.
	/// Saturates rather than fails: validation already checked the budget.
	///
	/// Deliberately emits no event: it runs for every feeless transaction, an
	/// event each would double the event load of the chain and say nothing the
	/// transaction's own events and the block do not already say.
	pub fn note_transaction(who: &T::AccountId, cost: TransactionCost) {
		let usage = Self::current_usage(who);
		TransactionAllowance::<T>::insert(
			who,
			TransactionUsage {
				window_start: usage.window_start,
				transactions: usage.transactions.saturating_add(1),
				ref_time: usage.ref_time.saturating_add(cost.ref_time),
				bytes: usage.bytes.saturating_add(cost.bytes),
			},
		);
	}

	/// Gives back to `who`'s current window the part of a transaction's
	/// declared compute the block did not charge it (a transfer between two
	/// holders, a batch whose legs opened no holding): the window counts
	/// what the block counted. It rewrites the record
	/// [`Self::note_transaction`] wrote for the same transaction, in the same
	/// block; no event, for the same reason.
	pub fn refund_transaction(who: &T::AccountId, unspent_ref_time: u64) {
		TransactionAllowance::<T>::mutate(who, |usage| {
			if let Some(usage) = usage {
				usage.ref_time = usage.ref_time.saturating_sub(unspent_ref_time);
			}
		});
	}

	/// A governance keyholder: a live (not revoked) identity holding a role,
	/// or an account signing for a committee.
	pub fn sender_class(who: &T::AccountId) -> SenderClass {
		Self::class_of(who, Identities::<T>::get(who).as_ref())
	}

	/// `who`'s class and compliance, reading its identity record once.
	pub fn sender_standing(who: &T::AccountId) -> SenderStanding {
		let record = Identities::<T>::get(who);
		SenderStanding {
			class: Self::class_of(who, record.as_ref()),
			compliance: Self::compliance_of(who, record.as_ref(), Self::now()),
		}
	}

	fn class_of(who: &T::AccountId, record: Option<&IdentityRecord<T::AccountId>>) -> SenderClass {
		let holds_role =
			record.is_some_and(|record| record.status != IdentityStatus::Revoked && record.roles != Roles::empty());
		if holds_role || CommitteeSignerOf::<T>::contains_key(who) {
			SenderClass::Keyholder
		} else {
			SenderClass::Customer
		}
	}

	fn budget(class: SenderClass) -> TransactionBudget {
		match class {
			SenderClass::Customer => T::CustomerBudget::get(),
			SenderClass::Keyholder => T::KeyholderBudget::get(),
		}
	}

	/// `who`'s usage as of the current block: a window that has run its
	/// length starts afresh, empty, at this block.
	fn current_usage(who: &T::AccountId) -> TransactionUsage<BlockNumberFor<T>> {
		let block = frame_system::Pallet::<T>::block_number();
		match TransactionAllowance::<T>::get(who) {
			Some(usage) if block < usage.window_start.saturating_add(T::TransactionWindow::get()) =>
				usage,
			_ => TransactionUsage { window_start: block, ..Default::default() },
		}
	}

	/// Everything a client needs to judge `who`, as of now.
	pub fn identity_summary(who: &T::AccountId) -> Option<IdentitySummary> {
		let record = Identities::<T>::get(who)?;
		Some(IdentitySummary {
			status: record.status_at(Self::now()),
			jurisdiction: record.jurisdiction,
			category: record.category,
			roles: record.roles.bits(),
			expires_at: record.expires_at,
			sanctioned: SanctionedAccounts::<T>::contains_key(who),
			jurisdiction_blocked: BlockedJurisdictions::<T>::contains_key(record.jurisdiction),
			lei: record.lei,
			bic: record.bic,
		})
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
			ensure!(identity.who != identity.verifier, Error::<T>::SelfAttestation);
			ensure!(
				!identity.roles.iter().any(|role| COLLECTIVE_ROLES.contains(role)),
				Error::<T>::CollectiveRoleNeedsCommittee
			);
			Self::insert_new_identity(
				&identity.who,
				IdentityRecord {
					status: IdentityStatus::Verified,
					jurisdiction: identity.jurisdiction,
					category: identity.category,
					roles: Roles::from_roles(&identity.roles),
					expires_at: identity.expires_at,
					lei: identity.lei,
					bic: identity.bic,
					travel_rule_hash: None,
					verifier: identity.verifier.clone(),
					registered_at: 0,
				},
			);
		}
		for (role, signers, threshold) in &config.committees {
			// No clock at genesis: time 0.
			Self::do_set_committee(*role, signers.clone(), *threshold, 0)?;
		}
		Ok(())
	}

	/// Invariants of the register, for `try_state` and the tests:
	/// - each committee's account holds its role, is verified and never
	///   expires, and no other identity holds a collective role;
	/// - `CommitteeSignerOf` indexes exactly the committees' signers;
	/// - every account with an identity has a provider reference.
	pub fn do_try_state() -> Result<(), &'static str> {
		for role in COLLECTIVE_ROLES {
			if let Some(committee) = RoleCommittees::<T>::get(role) {
				let record = Identities::<T>::get(&committee.account).ok_or("committee account without identity")?;
				ensure!(record.roles.contains(role), "committee account without its role");
				ensure!(record.status == IdentityStatus::Verified, "committee account not verified");
				ensure!(record.expires_at == NEVER_EXPIRES, "committee account can expire");
				for signer in committee.signers.iter() {
					ensure!(
						CommitteeSignerOf::<T>::get(signer).is_some_and(|roles| roles.contains(role)),
						"committee signer not indexed"
					);
				}
			}
		}
		for (signer, roles) in CommitteeSignerOf::<T>::iter() {
			ensure!(roles != Roles::empty(), "empty signer index entry");
			for role in roles.iter() {
				ensure!(
					RoleCommittees::<T>::get(role).is_some_and(|c| c.signers.contains(&signer)),
					"signer indexed for a committee it is not in"
				);
			}
		}
		for (who, record) in Identities::<T>::iter() {
			for role in COLLECTIVE_ROLES {
				if record.roles.contains(role) {
					ensure!(
						RoleCommittees::<T>::get(role).is_some_and(|c| c.account == who),
						"collective role held outside its committee"
					);
				}
			}
			ensure!(frame_system::Pallet::<T>::providers(&who) > 0, "identity account without provider");
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
