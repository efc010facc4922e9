//! Corridor records, the parameters governance sets, and the status view the
//! runtime API returns.
//!
//! The same shapes serve storage and clients: stored records hold bounded
//! collections (`BoundedVec`), while the runtime API hands out the plain-`Vec`
//! form ([`CorridorInfo`], [`CorridorStatus`]) so that RPC clients need not
//! know the runtime's bounds.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Seconds in a UTC day: daily volume is counted per `unix seconds / 86_400`.
pub const SECONDS_PER_DAY: u64 = 86_400;

/// A UTC day number since the Unix epoch.
pub type Day = u64;

/// The limits governance sets on a corridor. `Assets` is `Vec<AssetId>` in a
/// call and `BoundedVec<AssetId, MaxSettlementAssets>` once accepted.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct CorridorParams<Balance, Assets> {
	/// Smallest amount one payment may move (anti-structuring floor; > 0).
	pub min_amount: Balance,
	/// Largest amount one payment may move.
	pub max_amount: Balance,
	/// Most the corridor may move in one UTC day, all payments together.
	pub daily_limit: Balance,
	/// The assets payments on this corridor may settle in (non-empty, distinct).
	pub settlement_assets: Assets,
}

/// A directional payment corridor: payments from an identity in `source` to
/// one in `destination` (the storage key) follow these rules.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Corridor<Balance, Assets, Reason> {
	/// Governance's switch: an inactive corridor accepts no payment.
	pub active: bool,
	/// `Some(reason)` while the compliance officer blocks the corridor. Kept
	/// apart from `active` so that governance cannot lift a compliance block
	/// by re-activating, nor compliance open a corridor governance closed.
	pub blocked: Option<Reason>,
	pub params: CorridorParams<Balance, Assets>,
}

/// Limits as stored: settlement assets bounded by `MaxSettlementAssets`.
pub type BoundedParams<AssetId, Balance, MaxAssets> =
	CorridorParams<Balance, BoundedVec<AssetId, MaxAssets>>;

/// A corridor as stored.
pub type StoredCorridor<AssetId, Balance, MaxAssets, MaxReason> =
	Corridor<Balance, BoundedVec<AssetId, MaxAssets>, BoundedVec<u8, MaxReason>>;

/// A corridor as the runtime API returns it.
pub type CorridorInfo<AssetId, Balance> = Corridor<Balance, Vec<AssetId>, Vec<u8>>;

impl<AssetId, Balance, MaxAssets: Get<u32>, MaxReason: Get<u32>>
	StoredCorridor<AssetId, Balance, MaxAssets, MaxReason>
{
	/// The unbounded form handed to clients.
	pub fn into_info(self) -> CorridorInfo<AssetId, Balance> {
		Corridor {
			active: self.active,
			blocked: self.blocked.map(BoundedVec::into_inner),
			params: CorridorParams {
				min_amount: self.params.min_amount,
				max_amount: self.params.max_amount,
				daily_limit: self.params.daily_limit,
				settlement_assets: self.params.settlement_assets.into_inner(),
			},
		}
	}
}

/// The volume a corridor moved on one day. One slot per corridor: a payment
/// on a later day starts the slot afresh, so storage never grows with time.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Default, Serialize, Deserialize,
)]
pub struct DayVolume<Balance> {
	pub day: Day,
	pub volume: Balance,
}

impl<Balance: Copy + Default> DayVolume<Balance> {
	/// The volume counted on `today`: a slot from an earlier day counts nothing.
	pub fn on(&self, today: Day) -> Balance {
		if self.day == today {
			self.volume
		} else {
			Balance::default()
		}
	}
}

/// What the runtime API says about a corridor right now.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct CorridorStatus<AssetId, Balance> {
	pub corridor: CorridorInfo<AssetId, Balance>,
	/// The UTC day the figures below are for.
	pub day: Day,
	/// Volume moved on `day`.
	pub used_today: Balance,
	/// What the daily limit still allows on `day` (zero when governance lowered
	/// the limit below what was already used).
	pub remaining_today: Balance,
	/// Whether the consortium blocked the source or destination jurisdiction.
	pub jurisdiction_blocked: bool,
	/// A payment may use the corridor now: active, not blocked, neither
	/// jurisdiction blocked (amount and asset rules still apply).
	pub usable: bool,
}
