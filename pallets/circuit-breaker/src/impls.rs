//! The breaker's answer to the chain-wide [`Breaker`] questions.

use crate::pallet::*;
use tokenize_primitives::{Breaker, BreakerRefusal, OperationKind};

impl<T: Config> Breaker<T::AssetId, T::AccountId, T::Balance> for Pallet<T> {
	/// Checks the levels from the bluntest down, so the refusal names the
	/// widest stop in force.
	fn ensure_open(asset: &T::AssetId) -> Result<(), BreakerRefusal> {
		if Self::is_globally_paused() {
			return Err(BreakerRefusal::GlobalPause);
		}
		if Self::is_asset_paused(asset) {
			return Err(BreakerRefusal::AssetPaused);
		}
		Ok(())
	}

	fn note_operation(
		kind: OperationKind,
		asset: &T::AssetId,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<(), BreakerRefusal> {
		Self::count_operation((kind, *asset), who, amount)
	}

	fn check_operation(
		kind: OperationKind,
		asset: &T::AssetId,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<(), BreakerRefusal> {
		Self::throttle_refusal((kind, *asset), who, amount)
	}
}
