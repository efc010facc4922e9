//! EUR deposits through the real pallets: mint escrow, compliant-assets,
//! pallet-assets with the runtime's freezer, the freeze pallet.
//!
//! - a property test over random sequences of deposits (fresh and repeated
//!   references), clearings, reversals, transfers, redemptions, payouts
//!   confirmed or failed and attestations, against an independent model of
//!   cleared and provisional balances: every reference mints at most once,
//!   no mint takes the supply above the attested fiat, provisional tokens
//!   never move, total issuance equals the sum of balances, and each
//!   redemption settles once;
//! - every path a provisional token could leave by, tried one by one.

use super::*;
use crate::MintEscrow;
use frame_support::assert_noop;
use pallet_mint_escrow::{DepositStatus, PayoutFailure, RedemptionStatus, ReversalReason};
use proptest::prelude::*;
use sp_core::H256;
use tokenize_primitives::{DepositTokens, FreezeReason};

/// The deposit token of these tests.
const EURD: AssetId = 3_000;
/// What the depositary attests when the chain starts.
const OPENING_FIAT: Balance = 10_000;
const MIN_REDEMPTION: Balance = 5;
/// The runtime's `MaxOpenRedemptions`.
const MAX_OPEN_REDEMPTIONS: usize = 16;

fn issuer() -> RuntimeOrigin {
	RuntimeOrigin::signed(mint_operator())
}

fn token() -> pallet_mint_escrow::DepositTokenOf<Runtime> {
	deposit_token(reserve_depositary(), 1_000, MIN_REDEMPTION)
}

fn deposit_ref(n: u32) -> H256 {
	H256::from_low_u64_be(u64::from(n) + 1)
}

fn attest(fiat: Balance) -> Result<(), DispatchError> {
	let supply = <crate::Assets as Inspect<AccountId>>::total_issuance(EURD);
	dispatch(
		pallet_mint_escrow::Call::<Runtime>::attest_backing {
			asset: EURD,
			fiat_balance: fiat,
			liabilities: supply,
			reserve_root: H256::zero(),
			report_hash: H256::zero(),
			as_of: System::block_number(),
		}
		.into(),
		RuntimeOrigin::signed(reserve_depositary()),
	)
}

/// `EURD` permissioned, made a deposit token by governance, attested at
/// [`OPENING_FIAT`]; freeze, forced-transfer and recovery agents appointed.
fn deposit_ext() -> sp_io::TestExternalities {
	let mut ext = new_ext();
	ext.execute_with(|| {
		create_permissioned_asset(EURD, Default::default());
		appoint(EURD, freeze_agent(), &[AgentRole::Freeze]);
		appoint(EURD, enforcement_agent(), &[AgentRole::ForcedTransfer]);
		appoint(EURD, recovery_agent(), &[AgentRole::Recovery]);
		assert_ok!(MintEscrow::set_deposit_token(RuntimeOrigin::root(), EURD, token()));
		assert_ok!(attest(OPENING_FIAT));
	});
	ext
}

// ---- the property test ------------------------------------------------------

#[derive(Clone, Copy, Debug)]
enum Op {
	/// A SEPA credit with a reference never used before.
	Deposit { to: usize, amount: Balance },
	/// A middleware retry: a reference already used (the `pick`-th).
	RepeatDeposit { pick: usize, to: usize, amount: Balance },
	Clear { pick: usize },
	Reverse { pick: usize },
	Transfer { from: usize, to: usize, amount: Balance },
	Redeem { who: usize, amount: Balance },
	Payout { pick: usize, paid: bool },
	Attest { fiat: Balance },
}

fn op() -> impl Strategy<Value = Op> {
	let who = || 0..HOLDERS;
	let amount = || prop_oneof![0..=20u128, 20..=3_000u128];
	let pick = || 0..8usize;
	prop_oneof![
		4 => (who(), amount()).prop_map(|(to, amount)| Op::Deposit { to, amount }),
		1 => (pick(), who(), amount()).prop_map(|(pick, to, amount)| Op::RepeatDeposit { pick, to, amount }),
		3 => pick().prop_map(|pick| Op::Clear { pick }),
		1 => pick().prop_map(|pick| Op::Reverse { pick }),
		3 => (who(), who(), amount()).prop_map(|(from, to, amount)| Op::Transfer { from, to, amount }),
		2 => (who(), amount()).prop_map(|(who, amount)| Op::Redeem { who, amount }),
		2 => (pick(), any::<bool>()).prop_map(|(pick, paid)| Op::Payout { pick, paid }),
		1 => (5_000..=20_000u128).prop_map(|fiat| Op::Attest { fiat }),
	]
}

/// What the books should say, kept without the pallets' code: each holder's
/// cleared and provisional tokens, every deposit and redemption with its
/// state, and the last attested fiat.
#[derive(Clone, Debug, Default)]
struct Model {
	cleared: [Balance; HOLDERS],
	provisional: [Balance; HOLDERS],
	/// (receiver, amount, still pending), in the order of their references.
	deposits: Vec<(usize, Balance, bool)>,
	/// (holder, amount, still requested).
	redemptions: Vec<(usize, Balance, bool)>,
	fiat: Balance,
	/// Paid out of the reserve since the last attestation.
	paid_since: Balance,
}

impl Model {
	fn supply(&self) -> Balance {
		self.cleared.iter().chain(&self.provisional).sum()
	}

	/// Burnt tokens whose euros the issuer still owes.
	fn outstanding(&self) -> Balance {
		self.redemptions.iter().filter(|(_, _, open)| *open).map(|(_, amount, _)| amount).sum()
	}

	fn open_redemptions(&self, who: usize) -> usize {
		self.redemptions.iter().filter(|(holder, _, open)| *open && *holder == who).count()
	}

	/// Applies `op`; returns whether the chain must accept it.
	fn apply(&mut self, op: Op) -> bool {
		match op {
			Op::Deposit { to, amount } => {
				// The reserve must cover the tokens, the euros owed to
				// redeemers and those paid out since it was attested.
				let owed = self.supply() + self.outstanding() + self.paid_since;
				let admitted = amount > 0 && owed + amount <= self.fiat;
				// A refused deposit leaves its reference unused.
				if admitted {
					self.provisional[to] += amount;
					self.deposits.push((to, amount, true));
				}
				admitted
			},
			// With no reference used yet, the "repeat" is a first deposit.
			Op::RepeatDeposit { to, amount, .. } if self.deposits.is_empty() => self.apply(Op::Deposit { to, amount }),
			Op::RepeatDeposit { .. } => false,
			Op::Clear { pick } | Op::Reverse { pick } => {
				let Some((to, amount, pending)) = self.deposits.get_mut(pick) else { return false };
				if !*pending {
					return false;
				}
				*pending = false;
				self.provisional[*to] -= *amount;
				if matches!(op, Op::Clear { .. }) {
					self.cleared[*to] += *amount;
				}
				true
			},
			Op::Transfer { from, to, amount } => {
				let admitted = amount > 0 && from != to && amount <= self.cleared[from];
				if admitted {
					self.cleared[from] -= amount;
					self.cleared[to] += amount;
				}
				admitted
			},
			Op::Redeem { who, amount } => {
				let admitted = amount >= MIN_REDEMPTION
					&& amount <= self.cleared[who]
					&& self.open_redemptions(who) < MAX_OPEN_REDEMPTIONS;
				if admitted {
					self.cleared[who] -= amount;
					self.redemptions.push((who, amount, true));
				}
				admitted
			},
			Op::Payout { pick, paid } => {
				let Some((holder, amount, open)) = self.redemptions.get_mut(pick) else { return false };
				if !*open {
					return false;
				}
				*open = false;
				if paid {
					self.paid_since += *amount;
				} else {
					self.cleared[*holder] += *amount;
				}
				true
			},
			Op::Attest { fiat } => {
				self.fiat = fiat;
				self.paid_since = 0;
				true
			},
		}
	}
}

/// The extrinsic `op` stands for, by the account that would send it.
fn call_of(op: Op, model: &Model) -> (RuntimeCall, RuntimeOrigin) {
	type Escrow = pallet_mint_escrow::Call<Runtime>;
	let used = |pick: usize| deposit_ref(pick.min(model.deposits.len().saturating_sub(1)) as u32);
	match op {
		Op::Deposit { to, amount } => (
			Escrow::record_deposit { asset: EURD, receiver: holder(to), amount, deposit_ref: deposit_ref(model.deposits.len() as u32) }.into(),
			issuer(),
		),
		Op::RepeatDeposit { pick, to, amount } => (
			Escrow::record_deposit { asset: EURD, receiver: holder(to), amount, deposit_ref: used(pick) }.into(),
			issuer(),
		),
		Op::Clear { pick } => (Escrow::confirm_clearing { deposit_ref: deposit_ref(pick as u32) }.into(), issuer()),
		Op::Reverse { pick } => (
			Escrow::reverse_deposit { deposit_ref: deposit_ref(pick as u32), reason: ReversalReason::Recalled }.into(),
			issuer(),
		),
		Op::Transfer { from, to, amount } => (
			pallet_compliant_assets::Call::<Runtime>::transfer { asset: EURD, to: holder(to), amount }.into(),
			RuntimeOrigin::signed(holder(from)),
		),
		Op::Redeem { who, amount } => (
			Escrow::redeem { asset: EURD, amount, payout_account: H256::repeat_byte(7) }.into(),
			RuntimeOrigin::signed(holder(who)),
		),
		Op::Payout { pick, paid: true } => {
			(Escrow::confirm_payout { id: pick as u64, sepa_ref: H256::repeat_byte(9) }.into(), issuer())
		},
		Op::Payout { pick, paid: false } => {
			(Escrow::fail_payout { id: pick as u64, reason: PayoutFailure::AccountClosed }.into(), issuer())
		},
		Op::Attest { fiat } => (
			Escrow::attest_backing {
				asset: EURD,
				fiat_balance: fiat,
				liabilities: model.supply(),
				reserve_root: H256::zero(),
				report_hash: H256::zero(),
				as_of: 1,
			}
			.into(),
			RuntimeOrigin::signed(reserve_depositary()),
		),
	}
}

/// The chain's books agree with the model after every step.
fn assert_books(model: &Model, op: &dyn core::fmt::Debug) {
	for i in 0..HOLDERS {
		let balance = balance_of(EURD, &holder(i));
		assert_eq!(balance, model.cleared[i] + model.provisional[i], "holder {i}'s balance after {op:?}");
		assert_eq!(MintEscrow::uncleared(&EURD, &holder(i)), model.provisional[i], "holder {i}'s provisional after {op:?}");
	}
	let accounts: Balance = pallet_assets::Account::<Runtime>::iter_prefix(EURD).map(|(_, a)| a.balance).sum();
	let issuance = <crate::Assets as Inspect<AccountId>>::total_issuance(EURD);
	assert_eq!((issuance, accounts), (model.supply(), model.supply()), "issuance, sum of balances after {op:?}");
	for (n, (_, _, pending)) in model.deposits.iter().enumerate() {
		let status = pallet_mint_escrow::Deposits::<Runtime>::get(deposit_ref(n as u32)).map(|d| d.status);
		assert_eq!(status == Some(DepositStatus::Pending), *pending, "deposit {n} after {op:?}");
	}
	assert_eq!(
		pallet_mint_escrow::OutstandingRedemptions::<Runtime>::get(EURD),
		model.outstanding(),
		"outstanding redemptions after {op:?}"
	);
	for (id, (_, _, open)) in model.redemptions.iter().enumerate() {
		let status = pallet_mint_escrow::Redemptions::<Runtime>::get(id as u64).map(|r| r.status);
		assert_eq!(status == Some(RedemptionStatus::Requested), *open, "redemption {id} after {op:?}");
	}
	assert_eq!(crate::invariants::check_all(), Ok(()), "invariants after {op:?}");
}

fn run(ops: &[Op]) {
	deposit_ext().execute_with(|| {
		let mut model = Model { fiat: OPENING_FIAT, ..Default::default() };
		for op in ops {
			let (call, origin) = call_of(*op, &model);
			let admitted = model.apply(*op);
			let outcome = dispatch(call, origin);
			assert_eq!(outcome.is_ok(), admitted, "{op:?} gave {outcome:?} (model: {model:?})");
			if let (Op::Deposit { .. }, Ok(())) = (op, &outcome) {
				// Read from the chain, not the model: what the token owes
				// after the mint is within the fiat the depositary attested.
				let attested = pallet_mint_escrow::LatestAttestation::<Runtime>::get(EURD).map(|a| a.fiat_balance);
				let owed = <crate::Assets as Inspect<AccountId>>::total_issuance(EURD)
					+ pallet_mint_escrow::OutstandingRedemptions::<Runtime>::get(EURD)
					+ pallet_mint_escrow::PaidSinceAttestation::<Runtime>::get(EURD);
				assert!(attested.is_some_and(|fiat| owed <= fiat), "{op:?} minted beyond the attested fiat");
			}
			if let (Op::RepeatDeposit { .. }, Err(error)) = (op, &outcome) {
				if !model.deposits.is_empty() {
					let used: DispatchError = pallet_mint_escrow::Error::<Runtime>::DepositReferenceUsed.into();
					assert_eq!(*error, used, "{op:?}");
				}
			}
			assert_books(&model, op);
		}
	});
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

	/// See the module documentation.
	#[test]
	fn random_deposit_lifecycles_keep_the_books_and_the_backing(ops in prop::collection::vec(op(), 20..=40)) {
		run(&ops);
	}
}

/// One pass through every rule, so a regression shows even when the random
/// sequences miss it.
#[test]
fn scripted_deposit_lifecycle_keeps_the_books() {
	run(&[
		Op::Deposit { to: 0, amount: 6_000 },
		Op::Transfer { from: 0, to: 1, amount: 1 },
		Op::Redeem { who: 0, amount: 10 },
		Op::RepeatDeposit { pick: 0, to: 0, amount: 6_000 },
		Op::Deposit { to: 1, amount: 4_001 },
		Op::Deposit { to: 1, amount: 4_000 },
		Op::Clear { pick: 0 },
		Op::Clear { pick: 0 },
		Op::Reverse { pick: 1 },
		Op::Reverse { pick: 1 },
		Op::Transfer { from: 0, to: 2, amount: 2_000 },
		Op::Redeem { who: 2, amount: 4 },
		Op::Redeem { who: 2, amount: 2_000 },
		Op::Payout { pick: 0, paid: false },
		Op::Payout { pick: 0, paid: true },
		Op::Attest { fiat: 5_000 },
		Op::Deposit { to: 3, amount: 1_000 },
		Op::Deposit { to: 3, amount: 999 },
	]);
}

// ---- the paths provisional tokens must not leave by ---------------------------

fn record(n: u32, to: &AccountId, amount: Balance) {
	assert_ok!(MintEscrow::record_deposit(issuer(), EURD, to.clone(), amount, deposit_ref(n)));
}

#[test]
fn provisional_tokens_leave_a_holding_by_no_path() {
	use pallet_compliant_assets::Error as Assets;
	deposit_ext().execute_with(|| {
		let alice = holder(0);
		record(0, &alice, 300);
		assert_ok!(MintEscrow::confirm_clearing(issuer(), deposit_ref(0)));
		record(1, &alice, 500);
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());
		let transfer = |amount| CompliantAssets::transfer(signed(&alice), EURD, holder(1), amount);

		assert_noop!(transfer(301), Assets::<Runtime>::UnclearedDeposit);
		assert_noop!(
			CompliantAssets::batch_transfer(signed(&alice), EURD, alloc::vec![(holder(1), 300), (holder(2), 1)]),
			Assets::<Runtime>::UnclearedDeposit
		);
		assert_noop!(
			MintEscrow::redeem(signed(&alice), EURD, 301, H256::zero()),
			Assets::<Runtime>::UnclearedDeposit
		);
		assert_noop!(
			CompliantAssets::forced_transfer(signed(&enforcement_agent()), EURD, alice.clone(), holder(1), 301),
			Assets::<Runtime>::UnclearedDeposit
		);
		assert_noop!(
			CompliantAssets::recover(signed(&recovery_agent()), EURD, alice.clone(), holder(1)),
			Assets::<Runtime>::UnclearedDeposit
		);
		let freeze = |amount| {
			crate::Freeze::freeze(signed(&freeze_agent()), EURD, alice.clone(), amount, FreezeReason::CourtOrder, b"x".to_vec())
		};
		assert_noop!(freeze(301), pallet_freeze::Error::<Runtime>::InsufficientUnfrozenBalance);
		// pallet-assets itself, asked directly, keeps both back.
		assert_eq!(
			<crate::Assets as Inspect<AccountId>>::reducible_balance(
				EURD,
				&alice,
				frame_support::traits::tokens::Preservation::Expendable,
				frame_support::traits::tokens::Fortitude::Force
			),
			300
		);

		// The cleared part is frozen, then confiscated: the provisional part stays.
		assert_ok!(freeze(300));
		assert_noop!(transfer(1), Assets::<Runtime>::UnclearedDeposit);
		assert_ok!(crate::Freeze::confiscate(signed(&enforcement_agent()), 0, holder(1)));
		assert_eq!((balance_of(EURD, &alice), MintEscrow::uncleared(&EURD, &alice)), (500, 500));
		assert_eq!(crate::invariants::check_all(), Ok(()));

		// Reversed: exactly the provisional amount is burnt.
		assert_ok!(MintEscrow::reverse_deposit(issuer(), deposit_ref(1), ReversalReason::ClearingFailed));
		assert_eq!((balance_of(EURD, &alice), <crate::Assets as Inspect<AccountId>>::total_issuance(EURD)), (0, 300));
		assert_eq!(crate::invariants::check_all(), Ok(()));
	});
}

#[test]
fn a_cleared_deposit_moves_like_any_token() {
	deposit_ext().execute_with(|| {
		let alice = holder(0);
		record(0, &alice, 300);
		assert_ok!(MintEscrow::confirm_clearing(issuer(), deposit_ref(0)));
		assert_ok!(CompliantAssets::transfer(RuntimeOrigin::signed(alice.clone()), EURD, holder(1), 300));
		assert_eq!(balance_of(EURD, &holder(1)), 300);
		let view = crate::compliance_views::spendable_balance(EURD, &holder(1));
		assert_eq!((view.balance, view.spendable, view.uncleared), (300, 300, 0));
		record(1, &holder(1), 50);
		let view = crate::compliance_views::spendable_balance(EURD, &holder(1));
		assert_eq!((view.balance, view.spendable, view.uncleared), (350, 300, 50));
	});
}

#[test]
fn minting_obeys_the_circuit_breaker_and_frozen_tokens_are_not_redeemed() {
	use pallet_compliant_assets::Error as Assets;
	deposit_ext().execute_with(|| {
		let root = RuntimeOrigin::root;
		// Asset pause (compliance + depositary; root stands in).
		assert_ok!(crate::CircuitBreaker::pause_asset(root(), EURD, b"reconciliation".to_vec()));
		assert_noop!(
			MintEscrow::record_deposit(issuer(), EURD, holder(0), 10, deposit_ref(0)),
			Assets::<Runtime>::AssetPaused
		);
		assert_ok!(crate::CircuitBreaker::resume_asset(root(), EURD));
		// The mint throttle of the asset: the issuer's own window holds two mints.
		let throttle = pallet_circuit_breaker::ThrottleConfig {
			window: 100,
			account_max_operations: Some(2),
			account_max_amount: None,
			max_amount: None,
			cooldown: 10,
		};
		assert_ok!(crate::CircuitBreaker::set_throttle(root(), tokenize_primitives::OperationKind::Mint, EURD, throttle));
		record(0, &holder(0), 100);
		record(1, &holder(0), 100);
		assert_noop!(
			MintEscrow::record_deposit(issuer(), EURD, holder(0), 10, deposit_ref(2)),
			Assets::<Runtime>::AccountLimitReached
		);
		// The global pause: the call filter stops every mint-escrow call.
		assert_ok!(crate::CircuitBreaker::pause_global(root(), b"incident".to_vec()));
		let clear: RuntimeCall = pallet_mint_escrow::Call::<Runtime>::confirm_clearing { deposit_ref: deposit_ref(0) }.into();
		assert_eq!(dispatch(clear, issuer()), Err(frame_system::Error::<Runtime>::CallFiltered.into()));
		// Lifted at once here (the time-locked lift is the breaker's own test).
		pallet_circuit_breaker::GlobalPauseState::<Runtime>::kill();
		// Cleared tokens under a court's freeze are not redeemed either.
		assert_ok!(MintEscrow::confirm_clearing(issuer(), deposit_ref(0)));
		assert_ok!(crate::Freeze::freeze(
			RuntimeOrigin::signed(freeze_agent()),
			EURD,
			holder(0),
			100,
			FreezeReason::CourtOrder,
			b"LG-1".to_vec()
		));
		assert_noop!(
			MintEscrow::redeem(RuntimeOrigin::signed(holder(0)), EURD, 100, H256::zero()),
			Assets::<Runtime>::UnclearedDeposit
		);
		assert_ok!(MintEscrow::confirm_clearing(issuer(), deposit_ref(1)));
		assert_noop!(
			MintEscrow::redeem(RuntimeOrigin::signed(holder(0)), EURD, 101, H256::zero()),
			Assets::<Runtime>::InsufficientSpendableBalance
		);
		assert_ok!(MintEscrow::redeem(RuntimeOrigin::signed(holder(0)), EURD, 100, H256::zero()));
	});
}
