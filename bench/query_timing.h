// Shared by the query timers of the end-to-end comparison
// (raw_xapian_search.cc, amicus_query_timer.cc): reading a query file and
// timing warm rounds of queries the same way for both engines, so that
// their percentiles are comparable.
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

// Runs every query once untimed (warm-up: page cache, Xapian's caches),
// then `rounds` timed rounds. `run` performs one query and returns the
// number of matches it reports, or -1 on error. Prints, when `per_query`,
// one line per query on stdout: "q<TAB>median_ms<TAB>matches<TAB>query",
// and always one summary line:
//   engine=E mode=M queries=N rounds=R samples=S p50_ms=.. p95_ms=.. mean_ms=.. max_ms=.. errors=..
inline void TimeQueries(const std::string& engine, const std::string& mode,
                        const std::vector<std::string>& queries, int rounds, bool per_query,
                        const std::function<long long(const std::string&)>& run) {
  std::vector<long long> matches(queries.size(), 0);
  std::size_t errors = 0;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    matches[i] = run(queries[i]);
    if (matches[i] < 0) ++errors;
  }
  std::vector<std::vector<double>> per(queries.size());
  std::vector<double> all;
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (matches[i] < 0) continue;  // a query the engine rejects is not timed
      const auto t0 = std::chrono::steady_clock::now();
      run(queries[i]);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      per[i].push_back(ms);
      all.push_back(ms);
    }
  }
  if (per_query) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      std::printf("q\t%.3f\t%lld\t%s\n", Percentile(&per[i], 50), matches[i], queries[i].c_str());
    }
  }
  double sum = 0, max = 0;
  for (double ms : all) {
    sum += ms;
    max = std::max(max, ms);
  }
  const std::size_t samples = all.size();
  const double p50 = Percentile(&all, 50), p95 = Percentile(&all, 95);
  std::printf("engine=%s mode=%s queries=%zu rounds=%d samples=%zu p50_ms=%.3f p95_ms=%.3f mean_ms=%.3f "
              "max_ms=%.3f errors=%zu\n",
              engine.c_str(), mode.c_str(), queries.size(), rounds, samples, p50, p95,
              samples ? sum / samples : 0.0, max, errors);
  std::fflush(stdout);
}

}  // namespace amicus::bench

#endif  // AMICUS_BENCH_QUERY_TIMING_H_
