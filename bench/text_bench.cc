// Benchmarks of the text stage's hot paths over a release corpus (JSONL, one
// {"id","meta","text"} per line). The corpus path comes from the environment
// variable AMICUS_BENCH_CORPUS, e.g. the output of
//   gen-corpus --docs 200 --seed 1 > /tmp/corpus.jsonl
// and defaults to tests/data/releases.jsonl relative to the current directory
// (run from the source tree).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "amicus/text.h"

namespace {

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> texts = [] {
    const char* env = std::getenv("AMICUS_BENCH_CORPUS");
    std::string path = env != nullptr ? env : "tests/data/releases.jsonl";
    std::vector<std::string> out;
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr,
                   "text_bench: cannot open %s; set AMICUS_BENCH_CORPUS to a "
                   "JSONL release corpus or run from the source tree\n",
                   path.c_str());
      std::exit(1);
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text")) continue;
      out.push_back(j["text"].get<std::string>());
    }
    return out;
  }();
  return texts;
}

int64_t CorpusBytes() {
  int64_t n = 0;
  for (const auto& t : Corpus()) n += static_cast<int64_t>(t.size());
  return n;
}

void BM_AnalyzerTokenize(benchmark::State& state) {
  amicus::Analyzer analyzer;
  std::vector<amicus::Token> tokens;
  size_t n_tokens = 0;
  for (auto _ : state) {
    for (const auto& text : Corpus()) {
      tokens.clear();
      analyzer.Tokenize(text, &tokens);
      n_tokens += tokens.size();
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["tokens/doc"] = benchmark::Counter(
      static_cast<double>(n_tokens) / (state.iterations() * Corpus().size()));
}
BENCHMARK(BM_AnalyzerTokenize)->Unit(benchmark::kMillisecond);

void BM_FoldText(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& text : Corpus()) benchmark::DoNotOptimize(amicus::FoldText(text));
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_FoldText)->Unit(benchmark::kMillisecond);

void BM_DetectLanguage(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& text : Corpus()) benchmark::DoNotOptimize(amicus::DetectLanguage(text));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_DetectLanguage)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
