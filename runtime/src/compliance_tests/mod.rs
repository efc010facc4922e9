//! Runtime-level tests of the compliance layer, against the real `Runtime`:
//! real pallets, real origins, the real call filter and transaction policy.
//!
//! - [`ledger`]: a property test over random sequences of transfers, freezes,
//!   unfreezes, confiscations, mints, burns and forced transfers of one
//!   permissioned asset, checking the ledger's invariants after every step;
//! - [`roles`]: every privileged call of the compliance layer refuses every
//!   account that does not hold its role, and admits the one that does;
//! - [`policy`]: `VerifiedSender`'s refusal codes and `ConsortiumCallFilter`;
//! - [`deposits`]: a property test over random sequences of the EUR deposit
//!   lifecycle through the real pallets, and the paths provisional deposit
//!   tokens must never leave by;
//! - [`payments`]: the same for the payment rail's escrow.
//!
//! The chain is a hand-made genesis in which every role sits on its own
//! account, so a test can tell exactly who is refused and who is admitted.

mod attacks;
mod deposits;
mod funds;
mod governance;
mod ledger;
mod payments;
mod policy;
mod roles;

use crate::{
	AccountId, AssetId, AssetsConfig, Balance, BalancesConfig, BlockNumber, CompliantAssets, GovernanceConfig,
	IdentityRegistryConfig,
	NodeAuthorizationConfig, Runtime, RuntimeCall, RuntimeGenesisConfig, RuntimeOrigin, SessionConfig, SessionKeys,
	SudoConfig, System, ValidatorSetConfig, UNIT,
};
use frame_support::{assert_ok, traits::fungibles::Inspect};
use pallet_compliant_assets::{AgentRole, AgentRoles, RulesInputOf};
use pallet_identity_registry::GenesisIdentity;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{traits::Dispatchable, BuildStorage, DispatchError};
use tokenize_primitives::{InvestorCategory, Jurisdiction, Lei, Role};

/// Wall clock of every test: a day into 2027, in milliseconds.
pub(super) const NOW_MS: u64 = 1_798_848_000_000;
/// Unix seconds of [`NOW_MS`].
pub(super) const NOW: u64 = NOW_MS / 1000;
/// Genesis identities stay valid until 2030-01-01.
pub(super) const GENESIS_EXPIRY: u64 = 1_893_456_000;
/// Blocks a governance proposal waits on the test chain.
pub(super) const TEST_ENACTMENT_DELAY: BlockNumber = 5;
/// A plain (not permissioned) pallet-assets asset created at genesis.
pub(super) const PLAIN_ASSET: AssetId = 7;
/// Holding of the plain asset `holder(0)` starts with.
pub(super) const PLAIN_HOLDING: Balance = 1_000;

pub(super) const DE: Jurisdiction = Jurisdiction(*b"DE");
pub(super) const FR: Jurisdiction = Jurisdiction(*b"FR");
pub(super) const US: Jurisdiction = Jurisdiction(*b"US");

/// Number of retail holders in the genesis.
pub(super) const HOLDERS: usize = 5;

/// A deterministic account for a test actor.
pub(super) fn named(name: &str) -> AccountId {
	AccountId::new(sp_io::hashing::blake2_256(name.as_bytes()))
}

/// The validator bank (Alice's keys, so that session and Aura have an authority).
pub(super) fn bank() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
/// A second validator bank (Bob's keys).
pub(super) fn bank2() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
/// A verified bank that is not a validator.
pub(super) fn bank3() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
/// Trusted KYC verifier for DE, FR and US.
pub(super) fn verifier() -> AccountId {
	named("kyc-verifier")
}
/// A second trusted KYC verifier, for DE and FR.
pub(super) fn second_verifier() -> AccountId {
	named("kyc-verifier-2")
}
pub(super) fn officer() -> AccountId {
	named("compliance-officer")
}
/// Signers of the committees (each a verified identity without roles).
pub(super) fn signer(i: u8) -> AccountId {
	named(&alloc::format!("committee-signer-{i}"))
}
pub(super) fn supply_agent() -> AccountId {
	named("supply-agent")
}
pub(super) fn freeze_agent() -> AccountId {
	named("freeze-agent")
}
pub(super) fn enforcement_agent() -> AccountId {
	named("forced-transfer-agent")
}
pub(super) fn recovery_agent() -> AccountId {
	named("recovery-agent")
}
/// The issuing bank of deposit tokens (MintOperator), its own legal entity.
pub(super) fn mint_operator() -> AccountId {
	named("mint-operator")
}
/// The depositary of deposit tokens (Depositary), another legal entity.
pub(super) fn reserve_depositary() -> AccountId {
	named("reserve-depositary")
}
/// A deposit token issued by [`mint_operator`] and attested by
/// `depositary`, with a 100-block clearing window.
pub(super) fn deposit_token(
	depositary: AccountId,
	max_attestation_age: BlockNumber,
	min_redemption: Balance,
) -> pallet_mint_escrow::DepositTokenOf<Runtime> {
	pallet_mint_escrow::DepositToken {
		issuer: mint_operator(),
		depositary,
		reserve_account: sp_core::H256::repeat_byte(0xAA),
		clearing_window: 100,
		max_attestation_age,
		min_redemption,
	}
}
/// Verified retail holders, all in DE.
/// The funds' manager (FundManager role).
pub(super) fn fund_manager() -> AccountId {
	named("fund-manager")
}
/// A price submitter (OracleSubmitter role) of the NAV oracle.
pub(super) fn oracle_submitter() -> AccountId {
	named("oracle-submitter")
}
pub(super) fn holder(i: usize) -> AccountId {
	named(&alloc::format!("holder-{i}"))
}
/// Has native balance but no identity at all.
pub(super) fn stranger() -> AccountId {
	named("stranger")
}

/// The multisig account a collective role was given to at genesis.
pub(super) fn committee(role: Role) -> AccountId {
	pallet_identity_registry::RoleCommittees::<Runtime>::get(role).expect("genesis formed the committee").account
}
pub(super) fn council() -> AccountId {
	committee(Role::GovernanceCouncil)
}
pub(super) fn depositary() -> AccountId {
	committee(Role::ComplianceDepositary)
}
pub(super) fn settlement_committee() -> AccountId {
	committee(Role::SettlementCommittee)
}

/// A verified genesis identity, KYC'd by [`verifier`] (the verifier itself by
/// [`second_verifier`]: nobody attests themselves), valid until [`GENESIS_EXPIRY`].
fn genesis_identity(
	(who, jurisdiction, category, roles, lei): (AccountId, Jurisdiction, InvestorCategory, Vec<Role>, Option<Lei>),
) -> GenesisIdentity<AccountId> {
	let verifier = if who == verifier() { second_verifier() } else { verifier() };
	GenesisIdentity { who, verifier, jurisdiction, category, roles, expires_at: GENESIS_EXPIRY, lei, bic: None }
}

/// Accounts with a role-less verified identity: committee signers, agents, holders.
fn plain_identities() -> Vec<AccountId> {
	let mut accounts: Vec<AccountId> = (1..=3).map(signer).collect();
	accounts.extend([supply_agent(), freeze_agent(), enforcement_agent(), recovery_agent()]);
	accounts.extend((0..HOLDERS).map(holder));
	accounts
}

/// A peer id of the node allowlist.
pub(super) fn peer(n: u8) -> sp_core::OpaquePeerId {
	sp_core::OpaquePeerId(alloc::vec![n; 38])
}

/// The test chain: two validator banks, a third bank, two verifiers, the
/// compliance officer, three committees (council 2-of-3, settlement 3-of-3,
/// compliance + depositary 2-of-2), four would-be asset agents, five retail
/// holders and a stranger without identity. Everybody has native balance.
pub(super) fn new_ext() -> sp_io::TestExternalities {
	use InvestorCategory::*;
	let lei = |code: &[u8; 20]| Some(Lei(*code));
	let bank_role = || alloc::vec![Role::Bank];
	let mut identities: Vec<GenesisIdentity<AccountId>> = [
		(bank(), DE, EligibleCounterparty, bank_role(), lei(b"529900TESTBANK000001")),
		(bank2(), FR, EligibleCounterparty, bank_role(), lei(b"969500TESTBANK000002")),
		(bank3(), US, EligibleCounterparty, bank_role(), lei(b"549300TESTBANK000003")),
		(verifier(), DE, Professional, alloc::vec![Role::KycVerifier], None),
		(second_verifier(), FR, Professional, alloc::vec![Role::KycVerifier], None),
		(officer(), DE, Professional, alloc::vec![Role::ComplianceOfficer], None),
		(mint_operator(), DE, EligibleCounterparty, alloc::vec![Role::MintOperator], lei(b"529900TESTISSUER0004")),
		(reserve_depositary(), DE, EligibleCounterparty, alloc::vec![Role::Depositary], lei(b"529900TESTCUSTODY005")),
		(oracle_submitter(), DE, Professional, alloc::vec![Role::OracleSubmitter], None),
		(fund_manager(), DE, EligibleCounterparty, alloc::vec![Role::FundManager], lei(b"529900TESTFUNDMGR006")),
		(crate::Tmmf::cash_account(), DE, EligibleCounterparty, alloc::vec![], None),
		(crate::Tmf::cash_account(), DE, EligibleCounterparty, alloc::vec![], None),
	]
	.into_iter()
	.map(genesis_identity)
	.collect();
	identities
		.extend(plain_identities().into_iter().map(|who| genesis_identity((who, DE, Retail, alloc::vec![], None))));
	let signers = |n: u8| (1..=n).map(signer).collect::<Vec<_>>();
	let mut endowed: Vec<AccountId> = identities.iter().map(|i| i.who.clone()).collect();
	endowed.push(stranger());
	let keys =
		|sr: Sr25519Keyring, ed: Ed25519Keyring| SessionKeys { aura: sr.public().into(), grandpa: ed.public().into() };
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, 1_000 * UNIT)).collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: None },
		identity_registry: IdentityRegistryConfig {
			verifiers: alloc::vec![(verifier(), alloc::vec![DE, FR, US]), (second_verifier(), alloc::vec![DE, FR])],
			identities,
			committees: alloc::vec![
				(Role::GovernanceCouncil, signers(3), 2),
				(Role::SettlementCommittee, signers(3), 3),
				(Role::ComplianceDepositary, signers(2), 2),
			],
		},
		validator_set: ValidatorSetConfig { validators: alloc::vec![bank(), bank2()], minimum_validators: 1 },
		session: SessionConfig {
			keys: alloc::vec![
				(bank(), bank(), keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)),
				(bank2(), bank2(), keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob)),
			],
			..Default::default()
		},
		node_authorization: NodeAuthorizationConfig { nodes: alloc::vec![(peer(1), bank())] },
		governance: GovernanceConfig { enactment_delay: TEST_ENACTMENT_DELAY },
		assets: AssetsConfig {
			assets: alloc::vec![(PLAIN_ASSET, bank(), true, 1)],
			accounts: alloc::vec![(PLAIN_ASSET, holder(0), PLAIN_HOLDING)],
			..Default::default()
		},
		..Default::default()
	};
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("genesis builds").into();
	ext.execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW_MS);
		// Events are only kept from block 1 on.
		System::set_block_number(1);
	});
	ext
}

/// Creates the permissioned asset `id` with `rules` (origin: root, the dev
/// chain's stand-in for the council).
pub(super) fn create_permissioned_asset(id: AssetId, rules: RulesInputOf<Runtime>) {
	assert_ok!(CompliantAssets::create_asset(
		RuntimeOrigin::root(),
		id,
		b"Tokenized EUR deposit".to_vec(),
		b"EURT".to_vec(),
		2,
		rules
	));
}

/// Appoints `who` agent of `asset` with exactly `roles`.
pub(super) fn appoint(asset: AssetId, who: AccountId, roles: &[AgentRole]) {
	assert_ok!(CompliantAssets::add_agent(RuntimeOrigin::root(), asset, who, AgentRoles::from_roles(roles).bits()));
}

/// Council signer `me`'s multisig approval of `call` (the test chain's
/// council is 2 of signers 1-3).
pub(super) fn council_approval(
	me: u8,
	maybe_timepoint: Option<pallet_multisig::Timepoint<BlockNumber>>,
	call: &RuntimeCall,
) -> RuntimeCall {
	use frame_support::dispatch::GetDispatchInfo;
	let mut other_signatories: Vec<AccountId> = (1..=3).filter(|s| *s != me).map(signer).collect();
	other_signatories.sort();
	pallet_multisig::Call::<Runtime>::as_multi {
		threshold: 2,
		other_signatories,
		maybe_timepoint,
		call: alloc::boxed::Box::new(call.clone()),
		max_weight: call.get_dispatch_info().call_weight,
	}
	.into()
}

/// Signer 1 opens the council's multisig operation on `call`; returns its
/// timepoint, which the other approvals name.
pub(super) fn council_opens(call: &RuntimeCall) -> pallet_multisig::Timepoint<BlockNumber> {
	assert_ok!(dispatch(council_approval(1, None, call), RuntimeOrigin::signed(signer(1))));
	let call_hash = sp_io::hashing::blake2_256(&codec::Encode::encode(call));
	pallet_multisig::Multisigs::<Runtime>::get(council(), call_hash)
		.expect("the first approval opened the multisig operation")
		.when
}

/// Dispatches `call` as a transaction would after validation: through the
/// origin's call filter, in its own storage layer.
pub(super) fn dispatch(call: RuntimeCall, origin: RuntimeOrigin) -> Result<(), DispatchError> {
	outcome(call.dispatch(origin))
}

/// A call's outcome without what it reports after dispatch (its weight).
pub(super) fn outcome(result: frame_support::dispatch::DispatchResultWithPostInfo) -> Result<(), DispatchError> {
	result.map(|_| ()).map_err(|e| e.error)
}

/// Root of the whole state: equal roots mean nothing changed.
pub(super) fn state_root() -> alloc::vec::Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

pub(super) fn balance_of(asset: AssetId, who: &AccountId) -> Balance {
	<crate::Assets as Inspect<AccountId>>::balance(asset, who)
}

#[test]
fn test_chain_has_every_role_on_its_own_account() {
	use tokenize_primitives::Compliance;
	new_ext().execute_with(|| {
		let holders_of = |role: Role| -> Vec<AccountId> {
			pallet_identity_registry::Identities::<Runtime>::iter()
				.filter(|(who, _)| crate::IdentityRegistry::has_role(who, role))
				.map(|(who, _)| who)
				.collect()
		};
		assert_eq!(holders_of(Role::GovernanceCouncil), alloc::vec![council()]);
		assert_eq!(holders_of(Role::ComplianceDepositary), alloc::vec![depositary()]);
		assert_eq!(holders_of(Role::SettlementCommittee), alloc::vec![settlement_committee()]);
		assert_eq!(holders_of(Role::ComplianceOfficer), alloc::vec![officer()]);
		let mut verifiers = holders_of(Role::KycVerifier);
		verifiers.sort();
		let mut expected = alloc::vec![verifier(), second_verifier()];
		expected.sort();
		assert_eq!(verifiers, expected);
		let distinct: alloc::collections::BTreeSet<_> = [council(), depositary(), settlement_committee()].into();
		assert_eq!(distinct.len(), 3, "each committee has its own multisig account");
		assert!(crate::IdentityRegistry::is_verified(&holder(HOLDERS - 1)));
		assert!(!crate::IdentityRegistry::is_verified(&stranger()));
		assert_eq!(balance_of(PLAIN_ASSET, &holder(0)), PLAIN_HOLDING);
	});
}
