//! What the fund offers the rest of the runtime: its locked shares, its
//! yield accrual before a holding changes, its assets for the other funds'
//! checks, and itself as a switch target.

use crate::{pallet::*, weights::WeightInfo};
use frame_support::{pallet_prelude::DispatchError, traits::Get, weights::Weight};
use sp_runtime::traits::Zero;
use tokenize_primitives::{FundId, FundShareClasses, OnHoldingChange, RedemptionLocks, SwitchTarget};

impl<T: Config<I>, I: 'static> RedemptionLocks<T::AssetId, T::AccountId, T::Balance> for Pallet<T, I> {
	fn locked(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		match Fund::<T, I>::get() {
			Some(fund) if fund.share_asset == *asset => Locked::<T, I>::get(who),
			_ => Zero::zero(),
		}
	}
}

impl<T: Config<I>, I: 'static> OnHoldingChange<T::AssetId, T::AccountId> for Pallet<T, I> {
	fn before_change(asset: &T::AssetId, who: &T::AccountId) -> Weight {
		if Self::before_holding_change(asset, who) {
			T::WeightInfo::before_holding_change()
		} else {
			Weight::zero()
		}
	}

	fn max_weight() -> Weight {
		T::WeightInfo::before_holding_change()
	}
}

impl<T: Config<I>, I: 'static> FundShareClasses<T::AssetId> for Pallet<T, I> {
	fn is_share_class(asset: &T::AssetId) -> bool {
		Fund::<T, I>::get().is_some_and(|fund| fund.share_asset == *asset)
	}

	fn is_payment_asset(asset: &T::AssetId) -> bool {
		Fund::<T, I>::get().is_some_and(|fund| fund.payment_asset == *asset)
	}
}

impl<T: Config<I>, I: 'static> SwitchTarget<T::AccountId, T::AssetId, T::Balance> for Pallet<T, I> {
	fn fund() -> Option<FundId> {
		Fund::<T, I>::get().map(|_| T::FundId::get())
	}

	fn payment_asset() -> Option<T::AssetId> {
		Fund::<T, I>::get().map(|fund| fund.payment_asset)
	}

	fn cash_account() -> Option<T::AccountId> {
		Fund::<T, I>::get().map(|_| Self::cash_account())
	}

	fn subscribe_switched(investor: &T::AccountId, amount: T::Balance, from: FundId) -> Result<T::Balance, DispatchError> {
		Self::do_subscribe(investor.clone(), amount, Some(from))
	}
}
