// Extraction throughput. Corpus: $AMICUS_BENCH_CORPUS (e.g. the output of
// `tools/gen-corpus --docs 2000 --seed 1 > /tmp/corpus.jsonl`), else
// tests/data/releases.jsonl relative to the working directory. Reports
// bytes/s of release text (title + body) for the whole Extractor and for the
// date, money and legislation finders alone.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "amicus/extract.h"
#include "extract/dates.h"
#include "extract/knowledge_base.h"
#include "extract/legislation.h"
#include "extract/money.h"

namespace {

const amicus::KnowledgeBase& Knowledge() {
  static const std::shared_ptr<const amicus::KnowledgeBase> kb = [] {
    std::shared_ptr<const amicus::KnowledgeBase> p;
    if (!amicus::KnowledgeBase::Embedded(&p).ok()) std::abort();
    return p;
  }();
  return *kb;
}

const std::vector<amicus::Release>& Corpus() {
  static const std::vector<amicus::Release>* corpus = [] {
    auto* out = new std::vector<amicus::Release>();
    const char* env = std::getenv("AMICUS_BENCH_CORPUS");
    std::string path = env != nullptr && *env ? env : "tests/data/releases.jsonl";
    std::ifstream in(path);
    if (!in) {
      std::cerr << "extract_bench: cannot open " << path
                << " (set AMICUS_BENCH_CORPUS or run from the source tree)\n";
      return out;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) continue;
      amicus::Release r;
      r.id = j.value("id", "");
      const nlohmann::json meta = j.value("meta", nlohmann::json::object());
      r.title = meta.value("title", "");
      r.published = meta.value("published", "");
      r.organization = meta.value("organization", "");
      r.language = meta.value("language", "");
      r.text = j.value("text", "");
      out->push_back(std::move(r));
    }
    return out;
  }();
  return *corpus;
}

int64_t CorpusBytes() {
  int64_t n = 0;
  for (const amicus::Release& r : Corpus()) n += static_cast<int64_t>(r.title.size() + r.text.size());
  return n;
}

void BM_Extractor(benchmark::State& state) {
  std::unique_ptr<amicus::Extractor> ex;
  if (!amicus::Extractor::Create(&ex).ok() || Corpus().empty()) {
    state.SkipWithError("no extractor or empty corpus");
    return;
  }
  for (auto _ : state) {
    for (const amicus::Release& r : Corpus()) benchmark::DoNotOptimize(ex->Extract(r));
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Extractor)->Unit(benchmark::kMillisecond);

void BM_Dates(benchmark::State& state) {
  std::vector<amicus::DateMention> out;
  const std::vector<amicus::internal::TextSpan> taken;
  for (auto _ : state) {
    for (const amicus::Release& r : Corpus()) {
      out.clear();
      amicus::internal::ExtractDates(r.text, r.published, "en", Knowledge().dates, taken, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  int64_t n = 0;
  for (const amicus::Release& r : Corpus()) n += static_cast<int64_t>(r.text.size());
  state.SetBytesProcessed(state.iterations() * n);
}
BENCHMARK(BM_Dates)->Unit(benchmark::kMillisecond);

void BM_Money(benchmark::State& state) {
  std::vector<amicus::MoneyMention> out;
  for (auto _ : state) {
    for (const amicus::Release& r : Corpus()) {
      out.clear();
      amicus::internal::ExtractMoney(r.text, "en", Knowledge().money, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  int64_t n = 0;
  for (const amicus::Release& r : Corpus()) n += static_cast<int64_t>(r.text.size());
  state.SetBytesProcessed(state.iterations() * n);
}
BENCHMARK(BM_Money)->Unit(benchmark::kMillisecond);

void BM_Legislation(benchmark::State& state) {
  std::vector<amicus::NamedEntity> out;
  std::vector<amicus::internal::TextSpan> spans;
  for (auto _ : state) {
    for (const amicus::Release& r : Corpus()) {
      out.clear();
      spans.clear();
      amicus::internal::ExtractLegislation(r.text, Knowledge().acts, &out, &spans);
      benchmark::DoNotOptimize(out.data());
    }
  }
  int64_t n = 0;
  for (const amicus::Release& r : Corpus()) n += static_cast<int64_t>(r.text.size());
  state.SetBytesProcessed(state.iterations() * n);
}
BENCHMARK(BM_Legislation)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
