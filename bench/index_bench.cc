// Index-side hot paths, per release of the corpus (bench_corpus.h):
// language detection, extraction + document building (what
// IndexWriter::Add does before touching the database), document building
// alone, the raw TermGenerator document of raw_xapian_index.cc for
// comparison, and IndexWriter::Add of N releases into a fresh on-disk
// database (commit included) against the raw indexer's write path.
//
//   AMICUS_BENCH_CORPUS=/tmp/corpus.jsonl ./index_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "amicus/extract.h"
#include "amicus/index.h"
#include "amicus/text.h"
#include "bench_corpus.h"
#include "index/document_builder.h"

namespace {

using amicus::Release;
using amicus::bench::Corpus;
using amicus::bench::CorpusBytes;

// The language IndexWriter::Add resolves for a release.
std::string Language(const Release& r) {
  return r.language.empty() ? amicus::DetectLanguage(r.title + "\n" + r.text) : r.language;
}

// A fresh, empty folder under the temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "amicus-index-bench-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void BM_DetectLanguage(benchmark::State& state) {
  for (auto _ : state) {
    for (const Release& r : Corpus()) benchmark::DoNotOptimize(Language(r));
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_DetectLanguage)->Unit(benchmark::kMillisecond);

// Extraction + DocumentBuilder::Build: the CPU work of IndexWriter::Add.
void BM_ExtractAndBuildDocument(benchmark::State& state) {
  std::unique_ptr<amicus::Extractor> ex;
  if (!amicus::Extractor::Create(&ex).ok() || Corpus().empty()) {
    state.SkipWithError("no extractor or empty corpus");
    return;
  }
  std::vector<std::string> languages;
  for (const Release& r : Corpus()) languages.push_back(Language(r));
  amicus::internal::DocumentBuilder builder;
  for (auto _ : state) {
    for (std::size_t i = 0; i < Corpus().size(); ++i) {
      const Release& r = Corpus()[i];
      amicus::Entities e = ex->Extract(r);
      Xapian::Document doc = builder.Build(r, languages[i], e);
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_ExtractAndBuildDocument)->Unit(benchmark::kMillisecond);

// DocumentBuilder::Build alone, on entities extracted beforehand.
void BM_BuildDocument(benchmark::State& state) {
  std::unique_ptr<amicus::Extractor> ex;
  if (!amicus::Extractor::Create(&ex).ok() || Corpus().empty()) {
    state.SkipWithError("no extractor or empty corpus");
    return;
  }
  std::vector<std::string> languages;
  std::vector<amicus::Entities> entities;
  for (const Release& r : Corpus()) {
    languages.push_back(Language(r));
    entities.push_back(ex->Extract(r));
  }
  amicus::internal::DocumentBuilder builder;
  for (auto _ : state) {
    for (std::size_t i = 0; i < Corpus().size(); ++i) {
      Xapian::Document doc = builder.Build(Corpus()[i], languages[i], entities[i]);
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMillisecond);

// The document of raw_xapian_index.cc (TermGenerator, English, STEM_SOME,
// positions; title also with prefix "S"), for comparison with the above.
void BM_RawTermGeneratorDocument(benchmark::State& state) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (auto _ : state) {
    for (const Release& r : Corpus()) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(r.title, 1, "S");
      tg.index_text(r.title);
      tg.increase_termpos();
      tg.index_text(r.text);
      doc.add_boolean_term("Q" + r.id);
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_RawTermGeneratorDocument)->Unit(benchmark::kMillisecond);

// IndexWriter::Add of the first N releases into a new database, plus the
// final Commit (batch size 1000, the default).
void BM_IndexWriterAdd(benchmark::State& state) {
  const std::size_t n = std::min<std::size_t>(state.range(0), Corpus().size());
  if (n == 0) {
    state.SkipWithError("empty corpus");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto dir = std::make_unique<TempDir>();
    state.ResumeTiming();
    std::unique_ptr<amicus::IndexWriter> w;
    amicus::Status s = amicus::IndexWriter::Open(dir->path() + "/db", {}, &w);
    for (std::size_t i = 0; s.ok() && i < n; ++i) s = w->Add(Corpus()[i]);
    if (s.ok()) s = w->Commit();
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      break;
    }
    state.PauseTiming();
    w.reset();
    dir.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.SetBytesProcessed(state.iterations() * CorpusBytes(n));
}
BENCHMARK(BM_IndexWriterAdd)->Arg(2000)->Iterations(2)->Unit(benchmark::kMillisecond);

// raw_xapian_index's write path for the same N releases (commit every
// 1000, the JSON parse left out: the releases are already parsed).
void BM_RawXapianAdd(benchmark::State& state) {
  const std::size_t n = std::min<std::size_t>(state.range(0), Corpus().size());
  if (n == 0) {
    state.SkipWithError("empty corpus");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto dir = std::make_unique<TempDir>();
    state.ResumeTiming();
    {
      Xapian::WritableDatabase db(dir->path() + "/db", Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator tg;
      tg.set_stemmer(Xapian::Stem("english"));
      tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
      for (std::size_t i = 0; i < n; ++i) {
        const Release& r = Corpus()[i];
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(r.title, 1, "S");
        tg.index_text(r.title);
        tg.increase_termpos();
        tg.index_text(r.text);
        doc.set_data(r.text);
        const std::string id_term = "Q" + r.id;
        doc.add_boolean_term(id_term);
        db.replace_document(id_term, doc);
        if ((i + 1) % 1000 == 0) db.commit();
      }
      db.commit();
    }
    state.PauseTiming();
    dir.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.SetBytesProcessed(state.iterations() * CorpusBytes(n));
}
BENCHMARK(BM_RawXapianAdd)->Arg(2000)->Iterations(2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
