// Facets over a sharded collection are counted in threads, a shard each
// (lib/search/facets.h CountFacetsInParallel): the counts, totals and hits
// must be those of one database holding the same releases, whatever the
// thread count, for every kind of query the language has.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/index.h"
#include "amicus/ingest.h"
#include "amicus/search.h"

namespace amicus {
namespace {

namespace fs = std::filesystem;

const std::string kData = AMICUS_TEST_DATA;

class ParallelFacetsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("amicus-parallel-facets-test-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    Build(Path("single"), 1);
    Build(Path("sharded"), 3);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string Path(const std::string& name) { return (*dir_ / name).string(); }

  // Every bundled release (the sample and the three hand-written sets), so
  // that each shard holds a few dozen.
  static void Build(const std::string& path, std::uint32_t shards) {
    IndexOptions options;
    options.shards = shards;
    std::unique_ptr<IndexWriter> w;
    Status s = IndexWriter::Open(path, options, &w);
    ASSERT_TRUE(s.ok()) << s.ToString();
    const std::vector<std::string> files = {kData + "/releases.jsonl", kData + "/dev/releases.jsonl",
                                            kData + "/dev2/releases.jsonl", kData + "/dev3/releases.jsonl"};
    s = ReadReleases(files, {}, [&](Release&& r) { return w->Add(r).ok(); },
                     [](const IngestProblem& p) { ADD_FAILURE() << p.ToString(); });
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_TRUE(w->Commit().ok());
  }

  static SearchResults Run(Searcher* searcher, const std::string& query, std::uint32_t threads,
                           bool collapse = true) {
    SearchRequest req;
    req.query = query;
    req.facets = true;
    req.facet_limit = 1000;  // every name, so that a wrong count anywhere shows
    req.facet_threads = threads;
    req.collapse_duplicates = collapse;
    req.limit = 5;
    SearchResults res;
    Status s = searcher->Search(req, &res);
    EXPECT_TRUE(s.ok()) << query << ": " << s.ToString();
    return res;
  }

  static void ExpectSameFacets(const std::vector<FacetValue>& want, const std::vector<FacetValue>& got,
                               const std::string& what) {
    ASSERT_EQ(want.size(), got.size()) << what;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(want[i].name, got[i].name) << what << " #" << i;
      EXPECT_EQ(want[i].count, got[i].count) << what << " " << want[i].name;
    }
  }

  static void ExpectSame(const SearchResults& want, const SearchResults& got, const std::string& what) {
    EXPECT_EQ(want.total, got.total) << what;
    EXPECT_EQ(want.total_exact, got.total_exact) << what;
    ASSERT_TRUE(got.has_facets) << what;
    ExpectSameFacets(want.facets.people, got.facets.people, what + " people");
    ExpectSameFacets(want.facets.organizations, got.facets.organizations, what + " organizations");
    ExpectSameFacets(want.facets.legislation, got.facets.legislation, what + " legislation");
    ExpectSameFacets(want.facets.locations, got.facets.locations, what + " locations");
    ExpectSameFacets(want.facets.published_month, got.facets.published_month, what + " months");
    ASSERT_EQ(want.hits.size(), got.hits.size()) << what;
  }

  static fs::path* dir_;
};
fs::path* ParallelFacetsTest::dir_ = nullptr;

TEST_F(ParallelFacetsTest, ShardsInThreadsCountLikeOneDatabase) {
  std::unique_ptr<Searcher> single, sharded;
  ASSERT_TRUE(Searcher::Open({Path("single")}, &single).ok());
  ASSERT_TRUE(Searcher::Open({Path("sharded")}, &sharded).ok());
  // Words, phrases, OR, exclusion, a wildcard (expanded in each shard),
  // fields, entity filters, date ranges, money, Spanish, everything.
  const std::vector<std::string> queries = {
      "",
      "immigrant",
      "\"legal services\"",
      "detention OR deportation",
      "ICE -courthouse",
      "inmigra*",
      "title:sanctuary",
      "org:ICE",
      "place:Buffalo",
      "published:2025..2026-06",
      "amount:1000000..",
      "derechos",
      "lang:es",
      "person:Hochul OR person:Mamdani",
  };
  int nonempty = 0;
  for (const std::string& q : queries) {
    const SearchResults want = Run(single.get(), q, 1);
    nonempty += want.total > 0;
    for (std::uint32_t threads : {1u, 2u, 3u, 8u, 0u}) {
      ExpectSame(want, Run(sharded.get(), q, threads), "'" + q + "' with " + std::to_string(threads) + " threads");
    }
    ExpectSame(Run(single.get(), q, 1, false), Run(sharded.get(), q, 2, false), "'" + q + "' not collapsed");
  }
  EXPECT_GE(nonempty, 12);  // the queries find something, so the comparison means something
}

// From its second facet query on a searcher reads the facet records from
// memory (search/facets.h FacetRecords): the counts must be those read
// from the documents, and follow the database when it changes.
TEST_F(ParallelFacetsTest, RecordsInMemoryCountLikeTheDocuments) {
  for (const std::string& name : {"single", "sharded"}) {
    std::unique_ptr<Searcher> kept;
    ASSERT_TRUE(Searcher::Open({Path(name)}, &kept).ok());
    Run(kept.get(), "", 2);  // the first facet query reads the documents
    for (const std::string& q : {"", "immigrant", "org:ICE", "ICE -courthouse", "derechos"}) {
      std::unique_ptr<Searcher> fresh;
      ASSERT_TRUE(Searcher::Open({Path(name)}, &fresh).ok());
      ExpectSame(Run(fresh.get(), q, 2), Run(kept.get(), q, 2), name + " '" + q + "'");
    }
  }
  // A release added after the records were read is counted.
  const std::string path = Path("changing");
  Build(path, 2);
  std::unique_ptr<Searcher> kept;
  ASSERT_TRUE(Searcher::Open({path}, &kept).ok());
  Run(kept.get(), "", 2);
  const std::uint64_t before = Run(kept.get(), "", 2).total;
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(path, {}, &w).ok());
    Release r;
    r.id = "added-later";
    r.title = "Zyxwvut Coalition statement";
    r.published = "2031-07-01";
    r.organization = "Test Coalition";
    r.text = "BUFFALO, N.Y. — Governor Kathy Hochul met the Zyxwvut Coalition on Monday.";
    ASSERT_TRUE(w->Add(r).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  const SearchResults after = Run(kept.get(), "", 2);
  EXPECT_EQ(after.total, before + 1);
  bool month = false;
  for (const FacetValue& v : after.facets.published_month) month = month || (v.name == "2031-07" && v.count == 1);
  EXPECT_TRUE(month);
  std::unique_ptr<Searcher> fresh;
  ASSERT_TRUE(Searcher::Open({path}, &fresh).ok());
  ExpectSame(Run(fresh.get(), "", 2), after, "after a change");
}

TEST_F(ParallelFacetsTest, MoreLikeThisCountsLikeOneDatabase) {
  std::unique_ptr<Searcher> single, sharded;
  ASSERT_TRUE(Searcher::Open({Path("single")}, &single).ok());
  ASSERT_TRUE(Searcher::Open({Path("sharded")}, &sharded).ok());
  SearchRequest req;
  req.like_id = "d001";
  req.facets = true;
  req.facet_limit = 1000;
  SearchResults want, got;
  ASSERT_TRUE(single->Search(req, &want).ok());
  req.facet_threads = 3;
  ASSERT_TRUE(sharded->Search(req, &got).ok());
  EXPECT_GT(want.total, 0u);
  ExpectSame(want, got, "--like d001");
}

TEST_F(ParallelFacetsTest, OneSearcherAnswersManyFacetQueriesInARow) {
  // The counting threads keep their tables from query to query: a small
  // query after a large one must not see the large one's counts.
  std::unique_ptr<Searcher> fresh, reused;
  ASSERT_TRUE(Searcher::Open({Path("sharded")}, &reused).ok());
  for (const std::string& q : {"", "place:Buffalo", "immigrant", "title:sanctuary", ""}) {
    ASSERT_TRUE(Searcher::Open({Path("sharded")}, &fresh).ok());
    ExpectSame(Run(fresh.get(), q, 2), Run(reused.get(), q, 2), "'" + q + "' after other queries");
  }
}

}  // namespace
}  // namespace amicus
