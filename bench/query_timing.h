// Shared by the query timers of the end-to-end comparison
// (compare_queries.cc, raw_xapian_search.cc, amicus_query_timer.cc):
// reading a query file and timing warm rounds of queries the same way for
// every engine, so that their percentiles are comparable.
//
// Header-only, no state: safe to use from one thread per timer.
#ifndef AMICUS_BENCH_QUERY_TIMING_H_
#define AMICUS_BENCH_QUERY_TIMING_H_

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace amicus::bench {

// One query a line; blank lines and lines starting with '#' are skipped.
// Returns false when the file cannot be read.
inline bool ReadQueries(const std::string& path, std::vector<std::string>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out->push_back(line);
  }
  return true;
}

// Nearest-rank percentile of `v` (sorted in place), p in [0, 100].
inline double Percentile(std::vector<double>* v, double p) {
  if (v->empty()) return 0;
  std::sort(v->begin(), v->end());
  std::size_t rank = static_cast<std::size_t>(p / 100.0 * v->size() + 0.999999);
  if (rank == 0) rank = 1;
  if (rank > v->size()) rank = v->size();
  return (*v)[rank - 1];
}

// One engine's way to run a query: performs it and returns the number of
// matches it reports, or -1 on error.
using QueryRun = std::function<long long(const std::string&)>;

struct TimedEngine {
  std::string engine, mode;  // printed as engine=... mode=...
  QueryRun run;
};

// Times several engines on the same queries in one process, alternating:
// every engine runs every query once untimed (warm-up: page cache, Xapian's
// caches), then each of `rounds` rounds runs every engine over all the
// queries, the engines taking turns to go first. A machine whose speed
// drifts over minutes (shared or throttled cores) then slows every engine
// alike, and their ratios hold where timings taken one engine after the
// other would not. A query an engine rejects in the warm-up is not timed
// for it. Prints, per engine, when `per_query`, one line per query on
// stdout: "q<TAB>median_ms<TAB>matches<TAB>query", then one summary line:
//   engine=E mode=M queries=N rounds=R samples=S p50_ms=.. p95_ms=.. mean_ms=.. max_ms=.. errors=..
inline void TimeInterleaved(const std::vector<TimedEngine>& engines, const std::vector<std::string>& queries,
                            int rounds, bool per_query) {
  const std::size_t n = engines.size();
  std::vector<std::vector<long long>> matches(n, std::vector<long long>(queries.size(), 0));
  std::vector<std::size_t> errors(n, 0);
  for (std::size_t e = 0; e < n; ++e) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      matches[e][i] = engines[e].run(queries[i]);
      if (matches[e][i] < 0) ++errors[e];
    }
  }
  std::vector<std::vector<std::vector<double>>> per(n, std::vector<std::vector<double>>(queries.size()));
  std::vector<std::vector<double>> all(n);
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t e = (static_cast<std::size_t>(r) + k) % n;
      for (std::size_t i = 0; i < queries.size(); ++i) {
        if (matches[e][i] < 0) continue;
        const auto t0 = std::chrono::steady_clock::now();
        engines[e].run(queries[i]);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        per[e][i].push_back(ms);
        all[e].push_back(ms);
      }
    }
  }
  for (std::size_t e = 0; e < n; ++e) {
    if (per_query) {
      for (std::size_t i = 0; i < queries.size(); ++i) {
        std::printf("q\t%.3f\t%lld\t%s\n", Percentile(&per[e][i], 50), matches[e][i], queries[i].c_str());
      }
    }
    double sum = 0, max = 0;
    for (double ms : all[e]) {
      sum += ms;
      max = std::max(max, ms);
    }
    const std::size_t samples = all[e].size();
    const double p50 = Percentile(&all[e], 50), p95 = Percentile(&all[e], 95);
    std::printf("engine=%s mode=%s queries=%zu rounds=%d samples=%zu p50_ms=%.3f p95_ms=%.3f mean_ms=%.3f "
                "max_ms=%.3f errors=%zu\n",
                engines[e].engine.c_str(), engines[e].mode.c_str(), queries.size(), rounds, samples, p50, p95,
                samples ? sum / samples : 0.0, max, errors[e]);
  }
  std::fflush(stdout);
}

// One engine alone: TimeInterleaved with nothing to alternate with.
inline void TimeQueries(const std::string& engine, const std::string& mode,
                        const std::vector<std::string>& queries, int rounds, bool per_query, const QueryRun& run) {
  TimeInterleaved({{engine, mode, run}}, queries, rounds, per_query);
}

}  // namespace amicus::bench

#endif  // AMICUS_BENCH_QUERY_TIMING_H_
