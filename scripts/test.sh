#!/usr/bin/env bash
# The whole test suite, from a fresh clone (Debian 12, as root):
#  1. a release build and every unit, quality-gate and end-to-end test (ctest);
#  2. the same tests built with AddressSanitizer and UndefinedBehaviorSanitizer;
#  3. `cmake --install` to a prefix; the examples built against it with CMake
#     and with pkg-config, and run;
#  4. the Debian package (cpack -G DEB) installed with apt and its
#     amicus-search --stats run on the demo database;
#  5. every libFuzzer target for a bounded time (FUZZ_SECONDS, default 60).
# SKIP_FUZZ=1 or SKIP_DEB=1 leave out steps 5 or 4 (for quick local runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== 1. release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== 2. sanitizer build (address, undefined) and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAMICUS_SANITIZE=ON -DAMICUS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== 3. install to a prefix; examples with CMake and with pkg-config"
cmake --install build --prefix "$tmp/prefix" >/dev/null
cmake -S examples -B build-examples -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build build-examples -j"$jobs"
examples/build-with-pkg-config.sh "$tmp/prefix" "$tmp/examples-pc"
for dir in build-examples "$tmp/examples-pc"; do
  rm -rf "$tmp/example.db"
  "$dir/index_and_search" "$tmp/example.db" tests/data/releases.jsonl sanctuary
  "$dir/entity_search" "$tmp/example.db" ICE
done

if [ "${SKIP_DEB:-0}" != 1 ]; then
  echo "== 4. Debian package"
  (cd build && cpack -G DEB >/dev/null)
  deb=$(ls build/amicus_*.deb)
  apt-get install -y -qq "./$deb" >/dev/null
  /usr/bin/amicus-index --quiet --db "$tmp/demo.db" /usr/share/amicus/sample/releases.jsonl
  /usr/bin/amicus-search --db "$tmp/demo.db" --stats
  apt-get remove -y -qq amicus >/dev/null
fi

if [ "${SKIP_FUZZ:-0}" != 1 ] && [ -f scripts/fuzz.sh ]; then
  echo "== 5. fuzzers"
  bash scripts/fuzz.sh
fi
echo "== all tests passed"
