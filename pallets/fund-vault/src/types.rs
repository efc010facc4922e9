//! A fund's configuration, its redemption requests and gate days, and the
//! views the runtime API serves.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{FixedU128, Permill, Perquintill};
use tokenize_primitives::{FeedId, InvestorCategory};

/// Milliseconds of a dealing day (UTC).
pub const DAY_MS: u64 = 86_400_000;

/// A UTC day: Unix milliseconds / [`DAY_MS`].
pub type Day = u32;

/// A redemption request's id (one sequence per fund).
pub type RequestId = u64;

/// The ERC-1643 document of a share asset that holds the fund's key
/// information document (KID).
pub const KID_DOCUMENT: &[u8] = b"KID";

/// MiFID II categories as a set (a fund's eligible investors, the investors
/// who must acknowledge its KID).
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Categories {
	pub retail: bool,
	pub professional: bool,
	pub eligible_counterparty: bool,
}

impl Categories {
	pub const ALL: Categories = Categories { retail: true, professional: true, eligible_counterparty: true };
	pub const RETAIL: Categories = Categories { retail: true, professional: false, eligible_counterparty: false };
	pub const NONE: Categories = Categories { retail: false, professional: false, eligible_counterparty: false };

	pub fn contains(&self, category: InvestorCategory) -> bool {
		match category {
			InvestorCategory::Retail => self.retail,
			InvestorCategory::Professional => self.professional,
			InvestorCategory::EligibleCounterparty => self.eligible_counterparty,
		}
	}

	pub fn is_empty(&self) -> bool {
		*self == Self::NONE
	}
}

/// How a fund deals: set at genesis and by governance.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct FundConfig<AssetId, Balance> {
	/// The fund's shares: a permissioned asset (ERC-3643 rules and freezes
	/// bind every share transfer), issued and destroyed by this fund alone.
	pub share_asset: AssetId,
	/// What investors pay with and are paid in: the EUR deposit token.
	pub payment_asset: AssetId,
	/// The oracle feed of the fund's NAV per share, in the payment asset's
	/// currency.
	pub nav_feed: FeedId,
	/// Smallest first subscription, in the payment asset's smallest unit (a
	/// shareholder adds any amount, a switch included).
	pub min_investment: Balance,
	/// Who may invest.
	pub eligible: Categories,
	/// Who must have acknowledged the current KID before investing.
	pub kid_required: Categories,
	/// Settlement of a redemption: the request's day plus this many days
	/// (T+1, T+2).
	pub notice_days: u32,
	/// Most of the outstanding shares one day's redemptions may take; the
	/// rest waits for the next day, pro rata (`None`: no gate).
	pub daily_gate: Option<Permill>,
	/// Oldest a NAV may be to deal at, milliseconds (within the feed's own
	/// maximum age).
	pub dealing_max_age_ms: u64,
	/// Without a newly accepted NAV for this long, subscriptions and
	/// redemption claims freeze until one arrives (48 h).
	pub stale_freeze_ms: u64,
	/// A low-volatility NAV fund (LVNAV MMF): deals at 1.0000 while the real
	/// NAV stays within this collar of it, distributes its yield as new
	/// shares; `None` for a variable-NAV fund (yield accrues in the NAV).
	pub lvnav_collar: Option<Permill>,
}

/// A redemption request. Its shares stay locked in the investor's account
/// (counted in its balance, movable by no one) until they are burnt at the
/// claim or unlocked by a cancellation.
#[derive(Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct RedemptionRequest<Balance> {
	/// Shares still to be redeemed.
	pub shares: Balance,
	/// When it was asked, Unix milliseconds.
	pub requested_at: u64,
	/// The day its next tranche settles; the first is the request's day plus
	/// the notice period, later ones follow a gate's deferral.
	pub day: Day,
	/// Whether a gate deferred part of it already (a deferred request can no
	/// longer be cancelled: its day has passed).
	pub deferred: bool,
}

/// The redemptions due on one day and, once the day began, the part of
/// each the gate lets through.
#[derive(Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default)]
pub struct GateDay<Balance> {
	/// Shares due on the day: new requests plus an upper bound of the
	/// shares deferred from the day before (so the gate is never exceeded).
	pub requested: Balance,
	/// Requests due on the day (the bound's rounding margin).
	pub requests: u32,
	/// The part of each request the day pays, fixed when the day closes.
	pub released: Option<Perquintill>,
}

/// A redemption request's ERC-7540 state.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum RequestState {
	/// Before its settlement date, or no NAV struck since.
	Pending,
	/// Its settlement date passed and its NAV is struck: a claim pays it.
	Claimable,
}

/// A request as the runtime API shows it.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestView<Balance> {
	pub id: RequestId,
	pub shares: Balance,
	pub requested_at: u64,
	/// Start of the settlement day, Unix milliseconds.
	pub settles_at: u64,
	pub state: RequestState,
}

/// A fund as the runtime API shows it.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundView<AccountId, AssetId, Balance> {
	pub config: FundConfig<AssetId, Balance>,
	/// The last accepted NAV (whatever its age) and its age, milliseconds.
	pub nav: Option<FixedU128>,
	pub nav_age_ms: Option<u64>,
	/// The price the fund deals at now (`None`: no fresh NAV).
	pub dealing_price: Option<FixedU128>,
	/// Outside the LVNAV collar: the fund deals at its real NAV.
	pub collar_breached: bool,
	pub shares_outstanding: Balance,
	/// The payment asset in the fund's cash account.
	pub cash: Balance,
	pub cash_account: AccountId,
	/// No accepted NAV for `stale_freeze_ms`: no subscription, no claim.
	pub dealing_frozen: bool,
	/// Distributed yield not yet claimed (LVNAV funds).
	pub unclaimed_yield: Balance,
}

/// An investor's position as the runtime API shows it.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PositionView<Balance> {
	pub shares: Balance,
	/// Of which locked for redemption.
	pub locked: Balance,
	/// The shares at the dealing price now, rounded down (`None`: no fresh
	/// NAV); indicative, a redemption is priced forward.
	pub value: Option<Balance>,
	/// Distributed yield (new shares) the holder may claim.
	pub claimable_yield: Balance,
	/// The KID hash the investor acknowledged.
	pub kid_acknowledged: Option<[u8; 32]>,
	pub requests: alloc::vec::Vec<RequestView<Balance>>,
}
