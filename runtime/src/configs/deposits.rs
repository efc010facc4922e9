//! Configuration of the EUR deposits: the mint escrow, and the freezer that
//! tells pallet-assets what part of a holding may not be debited.

use crate::{
	AccountId, AssetId, Balance, CompliantAssets, Freeze, IdentityRegistry, MintEscrow, Payments, Runtime, RuntimeEvent,
	Tmf, Tmmf, DAYS,
};
use frame_support::traits::ConstU32;
use tokenize_primitives::{DepositTokens, PaymentEscrow, RedemptionLocks};

use super::GovernanceCouncil;

impl pallet_mint_escrow::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetId;
	type Balance = Balance;
	type Compliance = IdentityRegistry;
	type Supply = CompliantAssets;
	/// No fund's share class is a deposit token.
	type Funds = (crate::Tmmf, crate::Tmf);
	type AdminOrigin = GovernanceCouncil;
	/// Provisional deposits per token: a day of SEPA credits of a mid-sized
	/// issuer clears within the window; more waiting means the back office
	/// is stuck, and minting should stop until it catches up.
	type MaxPendingDeposits = ConstU32<4_096>;
	/// A month of daily attestations.
	type MaxAttestations = ConstU32<31>;
	/// A customer waits for its payouts before asking for more.
	type MaxOpenRedemptions = ConstU32<16>;
	/// A reserve statement older than a week never backs a mint.
	type MaxAttestationAge = ConstU32<{ 7 * DAYS }>;
	type WeightInfo = pallet_mint_escrow::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ComplianceLayerHelper;
}

/// pallet-assets' `Freezer`: what of a holding no debit may touch. The freeze
/// pallet's freezes (the whole holding for a frozen address), the mint
/// escrow's provisional deposit tokens, the payment rail's escrow for the
/// holder's pending payments and the fund shares locked for its redemption
/// requests, so that every path that debits an asset (transfers, burns,
/// subscriptions, redemptions) leaves all four where they are. `None` when nothing is held back: `Some(0)` would make
/// pallet-assets keep the minimum balance untouchable.
pub struct HeldBack;
impl pallet_assets::FrozenBalance<AssetId, AccountId, Balance> for HeldBack {
	fn frozen_balance(asset: AssetId, who: &AccountId) -> Option<Balance> {
		let frozen = <Freeze as pallet_assets::FrozenBalance<_, _, _>>::frozen_balance(asset, who);
		let held = MintEscrow::uncleared(&asset, who)
			.saturating_add(Payments::escrowed(&asset, who))
			.saturating_add(<(Tmmf, Tmf) as RedemptionLocks<_, _, _>>::locked(&asset, who));
		match (frozen, held) {
			(frozen, 0) => frozen,
			(frozen, held) => Some(frozen.unwrap_or_default().saturating_add(held)),
		}
	}

	/// An account holding provisional or escrowed tokens is never reaped
	/// (its frozen balance is not `None`), so only the freeze pallet has
	/// anything to say.
	fn died(asset: AssetId, who: &AccountId) {
		<Freeze as pallet_assets::FrozenBalance<_, _, _>>::died(asset, who)
	}

	/// A deposit token with provisional deposits is not destroyed under them
	/// (nor an asset under pending payments: their holders hold it).
	fn contains_freezes(asset: AssetId) -> bool {
		<Freeze as pallet_assets::FrozenBalance<_, _, _>>::contains_freezes(asset)
			|| pallet_mint_escrow::PendingCount::<Runtime>::get(asset) > 0
			|| pallet_payments::Escrowed::<Runtime>::iter_prefix(asset).next().is_some()
			|| fund_locks_exist::<frame_support::instances::Instance1>(asset)
			|| fund_locks_exist::<frame_support::instances::Instance2>(asset)
	}
}

/// Whether a fund whose shares are `asset` has shares locked for redemption.
fn fund_locks_exist<I: 'static>(asset: AssetId) -> bool
where
	Runtime: pallet_fund_vault::Config<I, AssetId = AssetId>,
{
	pallet_fund_vault::Fund::<Runtime, I>::get().is_some_and(|fund| fund.share_asset == asset)
		&& pallet_fund_vault::Locked::<Runtime, I>::iter().next().is_some()
}
