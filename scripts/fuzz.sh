#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, address and undefined
# sanitizers, and runs each for a bounded time. Fails when a target finds a
# crash, a sanitizer error, a hang or an out-of-memory input, printing the
# reproducer's path; rerun one with: <build>/fuzz/amicus_fuzz_<target> <file>
#
# Environment:
#   FUZZ_SECONDS    seconds per target (default 60)
#   FUZZ_BUILD_DIR  build folder (default <repo>/build-fuzz)
#   FUZZ_TARGETS    targets to run (default: every amicus_fuzz_* built)
#   FUZZ_JOBS       build parallelism (default 2)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found; run scripts/install-deps.sh" >&2; exit 2; }

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DAMICUS_BUILD_FUZZERS=ON \
  -DAMICUS_BUILD_TESTS=OFF -DAMICUS_BUILD_BENCH=OFF -DAMICUS_BUILD_TOOLS=OFF >/dev/null
cmake --build "$build" --target amicus_fuzzers -j "$jobs"

corpus="$build/fuzz-corpus"
python3 "$root/fuzz/make_seeds.py" "$root" "$corpus"

if [ -n "${FUZZ_TARGETS:-}" ]; then
  targets=$FUZZ_TARGETS
else
  targets=$(cd "$build/fuzz" && ls amicus_fuzz_* | sed 's/^amicus_fuzz_//' | sort)
fi

# UB is an error, not a warning; leaks of process-lifetime singletons are
# not reported by LeakSanitizer (they stay reachable).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
# Leaks made inside libxapian (its QueryParser loses a few objects on some
# syntax errors) are Xapian 1.4's, not amicus's: see tests/lsan.supp.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}

failed=()
for t in $targets; do
  bin="$build/fuzz/amicus_fuzz_$t"
  [ -x "$bin" ] || { echo "fuzz.sh: no target $t" >&2; failed+=("$t"); continue; }
  mkdir -p "$corpus/$t" "$build/fuzz-artifacts/$t"
  args=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$build/fuzz-artifacts/$t/")
  case $t in
    query) args+=(-max_len=4096 -dict="$root/fuzz/query.dict") ;;
    *) args+=(-max_len=65536) ;;
  esac
  echo "fuzz.sh: $t for ${seconds}s"
  log="$build/fuzz-artifacts/$t.log"
  if "$bin" "${args[@]}" "$corpus/$t" >"$log" 2>&1; then
    grep -E "^(stat::number_of_executed_units|Done)" "$log" | sed "s/^/  $t: /" || true
  else
    failed+=("$t")
    echo "fuzz.sh: $t FAILED; log: $log" >&2
    grep -E "ERROR: |SUMMARY: |runtime error|Test unit written to" "$log" | head -8 >&2 || true
    repro=$(grep -o "Test unit written to .*" "$log" | tail -1 | sed 's/Test unit written to //' || true)
    [ -n "$repro" ] && echo "fuzz.sh: reproducer: $repro  (run: $bin $repro)" >&2
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: failures in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: all targets ran ${seconds}s without a failure"
