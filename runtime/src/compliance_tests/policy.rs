//! The runtime's transaction policy ([`crate::policy`]) on the real runtime:
//! `VerifiedSender`'s refusal codes at validation, and `ConsortiumCallFilter`
//! both as a predicate and where it bites, at dispatch.

use super::*;
use crate::{
	policy::{refusal, ConsortiumCallFilter, VerifiedSender},
	CircuitBreaker, IdentityRegistry,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	pallet_prelude::TransactionSource,
	traits::{Contains, OriginTrait},
};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiAddress,
};

/// Permissioned assets whose ids take each width of the SCALE compact
/// encoding (1, 2 and 4 bytes, and the big-integer mode): the call filter
/// reads the id from the encoded call.
const PERMISSIONED: [AssetId; 4] = [42, 300, 70_000, u32::MAX];
/// Ids no permissioned asset has, of the same widths: the plain genesis asset
/// and three that do not exist at all.
const NOT_PERMISSIONED: [AssetId; 4] = [PLAIN_ASSET, 301, 70_001, u32::MAX - 1];

fn validate(origin: RuntimeOrigin, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	VerifiedSender.validate_only(origin, call, &call.get_dispatch_info(), 0, TransactionSource::External, 0).map(|_| ())
}

fn validate_signed(who: &AccountId, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	validate(RuntimeOrigin::signed(who.clone()), call)
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

fn compliant_transfer(asset: AssetId) -> RuntimeCall {
	pallet_compliant_assets::Call::<Runtime>::transfer { asset, to: holder(1), amount: 1 }.into()
}

fn remark() -> RuntimeCall {
	frame_system::Call::<Runtime>::remark { remark: b"hello".to_vec() }.into()
}

fn native_transfer() -> RuntimeCall {
	pallet_balances::Call::<Runtime>::transfer_keep_alive { dest: holder(1).into(), value: UNIT }.into()
}

/// The calls that can lift (or tighten) a global pause, one of each kind.
fn pause_lifting_calls() -> [RuntimeCall; 4] {
	[
		pallet_circuit_breaker::Call::<Runtime>::schedule_global_resume {}.into(),
		pallet_multisig::Call::<Runtime>::as_multi_threshold_1 {
			other_signatories: alloc::vec![signer(2)],
			call: alloc::boxed::Box::new(pallet_circuit_breaker::Call::<Runtime>::schedule_global_resume {}.into()),
		}
		.into(),
		pallet_sudo::Call::<Runtime>::sudo {
			call: alloc::boxed::Box::new(pallet_circuit_breaker::Call::<Runtime>::schedule_global_resume {}.into()),
		}
		.into(),
		pallet_timestamp::Call::<Runtime>::set { now: NOW_MS + crate::MILLI_SECS_PER_BLOCK }.into(),
	]
}

/// Direct pallet-assets calls naming `id`, in the variants a holder could
/// use to move or expose a holding.
fn pallet_assets_calls(id: AssetId) -> Vec<RuntimeCall> {
	type Assets = pallet_assets::Call<Runtime>;
	let id = codec::Compact(id);
	let to = || MultiAddress::Id(holder(1));
	let from = || MultiAddress::Id(holder(0));
	[
		Assets::transfer { id, target: to(), amount: 1 },
		Assets::transfer_keep_alive { id, target: to(), amount: 1 },
		Assets::force_transfer { id, source: from(), dest: to(), amount: 1 },
		Assets::approve_transfer { id, delegate: to(), amount: 1 },
		Assets::transfer_approved { id, owner: from(), destination: to(), amount: 1 },
		Assets::burn { id, who: from(), amount: 1 },
		Assets::freeze { id, who: from() },
		Assets::touch { id },
	]
	.into_iter()
	.map(RuntimeCall::from)
	.collect()
}

fn policy_ext() -> sp_io::TestExternalities {
	let mut ext = new_ext();
	ext.execute_with(|| {
		for id in PERMISSIONED {
			create_permissioned_asset(id, Default::default());
		}
	});
	ext
}

#[test]
fn verified_sender_admits_verified_signers_and_unsigned_transactions() {
	policy_ext().execute_with(|| {
		for who in [holder(0), officer(), bank(), council()] {
			assert_eq!(validate_signed(&who, &compliant_transfer(42)), Ok(()));
			assert_eq!(validate_signed(&who, &native_transfer()), Ok(()));
		}
		// Unsigned transactions (inherents) are not the policy's business: it
		// passes them through untouched, and counts nothing for them.
		let call = remark();
		let passed = VerifiedSender.validate(
			RuntimeOrigin::none(),
			&call,
			&call.get_dispatch_info(),
			0,
			(),
			&TxBaseImplication((0u8, &call)),
			TransactionSource::InBlock,
		);
		let (_, counted, origin) = passed.expect("an unsigned transaction is not refused");
		assert_eq!(counted, None);
		assert!(origin.as_signer().is_none());
	});
}

#[test]
fn verified_sender_refuses_an_unverified_signer_with_code_10() {
	policy_ext().execute_with(|| {
		let call = compliant_transfer(42);
		// No identity at all.
		assert_eq!(validate_signed(&stranger(), &call), refused(refusal::SIGNER_NOT_VERIFIED));
		// Pending: registered, awaiting the second verifier.
		let pending = named("pending");
		assert_ok!(IdentityRegistry::register_pending_identity(
			RuntimeOrigin::signed(verifier()),
			pending.clone(),
			pallet_identity_registry::IdentityDetails {
				jurisdiction: DE,
				category: InvestorCategory::Retail,
				expires_at: NOW + 3600,
				lei: None,
				bic: None,
				travel_rule_hash: None,
			}
		));
		assert_eq!(validate_signed(&pending, &call), refused(refusal::SIGNER_NOT_VERIFIED));
		// Revoked.
		assert_eq!(validate_signed(&holder(3), &call), Ok(()));
		assert_ok!(IdentityRegistry::revoke_identity(
			RuntimeOrigin::root(),
			holder(3),
			pallet_identity_registry::RevocationReason::KycFailed
		));
		assert_eq!(validate_signed(&holder(3), &call), refused(refusal::SIGNER_NOT_VERIFIED));
		// Expired: exactly at the expiry second the identity no longer counts.
		assert_eq!(validate_signed(&holder(4), &call), Ok(()));
		pallet_timestamp::Now::<Runtime>::put(GENESIS_EXPIRY * 1000);
		assert_eq!(validate_signed(&holder(4), &call), refused(refusal::SIGNER_NOT_VERIFIED));
	});
}

#[test]
fn verified_sender_refuses_a_sanctioned_signer_with_code_11() {
	policy_ext().execute_with(|| {
		let call = compliant_transfer(42);
		assert_ok!(IdentityRegistry::sanction_account(RuntimeOrigin::signed(officer()), holder(1), None));
		assert_eq!(validate_signed(&holder(1), &call), refused(refusal::SIGNER_SANCTIONED));
		assert_ok!(IdentityRegistry::unsanction_account(RuntimeOrigin::signed(officer()), holder(1)));
		assert_eq!(validate_signed(&holder(1), &call), Ok(()));
		// A blocked jurisdiction counts as sanctioned: bank3 is in the US.
		assert_ok!(IdentityRegistry::block_jurisdiction(RuntimeOrigin::signed(officer()), US));
		assert_eq!(validate_signed(&bank3(), &call), refused(refusal::SIGNER_SANCTIONED));
		assert_eq!(validate_signed(&holder(1), &call), Ok(()), "DE is not blocked");
	});
}

#[test]
fn verified_sender_refuses_a_signer_over_its_budget_with_code_12() {
	let budget: pallet_identity_registry::TransactionBudget =
		<crate::configs::CustomerBudget as frame_support::traits::Get<_>>::get();
	let window = <crate::configs::TransactionWindow as frame_support::traits::Get<u32>>::get();
	policy_ext().execute_with(|| {
		let call = compliant_transfer(42);
		let info = call.get_dispatch_info();
		// Counted through the extension itself: validate + prepare per transaction.
		let mut admitted = 0u32;
		while VerifiedSender.validate_and_prepare(RuntimeOrigin::signed(holder(1)), &call, &info, 100, 0).is_ok() {
			admitted += 1;
			assert!(admitted <= budget.transactions, "more transactions admitted than the budget's count");
		}
		// The budget ran out on compute, at what an independent count expects.
		let per_transaction = info.total_weight().ref_time();
		assert_eq!(u64::from(admitted), budget.ref_time / per_transaction);
		assert_eq!(validate_signed(&holder(1), &call), refused(refusal::RATE_LIMITED));
		// Other signers are not affected.
		assert_eq!(validate_signed(&holder(2), &call), Ok(()));
		// A new window restores the budget.
		System::set_block_number(System::block_number() + window - 1);
		assert_eq!(validate_signed(&holder(1), &call), refused(refusal::RATE_LIMITED));
		System::set_block_number(System::block_number() + 1);
		assert_eq!(validate_signed(&holder(1), &call), Ok(()));
	});
}

#[test]
fn verified_sender_refuses_a_frozen_address_with_code_13() {
	policy_ext().execute_with(|| {
		let freeze = |who: AccountId| {
			crate::Freeze::freeze_address(
				RuntimeOrigin::signed(officer()),
				who,
				tokenize_primitives::FreezeReason::AmlFlag,
				b"AML alert".to_vec(),
			)
		};
		assert_ok!(freeze(holder(0)));
		// A frozen address may not transact at all, not even a breaker call.
		for call in [
			compliant_transfer(42),
			remark(),
			pallet_circuit_breaker::Call::<Runtime>::schedule_global_resume {}.into(),
		] {
			assert_eq!(validate_signed(&holder(0), &call), refused(refusal::ADDRESS_FROZEN));
		}
		// The address freeze is the first check: it wins over a missing identity.
		assert_ok!(freeze(stranger()));
		assert_eq!(validate_signed(&stranger(), &native_transfer()), refused(refusal::ADDRESS_FROZEN));
		assert_eq!(validate_signed(&holder(1), &native_transfer()), Ok(()), "only the frozen address is refused");
		assert_ok!(crate::Freeze::unfreeze_address(RuntimeOrigin::signed(officer()), holder(0)));
		assert_eq!(validate_signed(&holder(0), &native_transfer()), Ok(()));
	});
}

#[test]
fn global_pause_admits_only_the_calls_that_can_lift_it_with_code_14() {
	policy_ext().execute_with(|| {
		assert_ok!(CircuitBreaker::pause_global(RuntimeOrigin::signed(council()), b"suspected exploit".to_vec()));
		for call in [compliant_transfer(42), remark(), native_transfer()] {
			assert_eq!(validate_signed(&holder(0), &call), refused(refusal::CHAIN_PAUSED), "{call:?}");
			assert!(!ConsortiumCallFilter::contains(&call), "{call:?} passes the filter during a pause");
		}
		for call in pause_lifting_calls() {
			assert_eq!(validate_signed(&holder(0), &call), Ok(()), "{call:?}");
			assert!(ConsortiumCallFilter::contains(&call), "{call:?} refused by the filter during a pause");
		}
		// The lift takes effect at the scheduled block.
		assert_ok!(CircuitBreaker::schedule_global_resume(RuntimeOrigin::signed(council())));
		assert_eq!(validate_signed(&holder(0), &native_transfer()), refused(refusal::CHAIN_PAUSED));
		let resume_at = pallet_circuit_breaker::GlobalPauseState::<Runtime>::get()
			.and_then(|pause| pause.resume_at())
			.expect("a lift is scheduled");
		System::set_block_number(resume_at);
		assert_eq!(validate_signed(&holder(0), &native_transfer()), Ok(()));
		assert!(ConsortiumCallFilter::contains(&compliant_transfer(42)));
	});
}

#[test]
fn during_a_pause_the_council_multisig_can_schedule_the_lift_but_nothing_else_gets_through() {
	policy_ext().execute_with(|| {
		assert_ok!(CircuitBreaker::pause_global(RuntimeOrigin::root(), b"suspected exploit".to_vec()));
		// A threshold-1 multisig may not carry an ordinary call past the pause:
		// the inner call meets the filter under the multisig's own origin.
		let smuggled = pallet_multisig::Call::<Runtime>::as_multi_threshold_1 {
			other_signatories: alloc::vec![signer(2)],
			call: alloc::boxed::Box::new(compliant_transfer(42)),
		};
		assert_eq!(
			dispatch(smuggled.into(), RuntimeOrigin::signed(signer(1))),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
		// The council (2 of signers 1-3) approves and executes the lift.
		let lift: RuntimeCall = pallet_circuit_breaker::Call::<Runtime>::schedule_global_resume {}.into();
		let timepoint = council_opens(&lift);
		assert!(CircuitBreaker::is_globally_paused());
		assert_ok!(dispatch(council_approval(2, Some(timepoint), &lift), RuntimeOrigin::signed(signer(2))));
		let scheduled = pallet_circuit_breaker::GlobalPauseState::<Runtime>::get().and_then(|p| p.resume);
		assert_eq!(scheduled.map(|resume| resume.by), Some(council()), "the council scheduled the lift");
	});
}

#[test]
fn call_filter_refuses_pallet_assets_calls_naming_a_permissioned_asset() {
	policy_ext().execute_with(|| {
		for id in PERMISSIONED {
			for call in pallet_assets_calls(id) {
				assert!(!ConsortiumCallFilter::contains(&call), "{call:?} on permissioned asset {id} passes");
			}
			// The one way a permissioned asset moves.
			assert!(ConsortiumCallFilter::contains(&compliant_transfer(id)));
		}
		for id in NOT_PERMISSIONED {
			for call in pallet_assets_calls(id) {
				assert!(ConsortiumCallFilter::contains(&call), "{call:?} on plain asset {id} refused");
			}
		}
	});
}

#[test]
fn call_filter_bites_at_dispatch_also_through_a_multisig() {
	policy_ext().execute_with(|| {
		let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
		let direct = |id: AssetId| -> RuntimeCall {
			pallet_assets::Call::<Runtime>::transfer {
				id: codec::Compact(id),
				target: MultiAddress::Id(holder(1)),
				amount: 10,
			}
			.into()
		};
		for id in PERMISSIONED {
			assert_eq!(dispatch(direct(id), RuntimeOrigin::signed(holder(0))), Err(filtered));
			let wrapped = pallet_multisig::Call::<Runtime>::as_multi_threshold_1 {
				other_signatories: alloc::vec![holder(1)],
				call: alloc::boxed::Box::new(direct(id)),
			};
			assert_eq!(dispatch(wrapped.into(), RuntimeOrigin::signed(holder(0))), Err(filtered));
		}
		// A plain asset moves through pallet-assets as usual.
		assert_ok!(dispatch(direct(PLAIN_ASSET), RuntimeOrigin::signed(holder(0))));
		assert_eq!(balance_of(PLAIN_ASSET, &holder(0)), PLAIN_HOLDING - 10);
		assert_eq!(balance_of(PLAIN_ASSET, &holder(1)), 10);
	});
}

#[test]
fn the_runtime_transaction_extension_applies_the_policy() {
	policy_ext().execute_with(|| {
		let extension: crate::TxExtension = (
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(sp_runtime::generic::Era::Immortal),
			crate::policy::CheckNonceWithinWindow::from(0),
			frame_system::CheckWeight::<Runtime>::new(),
			VerifiedSender,
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let call = compliant_transfer(42);
		let info = call.get_dispatch_info();
		let len = codec::Encode::encoded_size(&call);
		let check = |who: AccountId| {
			extension
				.validate_only(RuntimeOrigin::signed(who), &call, &info, len, TransactionSource::External, 0)
				.map(|_| ())
		};
		assert_eq!(check(holder(0)), Ok(()));
		// The stranger has native funds (so the nonce check passes) but no identity.
		assert_eq!(check(stranger()), refused(refusal::SIGNER_NOT_VERIFIED));
	});
}

#[test]
fn a_signers_window_keeps_what_the_block_charged_not_what_it_declared() {
	policy_ext().execute_with(|| {
		let asset = PERMISSIONED[0];
		appoint(asset, supply_agent(), &[AgentRole::Supply]);
		for i in [0, 1] {
			assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(supply_agent()), asset, holder(i), 1_000));
		}
		// Holder 0 pays holder 1, who already holds: the transfer is charged
		// the between-holders weight, below what it declared.
		let call = compliant_transfer(asset);
		let info = call.get_dispatch_info();
		let post = VerifiedSender
			.dispatch_transaction(RuntimeOrigin::signed(holder(0)), call, &info, 100, 0)
			.expect("admitted")
			.expect("dispatched");
		let charged = post.calc_actual_weight(&info).ref_time();
		assert!(charged < info.total_weight().ref_time());
		let usage = pallet_identity_registry::TransactionAllowance::<Runtime>::get(holder(0)).expect("noted");
		assert_eq!((usage.transactions, usage.ref_time), (1, charged));
	});
}
