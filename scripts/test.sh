#!/usr/bin/env bash
# The whole test suite, from a fresh clone:
#  1. a release build and every unit, quality-gate and end-to-end test (ctest);
#  2. the same tests built with AddressSanitizer and UndefinedBehaviorSanitizer;
#  3. `cmake --install` to a prefix and the examples built against it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

echo "== release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== sanitizer build (address, undefined) and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DAMICUS_SANITIZE=ON -DAMICUS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== install and build the examples against the installed package"
prefix=$(mktemp -d)
cmake --install build --prefix "$prefix" >/dev/null
cmake -S examples -B build-examples -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build build-examples -j"$jobs"
db=$(mktemp -d)/example.db
./build-examples/index_and_search "$db" tests/data/releases.jsonl "sanctuary"
rm -rf "$prefix" "$(dirname "$db")"
echo "== all tests passed"
