//! Feeds, rounds, accepted values and the candidates that wait for the
//! committee or the depositary.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{FixedU128, Permill};
use tokenize_primitives::PricePoint;

/// An upper-case ISO 4217 currency code, e.g. `*b"EUR"`.
pub type CurrencyCode = [u8; 3];

/// What a feed prices.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum FeedKind {
	/// A fund's net asset value per share, in `currency`.
	FundNav { currency: CurrencyCode },
	/// Units of `quote` per unit of `base` (EUR/USD: USD per EUR).
	FxRate { base: CurrencyCode, quote: CurrencyCode },
}

impl FeedKind {
	/// Currency codes are three upper-case letters; a pair names two
	/// different currencies.
	pub fn is_well_formed(&self) -> bool {
		let code_ok = |code: &CurrencyCode| code.iter().all(u8::is_ascii_uppercase);
		match self {
			FeedKind::FundNav { currency } => code_ok(currency),
			FeedKind::FxRate { base, quote } => code_ok(base) && code_ok(quote) && base != quote,
		}
	}
}

/// How a feed is fed and guarded. `Submitters` is a bounded list as stored
/// and in calls, a plain list in the genesis config.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct FeedSettings<Submitters> {
	pub kind: FeedKind,
	/// The accounts that may submit to the feed; each must also hold the
	/// OracleSubmitter role when it submits.
	pub submitters: Submitters,
	/// Submissions of a round that make its median.
	pub quorum: u32,
	/// Oldest a value may be (from its observation) and still be served,
	/// in milliseconds: 1 h for a NAV, 5 min for FX.
	pub max_age_ms: u64,
	/// Largest move from the last accepted value a median may make before
	/// the compliance-depositary committee must approve it.
	pub max_deviation: Permill,
	/// Whether a NAV takes effect only once the fund's depositary signed it
	/// off.
	pub requires_sign_off: bool,
}

/// One submitter's observation in a round.
#[derive(Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct Submission<AccountId> {
	pub submitter: AccountId,
	pub value: FixedU128,
	/// Valuation time, Unix milliseconds.
	pub observed_at: u64,
}

/// A feed's open round: its number and the submissions so far.
#[derive(Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default)]
pub struct Round<Submissions> {
	pub id: u32,
	pub submissions: Submissions,
}

/// Where an accepted value came from.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum ValueSource {
	/// The median of `round`, within the deviation limit.
	Median { round: u32 },
	/// The median of `round`, beyond the deviation limit, approved by the
	/// compliance-depositary committee.
	ApprovedMedian { round: u32 },
	/// Set by the compliance-depositary committee while the submitters were
	/// down.
	Manual,
}

impl ValueSource {
	/// The round a median came from.
	pub fn round(&self) -> Option<u32> {
		match self {
			ValueSource::Median { round } | ValueSource::ApprovedMedian { round } => Some(*round),
			ValueSource::Manual => None,
		}
	}
}

/// A value the oracle accepted: what consumers are served (while fresh)
/// and what the history keeps.
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct AcceptedValue {
	pub point: PricePoint,
	/// When the chain accepted it, Unix milliseconds.
	pub accepted_at: u64,
	pub source: ValueSource,
}

/// A median that waits: for the committee (beyond the deviation limit) or
/// for the depositary's sign-off.
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
	pub point: PricePoint,
	pub source: ValueSource,
}

/// Where a feed's history stands: entries `first..next` are kept (by
/// sequence number); `pruned_through` is the observation time of the last
/// entry dropped to keep the bound, so that forward pricing knows when its
/// answer may have been dropped.
#[derive(
	Clone, Copy, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug, Default,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct HistoryIndex {
	pub first: u32,
	pub next: u32,
	pub pruned_through: Option<u64>,
}

impl HistoryIndex {
	pub fn len(&self) -> u32 {
		self.next.saturating_sub(self.first)
	}

	pub fn is_empty(&self) -> bool {
		self.len() == 0
	}
}
