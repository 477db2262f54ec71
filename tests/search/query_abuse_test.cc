// Any query string gives results or a clear InvalidArgument: never a crash,
// an exception or another kind of failure.
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "amicus/index.h"
#include "amicus/ingest.h"
#include "amicus/search.h"

namespace amicus {
namespace {

class QueryAbuseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("amicus-abuse-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(Db(), {}, &w).ok());
    ASSERT_TRUE(ReadReleases({std::string(AMICUS_TEST_DATA) + "/releases.jsonl"}, {},
                             [&](Release&& r) { return w->Add(r).ok(); }, [](const IngestProblem&) {})
                    .ok());
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string Db() { return (*dir_ / "db").string(); }
  void SetUp() override { ASSERT_TRUE(Searcher::Open({Db()}, &searcher_).ok()); }

  // OK or InvalidArgument with a message; anything else fails the test.
  void Survives(const std::string& q) {
    SearchRequest req;
    req.query = q;
    req.facets = true;
    SearchResults res;
    Status s = searcher_->Search(req, &res);
    if (!s.ok()) {
      EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << "[" << q << "]: " << s.ToString();
      EXPECT_FALSE(s.message().empty());
    }
  }

  static std::filesystem::path* dir_;
  std::unique_ptr<Searcher> searcher_;
};
std::filesystem::path* QueryAbuseTest::dir_ = nullptr;

TEST_F(QueryAbuseTest, HandWrittenNastyQueries) {
  const std::string cases[] = {
      "", " ", "\"", "\"\"", "((((", "))))", "(a OR", "a OR)", "AND", "OR OR OR", "NOT", "-", "+", "*", "a*",
      "\"unbalanced phrase", "title:", "title:\"", "id:", "publisher:", "publisher:\"\"", "lang:", "lang:xx",
      "published:", "published:abcd", "published:2026-99-99", "published:....", "published:2026..2025",
      "person:", "person:\"\"", "org:(((", "law:\"", "place:,", "mentions:", "mentions:FY", "mentions:FYabcd",
      "mentions:2026-02-30", "mentions:..", "amount:", "amount:abc", "amount:-5", "amount:..", "amount:5..1",
      "amount:1e400", "amount:$$$", "foo:bar", ":", "::::", "a:b:c", std::string("a\0b", 3), "\x01\x02\x03",
      "\xff\xfe\xfd", "\xc3", "ICE \xe2\x80", "287(g)(((", "\"287(g)\"", "NOT NOT NOT a", "a AND NOT",
      "(a AND (b OR (c NOT d)))", std::string(5000, '('), std::string(5000, '"'), std::string(8000, 'a'),
  };
  for (const std::string& q : cases) Survives(q);
}

TEST_F(QueryAbuseTest, VeryLongQueryIsRefusedClearly) {
  std::string q;
  while (q.size() < 100 * 1024) q += "sanctuary ";
  SearchRequest req;
  req.query = q;
  SearchResults res;
  Status s = searcher_->Search(req, &res);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("limit"), std::string::npos) << s.message();
}

TEST_F(QueryAbuseTest, RandomQueriesFromTheSyntaxAlphabet) {
  const std::string pieces[] = {"a",     "ICE",        " ",      "\"",       "(",       ")",      "AND ",
                                "OR ",   "NOT ",       "-",      "+",        "*",       ":",      "title:",
                                "org:",  "published:", "amount:", "mentions:", "..",     "2026",   "-01",
                                "$",     "lang:",      "es",     "\xc3\xad", "\x00",    "\xff",   "person:"};
  std::mt19937 rng(12345);
  for (int i = 0; i < 3000; ++i) {
    std::string q;
    int n = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      const std::string& p = pieces[rng() % (sizeof pieces / sizeof pieces[0])];
      q += p.empty() ? std::string(1, '\0') : p;
    }
    Survives(q);
  }
}

}  // namespace
}  // namespace amicus
