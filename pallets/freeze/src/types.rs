//! Freeze records: the amount-level entry and the address-level freeze.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::BoundedVec;
use scale_info::TypeInfo;
use tokenize_primitives::FreezeReason;

/// Identifies a freeze entry for its whole life (freeze, unfreeze, confiscation,
/// release); handed out by a counter, never reused.
pub type EntryId = u64;

/// The case reference an order carries (court file number, AML case id),
/// bounded by `MaxReferenceLen`.
pub type Reference<L> = BoundedVec<u8, L>;

/// One active amount-level freeze on one holding (`asset`, `holder`).
///
/// An entry exists in storage exactly while it is active: unfreezing,
/// confiscating or fully releasing it removes it, and the event emitted at that
/// moment closes the record in the audit trail (see the module documentation).
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
)]
pub struct FreezeEntry<AccountId, AssetId, Balance, CaseRef> {
	/// The asset whose holding is frozen.
	pub asset: AssetId,
	/// The holder whose holding is frozen (re-keyed when a wallet is recovered).
	pub holder: AccountId,
	/// Frozen amount still held by this entry (a forced transfer may shrink it).
	pub amount: Balance,
	/// The freeze agent who placed the entry.
	pub source: AccountId,
	/// Why the amount is frozen.
	pub reason: FreezeReason,
	/// The order's case reference.
	pub reference: CaseRef,
	/// When the entry was placed, Unix seconds.
	pub at: u64,
}

/// An address-level freeze: every holding of the address is frozen entirely.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
)]
pub struct AddressFreeze<AccountId, CaseRef> {
	/// The compliance officer who froze the address.
	pub source: AccountId,
	/// Why the address is frozen.
	pub reason: FreezeReason,
	/// The order's case reference.
	pub reference: CaseRef,
	/// When the address was frozen, Unix seconds.
	pub at: u64,
}

/// What the benchmarks need from the runtime that this pallet cannot do itself:
/// it only reads balances, so the runtime mints the holdings the worst cases
/// need (and makes the confiscation receiver a compliant holder).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AssetId, AccountId, Balance> {
	/// A permissioned asset that exists and accepts holdings.
	fn asset() -> AssetId;
	/// Gives `who` `amount` of `asset` and makes `who` an eligible holder.
	fn fund(asset: &AssetId, who: &AccountId, amount: Balance);
}
