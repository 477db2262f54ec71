// The release corpus of the Google Benchmarks in index_bench.cc and
// search_bench.cc, loaded as extract_bench.cc loads it: JSONL, one
// {"id","meta":{...},"text"} a line, from $AMICUS_BENCH_CORPUS (e.g.
// `gen-corpus --docs 5000 --seed 1 --out /tmp/corpus.jsonl`), else
// tests/data/releases.jsonl relative to the working directory.
//
// Loaded once per process on first use; the returned vector is immutable
// afterwards (safe to read from several threads).
#ifndef AMICUS_BENCH_BENCH_CORPUS_H_
#define AMICUS_BENCH_BENCH_CORPUS_H_

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "amicus/release.h"

namespace amicus::bench {

inline const std::vector<Release>& Corpus() {
  static const std::vector<Release>* corpus = [] {
    auto* out = new std::vector<Release>();
    const char* env = std::getenv("AMICUS_BENCH_CORPUS");
    std::string path = env != nullptr && *env ? env : "tests/data/releases.jsonl";
    std::ifstream in(path);
    if (!in) {
      std::cerr << "bench: cannot open " << path << " (set AMICUS_BENCH_CORPUS or run from the source tree)\n";
      return out;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) continue;
      Release r;
      r.id = j.value("id", "");
      const nlohmann::json meta = j.value("meta", nlohmann::json::object());
      r.title = meta.value("title", "");
      r.published = meta.value("published", "");
      r.organization = meta.value("organization", "");
      r.url = meta.value("url", "");
      r.language = meta.value("language", "");
      r.text = j.value("text", "");
      if (!r.id.empty()) out->push_back(std::move(r));
    }
    return out;
  }();
  return *corpus;
}

// Title + body bytes of the first `n` releases (all when n is 0): the basis
// of every MB/s figure.
inline std::int64_t CorpusBytes(std::size_t n = 0) {
  const std::vector<Release>& c = Corpus();
  if (n == 0 || n > c.size()) n = c.size();
  std::int64_t bytes = 0;
  for (std::size_t i = 0; i < n; ++i) bytes += static_cast<std::int64_t>(c[i].title.size() + c[i].text.size());
  return bytes;
}

}  // namespace amicus::bench

#endif  // AMICUS_BENCH_BENCH_CORPUS_H_
