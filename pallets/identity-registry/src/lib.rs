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
//! ## Verifiers and the four-eyes path
//!
//! The governance origin appoints *trusted verifiers*, each for a bounded list
//! of jurisdictions. A verifier may register identities only in those
//! jurisdictions and grants no role: every role is a governance decision
//! ([`Pallet::set_roles`]).
//!
//! Registration always takes two pairs of eyes: a verifier registers the
//! identity as `Pending` ([`Pallet::register_pending_identity`]) and a
//! *different* verifier trusted for the same jurisdiction approves it
//! ([`Pallet::approve_identity`]). Nobody attests themselves: a verifier can
//! neither register, approve, renew, update nor revoke its own identity.
//! A KYC refresh that changes the MiFID II category, BIC or travel-rule hash
//! is [`Pallet::update_identity`].
//!
//! ## Governed identities
//!
//! An identity that holds a role (all roles are granted by governance) or
//! whose account signs for a committee is *governed*: only governance renews,
//! updates or revokes it. A verifier could otherwise take the council's,
//! a committee's or a validator bank's powers away by revoking it or by
//! renewing it to expire in a second. Revocation is final: a revoked account
//! is never registered again (a new account is). A committee's own account
//! is never revoked and never expires; governance rotates the committee.
//!
//! ## Sanctions
//!
//! Sanctions screening runs off chain against the consolidated lists; the
//! compliance officer ([`Config::SanctionsOrigin`]) records the outcome:
//!
//! - **sanctioned accounts** — a hit on one account. A sanctioned account fails
//!   [`tokenize_primitives::Compliance::check_compliance`] and loses every role
//!   (see below) until unsanctioned. Entries are keyed by account and created
//!   only by this privileged origin, so the map grows only as fast as the
//!   compliance officer acts; an account unsanctioned is removed.
//! - **blocked jurisdictions** — a country the consortium refuses entirely
//!   (embargo, FATF call for action). Keyed by ISO 3166-1 alpha-2 code: at most
//!   26 × 26 entries can ever exist.
//! - **sanctions-list root** — the hash, version and publication time of the
//!   consolidated list the screening currently uses, so an auditor can tell
//!   which list a decision was based on. Versions only increase.
//!
//! Committee accounts cannot be sanctioned: a single officer must not be able
//! to silence an n-of-m council; governance rotates a compromised signer out.
//!
//! ## What "compliant" and "holds a role" mean
//!
//! - `is_verified(who)`: an identity that is `Verified` and not expired.
//! - `check_compliance(who)`: verified, not expired, not sanctioned, and its
//!   jurisdiction not blocked. The error names the first failed check, in the
//!   order `NotRegistered, Pending, Revoked, Expired, Sanctioned,
//!   JurisdictionBlocked`. Every movement of permissioned value uses this.
//! - `has_role(who, role)`: verified, not expired, **not sanctioned**, and the
//!   role is in the identity. A sanctioned account loses its powers at once.
//!   A blocked jurisdiction deliberately does *not* take roles away: blocking a
//!   country stops value moving to and from it, but must not be able to disable
//!   the governance council or the validator banks seated there (that would
//!   stall the consortium with one call); targeted removal of a role is a
//!   sanction, a revocation or `set_roles`.
//!
//! ## Collective roles held by multisig committees
//!
//! `GovernanceCouncil`, `SettlementCommittee` and `ComplianceDepositary` are held
//! by pallet-multisig accounts. Governance names the signers and the threshold
//! ([`Pallet::set_committee`]); the pallet derives the multisig account
//! ([`Config::Multisig`]), withdraws the role from the previous committee
//! account and grants it to the new one (creating a `Verified` identity for it,
//! in the first signer's jurisdiction, when it has none). Every signer must
//! pass the compliance check. `EnsureRole` origins therefore follow a rotation
//! at once: the old account is refused from the next call on.
//!
//! ## Feeless transactions within a budget
//!
//! Bank customers never pay fees. The runtime's fee policy lets compliant
//! identities transact feelessly within a budget per
//! [`Config::TransactionWindow`] blocks that bounds the number of
//! transactions, their declared compute and their length
//! ([`Config::CustomerBudget`]; governance keyholders, who submit for their
//! customers and run the consortium, get [`Config::KeyholderBudget`]):
//! [`Pallet::check_transaction_allowance`] (read-only, at transaction
//! validation, so spam never enters the pool) and
//! [`Pallet::note_transaction`] (charges it when the transaction is applied).
//!
//! A *governance keyholder* is an account with a live (not revoked) identity
//! that holds a role or signs for a committee. For its governance calls (the
//! runtime says which calls those are) the compliance officer's decisions —
//! a sanction, a blocked jurisdiction — and a lapsed KYC do not refuse the
//! transaction: one officer must not be able to lock the council, the
//! committees or the validator banks out, nor lock herself out of undoing a
//! block. What the keyholder may do with value is still checked at dispatch.
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::add_verifier`] | governance | `VerifierAdded` |
//! | [`Pallet::remove_verifier`] | governance | `VerifierRemoved` |
//! | [`Pallet::renew_identity`] | governance, or a verifier for its jurisdiction (ungoverned identities) | `IdentityRenewed` |
//! | [`Pallet::revoke_identity`] | governance, or a verifier for its jurisdiction (ungoverned identities) | `IdentityRevoked` |
//! | [`Pallet::set_roles`] | governance | `RolesChanged` |
//! | [`Pallet::register_pending_identity`] | trusted verifier for its jurisdiction | `IdentityPending` |
//! | [`Pallet::approve_identity`] | another trusted verifier for its jurisdiction | `IdentityApproved` |
//! | [`Pallet::update_identity`] | governance, or a verifier for its jurisdiction (ungoverned identities) | `IdentityUpdated` |
//! | [`Pallet::sanction_account`] | sanctions (compliance officer) | `AccountSanctioned` |
//! | [`Pallet::unsanction_account`] | sanctions (compliance officer) | `AccountUnsanctioned` |
//! | [`Pallet::block_jurisdiction`] | sanctions (compliance officer) | `JurisdictionBlocked` |
//! | [`Pallet::unblock_jurisdiction`] | sanctions (compliance officer) | `JurisdictionUnblocked` |
//! | [`Pallet::set_sanctions_list_root`] | sanctions (compliance officer) | `SanctionsListRootSet` |
//! | [`Pallet::set_committee`] | governance | `RolesChanged` / `IdentityRegistered` for the accounts, `CommitteeRotated` |
//!
//! ## Provides
//!
//! [`tokenize_primitives::Compliance`]: `is_verified`, `has_role`,
//! `jurisdiction`, `same_legal_entity`, `check_compliance`, `category`,
//! `is_jurisdiction_blocked`. Other pallets use only that trait. For the
//! runtime: [`Pallet::identity_summary`] (runtime API),
//! [`Pallet::check_transaction_allowance`] and [`Pallet::note_transaction`]
//! (fee policy).

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

use tokenize_primitives::InvestorCategory;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use tokenize_primitives::{Jurisdiction, MultisigAccount, Role, Roles};

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state().map_err(Into::into)
		}
	}

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Appoints verifiers, grants roles, revokes any identity, sets committees.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Records sanctions decisions (the compliance officer); yields the
		/// officer's account for the audit trail in events.
		type SanctionsOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Derives the pallet-multisig account of a committee from its signers.
		type Multisig: MultisigAccount<Self::AccountId>;
		/// Wall-clock time, for expiry.
		type TimeProvider: UnixTime;
		/// Most jurisdictions one verifier may be trusted for.
		#[pallet::constant]
		type MaxJurisdictionsPerVerifier: Get<u32>;
		/// Longest validity a verifier may give an identity, in seconds (KYC refresh cycle).
		#[pallet::constant]
		type MaxValiditySeconds: Get<u64>;
		/// Most signers a committee may have (at most pallet-multisig's `MaxSignatories`).
		#[pallet::constant]
		type MaxCommitteeSize: Get<u32>;
		/// What a customer may put into blocks per window.
		#[pallet::constant]
		type CustomerBudget: Get<TransactionBudget>;
		/// What a governance keyholder (role holder, committee signer) may put
		/// into blocks per window.
		#[pallet::constant]
		type KeyholderBudget: Get<TransactionBudget>;
		/// Length of the feeless-transaction window, in blocks.
		#[pallet::constant]
		type TransactionWindow: Get<BlockNumberFor<Self>>;
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

	/// Accounts on the sanctions list. Written only by `SanctionsOrigin`, one
	/// entry per screening hit, removed on unsanctioning: growth is bounded by
	/// the privileged origin, not by users.
	#[pallet::storage]
	pub type SanctionedAccounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SanctionEntry, OptionQuery>;

	/// Jurisdictions the consortium blocked, with the Unix time of the block.
	/// Only well-formed ISO 3166-1 codes are accepted, so at most 676 entries.
	#[pallet::storage]
	pub type BlockedJurisdictions<T: Config> =
		StorageMap<_, Blake2_128Concat, Jurisdiction, u64, OptionQuery>;

	/// The consolidated sanctions list the screening currently runs against.
	#[pallet::storage]
	pub type SanctionsListRoot<T: Config> = StorageValue<_, SanctionsList, OptionQuery>;

	/// The multisig committee holding each collective role.
	#[pallet::storage]
	pub type RoleCommittees<T: Config> = StorageMap<_, Blake2_128Concat, Role, Committee<T>, OptionQuery>;

	/// The committees each account signs for, as the set of their roles: the
	/// index behind "is this account a governance keyholder" (one read).
	/// Written only by [`Pallet::set_committee`], so at most
	/// `3 × MaxCommitteeSize` entries.
	#[pallet::storage]
	pub type CommitteeSignerOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Roles, OptionQuery>;

	/// Feeless-transaction bookkeeping: what the account used of its budget in
	/// its current window. One entry per account that transacted; only
	/// registered identities pass validation, so growth follows the register.
	#[pallet::storage]
	pub type TransactionAllowance<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, TransactionUsage<BlockNumberFor<T>>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(verifier, jurisdictions)`.
		pub verifiers: alloc::vec::Vec<(T::AccountId, alloc::vec::Vec<Jurisdiction>)>,
		/// Identities verified at genesis (the founding banks, the role accounts).
		pub identities: alloc::vec::Vec<GenesisIdentity<T::AccountId>>,
		/// `(collective role, signers, threshold)`: committees formed at genesis,
		/// with the rules of [`Pallet::set_committee`]. Optional so that chain
		/// specs written before committees existed stay valid.
		#[serde(default)]
		pub committees: alloc::vec::Vec<(Role, alloc::vec::Vec<T::AccountId>, u16)>,
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
		/// Governance changed an identity's roles (directly or by a committee rotation).
		RolesChanged { who: T::AccountId, roles: Roles },
		/// An identity was registered as pending; a second verifier must approve it.
		IdentityPending {
			who: T::AccountId,
			verifier: T::AccountId,
			jurisdiction: Jurisdiction,
			roles: Roles,
			expires_at: u64,
		},
		/// A second verifier approved a pending identity; it is now verified.
		IdentityApproved { who: T::AccountId, registrar: T::AccountId, approver: T::AccountId },
		/// A KYC refresh changed the identity's category, BIC or travel-rule
		/// hash; `verifier` is `None` when governance made the change.
		IdentityUpdated {
			who: T::AccountId,
			verifier: Option<T::AccountId>,
			category: InvestorCategory,
			bic: Option<Bic>,
			travel_rule_hash: Option<DataHash>,
		},
		/// The account was put on the sanctions list.
		AccountSanctioned { who: T::AccountId, officer: T::AccountId, list_root: Option<DataHash> },
		/// The account was taken off the sanctions list.
		AccountUnsanctioned { who: T::AccountId, officer: T::AccountId },
		/// Every identity of the jurisdiction now fails the compliance check.
		JurisdictionBlocked { jurisdiction: Jurisdiction, officer: T::AccountId },
		/// The jurisdiction is no longer blocked.
		JurisdictionUnblocked { jurisdiction: Jurisdiction, officer: T::AccountId },
		/// Screening now runs against this consolidated sanctions list.
		SanctionsListRootSet { root: DataHash, version: u32, published_at: u64, officer: T::AccountId },
		/// A collective role moved to the multisig account of a new committee.
		CommitteeRotated {
			role: Role,
			account: T::AccountId,
			previous: Option<T::AccountId>,
			signers: alloc::vec::Vec<T::AccountId>,
			threshold: u16,
		},
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
		/// A role bit that names no role.
		UnknownRole,
		/// The identity is not pending approval.
		NotPending,
		/// Four-eyes: the verifier that registered a pending identity may not approve it.
		FourEyesRequired,
		/// The account is already on the sanctions list.
		AlreadySanctioned,
		/// The account is not on the sanctions list.
		NotSanctioned,
		/// The account holds a collective role; rotate its committee instead.
		CommitteeAccountNotSanctionable,
		/// The jurisdiction is already blocked.
		JurisdictionAlreadyBlocked,
		/// The jurisdiction is not blocked.
		JurisdictionNotBlocked,
		/// The list version is not newer than the one recorded.
		StaleSanctionsList,
		/// Committees hold only GovernanceCouncil, SettlementCommittee or ComplianceDepositary.
		NotACollectiveRole,
		/// A committee needs at least one signer.
		NoSigners,
		/// More distinct signers than `MaxCommitteeSize`.
		TooManySigners,
		/// The threshold must be between 1 and the number of distinct signers.
		InvalidThreshold,
		/// Every signer must pass the compliance check.
		SignerNotCompliant,
		/// The committee's account has a pending or revoked identity.
		CommitteeAccountNotVerified,
		/// The committee's account is on the sanctions list.
		CommitteeAccountSanctioned,
		/// Nobody registers, approves, renews, updates or revokes their own identity.
		SelfAttestation,
		/// The identity holds a role or signs for a committee: only governance
		/// renews, updates or revokes it.
		GovernedIdentity,
		/// A committee's account is never revoked: rotate the committee instead.
		CommitteeAccountNotRevocable,
		/// Collective roles move only with their committee (`set_committee`).
		CollectiveRoleNeedsCommittee,
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

		/// Extend an identity's validity after a KYC refresh.
		///
		/// Origin: governance, or a trusted verifier for the identity's
		/// jurisdiction when the identity is not governed and not its own.
		/// Emits `IdentityRenewed`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::renew_identity())]
		pub fn renew_identity(
			origin: OriginFor<T>,
			who: T::AccountId,
			expires_at: u64,
		) -> DispatchResult {
			let attester = Self::attester(origin)?;
			Self::do_renew_identity(attester, who, expires_at)
		}

		/// Revoke an identity. The account fails every compliance check from
		/// this block on; a validator holding it leaves at the next session.
		///
		/// The revocation is final: the account is never registered again.
		/// A committee's own account cannot be revoked (rotate the committee).
		///
		/// Origin: governance, or a trusted verifier for the identity's
		/// jurisdiction when the identity is not governed and not its own.
		/// Emits `IdentityRevoked`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke_identity())]
		pub fn revoke_identity(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: RevocationReason,
		) -> DispatchResult {
			let attester = Self::attester(origin)?;
			Self::do_revoke_identity(attester, who, reason)
		}

		/// Replace the roles of an identity. The collective roles
		/// (GovernanceCouncil, SettlementCommittee, ComplianceDepositary) are
		/// neither granted nor taken here: they move with `set_committee`.
		///
		/// Origin: governance. Emits `RolesChanged`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_roles())]
		pub fn set_roles(origin: OriginFor<T>, who: T::AccountId, roles: Roles) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_roles(who, roles)
		}

		/// Register `who` as `Pending`: the first half of the four-eyes KYC
		/// every identity goes through. The identity passes no compliance
		/// check until another verifier approves it. A revoked account cannot
		/// be registered again.
		///
		/// Origin: a trusted verifier for `details.jurisdiction`, other than `who`.
		/// Emits `IdentityPending`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_pending_identity())]
		pub fn register_pending_identity(
			origin: OriginFor<T>,
			who: T::AccountId,
			details: IdentityDetails,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			Self::do_register_pending_identity(verifier, who, details)
		}

		/// Approve a pending identity: the second half of a four-eyes KYC.
		///
		/// Origin: a trusted verifier for the identity's jurisdiction other
		/// than the one that registered it and other than `who`.
		/// Emits `IdentityApproved`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::approve_identity())]
		pub fn approve_identity(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let approver = ensure_signed(origin)?;
			Self::do_approve_identity(approver, who)
		}

		/// Record a KYC refresh: a new MiFID II category, BIC or travel-rule
		/// data hash (`None` clears the BIC or the hash).
		///
		/// Origin: governance, or a trusted verifier for the identity's
		/// jurisdiction when the identity is not governed and not its own.
		/// Emits `IdentityUpdated`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::update_identity())]
		pub fn update_identity(
			origin: OriginFor<T>,
			who: T::AccountId,
			category: InvestorCategory,
			bic: Option<Bic>,
			travel_rule_hash: Option<DataHash>,
		) -> DispatchResult {
			let attester = Self::attester(origin)?;
			Self::do_update_identity(attester, who, category, bic, travel_rule_hash)
		}

		/// Put `who` on the sanctions list after a screening hit, optionally
		/// naming the root of the list it matched. The account fails the
		/// compliance check and loses its roles at once.
		///
		/// Origin: sanctions (compliance officer). Emits `AccountSanctioned`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::sanction_account())]
		pub fn sanction_account(
			origin: OriginFor<T>,
			who: T::AccountId,
			list_root: Option<DataHash>,
		) -> DispatchResult {
			let officer = T::SanctionsOrigin::ensure_origin(origin)?;
			Self::do_sanction_account(officer, who, list_root)
		}

		/// Take `who` off the sanctions list (false positive, delisting).
		///
		/// Origin: sanctions (compliance officer). Emits `AccountUnsanctioned`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::unsanction_account())]
		pub fn unsanction_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let officer = T::SanctionsOrigin::ensure_origin(origin)?;
			Self::do_unsanction_account(officer, who)
		}

		/// Block a jurisdiction: every identity in it fails the compliance check.
		///
		/// Origin: sanctions (compliance officer). Emits `JurisdictionBlocked`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::block_jurisdiction())]
		pub fn block_jurisdiction(origin: OriginFor<T>, jurisdiction: Jurisdiction) -> DispatchResult {
			let officer = T::SanctionsOrigin::ensure_origin(origin)?;
			Self::do_block_jurisdiction(officer, jurisdiction)
		}

		/// Lift the block on a jurisdiction.
		///
		/// Origin: sanctions (compliance officer). Emits `JurisdictionUnblocked`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::unblock_jurisdiction())]
		pub fn unblock_jurisdiction(origin: OriginFor<T>, jurisdiction: Jurisdiction) -> DispatchResult {
			let officer = T::SanctionsOrigin::ensure_origin(origin)?;
			Self::do_unblock_jurisdiction(officer, jurisdiction)
		}

		/// Record the hash of the consolidated sanctions list the off-chain
		/// screening now runs against. `list_version` must exceed the recorded one.
		///
		/// Origin: sanctions (compliance officer). Emits `SanctionsListRootSet`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_sanctions_list_root())]
		pub fn set_sanctions_list_root(
			origin: OriginFor<T>,
			root: DataHash,
			list_version: u32,
			published_at: u64,
		) -> DispatchResult {
			let officer = T::SanctionsOrigin::ensure_origin(origin)?;
			Self::do_set_sanctions_list_root(officer, root, list_version, published_at)
		}

		/// Hand a collective role to the multisig of `signers` (sorted and
		/// deduplicated here) with `threshold`. The previous committee account
		/// loses the role; the new one gains it (and a verified identity in the
		/// first signer's jurisdiction, if it has none) and never expires.
		///
		/// Origin: governance. Emits `RolesChanged` for the previous account,
		/// `IdentityRegistered` or `RolesChanged` for the new one, then
		/// `CommitteeRotated`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_committee(signers.len() as u32))]
		pub fn set_committee(
			origin: OriginFor<T>,
			role: Role,
			signers: alloc::vec::Vec<T::AccountId>,
			threshold: u16,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_committee(role, signers, threshold, Self::now()).map_err(Into::into)
		}
	}
}
