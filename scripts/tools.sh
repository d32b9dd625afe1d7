# Tool set-up shared by ./run and ./test (source it from the repository root; bash).
#
# Installs only what is missing or at the wrong version, and says what it installs:
#   - Rust target wasm32-unknown-unknown                  (rustup)
#   - trunk 0.21.14                                        (cargo install --locked, ~14 min cold)
#   - wasm-bindgen-cli = the wasm-bindgen of Cargo.lock    (cargo install, ~7 min cold; without
#     --locked: its lock file wants a webpki-roots the registry mirror may not have)
#   - wasm-opt from npm binaryen@132.0.0, in .tools/ (git-ignored; Debian's binaryen 108 cannot
#     read wasm-bindgen 0.2.130 output)
#   - for tests only: chromium + chromium-driver (apt, same version; needs root)
# Nothing is downloaded from GitHub: Trunk finds wasm-bindgen and wasm-opt on PATH.

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0

ROOT=$(pwd)
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true # Trunk otherwise asks the registry for a newer Trunk

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version pinned in Cargo.lock.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
    command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
    if command -v rustup >/dev/null; then
        if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
            say "installing Rust target wasm32-unknown-unknown (rustup)"
            rustup target add wasm32-unknown-unknown || return
        fi
        local c
        for c in rustfmt clippy; do
            if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
                say "installing Rust component $c (rustup)"
                rustup component add "$c" || return
            fi
        done
    fi
}

ensure_trunk() {
    if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
        return
    fi
    say "installing trunk $TRUNK_VERSION (cargo install; about 14 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
    local v
    v=$(wasm_bindgen_version)
    [ -n "$v" ] || die "no wasm-bindgen in Cargo.lock"
    if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $v" &&
        wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $v\$"; then
        return
    fi
    say "installing wasm-bindgen-cli $v, the version in Cargo.lock (cargo install; about 7 minutes)"
    # No --locked: the CLI's own lock file pins crates the registry mirror may lack.
    cargo install wasm-bindgen-cli --version "$v"
}

ensure_node() {
    if command -v npm >/dev/null; then
        return
    fi
    [ "$(id -u)" = 0 ] || die "npm not found; install Node.js and npm (needed for wasm-opt)"
    say "installing nodejs + npm (apt)"
    apt-get update &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
}

ensure_wasm_opt() {
    local want="version_${BINARYEN_VERSION%%.*}"
    if "$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "($want)"; then
        return
    fi
    ensure_node
    say "installing wasm-opt: npm binaryen@$BINARYEN_VERSION into .tools/"
    npm install --prefix "$ROOT/.tools" --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION"
}

ensure_build_tools() {
    ensure_rust && ensure_trunk && ensure_wasm_bindgen && ensure_wasm_opt
}

ensure_browser() {
    local need=()
    command -v chromium >/dev/null || need+=(chromium)
    command -v chromedriver >/dev/null || need+=(chromium-driver)
    if [ ${#need[@]} -gt 0 ]; then
        [ "$(id -u)" = 0 ] || die "missing ${need[*]}: run as root, or apt-get install chromium chromium-driver"
        say "installing ${need[*]} (apt)"
        apt-get update &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver ||
            return
    fi
    # chromedriver only drives a Chromium of its own major version.
    local cv dv
    cv=$(chromium --version 2>/dev/null | grep -o '[0-9]\+\.' | head -1)
    dv=$(chromedriver --version 2>/dev/null | grep -o '[0-9]\+\.' | head -1)
    [ "$cv" = "$dv" ] || die "chromium ($cv) and chromedriver ($dv) majors differ: apt-get install chromium chromium-driver"
    export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
    export CHROME="${CHROME:-$(command -v chromium)}"
}
