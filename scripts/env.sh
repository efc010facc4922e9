# Shared environment for every project script (sourced, not executed).
# One cargo target directory outside the clone, shared by run.sh, test.sh,
# bench.sh and CI, so a rebuild only recompiles what changed.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tokenize-chain/target}"
# The wasm runtime is built by the toolchain bootstrap.sh prepared (see there).
if [ -f "$HOME/.cache/tokenize-chain/wasm-toolchain" ]; then
	WASM_BUILD_TOOLCHAIN="$(cat "$HOME/.cache/tokenize-chain/wasm-toolchain")"
	export WASM_BUILD_TOOLCHAIN
fi
# Plain cargo output in logs.
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# The wasm runtime build resolves dependencies from our Cargo.lock.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"
NODE_BIN="$CARGO_TARGET_DIR/release/tokenize-node"
export NODE_BIN
