//! JSON-RPC methods beyond the ones sc-service provides.

use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;
use tokenize_runtime::{opaque::Block, AccountId, Balance, Nonce};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	pub client: Arc<C>,
	pub pool: Arc<P>,
	/// Serve `dev_advanceClock` (development chains only).
	pub dev_clock: bool,
}

/// All RPC extensions of a full node.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ tokenize_primitives::runtime_api::ComplianceApi<
			Block,
			AccountId,
			tokenize_runtime::AssetId,
			Balance,
			tokenize_runtime::IdentityView,
			tokenize_runtime::BreakerView,
			tokenize_runtime::CorridorView,
		> + tokenize_primitives::runtime_api::DepositsApi<
			Block,
			AccountId,
			tokenize_runtime::AssetId,
			tokenize_runtime::Hash,
			tokenize_runtime::BackingView,
			tokenize_runtime::DepositView,
			tokenize_runtime::RedemptionView,
			tokenize_runtime::LiabilityTreeView,
			tokenize_runtime::LiabilityProofView,
		> + tokenize_primitives::runtime_api::PaymentsApi<
			Block,
			tokenize_runtime::Hash,
			tokenize_runtime::PaymentView,
			pallet_payments::DataVerification,
		> + tokenize_primitives::runtime_api::FundsApi<
			Block,
			AccountId,
			Balance,
			tokenize_runtime::FundView,
			tokenize_runtime::PositionView,
		> + BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use crate::compliance_rpc::{ComplianceRpc, ComplianceRpcApiServer};
	use crate::deposits_rpc::{DepositsRpc, DepositsRpcApiServer};
	use crate::funds_rpc::{FundsRpc, FundsRpcApiServer};
	use crate::payments_rpc::{PaymentsRpc, PaymentsRpcApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, dev_clock } = deps;
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(ComplianceRpc::new(client.clone()).into_rpc())?;
	module.merge(DepositsRpc::new(client.clone()).into_rpc())?;
	module.merge(PaymentsRpc::new(client.clone()).into_rpc())?;
	module.merge(FundsRpc::new(client).into_rpc())?;
	if dev_clock {
		use crate::dev_clock::{DevClock, DevClockApiServer};
		module.merge(DevClock.into_rpc())?;
	}
	Ok(module)
}
