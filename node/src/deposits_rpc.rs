//! `deposits_*` JSON-RPC methods: the mint escrow's runtime API for bank
//! middleware, auditors and regulator read nodes (all read-only).
//!
//! Every method takes an optional block hash (`at`, default: best block). The
//! liability tree and proofs are rebuilt from the state at `at`: an auditor
//! passes the hash of the block the depositary attested `asOf`, and gets the
//! root the depositary must have attested.

use crate::compliance_rpc::{block_or_best, runtime_error};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use std::sync::Arc;
use tokenize_primitives::runtime_api::DepositsApi;
use tokenize_runtime::{
	opaque::Block, AccountId, AssetId, BackingView, DepositView, Hash, LiabilityProofView, LiabilityTreeView,
	RedemptionView,
};

type BlockHash = <Block as sp_runtime::traits::Block>::Hash;

#[rpc(server, namespace = "deposits")]
pub trait DepositsRpcApi {
	/// Supply, provisional part, attested fiat, attestation age, headroom,
	/// stale and paused flags of a deposit token (`null` for another asset).
	#[method(name = "backingStatus")]
	fn backing_status(&self, asset: AssetId, at: Option<BlockHash>) -> RpcResult<Option<BackingView>>;

	/// A deposit by the keccak-256 hash of its SEPA reference.
	#[method(name = "deposit")]
	fn deposit(&self, deposit_ref: Hash, at: Option<BlockHash>) -> RpcResult<Option<DepositView>>;

	/// A redemption by id.
	#[method(name = "redemption")]
	fn redemption(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Option<RedemptionView>>;

	/// Provisional deposits older than the token's clearing window, oldest first.
	#[method(name = "overdueDeposits")]
	fn overdue_deposits(&self, asset: AssetId, at: Option<BlockHash>) -> RpcResult<Vec<(Hash, DepositView)>>;

	/// Root, total and size of the liability tree of the token's holders at `at`.
	#[method(name = "liabilityTree")]
	fn liability_tree(&self, asset: AssetId, at: Option<BlockHash>) -> RpcResult<LiabilityTreeView>;

	/// `account`'s leaf and inclusion proof in the tree at `at` (`null` when
	/// it holds nothing).
	#[method(name = "liabilityProof")]
	fn liability_proof(
		&self,
		asset: AssetId,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<LiabilityProofView>>;

	/// Whether `proof` shows its leaf in the token's last attested tree.
	#[method(name = "verifyLiability")]
	fn verify_liability(&self, asset: AssetId, proof: LiabilityProofView, at: Option<BlockHash>) -> RpcResult<bool>;
}

/// Implementation over a client that provides [`DepositsApi`].
pub struct DepositsRpc<C> {
	client: Arc<C>,
}

impl<C> DepositsRpc<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> DepositsRpcApiServer for DepositsRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DepositsApi<
		Block,
		AccountId,
		AssetId,
		Hash,
		BackingView,
		DepositView,
		RedemptionView,
		LiabilityTreeView,
		LiabilityProofView,
	>,
{
	fn backing_status(&self, asset: AssetId, at: Option<BlockHash>) -> RpcResult<Option<BackingView>> {
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().backing_status(at, asset).map_err(runtime_error)
	}

	fn deposit(&self, deposit_ref: Hash, at: Option<BlockHash>) -> RpcResult<Option<DepositView>> {
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().deposit(at, deposit_ref).map_err(runtime_error)
	}

	fn redemption(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Option<RedemptionView>> {
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().redemption(at, id).map_err(runtime_error)
	}

	fn overdue_deposits(&self, asset: AssetId, at: Option<BlockHash>) -> RpcResult<Vec<(Hash, DepositView)>> {
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().overdue_deposits(at, asset).map_err(runtime_error)
	}

	fn liability_tree(&self, asset: AssetId, at: Option<BlockHash>) -> RpcResult<LiabilityTreeView> {
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().liability_tree(at, asset).map_err(runtime_error)
	}

	fn liability_proof(
		&self,
		asset: AssetId,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<LiabilityProofView>> {
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().liability_proof(at, asset, account).map_err(runtime_error)
	}

	fn verify_liability(&self, asset: AssetId, proof: LiabilityProofView, at: Option<BlockHash>) -> RpcResult<bool> {
		let at = block_or_best(&*self.client, at);
		self.client.runtime_api().verify_liability(at, asset, proof).map_err(runtime_error)
	}
}
