//! Every privileged call refuses every other role, on the real runtime.
//!
//! Each role sits on its own account ([`super::new_ext`]): the three
//! committees' multisig accounts, the compliance officer, two KYC verifiers, a
//! bank, a committee signer, the four agents of one asset, a holder and a
//! stranger without identity; plus the unsigned origin and root. For each
//! privileged call of the README's "who may call what" table the call is
//! dispatched from every one of them that does not hold the call's role: it
//! must fail with `BadOrigin` or the pallet's named refusal (not an agent, not
//! a trusted verifier, four eyes). Then each holder of
//! the role (and root where the dev chain lets sudo act for the role) makes
//! the call and must succeed — each in a layer that is rolled back, so every
//! case starts from the same state.

use super::*;
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::{GetCallMetadata, GetCallName},
};
use pallet_identity_registry::{IdentityDetails, RevocationReason};
use tokenize_primitives::{FreezeReason, OperationKind};

/// The permissioned asset the cases act on.
const ASSET: AssetId = 2_000;
/// An unused id, for `create_asset`.
const NEW_ASSET: AssetId = 2_001;
/// The deposit token of the mint-escrow cases: one pending deposit
/// ([`DEPOSIT`]) and one open redemption (id 0).
const DEPOSIT_TOKEN: AssetId = 2_002;
const DEPOSIT: sp_core::H256 = sp_core::H256::repeat_byte(1);
/// A document attached to [`ASSET`] at setup.
const DOCUMENT: &[u8] = b"terms-and-conditions";
/// The freeze entry placed on `holder(0)` at setup.
const ENTRY: u64 = 0;
const GB: Jurisdiction = Jurisdiction(*b"GB");
const YEAR: u64 = 365 * 24 * 3600;

/// An identity registered while the cases run; the second verifier put it
/// on file as pending.
fn pending_identity() -> AccountId {
	named("pending-identity")
}

#[derive(Clone)]
enum Actor {
	Signed(&'static str, AccountId),
	Unsigned,
	Root,
}

impl core::fmt::Debug for Actor {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Actor::Signed(name, _) => f.write_str(name),
			Actor::Unsigned => f.write_str("the unsigned origin"),
			Actor::Root => f.write_str("root"),
		}
	}
}

impl Actor {
	fn origin(&self) -> RuntimeOrigin {
		match self {
			Actor::Signed(_, who) => RuntimeOrigin::signed(who.clone()),
			Actor::Unsigned => RuntimeOrigin::none(),
			Actor::Root => RuntimeOrigin::root(),
		}
	}
}

fn actors() -> Vec<Actor> {
	let mut actors: Vec<Actor> = [
		("governance council", council()),
		("compliance + depositary", depositary()),
		("settlement committee", settlement_committee()),
		("compliance officer", officer()),
		("KYC verifier", verifier()),
		("second KYC verifier", second_verifier()),
		("bank", bank()),
		("a council signer alone", signer(1)),
		("supply agent", supply_agent()),
		("freeze agent", freeze_agent()),
		("forced-transfer agent", enforcement_agent()),
		("recovery agent", recovery_agent()),
		("mint operator", mint_operator()),
		("reserve depositary", reserve_depositary()),
		("oracle submitter", oracle_submitter()),
		("fund manager", fund_manager()),
		("holder", holder(0)),
		("stranger", stranger()),
	]
	.into_iter()
	.map(|(name, who)| Actor::Signed(name, who))
	.collect();
	actors.extend([Actor::Unsigned, Actor::Root]);
	actors
}

/// One row of the table: a privileged call and who may make it.
struct Case {
	call: RuntimeCall,
	/// The accounts holding the role the call needs.
	holders: Vec<AccountId>,
	/// Whether root (sudo, dev chain only) acts for the role.
	root: bool,
	/// Named errors a non-holder may be refused with, besides `BadOrigin`.
	refusals: Vec<DispatchError>,
	/// Puts the chain in the state the call acts on (rolled back with the case).
	prepare: fn(),
}

impl Case {
	fn new(call: impl Into<RuntimeCall>, holders: Vec<AccountId>, root: bool) -> Self {
		Case { call: call.into(), holders, root, refusals: alloc::vec![DispatchError::BadOrigin], prepare: || {} }
	}
	fn governance(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![council()], true)
	}
	fn compliance_officer(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![officer()], true)
	}
	fn compliance_depositary(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![depositary()], true)
	}
	fn trusted_verifiers(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![verifier(), second_verifier()], false)
			.refusing(pallet_identity_registry::Error::<Runtime>::NotTrustedVerifier)
	}
	/// Acts on an existing (ungoverned) identity: governance or a verifier.
	fn governance_or_verifiers(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![council(), verifier(), second_verifier()], true)
			.refusing(pallet_identity_registry::Error::<Runtime>::NotTrustedVerifier)
	}
	/// Only Root: on the consortium chain, an enacted governance proposal.
	fn root_only(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![], true)
	}
	/// A compliant-assets call of one agent role: other signers are "not an agent".
	fn asset_agent(call: impl Into<RuntimeCall>, agent: AccountId) -> Self {
		Self::new(call, alloc::vec![agent], false).refusing(pallet_compliant_assets::Error::<Runtime>::MissingAgentRole)
	}
	/// A deposit token's issuer call: other signers are "not the issuer".
	fn issuer(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![mint_operator()], false)
			.refusing(pallet_mint_escrow::Error::<Runtime>::NotIssuer)
	}
	/// A deposit token's depositary call: nobody else, governance included.
	fn reserve_depositary(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![reserve_depositary()], false)
			.refusing(pallet_mint_escrow::Error::<Runtime>::NotDepositary)
	}
	/// A payment-rail call of the settlement committee (root on the dev chain).
	fn settlement_committee(call: impl Into<RuntimeCall>) -> Self {
		Self::new(call, alloc::vec![settlement_committee()], true)
	}
	/// A freeze-pallet call of one agent role: its origin refuses with `BadOrigin`.
	fn freeze_origin(call: impl Into<RuntimeCall>, agent: AccountId) -> Self {
		Self::new(call, alloc::vec![agent], false)
	}
	fn refusing(mut self, error: impl Into<DispatchError>) -> Self {
		self.refusals.push(error.into());
		self
	}
	fn prepared(mut self, prepare: fn()) -> Self {
		self.prepare = prepare;
		self
	}

	fn admits(&self, actor: &Actor) -> bool {
		match actor {
			Actor::Signed(_, who) => self.holders.contains(who),
			Actor::Unsigned => false,
			Actor::Root => self.root,
		}
	}

	fn name(&self) -> alloc::string::String {
		let meta = self.call.get_call_metadata();
		alloc::format!("{}::{}", meta.pallet_name, meta.function_name)
	}
}

fn details(jurisdiction: Jurisdiction) -> IdentityDetails {
	IdentityDetails {
		jurisdiction,
		category: InvestorCategory::Retail,
		expires_at: NOW + YEAR,
		lei: None,
		bic: None,
		travel_rule_hash: None,
	}
}

fn corridor_params() -> pallet_corridor::ParamsInput<Runtime> {
	pallet_corridor::CorridorParams {
		min_amount: 1,
		max_amount: 1_000,
		daily_limit: 10_000,
		settlement_assets: alloc::vec![ASSET],
	}
}

fn throttle() -> pallet_circuit_breaker::ThrottleConfigOf<Runtime> {
	pallet_circuit_breaker::ThrottleConfig {
		window: 10,
		account_max_operations: Some(100),
		account_max_amount: None,
		max_amount: None,
		cooldown: 10,
	}
}

// Preparations, each through the real call with root standing in for the role.
fn sanction_holder() {
	assert_ok!(crate::IdentityRegistry::sanction_account(RuntimeOrigin::root(), holder(1), None));
}
fn block_gb() {
	assert_ok!(crate::IdentityRegistry::block_jurisdiction(RuntimeOrigin::root(), GB));
}
fn freeze_holder_address() {
	assert_ok!(crate::Freeze::freeze_address(
		RuntimeOrigin::root(),
		holder(1),
		FreezeReason::CourtOrder,
		b"court order 7".to_vec()
	));
}
fn pause_chain() {
	assert_ok!(crate::CircuitBreaker::pause_global(RuntimeOrigin::root(), b"incident 1".to_vec()));
}
fn pause_chain_and_schedule_resume() {
	pause_chain();
	assert_ok!(crate::CircuitBreaker::schedule_global_resume(RuntimeOrigin::root()));
}
fn throttle_transfers() {
	assert_ok!(crate::CircuitBreaker::set_throttle(RuntimeOrigin::root(), OperationKind::AssetTransfer, ASSET, throttle()));
}
fn pause_asset() {
	assert_ok!(crate::CircuitBreaker::pause_asset(RuntimeOrigin::root(), ASSET, b"reconciliation".to_vec()));
}
/// The call the governance cases propose.
fn proposal() -> RuntimeCall {
	pallet_governance::Call::<Runtime>::set_enactment_delay { delay: 20 }.into()
}
fn propose() {
	assert_ok!(crate::Governance::propose(RuntimeOrigin::root(), alloc::boxed::Box::new(proposal())));
}
fn pause_minting() {
	assert_ok!(crate::MintEscrow::depositary_pause(RuntimeOrigin::signed(reserve_depositary()), DEPOSIT_TOKEN));
}
fn block_corridor() {
	assert_ok!(crate::Corridor::block_corridor(RuntimeOrigin::root(), DE, US, b"fraud wave".to_vec()));
}
/// The payments `holder(1)` initiated to `bank3()` at setup: nonce 0 pays
/// [`PAYMENT_AMOUNTS`]`[0]`, nonce 1 the second amount.
const PAYMENT_AMOUNTS: [Balance; 2] = [10, 20];
fn pending_payment(nonce: u64) -> pallet_payments::TxId {
	let corridor = tokenize_primitives::CorridorUse { source: DE, destination: US, day: NOW / 86_400 };
	let amount = PAYMENT_AMOUNTS[nonce as usize];
	crate::Payments::derive_tx_id(&holder(1), &bank3(), &ASSET, amount, &corridor, 1, nonce)
}
fn challenge_payment() {
	assert_ok!(crate::Payments::challenge(RuntimeOrigin::signed(officer()), pending_payment(1), sp_core::H256::zero()));
}

/// The NAV oracle's feeds of the cases: [`NAV_FEED`] has one value (1.000)
/// accepted at setup, [`SIGNED_FEED`] needs a depositary's sign-off; both are
/// fed by `oracle_submitter()` alone (quorum 1).
const NAV_FEED: tokenize_primitives::FeedId = 7;
const SIGNED_FEED: tokenize_primitives::FeedId = 8;
fn nav_feed_settings(requires_sign_off: bool) -> pallet_nav_oracle::FeedSettingsOf<Runtime> {
	pallet_nav_oracle::FeedSettings {
		kind: pallet_nav_oracle::FeedKind::FundNav { currency: *b"EUR" },
		submitters: frame_support::BoundedVec::truncate_from(alloc::vec![oracle_submitter()]),
		quorum: 1,
		max_age_ms: 3_600_000,
		max_deviation: sp_runtime::Permill::from_percent(5),
		requires_sign_off,
	}
}
fn submit_nav(feed: tokenize_primitives::FeedId, thousandths: u128, ms_ago: u64) {
	let round = pallet_nav_oracle::Rounds::<Runtime>::get(feed).id;
	let value = sp_runtime::FixedU128::from_rational(thousandths, 1_000);
	assert_ok!(crate::NavOracle::submit(RuntimeOrigin::signed(oracle_submitter()), feed, round, value, NOW_MS - ms_ago));
}
fn hold_outlier() {
	submit_nav(NAV_FEED, 2_000, 1_000);
	assert!(pallet_nav_oracle::Held::<Runtime>::contains_key(NAV_FEED));
}
fn await_sign_off() {
	submit_nav(SIGNED_FEED, 1_000, 1_000);
	assert!(pallet_nav_oracle::AwaitingSignOff::<Runtime>::contains_key(SIGNED_FEED));
}

fn grant_custody() {
	assert_ok!(CompliantAssets::authorize_operator(RuntimeOrigin::signed(holder(0)), ASSET, bank()));
}

fn cases() -> Vec<Case> {
	type Breaker = pallet_circuit_breaker::Call<Runtime>;
	type Assets = pallet_compliant_assets::Call<Runtime>;
	type Corridors = pallet_corridor::Call<Runtime>;
	type Escrow = pallet_mint_escrow::Call<Runtime>;
	type Freezes = pallet_freeze::Call<Runtime>;
	type Gov = pallet_governance::Call<Runtime>;
	type Identity = pallet_identity_registry::Call<Runtime>;
	type Nodes = pallet_node_authorization::Call<Runtime>;
	type Rail = pallet_payments::Call<Runtime>;
	type Oracle = pallet_nav_oracle::Call<Runtime>;
	type Money = pallet_fund_vault::Call<Runtime, frame_support::instances::Instance1>;
	type Mutual = pallet_fund_vault::Call<Runtime, frame_support::instances::Instance2>;
	type Validators = pallet_validator_set::Call<Runtime>;
	let bank_role = tokenize_primitives::Roles::from_roles(&[Role::Bank]);
	let supply_role = AgentRoles::from_roles(&[AgentRole::Supply]).bits();
	let document_hash = [3u8; 32];
	alloc::vec![
		// identity registry
		Case::governance(Identity::add_verifier { verifier: named("new-verifier"), jurisdictions: alloc::vec![DE] }),
		Case::governance(Identity::remove_verifier { verifier: second_verifier() }),
		Case::governance(Identity::set_roles { who: holder(1), roles: bank_role }),
		Case::governance(Identity::set_committee {
			role: Role::SettlementCommittee,
			signers: alloc::vec![signer(1), signer(2), signer(3)],
			threshold: 1,
		}),
		Case::trusted_verifiers(Identity::register_pending_identity { who: named("newcomer"), details: details(DE) }),
		Case::governance_or_verifiers(Identity::renew_identity { who: holder(1), expires_at: NOW + YEAR }),
		Case::governance_or_verifiers(Identity::update_identity {
			who: holder(1),
			category: InvestorCategory::Professional,
			bic: None,
			travel_rule_hash: Some([7; 32]),
		}),
		// Four eyes: only a verifier other than the registrar may approve.
		Case::new(Identity::approve_identity { who: pending_identity() }, alloc::vec![verifier()], false)
			.refusing(pallet_identity_registry::Error::<Runtime>::NotTrustedVerifier)
			.refusing(pallet_identity_registry::Error::<Runtime>::FourEyesRequired),
		Case::governance_or_verifiers(Identity::revoke_identity { who: holder(1), reason: RevocationReason::Other }),
		// governance: the council proposes and cancels; only Root (the
		// scheduler, at the enactment block) enacts and sets the delay.
		Case::governance(Gov::propose { call: alloc::boxed::Box::new(proposal()) }),
		Case::governance(Gov::cancel { id: 0 }).prepared(propose),
		Case::root_only(Gov::enact { id: 0, call: alloc::boxed::Box::new(proposal()) }).prepared(propose),
		Case::root_only(Gov::set_enactment_delay { delay: 100 }),
		Case::compliance_officer(Identity::sanction_account { who: holder(1), list_root: None }),
		Case::compliance_officer(Identity::unsanction_account { who: holder(1) }).prepared(sanction_holder),
		Case::compliance_officer(Identity::block_jurisdiction { jurisdiction: GB }),
		Case::compliance_officer(Identity::unblock_jurisdiction { jurisdiction: GB }).prepared(block_gb),
		Case::compliance_officer(Identity::set_sanctions_list_root {
			root: [9; 32],
			list_version: 1,
			published_at: NOW,
		}),
		// validator set and node allowlist
		Case::governance(Validators::add_validator { who: bank3() }),
		Case::governance(Validators::remove_validator { who: bank2() }),
		Case::governance(Nodes::add_well_known_node { node: peer(2), owner: bank().into() }),
		Case::governance(Nodes::remove_well_known_node { node: peer(1) }),
		Case::governance(Nodes::swap_well_known_node { remove: peer(1), add: peer(3) }),
		Case::governance(Nodes::reset_well_known_nodes { nodes: alloc::vec![(peer(4), bank())] }),
		// compliant assets
		Case::governance(Assets::create_asset {
			id: NEW_ASSET,
			name: b"Fund share class A".to_vec(),
			symbol: b"FSA".to_vec(),
			decimals: 0,
			rules: Default::default(),
		}),
		Case::governance(Assets::set_rules {
			asset: ASSET,
			rules: RulesInputOf::<Runtime> { max_holders: Some(10), ..Default::default() },
		}),
		Case::governance(Assets::add_agent { asset: ASSET, who: signer(1), roles: supply_role }),
		Case::governance(Assets::remove_agent { asset: ASSET, who: recovery_agent() }),
		Case::governance(Assets::set_document {
			asset: ASSET,
			name: b"prospectus".to_vec(),
			uri: b"https://example.org/prospectus.pdf".to_vec(),
			hash: document_hash,
		}),
		Case::governance(Assets::remove_document { asset: ASSET, name: DOCUMENT.to_vec() }),
		Case::governance(Assets::set_recovery_link { asset: ASSET, lost: holder(3), new: Some(holder(4)) }),
		Case::asset_agent(Assets::mint { asset: ASSET, to: holder(1), amount: 10 }, supply_agent()),
		Case::asset_agent(Assets::burn { asset: ASSET, from: holder(1), amount: 10 }, supply_agent()),
		Case::asset_agent(
			Assets::forced_transfer { asset: ASSET, from: holder(0), to: holder(1), amount: 10 },
			enforcement_agent(),
		),
		Case::asset_agent(Assets::recover { asset: ASSET, lost: holder(0), new: holder(2) }, recovery_agent()),
		// A custodian bank moves what its customer authorised; nobody else
		// is a bank (the customer's grant is its own call).
		Case::new(
			Assets::operator_transfer {
				asset: ASSET,
				legs: alloc::vec![pallet_compliant_assets::OperatorLeg { from: holder(0), to: holder(1), amount: 10 }],
			},
			alloc::vec![bank()],
			false,
		)
		.refusing(pallet_compliant_assets::Error::<Runtime>::OperatorNotAVerifiedBank)
		.prepared(grant_custody),
		// freeze
		Case::freeze_origin(
			Freezes::freeze {
				asset: ASSET,
				holder: holder(1),
				amount: 10,
				reason: FreezeReason::AmlFlag,
				reference: b"AML-2027-1".to_vec(),
			},
			freeze_agent(),
		),
		Case::freeze_origin(Freezes::unfreeze { entry_id: ENTRY }, freeze_agent()),
		Case::freeze_origin(Freezes::confiscate { entry_id: ENTRY, to: holder(1) }, enforcement_agent()),
		Case::compliance_officer(Freezes::freeze_address {
			who: holder(1),
			reason: FreezeReason::SanctionsMatch,
			reference: b"SDN match".to_vec(),
		}),
		Case::compliance_officer(Freezes::unfreeze_address { who: holder(1) }).prepared(freeze_holder_address),
		// circuit breaker
		Case::governance(Breaker::pause_global { reason: b"suspected exploit".to_vec() }),
		Case::governance(Breaker::schedule_global_resume {}).prepared(pause_chain),
		Case::governance(Breaker::cancel_global_resume {}).prepared(pause_chain_and_schedule_resume),
		Case::governance(Breaker::set_throttle { kind: OperationKind::AssetTransfer, asset: ASSET, config: throttle() }),
		Case::governance(Breaker::remove_throttle { kind: OperationKind::AssetTransfer, asset: ASSET })
			.prepared(throttle_transfers),
		Case::governance(Breaker::reset_throttle { kind: OperationKind::AssetTransfer, asset: ASSET })
			.prepared(throttle_transfers),
		Case::compliance_depositary(Breaker::pause_asset { asset: ASSET, reason: b"reserve check".to_vec() }),
		Case::compliance_depositary(Breaker::resume_asset { asset: ASSET }).prepared(pause_asset),
		// corridors
		Case::governance(Corridors::add_corridor { source: DE, destination: FR, params: corridor_params() }),
		Case::governance(Corridors::update_corridor { source: DE, destination: US, params: corridor_params() }),
		Case::governance(Corridors::set_corridor_active { source: DE, destination: US, active: false }),
		Case::governance(Corridors::remove_corridor { source: DE, destination: US }),
		Case::compliance_officer(Corridors::block_corridor {
			source: DE,
			destination: US,
			reason: b"fraud wave".to_vec(),
		}),
		Case::compliance_officer(Corridors::unblock_corridor { source: DE, destination: US }).prepared(block_corridor),
		// EUR deposits
		Case::governance(Escrow::set_deposit_token { asset: DEPOSIT_TOKEN, token: deposit_token() }),
		Case::issuer(Escrow::record_deposit {
			asset: DEPOSIT_TOKEN,
			receiver: holder(1),
			amount: 10,
			deposit_ref: sp_core::H256::repeat_byte(2),
		}),
		Case::issuer(Escrow::confirm_clearing { deposit_ref: DEPOSIT }),
		Case::issuer(Escrow::reverse_deposit {
			deposit_ref: DEPOSIT,
			reason: pallet_mint_escrow::ReversalReason::ClearingFailed,
		}),
		Case::issuer(Escrow::confirm_payout { id: 0, sepa_ref: sp_core::H256::repeat_byte(3) }),
		Case::issuer(Escrow::fail_payout { id: 0, reason: pallet_mint_escrow::PayoutFailure::InvalidAccount }),
		Case::reserve_depositary(Escrow::attest_backing {
			asset: DEPOSIT_TOKEN,
			fiat_balance: 1_000_000,
			liabilities: 1_000,
			reserve_root: sp_core::H256::repeat_byte(4),
			report_hash: sp_core::H256::repeat_byte(5),
			as_of: 1,
		}),
		Case::reserve_depositary(Escrow::depositary_pause { asset: DEPOSIT_TOKEN }),
		Case::reserve_depositary(Escrow::depositary_resume { asset: DEPOSIT_TOKEN }).prepared(pause_minting),
		// payments
		Case::governance(Rail::set_settlement_currency { asset: ASSET, currency: None }),
		Case::governance(Rail::set_rail_settings {
			settings: Some(pallet_payments::RailSettings { challenge_window: 10, payment_timeout: 100 }),
		}),
		Case::settlement_committee(Rail::confirm_settlements { tx_ids: alloc::vec![pending_payment(0)] }),
		Case::settlement_committee(Rail::cancel_payment { tx_id: pending_payment(0) }),
		Case::settlement_committee(Rail::resolve_challenge {
			tx_id: pending_payment(1),
			outcome: pallet_payments::ChallengeOutcome::Refund,
		})
		.prepared(challenge_payment),
		// The officer, or a bank whose BIC is a party's: bank() is bank3()'s.
		Case::new(
			Rail::challenge { tx_id: pending_payment(0), reason_hash: sp_core::H256::zero() },
			alloc::vec![officer(), bank()],
			false,
		)
			.refusing(pallet_payments::Error::<Runtime>::NotEntitledToChallenge),
		// The sender (or its bank) opens a fiat leg with the recipient's bank.
		Case::new(
			Rail::open_fiat_leg { tx_id: pending_payment(0), receiving_bank: bank() },
			alloc::vec![holder(1)],
			false,
		)
		.refusing(pallet_payments::Error::<Runtime>::NotSenderOrSendingBank),
		// The sender (or its bank).
		Case::new(
			Rail::store_payment_data_hash {
				tx_id: pending_payment(0),
				data_hash: Some(sp_core::H256::repeat_byte(6)),
				travel_rule_hash: None,
			},
			alloc::vec![holder(1)],
			false,
		)
		.refusing(pallet_payments::Error::<Runtime>::NotSenderOrSendingBank),
		// NAV oracle
		Case::governance(Oracle::register_feed { feed: 9, settings: nav_feed_settings(false) }),
		Case::governance(Oracle::update_feed { feed: NAV_FEED, settings: nav_feed_settings(true) }),
		// Only the feed's assigned submitters (with the OracleSubmitter role).
		Case::new(
			Oracle::submit {
				feed: NAV_FEED,
				round: 1,
				value: sp_runtime::FixedU128::from_rational(1_001, 1_000),
				observed_at: NOW_MS,
			},
			alloc::vec![oracle_submitter()],
			false,
		)
		.refusing(pallet_nav_oracle::Error::<Runtime>::NotFeedSubmitter),
		Case::compliance_depositary(Oracle::approve_held { feed: NAV_FEED, value: sp_runtime::FixedU128::from_u32(2) })
			.prepared(hold_outlier),
		Case::compliance_depositary(Oracle::reject_held { feed: NAV_FEED }).prepared(hold_outlier),
		Case::compliance_depositary(Oracle::set_manual_price {
			feed: NAV_FEED,
			value: sp_runtime::FixedU128::from_rational(1_002, 1_000),
		}),
		// A depositary (the custodian), root on the dev chain.
		Case::new(
			Oracle::sign_off { feed: SIGNED_FEED, value: sp_runtime::FixedU128::from_u32(1) },
			alloc::vec![reserve_depositary()],
			true,
		)
		.prepared(await_sign_off),
		// funds
		Case::governance(Money::configure_fund { config: super::funds::tmmf_config() }),
		Case::governance(Mutual::configure_fund { config: super::funds::tmf_config() }),
		Case::new(Money::distribute_yield { shares: 1_000 }, alloc::vec![fund_manager()], true),
		Case::new(Mutual::distribute_yield { shares: 1_000 }, alloc::vec![fund_manager()], true)
			.prepared(mutual_fund_distributes),
	]
}

/// The mutual fund made a distributing (LVNAV) one for its manager's case.
fn mutual_fund_distributes() {
	let config = pallet_fund_vault::FundConfig { lvnav_collar: Some(sp_runtime::Permill::from_parts(2_000)), ..super::funds::tmf_config() };
	assert_ok!(crate::Tmf::configure_fund(RuntimeOrigin::root(), config));
}

fn deposit_token() -> pallet_mint_escrow::DepositTokenOf<Runtime> {
	super::deposit_token(reserve_depositary(), 1_000, 1)
}

/// The asset with its four agents, two holdings, one freeze entry and one
/// document; a pending identity; a corridor DE → US; a recovery link; a
/// deposit token with a pending deposit and an open redemption; two pending
/// payments of `holder(1)` to `bank3()` on the DE → US corridor.
fn roles_ext() -> sp_io::TestExternalities {
	let mut ext = new_ext();
	ext.execute_with(|| {
		create_permissioned_asset(ASSET, Default::default());
		appoint(ASSET, supply_agent(), &[AgentRole::Supply]);
		appoint(ASSET, freeze_agent(), &[AgentRole::Freeze]);
		appoint(ASSET, enforcement_agent(), &[AgentRole::ForcedTransfer]);
		appoint(ASSET, recovery_agent(), &[AgentRole::Recovery]);
		let supply = || RuntimeOrigin::signed(supply_agent());
		assert_ok!(CompliantAssets::mint(supply(), ASSET, holder(0), 1_000));
		assert_ok!(CompliantAssets::mint(supply(), ASSET, holder(1), 500));
		assert_ok!(crate::Freeze::freeze(
			RuntimeOrigin::signed(freeze_agent()),
			ASSET,
			holder(0),
			100,
			FreezeReason::CourtOrder,
			b"court order 1".to_vec()
		));
		assert!(pallet_freeze::Entries::<Runtime>::contains_key(ENTRY));
		assert_ok!(CompliantAssets::set_document(
			RuntimeOrigin::root(),
			ASSET,
			DOCUMENT.to_vec(),
			b"https://example.org/terms.pdf".to_vec(),
			[1; 32]
		));
		assert_ok!(crate::IdentityRegistry::register_pending_identity(
			RuntimeOrigin::signed(second_verifier()),
			pending_identity(),
			details(DE)
		));
		assert_ok!(crate::Corridor::add_corridor(RuntimeOrigin::root(), DE, US, corridor_params()));
		// Governance links holder 0's wallet to holder 2's for recovery.
		assert_ok!(CompliantAssets::set_recovery_link(RuntimeOrigin::root(), ASSET, holder(0), Some(holder(2))));
		// A deposit token with a cleared deposit redeemed (redemption 0 open)
		// and a pending one (DEPOSIT).
		create_permissioned_asset(DEPOSIT_TOKEN, Default::default());
		assert_ok!(crate::MintEscrow::set_deposit_token(RuntimeOrigin::root(), DEPOSIT_TOKEN, deposit_token()));
		let (issuer, depositary) = (RuntimeOrigin::signed(mint_operator()), RuntimeOrigin::signed(reserve_depositary()));
		let (zero, first) = (sp_core::H256::zero(), sp_core::H256::repeat_byte(9));
		assert_ok!(crate::MintEscrow::attest_backing(depositary, DEPOSIT_TOKEN, 1_000_000, 0, zero, zero, 1));
		assert_ok!(crate::MintEscrow::record_deposit(issuer.clone(), DEPOSIT_TOKEN, holder(0), 100, first));
		assert_ok!(crate::MintEscrow::confirm_clearing(issuer.clone(), first));
		assert_ok!(crate::MintEscrow::redeem(RuntimeOrigin::signed(holder(0)), DEPOSIT_TOKEN, 100, zero));
		assert_ok!(crate::MintEscrow::record_deposit(issuer, DEPOSIT_TOKEN, holder(0), 50, DEPOSIT));
		let usd = pallet_payments::SettlementCurrency { code: *b"USD", decimals: 2 };
		assert_ok!(crate::Payments::set_settlement_currency(RuntimeOrigin::root(), ASSET, Some(usd)));
		for (nonce, amount) in PAYMENT_AMOUNTS.into_iter().enumerate() {
			assert_ok!(crate::Payments::initiate_payment(
				RuntimeOrigin::signed(holder(1)),
				ASSET,
				bank3(),
				amount,
				None,
				None
			));
			assert!(pallet_payments::PaymentRecords::<Runtime>::contains_key(pending_payment(nonce as u64)));
		}
		for (feed, requires_sign_off) in [(NAV_FEED, false), (SIGNED_FEED, true)] {
			assert_ok!(crate::NavOracle::register_feed(RuntimeOrigin::root(), feed, nav_feed_settings(requires_sign_off)));
		}
		submit_nav(NAV_FEED, 1_000, 2_000);
		super::funds::set_up_funds();
		assert_ok!(crate::Tmmf::subscribe(RuntimeOrigin::signed(holder(2)), 100 * super::funds::EUR));
		assert_ok!(crate::Tmf::subscribe(RuntimeOrigin::signed(bank3()), 500 * super::funds::EUR));
		// The recipient bank3 banks with bank() (the same BIC).
		for who in [bank3(), bank()] {
			assert_ok!(crate::IdentityRegistry::update_identity(
				RuntimeOrigin::root(),
				who,
				InvestorCategory::EligibleCounterparty,
				Some(*b"CHASUS33XXX"),
				None
			));
		}
	});
	ext
}

/// Runs one row: refusals first (each must leave the state as it was), then
/// each admitted actor in its own rolled-back layer.
fn check(case: &Case) {
	let name = case.name();
	let _ = with_transaction(|| {
		(case.prepare)();
		for actor in actors().iter().filter(|actor| !case.admits(actor)) {
			let outcome = dispatch(case.call.clone(), actor.origin());
			match outcome {
				Ok(()) => panic!("{name} by {actor:?} succeeded without the role"),
				Err(error) => assert!(
					case.refusals.contains(&error),
					"{name} by {actor:?} failed with {error:?}, not a refusal of its origin"
				),
			}
		}
		for actor in actors().iter().filter(|actor| case.admits(actor)) {
			let outcome = with_transaction(|| {
				let dispatched = dispatch(case.call.clone(), actor.origin());
				// Every cache still agrees with what it summarises.
				let invariants = crate::invariants::check_all();
				TransactionOutcome::Rollback(Ok::<_, DispatchError>((dispatched, invariants)))
			});
			assert_eq!(outcome, Ok((Ok(()), Ok(()))), "{name} by the role holder {actor:?}");
		}
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(()))
	});
}

#[test]
fn every_privileged_call_refuses_every_other_role() {
	roles_ext().execute_with(|| {
		let start = state_root();
		for case in cases() {
			check(&case);
			assert_eq!(state_root(), start, "{} left state behind", case.name());
		}
	});
}

/// The table covers every call of the compliance pallets, the mint escrow,
/// the payment rail, the validator set and the node allowlist except the ones anybody
/// (verified) may make.
#[test]
fn the_table_covers_every_privileged_call() {
	fn names<C: GetCallName>(pallet: &str, unprivileged: &[&str]) -> Vec<alloc::string::String> {
		C::get_call_names()
			.iter()
			.filter(|call| !unprivileged.contains(call))
			.map(|call| alloc::format!("{pallet}::{call}"))
			.collect()
	}
	roles_ext().execute_with(|| {
		let mut expected = Vec::new();
		expected.extend(names::<pallet_identity_registry::Call<Runtime>>("IdentityRegistry", &[]));
		expected.extend(names::<pallet_validator_set::Call<Runtime>>("ValidatorSet", &[]));
		// A node owner's own calls are closed by the call filter (see attacks.rs).
		expected.extend(names::<pallet_node_authorization::Call<Runtime>>(
			"NodeAuthorization",
			&["claim_node", "remove_claim", "transfer_node", "add_connections", "remove_connections"],
		));
		expected.extend(names::<pallet_governance::Call<Runtime>>("Governance", &[]));
		expected.extend(names::<pallet_compliant_assets::Call<Runtime>>(
			"CompliantAssets",
			&["transfer", "batch_transfer", "authorize_operator", "revoke_operator"],
		));
		expected.extend(names::<pallet_freeze::Call<Runtime>>("Freeze", &[]));
		expected.extend(names::<pallet_circuit_breaker::Call<Runtime>>("CircuitBreaker", &[]));
		expected.extend(names::<pallet_corridor::Call<Runtime>>("Corridor", &[]));
		// Any compliant holder redeems its own spendable tokens.
		expected.extend(names::<pallet_mint_escrow::Call<Runtime>>("MintEscrow", &["redeem"]));
		// Any verified sender pays (at a provider's signed quote for FX);
		// anyone refunds an expired payment.
		expected.extend(names::<pallet_payments::Call<Runtime>>(
			"Payments",
			&["initiate_payment", "refund_expired", "pay_with_fx", "submit_fiat_receipt"],
		));
		expected.extend(names::<pallet_nav_oracle::Call<Runtime>>("NavOracle", &[]));
		// Investors deal in their own name; anyone claims a redemption or
		// yield for its owner.
		let dealing = [
			"acknowledge_kid",
			"subscribe",
			"request_redeem",
			"cancel_redeem",
			"claim_redeem",
			"switch_to",
			"claim_yield",
		];
		expected.extend(names::<pallet_fund_vault::Call<Runtime, frame_support::instances::Instance1>>("Tmmf", &dealing));
		expected.extend(names::<pallet_fund_vault::Call<Runtime, frame_support::instances::Instance2>>("Tmf", &dealing));
		let mut covered: Vec<_> = cases().iter().map(Case::name).collect();
		expected.sort();
		covered.sort();
		assert_eq!(covered, expected);
	});
}

/// A sanctioned account loses every role at once (README, identity
/// registry), and that includes its asset-agent powers: a sanctioned agent
/// can no longer mint, freeze, force transfers or confiscate.
#[test]
fn sanctioned_agents_lose_their_powers() {
	roles_ext().execute_with(|| {
		for agent in [supply_agent(), freeze_agent(), enforcement_agent()] {
			assert_ok!(crate::IdentityRegistry::sanction_account(RuntimeOrigin::signed(officer()), agent, None));
		}
		let cases = [
			Case::asset_agent(
				pallet_compliant_assets::Call::<Runtime>::mint { asset: ASSET, to: holder(1), amount: 10 },
				supply_agent(),
			),
			Case::asset_agent(
				pallet_compliant_assets::Call::<Runtime>::forced_transfer {
					asset: ASSET,
					from: holder(0),
					to: holder(1),
					amount: 10,
				},
				enforcement_agent(),
			),
			Case::freeze_origin(
				pallet_freeze::Call::<Runtime>::freeze {
					asset: ASSET,
					holder: holder(1),
					amount: 10,
					reason: FreezeReason::AmlFlag,
					reference: b"AML-2027-2".to_vec(),
				},
				freeze_agent(),
			),
			Case::freeze_origin(
				pallet_freeze::Call::<Runtime>::confiscate { entry_id: ENTRY, to: holder(1) },
				enforcement_agent(),
			),
		];
		for case in cases {
			let outcome = dispatch(case.call.clone(), RuntimeOrigin::signed(case.holders[0].clone()));
			assert!(outcome.is_err(), "{} by a sanctioned agent succeeded", case.name());
		}
	});
}
