//! The oracle as the fund vaults and the payment rail see it.

use crate::pallet::*;
use tokenize_primitives::{FeedId, NavProvider, NavRefusal, PricePoint};

impl<T: Config> NavProvider for Pallet<T> {
	fn current(feed: FeedId) -> Result<PricePoint, NavRefusal> {
		Self::fresh_value(feed)
	}

	fn value_at(feed: FeedId, at: u64) -> Result<PricePoint, NavRefusal> {
		Self::first_value_from(feed, at)
	}

	fn last_accepted(feed: FeedId) -> Option<(PricePoint, u64)> {
		Latest::<T>::get(feed).map(|accepted| (accepted.point, accepted.accepted_at))
	}
}
