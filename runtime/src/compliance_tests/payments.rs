//! The payment rail through the real pallets: payments, compliant-assets,
//! corridor, circuit breaker, pallet-assets with the runtime's freezer, the
//! freeze pallet and the identity registry.
//!
//! - a property test over random sequences of initiations, hash stores,
//!   committee releases, challenges and their resolutions, cancellations,
//!   timeouts, transfers of what is not escrowed, freezes and sanctions,
//!   against an independent model: each payment ends once, escrow equals
//!   the sum of open payments per sender, balances change only by releases
//!   and transfers, total issuance never changes, and the corridor's volume
//!   today is the sum of today's unrefunded payments;
//! - every path an escrowed amount could leave by, tried one by one.

use super::*;
use crate::Payments;
use frame_support::assert_noop;
use pallet_payments::{ChallengeOutcome, PaymentStatus, SettlementCurrency, TxId};
use proptest::prelude::*;
use sp_core::H256;
use tokenize_primitives::{FreezeReason, PaymentEscrow};

/// The settlement asset of these tests.
pub(super) const USDT: AssetId = 4_000;
/// Each holder's opening balance.
const OPENING: Balance = 10_000;
/// The DE → DE corridor's daily limit (all test holders live in DE).
const DAILY_LIMIT: Balance = 25_000;
pub(super) const MAX_PAYMENT: Balance = 8_000;
/// The runtime's default payment timeout (a day of blocks).
const TIMEOUT: BlockNumber = crate::DAYS;

pub(super) fn pay(from: usize, to: usize, amount: Balance) -> Result<TxId, DispatchError> {
	Payments::initiate_payment(RuntimeOrigin::signed(holder(from)), USDT, holder(to), amount, None, None)?;
	Ok(last_initiated().expect("an initiation emits its txId"))
}

fn last_initiated() -> Option<TxId> {
	System::events().into_iter().rev().find_map(|record| match record.event {
		crate::RuntimeEvent::Payments(pallet_payments::Event::PaymentInitiated { tx_id, .. }) => Some(tx_id),
		_ => None,
	})
}

fn committee() -> RuntimeOrigin {
	RuntimeOrigin::signed(settlement_committee())
}

fn status(tx_id: TxId) -> PaymentStatus<BlockNumber> {
	pallet_payments::PaymentRecords::<Runtime>::get(tx_id).expect("the payment exists").status
}

fn escrowed(who: usize) -> Balance {
	<Payments as PaymentEscrow<AssetId, AccountId, Balance>>::escrowed(&USDT, &holder(who))
}

fn used_today() -> Balance {
	crate::Corridor::corridor_status(DE, DE).map_or(0, |status| status.used_today)
}

/// `USDT` settled in USD on a DE → DE corridor, every holder funded with
/// [`OPENING`]; freeze, forced-transfer and recovery agents appointed.
pub(super) fn rail_ext() -> sp_io::TestExternalities {
	let mut ext = new_ext();
	ext.execute_with(|| {
		create_permissioned_asset(USDT, Default::default());
		appoint(USDT, supply_agent(), &[AgentRole::Supply]);
		appoint(USDT, freeze_agent(), &[AgentRole::Freeze]);
		appoint(USDT, enforcement_agent(), &[AgentRole::ForcedTransfer]);
		appoint(USDT, recovery_agent(), &[AgentRole::Recovery]);
		for i in 0..HOLDERS {
			assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(supply_agent()), USDT, holder(i), OPENING));
		}
		let usd = SettlementCurrency { code: *b"USD", decimals: 2 };
		assert_ok!(Payments::set_settlement_currency(RuntimeOrigin::root(), USDT, Some(usd)));
		let params = pallet_corridor::CorridorParams {
			min_amount: 1,
			max_amount: MAX_PAYMENT,
			daily_limit: DAILY_LIMIT,
			settlement_assets: alloc::vec![USDT],
		};
		assert_ok!(crate::Corridor::add_corridor(RuntimeOrigin::root(), DE, DE, params));
	});
	ext
}

#[test]
fn an_escrowed_amount_leaves_by_no_path_but_its_release() {
	rail_ext().execute_with(|| {
		use pallet_compliant_assets::Error as Assets;
		let tx_id = pay(0, 1, 6_000).expect("initiated");
		// 4 000 stay free; the 6 000 held move by nothing else.
		let sender = || RuntimeOrigin::signed(holder(0));
		assert_noop!(CompliantAssets::transfer(sender(), USDT, holder(2), 4_001), Assets::<Runtime>::EscrowedForPayment);
		assert_noop!(
			CompliantAssets::batch_transfer(sender(), USDT, alloc::vec![(holder(2), 4_000), (holder(3), 1)]),
			Assets::<Runtime>::EscrowedForPayment
		);
		assert_noop!(
			CompliantAssets::forced_transfer(RuntimeOrigin::signed(enforcement_agent()), USDT, holder(0), holder(2), 4_001),
			Assets::<Runtime>::EscrowedForPayment
		);
		assert_noop!(
			CompliantAssets::burn(RuntimeOrigin::signed(supply_agent()), USDT, holder(0), 4_001),
			Assets::<Runtime>::EscrowedForPayment
		);
		assert_noop!(
			CompliantAssets::recover(RuntimeOrigin::signed(recovery_agent()), USDT, holder(0), holder(0)),
			Assets::<Runtime>::SelfTransfer
		);
		assert_ok!(CompliantAssets::set_recovery_link(RuntimeOrigin::root(), USDT, holder(0), Some(holder(4))));
		assert_noop!(
			CompliantAssets::recover(RuntimeOrigin::signed(recovery_agent()), USDT, holder(0), holder(4)),
			Assets::<Runtime>::EscrowedForPayment
		);
		// A freeze covers only what is not escrowed, so it never blocks the release.
		let freeze = |amount| {
			crate::Freeze::freeze(
				RuntimeOrigin::signed(freeze_agent()),
				USDT,
				holder(0),
				amount,
				FreezeReason::AmlFlag,
				b"AML-1".to_vec(),
			)
		};
		assert_noop!(freeze(4_001), pallet_freeze::Error::<Runtime>::InsufficientUnfrozenBalance);
		assert_ok!(freeze(4_000));
		// Another payment cannot escrow the same funds again.
		assert_noop!(pay(0, 2, 1), Assets::<Runtime>::EscrowedForPayment);
		assert_ok!(Payments::confirm_settlements(committee(), alloc::vec![tx_id]));
		assert_eq!((balance_of(USDT, &holder(0)), balance_of(USDT, &holder(1))), (4_000, 16_000));
		assert_eq!(escrowed(0), 0);
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

#[test]
fn a_refund_can_be_refused_by_nothing() {
	rail_ext().execute_with(|| {
		let tx_id = pay(0, 1, 6_000).expect("initiated");
		// The sender sanctioned and address-frozen, the asset paused.
		assert_ok!(crate::IdentityRegistry::sanction_account(RuntimeOrigin::signed(officer()), holder(0), None));
		assert_ok!(crate::Freeze::freeze_address(
			RuntimeOrigin::signed(officer()),
			holder(0),
			FreezeReason::SanctionsMatch,
			b"SDN".to_vec()
		));
		assert_ok!(crate::CircuitBreaker::pause_asset(RuntimeOrigin::root(), USDT, b"incident".to_vec()));
		System::set_block_number(1 + TIMEOUT);
		assert_ok!(Payments::refund_expired(RuntimeOrigin::signed(holder(3)), tx_id));
		assert!(matches!(status(tx_id), PaymentStatus::Refunded { .. }));
		// Refunded in place: the holding is whole, and stays frozen by the address freeze.
		assert_eq!((balance_of(USDT, &holder(0)), escrowed(0)), (OPENING, 0));
		assert_eq!(used_today(), 0);
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

#[test]
fn a_release_meets_every_rule_a_transfer_meets_now() {
	rail_ext().execute_with(|| {
		let tx_id = pay(0, 1, 6_000).expect("initiated");
		// The recipient's maximum balance was lowered meanwhile.
		let rules = RulesInputOf::<Runtime> { max_balance: Some(OPENING + 5_000), ..Default::default() };
		assert_ok!(CompliantAssets::set_rules(RuntimeOrigin::root(), USDT, rules));
		assert_ok!(Payments::confirm_settlements(committee(), alloc::vec![tx_id]));
		let withheld = System::events().into_iter().any(|record| {
			record.event ==
				crate::RuntimeEvent::Payments(pallet_payments::Event::SettlementWithheld {
					tx_id,
					reason: pallet_payments::WithholdReason::Refused(
						pallet_compliant_assets::Error::<Runtime>::MaxBalanceExceeded.into(),
					),
				})
		});
		assert!(withheld, "the committee's release was withheld with the rule's name");
		assert_eq!(status(tx_id), PaymentStatus::Initiated);
		assert_eq!(escrowed(0), 6_000);
	});
}

#[test]
fn a_payment_in_a_distributing_funds_shares_is_charged_the_funds_accrual_on_release() {
	use super::funds::{funds_ext, EUR, SHARE, TMMF_SHARES};
	use frame_support::{dispatch::GetDispatchInfo, instances::Instance1};
	use pallet_fund_vault::WeightInfo as _;
	use pallet_payments::WeightInfo as _;
	funds_ext().execute_with(|| {
		assert_ok!(crate::Tmmf::subscribe(RuntimeOrigin::signed(holder(0)), 300 * EUR));
		assert_ok!(crate::Tmmf::distribute_yield(RuntimeOrigin::signed(fund_manager()), 3 * SHARE));
		let shares_in_eur = SettlementCurrency { code: *b"EUR", decimals: 6 };
		assert_ok!(Payments::set_settlement_currency(RuntimeOrigin::root(), TMMF_SHARES, Some(shares_in_eur)));
		let params = pallet_corridor::CorridorParams {
			min_amount: 1,
			max_amount: 100 * SHARE,
			daily_limit: 100 * SHARE,
			settlement_assets: alloc::vec![TMMF_SHARES],
		};
		assert_ok!(crate::Corridor::add_corridor(RuntimeOrigin::root(), DE, DE, params));
		assert_ok!(Payments::initiate_payment(RuntimeOrigin::signed(holder(0)), TMMF_SHARES, holder(1), 10 * SHARE, None, None));
		let tx_id = last_initiated().expect("an initiation emits its txId");
		// The release settles both holdings' accrual first (the fund's hook,
		// its benchmark once per party), on top of the release's benchmark:
		// declared as the most, charged as reported.
		let accrual = <Runtime as pallet_fund_vault::Config<Instance1>>::WeightInfo::before_holding_change();
		let release = <Runtime as pallet_payments::Config>::WeightInfo::confirm_settlements(1);
		let call = RuntimeCall::Payments(pallet_payments::Call::confirm_settlements { tx_ids: alloc::vec![tx_id] });
		assert_eq!(call.get_dispatch_info().call_weight, release + accrual * 2);
		let charged = Payments::confirm_settlements(committee(), alloc::vec![tx_id]).map(|info| info.actual_weight);
		assert_eq!(charged, Ok(Some(release + accrual * 2)));
		assert_eq!(status(tx_id), PaymentStatus::Released { at: System::block_number() });
		assert_eq!(balance_of(TMMF_SHARES, &holder(1)), 10 * SHARE);
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

// ---- the property test ------------------------------------------------------

#[derive(Clone, Debug)]
enum Op {
	Pay { from: usize, to: usize, amount: Balance },
	StoreHash { pick: usize },
	Confirm { picks: Vec<usize> },
	Challenge { pick: usize },
	Resolve { pick: usize, release: bool },
	Cancel { pick: usize },
	Expire { pick: usize },
	/// An ordinary transfer of (at most) what is not escrowed.
	Transfer { from: usize, to: usize, amount: Balance },
	Sanction { who: usize, on: bool },
	Advance { blocks: BlockNumber },
}

fn op() -> impl Strategy<Value = Op> {
	let who = || 0..3usize;
	prop_oneof![
		4 => (who(), who(), 1..=MAX_PAYMENT + 500).prop_map(|(from, to, amount)| Op::Pay { from, to, amount }),
		1 => any::<usize>().prop_map(|pick| Op::StoreHash { pick }),
		2 => proptest::collection::vec(any::<usize>(), 1..4).prop_map(|picks| Op::Confirm { picks }),
		1 => any::<usize>().prop_map(|pick| Op::Challenge { pick }),
		1 => (any::<usize>(), any::<bool>()).prop_map(|(pick, release)| Op::Resolve { pick, release }),
		1 => any::<usize>().prop_map(|pick| Op::Cancel { pick }),
		1 => any::<usize>().prop_map(|pick| Op::Expire { pick }),
		2 => (who(), who(), 1..=3_000u128).prop_map(|(from, to, amount)| Op::Transfer { from, to, amount }),
		1 => (who(), any::<bool>()).prop_map(|(who, on)| Op::Sanction { who, on }),
		1 => prop_oneof![Just(TIMEOUT / 2), Just(TIMEOUT), 1..20u32].prop_map(|blocks| Op::Advance { blocks }),
	]
}

/// The model: the payments (sender, recipient, amount), which have ended
/// and how, and every holder's balance.
#[derive(Default)]
struct Model {
	payments: Vec<(TxId, usize, usize, Balance)>,
	ended: alloc::collections::BTreeMap<TxId, bool>,
	balances: [Balance; 3],
}

impl Model {
	fn pick(&self, n: usize) -> Option<TxId> {
		(!self.payments.is_empty()).then(|| self.payments[n % self.payments.len()].0)
	}
	fn escrowed(&self, who: usize) -> Balance {
		self.payments.iter().filter(|(id, from, ..)| *from == who && !self.ended.contains_key(id)).map(|p| p.3).sum()
	}
}

fn apply(model: &mut Model, op: Op) {
	let _ = match op {
		Op::Pay { from, to, amount } => pay(from, to, amount).map(|tx_id| model.payments.push((tx_id, from, to, amount))),
		Op::StoreHash { pick } => model.pick(pick).map_or(Ok(()), |tx_id| {
			let sender = model.payments.iter().find(|p| p.0 == tx_id).map_or(0, |p| p.1);
			Payments::store_payment_data_hash(RuntimeOrigin::signed(holder(sender)), tx_id, Some(H256::repeat_byte(1)), None)
		}),
		Op::Confirm { picks } =>
			outcome(Payments::confirm_settlements(committee(), picks.iter().filter_map(|p| model.pick(*p)).collect())),
		Op::Challenge { pick } => model.pick(pick).map_or(Ok(()), |tx_id| {
			Payments::challenge(RuntimeOrigin::signed(officer()), tx_id, H256::zero())
		}),
		Op::Resolve { pick, release } => model.pick(pick).map_or(Ok(()), |tx_id| {
			let outcome = if release { ChallengeOutcome::Release } else { ChallengeOutcome::Refund };
			super::outcome(Payments::resolve_challenge(committee(), tx_id, outcome))
		}),
		Op::Cancel { pick } => model.pick(pick).map_or(Ok(()), |tx_id| Payments::cancel_payment(committee(), tx_id)),
		Op::Expire { pick } => model
			.pick(pick)
			.map_or(Ok(()), |tx_id| Payments::refund_expired(RuntimeOrigin::signed(holder(4)), tx_id)),
		Op::Transfer { from, to, amount } => {
			let moved = outcome(CompliantAssets::transfer(RuntimeOrigin::signed(holder(from)), USDT, holder(to), amount));
			if moved.is_ok() && from != to {
				model.balances[from] -= amount;
				model.balances[to] += amount;
			}
			moved
		},
		Op::Sanction { who, on } => {
			let officer = RuntimeOrigin::signed(officer());
			if on {
				crate::IdentityRegistry::sanction_account(officer, holder(who), None)
			} else {
				crate::IdentityRegistry::unsanction_account(officer, holder(who))
			}
		},
		Op::Advance { blocks } => {
			System::set_block_number(System::block_number() + blocks);
			Ok(())
		},
	};
}

/// Reads each payment's end from the chain into the model once; an end that
/// changes afterwards, or a payment ending twice, fails the case.
fn settle_model(model: &mut Model) -> Result<(), TestCaseError> {
	for (tx_id, from, to, amount) in model.payments.clone() {
		let released = match status(tx_id) {
			PaymentStatus::Released { .. } => Some(true),
			PaymentStatus::Refunded { .. } => Some(false),
			_ => None,
		};
		match (model.ended.get(&tx_id).copied(), released) {
			(None, Some(released)) => {
				model.ended.insert(tx_id, released);
				if released {
					model.balances[from] -= amount;
					model.balances[to] += amount;
				}
			},
			(Some(before), now) => prop_assert_eq!(Some(before), now, "a payment ended twice or came back"),
			(None, None) => {},
		}
	}
	Ok(())
}

fn check_invariants(model: &Model, day: u64, issuance: Balance) -> Result<(), TestCaseError> {
	for who in 0..3 {
		prop_assert_eq!(escrowed(who), model.escrowed(who));
		prop_assert_eq!(balance_of(USDT, &holder(who)), model.balances[who]);
	}
	prop_assert_eq!(<crate::Assets as Inspect<AccountId>>::total_issuance(USDT), issuance);
	let counted_today: Balance = model
		.payments
		.iter()
		.filter(|(id, ..)| model.ended.get(id) != Some(&false))
		.filter(|(id, ..)| pallet_payments::PaymentRecords::<Runtime>::get(id).is_some_and(|p| p.corridor.day == day))
		.map(|p| p.3)
		.sum();
	prop_assert_eq!(used_today(), counted_today);
	prop_assert_eq!(crate::invariants::check_all(), Ok(()));
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(24))]
	#[test]
	fn escrow_is_exactly_the_open_payments_and_each_ends_once(ops in proptest::collection::vec(op(), 1..30)) {
		rail_ext().execute_with(|| {
			let mut model = Model { balances: [OPENING; 3], ..Default::default() };
			let issuance = <crate::Assets as Inspect<AccountId>>::total_issuance(USDT);
			let day = crate::Corridor::today();
			for op in ops {
				apply(&mut model, op);
				settle_model(&mut model)?;
				check_invariants(&model, day, issuance)?;
			}
			Ok::<(), TestCaseError>(())
		})?;
	}
}
