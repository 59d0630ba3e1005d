#!/usr/bin/env bash
# Prints the benchmark tables: ktao natively and in headless Chromium next to
# SciPy on the same data, and the release .wasm size raw and gzipped.
# `bash scripts/bench.sh fits`: only the superconductivity block (every fit
# and model evaluation of Figs. 1b–f, S3, S4), in about a minute.
source "$(dirname "$0")/setup.sh"
ensure_rust; ensure_wasm_tools; ensure_chromium; ensure_npm; ensure_venv
build_pkg
node tests/bench/run.mjs "$@"
