// Search-side hot paths: Searcher::Search over a database built once (at
// the first benchmark) from the first $AMICUS_BENCH_SEARCH_DOCS releases
// (default 5000) of the corpus (bench_corpus.h), for a set of queries:
// plain (top 10 with snippets), with facets over all matches, and without
// snippets. Queries come from $AMICUS_BENCH_QUERIES (one a line, # for
// comments, e.g. shared/data/bench/queries.txt), else a built-in list.
// Each iteration runs every query once; items/s is queries/s.
//
//   AMICUS_BENCH_CORPUS=/tmp/corpus.jsonl AMICUS_BENCH_QUERIES=.../queries.txt ./search_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "amicus/index.h"
#include "amicus/search.h"
#include "bench_corpus.h"
#include "query_timing.h"

namespace {

const char* const kBuiltinQueries[] = {
    "sanctuary executive order", "\"legal services\" funding", "ICE detention deaths",
    "asylum fee",                "courthouse arrests",         "\"Protect Our Courts Act\"",
    "refugee admissions cap",    "language access bill",       "ICE arrests -courthouse",
    "deportation OR removal proceedings", "title:asylum fee", "derechos de los inmigrantes",
};

// The database of the benchmarks, built on first use and removed at exit.
class BenchDatabase {
 public:
  BenchDatabase() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "amicus-search-bench-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      error_ = "cannot create a temporary folder";
      return;
    }
    dir_ = tmpl;
    std::size_t n = 5000;
    if (const char* env = std::getenv("AMICUS_BENCH_SEARCH_DOCS")) n = std::strtoul(env, nullptr, 10);
    const std::vector<amicus::Release>& corpus = amicus::bench::Corpus();
    if (n > corpus.size()) n = corpus.size();
    if (n == 0) {
      error_ = "empty corpus";
      return;
    }
    std::unique_ptr<amicus::IndexWriter> w;
    amicus::Status s = amicus::IndexWriter::Open(dir_ + "/db", {}, &w);
    for (std::size_t i = 0; s.ok() && i < n; ++i) s = w->Add(corpus[i]);
    if (s.ok()) s = w->Commit();
    w.reset();
    if (s.ok()) s = amicus::Searcher::Open({dir_ + "/db"}, &searcher_);
    if (!s.ok()) {
      error_ = s.ToString();
      return;
    }
    const char* qenv = std::getenv("AMICUS_BENCH_QUERIES");
    if (qenv != nullptr && *qenv && !amicus::bench::ReadQueries(qenv, &queries_)) {
      std::cerr << "search_bench: cannot read " << qenv << "; using the built-in queries\n";
    }
    if (queries_.empty()) queries_.assign(std::begin(kBuiltinQueries), std::end(kBuiltinQueries));
    std::cerr << "search_bench: " << n << " releases, " << queries_.size() << " queries\n";
  }
  ~BenchDatabase() {
    searcher_.reset();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }
  amicus::Searcher* searcher() { return searcher_.get(); }
  const std::vector<std::string>& queries() const { return queries_; }
  const std::string& error() const { return error_; }

 private:
  std::string dir_, error_;
  std::unique_ptr<amicus::Searcher> searcher_;
  std::vector<std::string> queries_;
};

BenchDatabase& Db() {
  static BenchDatabase db;
  return db;
}

void RunQueries(benchmark::State& state, bool facets, std::uint32_t snippet_bytes) {
  BenchDatabase& db = Db();
  if (!db.error().empty()) {
    state.SkipWithError(db.error().c_str());
    return;
  }
  std::uint64_t matches = 0;
  for (auto _ : state) {
    for (const std::string& q : db.queries()) {
      amicus::SearchRequest req;
      req.query = q;
      req.facets = facets;
      req.snippet_bytes = snippet_bytes;
      amicus::SearchResults res;
      if (db.searcher()->Search(req, &res).ok()) matches += res.total;
      benchmark::DoNotOptimize(res);
    }
  }
  state.SetItemsProcessed(state.iterations() * db.queries().size());
  state.counters["matches_per_query"] =
      static_cast<double>(matches) / std::max<double>(1, state.iterations() * db.queries().size());
}

void BM_SearchPlain(benchmark::State& state) { RunQueries(state, false, 240); }
BENCHMARK(BM_SearchPlain)->Unit(benchmark::kMillisecond);

void BM_SearchFacets(benchmark::State& state) { RunQueries(state, true, 240); }
BENCHMARK(BM_SearchFacets)->Unit(benchmark::kMillisecond);

// Snippets cost: the plain query with the shortest snippets the API allows
// asking for (snippet_bytes 0).
void BM_SearchNoSnippet(benchmark::State& state) { RunQueries(state, false, 0); }
BENCHMARK(BM_SearchNoSnippet)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
