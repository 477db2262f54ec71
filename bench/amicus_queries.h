// The amicus side of the query comparison (scripts/bench.sh):
// amicus::Searcher asked as amicus-search asks it, as a QueryRun for
// query_timing.h. Used by compare_queries.cc and amicus_query_timer.cc.
//
// An object refers to a Searcher it does not own; one thread at a time.
#ifndef AMICUS_BENCH_AMICUS_QUERIES_H_
#define AMICUS_BENCH_AMICUS_QUERIES_H_

#include <cstdint>
#include <iostream>
#include <string>

#include "amicus/search.h"

namespace amicus::bench {

// A SearchRequest with the defaults of amicus-search (top 10 with
// snippets, copies collapsed), with or without every facet.
struct AmicusQueryOptions {
  bool facets = false;
  int snippet_bytes = -1;  // -1: the SearchRequest default
  bool collapse = true;
};

class AmicusQueries {
 public:
  AmicusQueries(Searcher* searcher, AmicusQueryOptions options) : searcher_(searcher), options_(options) {}

  long long operator()(const std::string& q) {
    SearchRequest req;
    req.query = q;
    req.facets = options_.facets;
    if (options_.snippet_bytes >= 0) req.snippet_bytes = static_cast<std::uint32_t>(options_.snippet_bytes);
    req.collapse_duplicates = options_.collapse;
    SearchResults res;
    Status st = searcher_->Search(req, &res);
    if (!st.ok()) {
      std::cerr << "amicus: query \"" << q << "\": " << st.ToString() << "\n";
      return -1;
    }
    return static_cast<long long>(res.total);
  }

 private:
  Searcher* searcher_;  // not owned
  AmicusQueryOptions options_;
};

}  // namespace amicus::bench

#endif  // AMICUS_BENCH_AMICUS_QUERIES_H_
