// Readers during writes (issue 6): while the real amicus-index writes in
// small batches (a child process), searches run in a loop, through the
// library (two threads, one Searcher each) and through amicus-search child
// processes. Every search must succeed (the Searcher reopens and retries on
// Xapian's DatabaseModifiedError) and every hit must be a whole release. A
// second amicus-index on the same database must fail with a clear "locked by
// another indexer" message and a non-zero status.
//
// Bounded: the loops stop when the writer ends, after a count, or after a
// time limit; no fixed sleeps.
#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/index.h"
#include "amicus/search.h"
#include "reliability/reliability_util.h"

namespace amicus::testing {
namespace {

constexpr int kReleases = 600;

struct Expect {
  std::string title, published;
};

class ConcurrentTest : public ::testing::Test {
 protected:
  ConcurrentTest() : dir_("concurrent") {
    const std::vector<nlohmann::json> samples = SampleReleases();
    std::string out;
    for (int n = 0; n < kReleases; ++n) {
      const std::string id = "w" + std::to_string(n);
      nlohmann::json j = samples[n % samples.size()];
      j["id"] = id;
      j.erase("gold");
      expect_[id] = {j["meta"]["title"].get<std::string>(), j["meta"].value("published", std::string())};
      out += j.dump() + "\n";
    }
    corpus_ = dir_ / "corpus.jsonl";
    WriteFile(corpus_, out);
    for (const nlohmann::json& j : samples) {
      expect_[j["id"].get<std::string>()] = {j["meta"]["title"].get<std::string>(),
                                             j["meta"].value("published", std::string())};
    }
    db_ = dir_ / "db";
  }

  // Empty when the hit is a whole release as written, else what is wrong.
  std::string CheckHit(const Hit& h) const {
    auto it = expect_.find(h.id);
    if (h.id.empty()) return "hit without an id";
    if (it == expect_.end()) return "unknown id " + h.id;
    if (h.title != it->second.title) return h.id + ": title \"" + h.title + "\" is not the stored title";
    if (h.published != it->second.published) return h.id + ": published " + h.published;
    if (h.language.empty()) return h.id + ": no language";
    return "";
  }

  TempDir dir_;
  std::string corpus_, db_;
  std::map<std::string, Expect> expect_;
};

TEST_F(ConcurrentTest, SearchesDuringIndexingNeverFailAndSecondWriterIsRefused) {
  // Something to search from the start: the sample releases.
  RunResult seed = RunTool({Tool("amicus-index"), "--quiet", "--db", db_, TestData("releases.jsonl")}, dir_);
  ASSERT_EQ(seed.status, 0) << seed.err;

  Child writer({Tool("amicus-index"), "--quiet", "--batch-size", "5", "--db", db_, corpus_}, dir_ / "w-out",
               dir_ / "w-err");
  std::atomic<bool> writer_done{false};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  const char* const queries[] = {"sanctuary",       "immigration detention", "org:ICE",      "published:2026",
                                 "\"legal services\"", "title:mayor",         "lang:es",      "id:w3 OR id:w250",
                                 "court* NOT budget", "person:Mamdani"};

  // Library readers: one Searcher per thread, opened once, searched many times.
  std::atomic<long> searches{0};
  std::atomic<long> hits_seen{0};
  std::vector<std::string> failures[2];
  auto reader = [&](int t) {
    std::unique_ptr<Searcher> searcher;
    Status s = Searcher::Open({db_}, &searcher);
    if (!s.ok()) {
      failures[t].push_back("open: " + s.ToString());
      return;
    }
    for (long i = 0; i < 20000 && std::chrono::steady_clock::now() < deadline; ++i) {
      const bool last_round = writer_done.load();
      SearchRequest req;
      req.query = queries[(i + t) % (sizeof queries / sizeof *queries)];
      req.limit = 20;
      req.facets = i % 7 == 0;
      SearchResults res;
      s = searcher->Search(req, &res);
      ++searches;
      if (!s.ok()) {
        failures[t].push_back(req.query + ": " + s.ToString());
        if (failures[t].size() > 5) return;
        continue;
      }
      for (const Hit& h : res.hits) {
        ++hits_seen;
        std::string bad = CheckHit(h);
        if (!bad.empty()) failures[t].push_back(req.query + ": " + bad);
      }
      if (last_round && i > 50) return;  // one search after the writer ended
    }
  };
  std::thread r0(reader, 0), r1(reader, 1);

  // A second writer while the first holds the lock (it does once it has
  // committed, and until it exits).
  bool second_tried = false;
  int cli_searches = 0;
  std::vector<std::string> cli_failures;
  while (!writer.Done() && std::chrono::steady_clock::now() < deadline) {
    if (!second_tried && DocCount(db_) > 36) {
      RunResult second = RunTool({Tool("amicus-index"), "--db", db_, TestData("releases.jsonl")}, dir_);
      if (!writer.Done()) {  // else the first writer ended meanwhile: the lock was free
        second_tried = true;
        EXPECT_NE(second.status, 0) << second.err;
        EXPECT_NE(second.err.find("locked by another indexer"), std::string::npos) << second.err;
        EXPECT_EQ(second.err.find("added"), std::string::npos) << "the refused writer must not index\n"
                                                                << second.err;
      }
    }
    // Command-line readers too.
    RunResult cli = RunTool({Tool("amicus-search"), "--db", db_, "--json", "--limit", "20",
                             queries[cli_searches % (sizeof queries / sizeof *queries)]},
                            dir_);
    ++cli_searches;
    if (cli.status != 0) {
      cli_failures.push_back("status " + std::to_string(cli.status) + ": " + cli.err);
    } else {
      nlohmann::json j = nlohmann::json::parse(cli.out, nullptr, false);
      if (!j.is_object() || !j["hits"].is_array()) {
        cli_failures.push_back("not JSON: " + cli.out.substr(0, 200));
      } else {
        for (const nlohmann::json& h : j["hits"]) {
          Hit hit;
          hit.id = h.value("id", "");
          hit.title = h.value("title", "");
          hit.published = h.value("published", "");
          hit.language = h.value("language", "x");
          std::string bad = CheckHit(hit);
          if (!bad.empty()) cli_failures.push_back(bad);
        }
      }
    }
  }
  writer_done = true;
  r0.join();
  r1.join();
  EXPECT_EQ(writer.Wait(), 0) << writer.err();
  EXPECT_TRUE(second_tried) << "the writer ended before a second writer could be tried";
  for (const auto& f : failures) {
    EXPECT_TRUE(f.empty()) << f.size() << " failed library searches, first: " << f.front();
  }
  EXPECT_TRUE(cli_failures.empty()) << cli_failures.size() << " failed amicus-search runs, first: "
                                    << cli_failures.front();
  EXPECT_GT(searches.load(), 20);
  EXPECT_GT(hits_seen.load(), 0);
  EXPECT_GT(cli_searches, 2);

  // After the writer: everything there, once.
  EXPECT_EQ(DocCount(db_), kReleases + 36);
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open({db_}, &searcher).ok());
  SearchRequest req;
  req.query = "id:w599";
  SearchResults res;
  ASSERT_TRUE(searcher->Search(req, &res).ok());
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(CheckHit(res.hits[0]), "");
}

TEST_F(ConcurrentTest, SecondWriterGetsLockedStatusThroughTheLibrary) {
  Child writer({Tool("amicus-index"), "--quiet", "--batch-size", "5", "--db", db_, corpus_}, dir_ / "w-out",
               dir_ / "w-err");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!writer.Done() && DocCount(db_) <= 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::unique_ptr<IndexWriter> second;
  Status s = IndexWriter::Open(db_, {}, &second);
  const bool first_still_running = !writer.Done();
  writer.Kill();
  if (!first_still_running) GTEST_SKIP() << "the writer ended before the lock could be tested";
  EXPECT_EQ(s.code(), Status::Code::kLocked) << s.ToString();
  EXPECT_NE(s.message().find("locked by another indexer"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace amicus::testing
