//! `payments_*` JSON-RPC methods: the payment rail's runtime API for the
//! banks' middleware, `tokenize-node iso20022 verify` and regulator read
//! nodes (all read-only).
//!
//! A txId is written as 32 hex digits (with or without `0x`), as the
//! pacs.008 `EndToEndId` carries it. Amounts are decimal strings in the
//! asset's smallest unit (exact whatever their size); currencies and BICs
//! are text.

use crate::compliance_rpc::{block_or_best, runtime_error};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorCode, ErrorObject, ErrorObjectOwned},
};
use pallet_payments::{DataVerification, PaymentStatus, RefundReason, TxId};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use std::sync::Arc;
use tokenize_primitives::runtime_api::PaymentsApi;
use tokenize_runtime::{opaque::Block, AccountId, AssetId, BlockNumber, Hash, PaymentView};

type BlockHash = <Block as sp_runtime::traits::Block>::Hash;

/// A payment as the RPC shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentJson {
	/// 32 hex digits: the pacs.008 `EndToEndId`.
	pub tx_id: String,
	pub sender: AccountId,
	pub recipient: AccountId,
	pub asset: AssetId,
	/// In the asset's smallest unit.
	pub amount: String,
	/// ISO 4217 code of the asset, and its decimals.
	pub currency: Option<String>,
	pub decimals: Option<u8>,
	/// The parties' banks as the identity registry records them: the
	/// pacs.008 debtor and creditor agents.
	pub sender_bic: Option<String>,
	pub recipient_bic: Option<String>,
	/// The corridor (ISO 3166 codes) and the UTC day its volume was counted on.
	pub source: String,
	pub destination: String,
	pub corridor_day: u64,
	pub initiated_at: BlockNumber,
	pub challenge_until: BlockNumber,
	pub expires_at: BlockNumber,
	pub data_hash: Option<Hash>,
	pub travel_rule_hash: Option<Hash>,
	/// `Initiated`, `FiatPending`, `FiatConfirmed`, `FiatFailed`,
	/// `Released` or `Refunded`.
	pub status: String,
	/// The block of the release or refund.
	pub settled_at: Option<BlockNumber>,
	/// `Cancelled`, `ChallengeUpheld` or `TimedOut` for a refund.
	pub refund_reason: Option<String>,
	pub challenged_by: Option<AccountId>,
	pub challenge_reason_hash: Option<Hash>,
	/// The receiving bank whose receipt settles the fiat leg, if any.
	pub fiat_bank: Option<AccountId>,
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

impl From<PaymentView> for PaymentJson {
	fn from(view: PaymentView) -> Self {
		let payment = view.payment;
		let (status, settled_at, refund_reason) = match payment.status {
			PaymentStatus::Initiated => ("Initiated", None, None),
			PaymentStatus::FiatPending => ("FiatPending", None, None),
			PaymentStatus::FiatConfirmed => ("FiatConfirmed", None, None),
			PaymentStatus::FiatFailed => ("FiatFailed", None, None),
			PaymentStatus::Released { at } => ("Released", Some(at), None),
			PaymentStatus::Refunded { at, reason } => ("Refunded", Some(at), Some(reason)),
		};
		let refund_reason = refund_reason.map(|reason| {
			match reason {
				RefundReason::Cancelled => "Cancelled",
				RefundReason::ChallengeUpheld => "ChallengeUpheld",
				RefundReason::TimedOut => "TimedOut",
			}
			.to_owned()
		});
		PaymentJson {
			tx_id: hex::encode(view.tx_id),
			sender: payment.sender,
			recipient: payment.recipient,
			asset: payment.asset,
			amount: payment.amount.to_string(),
			currency: view.currency.map(|c| text(&c.code)),
			decimals: view.currency.map(|c| c.decimals),
			sender_bic: view.sender_bic.map(|bic| text(&bic)),
			recipient_bic: view.recipient_bic.map(|bic| text(&bic)),
			source: text(&payment.corridor.source.0),
			destination: text(&payment.corridor.destination.0),
			corridor_day: payment.corridor.day,
			initiated_at: payment.initiated_at,
			challenge_until: payment.challenge_until,
			expires_at: payment.expires_at,
			data_hash: payment.data_hash,
			travel_rule_hash: payment.travel_rule_hash,
			status: status.to_owned(),
			settled_at,
			refund_reason,
			challenged_by: payment.challenge.as_ref().map(|c| c.by.clone()),
			challenge_reason_hash: payment.challenge.map(|c| c.reason_hash),
			fiat_bank: payment.fiat_bank,
		}
	}
}

/// A txId from its 32 hex digits (a `0x` prefix allowed).
pub fn parse_tx_id(hex_text: &str) -> Option<TxId> {
	let digits = hex_text.strip_prefix("0x").unwrap_or(hex_text);
	let bytes = hex::decode(digits).ok()?;
	bytes.try_into().ok()
}

fn malformed_tx_id(text: &str) -> ErrorObjectOwned {
	ErrorObject::owned(
		ErrorCode::InvalidParams.code(),
		format!("'{text}' is not a txId: use the 32 hex digits of PaymentInitiated's txId (the pacs.008 EndToEndId)"),
		None::<()>,
	)
}

#[rpc(server, namespace = "payments")]
pub trait PaymentsRpcApi {
	/// The payment with this txId (`null` when there is none).
	#[method(name = "payment")]
	fn payment(&self, tx_id: String, at: Option<BlockHash>) -> RpcResult<Option<PaymentJson>>;

	/// Whether `hash` (keccak-256 of the canonical pacs.008) is the one
	/// anchored under `tx_id`: `Match`, `Mismatch`, `NoHashStored` or
	/// `UnknownPayment`.
	#[method(name = "verifyData")]
	fn verify_data(&self, tx_id: String, hash: Hash, at: Option<BlockHash>) -> RpcResult<DataVerification>;
}

/// Implementation over a client that provides [`PaymentsApi`].
pub struct PaymentsRpc<C> {
	client: Arc<C>,
}

impl<C> PaymentsRpc<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> PaymentsRpcApiServer for PaymentsRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: PaymentsApi<Block, Hash, PaymentView, DataVerification>,
{
	fn payment(&self, tx_id: String, at: Option<BlockHash>) -> RpcResult<Option<PaymentJson>> {
		let id = parse_tx_id(&tx_id).ok_or_else(|| malformed_tx_id(&tx_id))?;
		let at = block_or_best(&*self.client, at);
		let view = self.client.runtime_api().payment(at, id).map_err(runtime_error)?;
		Ok(view.map(PaymentJson::from))
	}

	fn verify_data(&self, tx_id: String, hash: Hash, at: Option<BlockHash>) -> RpcResult<DataVerification> {
		let id = parse_tx_id(&tx_id).ok_or_else(|| malformed_tx_id(&tx_id))?;
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().verify_data(at, id, hash).map_err(runtime_error)
	}
}
