//! Chain specifications: `dev`, `local-consortium` and
//! `local-consortium-test` (short governance delay) from the runtime's
//! genesis presets, or a JSON file.

use sc_service::ChainType;
use tokenize_runtime::{
	genesis_config_presets::{LOCAL_CONSORTIUM_PRESET, LOCAL_CONSORTIUM_TEST_PRESET},
	WASM_BINARY,
};

pub type ChainSpec = sc_service::GenericChainSpec;

/// Properties polkadot-js apps shows: the native fee token.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "TKN".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the runtime wasm is missing: rebuild the node without SKIP_WASM_BUILD".to_string())
}

pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Tokenize Development")
		.with_id("tokenize_dev")
		.with_protocol_id("tokenize-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

pub fn local_consortium_chain_spec() -> Result<ChainSpec, String> {
	consortium_chain_spec("Tokenize Local Consortium", LOCAL_CONSORTIUM_PRESET)
}

/// The local consortium with a governance delay of a few blocks instead of a
/// day: what the zombienet upgrade test runs. Never for a real network.
pub fn local_consortium_test_chain_spec() -> Result<ChainSpec, String> {
	consortium_chain_spec("Tokenize Local Consortium (test: short governance delay)", LOCAL_CONSORTIUM_TEST_PRESET)
}

fn consortium_chain_spec(name: &str, preset: &str) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(name)
		.with_id("tokenize_local_consortium")
		.with_protocol_id("tokenize")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// Resolves `--chain`: a built-in name or the path of a chain-spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "" => Box::new(development_chain_spec()?),
		"local-consortium" | "local_consortium" => Box::new(local_consortium_chain_spec()?),
		"local-consortium-test" | "local_consortium_test" => Box::new(local_consortium_test_chain_spec()?),
		path => {
			let file = std::path::PathBuf::from(path);
			if !file.is_file() {
				return Err(format!(
					"unknown chain '{path}': use --chain dev, --chain local-consortium or the path of a chain-spec JSON file"
				));
			}
			Box::new(ChainSpec::from_json_file(file).map_err(|e| {
				format!("chain spec '{path}' is malformed ({e}); regenerate it with ./scripts/gen-chain-specs.sh")
			})?)
		},
	})
}
