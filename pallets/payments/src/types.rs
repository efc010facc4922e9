//! Payments, their states and the views the runtime API serves.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_runtime::{DispatchError, FixedU128};
use tokenize_primitives::{Bic, CorridorUse};

/// A payment's identifier: 16 bytes derived on chain. Written as 32
/// lower-case hex digits it is the pacs.008 `EndToEndId` (at most 35
/// characters), so the SWIFT message and the chain name the payment alike.
pub type TxId = [u8; 16];

/// An ISO 4217 currency and the number of decimals an asset's smallest unit
/// has in it: what a pacs.008 amount of the asset is written in.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct SettlementCurrency {
	/// Upper-case ISO 4217 code, e.g. `*b"USD"`.
	pub code: [u8; 3],
	/// Decimals of the asset's smallest unit (USDC: 6, a EUR deposit token: 2).
	pub decimals: u8,
}

impl SettlementCurrency {
	/// Three upper-case ASCII letters, and no more decimals than a `u128`
	/// amount can carry.
	pub fn is_well_formed(&self) -> bool {
		self.code.iter().all(|b| b.is_ascii_uppercase()) && self.decimals <= 18
	}
}

/// The rail's timing, set by governance (until then the runtime's
/// defaults): applies to payments initiated from then on.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct RailSettings<BlockNumber> {
	/// Blocks after the initiation during which a challenge is accepted.
	pub challenge_window: BlockNumber,
	/// Blocks after the initiation from which anyone may refund an
	/// unreleased payment.
	pub payment_timeout: BlockNumber,
}

/// Where a payment stands. Only these transitions exist:
///
/// ```text
/// Initiated ──────────────────────────────► Released
///     │  └──► FiatPending ──► FiatConfirmed ──┘
///     │            └──► FiatFailed ──┐
///     └──────────────────────────────┴────► Refunded
/// ```
///
/// A payment without an off-chain leg goes from `Initiated` to `Released`
/// (the committee) or `Refunded` (the committee, a challenge upheld, or
/// anyone after the timeout). `Released` and `Refunded` are final.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum PaymentStatus<BlockNumber> {
	/// Escrowed, waiting for the settlement committee.
	Initiated,
	/// The off-chain (fiat) leg was sent; waiting for the receiving bank's
	/// receipt.
	FiatPending,
	/// The receiving bank confirmed the fiat leg; the chain leg may be released.
	FiatConfirmed,
	/// The receiving bank reported the fiat leg failed; only a refund remains.
	FiatFailed,
	/// The escrow went to the recipient at block `at`.
	Released { at: BlockNumber },
	/// The hold was lifted at block `at`: the sender has the amount back.
	Refunded { at: BlockNumber, reason: RefundReason },
}

impl<BlockNumber> PaymentStatus<BlockNumber> {
	/// Released or refunded: nothing can happen to the payment any more.
	pub fn is_final(&self) -> bool {
		matches!(self, Self::Released { .. } | Self::Refunded { .. })
	}
}

/// Why a payment was refunded.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum RefundReason {
	/// The settlement committee cancelled it.
	Cancelled,
	/// The committee upheld a challenge.
	ChallengeUpheld,
	/// Nobody released it before its timeout; anyone triggered the refund.
	TimedOut,
}

/// How the settlement committee resolves a challenged payment.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum ChallengeOutcome {
	/// The challenge is dismissed and the payment released now.
	Release,
	/// The challenge is upheld and the payment refunded.
	Refund,
}

/// An objection to a pending payment.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub struct Challenge<AccountId, BlockNumber> {
	/// The compliance officer or a bank of either party.
	pub by: AccountId,
	/// Hash of the reasoned objection kept off chain.
	pub reason_hash: H256,
	pub at: BlockNumber,
}

/// A cross-border payment as stored (kept after it settles: the txId stays
/// unique and readable by a regulator).
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
pub struct Payment<AccountId, AssetId, Balance, BlockNumber> {
	pub sender: AccountId,
	pub recipient: AccountId,
	pub asset: AssetId,
	/// Escrowed in the sender's own account until release or refund.
	pub amount: Balance,
	/// The corridor derived from the parties' jurisdictions, and the UTC day
	/// its volume was counted on.
	pub corridor: CorridorUse,
	pub initiated_at: BlockNumber,
	/// The last block in which a challenge is accepted.
	pub challenge_until: BlockNumber,
	/// From this block on anyone may trigger the refund of the unreleased
	/// payment.
	pub expires_at: BlockNumber,
	/// keccak-256 of the canonical pacs.008 `Document` (set once).
	pub data_hash: Option<H256>,
	/// Hash of the travel-rule record exchanged between the banks (set once).
	pub travel_rule_hash: Option<H256>,
	pub challenge: Option<Challenge<AccountId, BlockNumber>>,
	pub status: PaymentStatus<BlockNumber>,
	/// The receiving bank whose signed receipt settles the payment's
	/// off-chain (fiat) leg, once one is opened.
	pub fiat_bank: Option<AccountId>,
}

/// Why the committee's release left a payment pending.
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, PartialEq, Eq, Debug)]
pub enum WithholdReason {
	/// A challenge stands: only `resolve_challenge` settles the payment.
	Challenged,
	/// The payment's off-chain leg is not confirmed.
	FiatLegNotConfirmed,
	/// The move itself is refused now, with compliant-assets' error (the
	/// recipient sanctioned since the initiation, the asset paused, the
	/// recipient's maximum balance reached, ...).
	Refused(DispatchError),
}

/// A liquidity provider's firm FX quote, signed off chain (the signature is
/// over the quote's SCALE encoding). A payer takes it at most once, before
/// `expires_at`, on the chain whose genesis hash it names.
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct FxQuote<AccountId, AssetId, Balance, BlockNumber, Hash> {
	/// The provider's own identifier of the quote (unique per provider).
	pub quote_id: H256,
	/// The provider, who signs the quote and delivers the target asset.
	pub lp: AccountId,
	/// What the payer pays in.
	pub source_asset: AssetId,
	/// What the recipient receives.
	pub target_asset: AssetId,
	/// Smallest units of the target asset per smallest unit of the source
	/// asset (18-decimal fixed point; the assets' decimals are in it).
	pub rate: FixedU128,
	/// The most source units the quote covers.
	pub max_source_amount: Balance,
	/// The last block in which the quote may be taken.
	pub expires_at: BlockNumber,
	/// Genesis hash of the chain the quote is for (a quote for another
	/// chain, or a test network, is refused).
	pub genesis_hash: Hash,
}

/// A quote taken: kept under the provider and quote id (a quote is taken
/// once), with what moved.
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct FxSettlement<AccountId, AssetId, Balance, BlockNumber> {
	pub payer: AccountId,
	pub recipient: AccountId,
	pub source_asset: AssetId,
	pub source_amount: Balance,
	pub target_asset: AssetId,
	/// `floor(source_amount × rate)`: rounding never in the payer's favour
	/// at the provider's expense.
	pub target_amount: Balance,
	pub at: BlockNumber,
}

/// What a receiving bank's receipt says of a payment's fiat leg.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq,
	Debug, Serialize, Deserialize,
)]
pub enum FiatOutcome {
	/// The fiat amount arrived: the chain leg may be released.
	Confirmed,
	/// The fiat transfer failed: only a refund remains.
	Failed,
}

/// A receiving bank's statement about a payment's off-chain leg, signed off
/// chain over its SCALE encoding (a Polymesh-style receipt): bound to one
/// payment, one chain and an expiry, and usable once.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
	Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct FiatReceipt<Hash, BlockNumber> {
	/// The bank's own identifier of the receipt (unique per bank).
	pub receipt_id: H256,
	pub tx_id: TxId,
	/// Genesis hash of the chain the receipt is for.
	pub genesis_hash: Hash,
	/// The last block in which the receipt may be submitted.
	pub expires_at: BlockNumber,
	pub outcome: FiatOutcome,
}

/// What `payments_verifyData` answers.
#[derive(Clone, Copy, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum DataVerification {
	/// The hash equals the one anchored under the txId.
	Match,
	/// A different hash is anchored under the txId.
	Mismatch,
	/// The payment has no data hash yet.
	NoHashStored,
	/// No payment has this txId.
	UnknownPayment,
}

/// A payment as the runtime API shows it: the stored record plus what a
/// bank needs to check a pacs.008 against it.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentView<AccountId, AssetId, Balance, BlockNumber> {
	pub tx_id: TxId,
	pub payment: Payment<AccountId, AssetId, Balance, BlockNumber>,
	/// The asset's ISO 4217 currency and decimals.
	pub currency: Option<SettlementCurrency>,
	/// The recipient's bank as the identity registry records it: the
	/// creditor agent a pacs.008 must name.
	pub recipient_bic: Option<Bic>,
	/// The sender's bank: the debtor agent.
	pub sender_bic: Option<Bic>,
}
