// raw_xapian_search: times the queries of a file against a database built by
// raw_xapian_index, alone (scripts/bench.sh times both sides together with
// compare_queries). The searcher is raw_xapian_queries.h's. The database
// is opened once, so start-up is not timed.
//
//   raw_xapian_search --db DIR --queries FILE [--rounds N] [--and] [--per-query]
//
// --and makes AND the default operator (amicus's); without it the
// QueryParser's own default, OR, is used. Output: see query_timing.h.
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "query_timing.h"
#include "raw_xapian_queries.h"

int main(int argc, char** argv) {
  std::string db_path, queries_path;
  int rounds = 5;
  bool op_and = false, per_query = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db_path = argv[++i];
    } else if (a == "--queries" && i + 1 < argc) {
      queries_path = argv[++i];
    } else if (a == "--rounds" && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
    } else if (a == "--and") {
      op_and = true;
    } else if (a == "--per-query") {
      per_query = true;
    } else {
      std::cerr << "usage: raw_xapian_search --db DIR --queries FILE [--rounds N] [--and] [--per-query]\n";
      return 2;
    }
  }
  if (db_path.empty() || queries_path.empty() || rounds < 1) {
    std::cerr << "raw_xapian_search: give --db DIR and --queries FILE (and --rounds >= 1)\n";
    return 2;
  }
  std::vector<std::string> queries;
  if (!amicus::bench::ReadQueries(queries_path, &queries)) {
    std::cerr << "raw_xapian_search: cannot read " << queries_path << "\n";
    return 1;
  }
  try {
    amicus::bench::RawXapianQueries raw(db_path, op_and);
    amicus::bench::TimeQueries("raw", op_and ? "plain-and" : "plain-or", queries, rounds, per_query, std::ref(raw));
    if (raw.data_bytes() == 0) std::cerr << "raw_xapian_search: no hit had document data\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "raw_xapian_search: " << db_path << ": " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
