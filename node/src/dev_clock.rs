//! The dev chain's clock, which tests may move forward.
//!
//! Funds run on calendar time: a redemption settles T+1 or T+2, a NAV goes
//! stale after an hour and dealing freezes after 48 h without one, a money
//! market fund distributes daily. An end-to-end test cannot wait days, so a
//! development chain's node (`--dev`, chain type Development) serves
//! `dev_advanceClock(ms)`: every block it authors from then on carries a
//! timestamp (and an Aura slot) that much later than the wall clock. The
//! runtime sees only ordinary, increasing timestamps; nothing in it knows.
//!
//! The clock only moves forward (a timestamp below its parent's is an
//! invalid block), at most 30 days per call, and the method exists only on
//! a development chain: a consortium node has no such RPC, and a block from
//! a node whose clock ran ahead would be refused by its peers as too far
//! in the future.

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use std::sync::atomic::{AtomicU64, Ordering};

/// Milliseconds the dev clock runs ahead of the wall clock.
static OFFSET_MS: AtomicU64 = AtomicU64::new(0);

/// The largest step one call may take.
const MAX_STEP_MS: u64 = 30 * 24 * 3600 * 1000;

/// The time the node's blocks carry: the wall clock plus the offset (zero
/// unless a development chain's test moved it).
pub fn now() -> sp_timestamp::Timestamp {
	let wall = sp_timestamp::Timestamp::current();
	sp_timestamp::Timestamp::new(wall.as_millis().saturating_add(OFFSET_MS.load(Ordering::SeqCst)))
}

#[rpc(server)]
pub trait DevClockApi {
	/// Moves the clock of the blocks this node authors `ms` milliseconds
	/// forward; returns the new offset from the wall clock in milliseconds.
	#[method(name = "dev_advanceClock")]
	fn advance_clock(&self, ms: u64) -> RpcResult<u64>;

	/// How far ahead of the wall clock the node's blocks run, milliseconds.
	#[method(name = "dev_clockOffset")]
	fn clock_offset(&self) -> RpcResult<u64>;
}

pub struct DevClock;

impl DevClockApiServer for DevClock {
	fn advance_clock(&self, ms: u64) -> RpcResult<u64> {
		if ms == 0 || ms > MAX_STEP_MS {
			return Err(ErrorObjectOwned::owned(
				1,
				format!("Invalid step: {ms} ms; the clock moves forward by 1 ms to 30 days per call"),
				None::<()>,
			));
		}
		Ok(OFFSET_MS.fetch_add(ms, Ordering::SeqCst).saturating_add(ms))
	}

	fn clock_offset(&self) -> RpcResult<u64> {
		Ok(OFFSET_MS.load(Ordering::SeqCst))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_clock_moves_forward_only_and_within_a_step() {
		let before = now().as_millis();
		assert!(DevClock.advance_clock(0).is_err());
		assert!(DevClock.advance_clock(MAX_STEP_MS + 1).is_err());
		let offset = DevClock.advance_clock(48 * 3600 * 1000).expect("a two-day step");
		assert!(offset >= 48 * 3600 * 1000);
		assert!(now().as_millis() >= before + 48 * 3600 * 1000);
	}
}
