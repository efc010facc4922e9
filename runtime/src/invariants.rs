//! Invariants of the whole runtime, for the tests and for `try-runtime`:
//! every pallet's own cache checks (`do_try_state`) plus what no single
//! pallet can check alone — compliant-assets' holder count of a
//! permissioned asset against the accounts pallet-assets keeps, and the
//! mint escrow's provisional holds and the payment rail's escrow against
//! the balances.

use crate::{CircuitBreaker, Freeze, Governance, IdentityRegistry, MintEscrow, Payments, Runtime};
use frame_support::ensure;
use sp_runtime::traits::Zero;

/// Each permissioned asset's cached holder count is the number of its
/// accounts with a non-zero balance.
pub fn holder_counts() -> Result<(), &'static str> {
	for asset in pallet_compliant_assets::Rules::<Runtime>::iter_keys() {
		let holders = pallet_assets::Account::<Runtime>::iter_prefix(asset)
			.filter(|(_, account)| !account.balance.is_zero())
			.count();
		let cached = pallet_compliant_assets::HolderCount::<Runtime>::get(asset) as usize;
		ensure!(cached == holders, "holder count of a permissioned asset drifted");
	}
	Ok(())
}

/// Every invariant above and every pallet's `do_try_state`, the first
/// failure named.
pub fn check_all() -> Result<(), &'static str> {
	IdentityRegistry::do_try_state()?;
	Governance::do_try_state()?;
	Freeze::do_try_state()?;
	CircuitBreaker::do_try_state()?;
	MintEscrow::do_try_state()?;
	Payments::do_try_state()?;
	crate::NavOracle::do_try_state()?;
	crate::Tmmf::do_try_state()?;
	crate::Tmf::do_try_state()?;
	holder_counts()?;
	held_amounts_within_balances()
}

/// Every holding covers its freeze entries, its provisional deposit tokens,
/// its payment escrow and its redemption locks together: none of them can have been moved by a
/// debit, and no two of them claim the same units.
pub fn held_amounts_within_balances() -> Result<(), &'static str> {
	use tokenize_primitives::RedemptionLocks;
	let locked = |fund: Option<crate::AssetId>, holders: alloc::vec::Vec<crate::AccountId>| {
		fund.into_iter().flat_map(move |asset| holders.clone().into_iter().map(move |who| (asset, who)))
	};
	let tmmf_locks = locked(
		pallet_fund_vault::Fund::<Runtime, frame_support::instances::Instance1>::get().map(|f| f.share_asset),
		pallet_fund_vault::Locked::<Runtime, frame_support::instances::Instance1>::iter_keys().collect(),
	);
	let tmf_locks = locked(
		pallet_fund_vault::Fund::<Runtime, frame_support::instances::Instance2>::get().map(|f| f.share_asset),
		pallet_fund_vault::Locked::<Runtime, frame_support::instances::Instance2>::iter_keys().collect(),
	);
	let holdings: alloc::collections::BTreeSet<_> = pallet_mint_escrow::Uncleared::<Runtime>::iter_keys()
		.chain(pallet_payments::Escrowed::<Runtime>::iter_keys())
		.chain(tmmf_locks)
		.chain(tmf_locks)
		.collect();
	for (asset, who) in holdings {
		let balance = pallet_assets::Account::<Runtime>::get(asset, &who).map(|a| a.balance).unwrap_or_default();
		let held = pallet_freeze::FrozenTotals::<Runtime>::get(asset, &who)
			.saturating_add(pallet_mint_escrow::Uncleared::<Runtime>::get(asset, &who))
			.saturating_add(pallet_payments::Escrowed::<Runtime>::get(asset, &who))
			.saturating_add(<(crate::Tmmf, crate::Tmf) as RedemptionLocks<_, _, _>>::locked(&asset, &who));
		ensure!(balance >= held, "frozen, provisional, escrowed or locked units left a holding");
	}
	Ok(())
}
