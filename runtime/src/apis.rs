//! Runtime APIs the node and RPC clients call.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation is handled off chain by the consortium agreement;
			// there is no stake to slash.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl tokenize_primitives::runtime_api::ComplianceApi<
		Block, AccountId, AssetId, Balance, IdentityView, BreakerView, CorridorView,
	> for Runtime {
		fn identity(who: AccountId) -> Option<IdentityView> {
			IdentityRegistry::identity_summary(&who)
		}

		fn check_compliance(who: AccountId) -> Result<(), tokenize_primitives::ComplianceFailure> {
			<IdentityRegistry as tokenize_primitives::Compliance<AccountId>>::check_compliance(&who)
		}

		fn can_transfer(
			asset: AssetId,
			from: AccountId,
			to: AccountId,
			amount: Balance,
		) -> Result<(), tokenize_primitives::runtime_api::TransferRefusal> {
			CompliantAssets::can_transfer(asset, &from, &to, amount).map_err(crate::compliance_views::refusal)
		}

		fn spendable_balance(
			asset: AssetId,
			who: AccountId,
		) -> tokenize_primitives::runtime_api::SpendableBalance<Balance> {
			crate::compliance_views::spendable_balance(asset, &who)
		}

		fn breaker_status() -> BreakerView {
			CircuitBreaker::breaker_status()
		}

		fn breaker_scope_status(asset: AssetId, who: AccountId) -> (bool, bool) {
			(CircuitBreaker::asset_paused(asset).is_some(), Freeze::address_frozen(&who))
		}

		fn corridor_status(
			source: tokenize_primitives::Jurisdiction,
			destination: tokenize_primitives::Jurisdiction,
		) -> Option<CorridorView> {
			Corridor::corridor_status(source, destination)
		}
	}

	impl tokenize_primitives::runtime_api::DepositsApi<
		Block, AccountId, AssetId, Hash, BackingView, DepositView, RedemptionView, LiabilityTreeView, LiabilityProofView,
	> for Runtime {
		fn backing_status(asset: AssetId) -> Option<BackingView> {
			MintEscrow::backing_status(&asset)
		}

		fn deposit(deposit_ref: Hash) -> Option<DepositView> {
			pallet_mint_escrow::Deposits::<Runtime>::get(deposit_ref)
		}

		fn redemption(id: u64) -> Option<RedemptionView> {
			pallet_mint_escrow::Redemptions::<Runtime>::get(id)
		}

		fn overdue_deposits(asset: AssetId) -> Vec<(Hash, DepositView)> {
			MintEscrow::overdue_deposits(&asset)
		}

		fn liability_tree(asset: AssetId) -> LiabilityTreeView {
			MintEscrow::liability_tree(crate::compliance_views::holdings(asset))
		}

		fn liability_proof(asset: AssetId, holder: AccountId) -> Option<LiabilityProofView> {
			MintEscrow::liability_proof(crate::compliance_views::holdings(asset), &holder)
		}

		fn verify_liability(asset: AssetId, proof: LiabilityProofView) -> bool {
			MintEscrow::verify_liability(&asset, &proof)
		}
	}

	impl tokenize_primitives::runtime_api::PaymentsApi<Block, Hash, PaymentView, pallet_payments::DataVerification>
		for Runtime
	{
		fn payment(tx_id: [u8; 16]) -> Option<PaymentView> {
			Payments::payment_view(tx_id)
		}

		fn verify_data(tx_id: [u8; 16], hash: Hash) -> pallet_payments::DataVerification {
			Payments::verify_data(tx_id, hash)
		}
	}

	impl tokenize_primitives::runtime_api::FundsApi<Block, AccountId, Balance, FundView, PositionView> for Runtime {
		fn fund(fund: tokenize_primitives::FundId) -> Option<FundView> {
			match fund {
				configs::TMMF_FUND => Tmmf::fund_view(),
				configs::TMF_FUND => Tmf::fund_view(),
				_ => None,
			}
		}

		fn position(fund: tokenize_primitives::FundId, who: AccountId) -> Option<PositionView> {
			match fund {
				configs::TMMF_FUND => Some(Tmmf::position(&who)),
				configs::TMF_FUND => Some(Tmf::position(&who)),
				_ => None,
			}
		}

		fn preview_subscribe(
			fund: tokenize_primitives::FundId,
			who: AccountId,
			amount: Balance,
		) -> Result<Balance, tokenize_primitives::runtime_api::TransferRefusal> {
			let preview = match fund {
				configs::TMMF_FUND => Tmmf::preview_subscribe(&who, amount),
				configs::TMF_FUND => Tmf::preview_subscribe(&who, amount),
				_ => Err(sp_runtime::DispatchError::Other("UnknownFund")),
			};
			preview.map_err(crate::compliance_views::refusal)
		}

		fn preview_redeem(
			fund: tokenize_primitives::FundId,
			shares: Balance,
		) -> Result<(Balance, u64), tokenize_primitives::runtime_api::TransferRefusal> {
			let preview = match fund {
				configs::TMMF_FUND => Tmmf::preview_redeem(shares),
				configs::TMF_FUND => Tmf::preview_redeem(shares),
				_ => Err(sp_runtime::DispatchError::Other("UnknownFund")),
			};
			preview.map_err(crate::compliance_views::refusal)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use baseline::Pallet as BaselineBench;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use baseline::Pallet as BaselineBench;
			use frame_support::traits::WhitelistedStorageKeys;

			impl frame_system_benchmarking::Config for Runtime {}
			impl baseline::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
