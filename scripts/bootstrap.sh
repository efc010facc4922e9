#!/usr/bin/env bash
# Installs everything a build of the Tokenize chain needs on a fresh machine.
# Idempotent and quiet: when everything is in place it only checks and returns.
#
# Wasm toolchain, two cases:
#  - rustup can fetch components (a normal online machine): add the wasm32v1-none
#    (or wasm32-unknown-unknown) target and rust-src to the default toolchain.
#  - rustup cannot fetch (these machines): use Debian's rustc-web (rustc >= 1.84
#    with its std sources), link it as the rustup toolchain "tokenize-wasm" and
#    build a precompiled core/alloc for wasm32v1-none once, because
#    substrate-wasm-builder first checks the target with a dummy crate that is
#    compiled without build-std.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
STATE_DIR="$HOME/.cache/tokenize-chain"
mkdir -p "$STATE_DIR"
log() { echo "bootstrap: $*" >&2; }
die() { echo "bootstrap: error: $*" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# --- Debian packages -------------------------------------------------------
DEB_PACKAGES=(protobuf-compiler clang libclang-dev pkg-config make curl python3 libxml2-utils)
WEB_PACKAGES=(rustc-web cargo-web rust-web-src lld-22)
missing=()
for p in "${DEB_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done

need_web_rust=0
if ! rustup target list --installed 2>/dev/null | grep -qE '^wasm32(v1-none|-unknown-unknown)$'; then
	# Try the online route first; fall back to Debian's rustc-web.
	if timeout 60 rustup target add wasm32v1-none >/dev/null 2>&1 \
		&& timeout 60 rustup component add rust-src >/dev/null 2>&1; then
		log "added wasm32v1-none and rust-src through rustup"
		rm -f "$STATE_DIR/wasm-toolchain"
	else
		need_web_rust=1
		for p in "${WEB_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
		# rust-web-llvm ships rust-lld's LLVM on some releases; install when present.
		if apt-cache show rust-web-llvm >/dev/null 2>&1 && ! dpkg -s rust-web-llvm >/dev/null 2>&1; then
			missing+=(rust-web-llvm)
		fi
	fi
fi
if [ "${#missing[@]}" -gt 0 ]; then
	log "installing Debian packages: ${missing[*]}"
	command -v apt-get >/dev/null || die "apt-get not found; install ${missing[*]} by hand"
	$SUDO apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
		|| die "apt-get could not install ${missing[*]}"
fi

# --- Linked wasm toolchain (offline case) ---------------------------------
if [ "$need_web_rust" -eq 1 ]; then
	TC=tokenize-wasm
	[ -x /usr/bin/rustc ] || die "/usr/bin/rustc missing after installing rustc-web"
	if ! rustup toolchain list | grep -q "^$TC"; then
		rustup toolchain link "$TC" /usr >/dev/null
		log "linked rustup toolchain $TC -> /usr ($(/usr/bin/rustc --version))"
	fi
	echo "$TC" > "$STATE_DIR/wasm-toolchain"
	SYSROOT_LIB=/usr/lib/rustlib/wasm32v1-none/lib
	if ! ls "$SYSROOT_LIB"/libcore-*.rlib >/dev/null 2>&1; then
		log "building core/alloc for wasm32v1-none (once, ~1 min)"
		tmp="$(mktemp -d)"
		mkdir -p "$tmp/src"
		printf '[package]\nname = "wasm-core-seed"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n[workspace]\n' > "$tmp/Cargo.toml"
		echo '#![no_std]' > "$tmp/src/lib.rs"
		# Bitcode is embedded because the runtime is built with LTO.
		( cd "$tmp" && RUSTFLAGS="-C embed-bitcode=yes" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$tmp/target" \
			rustup run "$TC" cargo build -q --release --target wasm32v1-none -Zbuild-std=core,alloc ) \
			|| die "could not build core for wasm32v1-none"
		$SUDO mkdir -p "$SYSROOT_LIB"
		$SUDO cp "$tmp"/target/wasm32v1-none/release/deps/{libcore-,liballoc-,libcompiler_builtins-}*.rlib "$SYSROOT_LIB"/
		rm -rf "$tmp"
		# Artefacts built against older rlibs would fail with E0463: drop them.
		rm -rf "$CARGO_TARGET_DIR"/*/wbuild
	fi
fi

# --- npm packages for e2e/ and zombienet/ ---------------------------------
for dir in e2e zombienet; do
	d="$REPO_ROOT/$dir"
	[ -f "$d/package-lock.json" ] || continue
	if [ ! -d "$d/node_modules" ] || [ "$d/package-lock.json" -nt "$d/node_modules/.package-lock.json" ]; then
		command -v npm >/dev/null || die "npm not found; install Node.js >= 20"
		log "installing npm packages in $dir/"
		( cd "$d" && npm ci --no-audit --no-fund --loglevel=error >/dev/null ) || die "npm ci failed in $dir/"
	fi
done
exit 0
