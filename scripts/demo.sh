#!/usr/bin/env bash
# The main job, from a fresh clone: install dependencies, build, index the
# bundled sample releases into ./amicus.db and run a sample query.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DAMICUS_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)"
./build/amicus-index --db amicus.db tests/data/releases.jsonl
echo
echo '$ amicus-search --db amicus.db sanctuary published:2026-01'
./build/amicus-search --db amicus.db sanctuary published:2026-01
