//! The pallet's answers to pallet-assets ([`FrozenBalance`]) and to
//! compliant-assets ([`Freezes`]).

use crate::pallet::*;
use frame_support::pallet_prelude::{DispatchError, DispatchResult};
use pallet_assets::FrozenBalance;
use sp_runtime::traits::{Bounded, Zero};
use tokenize_primitives::{FreezeSummary, Freezes};

/// pallet-assets asks this on every debit (transfer, burn, withdrawal through
/// the `fungibles` traits) and refuses to take the balance below the answer.
impl<T: Config> FrozenBalance<T::AssetId, T::AccountId, T::Balance> for Pallet<T> {
	fn frozen_balance(asset: T::AssetId, who: &T::AccountId) -> Option<T::Balance> {
		if Self::address_frozen(who) {
			return Some(T::Balance::max_value());
		}
		let total = FrozenTotals::<T>::get(asset, who);
		(!total.is_zero()).then_some(total)
	}

	/// pallet-assets reaps an account only after `frozen_balance` answered
	/// `None` for it (`ensure_account_can_die` refuses with `ContainsFreezes`
	/// otherwise), that is with no active entry and no address freeze. Entries
	/// never outlive the holding they freeze, so there is nothing to clean. An
	/// order is never dropped silently: should that reasoning ever break, the
	/// entries stay (they bind whatever the holder receives next) and the
	/// defensive log says so.
	fn died(asset: T::AssetId, who: &T::AccountId) {
		if HoldingEntries::<T>::contains_key(asset, who) {
			frame_support::defensive!("freeze entries on a reaped asset account");
		}
	}

	/// Refuses destruction of an asset while an order could bind one of its
	/// holdings: an active entry on it, or any frozen address.
	fn contains_freezes(asset: T::AssetId) -> bool {
		ActiveEntryCount::<T>::get(asset) > 0 || FrozenAddressCount::<T>::get() > 0
	}
}

impl<T: Config> Freezes<T::AssetId, T::AccountId, T::Balance> for Pallet<T> {
	fn frozen_balance(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		Self::frozen_of(asset, who)
	}

	fn is_address_frozen(who: &T::AccountId) -> bool {
		Self::address_frozen(who)
	}

	fn move_freezes(asset: &T::AssetId, from: &T::AccountId, to: &T::AccountId) -> DispatchResult {
		Self::do_move_freezes(asset, from, to)
	}

	fn release_for_forced_transfer(
		asset: &T::AssetId,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<T::Balance, DispatchError> {
		Self::do_release_for_forced_transfer(asset, who, amount)
	}

	fn summary(asset: &T::AssetId, who: &T::AccountId) -> FreezeSummary<T::Balance> {
		Self::holding_summary(asset, who)
	}
}
