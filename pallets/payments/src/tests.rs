//! Rules of the payment rail, one example each, and a property test of the
//! escrow against an independent model.

use crate::{mock::*, pallet::*, types::*};
use frame_support::{assert_noop, assert_ok, weights::Weight};
use sp_core::H256;
use sp_runtime::DispatchError;
use tokenize_primitives::{BreakerRefusal, ComplianceFailure, CorridorUse, PaymentEscrow};

fn hash(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn payment(tx_id: TxId) -> PaymentOf<Test> {
	PaymentRecords::<Test>::get(tx_id).expect("the payment exists")
}

fn confirm(tx_ids: &[TxId]) -> sp_runtime::DispatchResult {
	charged_confirm(tx_ids).map(|_| ())
}

/// [`confirm`], with the weight the call was charged.
fn charged_confirm(tx_ids: &[TxId]) -> Result<Option<Weight>, DispatchError> {
	Payments::confirm_settlements(committee(), tx_ids.to_vec()).map(|info| info.actual_weight).map_err(|e| e.error)
}

/// Alice's USDC: balance, escrowed.
fn alice() -> (u64, u64) {
	(balance(USDC, ALICE), Payments::escrowed(&USDC, &ALICE))
}

#[test]
fn initiation_escrows_in_the_senders_account_and_derives_the_tx_id() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		// Held, not moved: still Alice's balance, no longer spendable.
		assert_eq!(alice(), (FUNDS, 1_000));
		assert_eq!(balance(USDC, BOB), FUNDS);
		let corridor = CorridorUse { source: US, destination: DE, day: 0 };
		assert_eq!(volume(US, DE, 0), 1_000);
		assert_eq!(tx_id, Payments::derive_tx_id(&ALICE, &BOB, &USDC, 1_000, &corridor, 1, 0));
		let stored = payment(tx_id);
		assert_eq!(stored.status, PaymentStatus::Initiated);
		assert_eq!((stored.corridor, stored.challenge_until, stored.expires_at), (corridor, 11, 101));
		assert_eq!(
			events(),
			[Event::PaymentInitiated {
				tx_id,
				sender: ALICE,
				recipient: BOB,
				asset: USDC,
				amount: 1_000,
				source: US,
				destination: DE,
				expires_at: 101
			}]
		);
		// The same payment again in the same block gets a fresh txId (nonce).
		let second = pay(1_000).expect("initiated");
		assert_ne!(second, tx_id);
		assert_eq!((PaymentNonces::<Test>::get(ALICE), OpenPayments::<Test>::get(ALICE)), (2, 2));
	});
}

#[test]
fn initiation_refuses_bad_input_with_a_named_error() {
	new_test_ext().execute_with(|| {
		assert_noop!(pay(0), Error::<Test>::ZeroAmount);
		assert_noop!(pay_from(ALICE, ALICE, USDC, 1), Error::<Test>::SelfPayment);
		assert_noop!(pay_from(ALICE, BOB, SHARES, 1), Error::<Test>::NoSettlementCurrency);
		// compliant-assets' and the corridor's refusals come through unchanged.
		set_failure(ALICE, Some(ComplianceFailure::Sanctioned));
		assert_noop!(pay(1), refusal("SenderNotCompliant"));
		set_failure(ALICE, None);
		set_failure(BOB, Some(ComplianceFailure::Expired));
		assert_noop!(pay(1), refusal("ReceiverNotCompliant"));
		set_failure(BOB, None);
		assert_noop!(pay(MAX_PAYMENT + 1), refusal("AboveMaximum"));
		assert_noop!(pay_from(BOB, NOBODY, USDC, 1), refusal("ReceiverNotCompliant"));
		set_identity(NOBODY, FR, None, &[]);
		set_balance(USDC, NOBODY, FUNDS);
		assert_noop!(pay_from(NOBODY, BOB, USDC, 1), refusal("UnknownCorridor"));
		// Freezes are honoured: only the spendable part can be escrowed.
		set_frozen(USDC, ALICE, FUNDS - 100);
		assert_noop!(pay(101), refusal("InsufficientSpendableBalance"));
		assert_ok!(pay(100));
		set_frozen(USDC, ALICE, 0);
		set_breaker(Some(BreakerRefusal::Throttled));
		assert_noop!(pay(1), Error::<Test>::PaymentThrottled);
		set_breaker(Some(BreakerRefusal::AccountLimitReached));
		assert_noop!(pay(1), Error::<Test>::AccountLimitReached);
	});
}

#[test]
fn escrowed_amounts_are_not_spendable_twice() {
	new_test_ext().execute_with(|| {
		set_balance(USDC, ALICE, 2_500);
		assert_ok!(pay(2_000));
		assert_noop!(pay(501), refusal("InsufficientSpendableBalance"));
		assert_ok!(pay(500));
		assert_eq!(alice(), (2_500, 2_500));
	});
}

#[test]
fn the_corridors_daily_limit_refuses_the_next_payment_and_a_refund_gives_room_back() {
	new_test_ext().execute_with(|| {
		let first = pay(MAX_PAYMENT).expect("initiated");
		assert_ok!(pay(DAILY_LIMIT - MAX_PAYMENT));
		assert_noop!(pay(1), refusal("DailyLimitExceeded"));
		assert_ok!(Payments::cancel_payment(committee(), first));
		assert_eq!(volume(US, DE, 0), DAILY_LIMIT - MAX_PAYMENT);
		assert_ok!(pay(1));
	});
}

#[test]
fn a_sender_has_at_most_max_open_payments() {
	new_test_ext().execute_with(|| {
		let tx_ids: Vec<TxId> = (0..MAX_OPEN).map(|_| pay(10).expect("initiated")).collect();
		assert_noop!(pay(10), Error::<Test>::TooManyOpenPayments);
		// Another sender is not affected; a settled payment frees the slot.
		assert_ok!(pay_from(DAVE, BOB, USDC, 10));
		assert_ok!(confirm(&tx_ids[..1]));
		assert_ok!(pay(10));
	});
}

#[test]
fn the_committee_releases_a_batch_and_a_payment_only_once() {
	new_test_ext().execute_with(|| {
		let a = pay(1_000).expect("initiated");
		let b = pay_from(DAVE, BOB, USDC, 500).expect("initiated");
		System::reset_events();
		assert_ok!(confirm(&[a, b]));
		assert_eq!(alice(), (FUNDS - 1_000, 0));
		assert_eq!(balance(USDC, BOB), FUNDS + 1_500);
		assert_eq!(payment(a).status, PaymentStatus::Released { at: 1 });
		assert_eq!(
			events(),
			[
				Event::PaymentReleased { tx_id: a, recipient: BOB, asset: USDC, amount: 1_000 },
				Event::PaymentReleased { tx_id: b, recipient: BOB, asset: USDC, amount: 500 },
			]
		);
		assert_noop!(confirm(&[a]), Error::<Test>::PaymentSettled);
		assert_noop!(Payments::cancel_payment(committee(), a), Error::<Test>::PaymentSettled);
		run_to(1 + TIMEOUT);
		assert_noop!(Payments::refund_expired(RuntimeOrigin::signed(NOBODY), a), Error::<Test>::PaymentSettled);
		assert_eq!(OpenPayments::<Test>::get(ALICE), 0);
	});
}

#[test]
fn a_malformed_batch_is_refused_whole() {
	new_test_ext().execute_with(|| {
		let a = pay(1_000).expect("initiated");
		assert_noop!(confirm(&[]), Error::<Test>::EmptyBatch);
		assert_noop!(confirm(&[a, a]), Error::<Test>::DuplicateInBatch);
		assert_noop!(confirm(&[a, [7; 16]]), Error::<Test>::UnknownPayment);
		let too_many: Vec<TxId> = (0..=MAX_BATCH as u8).map(|n| [n; 16]).collect();
		assert_noop!(confirm(&too_many), Error::<Test>::BatchTooLarge);
		for who in [ALICE, BOB, CHASE, ADMIN] {
			assert_noop!(
				Payments::confirm_settlements(RuntimeOrigin::signed(who), vec![a]),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn a_recipient_sanctioned_after_initiation_keeps_the_payment_pending_with_the_reason() {
	new_test_ext().execute_with(|| {
		let a = pay(1_000).expect("initiated");
		let b = pay_from(DAVE, BOB, USDC, 100).expect("initiated");
		let c = pay_from(ALICE, DAVE, USDC, 100).expect("initiated");
		set_failure(BOB, Some(ComplianceFailure::Sanctioned));
		System::reset_events();
		assert_ok!(confirm(&[a, b, c]));
		let refused = WithholdReason::Refused(refusal("ReceiverNotCompliant"));
		assert_eq!(
			events(),
			[
				Event::SettlementWithheld { tx_id: a, reason: refused.clone() },
				Event::SettlementWithheld { tx_id: b, reason: refused },
				Event::PaymentReleased { tx_id: c, recipient: DAVE, asset: USDC, amount: 100 },
			]
		);
		// Nothing moved for the withheld payments; their holds stand.
		assert_eq!(alice(), (FUNDS - 100, 1_000));
		assert_eq!(payment(a).status, PaymentStatus::Initiated);
		// The recipient's maximum balance is checked again at release too.
		set_failure(BOB, None);
		set_max_balance(USDC, Some(FUNDS + 500));
		assert_ok!(confirm(&[a, b]));
		assert_eq!(payment(a).status, PaymentStatus::Initiated);
		assert_eq!(payment(b).status, PaymentStatus::Released { at: 1 });
	});
}

#[test]
fn data_hashes_are_stored_once_by_the_sender_or_its_bank() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		let store = |who: u64, data: Option<H256>, travel: Option<H256>| {
			Payments::store_payment_data_hash(RuntimeOrigin::signed(who), tx_id, data, travel)
		};
		assert_noop!(store(ALICE, None, None), Error::<Test>::NothingToStore);
		for stranger in [BOB, COBA, BNP, DAVE, OFFICER, NOBODY] {
			assert_noop!(store(stranger, Some(hash(1)), None), Error::<Test>::NotSenderOrSendingBank);
		}
		assert_ok!(store(CHASE, Some(hash(1)), None));
		assert_eq!(Payments::verify_data(tx_id, hash(1)), DataVerification::Match);
		assert_eq!(Payments::verify_data(tx_id, hash(2)), DataVerification::Mismatch);
		assert_eq!(Payments::verify_data([0; 16], hash(1)), DataVerification::UnknownPayment);
		assert_noop!(store(ALICE, Some(hash(2)), None), Error::<Test>::DataHashAlreadyStored);
		assert_ok!(store(ALICE, None, Some(hash(3))));
		assert_noop!(store(CHASE, None, Some(hash(4))), Error::<Test>::TravelRuleHashAlreadyStored);
		assert_eq!((payment(tx_id).data_hash, payment(tx_id).travel_rule_hash), (Some(hash(1)), Some(hash(3))));
		assert_eq!(
			events().last(),
			Some(&Event::PaymentDataHashStored { tx_id, data_hash: None, travel_rule_hash: Some(hash(3)), by: ALICE })
		);
		// A bank that lost its role, or a settled payment, stores nothing.
		let other = pay(10).expect("initiated");
		set_failure(CHASE, Some(ComplianceFailure::Sanctioned));
		assert_noop!(
			Payments::store_payment_data_hash(RuntimeOrigin::signed(CHASE), other, Some(hash(1)), None),
			Error::<Test>::NotSenderOrSendingBank
		);
		assert_ok!(confirm(&[other]));
		assert_noop!(
			Payments::store_payment_data_hash(RuntimeOrigin::signed(ALICE), other, Some(hash(1)), None),
			Error::<Test>::PaymentSettled
		);
		assert_noop!(
			Payments::store_payment_data_hash(RuntimeOrigin::signed(ALICE), [9; 16], Some(hash(1)), None),
			Error::<Test>::UnknownPayment
		);
	});
}

#[test]
fn hashes_given_at_initiation_are_anchored_at_once() {
	new_test_ext().execute_with(|| {
		assert_ok!(Payments::initiate_payment(RuntimeOrigin::signed(ALICE), USDC, BOB, 10, Some(hash(1)), None));
		let tx_id = last_tx_id();
		assert_eq!(payment(tx_id).data_hash, Some(hash(1)));
		assert_noop!(
			Payments::store_payment_data_hash(RuntimeOrigin::signed(ALICE), tx_id, Some(hash(2)), None),
			Error::<Test>::DataHashAlreadyStored
		);
	});
}

#[test]
fn a_challenge_within_the_window_stops_release_until_the_committee_resolves_it() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		let challenge = |who: u64| Payments::challenge(RuntimeOrigin::signed(who), tx_id, hash(5));
		for stranger in [ALICE, BOB, BNP, NOBODY, COMMITTEE] {
			assert_noop!(challenge(stranger), Error::<Test>::NotEntitledToChallenge);
		}
		assert_noop!(
			Payments::resolve_challenge(committee(), tx_id, ChallengeOutcome::Release),
			Error::<Test>::NotChallenged
		);
		// Bob's bank objects.
		assert_ok!(challenge(COBA));
		assert_eq!(payment(tx_id).challenge, Some(Challenge { by: COBA, reason_hash: hash(5), at: 1 }));
		assert_noop!(challenge(OFFICER), Error::<Test>::AlreadyChallenged);
		System::reset_events();
		assert_ok!(confirm(&[tx_id]));
		assert_eq!(events(), [Event::SettlementWithheld { tx_id, reason: WithholdReason::Challenged }]);
		assert_eq!(alice(), (FUNDS, 1_000));
		// Upheld: refunded.
		assert_ok!(Payments::resolve_challenge(committee(), tx_id, ChallengeOutcome::Refund));
		assert_eq!(alice(), (FUNDS, 0));
		assert_eq!(
			payment(tx_id).status,
			PaymentStatus::Refunded { at: 1, reason: RefundReason::ChallengeUpheld }
		);
		assert_eq!(volume(US, DE, 0), 0);
	});
}

#[test]
fn a_dismissed_challenge_releases_and_a_late_one_is_refused() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		let late = pay(10).expect("initiated");
		assert_ok!(Payments::challenge(RuntimeOrigin::signed(OFFICER), tx_id, hash(5)));
		assert_ok!(Payments::challenge(RuntimeOrigin::signed(CHASE), late, hash(6)).and(Ok(())));
		assert_ok!(Payments::resolve_challenge(committee(), tx_id, ChallengeOutcome::Release));
		assert_eq!(balance(USDC, BOB), FUNDS + 1_000);
		assert!(events().contains(&Event::ChallengeResolved { tx_id, outcome: ChallengeOutcome::Release }));
		// A release refused by the rules fails the resolution with the rule's error.
		let third = pay(100).expect("initiated");
		assert_ok!(Payments::challenge(RuntimeOrigin::signed(OFFICER), third, hash(7)));
		set_failure(BOB, Some(ComplianceFailure::Sanctioned));
		assert_noop!(
			Payments::resolve_challenge(committee(), third, ChallengeOutcome::Release),
			refusal("ReceiverNotCompliant")
		);
		// The window closes CHALLENGE_WINDOW blocks after the initiation.
		set_failure(BOB, None);
		let fourth = pay(100).expect("initiated");
		run_to(1 + CHALLENGE_WINDOW + 1);
		assert_noop!(
			Payments::challenge(RuntimeOrigin::signed(OFFICER), fourth, hash(8)),
			Error::<Test>::ChallengeWindowClosed
		);
	});
}

#[test]
fn anyone_refunds_after_the_timeout_and_nobody_before() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		assert_ok!(Payments::challenge(RuntimeOrigin::signed(OFFICER), tx_id, hash(5)));
		run_to(TIMEOUT);
		assert_noop!(Payments::refund_expired(RuntimeOrigin::signed(NOBODY), tx_id), Error::<Test>::NotExpired);
		run_to(1 + TIMEOUT);
		// Nothing refuses a refund: not the sender's sanction, not a freeze.
		set_failure(ALICE, Some(ComplianceFailure::Sanctioned));
		set_frozen(USDC, ALICE, FUNDS);
		assert_ok!(Payments::refund_expired(RuntimeOrigin::signed(NOBODY), tx_id));
		assert_eq!(alice(), (FUNDS, 0));
		assert_eq!(
			events().last(),
			Some(&Event::PaymentRefunded {
				tx_id,
				sender: ALICE,
				asset: USDC,
				amount: 1_000,
				reason: RefundReason::TimedOut
			})
		);
		assert_noop!(Payments::refund_expired(RuntimeOrigin::signed(NOBODY), tx_id), Error::<Test>::PaymentSettled);
		assert_noop!(
			Payments::refund_expired(RuntimeOrigin::signed(NOBODY), [1; 16]),
			Error::<Test>::UnknownPayment
		);
	});
}

#[test]
fn a_refund_on_a_later_day_leaves_todays_corridor_volume_alone() {
	new_test_ext().execute_with(|| {
		let yesterday = pay(1_000).expect("initiated");
		set_day(1);
		assert_ok!(pay(2_000));
		assert_ok!(Payments::cancel_payment(committee(), yesterday));
		assert_eq!((volume(US, DE, 0), volume(US, DE, 1)), (0, 2_000));
	});
}

#[test]
fn a_move_declares_the_holding_observers_most_and_is_charged_what_they_reported() {
	use crate::WeightInfo as _;
	use frame_support::dispatch::GetDispatchInfo;
	type W = <Test as Config>::WeightInfo;
	let declared = |call: Call<Test>| call.get_dispatch_info().call_weight;
	let most = Weight::from_parts(2 * ACCRUAL_MOST_PER_PARTY, 0);
	let accrued = Weight::from_parts(2 * ACCRUAL_PER_PARTY, 0);
	new_test_ext().execute_with(|| {
		// Declared: the benchmark (which moves an unobserved asset) plus the
		// observers' most for each movement the call may make.
		let releases = Call::confirm_settlements { tx_ids: vec![[1; 16], [2; 16], [3; 16]] };
		assert_eq!(declared(releases), W::confirm_settlements(3) + most * 3);
		let resolution = Call::resolve_challenge { tx_id: [1; 16], outcome: ChallengeOutcome::Release };
		assert_eq!(declared(resolution), W::resolve_challenge() + most);
		let fx = Call::pay_with_fx {
			quote: quote(1, rate(1, 1)),
			signature: signed_by(LP, &quote(1, rate(1, 1))),
			recipient: BOB,
			source_amount: 1,
			min_out: 0,
			deadline: 20,
		};
		assert_eq!(declared(fx), W::pay_with_fx() + most * 2);

		// Charged: the benchmark plus the accrual of each SHARES move only.
		let eur = SettlementCurrency { code: *b"EUR", decimals: 2 };
		assert_ok!(Payments::set_settlement_currency(RuntimeOrigin::signed(ADMIN), SHARES, Some(eur)));
		assert_ok!(pay_from(ALICE, BOB, SHARES, 10));
		let in_shares = last_tx_id();
		let in_usdc = pay(100).expect("initiated");
		assert_ok!(pay_from(ALICE, BOB, SHARES, 20));
		let challenged = last_tx_id();
		assert_ok!(Payments::challenge(RuntimeOrigin::signed(OFFICER), challenged, hash(9)));
		// The challenged payment is withheld: it moved nothing.
		assert_eq!(charged_confirm(&[in_shares, in_usdc, challenged]), Ok(Some(W::confirm_settlements(3) + accrued)));
		assert_eq!((balance(SHARES, BOB), balance(USDC, BOB)), (FUNDS + 10, FUNDS + 100));
		let resolved = Payments::resolve_challenge(committee(), challenged, ChallengeOutcome::Release);
		assert_eq!(resolved.map(|info| info.actual_weight), Ok(Some(W::resolve_challenge() + accrued)));
		assert_eq!(balance(SHARES, BOB), FUNDS + 30);
		// USDC into SHARES: one observed leg of the two.
		let mut into_shares = quote(2, rate(1, 1));
		into_shares.target_asset = SHARES;
		assert_eq!(charged_fx(into_shares, 1_000, 1_000), Ok(Some(W::pay_with_fx() + accrued)));
		assert_eq!(charged_fx(quote(3, rate(1, 1)), 1_000, 1_000), Ok(Some(W::pay_with_fx())));
	});
}

#[test]
fn only_governance_sets_a_settlement_currency() {
	new_test_ext().execute_with(|| {
		let eur2 = SettlementCurrency { code: *b"EUR", decimals: 2 };
		assert_noop!(
			Payments::set_settlement_currency(RuntimeOrigin::signed(COMMITTEE), SHARES, Some(eur2)),
			DispatchError::BadOrigin
		);
		for malformed in [SettlementCurrency { code: *b"eur", decimals: 2 }, SettlementCurrency { code: *b"EUR", decimals: 19 }] {
			assert_noop!(
				Payments::set_settlement_currency(RuntimeOrigin::signed(ADMIN), SHARES, Some(malformed)),
				Error::<Test>::MalformedCurrency
			);
		}
		assert_ok!(Payments::set_settlement_currency(RuntimeOrigin::signed(ADMIN), SHARES, Some(eur2)));
		assert_ok!(pay_from(ALICE, BOB, SHARES, 10));
		let pending = last_tx_id();
		// Removing it stops new payments; the pending one still settles.
		assert_ok!(Payments::set_settlement_currency(RuntimeOrigin::signed(ADMIN), SHARES, None));
		assert_noop!(pay_from(ALICE, BOB, SHARES, 10), Error::<Test>::NoSettlementCurrency);
		assert_ok!(confirm(&[pending]));
		assert_eq!(events().last(), Some(&Event::PaymentReleased { tx_id: pending, recipient: BOB, asset: SHARES, amount: 10 }));
	});
}

#[test]
fn governance_sets_the_window_and_timeout_of_new_payments_only() {
	new_test_ext().execute_with(|| {
		let before = pay(10).expect("initiated");
		let set = |settings| Payments::set_rail_settings(RuntimeOrigin::signed(ADMIN), settings);
		let settings = |challenge_window, payment_timeout| Some(RailSettings { challenge_window, payment_timeout });
		assert_noop!(set(settings(0, 5)), Error::<Test>::InvalidSettings);
		assert_noop!(set(settings(6, 5)), Error::<Test>::InvalidSettings);
		assert_noop!(set(settings(5, MAX_TIMEOUT + 1)), Error::<Test>::InvalidSettings);
		assert_noop!(
			Payments::set_rail_settings(RuntimeOrigin::signed(COMMITTEE), settings(2, 5)),
			DispatchError::BadOrigin
		);
		assert_ok!(set(settings(2, 5)));
		let after = pay(10).expect("initiated");
		assert_eq!((payment(after).challenge_until, payment(after).expires_at), (3, 6));
		run_to(6);
		assert_ok!(Payments::refund_expired(RuntimeOrigin::signed(NOBODY), after));
		assert_noop!(Payments::refund_expired(RuntimeOrigin::signed(NOBODY), before), Error::<Test>::NotExpired);
		assert_ok!(set(None));
		assert_eq!(Payments::rail_settings(), RailSettings { challenge_window: CHALLENGE_WINDOW, payment_timeout: TIMEOUT });
		assert_eq!(events().last(), Some(&Event::RailSettingsSet { settings: None }));
	});
}

// ---- fiat leg -------------------------------------------------------------------

fn receipt(n: u8, tx_id: TxId, outcome: FiatOutcome) -> FiatReceiptOf<Test> {
	FiatReceipt { receipt_id: H256::repeat_byte(n), tx_id, genesis_hash: GENESIS, expires_at: 20, outcome }
}

fn submit(receipt: FiatReceiptOf<Test>, signer: u64) -> sp_runtime::DispatchResult {
	let signature = sp_runtime::testing::TestSignature(signer, codec::Encode::encode(&receipt));
	Payments::submit_fiat_receipt(RuntimeOrigin::signed(NOBODY), receipt, signature)
}

fn open_leg(tx_id: TxId) -> sp_runtime::DispatchResult {
	Payments::open_fiat_leg(RuntimeOrigin::signed(CHASE), tx_id, COBA)
}

#[test]
fn a_fiat_leg_moves_only_initiated_pending_confirmed_released() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		// No receipt settles a payment without a fiat leg.
		assert_noop!(submit(receipt(1, tx_id, FiatOutcome::Confirmed), COBA), Error::<Test>::NoFiatLeg);
		// Only the sender or its bank opens one, naming the recipient's bank.
		assert_noop!(Payments::open_fiat_leg(RuntimeOrigin::signed(BOB), tx_id, COBA), Error::<Test>::NotSenderOrSendingBank);
		assert_noop!(Payments::open_fiat_leg(RuntimeOrigin::signed(ALICE), tx_id, BNP), Error::<Test>::NotRecipientBank);
		assert_ok!(open_leg(tx_id));
		assert_eq!(events().last(), Some(&Event::FiatLegOpened { tx_id, receiving_bank: COBA }));
		assert_noop!(open_leg(tx_id), Error::<Test>::FiatLegExists);
		// Pending: the committee cannot release it.
		System::reset_events();
		assert_ok!(confirm(&[tx_id]));
		assert_eq!(events(), [Event::SettlementWithheld { tx_id, reason: WithholdReason::FiatLegNotConfirmed }]);
		// Only the named bank's receipt, for this chain, unexpired, once.
		assert_noop!(submit(receipt(1, tx_id, FiatOutcome::Confirmed), CHASE), Error::<Test>::BadReceiptSignature);
		let mut foreign = receipt(1, tx_id, FiatOutcome::Confirmed);
		foreign.genesis_hash = H256::repeat_byte(1);
		assert_noop!(submit(foreign, COBA), Error::<Test>::WrongChain);
		assert_ok!(submit(receipt(1, tx_id, FiatOutcome::Confirmed), COBA));
		assert_eq!(payment(tx_id).status, PaymentStatus::FiatConfirmed);
		assert_noop!(submit(receipt(2, tx_id, FiatOutcome::Failed), COBA), Error::<Test>::FiatLegSettled);
		assert_ok!(confirm(&[tx_id]));
		assert_eq!(payment(tx_id).status, PaymentStatus::Released { at: 1 });
		// A used receipt id is refused for another payment too.
		let other = pay(10).expect("initiated");
		assert_ok!(open_leg(other));
		let mut reused = receipt(1, other, FiatOutcome::Confirmed);
		reused.receipt_id = H256::repeat_byte(1);
		assert_noop!(submit(reused, COBA), Error::<Test>::ReceiptUsed);
		run_to(21);
		assert_noop!(submit(receipt(3, other, FiatOutcome::Confirmed), COBA), Error::<Test>::ReceiptExpired);
	});
}

#[test]
fn a_failed_fiat_leg_only_refunds() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		assert_ok!(open_leg(tx_id));
		assert_ok!(submit(receipt(1, tx_id, FiatOutcome::Failed), COBA));
		assert_eq!(payment(tx_id).status, PaymentStatus::FiatFailed);
		System::reset_events();
		assert_ok!(confirm(&[tx_id]));
		assert_eq!(events(), [Event::SettlementWithheld { tx_id, reason: WithholdReason::FiatLegNotConfirmed }]);
		assert_ok!(Payments::challenge(RuntimeOrigin::signed(OFFICER), tx_id, hash(1)));
		assert_noop!(
			Payments::resolve_challenge(committee(), tx_id, ChallengeOutcome::Release),
			Error::<Test>::FiatLegNotConfirmed
		);
		assert_ok!(Payments::cancel_payment(committee(), tx_id));
		assert_eq!(payment(tx_id).status, PaymentStatus::Refunded { at: 1, reason: RefundReason::Cancelled });
		assert_eq!(alice(), (FUNDS, 0));
	});
}

// ---- payment versus payment ---------------------------------------------------

fn rate(numerator: u128, denominator: u128) -> sp_runtime::FixedU128 {
	sp_runtime::FixedU128::from_rational(numerator, denominator)
}

#[test]
fn an_fx_payment_moves_both_legs_at_the_quoted_rate_rounded_down() {
	new_test_ext().execute_with(|| {
		// 1 000 USDC at 0.92 EURC per USDC.
		assert_ok!(pay_fx(quote(1, rate(92, 100)), 1_000, 920));
		assert_eq!((balance(USDC, ALICE), balance(USDC, LP)), (FUNDS - 1_000, FUNDS + 1_000));
		assert_eq!((balance(EURC, LP), balance(EURC, BOB)), (FUNDS - 920, FUNDS + 920));
		assert_eq!(
			events().last(),
			Some(&Event::FxPaymentSettled {
				quote_id: H256::repeat_byte(1),
				lp: LP,
				payer: ALICE,
				recipient: BOB,
				source_asset: USDC,
				source_amount: 1_000,
				target_asset: EURC,
				target_amount: 920,
			})
		);
		assert_eq!(FxSettlements::<Test>::get(LP, H256::repeat_byte(1)).map(|s| s.target_amount), Some(920));
		// A third of a unit is never paid: 100 at 1/3 gives 33.
		assert_ok!(pay_fx(quote(2, rate(1, 3)), 100, 33));
		assert_eq!(balance(EURC, BOB), FUNDS + 920 + 33);
		// The corridor counted both payments in the source asset.
		assert_eq!(volume(US, DE, 0), 1_100);
	});
}

#[test]
fn a_quote_is_refused_by_name_when_stale_replayed_foreign_forged_or_beyond_its_terms() {
	new_test_ext().execute_with(|| {
		let fair = || quote(1, rate(92, 100));
		assert_noop!(pay_fx(fair(), 1_000, 921), Error::<Test>::Slippage);
		assert_noop!(pay_fx(fair(), MAX_PAYMENT + 1, 0), Error::<Test>::AboveQuoteMaximum);
		assert_noop!(pay_fx(fair(), 0, 0), Error::<Test>::ZeroAmount);
		let mut foreign = fair();
		foreign.genesis_hash = H256::repeat_byte(1);
		assert_noop!(pay_fx(foreign, 1_000, 0), Error::<Test>::WrongChain);
		// Signed by somebody else, or altered after signing.
		let forged = signed_by(ALICE, &fair());
		assert_noop!(
			Payments::pay_with_fx(RuntimeOrigin::signed(ALICE), fair(), forged, BOB, 1_000, 0, 20),
			Error::<Test>::BadQuoteSignature
		);
		let mut better = fair();
		let signature = signed_by(LP, &better);
		better.rate = rate(2, 1);
		assert_noop!(
			Payments::pay_with_fx(RuntimeOrigin::signed(ALICE), better, signature, BOB, 1_000, 0, 20),
			Error::<Test>::BadQuoteSignature
		);
		let mut same = fair();
		same.target_asset = USDC;
		assert_noop!(pay_fx(same, 1_000, 0), Error::<Test>::SameAsset);
		let mut shares = fair();
		shares.target_asset = SHARES;
		assert_noop!(pay_fx(shares, 1_000, 0), Error::<Test>::NoSettlementCurrency);
		// A provider that lost its role quotes nothing.
		set_failure(LP, Some(ComplianceFailure::Sanctioned));
		assert_noop!(pay_fx(fair(), 1_000, 0), Error::<Test>::NotLiquidityProvider);
		set_failure(LP, None);
		// Taken once.
		assert_ok!(pay_fx(fair(), 1_000, 920));
		assert_noop!(pay_fx(fair(), 1_000, 920), Error::<Test>::QuoteUsed);
		// After its expiry block, and after the payer's deadline.
		run_to(21);
		assert_noop!(pay_fx(quote(2, rate(92, 100)), 1_000, 0), Error::<Test>::DeadlinePassed);
		let late = quote(3, rate(92, 100));
		let signature = signed_by(LP, &late);
		assert_noop!(
			Payments::pay_with_fx(RuntimeOrigin::signed(ALICE), late, signature, BOB, 1_000, 0, 30),
			Error::<Test>::QuoteExpired
		);
	});
}

#[test]
fn an_fx_leg_refused_refuses_both() {
	new_test_ext().execute_with(|| {
		// The provider cannot deliver: nothing moves, the quote stays untaken.
		set_balance(EURC, LP, 10);
		assert_noop!(pay_fx(quote(1, rate(92, 100)), 1_000, 0), refusal("InsufficientSpendableBalance"));
		// The recipient may not receive: neither leg happens.
		set_balance(EURC, LP, FUNDS);
		set_failure(BOB, Some(ComplianceFailure::Sanctioned));
		assert_noop!(pay_fx(quote(1, rate(92, 100)), 1_000, 0), refusal("ReceiverNotCompliant"));
		set_failure(BOB, None);
		assert_noop!(pay_fx(quote(1, rate(92, 100)), DAILY_LIMIT, 0), Error::<Test>::AboveQuoteMaximum);
		set_breaker(Some(BreakerRefusal::Throttled));
		assert_noop!(pay_fx(quote(1, rate(92, 100)), 1_000, 0), Error::<Test>::PaymentThrottled);
	});
}

#[test]
fn each_privileged_call_refuses_every_other_role() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(10).expect("initiated");
		for who in [ALICE, BOB, CHASE, COBA, OFFICER, ADMIN, NOBODY] {
			let origin = RuntimeOrigin::signed(who);
			assert_noop!(Payments::confirm_settlements(origin.clone(), vec![tx_id]), DispatchError::BadOrigin);
			assert_noop!(Payments::cancel_payment(origin.clone(), tx_id), DispatchError::BadOrigin);
			assert_noop!(
				Payments::resolve_challenge(origin.clone(), tx_id, ChallengeOutcome::Refund),
				DispatchError::BadOrigin
			);
		}
		for who in [ALICE, BOB, CHASE, COBA, OFFICER, COMMITTEE, NOBODY] {
			assert_noop!(
				Payments::set_settlement_currency(RuntimeOrigin::signed(who), USDC, None),
				DispatchError::BadOrigin
			);
			assert_noop!(Payments::set_rail_settings(RuntimeOrigin::signed(who), None), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn the_view_names_currency_and_both_banks() {
	new_test_ext().execute_with(|| {
		let tx_id = pay(1_000).expect("initiated");
		let view = Payments::payment_view(tx_id).expect("exists");
		assert_eq!((view.currency, view.recipient_bic, view.sender_bic), (Some(usd()), Some(COBA_BIC), Some(CHASE_BIC)));
		assert_eq!(view.payment, payment(tx_id));
		assert!(Payments::payment_view([0; 16]).is_none());
	});
}

mod properties {
	use super::*;
	use proptest::prelude::*;
	use std::collections::BTreeMap;

	#[derive(Clone, Debug)]
	enum Op {
		Pay { from: usize, to: usize, amount: u64 },
		Store { pick: usize },
		Confirm { picks: Vec<usize> },
		Challenge { pick: usize },
		Resolve { pick: usize, release: bool },
		Cancel { pick: usize },
		Expire { pick: usize },
		Sanction { who: usize, on: bool },
		Advance { blocks: u64 },
		/// A fresh quote of `LP` at `percent` / 100 EURC per USDC.
		Fx { from: usize, to: usize, amount: u64, percent: u128 },
		/// A quote taken before, offered again.
		FxReplay { pick: usize },
	}

	const PARTIES: [u64; 3] = [ALICE, DAVE, BOB];

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			4 => (0..3usize, 0..3usize, 1..=3_500u64).prop_map(|(from, to, amount)| Op::Pay { from, to, amount }),
			1 => any::<usize>().prop_map(|pick| Op::Store { pick }),
			2 => proptest::collection::vec(any::<usize>(), 1..4).prop_map(|picks| Op::Confirm { picks }),
			1 => any::<usize>().prop_map(|pick| Op::Challenge { pick }),
			1 => (any::<usize>(), any::<bool>()).prop_map(|(pick, release)| Op::Resolve { pick, release }),
			1 => any::<usize>().prop_map(|pick| Op::Cancel { pick }),
			1 => any::<usize>().prop_map(|pick| Op::Expire { pick }),
			1 => (0..3usize, any::<bool>()).prop_map(|(who, on)| Op::Sanction { who, on }),
			1 => (1..60u64).prop_map(|blocks| Op::Advance { blocks }),
			2 => (0..3usize, 0..3usize, 1..=3_500u64, 50..150u128)
				.prop_map(|(from, to, amount, percent)| Op::Fx { from, to, amount, percent }),
			1 => any::<usize>().prop_map(|pick| Op::FxReplay { pick }),
		]
	}

	/// The model: each payment's amount, parties and whether it is still
	/// open, released or refunded; balances move only on release.
	#[derive(Default)]
	struct Model {
		payments: Vec<(TxId, u64, u64, u64)>,
		outcome: BTreeMap<TxId, &'static str>,
		balances: BTreeMap<u64, u64>,
		/// EURC, moved only by FX payments.
		euro: BTreeMap<u64, u64>,
		/// Quotes taken, by id.
		quotes: Vec<crate::FxQuoteOf<Test>>,
		/// USDC paid through FX by US payers (counted by their corridors).
		fx_from_us: u64,
	}

	impl Model {
		fn pick(&self, n: usize) -> Option<TxId> {
			(!self.payments.is_empty()).then(|| self.payments[n % self.payments.len()].0)
		}
		fn open(&self) -> impl Iterator<Item = &(TxId, u64, u64, u64)> {
			self.payments.iter().filter(|(id, ..)| !self.outcome.contains_key(id))
		}
	}

	/// Applies each op, and after each checks: every payment ended at most
	/// once and as the model says; each party's escrow is the sum of its
	/// open payments; balances moved only by releases; supply unchanged;
	/// the day's corridor volume is the sum of the unrefunded payments.
	fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
		new_test_ext().execute_with(|| {
			let mut model = Model::default();
			for who in PARTIES.into_iter().chain([LP]) {
				model.balances.insert(who, FUNDS);
				model.euro.insert(who, FUNDS);
			}
			let (supply_before, euro_before) = (supply(USDC), supply(EURC));
			for op in ops {
				match op {
					Op::Pay { from, to, amount } => {
						if let Ok(tx_id) = pay_from(PARTIES[from], PARTIES[to], USDC, amount) {
							model.payments.push((tx_id, PARTIES[from], PARTIES[to], amount));
						}
					},
					Op::Store { pick } => if let Some(tx_id) = model.pick(pick) {
						let _ = Payments::store_payment_data_hash(RuntimeOrigin::signed(payment(tx_id).sender), tx_id, Some(hash(1)), None);
					},
					Op::Confirm { picks } => {
						let ids: Vec<TxId> = picks.iter().filter_map(|p| model.pick(*p)).collect();
						let before: Vec<_> = ids.iter().map(|id| payment(*id).status).collect();
						if confirm(&ids).is_ok() {
							prop_assert!(before.iter().all(|status| !status.is_final()), "a settled payment in an accepted batch");
						}
					},
					Op::Challenge { pick } => if let Some(tx_id) = model.pick(pick) {
						let _ = Payments::challenge(RuntimeOrigin::signed(OFFICER), tx_id, hash(2));
					},
					Op::Resolve { pick, release } => if let Some(tx_id) = model.pick(pick) {
						let outcome = if release { ChallengeOutcome::Release } else { ChallengeOutcome::Refund };
						let _ = Payments::resolve_challenge(committee(), tx_id, outcome);
					},
					Op::Cancel { pick } => if let Some(tx_id) = model.pick(pick) {
						let _ = Payments::cancel_payment(committee(), tx_id);
					},
					Op::Expire { pick } => if let Some(tx_id) = model.pick(pick) {
						let _ = Payments::refund_expired(RuntimeOrigin::signed(NOBODY), tx_id);
					},
					Op::Sanction { who, on } =>
						set_failure(PARTIES[who], on.then_some(ComplianceFailure::Sanctioned)),
					Op::Advance { blocks } => run_to(System::block_number() + blocks),
					Op::Fx { from, to, amount, percent } => {
						let mut fresh = quote(0, rate(percent, 100));
						fresh.quote_id = H256::from_low_u64_be(model.quotes.len() as u64 + 1);
						fresh.expires_at = System::block_number() + 5;
						let signature = signed_by(LP, &fresh);
						let (payer, recipient) = (PARTIES[from], PARTIES[to]);
						let now = System::block_number();
						let paid = Payments::pay_with_fx(RuntimeOrigin::signed(payer), fresh.clone(), signature, recipient, amount, 0, now);
						if paid.is_ok() {
							// The oracle: integer floor of amount × percent / 100.
							let delivered = (u128::from(amount) * percent / 100) as u64;
							*model.balances.entry(payer).or_default() -= amount;
							*model.balances.entry(LP).or_default() += amount;
							*model.euro.entry(LP).or_default() -= delivered;
							*model.euro.entry(recipient).or_default() += delivered;
							model.quotes.push(fresh);
							if payer != BOB {
								model.fx_from_us += amount;
							}
						}
					},
					Op::FxReplay { pick } => if !model.quotes.is_empty() {
						let used = model.quotes[pick % model.quotes.len()].clone();
						let signature = signed_by(LP, &used);
						let replayed = Payments::pay_with_fx(RuntimeOrigin::signed(ALICE), used, signature, BOB, 1, 0, System::block_number());
						prop_assert!(replayed.is_err(), "a taken quote was taken again");
					},
				}
				// Record each payment's end exactly once, from the chain, and
				// check it can never change afterwards.
				for (tx_id, from, to, amount) in model.payments.clone() {
					let status = payment(tx_id).status;
					let ended = match status {
						PaymentStatus::Released { .. } => Some("released"),
						PaymentStatus::Refunded { .. } => Some("refunded"),
						_ => None,
					};
					match (model.outcome.get(&tx_id).copied(), ended) {
						(None, Some(end)) => {
							model.outcome.insert(tx_id, end);
							if end == "released" {
								*model.balances.entry(from).or_default() -= amount;
								*model.balances.entry(to).or_default() += amount;
							}
						},
						(Some(before), now) => prop_assert_eq!(Some(before), now, "a payment ended twice"),
						(None, None) => {},
					}
				}
				for who in PARTIES {
					let open: u64 = model.open().filter(|(_, from, ..)| *from == who).map(|(.., a)| *a).sum();
					prop_assert_eq!(Payments::escrowed(&USDC, &who), open);
					prop_assert_eq!(balance(USDC, who), model.balances[&who]);
					prop_assert!(open <= balance(USDC, who), "escrow above the balance");
				}
				prop_assert_eq!(supply(USDC), supply_before);
				prop_assert_eq!(supply(EURC), euro_before);
				for who in PARTIES.into_iter().chain([LP]) {
					prop_assert_eq!(balance(EURC, who), model.euro[&who]);
				}
				prop_assert_eq!(balance(USDC, LP), model.balances[&LP]);
				let unrefunded: u64 = model
					.payments
					.iter()
					.filter(|(id, ..)| model.outcome.get(id) != Some(&"refunded"))
					.filter(|(id, ..)| payment(*id).corridor.source == US)
					.map(|(.., a)| *a)
					.sum();
				prop_assert_eq!(volume(US, DE, 0) + volume(US, US, 0), unrefunded + model.fx_from_us);
				prop_assert!(Payments::do_try_state().is_ok());
			}
			Ok(())
		})
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn escrow_holds_exactly_the_open_payments_and_each_ends_once(ops in proptest::collection::vec(op(), 1..40)) {
			run(ops)?;
		}
	}
}
