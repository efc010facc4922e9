//! Test runtime: frame-system and this pallet, with a scripted identity
//! registry and a scripted permissioned-asset ledger standing in for
//! compliant-assets. The ledger keeps balances and supply and, like the
//! runtime's pallet-assets freezer, refuses to debit provisional tokens.
//! The runtime's own tests run the pallet against the real compliant-assets.
//!
//! Scripted state lives in the externalities' storage, so a failed call
//! rolls it back like real pallet storage.

use crate as pallet_mint_escrow;
use crate::{DepositToken, DepositTokenOf};
use codec::{Decode, Encode};
use frame_support::{assert_ok, derive_impl, ord_parameter_types, traits::ConstU32};
use frame_system::EnsureSignedBy;
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};
use tokenize_primitives::{
	Compliance, ComplianceFailure, DepositTokens, FundShareClasses, InvestorCategory, Jurisdiction,
	PermissionedSupply, Role,
};

/// The fund vaults as the mint escrow sees them: one fund, with the share
/// class [`SHARES`], paid in [`EURD`].
pub struct MockFunds;
impl FundShareClasses<u32> for MockFunds {
	fn is_share_class(asset: &u32) -> bool {
		*asset == SHARES
	}
	fn is_payment_asset(asset: &u32) -> bool {
		*asset == EURD
	}
}

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		MintEscrow: pallet_mint_escrow,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

ord_parameter_types! {
	pub const Admin: u64 = 1000;
}

impl pallet_mint_escrow::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = u32;
	type Balance = u64;
	type Compliance = MockCompliance;
	type Supply = MockLedger;
	type Funds = MockFunds;
	type AdminOrigin = EnsureSignedBy<Admin, u64>;
	type MaxPendingDeposits = ConstU32<3>;
	type MaxAttestations = ConstU32<2>;
	type MaxOpenRedemptions = ConstU32<2>;
	type MaxAttestationAge = frame_support::traits::ConstU64<1_000>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

// ---- accounts and fixtures ------------------------------------------------

pub const ADMIN: u64 = 1000;
/// The issuing bank (MintOperator), legal entity 10.
pub const ISSUER: u64 = 10;
/// The depositary (Depositary), legal entity 20.
pub const DEPOSITARY: u64 = 20;
/// A second account of the issuer's legal entity holding `Depositary`.
pub const ISSUER_AFFILIATE: u64 = 11;
/// Another depositary bank, legal entity 30.
pub const OTHER_DEPOSITARY: u64 = 30;
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
/// Has no identity.
pub const NOBODY: u64 = 99;

pub const EURD: u32 = 1;
/// A permissioned asset that is not a deposit token: a fund's share class.
pub const SHARES: u32 = 2;
pub const CLEARING_WINDOW: u64 = 10;
pub const MAX_AGE: u64 = 100;
pub const MIN_REDEMPTION: u64 = 5;
/// Fiat the depositary attests in `ext_with_token`.
pub const FIAT: u64 = 1_000;

pub fn deposit_ref(n: u8) -> H256 {
	H256::repeat_byte(n)
}

pub fn token() -> DepositTokenOf<Test> {
	DepositToken {
		issuer: ISSUER,
		depositary: DEPOSITARY,
		reserve_account: H256::repeat_byte(0xAA),
		clearing_window: CLEARING_WINDOW,
		max_attestation_age: MAX_AGE,
		min_redemption: MIN_REDEMPTION,
	}
}

// ---- scripted state in storage --------------------------------------------

const IDENTITIES: &[u8] = b":mock:identities";
const BALANCES: &[u8] = b":mock:balances";
const PERMISSIONED: &[u8] = b":mock:permissioned";

use tokenize_primitives::testing::{scripted as load, update_scripted as update};

/// A scripted identity: roles, legal entity, and what `check_compliance` answers.
#[derive(Clone, Encode, Decode, PartialEq, Eq, Debug)]
pub struct MockIdentity {
	pub roles: Vec<Role>,
	pub entity: u64,
	pub failure: Option<ComplianceFailure>,
}

pub fn set_identity(who: u64, entity: u64, roles: &[Role]) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| {
		ids.insert(who, MockIdentity { roles: roles.to_vec(), entity, failure: None })
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

/// Takes every role from `who`.
pub fn strip_roles(who: u64) {
	update(IDENTITIES, |ids: &mut BTreeMap<u64, MockIdentity>| {
		if let Some(identity) = ids.get_mut(&who) {
			identity.roles.clear();
		}
	});
}

fn identity(who: &u64) -> Option<MockIdentity> {
	load::<BTreeMap<u64, MockIdentity>>(IDENTITIES).get(who).cloned()
}

pub fn balance(asset: u32, who: u64) -> u64 {
	load::<BTreeMap<(u32, u64), u64>>(BALANCES).get(&(asset, who)).copied().unwrap_or_default()
}

pub fn supply(asset: u32) -> u64 {
	load::<BTreeMap<(u32, u64), u64>>(BALANCES).iter().filter(|((a, _), _)| *a == asset).map(|(_, b)| b).sum()
}

/// Every holding of `asset`, for the liability tree.
pub fn holdings(asset: u32) -> Vec<(u64, u64)> {
	load::<BTreeMap<(u32, u64), u64>>(BALANCES)
		.into_iter()
		.filter(|((a, _), _)| *a == asset)
		.map(|((_, who), b)| (who, b))
		.collect()
}

/// Moves spendable tokens between holders, as an ordinary transfer would.
pub fn transfer(asset: u32, from: u64, to: u64, amount: u64) -> DispatchResult {
	MockLedger::debit(asset, from, amount)?;
	MockLedger::credit(asset, to, amount);
	Ok(())
}

// ---- the mocks --------------------------------------------------------------

pub struct MockCompliance;
impl Compliance<u64> for MockCompliance {
	fn is_verified(who: &u64) -> bool {
		Self::check_compliance(who).is_ok()
	}
	fn has_role(who: &u64, role: Role) -> bool {
		identity(who).is_some_and(|i| i.failure.is_none() && i.roles.contains(&role))
	}
	/// Whatever the scripted standing, short of a revocation.
	fn holds_role(who: &u64, role: Role) -> bool {
		identity(who).is_some_and(|i| i.failure != Some(ComplianceFailure::Revoked) && i.roles.contains(&role))
	}
	fn jurisdiction(who: &u64) -> Option<Jurisdiction> {
		identity(who).map(|_| Jurisdiction(*b"DE"))
	}
	fn same_legal_entity(a: &u64, b: &u64) -> bool {
		a == b || matches!((identity(a), identity(b)), (Some(x), Some(y)) if x.entity == y.entity)
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
	fn bic(_who: &u64) -> Option<tokenize_primitives::Bic> {
		None
	}
}

/// compliant-assets as the mint escrow sees it: issues to compliant
/// receivers only and never debits provisional or missing tokens.
pub struct MockLedger;
impl MockLedger {
	fn credit(asset: u32, to: u64, amount: u64) {
		update(BALANCES, |balances: &mut BTreeMap<(u32, u64), u64>| {
			*balances.entry((asset, to)).or_default() += amount;
		});
	}

	fn debit(asset: u32, from: u64, amount: u64) -> DispatchResult {
		let spendable = balance(asset, from).saturating_sub(MintEscrow::uncleared(&asset, &from));
		if amount > spendable {
			return Err(DispatchError::Other("InsufficientSpendableBalance"));
		}
		update(BALANCES, |balances: &mut BTreeMap<(u32, u64), u64>| {
			let left = balances.get(&(asset, from)).copied().unwrap_or_default() - amount;
			if left == 0 {
				balances.remove(&(asset, from));
			} else {
				balances.insert((asset, from), left);
			}
		});
		Ok(())
	}
}

impl PermissionedSupply<u64, u32, u64> for MockLedger {
	fn is_permissioned(asset: &u32) -> bool {
		load::<BTreeSet<u32>>(PERMISSIONED).contains(asset)
	}
	fn issue(asset: &u32, to: &u64, amount: u64, _issuer: &u64) -> DispatchResult {
		MockCompliance::check_compliance(to).map_err(|_| DispatchError::Other("ReceiverNotCompliant"))?;
		Self::credit(*asset, *to, amount);
		Ok(())
	}
	fn destroy(asset: &u32, from: &u64, amount: u64, _issuer: &u64) -> DispatchResult {
		Self::debit(*asset, *from, amount)
	}
	fn retract(asset: &u32, from: &u64, amount: u64, _issuer: &u64) -> DispatchResult {
		Self::debit(*asset, *from, amount)
	}
	/// No receiver check: a restoration gives back what the holder had.
	fn restore(asset: &u32, to: &u64, amount: u64, _issuer: &u64) -> DispatchResult {
		Self::credit(*asset, *to, amount);
		Ok(())
	}
	fn total_issuance(asset: &u32) -> u64 {
		supply(*asset)
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, u32> for MockBenchmarkHelper {
	fn permissioned_asset() -> u32 {
		update(PERMISSIONED, |set: &mut BTreeSet<u32>| set.insert(EURD));
		EURD
	}
	fn make_verified(who: &u64, roles: &[Role]) {
		set_identity(*who, *who, roles);
	}
}

// ---- externalities ------------------------------------------------------------

/// Identities for the fixture accounts; `EURD` and `SHARES` permissioned; no
/// deposit token yet; block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_identity(ISSUER, 10, &[Role::MintOperator, Role::Bank]);
		set_identity(ISSUER_AFFILIATE, 10, &[Role::Depositary]);
		set_identity(DEPOSITARY, 20, &[Role::Depositary]);
		set_identity(OTHER_DEPOSITARY, 30, &[Role::Depositary]);
		set_identity(ALICE, 1, &[]);
		set_identity(BOB, 2, &[]);
		update(PERMISSIONED, |set: &mut BTreeSet<u32>| {
			set.insert(EURD);
			set.insert(SHARES);
		});
	});
	ext
}

/// `new_test_ext` plus `EURD` as a deposit token and an attestation of
/// `FIAT` as of block 1; events cleared.
pub fn ext_with_token() -> sp_io::TestExternalities {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		assert_ok!(MintEscrow::set_deposit_token(RuntimeOrigin::signed(ADMIN), EURD, token()));
		attest(FIAT, 1);
		System::reset_events();
	});
	ext
}

/// The depositary attests `fiat` as of block `as_of`, liabilities = supply.
pub fn attest(fiat: u64, as_of: u64) {
	assert_ok!(MintEscrow::attest_backing(
		RuntimeOrigin::signed(DEPOSITARY),
		EURD,
		fiat,
		supply(EURD),
		H256::repeat_byte(0x77),
		H256::repeat_byte(0x88),
		as_of
	));
}

pub fn record(n: u8, to: u64, amount: u64) -> DispatchResult {
	MintEscrow::record_deposit(RuntimeOrigin::signed(ISSUER), EURD, to, amount, deposit_ref(n))
}

pub fn run_to(block: u64) {
	System::set_block_number(block);
}

/// The pallet's events since the last reset.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::MintEscrow(event) => Some(event),
			_ => None,
		})
		.collect()
}
