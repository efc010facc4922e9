//! Rules of the mint escrow, one example each, against the scripted ledger.
//! The cross-pallet invariants (provisional tokens never move on any path,
//! issuance equals the sum of balances) are property-tested in the runtime.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError;
use tokenize_primitives::{ComplianceFailure, DepositTokens as _};

fn clear(n: u8) -> sp_runtime::DispatchResult {
	MintEscrow::confirm_clearing(RuntimeOrigin::signed(ISSUER), deposit_ref(n))
}

fn reverse(n: u8) -> sp_runtime::DispatchResult {
	MintEscrow::reverse_deposit(RuntimeOrigin::signed(ISSUER), deposit_ref(n), ReversalReason::ClearingFailed)
}

fn redeem(who: u64, amount: u64) -> sp_runtime::DispatchResult {
	MintEscrow::redeem(RuntimeOrigin::signed(who), EURD, amount, H256::repeat_byte(0x1B))
}

fn try_state() {
	assert_ok!(MintEscrow::do_try_state());
}

// ---- configuration ----------------------------------------------------------

#[test]
fn governance_appoints_an_independent_issuer_and_depositary() {
	new_test_ext().execute_with(|| {
		let set = |asset, token| MintEscrow::set_deposit_token(RuntimeOrigin::signed(ADMIN), asset, token);
		assert_noop!(
			MintEscrow::set_deposit_token(RuntimeOrigin::signed(ISSUER), EURD, token()),
			DispatchError::BadOrigin
		);
		assert_noop!(set(99, token()), Error::<Test>::NotPermissioned);
		// A fund's share class: its vault issues it, no reserve backs it.
		assert_noop!(set(SHARES, token()), Error::<Test>::ShareClassOfAFund);
		assert_noop!(set(EURD, DepositToken { issuer: ALICE, ..token() }), Error::<Test>::IssuerNotMintOperator);
		assert_noop!(set(EURD, DepositToken { depositary: BOB, ..token() }), Error::<Test>::DepositaryLacksRole);
		assert_noop!(
			set(EURD, DepositToken { depositary: ISSUER_AFFILIATE, ..token() }),
			Error::<Test>::DepositaryNotIndependent
		);
		assert_noop!(set(EURD, DepositToken { clearing_window: 0, ..token() }), Error::<Test>::InvalidPolicy);
		assert_noop!(set(EURD, DepositToken { max_attestation_age: 0, ..token() }), Error::<Test>::InvalidPolicy);
		assert_noop!(set(EURD, DepositToken { max_attestation_age: 1_001, ..token() }), Error::<Test>::InvalidPolicy);
		assert_noop!(set(EURD, DepositToken { min_redemption: 0, ..token() }), Error::<Test>::InvalidPolicy);
		assert_ok!(set(EURD, token()));
		assert!(MintEscrow::is_deposit_token(&EURD));
		assert!(!MintEscrow::is_deposit_token(&SHARES));
		assert_eq!(events(), [Event::DepositTokenSet { asset: EURD, token: token() }]);
	});
}

// ---- deposits -------------------------------------------------------------------

#[test]
fn a_deposit_mints_provisional_tokens_that_cannot_move_until_cleared() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 300));
		assert_eq!(balance(EURD, ALICE), 300);
		assert_eq!(MintEscrow::uncleared(&EURD, &ALICE), 300);
		assert_eq!(UnclearedTotal::<Test>::get(EURD), 300);
		assert_noop!(transfer(EURD, ALICE, BOB, 1), DispatchError::Other("InsufficientSpendableBalance"));
		assert_noop!(redeem(ALICE, 300), DispatchError::Other("InsufficientSpendableBalance"));

		assert_ok!(clear(1));
		assert_eq!(MintEscrow::uncleared(&EURD, &ALICE), 0);
		assert_ok!(transfer(EURD, ALICE, BOB, 100));
		let deposit = Deposits::<Test>::get(deposit_ref(1)).unwrap();
		assert_eq!((deposit.status, deposit.settled_at), (DepositStatus::Cleared, Some(1)));
		assert_eq!(
			events(),
			[
				Event::DepositRecorded { deposit_ref: deposit_ref(1), asset: EURD, receiver: ALICE, amount: 300 },
				Event::DepositCleared { deposit_ref: deposit_ref(1), asset: EURD, receiver: ALICE, amount: 300 },
			]
		);
		try_state();
	});
}

#[test]
fn only_the_cleared_part_of_a_holding_is_spendable() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_ok!(clear(1));
		assert_ok!(record(2, ALICE, 50));
		assert_ok!(transfer(EURD, ALICE, BOB, 100));
		assert_noop!(transfer(EURD, ALICE, BOB, 1), DispatchError::Other("InsufficientSpendableBalance"));
		assert_eq!((balance(EURD, ALICE), MintEscrow::uncleared(&EURD, &ALICE)), (50, 50));
	});
}

#[test]
fn a_reference_mints_once_forever() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_noop!(record(1, ALICE, 100), Error::<Test>::DepositReferenceUsed);
		assert_noop!(record(1, BOB, 7), Error::<Test>::DepositReferenceUsed);
		// Whatever else changed since: the retry hears that it was recorded.
		assert_noop!(record(1, ALICE, 0), Error::<Test>::DepositReferenceUsed);
		assert_noop!(record(1, ALICE, FIAT), Error::<Test>::DepositReferenceUsed);
		assert_ok!(MintEscrow::depositary_pause(RuntimeOrigin::signed(DEPOSITARY), EURD));
		assert_noop!(record(1, ALICE, 100), Error::<Test>::DepositReferenceUsed);
		assert_ok!(MintEscrow::depositary_resume(RuntimeOrigin::signed(DEPOSITARY), EURD));
		assert_ok!(clear(1));
		assert_noop!(record(1, ALICE, 100), Error::<Test>::DepositReferenceUsed);
		assert_ok!(record(2, ALICE, 100));
		assert_ok!(reverse(2));
		assert_noop!(record(2, ALICE, 100), Error::<Test>::DepositReferenceUsed);
		assert_eq!(supply(EURD), 100);
	});
}

#[test]
fn only_the_issuer_holding_its_role_records_clears_and_reverses() {
	ext_with_token().execute_with(|| {
		let by = |who| MintEscrow::record_deposit(RuntimeOrigin::signed(who), EURD, ALICE, 10, deposit_ref(1));
		assert_noop!(by(DEPOSITARY), Error::<Test>::NotIssuer);
		assert_noop!(by(ALICE), Error::<Test>::NotIssuer);
		assert_ok!(record(1, ALICE, 10));
		assert_noop!(
			MintEscrow::confirm_clearing(RuntimeOrigin::signed(DEPOSITARY), deposit_ref(1)),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			MintEscrow::reverse_deposit(RuntimeOrigin::signed(ALICE), deposit_ref(1), ReversalReason::Recalled),
			Error::<Test>::NotIssuer
		);
		// Revoking the role disables the issuer at once.
		strip_roles(ISSUER);
		assert_noop!(record(2, ALICE, 10), Error::<Test>::IssuerNotMintOperator);
		assert_noop!(clear(1), Error::<Test>::IssuerNotMintOperator);
		assert_noop!(MintEscrow::record_deposit(RuntimeOrigin::signed(ISSUER), SHARES, ALICE, 10, deposit_ref(3)), Error::<Test>::UnknownDepositToken);
	});
}

#[test]
fn a_deposit_needs_an_amount_and_a_compliant_receiver() {
	ext_with_token().execute_with(|| {
		assert_noop!(record(1, ALICE, 0), Error::<Test>::ZeroAmount);
		assert_noop!(record(1, NOBODY, 10), DispatchError::Other("ReceiverNotCompliant"));
		set_failure(BOB, Some(ComplianceFailure::Sanctioned));
		assert_noop!(record(1, BOB, 10), DispatchError::Other("ReceiverNotCompliant"));
	});
}

#[test]
fn a_deposit_leaves_pending_once() {
	ext_with_token().execute_with(|| {
		assert_noop!(clear(9), Error::<Test>::UnknownDeposit);
		assert_ok!(record(1, ALICE, 10));
		assert_ok!(clear(1));
		assert_noop!(clear(1), Error::<Test>::DepositNotPending);
		assert_noop!(reverse(1), Error::<Test>::DepositNotPending);
		assert_ok!(record(2, ALICE, 10));
		assert_ok!(reverse(2));
		assert_noop!(reverse(2), Error::<Test>::DepositNotPending);
		assert_noop!(clear(2), Error::<Test>::DepositNotPending);
		try_state();
	});
}

#[test]
fn a_reversal_burns_exactly_the_provisional_amount() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_ok!(clear(1));
		assert_ok!(record(2, ALICE, 40));
		System::reset_events();
		assert_ok!(MintEscrow::reverse_deposit(RuntimeOrigin::signed(ISSUER), deposit_ref(2), ReversalReason::Recalled));
		assert_eq!((balance(EURD, ALICE), supply(EURD), MintEscrow::uncleared(&EURD, &ALICE)), (100, 100, 0));
		assert_eq!(UnclearedTotal::<Test>::get(EURD), 0);
		let deposit = Deposits::<Test>::get(deposit_ref(2)).unwrap();
		assert_eq!((deposit.status, deposit.reversal), (DepositStatus::Reversed, Some(ReversalReason::Recalled)));
		assert_eq!(
			events(),
			[Event::DepositReversed {
				deposit_ref: deposit_ref(2),
				asset: EURD,
				receiver: ALICE,
				amount: 40,
				reason: ReversalReason::Recalled
			}]
		);
		try_state();
	});
}

#[test]
fn provisional_deposits_are_bounded_per_token() {
	ext_with_token().execute_with(|| {
		for n in 1..=3 {
			assert_ok!(record(n, ALICE, 1));
		}
		assert_noop!(record(4, ALICE, 1), Error::<Test>::TooManyPendingDeposits);
		assert_ok!(clear(2));
		assert_ok!(record(4, ALICE, 1));
		assert_eq!(PendingCount::<Test>::get(EURD), 3);
		try_state();
	});
}

#[test]
fn deposits_past_the_clearing_window_are_listed_as_overdue_not_burnt() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 10));
		run_to(3);
		assert_ok!(record(2, BOB, 20));
		assert_ok!(record(3, BOB, 30));
		assert_ok!(clear(3));
		run_to(1 + CLEARING_WINDOW);
		assert!(MintEscrow::overdue_deposits(&EURD).is_empty());
		run_to(2 + CLEARING_WINDOW);
		let overdue: Vec<_> = MintEscrow::overdue_deposits(&EURD).into_iter().map(|(r, _)| r).collect();
		assert_eq!(overdue, [deposit_ref(1)]);
		run_to(100);
		let overdue: Vec<_> = MintEscrow::overdue_deposits(&EURD).into_iter().map(|(r, _)| r).collect();
		assert_eq!(overdue, [deposit_ref(1), deposit_ref(2)]);
		// Still there, still provisional.
		assert_eq!(MintEscrow::uncleared(&EURD, &ALICE), 10);
		assert!(MintEscrow::overdue_deposits(&SHARES).is_empty());
	});
}

// ---- backing ------------------------------------------------------------------

#[test]
fn minting_stops_at_the_attested_fiat_counting_provisional_tokens() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 600));
		assert_noop!(record(2, BOB, FIAT - 600 + 1), Error::<Test>::InsufficientBacking);
		assert_ok!(record(2, BOB, FIAT - 600));
		assert_noop!(record(3, BOB, 1), Error::<Test>::InsufficientBacking);
		// A reversal makes room.
		assert_ok!(reverse(2));
		assert_ok!(record(3, BOB, 100));
		assert_noop!(record(4, BOB, u64::MAX), Error::<Test>::Overflow);
	});
}

#[test]
fn redeemed_euros_stay_owed_until_paid_and_paid_euros_leave_the_attested_reserve() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, FIAT));
		assert_ok!(clear(1));
		// Burnt but not paid: the euros are still owed out of the reserve.
		assert_ok!(redeem(ALICE, 100));
		assert_eq!((supply(EURD), OutstandingRedemptions::<Test>::get(EURD)), (FIAT - 100, 100));
		assert_noop!(record(2, BOB, 1), Error::<Test>::InsufficientBacking);
		// A failed payout gives the tokens back and owes nothing new.
		let fail = |id| MintEscrow::fail_payout(RuntimeOrigin::signed(ISSUER), id, PayoutFailure::InvalidAccount);
		assert_ok!(fail(0));
		assert_eq!((supply(EURD), OutstandingRedemptions::<Test>::get(EURD)), (FIAT, 0));
		assert_noop!(record(2, BOB, 1), Error::<Test>::InsufficientBacking);
		// Paid: the euros left the reserve the depositary attested.
		assert_ok!(redeem(ALICE, 100));
		assert_ok!(MintEscrow::confirm_payout(RuntimeOrigin::signed(ISSUER), 1, H256::zero()));
		assert_eq!(PaidSinceAttestation::<Test>::get(EURD), 100);
		assert_noop!(record(2, BOB, 1), Error::<Test>::InsufficientBacking);
		assert_eq!(MintEscrow::backing_status(&EURD).unwrap().headroom, 0);
		// The next statement shows the reserve as it is now.
		attest(FIAT - 100, 1);
		assert_eq!(PaidSinceAttestation::<Test>::get(EURD), 0);
		assert_noop!(record(2, BOB, 1), Error::<Test>::InsufficientBacking);
		attest(FIAT, 1);
		assert_ok!(record(2, BOB, 100));
		try_state();
	});
}

#[test]
fn minting_needs_a_fresh_attestation() {
	new_test_ext().execute_with(|| {
		assert_ok!(MintEscrow::set_deposit_token(RuntimeOrigin::signed(ADMIN), EURD, token()));
		assert_noop!(record(1, ALICE, 1), Error::<Test>::NoAttestation);
		attest(FIAT, 1);
		run_to(1 + MAX_AGE);
		assert_ok!(record(1, ALICE, 1));
		run_to(2 + MAX_AGE);
		assert_noop!(record(2, ALICE, 1), Error::<Test>::AttestationStale);
		// A late statement about an old block does not make it fresh.
		attest(FIAT, 1);
		assert_noop!(record(2, ALICE, 1), Error::<Test>::AttestationStale);
		attest(FIAT, 2 + MAX_AGE);
		assert_ok!(record(2, ALICE, 1));
	});
}

#[test]
fn only_the_depositary_lifts_its_pause_and_nobody_can_replace_it_meanwhile() {
	ext_with_token().execute_with(|| {
		assert_noop!(MintEscrow::depositary_pause(RuntimeOrigin::signed(ISSUER), EURD), Error::<Test>::NotDepositary);
		assert_noop!(MintEscrow::depositary_resume(RuntimeOrigin::signed(DEPOSITARY), EURD), Error::<Test>::NotPaused);
		assert_ok!(MintEscrow::depositary_pause(RuntimeOrigin::signed(DEPOSITARY), EURD));
		assert_noop!(MintEscrow::depositary_pause(RuntimeOrigin::signed(DEPOSITARY), EURD), Error::<Test>::AlreadyPaused);
		assert_noop!(record(1, ALICE, 1), Error::<Test>::PausedByDepositary);
		for who in [ISSUER, ADMIN, OTHER_DEPOSITARY] {
			assert_noop!(MintEscrow::depositary_resume(RuntimeOrigin::signed(who), EURD), Error::<Test>::NotDepositary);
		}
		assert_noop!(
			MintEscrow::set_deposit_token(
				RuntimeOrigin::signed(ADMIN),
				EURD,
				DepositToken { depositary: OTHER_DEPOSITARY, ..token() }
			),
			Error::<Test>::DepositaryPauseInForce
		);
		// Governance may still change what does not touch the depositary.
		assert_ok!(MintEscrow::set_deposit_token(
			RuntimeOrigin::signed(ADMIN),
			EURD,
			DepositToken { min_redemption: 1, ..token() }
		));
		assert_ok!(MintEscrow::depositary_resume(RuntimeOrigin::signed(DEPOSITARY), EURD));
		assert_ok!(record(1, ALICE, 1));
		assert_eq!(
			events().into_iter().filter(|e| matches!(e, Event::DepositaryPaused { .. } | Event::DepositaryResumed { .. })).count(),
			2
		);
	});
}

#[test]
fn a_sanctioned_depositary_still_pulls_the_brake_but_cannot_let_minting_go_on() {
	ext_with_token().execute_with(|| {
		let depositary = || RuntimeOrigin::signed(DEPOSITARY);
		set_failure(DEPOSITARY, Some(ComplianceFailure::Sanctioned));
		assert_ok!(MintEscrow::depositary_pause(depositary(), EURD));
		assert_noop!(MintEscrow::depositary_resume(depositary(), EURD), Error::<Test>::DepositaryLacksRole);
		assert_noop!(
			MintEscrow::attest_backing(depositary(), EURD, FIAT, 0, H256::zero(), H256::zero(), 1),
			Error::<Test>::DepositaryLacksRole
		);
		// Nobody swaps it out meanwhile.
		let successor = DepositToken { depositary: OTHER_DEPOSITARY, ..token() };
		assert_noop!(
			MintEscrow::set_deposit_token(RuntimeOrigin::signed(ADMIN), EURD, successor),
			Error::<Test>::DepositaryPauseInForce
		);
		set_failure(DEPOSITARY, None);
		assert_ok!(MintEscrow::depositary_resume(depositary(), EURD));
		assert_ok!(record(1, ALICE, 1));
		// A revoked identity holds no role at all.
		set_failure(DEPOSITARY, Some(ComplianceFailure::Revoked));
		assert_noop!(MintEscrow::depositary_pause(depositary(), EURD), Error::<Test>::DepositaryLacksRole);
	});
}

#[test]
fn an_attestation_records_the_chain_supply_and_says_when_they_disagree() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 200));
		run_to(5);
		let attest_as_of = |liabilities, as_of| {
			MintEscrow::attest_backing(
				RuntimeOrigin::signed(DEPOSITARY),
				EURD,
				150,
				liabilities,
				H256::zero(),
				H256::zero(),
				as_of,
			)
		};
		assert_noop!(attest_as_of(200, 6), Error::<Test>::AsOfInFuture);
		assert_noop!(attest_as_of(200, 0), Error::<Test>::AttestationOutOfOrder);
		assert_noop!(
			MintEscrow::attest_backing(RuntimeOrigin::signed(ISSUER), EURD, 1, 1, H256::zero(), H256::zero(), 5),
			Error::<Test>::NotDepositary
		);
		System::reset_events();
		// The supply changed in block 1: a tree as of block 1 can be compared.
		assert_ok!(attest_as_of(199, 1));
		let latest = LatestAttestation::<Test>::get(EURD).unwrap();
		assert_eq!(
			(latest.chain_supply, latest.uncleared, latest.attested_at, latest.supply_check),
			(200, 200, 5, SupplyCheck::Mismatch)
		);
		assert_eq!(
			events()[1..],
			[
				Event::SupplyMismatch { asset: EURD, attested: 199, on_chain: 200 },
				Event::BackingShortfall { asset: EURD, fiat_balance: 150, owed: 200 },
			]
		);
		assert_ok!(attest_as_of(200, 5));
		assert_eq!(LatestAttestation::<Test>::get(EURD).unwrap().supply_check, SupplyCheck::Matches);
		// A supply change after `as_of` makes the chain unable to compare.
		run_to(6);
		assert_ok!(clear(1));
		assert_ok!(redeem(ALICE, 10));
		assert_ok!(attest_as_of(200, 5));
		assert_eq!(LatestAttestation::<Test>::get(EURD).unwrap().supply_check, SupplyCheck::NotComparable);
		// The history keeps the last two.
		let history = AttestationHistory::<Test>::get(EURD);
		assert_eq!(history.iter().map(|a| (a.as_of, a.attested_at)).collect::<Vec<_>>(), [(5, 5), (5, 6)]);
	});
}

#[test]
fn backing_status_reports_headroom_only_while_minting_is_possible() {
	ext_with_token().execute_with(|| {
		assert_eq!(MintEscrow::backing_status(&SHARES), None);
		assert_ok!(record(1, ALICE, 300));
		let status = MintEscrow::backing_status(&EURD).unwrap();
		assert_eq!(
			(status.supply, status.uncleared, status.attested_fiat, status.headroom, status.stale, status.paused),
			(300, 300, Some(FIAT), FIAT - 300, false, false)
		);
		// A redemption moves 50 from the supply to what is owed: no new headroom.
		assert_ok!(clear(1));
		assert_ok!(redeem(ALICE, 50));
		let status = MintEscrow::backing_status(&EURD).unwrap();
		assert_eq!(
			(status.supply, status.outstanding_redemptions, status.headroom),
			(250, 50, FIAT - 300)
		);
		assert_ok!(MintEscrow::depositary_pause(RuntimeOrigin::signed(DEPOSITARY), EURD));
		assert_eq!(MintEscrow::backing_status(&EURD).unwrap().headroom, 0);
		assert_ok!(MintEscrow::depositary_resume(RuntimeOrigin::signed(DEPOSITARY), EURD));
		run_to(2 + MAX_AGE);
		let status = MintEscrow::backing_status(&EURD).unwrap();
		assert_eq!((status.stale, status.headroom, status.attestation_age), (true, 0, Some(1 + MAX_AGE)));
	});
}

// ---- redemptions ------------------------------------------------------------------

#[test]
fn a_redemption_burns_spendable_tokens_and_is_paid_once() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_ok!(clear(1));
		assert_noop!(redeem(ALICE, MIN_REDEMPTION - 1), Error::<Test>::BelowMinimumRedemption);
		assert_noop!(redeem(ALICE, 101), DispatchError::Other("InsufficientSpendableBalance"));
		System::reset_events();
		assert_ok!(redeem(ALICE, 60));
		assert_eq!((balance(EURD, ALICE), supply(EURD)), (40, 40));
		let redemption = Redemptions::<Test>::get(0).unwrap();
		assert_eq!((redemption.holder, redemption.amount, redemption.status), (ALICE, 60, RedemptionStatus::Requested));

		let confirm = |who| MintEscrow::confirm_payout(RuntimeOrigin::signed(who), 0, H256::repeat_byte(5));
		assert_noop!(confirm(DEPOSITARY), Error::<Test>::NotIssuer);
		assert_ok!(confirm(ISSUER));
		assert_noop!(confirm(ISSUER), Error::<Test>::RedemptionSettled);
		assert_noop!(
			MintEscrow::fail_payout(RuntimeOrigin::signed(ISSUER), 0, PayoutFailure::AccountClosed),
			Error::<Test>::RedemptionSettled
		);
		assert_noop!(confirm_unknown(), Error::<Test>::UnknownRedemption);
		let redemption = Redemptions::<Test>::get(0).unwrap();
		assert_eq!((redemption.status, redemption.sepa_ref), (RedemptionStatus::Paid, Some(H256::repeat_byte(5))));
		assert_eq!(
			events(),
			[
				Event::RedemptionRequested {
					id: 0,
					asset: EURD,
					holder: ALICE,
					amount: 60,
					payout_account: H256::repeat_byte(0x1B)
				},
				Event::PayoutConfirmed { id: 0, sepa_ref: H256::repeat_byte(5) },
			]
		);
	});
}

fn confirm_unknown() -> sp_runtime::DispatchResult {
	MintEscrow::confirm_payout(RuntimeOrigin::signed(ISSUER), 42, H256::zero())
}

#[test]
fn a_failed_payout_is_issued_back_once() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_ok!(clear(1));
		assert_ok!(redeem(ALICE, 100));
		assert_eq!(balance(EURD, ALICE), 0);
		let fail = || MintEscrow::fail_payout(RuntimeOrigin::signed(ISSUER), 0, PayoutFailure::AccountClosed);
		// Refunded even to a holder sanctioned meanwhile: the tokens are its
		// own again, and its standing keeps them where they are.
		set_failure(ALICE, Some(ComplianceFailure::Sanctioned));
		assert_ok!(fail());
		assert_eq!((balance(EURD, ALICE), MintEscrow::uncleared(&EURD, &ALICE)), (100, 0));
		assert_noop!(redeem(ALICE, 100), Error::<Test>::RedeemerSanctioned);
		assert_noop!(fail(), Error::<Test>::RedemptionSettled);
		assert_eq!(Redemptions::<Test>::get(0).unwrap().failure, Some(PayoutFailure::AccountClosed));
		assert_eq!(OutstandingRedemptions::<Test>::get(EURD), 0);
		// Given back spendable: the euro never left the reserve.
		set_failure(ALICE, None);
		assert_ok!(transfer(EURD, ALICE, BOB, 100));
		try_state();
	});
}

#[test]
fn an_unverified_or_sanctioned_holder_cannot_redeem() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_ok!(clear(1));
		for (failure, error) in [
			(ComplianceFailure::Sanctioned, Error::<Test>::RedeemerSanctioned),
			(ComplianceFailure::JurisdictionBlocked, Error::<Test>::RedeemerJurisdictionBlocked),
			(ComplianceFailure::Expired, Error::<Test>::RedeemerNotVerified),
			(ComplianceFailure::Revoked, Error::<Test>::RedeemerNotVerified),
		] {
			set_failure(ALICE, Some(failure));
			assert_noop!(redeem(ALICE, 10), error);
		}
		assert_noop!(
			MintEscrow::redeem(RuntimeOrigin::signed(ALICE), SHARES, 10, H256::zero()),
			Error::<Test>::UnknownDepositToken
		);
	});
}

// ---- proof of reserve ----------------------------------------------------------

#[test]
fn every_holder_proves_its_balance_against_the_attested_root_and_nothing_else_verifies() {
	ext_with_token().execute_with(|| {
		for (n, who, amount) in [(1, ALICE, 100), (2, BOB, 250), (3, ISSUER, 7), (4, DEPOSITARY, 1)] {
			assert_ok!(record(n, who, amount));
			assert_ok!(clear(n));
		}
		let tree = MintEscrow::liability_tree(holdings(EURD));
		assert_eq!((tree.total, tree.leaf_count), (358, 4));
		assert_ok!(MintEscrow::attest_backing(
			RuntimeOrigin::signed(DEPOSITARY),
			EURD,
			FIAT,
			tree.total,
			tree.root,
			H256::zero(),
			1
		));
		assert_eq!(LatestAttestation::<Test>::get(EURD).unwrap().supply_check, SupplyCheck::Matches);
		for who in [ALICE, BOB, ISSUER, DEPOSITARY] {
			let proof = MintEscrow::liability_proof(holdings(EURD), &who).unwrap();
			assert_eq!(proof.balance, balance(EURD, who));
			assert!(MintEscrow::verify_liability(&EURD, &proof), "{who}'s proof");
			assert!(!MintEscrow::verify_liability(&EURD, &LiabilityProof { balance: proof.balance + 1, ..proof.clone() }));
			assert!(!MintEscrow::verify_liability(&EURD, &LiabilityProof { holder: NOBODY, ..proof.clone() }));
			let moved = (proof.leaf_index + 1) % proof.leaf_count;
			assert!(!MintEscrow::verify_liability(&EURD, &LiabilityProof { leaf_index: moved, ..proof.clone() }));
			assert!(!MintEscrow::verify_liability(&EURD, &LiabilityProof { leaf_index: 9, ..proof.clone() }));
			assert!(!MintEscrow::verify_liability(&SHARES, &proof));
		}
		assert!(MintEscrow::liability_proof(holdings(EURD), &NOBODY).is_none());
		// The root is the holdings': any other balance gives another root,
		// and the order the holdings come in does not matter.
		let mut shuffled = holdings(EURD);
		shuffled.reverse();
		assert_eq!(MintEscrow::liability_tree(shuffled.clone()).root, tree.root);
		shuffled[0].1 += 1;
		assert_ne!(MintEscrow::liability_tree(shuffled).root, tree.root);
		assert_eq!(MintEscrow::liability_tree(Vec::new()).leaf_count, 0);
	});
}

#[test]
fn try_state_checks_the_provisional_holds_against_the_deposits() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_ok!(record(2, BOB, 50));
		assert_ok!(record(3, ALICE, 25));
		assert_ok!(clear(1));
		assert_ok!(reverse(3));
		try_state();
		// A hold that does not match its deposits is caught.
		Uncleared::<Test>::insert(EURD, ALICE, 1);
		assert!(MintEscrow::do_try_state().is_err());
	});
}

#[test]
fn a_holder_has_a_bounded_number_of_open_redemptions() {
	ext_with_token().execute_with(|| {
		assert_ok!(record(1, ALICE, 100));
		assert_ok!(clear(1));
		assert_ok!(redeem(ALICE, 10));
		assert_ok!(redeem(ALICE, 10));
		assert_noop!(redeem(ALICE, 10), Error::<Test>::TooManyOpenRedemptions);
		assert_ok!(MintEscrow::confirm_payout(RuntimeOrigin::signed(ISSUER), 0, H256::zero()));
		assert_ok!(redeem(ALICE, 10));
		assert_eq!(OpenRedemptions::<Test>::get(EURD, ALICE), 2);
		assert_eq!(OutstandingRedemptions::<Test>::get(EURD), 20);
		try_state();
	});
}
