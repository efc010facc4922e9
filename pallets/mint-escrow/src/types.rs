//! Deposit tokens, deposits, redemptions and the depositary's attestations.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// The issuer's identifier of one incoming SEPA credit, hashed: keccak-256
/// of the issuer's own unique reference of the booking (its UETR or
/// account-servicer reference with the value date) and a salt the issuer
/// keeps, so that two credits never share one (a payer's `EndToEndId` may
/// be `NOTPROVIDED`) and the chain cannot recover the reference. The chain
/// only learns that it was used.
pub type DepositRef = H256;

/// Sequential number of a redemption.
pub type RedemptionId = u64;

/// How one deposit token is run: who issues it, who attests its backing and
/// the time limits the issuer and the depositary work to.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct DepositToken<AccountId, Balance, BlockNumber> {
	/// The issuing bank's account; it must hold the `MintOperator` role.
	pub issuer: AccountId,
	/// The depositary's account; it must hold the `Depositary` role and be a
	/// different legal entity from the issuer.
	pub depositary: AccountId,
	/// Hash of the segregated reserve account at the custodian (its IBAN and
	/// BIC as the custody agreement states them), never the IBAN in clear.
	pub reserve_account: H256,
	/// A deposit still provisional this many blocks after it was recorded is
	/// overdue: the runtime API lists it for the issuer's back office.
	pub clearing_window: BlockNumber,
	/// Minting stops when the last attestation's `as_of` is this many blocks old.
	pub max_attestation_age: BlockNumber,
	/// Smallest redemption, in the token's units: a SEPA payout of a cent
	/// costs more than it pays, and every redemption is a record on chain.
	pub min_redemption: Balance,
}

/// Where a deposit stands. Every deposit leaves `Pending` exactly once.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub enum DepositStatus {
	/// The SEPA credit arrived; the tokens are minted but cannot move.
	Pending,
	/// The credit cleared; the tokens are spendable.
	Cleared,
	/// Clearing failed or the credit was recalled; the tokens were burnt.
	Reversed,
}

/// Why a provisional deposit was reversed.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub enum ReversalReason {
	/// The credit did not clear (returned by the payer's bank).
	ClearingFailed,
	/// The payer's bank recalled the credit (SEPA recall, camt.056).
	Recalled,
	/// The issuer suspects fraud and sends the funds back.
	FraudSuspected,
	/// Recorded in error (duplicate booking, wrong receiver).
	BookingError,
}

/// One SEPA credit turned into deposit tokens, keyed by its [`DepositRef`].
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Deposit<AccountId, AssetId, Balance, BlockNumber> {
	pub asset: AssetId,
	pub receiver: AccountId,
	pub amount: Balance,
	pub status: DepositStatus,
	/// Block of `record_deposit`.
	pub recorded_at: BlockNumber,
	/// Block of the clearing or reversal.
	pub settled_at: Option<BlockNumber>,
	/// Why it was reversed, when it was.
	pub reversal: Option<ReversalReason>,
}

/// Where a redemption stands. Every redemption leaves `Requested` exactly once.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub enum RedemptionStatus {
	/// The tokens were burnt; the issuer owes the SEPA payout.
	Requested,
	/// The issuer confirmed the payout.
	Paid,
	/// The payout failed and the amount was issued back to the holder.
	Failed,
}

/// Why a SEPA payout failed (the R-transaction reason families).
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub enum PayoutFailure {
	/// The payee's account is closed (AC04).
	AccountClosed,
	/// The account identifier is wrong (AC01).
	InvalidAccount,
	/// The payee's bank rejected the credit (AG01, MS03).
	RejectedByReceivingBank,
	/// The issuer's sanctions screening stopped the payout.
	ScreeningHit,
}

/// A holder's redemption of deposit tokens into fiat.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Redemption<AccountId, AssetId, Balance, BlockNumber> {
	pub asset: AssetId,
	pub holder: AccountId,
	pub amount: Balance,
	/// Hash of the payee's IBAN (never the IBAN in clear).
	pub payout_account: H256,
	pub status: RedemptionStatus,
	pub requested_at: BlockNumber,
	pub settled_at: Option<BlockNumber>,
	/// Hash of the SEPA reference of the payout, once paid.
	pub sepa_ref: Option<H256>,
	/// Why the payout failed, when it did.
	pub failure: Option<PayoutFailure>,
}

/// Whether the liabilities the depositary attested equal the chain's supply.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub enum SupplyCheck {
	/// The supply did not change after `as_of`, and the attested liabilities
	/// equal it.
	Matches,
	/// The supply did not change after `as_of`, and the attested liabilities
	/// differ from it: the report and the chain disagree.
	Mismatch,
	/// The supply changed after `as_of`, so the chain cannot compare on its
	/// own; an auditor rebuilds the tree at `as_of` (runtime API).
	NotComparable,
}

/// What a depositary states about a token's reserve: the fiat it holds and
/// the liability tree at block `as_of`.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ReserveStatement<Balance, BlockNumber> {
	pub fiat_balance: Balance,
	pub liabilities: Balance,
	pub reserve_root: H256,
	pub report_hash: H256,
	pub as_of: BlockNumber,
}

/// The depositary's statement that the reserve holds `fiat_balance` for a
/// token, with the chain's own figures at the block it was made.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Attestation<Balance, BlockNumber> {
	/// Fiat in the segregated reserve account, in the token's units.
	pub fiat_balance: Balance,
	/// Sum of the liability tree's leaves (every holder's balance at `as_of`).
	pub liabilities: Balance,
	/// Root of the liability tree at `as_of` (see the pallet documentation).
	pub reserve_root: H256,
	/// Hash of the depositary's signed report.
	pub report_hash: H256,
	/// The block whose state the report and the tree describe.
	pub as_of: BlockNumber,
	/// The block in which the attestation was recorded.
	pub attested_at: BlockNumber,
	/// The token's total supply (provisional tokens included) at `attested_at`.
	pub chain_supply: Balance,
	/// Of which provisional, at `attested_at`.
	pub uncleared: Balance,
	/// Open redemptions at `attested_at` (owed out of the reserve).
	pub outstanding_redemptions: Balance,
	pub supply_check: SupplyCheck,
}

/// A token's backing as a regulator's read node reports it.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct BackingStatus<Balance, BlockNumber> {
	/// Total supply, provisional tokens included.
	pub supply: Balance,
	/// Provisional (not yet cleared) part of the supply.
	pub uncleared: Balance,
	/// Burnt tokens whose payout the issuer still owes.
	pub outstanding_redemptions: Balance,
	/// Paid out of the reserve since the last attestation.
	pub paid_since_attestation: Balance,
	/// The last attested fiat, if any attestation exists.
	pub attested_fiat: Option<Balance>,
	/// `as_of` of the last attestation.
	pub attested_as_of: Option<BlockNumber>,
	/// Blocks since the last attestation's `as_of`.
	pub attestation_age: Option<BlockNumber>,
	/// Whether the last attestation is too old to mint against.
	pub stale: bool,
	/// How much more may be minted now: attested fiat less supply, open
	/// redemptions and payouts since the attestation; zero when stale or
	/// paused.
	pub headroom: Balance,
	/// Whether the depositary has paused minting.
	pub paused: bool,
}

/// A holder's leaf in the liability tree, with the proof that it is in the
/// tree whose root the depositary attested.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct LiabilityProof<AccountId, Balance> {
	pub holder: AccountId,
	pub balance: Balance,
	/// Position of the leaf among the leaves ordered by account.
	pub leaf_index: u32,
	/// Number of leaves of the tree.
	pub leaf_count: u32,
	/// Sibling hashes from the leaf up to the root.
	pub proof: alloc::vec::Vec<H256>,
}

/// Root and total of a liability tree rebuilt from chain state.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug, Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct LiabilityTree<Balance> {
	pub root: H256,
	pub total: Balance,
	pub leaf_count: u32,
}
