// compare_queries: the query half of scripts/bench.sh. Times the queries of
// a file on a raw-Xapian database (raw_xapian_index) and on an amicus
// database of the same corpus, in one process, alternating: each round runs
// every engine over all the queries, the engines taking turns to go first
// (query_timing.h, TimeInterleaved). Timed one after the other, minutes
// apart, the two sides' ratio moved by ±25 % between runs on a machine
// whose speed drifts; alternating, the drift slows both alike.
//
//   compare_queries --raw-db DIR --amicus-db DIR --queries FILE [--rounds N] [--per-query]
//
// Engines, in this order in the output:
//   raw    plain-or   raw_xapian_queries.h with the QueryParser's default OR
//   raw    plain-and  the same with AND, amicus's default
//   amicus plain      amicus::Searcher: top 10 with snippets, copies collapsed
//   amicus facets     the same with every facet over all matches
// Both sides use the C library's allocator (this program links no other),
// as a program linking libamicus does by default. The databases are opened
// once, so start-up is not timed. Output: query_timing.h's summary line
// per engine (and per-query lines with --per-query).
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "amicus/search.h"
#include "amicus_queries.h"
#include "query_timing.h"
#include "raw_xapian_queries.h"

int main(int argc, char** argv) {
  std::string raw_path, amicus_path, queries_path;
  int rounds = 5;
  bool per_query = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--raw-db" && i + 1 < argc) {
      raw_path = argv[++i];
    } else if (a == "--amicus-db" && i + 1 < argc) {
      amicus_path = argv[++i];
    } else if (a == "--queries" && i + 1 < argc) {
      queries_path = argv[++i];
    } else if (a == "--rounds" && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
    } else if (a == "--per-query") {
      per_query = true;
    } else {
      std::cerr << "usage: compare_queries --raw-db DIR --amicus-db DIR --queries FILE [--rounds N] [--per-query]\n";
      return 2;
    }
  }
  if (raw_path.empty() || amicus_path.empty() || queries_path.empty() || rounds < 1) {
    std::cerr << "compare_queries: give --raw-db DIR, --amicus-db DIR, --queries FILE (and --rounds >= 1)\n";
    return 2;
  }
  std::vector<std::string> queries;
  if (!amicus::bench::ReadQueries(queries_path, &queries)) {
    std::cerr << "compare_queries: cannot read " << queries_path << "\n";
    return 1;
  }
  std::unique_ptr<amicus::Searcher> searcher;
  amicus::Status s = amicus::Searcher::Open({amicus_path}, &searcher);
  if (!s.ok()) {
    std::cerr << "compare_queries: " << s.ToString() << "\n";
    return 1;
  }
  try {
    amicus::bench::RawXapianQueries raw_or(raw_path, false), raw_and(raw_path, true);
    amicus::bench::AmicusQueryOptions facets;
    facets.facets = true;
    amicus::bench::TimeInterleaved({{"raw", "plain-or", std::ref(raw_or)},
                                    {"raw", "plain-and", std::ref(raw_and)},
                                    {"amicus", "plain", amicus::bench::AmicusQueries(searcher.get(), {})},
                                    {"amicus", "facets", amicus::bench::AmicusQueries(searcher.get(), facets)}},
                                   queries, rounds, per_query);
    if (raw_or.data_bytes() == 0) std::cerr << "compare_queries: no raw hit had document data\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "compare_queries: " << raw_path << ": " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
