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

/// Every operation kind a throttle can watch, so that per-kind bookkeeping has
/// a known bound. The test `operation_kinds_lists_every_variant` fails to
/// compile when the primitives gain a kind that is missing here.
pub const OPERATION_KINDS: [OperationKind; 5] = [
	OperationKind::AssetTransfer,
	OperationKind::Mint,
	OperationKind::Burn,
	OperationKind::Payment,
	OperationKind::Redemption,
];

/// How many throttles can be tripped at once: one per operation kind.
pub type MaxTrippedThrottles = frame_support::traits::ConstU32<{ OPERATION_KINDS.len() as u32 }>;

/// Who stopped something, at which block, and why (the audit trail of a pause
/// or a freeze). `Reason` is a bounded byte string in storage and a plain
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

/// Limits of one operation kind (level 4). A window is a run of `window`
/// blocks that starts with the first operation after the previous window
/// ended; the operation that brings the window's count to `max_operations`
/// or its sum to `max_amount` still passes and trips the throttle, which then
/// refuses every operation of that kind for `cooldown` blocks.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleConfig<BlockNumber, Balance> {
	/// Length of a counting window in blocks; non-zero.
	pub window: BlockNumber,
	/// Operations per window that trip the throttle; non-zero when set.
	pub max_operations: Option<u32>,
	/// Summed amount per window that trips the throttle; non-zero when set.
	pub max_amount: Option<Balance>,
	/// Blocks the throttle stays tripped; non-zero.
	pub cooldown: BlockNumber,
}

impl<BlockNumber, Balance> ThrottleConfig<BlockNumber, Balance>
where
	BlockNumber: sp_runtime::traits::Zero,
	Balance: sp_runtime::traits::Zero,
{
	/// A usable limit: a window, at least one non-zero threshold and a
	/// cooldown (a zero cooldown would trip and release in the same block).
	pub fn is_valid(&self) -> bool {
		let has_threshold = self.max_operations.is_some() || self.max_amount.is_some();
		let operations_non_zero = self.max_operations.map_or(true, |max| max != 0);
		let amount_non_zero = self.max_amount.as_ref().map_or(true, |max| !max.is_zero());
		!self.window.is_zero() &&
			!self.cooldown.is_zero() &&
			has_threshold &&
			operations_non_zero &&
			amount_non_zero
	}
}

/// Counters of one throttle.
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleState<BlockNumber, Balance> {
	/// Block of the window's first operation.
	pub window_start: BlockNumber,
	/// Operations counted in the window.
	pub operations: u32,
	/// Sum of their amounts (saturating).
	pub amount: Balance,
	/// While `now < tripped_until` every operation of the kind is refused.
	pub tripped_until: Option<BlockNumber>,
}

impl<BlockNumber, Balance> ThrottleState<BlockNumber, Balance>
where
	BlockNumber: Saturating + PartialOrd + Copy,
	Balance: Saturating + PartialOrd + Copy + Default,
{
	/// A window opening at `now` with nothing counted.
	pub fn fresh(now: BlockNumber) -> Self {
		Self { window_start: now, operations: 0, amount: Balance::default(), tripped_until: None }
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
			Self::fresh(now)
		} else {
			self
		}
	}

	/// Counts one operation; returns whether it reached a threshold. Counters
	/// saturate: a saturated counter is past any threshold anyway.
	pub fn count(&mut self, config: &ThrottleConfig<BlockNumber, Balance>, amount: Balance) -> bool {
		self.operations = self.operations.saturating_add(1);
		self.amount = self.amount.saturating_add(amount);
		config.max_operations.is_some_and(|max| self.operations >= max) ||
			config.max_amount.is_some_and(|max| self.amount >= max)
	}
}

/// One throttle as the runtime API reports it: its limits and its counters
/// as they apply at the reported block.
#[derive(
	Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleStatus<BlockNumber, Balance> {
	pub kind: OperationKind,
	pub config: ThrottleConfig<BlockNumber, Balance>,
	pub state: ThrottleState<BlockNumber, Balance>,
}

/// Everything the breaker stops chain-wide, for the runtime API. Paused
/// assets and frozen addresses are unbounded sets; query them one by one
/// with `asset_paused` / `address_frozen`.
#[derive(
	Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct BreakerStatus<AccountId, BlockNumber, Balance> {
	/// The block the status was read at.
	pub at: BlockNumber,
	/// The global pause while it holds.
	pub global_pause: Option<GlobalPause<AccountId, BlockNumber, Vec<u8>>>,
	/// Every configured throttle.
	pub throttles: Vec<ThrottleStatus<BlockNumber, Balance>>,
}
