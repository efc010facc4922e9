//! The pallet's answer to the pallets that move and freeze permissioned
//! assets: what it holds in each account.

use crate::pallet::*;
use tokenize_primitives::PaymentEscrow;

impl<T: Config> PaymentEscrow<T::AssetId, T::AccountId, T::Balance> for Pallet<T> {
	fn escrowed(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		Escrowed::<T>::get(asset, who)
	}
}
