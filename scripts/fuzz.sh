#!/usr/bin/env bash
# Fuzzes the readers: each cargo-fuzz target (fuzz/fuzz_targets/) runs for
# FUZZ_SECONDS (default 60) from a seed corpus of the real and awkward
# fixtures; any panic or failed assertion stops it with the input saved in
# fuzz/artifacts/. Not part of scripts/test.sh: about 4.5 minutes for three
# targets at 60 s each, plus ~1.5 minutes for the first build.
#
# cargo-fuzz needs nightly-only flags (-Zsanitizer=address, sancov passes).
# No nightly toolchain can be installed here, so the installed stable
# toolchain runs them with RUSTC_BOOTSTRAP=1, which unlocks them.
# Usage: bash scripts/fuzz.sh [target…]   FUZZ_SECONDS=600 bash scripts/fuzz.sh
source "$(dirname "$0")/setup.sh"
ensure_rust
command -v cargo-fuzz >/dev/null || { say "installing cargo-fuzz (about 1 minute)"; cargo install cargo-fuzz; }

SECONDS_EACH="${FUZZ_SECONDS:-60}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(read_multivu read_delimited segments)
export RUSTC_BOOTSTRAP=1

for t in "${TARGETS[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  # Seeds: the first 16 KiB of every fixture (libFuzzer's default -max_len
  # would otherwise cut the large files at 4 KiB anyway).
  for f in ../shared/fixtures/quantum-design/*.dat tests/data/readers/*.dat tests/data/readers/*.csv tests/data/readers/*.tsv; do
    [ -f "$f" ] && head -c 16384 "$f" > "$corpus/seed-$(basename "$f")"
  done
  say "fuzzing $t for ${SECONDS_EACH} s"
  cargo fuzz run --fuzz-dir fuzz "$t" "$corpus" -- \
    -max_total_time="$SECONDS_EACH" -max_len=16384 -timeout=10 -print_final_stats=1
done
say "no crash in ${#TARGETS[@]} targets × ${SECONDS_EACH} s"
