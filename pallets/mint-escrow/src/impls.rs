//! The pallet's answers to the pallets that move and freeze deposit tokens.

use crate::pallet::*;
use tokenize_primitives::DepositTokens as DepositTokensApi;

impl<T: Config> DepositTokensApi<T::AssetId, T::AccountId, T::Balance> for Pallet<T> {
	fn is_deposit_token(asset: &T::AssetId) -> bool {
		DepositTokens::<T>::contains_key(asset)
	}

	fn uncleared(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		Uncleared::<T>::get(asset, who)
	}
}
