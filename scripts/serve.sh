#!/usr/bin/env bash
# Builds the release package and serves the site at http://127.0.0.1:8000/
# (PORT=… to change the port).
source "$(dirname "$0")/setup.sh"
ensure_rust; ensure_wasm_tools; ensure_npm
build_pkg
exec node tests/serve.mjs --port "${PORT:-8000}"
