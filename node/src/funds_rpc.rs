//! `funds_*` JSON-RPC methods: the fund vaults' runtime API for investors'
//! apps, the banks' middleware and regulator read nodes (all read-only).
//!
//! A fund is named by its id (1 the money-market fund TMMF, 2 the mutual
//! fund TMF). Amounts are decimal strings in the asset's smallest unit (EURD
//! cents, millionths of a share), exact whatever their size; prices are
//! decimal strings (`"1.050000000000000000"`); times are Unix milliseconds.

use crate::compliance_rpc::{block_or_best, runtime_error};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorCode, ErrorObject, ErrorObjectOwned},
};
use pallet_fund_vault::RequestState;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::{FixedPointNumber, FixedU128};
use std::sync::Arc;
use tokenize_primitives::{runtime_api::FundsApi, FundId};
use tokenize_runtime::{opaque::Block, AccountId, AssetId, Balance, FundView, PositionView};

type BlockHash = <Block as sp_runtime::traits::Block>::Hash;

/// A fund as the RPC shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundJson {
	pub fund: FundId,
	pub share_asset: AssetId,
	pub payment_asset: AssetId,
	pub nav_feed: u32,
	/// The last accepted NAV, whatever its age, and its age.
	pub nav: Option<String>,
	pub nav_age_ms: Option<u64>,
	/// The price the fund deals at now (`null`: no fresh NAV).
	pub dealing_price: Option<String>,
	pub collar_breached: bool,
	pub shares_outstanding: String,
	pub cash: String,
	pub cash_account: AccountId,
	/// No NAV accepted for the freeze period: no subscription, no claim.
	pub dealing_frozen: bool,
	pub unclaimed_yield: String,
	pub min_investment: String,
	pub notice_days: u32,
	/// Parts per million of the outstanding shares one day may redeem.
	pub daily_gate_ppm: Option<u32>,
	/// Parts per million around €1.0000 an LVNAV fund deals at 1.0000.
	pub lvnav_collar_ppm: Option<u32>,
	pub eligible: pallet_fund_vault::Categories,
	pub kid_required: pallet_fund_vault::Categories,
}

/// A redemption request as the RPC shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestJson {
	pub id: u64,
	pub shares: String,
	pub requested_at: u64,
	pub settles_at: u64,
	/// `pending` or `claimable` (ERC-7540; a claimed request is gone).
	pub state: String,
}

/// An investor's position as the RPC shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PositionJson {
	pub shares: String,
	pub locked: String,
	/// At the dealing price now, in the payment asset (`null`: no fresh NAV).
	pub value: Option<String>,
	pub claimable_yield: String,
	pub kid_acknowledged: Option<String>,
	pub requests: Vec<RequestJson>,
}

/// What a redemption would fetch today, and when it would settle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RedeemPreviewJson {
	pub amount: String,
	pub settles_at: u64,
}

fn price(value: FixedU128) -> String {
	let inner = value.into_inner();
	let accuracy = FixedU128::accuracy();
	format!("{}.{:018}", inner / accuracy, inner % accuracy)
}

fn fund_json(fund: FundId, view: FundView) -> FundJson {
	let config = view.config;
	FundJson {
		fund,
		share_asset: config.share_asset,
		payment_asset: config.payment_asset,
		nav_feed: config.nav_feed,
		nav: view.nav.map(price),
		nav_age_ms: view.nav_age_ms,
		dealing_price: view.dealing_price.map(price),
		collar_breached: view.collar_breached,
		shares_outstanding: view.shares_outstanding.to_string(),
		cash: view.cash.to_string(),
		cash_account: view.cash_account,
		dealing_frozen: view.dealing_frozen,
		unclaimed_yield: view.unclaimed_yield.to_string(),
		min_investment: config.min_investment.to_string(),
		notice_days: config.notice_days,
		daily_gate_ppm: config.daily_gate.map(|gate| gate.deconstruct()),
		lvnav_collar_ppm: config.lvnav_collar.map(|collar| collar.deconstruct()),
		eligible: config.eligible,
		kid_required: config.kid_required,
	}
}

fn position_json(view: PositionView) -> PositionJson {
	PositionJson {
		shares: view.shares.to_string(),
		locked: view.locked.to_string(),
		value: view.value.map(|v| v.to_string()),
		claimable_yield: view.claimable_yield.to_string(),
		kid_acknowledged: view.kid_acknowledged.map(|hash| format!("0x{}", hex::encode(hash))),
		requests: view
			.requests
			.into_iter()
			.map(|r| RequestJson {
				id: r.id,
				shares: r.shares.to_string(),
				requested_at: r.requested_at,
				settles_at: r.settles_at,
				state: match r.state {
					RequestState::Pending => "pending",
					RequestState::Claimable => "claimable",
				}
				.into(),
			})
			.collect(),
	}
}

fn amount(text: &str) -> Result<Balance, ErrorObjectOwned> {
	text.parse::<Balance>().map_err(|_| {
		ErrorObject::owned(
			ErrorCode::InvalidParams.code(),
			format!("'{text}' is not an amount: use a decimal string in the asset's smallest unit"),
			None::<()>,
		)
	})
}

fn refused(refusal: tokenize_primitives::runtime_api::TransferRefusal) -> ErrorObjectOwned {
	ErrorObject::owned(1, format!("Refused: {}", refusal.name), Some(refusal))
}

#[rpc(server, namespace = "funds")]
pub trait FundsRpcApi {
	/// The fund's state (`null` for an unknown or unconfigured fund).
	#[method(name = "fund")]
	fn fund(&self, fund: FundId, at: Option<BlockHash>) -> RpcResult<Option<FundJson>>;

	/// `who`'s position in the fund (`null` for an unknown fund).
	#[method(name = "position")]
	fn position(&self, fund: FundId, who: AccountId, at: Option<BlockHash>) -> RpcResult<Option<PositionJson>>;

	/// The shares `amount` (smallest unit of the payment asset) would buy
	/// for `who` now; an error names the refusal the subscription would meet.
	#[method(name = "previewSubscribe")]
	fn preview_subscribe(&self, fund: FundId, who: AccountId, amount: String, at: Option<BlockHash>)
		-> RpcResult<String>;

	/// What `shares` would fetch at today's dealing price (indicative) and
	/// when a request made now would settle.
	#[method(name = "previewRedeem")]
	fn preview_redeem(&self, fund: FundId, shares: String, at: Option<BlockHash>) -> RpcResult<RedeemPreviewJson>;
}

/// Implementation over a client that provides [`FundsApi`].
pub struct FundsRpc<C> {
	client: Arc<C>,
}

impl<C> FundsRpc<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> FundsRpcApiServer for FundsRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: FundsApi<Block, AccountId, Balance, FundView, PositionView>,
{
	fn fund(&self, fund: FundId, at: Option<BlockHash>) -> RpcResult<Option<FundJson>> {
		let at = block_or_best(&*self.client, at);
		let view = self.client.runtime_api().fund(at, fund).map_err(runtime_error)?;
		Ok(view.map(|view| fund_json(fund, view)))
	}

	fn position(&self, fund: FundId, who: AccountId, at: Option<BlockHash>) -> RpcResult<Option<PositionJson>> {
		let at = block_or_best(&*self.client, at);
		let view = self.client.runtime_api().position(at, fund, who).map_err(runtime_error)?;
		Ok(view.map(position_json))
	}

	fn preview_subscribe(
		&self,
		fund: FundId,
		who: AccountId,
		amount_text: String,
		at: Option<BlockHash>,
	) -> RpcResult<String> {
		let value = amount(&amount_text)?;
		let at = block_or_best(&*self.client, at);
		let preview = self.client.runtime_api().preview_subscribe(at, fund, who, value).map_err(runtime_error)?;
		preview.map(|shares| shares.to_string()).map_err(refused)
	}

	fn preview_redeem(&self, fund: FundId, shares: String, at: Option<BlockHash>) -> RpcResult<RedeemPreviewJson> {
		let value = amount(&shares)?;
		let at = block_or_best(&*self.client, at);
		let preview = self.client.runtime_api().preview_redeem(at, fund, value).map_err(runtime_error)?;
		preview
			.map(|(amount, settles_at)| RedeemPreviewJson { amount: amount.to_string(), settles_at })
			.map_err(refused)
	}
}
