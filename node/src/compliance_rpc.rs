//! `compliance_*` JSON-RPC methods: the compliance layer's runtime API over
//! WebSocket/HTTP, for bank middleware (pre-checks before submitting) and
//! regulator read nodes (all methods are read-only, hence safe).
//!
//! Every method takes an optional block hash (`at`, default: best block).
//! Bad input (a malformed jurisdiction code) is an "invalid params" error
//! with a message; a runtime failure is error code 1 with the reason.

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorCode, ErrorObject, ErrorObjectOwned},
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use std::sync::Arc;
use tokenize_primitives::{
	runtime_api::{ComplianceApi, SpendableBalance},
	ComplianceFailure, Jurisdiction,
};
use tokenize_runtime::{
	opaque::Block, AccountId, AssetId, Balance, BreakerView, CorridorView, IdentityView,
};

type BlockHash = <Block as sp_runtime::traits::Block>::Hash;

/// Result of a compliance check: `compliant`, or the first failed check.
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ComplianceCheck {
	pub compliant: bool,
	pub failure: Option<ComplianceFailure>,
}

/// Result of a transfer pre-check (ERC-1404 style).
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct TransferCheck {
	pub allowed: bool,
	/// `Pallet::Error` the transfer would fail with, e.g. `CompliantAssets::ReceiverSanctioned`.
	pub reason: Option<String>,
}

/// Breaker state of one asset and one address.
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ScopeStatus {
	pub asset_paused: bool,
	pub address_frozen: bool,
}

#[rpc(server, namespace = "compliance")]
pub trait ComplianceRpcApi {
	/// The identity of `who` (status as of the block, roles, sanctions flags).
	#[method(name = "identity")]
	fn identity(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Option<IdentityView>>;

	/// Verified, not expired, not sanctioned, jurisdiction not blocked.
	#[method(name = "checkCompliance")]
	fn check_compliance(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<ComplianceCheck>;

	/// Whether a transfer would pass, and if not the named error it would fail with.
	#[method(name = "canTransfer")]
	fn can_transfer(
		&self,
		asset: AssetId,
		from: AccountId,
		to: AccountId,
		amount: Balance,
		at: Option<BlockHash>,
	) -> RpcResult<TransferCheck>;

	/// Balance, spendable amount and the active freezes of a holding.
	#[method(name = "spendableBalance")]
	fn spendable_balance(
		&self,
		asset: AssetId,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<SpendableBalance<Balance>>;

	/// Global pause (with its scheduled resume) and throttle states.
	#[method(name = "breakerStatus")]
	fn breaker_status(&self, at: Option<BlockHash>) -> RpcResult<BreakerView>;

	/// Whether an asset is paused and an address frozen by the breaker.
	#[method(name = "breakerScope")]
	fn breaker_scope(&self, asset: AssetId, who: AccountId, at: Option<BlockHash>) -> RpcResult<ScopeStatus>;

	/// A corridor between two ISO 3166-1 alpha-2 codes ("DE", "US") with today's volume.
	#[method(name = "corridorStatus")]
	fn corridor_status(
		&self,
		source: String,
		destination: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<CorridorView>>;
}

/// Implementation over a client that provides [`ComplianceApi`].
pub struct ComplianceRpc<C> {
	client: Arc<C>,
}

impl<C> ComplianceRpc<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// A runtime API failure: error code 1 with the reason (shared by every
/// RPC module of the node).
pub(crate) fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(1, "runtime API call failed", Some(error.to_string()))
}

/// The block a read-only method runs at: `at`, or the best block.
pub(crate) fn block_or_best<C: HeaderBackend<Block>>(client: &C, at: Option<BlockHash>) -> BlockHash {
	at.unwrap_or_else(|| client.info().best_hash)
}

/// "DE" → `Jurisdiction(*b"DE")`, refusing anything but two upper-case letters.
fn parse_jurisdiction(code: &str) -> Result<Jurisdiction, ErrorObjectOwned> {
	let bytes: [u8; 2] = code.as_bytes().try_into().map_err(|_| malformed(code))?;
	let jurisdiction = Jurisdiction(bytes);
	jurisdiction.is_well_formed().then_some(jurisdiction).ok_or_else(|| malformed(code))
}

fn malformed(code: &str) -> ErrorObjectOwned {
	ErrorObject::owned(
		ErrorCode::InvalidParams.code(),
		format!("'{code}' is not an ISO 3166-1 alpha-2 code: use two upper-case letters such as \"DE\""),
		None::<()>,
	)
}

impl<C> ComplianceRpc<C>
where
	C: HeaderBackend<Block>,
{
	fn at(&self, at: Option<BlockHash>) -> BlockHash {
		block_or_best(&*self.client, at)
	}
}

impl<C> ComplianceRpcApiServer for ComplianceRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ComplianceApi<Block, AccountId, AssetId, Balance, IdentityView, BreakerView, CorridorView>,
{
	fn identity(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Option<IdentityView>> {
		self.client.runtime_api().identity(self.at(at), who).map_err(runtime_error)
	}

	fn check_compliance(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<ComplianceCheck> {
		let result = self.client.runtime_api().check_compliance(self.at(at), who).map_err(runtime_error)?;
		Ok(ComplianceCheck { compliant: result.is_ok(), failure: result.err() })
	}

	fn can_transfer(
		&self,
		asset: AssetId,
		from: AccountId,
		to: AccountId,
		amount: Balance,
		at: Option<BlockHash>,
	) -> RpcResult<TransferCheck> {
		let result = self
			.client
			.runtime_api()
			.can_transfer(self.at(at), asset, from, to, amount)
			.map_err(runtime_error)?;
		Ok(TransferCheck { allowed: result.is_ok(), reason: result.err().map(|refusal| refusal.name) })
	}

	fn spendable_balance(
		&self,
		asset: AssetId,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<SpendableBalance<Balance>> {
		self.client.runtime_api().spendable_balance(self.at(at), asset, who).map_err(runtime_error)
	}

	fn breaker_status(&self, at: Option<BlockHash>) -> RpcResult<BreakerView> {
		self.client.runtime_api().breaker_status(self.at(at)).map_err(runtime_error)
	}

	fn breaker_scope(&self, asset: AssetId, who: AccountId, at: Option<BlockHash>) -> RpcResult<ScopeStatus> {
		let (asset_paused, address_frozen) =
			self.client.runtime_api().breaker_scope_status(self.at(at), asset, who).map_err(runtime_error)?;
		Ok(ScopeStatus { asset_paused, address_frozen })
	}

	fn corridor_status(
		&self,
		source: String,
		destination: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<CorridorView>> {
		let (source, destination) = (parse_jurisdiction(&source)?, parse_jurisdiction(&destination)?);
		self.client
			.runtime_api()
			.corridor_status(self.at(at), source, destination)
			.map_err(runtime_error)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn jurisdiction_codes_are_parsed_strictly() {
		assert_eq!(parse_jurisdiction("DE").ok(), Some(Jurisdiction(*b"DE")));
		for bad in ["de", "D", "DEU", "D1", ""] {
			let error = parse_jurisdiction(bad).err().map(|e| e.message().to_string());
			assert!(error.is_some_and(|m| m.contains("ISO 3166-1")), "{bad} accepted");
		}
	}
}
