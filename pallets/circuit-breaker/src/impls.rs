//! The breaker's answer to the chain-wide [`Breaker`] questions.

use crate::pallet::*;
use tokenize_primitives::{Breaker, BreakerRefusal, OperationKind};

impl<T: Config> Breaker<T::AssetId, T::AccountId, T::Balance> for Pallet<T> {
	/// Checks the levels from the bluntest down, so the refusal names the
	/// widest stop in force.
	fn ensure_open(asset: &T::AssetId, parties: &[&T::AccountId]) -> Result<(), BreakerRefusal> {
		if Self::is_globally_paused() {
			return Err(BreakerRefusal::GlobalPause);
		}
		if Self::is_asset_paused(asset) {
			return Err(BreakerRefusal::AssetPaused);
		}
		if parties.iter().any(|who| Self::is_address_frozen(who)) {
			return Err(BreakerRefusal::AddressFrozen);
		}
		Ok(())
	}

	fn note_operation(kind: OperationKind, amount: T::Balance) -> Result<(), BreakerRefusal> {
		Self::count_operation(kind, amount)
	}

	fn check_operation(kind: OperationKind, _amount: T::Balance) -> Result<(), BreakerRefusal> {
		Self::throttle_refusal(kind)
	}
}
