//! Breaker records (what is stopped, by whom, since when, why), throttle
//! configuration and counters, and the read-only status handed to the runtime
//! API.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::traits::Saturating;
use tokenize_primitives::OperationKind;

/// Who stopped something, at which block, and why (the audit trail of a
/// pause). `Reason` is a bounded byte string in storage and a plain
/// `Vec<u8>` in the runtime-API view.
#[derive(
	Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct StopRecord<AccountId, BlockNumber, Reason> {
	/// The role account that acted.
	pub by: AccountId,
	/// Block at which the stop took effect.
	pub at: BlockNumber,
	/// Free-text reason (incident reference, supervisory notice, ...).
	pub reason: Reason,
}

impl<AccountId, BlockNumber, Reason: Into<Vec<u8>>> StopRecord<AccountId, BlockNumber, Reason> {
	/// The same record with its reason as plain bytes, for the runtime API.
	pub fn into_view(self) -> StopRecord<AccountId, BlockNumber, Vec<u8>> {
		StopRecord { by: self.by, at: self.at, reason: self.reason.into() }
	}
}

/// A time-locked lift of the global pause: who asked for it and from which
/// block on the chain runs again.
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledResume<AccountId, BlockNumber> {
	pub by: AccountId,
	/// First block that is no longer paused.
	pub resume_at: BlockNumber,
}

/// The level-1 stop of the whole chain.
#[derive(
	Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct GlobalPause<AccountId, BlockNumber, Reason> {
	pub pause: StopRecord<AccountId, BlockNumber, Reason>,
	/// `None` until the council schedules the lift.
	pub resume: Option<ScheduledResume<AccountId, BlockNumber>>,
}

impl<AccountId, BlockNumber: PartialOrd + Copy, Reason> GlobalPause<AccountId, BlockNumber, Reason> {
	/// Whether the pause still holds at block `now`: it ends exactly at the
	/// scheduled `resume_at`, whether or not a hook has cleared it yet.
	pub fn holds_at(&self, now: BlockNumber) -> bool {
		self.resume.as_ref().map_or(true, |resume| now < resume.resume_at)
	}

	pub fn resume_at(&self) -> Option<BlockNumber> {
		self.resume.as_ref().map(|resume| resume.resume_at)
	}
}

impl<AccountId, BlockNumber, Reason: Into<Vec<u8>>> GlobalPause<AccountId, BlockNumber, Reason> {
	/// The same pause with its reason as plain bytes, for the runtime API.
	pub fn into_view(self) -> GlobalPause<AccountId, BlockNumber, Vec<u8>> {
		GlobalPause { pause: self.pause.into_view(), resume: self.resume }
	}
}

/// Limits of one operation kind on one asset (level 3). They are of two
/// scopes, so that no single account can stop an asset for everyone:
///
/// - **per account** — within a window, one account may initiate at most
///   `account_max_operations` operations moving at most
///   `account_max_amount` in total; the operation that would go beyond is
///   refused (`AccountLimitReached`) and only that account waits for its
///   window to end;
/// - **per asset** — the operations of every account together: the one that
///   brings the window's sum to `max_amount` still passes and *trips* the
///   throttle, which then refuses every operation of the kind on the asset
///   for `cooldown` blocks. Since one account moves at most
///   `account_max_amount` per window, which must stay below `max_amount`,
///   tripping takes several accounts moving real value: a real burst.
///
/// Windows are fixed runs of `window` blocks, the same for every account and
/// the asset: blocks `k·window .. (k+1)·window`. (Windows opened by each
/// account's first operation would let one account put two windows' worth
/// into one asset window.)
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleConfig<BlockNumber, Balance> {
	/// Length of a counting window in blocks; non-zero.
	pub window: BlockNumber,
	/// Operations one account may initiate per window; non-zero when set.
	pub account_max_operations: Option<u32>,
	/// Summed amount one account may move per window; non-zero when set.
	pub account_max_amount: Option<Balance>,
	/// Summed amount of all accounts per window that trips the throttle;
	/// when set, `account_max_amount` must be set and below it.
	pub max_amount: Option<Balance>,
	/// Blocks the asset-wide throttle stays tripped; non-zero.
	pub cooldown: BlockNumber,
}

impl<BlockNumber, Balance> ThrottleConfig<BlockNumber, Balance>
where
	BlockNumber: sp_runtime::traits::Zero,
	Balance: sp_runtime::traits::Zero + PartialOrd,
{
	/// A usable limit: a window, a cooldown, at least one threshold, each
	/// non-zero, and an asset-wide amount no single account can reach alone.
	pub fn is_valid(&self) -> bool {
		let non_zero = |limit: &Option<Balance>| limit.as_ref().map_or(true, |max| !max.is_zero());
		let has_threshold =
			self.account_max_operations.is_some() || self.account_max_amount.is_some() || self.max_amount.is_some();
		let one_account_cannot_trip = match (&self.account_max_amount, &self.max_amount) {
			(_, None) => true,
			(Some(per_account), Some(total)) => per_account < total,
			(None, Some(_)) => false,
		};
		!self.window.is_zero() &&
			!self.cooldown.is_zero() &&
			has_threshold &&
			self.account_max_operations.map_or(true, |max| max != 0) &&
			non_zero(&self.account_max_amount) &&
			non_zero(&self.max_amount) &&
			one_account_cannot_trip
	}
}

/// Counters of one window: of one account, or of every account on the asset.
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleState<BlockNumber, Balance> {
	/// First block of the window (a multiple of the throttle's `window`).
	pub window_start: BlockNumber,
	/// Operations counted in the window.
	pub operations: u32,
	/// Sum of their amounts (saturating).
	pub amount: Balance,
	/// Asset-wide only: while `now < tripped_until` every operation of the
	/// kind on the asset is refused.
	pub tripped_until: Option<BlockNumber>,
}

impl<BlockNumber, Balance> ThrottleState<BlockNumber, Balance>
where
	BlockNumber: sp_runtime::traits::AtLeast32BitUnsigned + Copy,
	Balance: Saturating + PartialOrd + Copy + Default,
{
	/// Nothing counted yet in the window `now` falls in.
	pub fn fresh(config: &ThrottleConfig<BlockNumber, Balance>, now: BlockNumber) -> Self {
		let window_start = now.checked_rem(&config.window).map_or(now, |into| now.saturating_sub(into));
		Self { window_start, operations: 0, amount: Balance::default(), tripped_until: None }
	}

	/// Whether the throttle refuses operations at `now`.
	pub fn is_tripped_at(&self, now: BlockNumber) -> bool {
		self.tripped_until.is_some_and(|until| now < until)
	}

	/// The counters as they apply at `now`: an ended cooldown or an elapsed
	/// window starts afresh.
	pub fn effective_at(self, config: &ThrottleConfig<BlockNumber, Balance>, now: BlockNumber) -> Self {
		let cooled_down = self.tripped_until.is_some_and(|until| now >= until);
		let window_over =
			self.tripped_until.is_none() && now >= self.window_start.saturating_add(config.window);
		if cooled_down || window_over {
			Self::fresh(config, now)
		} else {
			self
		}
	}

	/// Counts one operation moving `amount`. Counters saturate: a saturated
	/// counter is past any threshold anyway.
	pub fn count(&mut self, amount: Balance) {
		self.operations = self.operations.saturating_add(1);
		self.amount = self.amount.saturating_add(amount);
	}

	/// Whether one account's counters stay within its limits.
	pub fn within_account_limits(&self, config: &ThrottleConfig<BlockNumber, Balance>) -> bool {
		config.account_max_operations.map_or(true, |max| self.operations <= max) &&
			config.account_max_amount.map_or(true, |max| self.amount <= max)
	}

	/// Whether the asset-wide sum reached the trip threshold.
	pub fn reaches_asset_limit(&self, config: &ThrottleConfig<BlockNumber, Balance>) -> bool {
		config.max_amount.is_some_and(|max| self.amount >= max)
	}
}

/// One throttle as stored: its limits and the generation of its account
/// counters (a reset starts a new generation, so that older per-account
/// windows count as empty without visiting every account).
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleRecord<BlockNumber, Balance> {
	pub config: ThrottleConfig<BlockNumber, Balance>,
	pub generation: u32,
}

/// One account's window on one throttle, tagged with the throttle's
/// generation it was counted in.
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct AccountWindow<BlockNumber, Balance> {
	pub generation: u32,
	pub state: ThrottleState<BlockNumber, Balance>,
}

/// One throttle as the runtime API reports it: its limits and the
/// asset-wide counters as they apply at the reported block.
#[derive(
	Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleStatus<AssetId, BlockNumber, Balance> {
	pub kind: OperationKind,
	pub asset: AssetId,
	pub config: ThrottleConfig<BlockNumber, Balance>,
	pub state: ThrottleState<BlockNumber, Balance>,
}

/// Everything the breaker stops chain-wide, for the runtime API. Paused
/// assets are an unbounded set; query them one by one with `asset_paused`
/// (and frozen addresses with the freeze pallet).
#[derive(
	Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct BreakerStatus<AccountId, AssetId, BlockNumber, Balance> {
	/// The block the status was read at.
	pub at: BlockNumber,
	/// The global pause while it holds.
	pub global_pause: Option<GlobalPause<AccountId, BlockNumber, Vec<u8>>>,
	/// Every configured throttle.
	pub throttles: Vec<ThrottleStatus<AssetId, BlockNumber, Balance>>,
	/// Funds that froze their own dealing (no fresh NAV for 48 h): no
	/// subscription, no redemption claim until a NAV arrives.
	pub frozen_funds: Vec<tokenize_primitives::FundId>,
}
