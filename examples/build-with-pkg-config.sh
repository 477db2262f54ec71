#!/usr/bin/env bash
# Builds the examples with pkg-config instead of CMake:
#   examples/build-with-pkg-config.sh PREFIX OUTDIR
# PREFIX is where amicus is installed (its lib/pkgconfig/amicus.pc).
set -euo pipefail
prefix=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/$(gcc -print-multiarch 2>/dev/null || true)/pkgconfig:${PKG_CONFIG_PATH:-}"
mkdir -p "$out"
for example in index_and_search entity_search; do
  # shellcheck disable=SC2046
  c++ -std=c++17 -O2 "$here/$example.cc" -o "$out/$example" $(pkg-config --cflags --libs amicus) \
    -Wl,-rpath,"$(pkg-config --variable=libdir amicus)"
done
