//! Test runtime: frame-system and this pallet, with a scripted identity
//! registry, a scripted permissioned-asset ledger standing in for
//! compliant-assets (it refuses to debit what the pallet holds in escrow,
//! as the runtime's pallet-assets freezer does), scripted corridors and a
//! scripted breaker. The runtime's own tests run the pallet against the
//! real pallets.
//!
//! Scripted state lives in the externalities' storage, so a failed call
//! rolls it back like real pallet storage.

use crate as pallet_payments;
use crate::{SettlementCurrency, TxId};
use codec::{Decode, Encode};
use frame_support::{derive_impl, ord_parameter_types, traits::ConstU32, weights::Weight};
use frame_system::EnsureSignedBy;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::BTreeMap;
use tokenize_primitives::{
	Bic, Breaker, BreakerRefusal, Compliance, ComplianceFailure, ComplianceTransfer, CorridorUse,
	CorridorValidator, InvestorCategory, Jurisdiction, OperationKind, PaymentEscrow, Role,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Payments: pallet_payments,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

ord_parameter_types! {
	pub const Committee: u64 = 1000;
	pub const Admin: u64 = 1001;
}

pub const CHALLENGE_WINDOW: u64 = 10;
pub const TIMEOUT: u64 = 100;
pub const MAX_TIMEOUT: u64 = 1_000;
pub const MAX_BATCH: u32 = 4;
pub const MAX_OPEN: u32 = 3;

impl pallet_payments::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = u32;
	type Balance = u64;
	type Compliance = MockCompliance;
	type Assets = MockLedger;
	type Corridors = MockCorridors;
	type Breaker = MockBreaker;
	type OffchainSignature = sp_runtime::testing::TestSignature;
	type OffchainSigner = sp_runtime::testing::UintAuthorityId;
	type SettlementOrigin = EnsureSignedBy<Committee, u64>;
	type AdminOrigin = EnsureSignedBy<Admin, u64>;
	type ChallengeWindow = frame_support::traits::ConstU64<CHALLENGE_WINDOW>;
	type PaymentTimeout = frame_support::traits::ConstU64<TIMEOUT>;
	type MaxPaymentTimeout = frame_support::traits::ConstU64<MAX_TIMEOUT>;
	type MaxSettlementBatch = ConstU32<MAX_BATCH>;
	type MaxOpenPayments = ConstU32<MAX_OPEN>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

// ---- accounts and fixtures ------------------------------------------------

pub const COMMITTEE: u64 = 1000;
pub const ADMIN: u64 = 1001;
/// A US customer of Chase.
pub const ALICE: u64 = 1;
/// A German customer of Commerzbank.
pub const BOB: u64 = 2;
/// A second US customer of Chase.
pub const DAVE: u64 = 4;
/// Alice's bank.
pub const CHASE: u64 = 10;
/// Bob's bank.
pub const COBA: u64 = 20;
/// A bank of neither party.
pub const BNP: u64 = 30;
pub const OFFICER: u64 = 40;
/// A liquidity provider (LiquidityProvider role) in DE.
pub const LP: u64 = 50;
/// Has no identity.
pub const NOBODY: u64 = 99;

pub const CHASE_BIC: Bic = *b"CHASUS33XXX";
pub const COBA_BIC: Bic = *b"COBADEFFXXX";
pub const BNP_BIC: Bic = *b"BNPAFRPPXXX";
pub const US: Jurisdiction = Jurisdiction(*b"US");
pub const DE: Jurisdiction = Jurisdiction(*b"DE");
pub const FR: Jurisdiction = Jurisdiction(*b"FR");

pub const USDC: u32 = 1;
pub const EURC: u32 = 2;
/// A permissioned asset without a settlement currency: a distributing
/// fund's share class, whose holding observer settles each party's yield
/// accrual when it moves ([`ACCRUAL_PER_PARTY`]).
pub const SHARES: u32 = 3;
/// What the ledger's holding observer charges per party of a SHARES move,
/// and the most it declares (above it, as a benchmarked worst case is).
pub const ACCRUAL_PER_PARTY: u64 = 7_000;
pub const ACCRUAL_MOST_PER_PARTY: u64 = 9_000;
/// Each customer's opening balance of each asset.
pub const FUNDS: u64 = 10_000;
/// The US → DE corridor's daily limit.
pub const DAILY_LIMIT: u64 = 5_000;
/// The corridors' largest single payment.
pub const MAX_PAYMENT: u64 = 3_000;

/// The genesis hash the mock chain reports.
pub const GENESIS: sp_core::H256 = sp_core::H256::repeat_byte(0x47);

/// A quote of `LP` converting USDC into EURC at `rate`, for at most
/// `MAX_PAYMENT` USDC, valid until block 20, for this chain.
pub fn quote(id: u8, rate: sp_runtime::FixedU128) -> crate::FxQuoteOf<Test> {
	crate::FxQuote {
		quote_id: sp_core::H256::repeat_byte(id),
		lp: LP,
		source_asset: USDC,
		target_asset: EURC,
		rate,
		max_source_amount: MAX_PAYMENT,
		expires_at: 20,
		genesis_hash: GENESIS,
	}
}

/// `who`'s signature over the quote's encoding.
pub fn signed_by(who: u64, quote: &crate::FxQuoteOf<Test>) -> sp_runtime::testing::TestSignature {
	sp_runtime::testing::TestSignature(who, codec::Encode::encode(quote))
}

/// Alice pays Bob `amount` USDC as EURC at `quote`, signed by its provider.
pub fn pay_fx(quote: crate::FxQuoteOf<Test>, amount: u64, min_out: u64) -> DispatchResult {
	charged_fx(quote, amount, min_out).map(|_| ())
}

/// [`pay_fx`], with the weight the call was charged.
pub fn charged_fx(quote: crate::FxQuoteOf<Test>, amount: u64, min_out: u64) -> Result<Option<Weight>, DispatchError> {
	let signature = signed_by(quote.lp, &quote);
	Payments::pay_with_fx(RuntimeOrigin::signed(ALICE), quote, signature, BOB, amount, min_out, 20)
		.map(|info| info.actual_weight)
		.map_err(|failure| failure.error)
}

pub fn usd() -> SettlementCurrency {
	SettlementCurrency { code: *b"USD", decimals: 6 }
}

// ---- scripted state in storage --------------------------------------------

const IDENTITIES: &[u8] = b":mock:identities";
const BALANCES: &[u8] = b":mock:balances";
const FROZEN: &[u8] = b":mock:frozen";
const MAX_BALANCE: &[u8] = b":mock:max-balance";
const VOLUMES: &[u8] = b":mock:volumes";
const DAY: &[u8] = b":mock:day";
const BREAKER: &[u8] = b":mock:breaker";

use tokenize_primitives::testing::{scripted as load, update_scripted as update};

/// A scripted identity: jurisdiction, bank BIC, roles, and what
/// `check_compliance` answers.
#[derive(Clone, Encode, Decode, PartialEq, Eq, Debug)]
pub struct MockIdentity {
	pub jurisdiction: Jurisdiction,
	pub bic: Option<Bic>,
	pub roles: Vec<Role>,
	pub failure: Option<ComplianceFailure>,
}

pub fn set_identity(who: u64, jurisdiction: Jurisdiction, bic: Option<Bic>, roles: &[Role]) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| {
		ids.insert(who, MockIdentity { jurisdiction, bic, roles: roles.to_vec(), failure: None })
	});
}

/// Makes `who` fail the compliance check with `failure`, or pass with `None`.
pub fn set_failure(who: u64, failure: Option<ComplianceFailure>) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| {
		if let Some(identity) = ids.get_mut(&who) {
			identity.failure = failure;
		}
	});
}

fn identity(who: &u64) -> Option<MockIdentity> {
	load::<BTreeMap<u64, MockIdentity>>(IDENTITIES).get(who).cloned()
}

pub fn balance(asset: u32, who: u64) -> u64 {
	load::<BTreeMap<(u32, u64), u64>>(BALANCES).get(&(asset, who)).copied().unwrap_or_default()
}

pub fn set_balance(asset: u32, who: u64, amount: u64) {
	update(BALANCES, |balances: &mut BTreeMap<(u32, u64), u64>| balances.insert((asset, who), amount));
}

pub fn supply(asset: u32) -> u64 {
	load::<BTreeMap<(u32, u64), u64>>(BALANCES).iter().filter(|((a, _), _)| *a == asset).map(|(_, b)| b).sum()
}

/// Freezes `amount` of `who`'s holding (an amount-level freeze).
pub fn set_frozen(asset: u32, who: u64, amount: u64) {
	update(FROZEN, |frozen: &mut BTreeMap<(u32, u64), u64>| frozen.insert((asset, who), amount));
}

/// The asset's maximum balance per holder.
pub fn set_max_balance(asset: u32, max: Option<u64>) {
	update(MAX_BALANCE, |limits: &mut BTreeMap<u32, u64>| match max {
		Some(max) => limits.insert(asset, max),
		None => limits.remove(&asset),
	});
}

/// The corridor volume counted on `day`.
pub fn volume(source: Jurisdiction, destination: Jurisdiction, day: u64) -> u64 {
	load::<BTreeMap<(Jurisdiction, Jurisdiction, u64), u64>>(VOLUMES)
		.get(&(source, destination, day))
		.copied()
		.unwrap_or_default()
}

pub fn today() -> u64 {
	load::<u64>(DAY)
}

pub fn set_day(day: u64) {
	update(DAY, |d: &mut u64| *d = day);
}

/// What the breaker answers to the next payments (`None`: allowed).
pub fn set_breaker(refusal: Option<BreakerRefusal>) {
	update(BREAKER, |r: &mut Option<BreakerRefusal>| *r = refusal);
}

// ---- the mocks --------------------------------------------------------------

/// The scripted pallets' refusals, as module errors of a pallet at index
/// 99: their names survive neither encoding nor events, their codes do.
pub fn refusal(name: &'static str) -> DispatchError {
	const NAMES: [&str; 9] = [
		"SenderNotCompliant",
		"ReceiverNotCompliant",
		"MaxBalanceExceeded",
		"InsufficientSpendableBalance",
		"SenderUnregistered",
		"ReceiverUnregistered",
		"UnknownCorridor",
		"AboveMaximum",
		"DailyLimitExceeded",
	];
	let code = NAMES.iter().position(|n| *n == name).map_or(u8::MAX, |i| i as u8);
	DispatchError::Module(sp_runtime::ModuleError { index: 99, error: [code, 0, 0, 0], message: Some(name) })
}

pub struct MockCompliance;
impl Compliance<u64> for MockCompliance {
	fn is_verified(who: &u64) -> bool {
		Self::check_compliance(who).is_ok()
	}
	fn has_role(who: &u64, role: Role) -> bool {
		identity(who).is_some_and(|i| i.failure.is_none() && i.roles.contains(&role))
	}
	fn holds_role(who: &u64, role: Role) -> bool {
		identity(who).is_some_and(|i| i.failure != Some(ComplianceFailure::Revoked) && i.roles.contains(&role))
	}
	fn jurisdiction(who: &u64) -> Option<Jurisdiction> {
		identity(who).map(|i| i.jurisdiction)
	}
	fn same_legal_entity(a: &u64, b: &u64) -> bool {
		a == b
	}
	fn check_compliance(who: &u64) -> Result<(), ComplianceFailure> {
		let identity = identity(who).ok_or(ComplianceFailure::NotRegistered)?;
		identity.failure.map_or(Ok(()), Err)
	}
	fn is_sanctioned(who: &u64) -> bool {
		identity(who).is_some_and(|i| i.failure == Some(ComplianceFailure::Sanctioned))
	}
	fn category(who: &u64) -> Option<InvestorCategory> {
		identity(who).map(|_| InvestorCategory::Retail)
	}
	fn is_jurisdiction_blocked(_jurisdiction: &Jurisdiction) -> bool {
		false
	}
	fn bic(who: &u64) -> Option<Bic> {
		identity(who).and_then(|i| i.bic)
	}
}

/// compliant-assets as the rail sees it: both parties compliant, the
/// recipient within the asset's maximum balance, the sender's spendable
/// balance (less freezes and the rail's escrow) covering the amount.
pub struct MockLedger;
impl MockLedger {
	fn spendable(asset: u32, who: u64) -> u64 {
		let frozen = load::<BTreeMap<(u32, u64), u64>>(FROZEN).get(&(asset, who)).copied().unwrap_or_default();
		balance(asset, who).saturating_sub(frozen).saturating_sub(Payments::escrowed(&asset, &who))
	}

	fn receiver_rules(asset: u32, to: u64, amount: u64) -> DispatchResult {
		MockCompliance::check_compliance(&to).map_err(|_| refusal("ReceiverNotCompliant"))?;
		let max = load::<BTreeMap<u32, u64>>(MAX_BALANCE).get(&asset).copied();
		if max.is_some_and(|max| balance(asset, to) + amount > max) {
			return Err(refusal("MaxBalanceExceeded"));
		}
		Ok(())
	}
}

impl ComplianceTransfer<u64, u32, u64> for MockLedger {
	fn is_permissioned(asset: &u32) -> bool {
		[USDC, EURC, SHARES].contains(asset)
	}
	fn can_transfer(asset: &u32, from: &u64, to: &u64, amount: u64) -> DispatchResult {
		MockCompliance::check_compliance(from).map_err(|_| refusal("SenderNotCompliant"))?;
		Self::receiver_rules(*asset, *to, amount)?;
		if amount > Self::spendable(*asset, *from) {
			return Err(refusal("InsufficientSpendableBalance"));
		}
		Ok(())
	}
	fn transfer(asset: &u32, from: &u64, to: &u64, amount: u64) -> Result<Weight, DispatchError> {
		Self::settle(asset, from, to, amount)
	}
	fn settle(asset: &u32, from: &u64, to: &u64, amount: u64) -> Result<Weight, DispatchError> {
		Self::can_transfer(asset, from, to, amount)?;
		Self::force_move(asset, from, to, amount)
	}
	fn force_move(asset: &u32, from: &u64, to: &u64, amount: u64) -> Result<Weight, DispatchError> {
		Self::receiver_rules(*asset, *to, amount)?;
		if amount > Self::spendable(*asset, *from) {
			return Err(refusal("InsufficientSpendableBalance"));
		}
		set_balance(*asset, *from, balance(*asset, *from) - amount);
		set_balance(*asset, *to, balance(*asset, *to) + amount);
		let accrued = if *asset == SHARES { 2 * ACCRUAL_PER_PARTY } else { 0 };
		Ok(Weight::from_parts(accrued, 0))
	}
	fn movement_observers_most() -> Weight {
		Weight::from_parts(2 * ACCRUAL_MOST_PER_PARTY, 0)
	}
}

/// One corridor per ordered pair of the parties' jurisdictions, each
/// settling USDC, EURC and SHARES up to `MAX_PAYMENT` per payment and
/// `DAILY_LIMIT` per day; FR → anywhere does not exist.
pub struct MockCorridors;
impl CorridorValidator<u64, u32, u64> for MockCorridors {
	fn validate(from: &u64, to: &u64, _asset: &u32, amount: u64) -> DispatchResult {
		let source = MockCompliance::jurisdiction(from).ok_or(refusal("SenderUnregistered"))?;
		let destination = MockCompliance::jurisdiction(to).ok_or(refusal("ReceiverUnregistered"))?;
		if source == FR {
			return Err(refusal("UnknownCorridor"));
		}
		if amount > MAX_PAYMENT {
			return Err(refusal("AboveMaximum"));
		}
		if volume(source, destination, today()) + amount > DAILY_LIMIT {
			return Err(refusal("DailyLimitExceeded"));
		}
		Ok(())
	}
	fn record(from: &u64, to: &u64, asset: &u32, amount: u64) -> Result<CorridorUse, DispatchError> {
		Self::validate(from, to, asset, amount)?;
		let (source, destination, day) =
			(MockCompliance::jurisdiction(from).unwrap_or(US), MockCompliance::jurisdiction(to).unwrap_or(DE), today());
		update(VOLUMES, |v: &mut BTreeMap<(Jurisdiction, Jurisdiction, u64), u64>| {
			*v.entry((source, destination, day)).or_default() += amount
		});
		Ok(CorridorUse { source, destination, day })
	}
	fn give_back(used: &CorridorUse, amount: u64) {
		update(VOLUMES, |v: &mut BTreeMap<(Jurisdiction, Jurisdiction, u64), u64>| {
			if let Some(counted) = v.get_mut(&(used.source, used.destination, used.day)) {
				*counted = counted.saturating_sub(amount);
			}
		});
	}
}

pub struct MockBreaker;
impl Breaker<u32, u64, u64> for MockBreaker {
	fn ensure_open(_asset: &u32) -> Result<(), BreakerRefusal> {
		Ok(())
	}
	fn note_operation(kind: OperationKind, asset: &u32, who: &u64, amount: u64) -> Result<(), BreakerRefusal> {
		Self::check_operation(kind, asset, who, amount)
	}
	fn check_operation(kind: OperationKind, _asset: &u32, _who: &u64, _amount: u64) -> Result<(), BreakerRefusal> {
		assert_eq!(kind, OperationKind::Payment, "the rail counts payments only");
		load::<Option<BreakerRefusal>>(BREAKER).map_or(Ok(()), Err)
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, u32, u64, sp_runtime::testing::TestSignature> for MockBenchmarkHelper {
	fn payment_route(sender: &u64, recipient: &u64, funds: u64) -> (u32, u64) {
		set_identity(*sender, US, Some(CHASE_BIC), &[]);
		set_identity(*recipient, DE, Some(COBA_BIC), &[]);
		set_balance(USDC, *sender, funds);
		crate::SettlementCurrencies::<Test>::insert(USDC, usd());
		// Room for a full batch of maximum payments.
		update(VOLUMES, |v: &mut BTreeMap<(Jurisdiction, Jurisdiction, u64), u64>| v.clear());
		(USDC, 1_000)
	}
	fn make_verified(who: &u64, roles: &[Role]) {
		set_identity(*who, US, Some(CHASE_BIC), roles);
	}
	fn liquidity_provider(funds: u64) -> (u64, u32) {
		set_balance(EURC, LP, funds);
		(LP, EURC)
	}
	/// Bob's bank: the recipient's bank in every payment route.
	fn signing_bank() -> u64 {
		COBA
	}
	fn sign(lp: &u64, message: &[u8]) -> sp_runtime::testing::TestSignature {
		sp_runtime::testing::TestSignature(*lp, message.to_vec())
	}
}

// ---- externalities ------------------------------------------------------------

/// Identities for the fixture accounts, USDC and EURC with currencies, every
/// customer funded with `FUNDS` of each; block 1, day 0.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = pallet_payments::GenesisConfig::<Test> {
		currencies: vec![(USDC, usd()), (EURC, SettlementCurrency { code: *b"EUR", decimals: 6 })],
	};
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	let _ = storage.assimilate_storage(&mut t);
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_identity(ALICE, US, Some(CHASE_BIC), &[]);
		set_identity(DAVE, US, Some(CHASE_BIC), &[]);
		set_identity(BOB, DE, Some(COBA_BIC), &[]);
		set_identity(CHASE, US, Some(CHASE_BIC), &[Role::Bank]);
		set_identity(COBA, DE, Some(COBA_BIC), &[Role::Bank]);
		set_identity(BNP, FR, Some(BNP_BIC), &[Role::Bank]);
		set_identity(OFFICER, DE, None, &[Role::ComplianceOfficer]);
		set_identity(LP, DE, None, &[Role::LiquidityProvider]);
		frame_system::BlockHash::<Test>::insert(0, GENESIS);
		for who in [ALICE, DAVE, BOB, LP] {
			for asset in [USDC, EURC, SHARES] {
				set_balance(asset, who, FUNDS);
			}
		}
	});
	ext
}

/// Alice pays Bob `amount` of USDC; the new txId.
pub fn pay(amount: u64) -> Result<TxId, DispatchError> {
	pay_from(ALICE, BOB, USDC, amount)
}

pub fn pay_from(from: u64, to: u64, asset: u32, amount: u64) -> Result<TxId, DispatchError> {
	Payments::initiate_payment(RuntimeOrigin::signed(from), asset, to, amount, None, None)?;
	Ok(last_tx_id())
}

/// The txId of the last `PaymentInitiated`.
pub fn last_tx_id() -> TxId {
	events()
		.into_iter()
		.rev()
		.find_map(|event| match event {
			crate::Event::PaymentInitiated { tx_id, .. } => Some(tx_id),
			_ => None,
		})
		.unwrap_or_default()
}

pub fn committee() -> RuntimeOrigin {
	RuntimeOrigin::signed(COMMITTEE)
}

pub fn run_to(block: u64) {
	System::set_block_number(block);
}

/// The pallet's events since the last reset.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Payments(event) => Some(event),
			_ => None,
		})
		.collect()
}
