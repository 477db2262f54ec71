#!/usr/bin/env bash
# End-to-end comparison of amicus with a minimal raw-Xapian indexer
# (issue 8), in one run on one machine:
#   1. build the release binaries (amicus-index, the raw indexer and the
#      query timers of bench/, extract_bench);
#   2. generate a corpus with shared/tools/gen-corpus --docs N --seed 1;
#   3. index it with bench/raw_xapian_index (commit every 1000) and with
#      amicus-index (full extraction), BENCH_INDEX_RUNS times each in the
#      order raw, amicus, amicus, raw (the host's drift favours neither),
#      measuring wall time, releases/s, MB/s of text, peak RSS and CPU (GNU
#      time -v), and database size (du -sb);
#   4. time the queries of shared/data/bench/queries.txt on both databases
#      with bench/compare_queries: in one process (start-up is not timed),
#      one untimed pass, then BENCH_ROUNDS rounds in which raw with the
#      QueryParser's default OR, raw with AND (amicus's default), amicus
#      plain and amicus with facets take turns, so that a machine whose
#      speed drifts slows all four alike;
#   5. extraction throughput (extract_bench BM_Extractor, one core);
#   6. print the ratios against the issue-8 targets.
#
# Usage: scripts/bench.sh [SHARED_DIR]
# Environment:
#   BENCH_DOCS        releases to generate (default 100000)
#   BENCH_SHARED      the shared/ folder (default: $1, else ../shared next to the repo)
#   BENCH_ROUNDS      timed query rounds (default 10)
#   BENCH_INDEX_RUNS  times each indexer runs, alternating ABBA (default 2)
#   BENCH_BUILD_DIR   build folder (default build-bench in the repo)
#   BENCH_WORK        where the corpus and databases go (default: a new temp folder)
#   BENCH_KEEP=1      keep BENCH_WORK afterwards (default: removed)
#   BENCH_SKIP_BUILD=1  use the binaries already in BENCH_BUILD_DIR
#   BENCH_SHARDS      amicus-index --shards (default: the number of cores, its
#                     fastest setting here: one shard written per core)
#   BENCH_RAW_JEMALLOC=0  skip the second raw run with jemalloc preloaded (the
#                     allocator amicus's tools link; shown so that the
#                     allocator's share of the ratio is visible)
#
# Needs GNU time at /usr/bin/time (Debian: apt-get install time); it is not
# in scripts/install-deps.sh because only this script uses it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
docs=${BENCH_DOCS:-100000}
shared=${BENCH_SHARED:-${1:-$repo/../shared}}
rounds=${BENCH_ROUNDS:-10}
index_runs=${BENCH_INDEX_RUNS:-2}
build=${BENCH_BUILD_DIR:-$repo/build-bench}
work=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/amicus-bench-XXXXXX")}
queries=$shared/data/bench/queries.txt
shards=${BENCH_SHARDS:-$(nproc)}
jemalloc=$(ls /usr/lib/*/libjemalloc.so.2 2>/dev/null | head -1 || true)

die() { echo "bench.sh: $*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "GNU time is missing at /usr/bin/time; install it (Debian: apt-get install time)"
[ -x "$shared/tools/gen-corpus" ] || die "no gen-corpus in $shared/tools; pass the shared folder as \$1 or BENCH_SHARED"
[ -r "$queries" ] || die "cannot read $queries"
[[ "$index_runs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_INDEX_RUNS=$index_runs: give a whole number of runs, 1 or more"
mkdir -p "$work"
if [ "${BENCH_KEEP:-0}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "== build ($build, Release)"
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DAMICUS_BUILD_TESTS=OFF -DAMICUS_BUILD_BENCH=ON \
        -DAMICUS_BUILD_TOOLS=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target amicus-index raw_xapian_index compare_queries extract_bench \
        >/dev/null
fi
bin=$build/bench

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== corpus: gen-corpus --docs $docs --seed 1"
corpus=$work/corpus.jsonl
"$shared/tools/gen-corpus" --docs "$docs" --seed 1 --out "$corpus"
echo "   $(wc -l <"$corpus") releases, $(du -b "$corpus" | cut -f1) bytes of JSONL"

# run_timed NAME CMD...: runs CMD under GNU time; sets wall_NAME, rss_NAME (KB), cpu_NAME (%).
run_timed() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" \
    || { cat "$work/$name.err" >&2; die "$name failed"; }
  t1=$(date +%s.%N)
  eval "wall_$name=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')"
  eval "rss_$name=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/$name.time")"
  eval "cpu_$name=$(awk -F': ' '/Percent of CPU/{sub("%","",$2); print $2}' "$work/$name.time")"
}

# Each indexer runs BENCH_INDEX_RUNS times into a new database, in the
# order raw, amicus, amicus, raw, raw, ... (ABBA), so that a machine whose
# speed drifts during the runs favours neither; wall time and CPU are the
# means over the runs, peak RSS the largest.
raw_walls=(); amicus_walls=(); raw_cpus=(); amicus_cpus=(); rss_raw_max=0; rss_amicus_max=0
index_raw() {
  echo "== index: raw Xapian (commit every 1000), run $1 of $index_runs"
  rm -rf "$work/raw.db"
  run_timed raw "$bin/raw_xapian_index" --db "$work/raw.db" --commit 1000 "$corpus"
  cat "$work/raw.out"
  raw_walls+=("$wall_raw"); raw_cpus+=("$cpu_raw")
  if [ "$rss_raw" -gt "$rss_raw_max" ]; then rss_raw_max=$rss_raw; fi
}
index_amicus() {
  echo "== index: amicus-index (full extraction, --shards $shards), run $1 of $index_runs"
  rm -rf "$work/amicus.db"
  run_timed amicus "$build/amicus-index" --db "$work/amicus.db" --shards "$shards" "$corpus"
  cat "$work/amicus.err"
  amicus_walls+=("$wall_amicus"); amicus_cpus+=("$cpu_amicus")
  if [ "$rss_amicus" -gt "$rss_amicus_max" ]; then rss_amicus_max=$rss_amicus; fi
}
mean() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.3f", s / NR}'; }
ldd "$build/amicus-index" | grep -q jemalloc && echo "   (amicus-index links jemalloc)"
for ((run = 1; run <= index_runs; run++)); do
  if [ $((run % 2)) = 1 ]; then index_raw "$run"; index_amicus "$run"; else index_amicus "$run"; index_raw "$run"; fi
done
text_bytes=$(sed -n 's/.*text_bytes=\([0-9]*\).*/\1/p' "$work/raw.out")
nrel=$(sed -n 's/.*releases=\([0-9]*\) .*/\1/p' "$work/raw.out")
index_runs_list=$(for ((i = 0; i < index_runs; i++)); do printf '%s/%s ' "${raw_walls[$i]}" "${amicus_walls[$i]}"; done)
wall_raw=$(mean "${raw_walls[@]}"); wall_amicus=$(mean "${amicus_walls[@]}")
cpu_raw=$(mean "${raw_cpus[@]}"); cpu_amicus=$(mean "${amicus_cpus[@]}")
rss_raw=$rss_raw_max; rss_amicus=$rss_amicus_max

if [ "${BENCH_RAW_JEMALLOC:-1}" = 1 ] && [ -n "$jemalloc" ]; then
  echo "== index: raw Xapian with jemalloc preloaded (for reference)"
  run_timed rawje env LD_PRELOAD="$jemalloc" "$bin/raw_xapian_index" --db "$work/raw-jemalloc.db" --commit 1000 "$corpus"
  cat "$work/rawje.out"
  rm -rf "$work/raw-jemalloc.db"
fi

size_raw=$(du -sb "$work/raw.db" | cut -f1)
size_amicus=$(du -sb "$work/amicus.db" | cut -f1)

echo "== queries ($(grep -cv '^\(#\|$\)' "$queries") from $queries, $rounds alternating warm rounds)"
"$bin/compare_queries" --raw-db "$work/raw.db" --amicus-db "$work/amicus.db" --queries "$queries" \
  --rounds "$rounds" --per-query >"$work/queries.out"
grep '^engine=' "$work/queries.out"

echo "== extraction alone (extract_bench BM_Extractor, first 2000 releases, one core)"
head -n 2000 "$corpus" >"$work/corpus-2000.jsonl"
AMICUS_BENCH_CORPUS=$work/corpus-2000.jsonl "$bin/extract_bench" --benchmark_filter='^BM_Extractor$' \
  --benchmark_min_time=2 --benchmark_format=json 2>/dev/null >"$work/extract.json" || true
extract_mbs=$(python3 -c 'import json,sys
b=[x for x in json.load(open(sys.argv[1]))["benchmarks"] if x["name"]=="BM_Extractor"]
print("%.2f" % (b[0]["bytes_per_second"]/1e6) if b else 0)' "$work/extract.json" 2>/dev/null || echo 0)
echo "   BM_Extractor: $extract_mbs MB/s"

# field ENGINE MODE NAME: NAME's value on the summary line of ENGINE in MODE.
field() { grep "^engine=$1 mode=$2 " "$work/queries.out" | sed -n "s/.* $3=\([0-9.]*\).*/\1/p" | head -1; }
raw_or_p50=$(field raw plain-or p50_ms);   raw_or_p95=$(field raw plain-or p95_ms)
raw_and_p50=$(field raw plain-and p50_ms); raw_and_p95=$(field raw plain-and p95_ms)
am_p50=$(field amicus plain p50_ms);       am_p95=$(field amicus plain p95_ms)
fa_p50=$(field amicus facets p50_ms);      fa_p95=$(field amicus facets p95_ms)

echo
echo "== summary ($nrel releases, $text_bytes bytes of title+text)"
awk -v n="$nrel" -v b="$text_bytes" \
    -v wr="$wall_raw" -v wa="$wall_amicus" -v rr="$rss_raw" -v ra="$rss_amicus" -v cr="$cpu_raw" -v ca="$cpu_amicus" \
    -v sr="$size_raw" -v sa="$size_amicus" -v wj="${wall_rawje:-0}" -v runs="$index_runs_list" \
    -v ro50="$raw_or_p50" -v ro95="$raw_or_p95" -v rn50="$raw_and_p50" -v rn95="$raw_and_p95" \
    -v a50="$am_p50" -v a95="$am_p95" -v f50="$fa_p50" -v f95="$fa_p95" -v ex="${extract_mbs:-0}" '
function verdict(ok) { return ok ? "PASS" : "FAIL" }
BEGIN {
  printf "%-28s %14s %14s\n", "", "raw Xapian", "amicus"
  printf "%-28s %14.1f %14.1f\n", "index wall time (s), mean", wr, wa
  printf "%-28s %s\n", "  each run (raw/amicus, s)", runs
  printf "%-28s %14.1f %14.1f\n", "releases/s", n / wr, n / wa
  printf "%-28s %14.2f %14.2f\n", "MB/s of text", b / 1e6 / wr, b / 1e6 / wa
  printf "%-28s %14s %14s\n", "CPU (% of one core)", cr, ca
  printf "%-28s %14.1f %14.1f\n", "peak RSS (MB)", rr / 1024, ra / 1024
  printf "%-28s %14.1f %14.1f\n", "database size (MB)", sr / 1e6, sa / 1e6
  printf "%-28s %14s %14.3f\n", "query p50 (ms) OR/AND|plain", sprintf("%.3f/%.3f", ro50, rn50), a50
  printf "%-28s %14s %14.3f\n", "query p95 (ms) OR/AND|plain", sprintf("%.3f/%.3f", ro95, rn95), a95
  printf "%-28s %14s %14.3f\n", "facets p50 / p95 (ms)", "", f50
  printf "%-28s %14s %14.3f\n", "", "", f95
  print ""
  ri = (n / wa) / (n / wr)
  printf "amicus releases/s / raw releases/s = %.2fx  (target >= 1.0x)  %s\n", ri, verdict(ri >= 1.0)
  if (wj > 0) printf "  (raw with jemalloc preloaded: %.1f s, %.1f releases/s; amicus / that = %.2fx)\n", wj, n / wj, wj / wa
  q1 = a95 / ro95; q2 = a95 / rn95
  printf "amicus plain p95 / raw p95         = %.2fx vs OR, %.2fx vs AND  (target <= 1.5x)  %s\n", q1, q2, verdict(q1 <= 1.5 && q2 <= 1.5)
  fq = f95 / a95
  printf "facets p95 / plain p95             = %.2fx  (target <= 5x)  %s\n", fq, verdict(fq <= 5)
  si = sa / sr
  printf "index size amicus / raw            = %.2fx  (target <= 1.5x)  %s\n", si, verdict(si <= 1.5)
  printf "extraction alone                   = %.2f MB/s per core  (target >= 10)  %s\n", ex, verdict(ex >= 10)
}'
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "(kept $work)"; fi
