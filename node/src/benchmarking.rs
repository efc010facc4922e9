//! What `benchmark overhead` needs from this node (runtime-benchmarks
//! builds only): signed `System::remark` extrinsics carrying the runtime's
//! own transaction extensions, and the inherent data of a block.
//!
//! The overhead benchmark measures an empty block (the block execution
//! weight) and a block full of remarks (the per-extrinsic base weight). A
//! remark goes through the whole extension pipeline (nonce window, weight,
//! the verified-sender admission), so the measured base weight includes the
//! extensions' work: declared weight errs on the side of the real cost.

use sc_cli::Result;
use sp_core::{crypto::Pair as _, Encode};
use sp_inherents::InherentDataProvider as _;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, OpaqueExtrinsic, SaturatedConversion};
use std::sync::Arc;
use tokenize_runtime as runtime;

use crate::service::FullClient;

/// Builds `System::remark` extrinsics signed by Alice (a verified bank on
/// the development chain) with increasing nonces.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = runtime::RuntimeCall::System(runtime::SystemCall::remark { remark: vec![] });
		let signed = signed_extrinsic(&self.client, Sr25519Keyring::Alice.pair(), call, nonce)?;
		Ok(signed.into())
	}
}

/// `call` signed by `sender` with the runtime's transaction extensions,
/// immortal, at nonce `nonce`.
fn signed_extrinsic(
	client: &FullClient,
	sender: sp_core::sr25519::Pair,
	call: runtime::RuntimeCall,
	nonce: u32,
) -> std::result::Result<runtime::UncheckedExtrinsic, &'static str> {
	use sp_blockchain::HeaderBackend;
	let genesis = client.hash(0).ok().flatten().ok_or("the database has no genesis block")?;
	let extensions: runtime::TxExtension = (
		frame_system::CheckNonZeroSender::<runtime::Runtime>::new(),
		frame_system::CheckSpecVersion::<runtime::Runtime>::new(),
		frame_system::CheckTxVersion::<runtime::Runtime>::new(),
		frame_system::CheckGenesis::<runtime::Runtime>::new(),
		frame_system::CheckEra::<runtime::Runtime>::from(Era::Immortal),
		runtime::policy::CheckNonceWithinWindow::from(nonce.saturated_into()),
		frame_system::CheckWeight::<runtime::Runtime>::new(),
		runtime::policy::VerifiedSender,
		frame_system::WeightReclaim::<runtime::Runtime>::new(),
	);
	let implicit = (
		(),
		runtime::VERSION.spec_version,
		runtime::VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		(),
	);
	let payload = runtime::SignedPayload::from_raw(call.clone(), extensions.clone(), implicit);
	let signature = payload.using_encoded(|bytes| sender.sign(bytes));
	Ok(runtime::UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::AccountId32::from(sender.public()).into(),
		runtime::Signature::Sr25519(signature),
		extensions,
	))
}

/// Inherent data of a benchmark block: timestamp 0, which is Aura slot 0,
/// the slot a genesis state expects (the benchmark builds no pre-digest).
pub fn inherent_data() -> Result<sp_inherents::InherentData> {
	let mut data = sp_inherents::InherentData::new();
	futures::executor::block_on(sp_timestamp::InherentDataProvider::new(0u64.into()).provide_inherent_data(&mut data))
		.map_err(|e| format!("creating the timestamp inherent: {e:?}"))?;
	Ok(data)
}
