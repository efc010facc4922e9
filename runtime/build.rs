fn main() {
	#[cfg(feature = "std")]
	{
		// The runtime the node embeds (`WASM_BINARY`).
		substrate_wasm_builder::WasmBuilder::init_with_defaults().build();
		// The same runtime announcing the next spec_version (feature
		// `upgrade-test`), written beside it under its own name and never
		// embedded: the code the governance upgrade tests (e2e, zombienet)
		// ask the council to install. Built here, in the wasm build the node
		// already does, it shares every compiled dependency and costs one
		// more compile of this crate.
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("upgrade-test")
			.set_file_name("tokenize_runtime_upgrade_test")
			.build();
	}
}
