//! Runtime APIs of the compliance layer, wrapped by the node's `compliance_*`
//! RPC methods. Middleware pre-checks here what a transaction would do
//! (ERC-1404 style) without submitting it; regulators read state.

use crate::{ComplianceFailure, FreezeSummary, Jurisdiction};
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Why a transfer would be refused: the pallet error it would fail with.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferRefusal {
	/// Index of the pallet in the runtime.
	pub pallet_index: u8,
	/// Index of the error variant in the pallet's `Error` enum.
	pub error_index: u8,
	/// `Pallet::Error` name, e.g. `CompliantAssets::ReceiverSanctioned`.
	pub name: alloc::string::String,
}

/// A holding's balance split into what can move and what cannot.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SpendableBalance<Balance> {
	pub balance: Balance,
	/// What an ordinary transfer could move now (balance − frozen −
	/// provisional − escrowed).
	pub spendable: Balance,
	pub frozen: FreezeSummary<Balance>,
	/// Deposit tokens of SEPA credits that have not cleared yet (held back
	/// by the mint escrow).
	pub uncleared: Balance,
	/// Held by the payment rail for the holder's pending payments.
	pub escrowed: Balance,
}

sp_api::decl_runtime_apis! {
	/// Identity, transfer pre-checks, freezes, circuit breaker and corridors.
	pub trait ComplianceApi<AccountId, AssetId, Balance, IdentityView, BreakerView, CorridorView>
	where
		AccountId: Codec,
		AssetId: Codec,
		Balance: Codec,
		IdentityView: Codec,
		BreakerView: Codec,
		CorridorView: Codec,
	{
		/// The identity of `who` as the registry sees it now.
		fn identity(who: AccountId) -> Option<IdentityView>;
		/// The full compliance check of `who`, with the first failed check.
		fn check_compliance(who: AccountId) -> Result<(), ComplianceFailure>;
		/// Whether `from` may transfer `amount` of `asset` to `to` now; the
		/// refusal is the error the transfer extrinsic would fail with.
		fn can_transfer(asset: AssetId, from: AccountId, to: AccountId, amount: Balance) -> Result<(), TransferRefusal>;
		/// Balance, spendable part and the active freezes of one holding.
		fn spendable_balance(asset: AssetId, who: AccountId) -> SpendableBalance<Balance>;
		/// The circuit breaker's global state and throttles.
		fn breaker_status() -> BreakerView;
		/// Whether `asset` is paused and whether `who` is frozen by the breaker.
		fn breaker_scope_status(asset: AssetId, who: AccountId) -> (bool, bool);
		/// A corridor with today's used and remaining volume.
		fn corridor_status(source: Jurisdiction, destination: Jurisdiction) -> Option<CorridorView>;
	}
}

sp_api::decl_runtime_apis! {
	/// EUR deposits (mint escrow): backing, deposits, redemptions and the
	/// proof of reserve. Read-only; served by regulators' nodes.
	pub trait DepositsApi<AccountId, AssetId, Hash, BackingView, DepositView, RedemptionView, TreeView, ProofView>
	where
		AccountId: Codec,
		AssetId: Codec,
		Hash: Codec,
		BackingView: Codec,
		DepositView: Codec,
		RedemptionView: Codec,
		TreeView: Codec,
		ProofView: Codec,
	{
		/// Supply, provisional part, attested fiat, attestation age, headroom,
		/// depositary pause; `None` for an asset that is not a deposit token.
		fn backing_status(asset: AssetId) -> Option<BackingView>;
		/// A deposit by the hash of its SEPA reference.
		fn deposit(deposit_ref: Hash) -> Option<DepositView>;
		/// A redemption by id.
		fn redemption(id: u64) -> Option<RedemptionView>;
		/// Provisional deposits older than the token's clearing window.
		fn overdue_deposits(asset: AssetId) -> alloc::vec::Vec<(Hash, DepositView)>;
		/// The liability tree of the token's holders at this block (what the
		/// depositary attests as of a block).
		fn liability_tree(asset: AssetId) -> TreeView;
		/// `holder`'s leaf and inclusion proof in the tree at this block.
		fn liability_proof(asset: AssetId, holder: AccountId) -> Option<ProofView>;
		/// Whether `proof` shows its leaf in the last attested tree.
		fn verify_liability(asset: AssetId, proof: ProofView) -> bool;
	}
}

sp_api::decl_runtime_apis! {
	/// The cross-border payment rail: a payment by its txId, and whether a
	/// pacs.008's hash is the one anchored under it. Read-only.
	pub trait PaymentsApi<Hash, PaymentView, VerificationView>
	where
		Hash: Codec,
		PaymentView: Codec,
		VerificationView: Codec,
	{
		/// The payment with its currency and both parties' bank BICs.
		fn payment(tx_id: [u8; 16]) -> Option<PaymentView>;
		/// `Match`, `Mismatch`, `NoHashStored` or `UnknownPayment`.
		fn verify_data(tx_id: [u8; 16], hash: Hash) -> VerificationView;
	}

	/// The fund vaults (TMMF, TMF), wrapped by the node's `funds_*` RPC
	/// methods.
	pub trait FundsApi<AccountId, Balance, FundView, PositionView>
	where
		AccountId: Codec,
		Balance: Codec,
		FundView: Codec,
		PositionView: Codec,
	{
		/// The fund's configuration, NAV and its age, dealing price, shares
		/// outstanding, cash and whether dealing is frozen.
		fn fund(fund: crate::FundId) -> Option<FundView>;
		/// `who`'s shares, locked shares, value, claimable yield and
		/// redemption requests (pending or claimable, with their dates).
		fn position(fund: crate::FundId, who: AccountId) -> Option<PositionView>;
		/// The shares `amount` would buy for `who` now, or the error the
		/// subscription would fail with.
		fn preview_subscribe(fund: crate::FundId, who: AccountId, amount: Balance) -> Result<Balance, TransferRefusal>;
		/// What `shares` would fetch at today's dealing price (indicative:
		/// redemptions are priced forward) and the settlement date (Unix ms).
		fn preview_redeem(fund: crate::FundId, shares: Balance) -> Result<(Balance, u64), TransferRefusal>;
	}
}
