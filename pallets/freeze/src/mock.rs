//! Test runtime: frame-system, balances, timestamp, pallet-assets with this
//! pallet as its `Freezer` (so pallet-assets itself enforces the freezes), a
//! recording `ComplianceTransfer` and scripted role origins.

use crate as pallet_freeze;
use core::{cell::RefCell, marker::PhantomData};
use frame_support::{
	derive_impl, ord_parameter_types,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{
		fungibles::Mutate, tokens::Preservation, AsEnsureOriginWithArg, ConstU32,
		EnsureOriginWithArg,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned, EnsureSignedBy, RawOrigin};
use sp_runtime::BuildStorage;
use tokenize_primitives::ComplianceTransfer;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type AssetId = u32;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Assets: pallet_assets,
		Freeze: pallet_freeze,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = frame_support::traits::ConstU64<1>;
	type WeightInfo = ();
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = Freeze;
}

/// The permissioned asset most tests use.
pub const USD: AssetId = 1;
/// A second asset with its own agents; its holding observer works on every
/// move (as a distributing fund's does on its share class).
pub const EUR: AssetId = 2;
/// What EUR's holding observer charges per party of a move, and the most it
/// declares (above it, as a benchmarked worst case is).
pub const ACCRUAL_PER_PARTY: u64 = 7_000;
pub const ACCRUAL_MOST_PER_PARTY: u64 = 9_000;
/// pallet-assets' minimum balance of both assets.
pub const MIN_BALANCE: Balance = 1;
/// The issuer (owner) of both assets.
pub const ISSUER: AccountId = 100;
/// Freeze agent of USD.
pub const FREEZE_AGENT: AccountId = 1;
/// Forced-transfer agent of USD.
pub const FORCED_TRANSFER_AGENT: AccountId = 2;
/// The compliance officer.
pub const OFFICER: AccountId = 3;
/// Freeze agent of EUR.
pub const EUR_FREEZE_AGENT: AccountId = 11;
/// Forced-transfer agent of EUR.
pub const EUR_FORCED_TRANSFER_AGENT: AccountId = 12;
/// Holders funded at genesis with `FUNDED` of each asset.
pub const ALICE: AccountId = 4;
pub const BOB: AccountId = 5;
/// Holds nothing at genesis.
pub const CAROL: AccountId = 6;
/// The beneficiary of confiscations (a court's or a victim's account).
pub const TREASURY: AccountId = 7;
pub const FUNDED: Balance = 1_000;
/// Genesis wall clock: 2026-01-01T00:00:00Z.
pub const START: u64 = 1_767_225_600;
pub const MAX_ENTRIES: u32 = 4;
pub const MAX_REFERENCE: u32 = 16;

/// An agent role per asset, scripted the way compliant-assets' agent registry
/// answers in the runtime.
pub trait AgentRole {
	fn agent(asset: &AssetId) -> AccountId;
}

pub struct FreezeRole;
impl AgentRole for FreezeRole {
	fn agent(asset: &AssetId) -> AccountId {
		if *asset == EUR { EUR_FREEZE_AGENT } else { FREEZE_AGENT }
	}
}

pub struct ForcedTransferRole;
impl AgentRole for ForcedTransferRole {
	fn agent(asset: &AssetId) -> AccountId {
		if *asset == EUR { EUR_FORCED_TRANSFER_AGENT } else { FORCED_TRANSFER_AGENT }
	}
}

/// Accepts only the asset's agent of role `R`, signed.
pub struct EnsureAgent<R>(PhantomData<R>);
impl<R: AgentRole> EnsureOriginWithArg<RuntimeOrigin, AssetId> for EnsureAgent<R> {
	type Success = AccountId;

	fn try_origin(o: RuntimeOrigin, asset: &AssetId) -> Result<AccountId, RuntimeOrigin> {
		let raw: Result<RawOrigin<AccountId>, RuntimeOrigin> = o.clone().into();
		match raw {
			Ok(RawOrigin::Signed(who)) if who == R::agent(asset) => Ok(who),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(asset: &AssetId) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(R::agent(asset)))
	}
}

ord_parameter_types! {
	pub const Officer: AccountId = OFFICER;
}

thread_local! {
	static FORCE_MOVES: RefCell<Vec<(AssetId, AccountId, AccountId, Balance)>> =
		const { RefCell::new(Vec::new()) };
}

/// The `force_move` calls that succeeded, in order.
pub fn force_moves() -> Vec<(AssetId, AccountId, AccountId, Balance)> {
	FORCE_MOVES.with(|moves| moves.borrow().clone())
}

/// compliant-assets as this pallet sees it: every holder is eligible, moves go
/// through pallet-assets (which enforces the freezes) and are recorded.
pub struct RecordingTransfer;
impl RecordingTransfer {
	/// Moves through pallet-assets; returns what the holding observers
	/// charged (EUR's, see [`ACCRUAL_PER_PARTY`]).
	fn move_asset(asset: &AssetId, from: &AccountId, to: &AccountId, amount: Balance) -> Result<Weight, DispatchError> {
		<Assets as Mutate<AccountId>>::transfer(*asset, from, to, amount, Preservation::Expendable)?;
		let accrued = if *asset == EUR { 2 * ACCRUAL_PER_PARTY } else { 0 };
		Ok(Weight::from_parts(accrued, 0))
	}
}
impl ComplianceTransfer<AccountId, AssetId, Balance> for RecordingTransfer {
	fn is_permissioned(_: &AssetId) -> bool {
		true
	}
	fn can_transfer(_: &AssetId, _: &AccountId, _: &AccountId, _: Balance) -> DispatchResult {
		Ok(())
	}
	fn transfer(asset: &AssetId, from: &AccountId, to: &AccountId, amount: Balance) -> Result<Weight, DispatchError> {
		Self::move_asset(asset, from, to, amount)
	}
	fn settle(asset: &AssetId, from: &AccountId, to: &AccountId, amount: Balance) -> Result<Weight, DispatchError> {
		Self::move_asset(asset, from, to, amount)
	}
	fn force_move(
		asset: &AssetId,
		from: &AccountId,
		to: &AccountId,
		amount: Balance,
	) -> Result<Weight, DispatchError> {
		let observed = Self::move_asset(asset, from, to, amount)?;
		FORCE_MOVES.with(|moves| moves.borrow_mut().push((*asset, *from, *to, amount)));
		Ok(observed)
	}
	fn movement_observers_most() -> Weight {
		Weight::from_parts(2 * ACCRUAL_MOST_PER_PARTY, 0)
	}
}

impl pallet_freeze::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type Transfer = RecordingTransfer;
	type DepositTokens = ();
	type PaymentEscrow = ();
	type RedemptionLocks = ();
	type FreezeOrigin = EnsureAgent<FreezeRole>;
	type ConfiscateOrigin = EnsureAgent<ForcedTransferRole>;
	type AddressFreezeOrigin = EnsureSignedBy<Officer, AccountId>;
	type TimeProvider = Timestamp;
	type MaxEntriesPerHolding = ConstU32<MAX_ENTRIES>;
	type MaxReferenceLen = ConstU32<MAX_REFERENCE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MintingHelper;
}

/// Benchmarks: USD exists from genesis; holdings are minted by the issuer.
#[cfg(feature = "runtime-benchmarks")]
pub struct MintingHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AssetId, AccountId, Balance> for MintingHelper {
	fn asset() -> AssetId {
		USD
	}
	fn fund(asset: &AssetId, who: &AccountId, amount: Balance) {
		let _ = <Assets as Mutate<AccountId>>::mint_into(*asset, who, amount);
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	pallet_balances::GenesisConfig::<Test> { balances: vec![(ISSUER, 1_000_000)], ..Default::default() }
		.assimilate_storage(&mut storage)
		.expect("valid balances genesis");
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USD, ISSUER, true, MIN_BALANCE), (EUR, ISSUER, true, MIN_BALANCE)],
		accounts: [USD, EUR]
			.into_iter()
			.flat_map(|asset| [(asset, ALICE, FUNDED), (asset, BOB, FUNDED)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("valid assets genesis");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_now(START);
		FORCE_MOVES.with(|moves| moves.borrow_mut().clear());
	});
	ext
}

/// Sets the wall clock (Unix seconds).
pub fn set_now(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1000);
}
