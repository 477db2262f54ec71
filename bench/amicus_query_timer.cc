// amicus_query_timer: times the queries of a file through amicus::Searcher
// alone (scripts/bench.sh times both sides together with compare_queries).
// The Searcher is opened once, so process start-up and database opening
// are not timed (amicus-search would include both).
//
//   amicus_query_timer --db DIR --queries FILE [--rounds N] [--mode plain|facets|both]
//                      [--per-query] [--snippet-bytes N] [--no-collapse]
//
// plain: top 10 with snippets (SearchRequest defaults); facets: the same
// with facets over all matches. --snippet-bytes 0 and --no-collapse take
// those parts out, to see what they cost. Output: see query_timing.h, one summary line
// per mode.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "amicus/search.h"
#include "amicus_queries.h"
#include "query_timing.h"

int main(int argc, char** argv) {
  std::string db_path, queries_path, mode = "both";
  int rounds = 5;
  bool per_query = false;
  int snippet_bytes = -1;   // -1: the SearchRequest default
  bool collapse = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db_path = argv[++i];
    } else if (a == "--queries" && i + 1 < argc) {
      queries_path = argv[++i];
    } else if (a == "--rounds" && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
    } else if (a == "--mode" && i + 1 < argc) {
      mode = argv[++i];
    } else if (a == "--per-query") {
      per_query = true;
    } else if (a == "--snippet-bytes" && i + 1 < argc) {
      snippet_bytes = std::atoi(argv[++i]);
    } else if (a == "--no-collapse") {
      collapse = false;
    } else {
      std::cerr << "usage: amicus_query_timer --db DIR --queries FILE [--rounds N] "
                   "[--mode plain|facets|both] [--per-query] [--snippet-bytes N] [--no-collapse]\n";
      return 2;
    }
  }
  if (db_path.empty() || queries_path.empty() || rounds < 1 ||
      (mode != "plain" && mode != "facets" && mode != "both")) {
    std::cerr << "amicus_query_timer: give --db DIR, --queries FILE, --rounds >= 1, --mode plain|facets|both\n";
    return 2;
  }
  std::vector<std::string> queries;
  if (!amicus::bench::ReadQueries(queries_path, &queries)) {
    std::cerr << "amicus_query_timer: cannot read " << queries_path << "\n";
    return 1;
  }
  std::unique_ptr<amicus::Searcher> searcher;
  amicus::Status s = amicus::Searcher::Open({db_path}, &searcher);
  if (!s.ok()) {
    std::cerr << "amicus_query_timer: " << s.ToString() << "\n";
    return 1;
  }
  auto timer = [&](bool facets) {
    amicus::bench::AmicusQueryOptions options;
    options.facets = facets;
    options.snippet_bytes = snippet_bytes;
    options.collapse = collapse;
    amicus::bench::TimeQueries("amicus", facets ? "facets" : "plain", queries, rounds, per_query,
                               amicus::bench::AmicusQueries(searcher.get(), options));
  };
  if (mode != "facets") timer(false);
  if (mode != "plain") timer(true);
  return 0;
}
