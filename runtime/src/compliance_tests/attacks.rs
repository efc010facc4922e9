//! The attack table: each way a review found to take the consortium's
//! governance apart, spam it or break its rules, tried against the real
//! runtime (real pallets, call filter, transaction extensions), each next to
//! the benign path that must keep working. The numbers are those of the
//! hardening issue's list of defects.
//!
//! | # | attack | refused with |
//! |---|---|---|
//! | 2 | a verifier revokes or short-renews a committee account, a committee signer or a validator bank | `CommitteeAccountNotRevocable`, `GovernedIdentity` |
//! | 3 | the officer blocks the council's jurisdiction, sanctions or address-freezes its signers | keyholder rule: governance calls still admitted |
//! | 4 | every key lapses at once; a long pause outlives the signers' KYC | staggered expiries; lapsed keyholders still sign; registry calls pass a pause |
//! | 5 | one customer fills blocks with remarks or max batches, floods the pool | code 16 (remark), code 12 (budget, on the compute the blocks charged), code 15 (nonce window); governance priority |
//! | 6 | a user claims a node or stores peer lists | code 16 / `CallFiltered` |
//! | 7 | one holder trips the transfer throttle with one-unit legs, denying every holder | `AccountLimitReached` for that holder only; the asset trips only on several holders' real value |
//! | 8 | a recovery agent moves a sanctioned, frozen or locked-up wallet, or any holder's balance to another wallet of the same country | `LostWalletSanctioned`, `LostWalletAddressFrozen`, `LockedUp`, `RecoveryTargetMismatch` |
//! | 9 | a verifier re-registers a revoked identity, registers alone, attests itself | `IdentityRevoked`, no single-verifier call, `FourEyesRequired`, `SelfAttestation` |
//! | 10 | a customer's account is reaped and its old transactions replayed | the identity's provider reference keeps the account and its nonce |
//! | 11 | governance (or a lapse) leaves too few validators with session keys | `TooFewValidators`, `IneligibleValidatorRetained { reason: Minimum }` |
//! | 12 | a user creates a pallet-assets asset, or moves a permissioned one through pallet-assets inside sudo_as or a proposal | code 16 / `CallFiltered` |
//! | 13 | two address freezes with different meanings | the breaker's is gone; the freeze pallet's refuses the address's transactions (code 13) and any movement to or from it (`AddressFrozen`) |
//!
//! The EUR deposits (mint escrow) added these:
//!
//! | # | attack | refused with |
//! |---|---|---|
//! | 14 | a supply agent mints a deposit token around the depositary's backing check, or burns a holder's | `SupplyManagedByMintEscrow` |
//! | 15 | governance, root or the issuer lifts the depositary's pause, or swaps in a friendlier depositary | `NotDepositary`, `BadOrigin`, `DepositaryPauseInForce` |
//! | 16 | the officer takes the depositary's brake away (blocked jurisdiction, frozen address, sanction), or officer and council swap in a friendlier depositary during its pause | the depositary's calls are governance calls and its pause needs only a live identity; `DepositaryPauseInForce` |
//! | 17 | the issuer mints beyond the reserve, twice for one credit, or on a stale attestation | `InsufficientBacking`, `DepositReferenceUsed`, `AttestationStale` |
//!
//! The payment rail added these:
//!
//! | # | attack | refused with |
//! |---|---|---|
//! | 18 | a sender spends its escrow again (transfer, a second payment) or an agent takes it (freeze, forced transfer) before the release | `EscrowedForPayment`, `InsufficientUnfrozenBalance` |
//! | 19 | a customer objects to, or anchors a hash on, someone else's payment; fills state with open payments | `NotEntitledToChallenge`, `NotSenderOrSendingBank`, `TooManyOpenPayments` |
//! | 20 | someone refunds an unexpired payment, or a payment is released and refunded, or released twice | `NotExpired`, `PaymentSettled` |
//! | 21 | a payment initiated before its recipient's sanction is released to the sanctioned recipient | the release is withheld with `ReceiverSanctioned`; the committee refunds |
//! | 22 | a payer replays a provider's FX quote, takes it after its expiry, on another chain, at a better rate than signed, or signed by a provider without the role | `QuoteUsed`, `QuoteExpired`, `WrongChain`, `BadQuoteSignature`, `NotLiquidityProvider` |
//!
//! The funds added these:
//!
//! | # | attack | refused with |
//! |---|---|---|
//! | 23 | a sanctioned submitter keeps feeding a NAV; an unassigned role holder feeds it; one submitter makes the quorum alone; the committee approves a held median other than the one shown | `NotOracleSubmitter`, `NotFeedSubmitter`, `AlreadySubmitted`, `HeldValueMismatch` |
//! | 24 | a fund deals at the last NAV after the feed went silent | `NavProvider::current` refuses `Stale`, never the last value |
//! | 25 | an investor moves, re-redeems, switches or has confiscated shares locked for redemption; claims early or twice | `LockedForRedemption`, `InsufficientShares`, `NotYetSettled`, `RequestClosed` |
//! | 26 | an investor picks its redemption price (the day's known NAV), deals on a stale NAV or in a frozen fund | forward price; `NavStale`, `DealingFrozen` |
//!
//! Throughput added this:
//!
//! | # | attack | refused with |
//! |---|---|---|
//! | 27 | a bank moves a customer's holding without, or after revoking, the customer's grant; uses custody to move a sanctioned or frozen customer's holding; a customer makes a non-bank its operator; a bank that lost its licence keeps acting | leg refused `NotAnOperator`, `SenderSanctioned`, `AddressFrozen`; `OperatorNotAVerifiedBank` (the list's bound, `TooManyOperators`, is the pallet's test) |

use super::*;
use crate::{
	policy::{priority, refusal, CheckNonceWithinWindow, VerifiedSender, MAX_NONCES_AHEAD},
	CircuitBreaker, Freeze, IdentityRegistry,
};
use alloc::boxed::Box;
use codec::Decode;
use frame_support::{
	assert_noop,
	dispatch::GetDispatchInfo,
	pallet_prelude::TransactionSource,
	traits::Get,
};
use pallet_identity_registry::{IdentityDetails, RevocationReason};
use tokenize_primitives::{FreezeReason, OperationKind};
use sp_runtime::{
	traits::DispatchTransaction,
	transaction_validity::{InvalidTransaction, TransactionPriority, TransactionValidityError},
	MultiAddress,
};
use tokenize_primitives::{Compliance, Roles};

const ASSET: AssetId = 42;
const YEAR: u64 = 365 * 24 * 3600;

type Identity = pallet_identity_registry::Call<Runtime>;

/// The priority `who`'s transaction of `call` (of `len` bytes) is admitted with.
fn admitted(who: &AccountId, call: &RuntimeCall, len: usize) -> Result<TransactionPriority, TransactionValidityError> {
	VerifiedSender
		.validate_only(RuntimeOrigin::signed(who.clone()), call, &call.get_dispatch_info(), len, TransactionSource::External, 0)
		.map(|(valid, _, _)| valid.priority)
}

fn refused(code: u8) -> Result<TransactionPriority, TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

fn filtered() -> Result<(), DispatchError> {
	Err(frame_system::Error::<Runtime>::CallFiltered.into())
}

fn compliant_transfer() -> RuntimeCall {
	pallet_compliant_assets::Call::<Runtime>::transfer { asset: ASSET, to: holder(1), amount: 1 }.into()
}

fn schedule_resume() -> RuntimeCall {
	pallet_circuit_breaker::Call::<Runtime>::schedule_global_resume {}.into()
}

/// The council (2 of signers 1-3 in the test chain) executes `call`: signer 1
/// opens the multisig operation, signer 2 approves and executes it.
fn council_executes(call: RuntimeCall) {
	let timepoint = council_opens(&call);
	// The second approval is what a signer submits: it must pass validation.
	let second = council_approval(2, Some(timepoint), &call);
	assert_eq!(admitted(&signer(2), &second, 200), Ok(priority::GOVERNANCE));
	assert_ok!(dispatch(second, RuntimeOrigin::signed(signer(2))));
}

fn attack_ext() -> sp_io::TestExternalities {
	let mut ext = new_ext();
	ext.execute_with(|| {
		create_permissioned_asset(ASSET, Default::default());
		appoint(ASSET, supply_agent(), &[AgentRole::Supply]);
		for i in 0..HOLDERS {
			assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(supply_agent()), ASSET, holder(i), 1_000_000));
		}
	});
	ext
}

fn verifier_origin() -> RuntimeOrigin {
	RuntimeOrigin::signed(verifier())
}

// --- 2 ----------------------------------------------------------------------

#[test]
fn attack_2_a_verifier_cannot_revoke_or_short_renew_governance() {
	attack_ext().execute_with(|| {
		use pallet_identity_registry::Error;
		for committee in [council(), settlement_committee(), depositary()] {
			assert_eq!(
				IdentityRegistry::revoke_identity(verifier_origin(), committee.clone(), RevocationReason::Other),
				Err(Error::<Runtime>::CommitteeAccountNotRevocable.into())
			);
			assert_eq!(
				IdentityRegistry::renew_identity(verifier_origin(), committee, NOW + 1),
				Err(Error::<Runtime>::GovernedIdentity.into())
			);
		}
		// A committee signer and a validator bank: governed identities.
		for keyholder in [signer(1), bank()] {
			assert_eq!(
				IdentityRegistry::renew_identity(verifier_origin(), keyholder.clone(), NOW + 1),
				Err(Error::<Runtime>::GovernedIdentity.into())
			);
			assert_eq!(
				IdentityRegistry::revoke_identity(verifier_origin(), keyholder, RevocationReason::Other),
				Err(Error::<Runtime>::GovernedIdentity.into())
			);
		}
		assert!(IdentityRegistry::has_role(&council(), Role::GovernanceCouncil));
		// Benign: the verifier renews and revokes a customer; the council
		// renews a signer.
		assert_ok!(IdentityRegistry::renew_identity(verifier_origin(), holder(1), NOW + YEAR));
		assert_ok!(IdentityRegistry::revoke_identity(verifier_origin(), holder(2), RevocationReason::KycFailed));
		council_executes(Identity::renew_identity { who: signer(3), expires_at: NOW + YEAR }.into());
		assert_eq!(pallet_identity_registry::Identities::<Runtime>::get(signer(3)).map(|r| r.expires_at), Some(NOW + YEAR));
	});
}

// --- 3 ----------------------------------------------------------------------

#[test]
fn attack_3_the_compliance_officer_cannot_lock_governance_out() {
	attack_ext().execute_with(|| {
		let officer_origin = || RuntimeOrigin::signed(officer());
		// Everyone in the test chain's governance sits in DE.
		assert_ok!(IdentityRegistry::block_jurisdiction(officer_origin(), DE));
		assert_ok!(IdentityRegistry::sanction_account(officer_origin(), signer(1), None));
		assert_ok!(IdentityRegistry::sanction_account(officer_origin(), signer(2), None));
		assert_ok!(Freeze::freeze_address(officer_origin(), signer(2), FreezeReason::AmlFlag, b"AML alert".to_vec()));
		// The block bites where it should: a DE customer moves nothing.
		assert_eq!(admitted(&holder(0), &compliant_transfer(), 100), refused(refusal::SIGNER_SANCTIONED));
		// And the signers are refused as customers like anyone else.
		assert_eq!(admitted(&signer(1), &compliant_transfer(), 100), refused(refusal::SIGNER_SANCTIONED));
		assert_eq!(admitted(&signer(2), &compliant_transfer(), 100), refused(refusal::ADDRESS_FROZEN));
		// The sanctioned, blocked and frozen signers still run the council:
		// they pause the chain, and lift it.
		let pause: RuntimeCall =
			pallet_circuit_breaker::Call::<Runtime>::pause_global { reason: b"incident".to_vec() }.into();
		// The validator bank in DE keeps its session keys call.
		let keys: RuntimeCall = pallet_session::Call::<Runtime>::purge_keys {}.into();
		assert_eq!(admitted(&bank(), &keys, 100), Ok(priority::GOVERNANCE));
		council_executes(pause);
		assert!(CircuitBreaker::is_globally_paused());
		council_executes(schedule_resume());
		// The officer, herself in DE, can always undo the block, also while
		// the chain is paused.
		let unblock: RuntimeCall = Identity::unblock_jurisdiction { jurisdiction: DE }.into();
		assert_eq!(admitted(&officer(), &unblock, 100), Ok(priority::GOVERNANCE));
		assert_ok!(dispatch(unblock, officer_origin()));
	});
}

// --- 4 ----------------------------------------------------------------------

#[test]
fn attack_4_lapsed_keys_and_a_long_pause_do_not_end_governance() {
	attack_ext().execute_with(|| {
		council_executes(pallet_circuit_breaker::Call::<Runtime>::pause_global { reason: b"long".to_vec() }.into());
		// Years pass during the pause: every genesis identity of the test chain lapsed.
		pallet_timestamp::Now::<Runtime>::put((GENESIS_EXPIRY + YEAR) * 1000);
		assert!(!IdentityRegistry::is_verified(&signer(1)));
		assert_eq!(admitted(&holder(0), &compliant_transfer(), 100), refused(refusal::CHAIN_PAUSED));
		// The council's own account never lapses, and its lapsed signers
		// still renew each other through the paused chain...
		assert!(IdentityRegistry::has_role(&council(), Role::GovernanceCouncil));
		let renewed = GENESIS_EXPIRY + 2 * YEAR;
		for i in 1..=3 {
			council_executes(Identity::renew_identity { who: signer(i), expires_at: renewed }.into());
		}
		assert!(IdentityRegistry::is_verified(&signer(1)));
		// ...and lift the pause.
		council_executes(schedule_resume());
		assert!(pallet_circuit_breaker::GlobalPauseState::<Runtime>::get().and_then(|p| p.resume).is_some());
	});
}

#[test]
fn attack_4_genesis_keys_never_lapse_together() {
	for preset in [
		crate::genesis_config_presets::development_config_genesis(),
		crate::genesis_config_presets::local_consortium_genesis(),
	] {
		let identities = preset["identityRegistry"]["identities"].as_array().cloned().unwrap_or_default();
		let mut expiries: Vec<u64> = identities.iter().filter_map(|i| i["expiresAt"].as_u64()).collect();
		assert!(expiries.len() >= 4, "the preset has its founding identities");
		expiries.sort();
		expiries.dedup();
		assert_eq!(expiries.len(), identities.len(), "two genesis identities expire at the same instant");
	}
}

// --- 5 ----------------------------------------------------------------------

#[test]
fn attack_5_remarks_are_not_free_block_space() {
	attack_ext().execute_with(|| {
		let remark: RuntimeCall = frame_system::Call::<Runtime>::remark { remark: alloc::vec![0; 3_000_000] }.into();
		for who in [holder(0), bank(), officer(), signer(1)] {
			assert_eq!(admitted(&who, &remark, 3_000_000), refused(refusal::CALL_NOT_ALLOWED));
		}
		assert_eq!(dispatch(remark.clone(), RuntimeOrigin::signed(holder(0))), filtered());
		// Benign: Root (an enacted proposal) may still leave a remark.
		assert_ok!(dispatch(remark, RuntimeOrigin::root()));
	});
}

/// A customer's largest batch (every leg one unit to holder 1), its length
/// with room for a signature, and its dispatch info.
fn max_batch() -> (RuntimeCall, usize, frame_support::dispatch::DispatchInfo) {
	let max_legs = <<Runtime as pallet_compliant_assets::Config>::MaxBatchSize as Get<u32>>::get();
	let batch: RuntimeCall = pallet_compliant_assets::Call::<Runtime>::batch_transfer {
		asset: ASSET,
		transfers: (0..max_legs).map(|_| (holder(1), 1)).collect(),
	}
	.into();
	let len = codec::Encode::encoded_size(&batch) + 100;
	let info = batch.get_dispatch_info();
	(batch, len, info)
}

#[test]
fn attack_5_one_customer_cannot_fill_blocks_with_max_batches() {
	attack_ext().execute_with(|| {
		let (batch, len, info) = max_batch();
		let mut batches = 0u64;
		while VerifiedSender.validate_and_prepare(RuntimeOrigin::signed(holder(0)), &batch, &info, len, 0).is_ok() {
			batches += 1;
		}
		assert_eq!(admitted(&holder(0), &batch, len), refused(refusal::RATE_LIMITED));
		// What one customer put in a window is less than one block's room for
		// user transactions: it can never fill blocks, let alone all of them.
		let normal_block = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(frame_support::dispatch::DispatchClass::Normal)
			.max_total
			.unwrap_or_default()
			.ref_time();
		assert!(batches >= 1, "a customer may still send a full batch");
		assert!(batches * info.total_weight().ref_time() < normal_block, "{batches} max batches fill a block");
		// Length binds too: one transaction longer than the window's bytes.
		let budget: pallet_identity_registry::TransactionBudget = crate::configs::CustomerBudget::get();
		let long = budget.bytes as usize + 1;
		assert_eq!(admitted(&holder(2), &compliant_transfer(), long), refused(refusal::RATE_LIMITED));
		// Benign: another customer's transfer goes through.
		assert_eq!(admitted(&holder(2), &compliant_transfer(), 150), Ok(priority::ORDINARY));
	});
}

#[test]
fn attack_5_refunds_do_not_stretch_a_customers_budget_past_its_compute() {
	attack_ext().execute_with(|| {
		// Between two holders: every batch is charged well below what it declares.
		let (batch, len, info) = max_batch();
		let (mut batches, mut charged) = (0u64, 0u64);
		while let Ok(Ok(post)) =
			VerifiedSender.dispatch_transaction(RuntimeOrigin::signed(holder(0)), batch.clone(), &info, len, 0)
		{
			batches += 1;
			charged += post.calc_actual_weight(&info).ref_time();
		}
		// The customer got more batches than their declared weight would
		// allow, and was stopped by its budget, on what the blocks charged.
		let budget: pallet_identity_registry::TransactionBudget = crate::configs::CustomerBudget::get();
		assert_eq!(admitted(&holder(0), &batch, len), refused(refusal::RATE_LIMITED));
		assert!(batches > budget.ref_time / info.total_weight().ref_time(), "{batches} batches: no refund reached the budget");
		assert!(charged <= budget.ref_time, "{batches} batches charged {charged}, over the budget");
	});
}

#[test]
fn attack_5_governance_outranks_customer_traffic_and_cannot_be_faked() {
	attack_ext().execute_with(|| {
		let customer = admitted(&holder(0), &compliant_transfer(), 150);
		let emergency = pallet_multisig::Call::<Runtime>::approve_as_multi {
			threshold: 2,
			other_signatories: alloc::vec![signer(2), signer(3)],
			maybe_timepoint: None,
			call_hash: [7; 32],
			max_weight: frame_support::weights::Weight::zero(),
		}
		.into();
		assert_eq!(customer, Ok(priority::ORDINARY));
		assert_eq!(admitted(&signer(1), &emergency, 150), Ok(priority::GOVERNANCE));
		// A customer making a governance call gets no priority (and no exemption).
		assert_eq!(admitted(&holder(0), &schedule_resume(), 150), Ok(priority::ORDINARY));
		// A keyholder wrapping customer traffic in a multisig gets none either.
		let wrapped = pallet_multisig::Call::<Runtime>::as_multi_threshold_1 {
			other_signatories: alloc::vec![signer(2)],
			call: Box::new(compliant_transfer()),
		}
		.into();
		assert_eq!(admitted(&signer(1), &wrapped, 150), Ok(priority::ORDINARY));
	});
}

#[test]
fn attack_5_one_sender_holds_a_bounded_number_of_pending_transactions() {
	attack_ext().execute_with(|| {
		let call = compliant_transfer();
		let info = call.get_dispatch_info();
		let check = |nonce: u32| {
			CheckNonceWithinWindow::from(nonce)
				.validate_only(RuntimeOrigin::signed(holder(0)), &call, &info, 150, TransactionSource::External, 0)
				.map(|_| ())
		};
		let current = System::account_nonce(holder(0));
		assert_eq!(check(current + MAX_NONCES_AHEAD), Ok(()));
		assert_eq!(check(current + MAX_NONCES_AHEAD + 1), Err(InvalidTransaction::Custom(refusal::TOO_MANY_PENDING).into()));
		// Stale nonces are refused as by frame-system's own check.
		System::inc_account_nonce(holder(0));
		assert_eq!(check(current), Err(InvalidTransaction::Stale.into()));
	});
}

// --- 6 ----------------------------------------------------------------------

#[test]
fn attack_6_nobody_claims_nodes_or_stores_peer_lists() {
	attack_ext().execute_with(|| {
		type Nodes = pallet_node_authorization::Call<Runtime>;
		let attacks: [RuntimeCall; 5] = [
			Nodes::claim_node { node: peer(9) }.into(),
			Nodes::remove_claim { node: peer(1) }.into(),
			Nodes::transfer_node { node: peer(1), owner: holder(1).into() }.into(),
			Nodes::add_connections { node: peer(1), connections: alloc::vec![peer(9); 100] }.into(),
			Nodes::remove_connections { node: peer(1), connections: alloc::vec![peer(2)] }.into(),
		];
		for call in attacks {
			// Even the node's owner: its peers are governance's decision.
			for who in [holder(0), bank()] {
				assert_eq!(admitted(&who, &call, 200), refused(refusal::CALL_NOT_ALLOWED), "{call:?}");
				assert_eq!(dispatch(call.clone(), RuntimeOrigin::signed(who)), filtered(), "{call:?}");
			}
		}
		assert!(pallet_node_authorization::AdditionalConnections::<Runtime>::iter().next().is_none());
		// Benign: the council adds a well-known node.
		council_executes(Nodes::add_well_known_node { node: peer(2), owner: bank2().into() }.into());
		assert!(pallet_node_authorization::WellKnownNodes::<Runtime>::get().contains(&peer(2)));
	});
}

// --- 7 ----------------------------------------------------------------------

#[test]
fn attack_7_one_holder_cannot_trip_the_transfer_throttle_for_everyone() {
	attack_ext().execute_with(|| {
		use pallet_compliant_assets::Error;
		let limits = pallet_circuit_breaker::ThrottleConfig {
			window: 10,
			account_max_operations: Some(5),
			account_max_amount: Some(600_000),
			max_amount: Some(1_000_000),
			cooldown: 20,
		};
		assert_ok!(CircuitBreaker::set_throttle(RuntimeOrigin::signed(council()), OperationKind::AssetTransfer, ASSET, limits));
		let send = |from: usize, to: usize, amount: u128| {
			CompliantAssets::transfer(RuntimeOrigin::signed(holder(from)), ASSET, holder(to), amount)
		};
		// Holder 0 floods one-unit legs: after five it is refused, alone.
		for _ in 0..5 {
			assert_ok!(send(0, 1, 1));
		}
		assert_eq!(send(0, 1, 1), Err(Error::<Runtime>::AccountLimitReached.into()));
		assert_eq!(send(0, 2, 1), Err(Error::<Runtime>::AccountLimitReached.into()));
		assert_ok!(send(1, 2, 1));
		assert_ok!(send(2, 3, 1));
		// Nor can one holder trip the asset with value: its own window caps
		// it below the asset-wide limit.
		assert_eq!(send(2, 3, 600_000), Err(Error::<Runtime>::AccountLimitReached.into()));
		// Benign: a real burst, two holders moving real value, still trips.
		assert_ok!(send(3, 4, 500_000));
		assert_ok!(send(4, 3, 500_000));
		assert_eq!(send(1, 2, 1), Err(Error::<Runtime>::Throttled.into()));
	});
}

// --- 8 ----------------------------------------------------------------------

#[test]
fn attack_8_a_recovery_agent_cannot_pick_or_unfreeze_a_wallet() {
	attack_ext().execute_with(|| {
		use pallet_compliant_assets::Error;
		appoint(ASSET, recovery_agent(), &[AgentRole::Recovery]);
		let recover = |lost: usize, new: usize| {
			CompliantAssets::recover(RuntimeOrigin::signed(recovery_agent()), ASSET, holder(lost), holder(new))
		};
		// Holders 0 and 1 are both verified in DE: a country links nobody.
		assert_eq!(recover(0, 1), Err(Error::<Runtime>::RecoveryTargetMismatch.into()));
		// Governance links the wallets; the lost one must still be movable.
		assert_ok!(CompliantAssets::set_recovery_link(RuntimeOrigin::signed(council()), ASSET, holder(0), Some(holder(1))));
		assert_ok!(IdentityRegistry::sanction_account(RuntimeOrigin::signed(officer()), holder(0), None));
		assert_eq!(recover(0, 1), Err(Error::<Runtime>::LostWalletSanctioned.into()));
		assert_ok!(IdentityRegistry::unsanction_account(RuntimeOrigin::signed(officer()), holder(0)));
		let freeze_origin = || RuntimeOrigin::signed(officer());
		assert_ok!(Freeze::freeze_address(freeze_origin(), holder(0), FreezeReason::CourtOrder, b"AZ 1".to_vec()));
		assert_eq!(recover(0, 1), Err(Error::<Runtime>::LostWalletAddressFrozen.into()));
		assert_ok!(Freeze::unfreeze_address(freeze_origin(), holder(0)));
		let lockup: RulesInputOf<Runtime> =
			pallet_compliant_assets::AssetRules { lockup_until: Some(NOW + YEAR), ..Default::default() };
		assert_ok!(CompliantAssets::set_rules(RuntimeOrigin::signed(council()), ASSET, lockup));
		assert_eq!(recover(0, 1), Err(Error::<Runtime>::LockedUp.into()));
		// Benign: once the lock-up ends, the linked wallet receives it all.
		assert_ok!(CompliantAssets::set_rules(RuntimeOrigin::signed(council()), ASSET, Default::default()));
		assert_ok!(recover(0, 1));
		assert_eq!((balance_of(ASSET, &holder(0)), balance_of(ASSET, &holder(1))), (0, 2_000_000));
	});
}

// --- 9 ----------------------------------------------------------------------

fn customer_details() -> IdentityDetails {
	IdentityDetails {
		jurisdiction: DE,
		category: InvestorCategory::Retail,
		expires_at: NOW + YEAR,
		lei: None,
		bic: None,
		travel_rule_hash: None,
	}
}

#[test]
fn attack_9_revocation_sticks_and_registration_takes_two_verifiers() {
	attack_ext().execute_with(|| {
		use pallet_identity_registry::Error;
		// Governance revokes a customer; no verifier brings it back.
		council_executes(Identity::revoke_identity { who: holder(3), reason: RevocationReason::KycFailed }.into());
		for v in [verifier(), second_verifier()] {
			assert_eq!(
				IdentityRegistry::register_pending_identity(RuntimeOrigin::signed(v), holder(3), customer_details()),
				Err(Error::<Runtime>::IdentityRevoked.into())
			);
		}
		// There is no single-verifier registration any more: the old call
		// index 2 of the registry, with arguments that are valid for a
		// registration, decodes to nothing.
		let pending: RuntimeCall =
			Identity::register_pending_identity { who: named("someone"), details: customer_details() }.into();
		let mut encoded = codec::Encode::encode(&pending);
		assert!(RuntimeCall::decode(&mut &encoded[..]).is_ok());
		encoded[1] = 2;
		assert!(RuntimeCall::decode(&mut &encoded[..]).is_err());
		// Four eyes and no self-attestation.
		let newcomer = named("newcomer");
		assert_ok!(IdentityRegistry::register_pending_identity(verifier_origin(), newcomer.clone(), customer_details()));
		assert_eq!(
			IdentityRegistry::approve_identity(verifier_origin(), newcomer.clone()),
			Err(Error::<Runtime>::FourEyesRequired.into())
		);
		assert_eq!(
			IdentityRegistry::renew_identity(verifier_origin(), verifier(), NOW + YEAR),
			Err(Error::<Runtime>::SelfAttestation.into())
		);
		// Benign: the second verifier approves; the newcomer is a verified customer without roles.
		assert_ok!(IdentityRegistry::approve_identity(RuntimeOrigin::signed(second_verifier()), newcomer.clone()));
		assert!(IdentityRegistry::is_verified(&newcomer));
		assert_eq!(pallet_identity_registry::Identities::<Runtime>::get(&newcomer).map(|r| r.roles), Some(Roles::empty()));
	});
}

// --- 10 ---------------------------------------------------------------------

#[test]
fn attack_10_an_identity_keeps_its_account_and_nonce_alive() {
	attack_ext().execute_with(|| {
		let everything: RuntimeCall =
			pallet_balances::Call::<Runtime>::transfer_all { dest: MultiAddress::Id(bank()), keep_alive: false }.into();
		// An identity holding no asset, with a history, spends its last native unit.
		let customer = recovery_agent();
		System::inc_account_nonce(&customer);
		let nonce = System::account_nonce(&customer);
		assert_ok!(dispatch(everything, RuntimeOrigin::signed(customer.clone())));
		assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&customer), 0);
		// The account stays, with its nonce: its old transactions stay stale.
		assert!(System::account_exists(&customer));
		assert_eq!(System::account_nonce(&customer), nonce);
		// Without an identity the same move reaps the account (which is why
		// only identities may transact).
		System::inc_account_nonce(stranger());
		assert_ok!(pallet_balances::Pallet::<Runtime>::transfer_all(
			RuntimeOrigin::signed(stranger()),
			MultiAddress::Id(bank()),
			false
		));
		assert_eq!(System::account_nonce(stranger()), 0);
	});
}

// --- 11 ---------------------------------------------------------------------

#[test]
fn attack_11_the_minimum_counts_validators_that_can_vote() {
	attack_ext().execute_with(|| {
		use pallet_session::SessionManager;
		use pallet_validator_set::{Error, Event, RetentionReason};
		type Validators = pallet_validator_set::Pallet<Runtime>;
		let governance = || RuntimeOrigin::signed(council());
		// A bank joins without session keys: a member that neither authors
		// nor votes. The test chain's minimum is one validator.
		assert_ok!(Validators::add_validator(governance(), bank3()));
		assert_ok!(Validators::remove_validator(governance(), bank()));
		// Two members remain, but bank2 is the only one with keys.
		assert_eq!(Validators::remove_validator(governance(), bank2()), Err(Error::<Runtime>::TooFewValidators.into()));
		// Governance revokes bank2 (a governed identity): it lapses, yet it
		// stays, and says why, until a keyed validator replaces it.
		assert_ok!(IdentityRegistry::revoke_identity(governance(), bank2(), RevocationReason::Other));
		Validators::new_session(2);
		System::assert_has_event(
			Event::<Runtime>::IneligibleValidatorRetained { who: bank2(), reason: RetentionReason::Minimum }.into(),
		);
		assert!(pallet_validator_set::Validators::<Runtime>::get().contains(&bank2()));
		// Benign: the keyless member can go.
		assert_ok!(Validators::remove_validator(governance(), bank3()));
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), alloc::vec![bank2()]);
	});
}

// --- 12 ---------------------------------------------------------------------

#[test]
fn attack_12_pallet_assets_is_closed_whatever_the_wrapper() {
	attack_ext().execute_with(|| {
		type Assets = pallet_assets::Call<Runtime>;
		let create: RuntimeCall =
			Assets::create { id: codec::Compact(77), admin: MultiAddress::Id(holder(0)), min_balance: 1 }.into();
		assert_eq!(admitted(&holder(0), &create, 100), refused(refusal::CALL_NOT_ALLOWED));
		assert_eq!(dispatch(create, RuntimeOrigin::signed(holder(0))), filtered());
		let direct: RuntimeCall =
			Assets::transfer { id: codec::Compact(ASSET), target: MultiAddress::Id(holder(1)), amount: 1 }.into();
		// sudo_as bypasses the filter for the call it carries, so the filter
		// looks inside it (and inside sudo, multisig and proposals).
		let wrappers: [RuntimeCall; 3] = [
			pallet_sudo::Call::<Runtime>::sudo_as { who: MultiAddress::Id(holder(0)), call: Box::new(direct.clone()) }.into(),
			pallet_sudo::Call::<Runtime>::sudo { call: Box::new(direct.clone()) }.into(),
			pallet_governance::Call::<Runtime>::propose { call: Box::new(direct.clone()) }.into(),
		];
		for wrapped in wrappers {
			assert_eq!(dispatch(wrapped.clone(), RuntimeOrigin::signed(council())), filtered(), "{wrapped:?}");
		}
		let in_multisig: RuntimeCall = pallet_multisig::Call::<Runtime>::as_multi_threshold_1 {
			other_signatories: alloc::vec![holder(1)],
			call: Box::new(direct),
		}
		.into();
		assert_eq!(admitted(&holder(0), &in_multisig, 200), refused(refusal::CALL_NOT_ALLOWED));
		assert_eq!(balance_of(ASSET, &holder(1)), 1_000_000);
		// Benign: governance still proposes and creates a plain asset.
		let force_create: RuntimeCall =
			Assets::force_create { id: codec::Compact(78), owner: MultiAddress::Id(bank()), is_sufficient: true, min_balance: 1 }
				.into();
		assert_ok!(dispatch(force_create, RuntimeOrigin::signed(council())));
		let proposal: RuntimeCall =
			pallet_governance::Call::<Runtime>::propose { call: Box::new(compliant_transfer()) }.into();
		assert_ok!(dispatch(proposal, RuntimeOrigin::signed(council())));
		assert_eq!(pallet_governance::Proposals::<Runtime>::count(), 1);
	});
}

// --- 13 ---------------------------------------------------------------------

#[test]
fn attack_13_one_address_freeze_with_one_meaning() {
	attack_ext().execute_with(|| {
		use frame_support::traits::PalletInfoAccess;
		use pallet_compliant_assets::Error;
		// The breaker's own address freeze is gone: its call indices 5 and 6
		// decode to no call at all.
		let breaker = <CircuitBreaker as PalletInfoAccess>::index() as u8;
		for index in [5u8, 6] {
			assert!(RuntimeCall::decode(&mut &[breaker, index, 0, 0, 0, 0][..]).is_err());
		}
		// The freeze pallet's address freeze stops the address outright.
		let officer_origin = || RuntimeOrigin::signed(officer());
		assert_ok!(Freeze::freeze_address(officer_origin(), holder(0), FreezeReason::SanctionsMatch, b"SDN 1".to_vec()));
		let send = |from: usize, to: usize| {
			CompliantAssets::transfer(RuntimeOrigin::signed(holder(from)), ASSET, holder(to), 1)
		};
		assert_eq!(admitted(&holder(0), &compliant_transfer(), 100), refused(refusal::ADDRESS_FROZEN));
		assert_eq!(send(0, 1), Err(Error::<Runtime>::AddressFrozen.into()));
		assert_eq!(send(1, 0), Err(Error::<Runtime>::AddressFrozen.into()));
		// Benign: everyone else moves, and once lifted so does the address.
		assert_ok!(send(1, 2));
		assert_ok!(Freeze::unfreeze_address(officer_origin(), holder(0)));
		assert!(admitted(&holder(0), &compliant_transfer(), 100).is_ok());
		assert_ok!(send(1, 0));
		assert_ok!(send(0, 1));
	});
}

// --- 14-17: EUR deposits ------------------------------------------------------

const EURD: AssetId = 43;

/// A 10-block attestation age, so that staleness is reached in a test.
fn deposit_token(depositary: AccountId) -> pallet_mint_escrow::DepositTokenOf<Runtime> {
	super::deposit_token(depositary, 10, 1)
}

/// `attack_ext` plus the deposit token `EURD` (supply agent appointed as on
/// any asset) attested at 1 000 as of block 1.
fn deposits_ext() -> sp_io::TestExternalities {
	let mut ext = attack_ext();
	ext.execute_with(|| {
		create_permissioned_asset(EURD, Default::default());
		appoint(EURD, supply_agent(), &[AgentRole::Supply]);
		assert_ok!(crate::MintEscrow::set_deposit_token(RuntimeOrigin::root(), EURD, deposit_token(reserve_depositary())));
		assert_ok!(attest_backing(1_000, 1));
	});
	ext
}

fn attest_backing_call(fiat: Balance, as_of: BlockNumber) -> RuntimeCall {
	pallet_mint_escrow::Call::<Runtime>::attest_backing {
		asset: EURD,
		fiat_balance: fiat,
		liabilities: 0,
		reserve_root: sp_core::H256::zero(),
		report_hash: sp_core::H256::zero(),
		as_of,
	}
	.into()
}

fn attest_backing(fiat: Balance, as_of: BlockNumber) -> Result<(), DispatchError> {
	dispatch(attest_backing_call(fiat, as_of), RuntimeOrigin::signed(reserve_depositary()))
}

fn record_deposit(n: u8, amount: Balance) -> Result<(), DispatchError> {
	crate::MintEscrow::record_deposit(
		RuntimeOrigin::signed(mint_operator()),
		EURD,
		holder(0),
		amount,
		sp_core::H256::repeat_byte(n),
	)
}

#[test]
fn attack_14_a_supply_agent_cannot_issue_or_burn_a_deposit_token() {
	deposits_ext().execute_with(|| {
		use pallet_compliant_assets::Error;
		let agent = || RuntimeOrigin::signed(supply_agent());
		assert_noop!(CompliantAssets::mint(agent(), EURD, holder(1), 1_000_000), Error::<Runtime>::SupplyManagedByMintEscrow);
		assert_ok!(record_deposit(1, 100));
		assert_noop!(CompliantAssets::burn(agent(), EURD, holder(0), 100), Error::<Runtime>::SupplyManagedByMintEscrow);
		// Benign: the same agent still mints an ordinary permissioned asset.
		assert_ok!(CompliantAssets::mint(agent(), ASSET, holder(1), 1));
	});
}

#[test]
fn attack_15_nobody_but_the_depositary_lifts_its_pause() {
	deposits_ext().execute_with(|| {
		use pallet_mint_escrow::Error;
		assert_ok!(crate::MintEscrow::depositary_pause(RuntimeOrigin::signed(reserve_depositary()), EURD));
		let resume: RuntimeCall = pallet_mint_escrow::Call::<Runtime>::depositary_resume { asset: EURD }.into();
		assert_eq!(dispatch(resume.clone(), RuntimeOrigin::root()), Err(DispatchError::BadOrigin));
		for who in [council(), mint_operator(), depositary(), officer()] {
			assert_eq!(dispatch(resume.clone(), RuntimeOrigin::signed(who)), Err(Error::<Runtime>::NotDepositary.into()));
		}
		// Nor through a council decision to swap in another depositary.
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), bank3(), Roles::from_roles(&[Role::Bank, Role::Depositary])));
		let swap: RuntimeCall = pallet_mint_escrow::Call::<Runtime>::set_deposit_token {
			asset: EURD,
			token: deposit_token(bank3()),
		}
		.into();
		assert_eq!(dispatch(swap, RuntimeOrigin::root()), Err(Error::<Runtime>::DepositaryPauseInForce.into()));
		assert_eq!(record_deposit(1, 1), Err(Error::<Runtime>::PausedByDepositary.into()));
		// Benign: the depositary lifts it.
		assert_ok!(dispatch(resume, RuntimeOrigin::signed(reserve_depositary())));
		assert_ok!(record_deposit(1, 1));
	});
}

#[test]
fn attack_16_the_officer_cannot_take_the_depositary_brake_away() {
	deposits_ext().execute_with(|| {
		use pallet_mint_escrow::Error;
		let officer_origin = || RuntimeOrigin::signed(officer());
		// The depositary sits in DE: blocked, address-frozen and sanctioned.
		assert_ok!(IdentityRegistry::block_jurisdiction(officer_origin(), DE));
		assert_ok!(Freeze::freeze_address(officer_origin(), reserve_depositary(), FreezeReason::AmlFlag, b"alert".to_vec()));
		assert_ok!(IdentityRegistry::sanction_account(officer_origin(), reserve_depositary(), None));
		let pause: RuntimeCall = pallet_mint_escrow::Call::<Runtime>::depositary_pause { asset: EURD }.into();
		let resume: RuntimeCall = pallet_mint_escrow::Call::<Runtime>::depositary_resume { asset: EURD }.into();
		for call in [&pause, &resume, &attest_backing_call(1_000, 1)] {
			assert_eq!(admitted(&reserve_depositary(), call, 200), Ok(priority::GOVERNANCE));
		}
		// The brake still works; what lets minting go on needs good standing.
		assert_ok!(dispatch(pause, RuntimeOrigin::signed(reserve_depositary())));
		assert_eq!(dispatch(resume.clone(), RuntimeOrigin::signed(reserve_depositary())), Err(Error::<Runtime>::DepositaryLacksRole.into()));
		assert_eq!(attest_backing(5_000, 1), Err(Error::<Runtime>::DepositaryLacksRole.into()));
		// Nor can the officer and the council together swap in a friendlier
		// depositary while the pause stands.
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), bank3(), Roles::from_roles(&[Role::Bank, Role::Depositary])));
		assert_noop!(
			crate::MintEscrow::set_deposit_token(RuntimeOrigin::root(), EURD, deposit_token(bank3())),
			Error::<Runtime>::DepositaryPauseInForce
		);
		// Benign: the officer's sanction lifted, the depositary lifts its pause.
		assert_ok!(IdentityRegistry::unsanction_account(officer_origin(), reserve_depositary()));
		assert_ok!(dispatch(resume, RuntimeOrigin::signed(reserve_depositary())));
	});
}

#[test]
fn attack_17_the_issuer_mints_only_against_a_fresh_reserve_and_once_per_credit() {
	deposits_ext().execute_with(|| {
		use pallet_mint_escrow::Error;
		assert_eq!(record_deposit(1, 1_001), Err(Error::<Runtime>::InsufficientBacking.into()));
		assert_ok!(record_deposit(1, 600));
		assert_eq!(record_deposit(1, 600), Err(Error::<Runtime>::DepositReferenceUsed.into()));
		assert_eq!(record_deposit(2, 401), Err(Error::<Runtime>::InsufficientBacking.into()));
		System::set_block_number(12);
		assert_eq!(record_deposit(2, 1), Err(Error::<Runtime>::AttestationStale.into()));
		// Benign: a fresh attestation of more fiat.
		assert_ok!(attest_backing(2_000, 12));
		assert_ok!(record_deposit(2, 1_400));
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

// --- 18-21: the payment rail ---------------------------------------------------

use super::payments::{pay, rail_ext, MAX_PAYMENT, USDT};

fn release(tx_id: pallet_payments::TxId) -> Result<(), DispatchError> {
	outcome(crate::Payments::confirm_settlements(RuntimeOrigin::signed(settlement_committee()), alloc::vec![tx_id]))
}

fn payment_status(tx_id: pallet_payments::TxId) -> pallet_payments::PaymentStatus<BlockNumber> {
	pallet_payments::PaymentRecords::<Runtime>::get(tx_id).expect("the payment exists").status
}

#[test]
fn attack_18_escrowed_funds_are_spent_once() {
	rail_ext().execute_with(|| {
		use pallet_compliant_assets::Error;
		let tx_id = pay(0, 1, 8_000).expect("initiated");
		assert_noop!(
			CompliantAssets::transfer(RuntimeOrigin::signed(holder(0)), USDT, holder(2), 2_001),
			Error::<Runtime>::EscrowedForPayment
		);
		assert_noop!(pay(0, 2, 2_001), Error::<Runtime>::EscrowedForPayment);
		assert_noop!(
			CompliantAssets::forced_transfer(RuntimeOrigin::signed(enforcement_agent()), USDT, holder(0), holder(2), 2_001),
			Error::<Runtime>::EscrowedForPayment
		);
		assert_noop!(
			Freeze::freeze(RuntimeOrigin::signed(freeze_agent()), USDT, holder(0), 2_001, FreezeReason::AmlFlag, b"x".to_vec()),
			pallet_freeze::Error::<Runtime>::InsufficientUnfrozenBalance
		);
		// Benign: the free 2 000 move, and the escrow is released whole.
		assert_ok!(CompliantAssets::transfer(RuntimeOrigin::signed(holder(0)), USDT, holder(2), 2_000));
		assert_ok!(release(tx_id));
		assert_eq!(balance_of(USDT, &holder(0)), 0);
	});
}

#[test]
fn attack_19_customers_act_only_on_their_own_payments_and_within_bounds() {
	rail_ext().execute_with(|| {
		use pallet_payments::Error;
		let tx_id = pay(0, 1, 100).expect("initiated");
		for who in [holder(1), holder(2), bank(), supply_agent()] {
			assert_noop!(
				crate::Payments::challenge(RuntimeOrigin::signed(who.clone()), tx_id, sp_core::H256::zero()),
				Error::<Runtime>::NotEntitledToChallenge
			);
			assert_noop!(
				crate::Payments::store_payment_data_hash(RuntimeOrigin::signed(who), tx_id, Some(sp_core::H256::zero()), None),
				Error::<Runtime>::NotSenderOrSendingBank
			);
		}
		// A customer's unsettled payments are bounded (the runtime allows 32).
		for _ in 1..32 {
			assert_ok!(pay(0, 1, 1));
		}
		assert_noop!(pay(0, 1, 1), Error::<Runtime>::TooManyOpenPayments);
		// Benign: the officer objects; the sender anchors its hash.
		assert_ok!(crate::Payments::challenge(RuntimeOrigin::signed(officer()), tx_id, sp_core::H256::zero()));
		assert_ok!(crate::Payments::store_payment_data_hash(
			RuntimeOrigin::signed(holder(0)),
			tx_id,
			Some(sp_core::H256::zero()),
			None
		));
	});
}

#[test]
fn attack_20_a_payment_ends_once_and_not_before_its_time() {
	rail_ext().execute_with(|| {
		use pallet_payments::Error;
		let tx_id = pay(0, 1, MAX_PAYMENT).expect("initiated");
		assert_noop!(
			crate::Payments::refund_expired(RuntimeOrigin::signed(holder(3)), tx_id),
			Error::<Runtime>::NotExpired
		);
		assert_ok!(release(tx_id));
		assert_noop!(release(tx_id), Error::<Runtime>::PaymentSettled);
		System::set_block_number(System::block_number() + crate::DAYS);
		assert_noop!(crate::Payments::refund_expired(RuntimeOrigin::signed(holder(3)), tx_id), Error::<Runtime>::PaymentSettled);
		assert_noop!(
			crate::Payments::cancel_payment(RuntimeOrigin::signed(settlement_committee()), tx_id),
			Error::<Runtime>::PaymentSettled
		);
		assert_eq!(balance_of(USDT, &holder(1)), 10_000 + MAX_PAYMENT);
	});
}

#[test]
fn attack_21_a_recipient_sanctioned_after_initiation_receives_nothing() {
	rail_ext().execute_with(|| {
		let tx_id = pay(0, 1, 500).expect("initiated");
		assert_ok!(IdentityRegistry::sanction_account(RuntimeOrigin::signed(officer()), holder(1), None));
		assert_ok!(release(tx_id));
		let reason = pallet_payments::WithholdReason::Refused(
			pallet_compliant_assets::Error::<Runtime>::ReceiverSanctioned.into(),
		);
		let event = crate::RuntimeEvent::Payments(pallet_payments::Event::SettlementWithheld { tx_id, reason });
		assert!(System::events().iter().any(|record| record.event == event));
		assert_eq!(payment_status(tx_id), pallet_payments::PaymentStatus::Initiated);
		// Benign: the committee refunds it.
		assert_ok!(crate::Payments::cancel_payment(RuntimeOrigin::signed(settlement_committee()), tx_id));
		assert_eq!(balance_of(USDT, &holder(0)), 10_000);
	});
}

/// The FX benchmark's second asset in these tests: EUR coins the provider holds.
const EURT: AssetId = 4_001;

/// Alice's bank (its sr25519 key) quotes USDT into EURT at `rate`.
fn fx_quote(id: u8, rate: sp_runtime::FixedU128) -> pallet_payments::FxQuoteOf<Runtime> {
	pallet_payments::FxQuote {
		quote_id: sp_core::H256::repeat_byte(id),
		lp: bank(),
		source_asset: USDT,
		target_asset: EURT,
		rate,
		max_source_amount: 5_000,
		expires_at: 20,
		genesis_hash: System::block_hash(0),
	}
}

fn take(quote: pallet_payments::FxQuoteOf<Runtime>, signature: crate::Signature) -> Result<(), DispatchError> {
	outcome(crate::Payments::pay_with_fx(RuntimeOrigin::signed(holder(0)), quote, signature, holder(1), 1_000, 900, 20))
}

fn lp_signature(quote: &pallet_payments::FxQuoteOf<Runtime>) -> crate::Signature {
	Sr25519Keyring::Alice.sign(&codec::Encode::encode(quote)).into()
}

#[test]
fn attack_22_an_fx_quote_is_taken_once_on_its_terms_on_this_chain() {
	rail_ext().execute_with(|| {
		use pallet_payments::Error;
		create_permissioned_asset(EURT, Default::default());
		appoint(EURT, supply_agent(), &[AgentRole::Supply]);
		assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(supply_agent()), EURT, bank(), 100_000));
		let eur = pallet_payments::SettlementCurrency { code: *b"EUR", decimals: 2 };
		assert_ok!(crate::Payments::set_settlement_currency(RuntimeOrigin::root(), EURT, Some(eur)));
		let rate = sp_runtime::FixedU128::from_rational(9, 10);
		// The provider has no LiquidityProvider role yet.
		assert_noop!(take(fx_quote(1, rate), lp_signature(&fx_quote(1, rate))), Error::<Runtime>::NotLiquidityProvider);
		let roles = Roles::from_roles(&[Role::Bank, Role::LiquidityProvider]);
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), bank(), roles));
		// A better rate than the one signed.
		let mut better = fx_quote(1, rate);
		let signed = lp_signature(&better);
		better.rate = sp_runtime::FixedU128::from_rational(11, 10);
		assert_noop!(take(better, signed), Error::<Runtime>::BadQuoteSignature);
		// A quote for another chain.
		let mut foreign = fx_quote(1, rate);
		foreign.genesis_hash = sp_core::H256::repeat_byte(9);
		assert_noop!(take(foreign.clone(), lp_signature(&foreign)), Error::<Runtime>::WrongChain);
		// Benign: taken once at the signed rate, both legs moved.
		assert_ok!(take(fx_quote(1, rate), lp_signature(&fx_quote(1, rate))));
		assert_eq!((balance_of(USDT, &bank()), balance_of(EURT, &holder(1))), (1_000, 900));
		assert_noop!(take(fx_quote(1, rate), lp_signature(&fx_quote(1, rate))), Error::<Runtime>::QuoteUsed);
		System::set_block_number(21);
		let late = fx_quote(2, rate);
		assert_noop!(
			crate::Payments::pay_with_fx(RuntimeOrigin::signed(holder(0)), late.clone(), lp_signature(&late), holder(1), 1_000, 900, 30),
			Error::<Runtime>::QuoteExpired
		);
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

/// A NAV feed of `oracle_submitter()` and two more submitters, quorum 2,
/// 1 h, 5 %; its first value (1.000) agreed a second before now.
fn oracle_ext() -> sp_io::TestExternalities {
	let mut ext = new_ext();
	ext.execute_with(|| {
		let submitters = alloc::vec![oracle_submitter(), holder(3), holder(4)];
		for who in &submitters[1..] {
			assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), who.clone(), Roles::from_roles(&[Role::OracleSubmitter])));
		}
		let settings = pallet_nav_oracle::FeedSettings {
			kind: pallet_nav_oracle::FeedKind::FundNav { currency: *b"EUR" },
			submitters: frame_support::BoundedVec::truncate_from(submitters),
			quorum: 2,
			max_age_ms: 3_600_000,
			max_deviation: sp_runtime::Permill::from_percent(5),
			requires_sign_off: false,
		};
		assert_ok!(crate::NavOracle::register_feed(RuntimeOrigin::root(), FEED, settings));
		assert_ok!(nav(oracle_submitter(), 1_000, NOW_MS - 1_000));
		assert_ok!(nav(holder(3), 1_000, NOW_MS - 1_000));
	});
	ext
}

const FEED: tokenize_primitives::FeedId = 1;

fn nav(who: AccountId, thousandths: u128, observed_at: u64) -> Result<(), DispatchError> {
	let round = pallet_nav_oracle::Rounds::<Runtime>::get(FEED).id;
	let value = sp_runtime::FixedU128::from_rational(thousandths, 1_000);
	outcome(crate::NavOracle::submit(RuntimeOrigin::signed(who), FEED, round, value, observed_at))
}

#[test]
fn attack_23_a_nav_is_made_only_by_a_quorum_of_live_assigned_submitters() {
	oracle_ext().execute_with(|| {
		use pallet_nav_oracle::Error;
		// A role holder the feed does not list.
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), holder(2), Roles::from_roles(&[Role::OracleSubmitter])));
		assert_noop!(nav(holder(2), 1_300, NOW_MS), Error::<Runtime>::NotFeedSubmitter);
		// One submitter cannot be two votes of the quorum.
		assert_ok!(nav(holder(3), 1_300, NOW_MS));
		assert_noop!(nav(holder(3), 1_300, NOW_MS), Error::<Runtime>::AlreadySubmitted);
		// A sanctioned submitter is out at once.
		assert_ok!(IdentityRegistry::sanction_account(RuntimeOrigin::signed(officer()), holder(4), None));
		assert_noop!(nav(holder(4), 1_300, NOW_MS), Error::<Runtime>::NotOracleSubmitter);
		// Benign: a second live submitter closes the round; the 30 % move is
		// held, and the committee approves only the value it was shown.
		assert_ok!(nav(oracle_submitter(), 1_300, NOW_MS));
		assert!(pallet_nav_oracle::Held::<Runtime>::contains_key(FEED));
		let shown = sp_runtime::FixedU128::from_rational(1_300, 1_000);
		assert_noop!(
			crate::NavOracle::approve_held(RuntimeOrigin::signed(depositary()), FEED, shown + sp_runtime::FixedU128::from_inner(1)),
			Error::<Runtime>::HeldValueMismatch
		);
		assert_ok!(crate::NavOracle::approve_held(RuntimeOrigin::signed(depositary()), FEED, shown));
		assert_eq!(<crate::NavOracle as tokenize_primitives::NavProvider>::current(FEED).map(|p| p.value), Ok(shown));
	});
}

#[test]
fn attack_24_a_silent_feed_serves_no_price() {
	oracle_ext().execute_with(|| {
		use tokenize_primitives::{NavProvider, NavRefusal};
		assert!(crate::NavOracle::current(FEED).is_ok());
		pallet_timestamp::Now::<Runtime>::put(NOW_MS - 1_000 + 3_600_001);
		assert_eq!(crate::NavOracle::current(FEED), Err(NavRefusal::Stale));
		// Forward pricing still finds the value struck before: history is no
		// stale price, it is the price of its own date.
		assert_eq!(crate::NavOracle::value_at(FEED, NOW_MS - 2_000).map(|p| p.observed_at), Ok(NOW_MS - 1_000));
	});
}

#[test]
fn attack_25_shares_locked_for_redemption_leave_by_the_claim_alone() {
	super::funds::funds_ext().execute_with(|| {
		use super::funds::{EUR, SHARE, TMMF_SHARES};
		use pallet_fund_vault::Error;
		type Money = crate::Tmmf;
		type MoneyError = Error<Runtime, frame_support::instances::Instance1>;
		let investor = || RuntimeOrigin::signed(holder(0));
		assert_ok!(Money::subscribe(investor(), 200 * EUR));
		assert_ok!(Money::request_redeem(investor(), 150 * SHARE));
		// Not moved, not redeemed again, not switched, not confiscated.
		assert_noop!(
			CompliantAssets::transfer(investor(), TMMF_SHARES, holder(1), 60 * SHARE),
			pallet_compliant_assets::Error::<Runtime>::LockedForRedemption
		);
		assert_noop!(Money::request_redeem(investor(), 51 * SHARE), MoneyError::InsufficientShares);
		assert_noop!(Money::switch_to(investor(), crate::configs::TMF_FUND, 51 * SHARE), MoneyError::InsufficientShares);
		appoint(TMMF_SHARES, enforcement_agent(), &[AgentRole::ForcedTransfer]);
		assert_noop!(
			CompliantAssets::forced_transfer(RuntimeOrigin::signed(enforcement_agent()), TMMF_SHARES, holder(0), holder(1), 51 * SHARE),
			pallet_compliant_assets::Error::<Runtime>::LockedForRedemption
		);
		// Not claimed before T+1, and once only.
		assert_noop!(Money::claim_redeem(investor(), holder(0), 0), MoneyError::NotYetSettled);
		super::funds::set_clock(1, 8);
		super::funds::strike_both();
		assert_ok!(Money::claim_redeem(investor(), holder(0), 0));
		assert_noop!(Money::claim_redeem(investor(), holder(0), 0), MoneyError::RequestClosed);
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

#[test]
fn attack_26_nobody_picks_a_redemption_price_or_deals_on_a_stale_nav() {
	super::funds::funds_ext().execute_with(|| {
		use super::funds::{set_clock, strike, EUR, SHARE, TMF_SHARES};
		type Mutual = crate::Tmf;
		type MutualError = pallet_fund_vault::Error<Runtime, frame_support::instances::Instance2>;
		let investor = || RuntimeOrigin::signed(bank3());
		assert_ok!(Mutual::subscribe(investor(), 1_050 * EUR));
		assert_eq!(balance_of(TMF_SHARES, &bank3()), 1_000 * SHARE);
		// The investor knows today's NAV (1.05) and the fund is about to
		// strike higher: a request today is priced at the first NAV on or
		// after T+2, not at the one it saw.
		assert_ok!(Mutual::request_redeem(investor(), 100 * SHARE));
		set_clock(2, 8);
		strike(12, 1_000);
		let before = balance_of(super::funds::EURF, &bank3());
		assert_ok!(Mutual::claim_redeem(investor(), bank3(), 0));
		assert_eq!(balance_of(super::funds::EURF, &bank3()) - before, 100 * EUR);
		// A NAV older than the dealing age is no price; 48 h without one
		// freezes the fund.
		pallet_timestamp::Now::<Runtime>::mutate(|now| *now += 3_600_001);
		assert_noop!(Mutual::subscribe(investor(), 100 * EUR), MutualError::NavStale);
		pallet_timestamp::Now::<Runtime>::mutate(|now| *now += 47 * 3_600_000);
		assert_noop!(Mutual::subscribe(investor(), 100 * EUR), MutualError::DealingFrozen);
	});
}

#[test]
fn attack_27_custody_moves_only_what_the_customer_authorised_and_could_move_itself() {
	new_ext().execute_with(|| {
		create_permissioned_asset(ASSET, Default::default());
		appoint(ASSET, supply_agent(), &[AgentRole::Supply]);
		for i in 0..3 {
			assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(supply_agent()), ASSET, holder(i), 1_000));
		}
		let customer = |i: usize| RuntimeOrigin::signed(holder(i));
		let leg = |from: AccountId, amount: Balance| pallet_compliant_assets::OperatorLeg { from, to: holder(4), amount };
		let batch = |legs| CompliantAssets::operator_transfer(RuntimeOrigin::signed(bank3()), ASSET, legs);
		let refusals = || {
			System::events()
				.into_iter()
				.filter_map(|record| match record.event {
					crate::RuntimeEvent::CompliantAssets(pallet_compliant_assets::Event::OperatorTransferRefused { error, .. }) =>
						Some(error),
					_ => None,
				})
				.collect::<Vec<_>>()
		};
		// Without a grant nothing moves.
		System::reset_events();
		assert_ok!(batch(alloc::vec![leg(holder(0), 10)]));
		assert_eq!(refusals(), alloc::vec![pallet_compliant_assets::Error::<Runtime>::NotAnOperator.into()]);
		// The grant is the customer's alone, to a verified bank only.
		assert_noop!(
			CompliantAssets::authorize_operator(customer(0), ASSET, holder(1)),
			pallet_compliant_assets::Error::<Runtime>::OperatorNotAVerifiedBank
		);
		for bank in [bank(), bank2(), bank3()] {
			assert_ok!(CompliantAssets::authorize_operator(customer(0), ASSET, bank));
		}
		assert_ok!(CompliantAssets::authorize_operator(customer(1), ASSET, bank3()));
		assert_ok!(CompliantAssets::authorize_operator(customer(2), ASSET, bank3()));
		assert_noop!(
			CompliantAssets::authorize_operator(customer(0), ASSET, mint_operator()),
			pallet_compliant_assets::Error::<Runtime>::OperatorNotAVerifiedBank
		);
		// Custody is no way around an enforcement action: a sanctioned
		// customer's and an address-frozen customer's legs are refused.
		assert_ok!(IdentityRegistry::sanction_account(RuntimeOrigin::signed(officer()), holder(1), None));
		assert_ok!(Freeze::freeze_address(
			RuntimeOrigin::signed(officer()),
			holder(2),
			FreezeReason::AmlFlag,
			b"AML alert".to_vec()
		));
		System::reset_events();
		assert_ok!(batch(alloc::vec![leg(holder(0), 10), leg(holder(1), 10), leg(holder(2), 10)]));
		assert_eq!(
			refusals(),
			alloc::vec![
				pallet_compliant_assets::Error::<Runtime>::SenderSanctioned.into(),
				pallet_compliant_assets::Error::<Runtime>::AddressFrozen.into()
			]
		);
		assert_eq!(crate::Assets::balance(ASSET, holder(4)), 10);
		// A revoked grant stops the next batch.
		assert_ok!(CompliantAssets::revoke_operator(customer(0), ASSET, bank3()));
		System::reset_events();
		assert_ok!(batch(alloc::vec![leg(holder(0), 10)]));
		assert_eq!(refusals(), alloc::vec![pallet_compliant_assets::Error::<Runtime>::NotAnOperator.into()]);
		// A bank that loses its licence (the Bank role) acts for nobody.
		assert_ok!(CompliantAssets::authorize_operator(customer(0), ASSET, bank3()));
		assert_ok!(IdentityRegistry::set_roles(RuntimeOrigin::root(), bank3(), Roles::empty()));
		assert_noop!(
			batch(alloc::vec![leg(holder(0), 10)]),
			pallet_compliant_assets::Error::<Runtime>::OperatorNotAVerifiedBank
		);
		assert_eq!(crate::Assets::balance(ASSET, holder(4)), 10);
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}
