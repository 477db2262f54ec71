// Entity-aware search on the bundled releases and on small collections made
// here: alias-resolved filters, free text that knows entities, facets,
// more-like-this, spelling suggestions and duplicate collapsing.
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "amicus/index.h"
#include "amicus/ingest.h"
#include "amicus/search.h"

namespace amicus {
namespace {

class Collection {
 public:
  explicit Collection(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() / ("amicus-entity-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    EXPECT_TRUE(IndexWriter::Open(Db(), {}, &writer_).ok());
  }
  ~Collection() {
    writer_.reset();
    searcher_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string Db() const { return (dir_ / "db").string(); }
  void Add(const Release& r) { EXPECT_TRUE(writer_->Add(r).ok()); }
  void AddFile(const std::string& path) {
    EXPECT_TRUE(ReadReleases({path}, {}, [&](Release&& r) { return writer_->Add(r).ok(); },
                             [](const IngestProblem& p) { ADD_FAILURE() << p.ToString(); })
                    .ok());
  }
  SearchResults Search(SearchRequest req) {
    if (writer_) {
      EXPECT_TRUE(writer_->Commit().ok());
      writer_.reset();
    }
    if (!searcher_) EXPECT_TRUE(Searcher::Open({Db()}, &searcher_).ok());
    req.limit = 1000;
    SearchResults res;
    Status s = searcher_->Search(req, &res);
    EXPECT_TRUE(s.ok()) << req.query << ": " << s.ToString();
    return res;
  }
  std::set<std::string> Ids(const std::string& query) {
    SearchRequest req;
    req.query = query;
    std::set<std::string> ids;
    for (const Hit& h : Search(req).hits) ids.insert(h.id);
    return ids;
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<IndexWriter> writer_;
  std::unique_ptr<Searcher> searcher_;
};

Release Make(const std::string& id, const std::string& title, const std::string& text) {
  Release r;
  r.id = id;
  r.title = title;
  r.published = "2026-03-02";
  r.organization = "Test Coalition";
  r.text = text;
  return r;
}

TEST(EntitySearchTest, FilterByAnyNameOfAnEntity) {
  Collection c("gold");
  c.AddFile(std::string(AMICUS_TEST_DATA) + "/releases.jsonl");
  std::set<std::string> ice = c.Ids("org:ICE");
  EXPECT_GE(ice.size(), 10u);
  EXPECT_EQ(c.Ids("org:\"U.S. Immigration and Customs Enforcement\""), ice);
  EXPECT_EQ(c.Ids("org:\"Servicio de Inmigración y Control de Aduanas\""), ice);
  EXPECT_EQ(c.Ids("org:\"servicio de inmigracion y control de aduanas\""), ice);  // case and accents
  std::set<std::string> buffalo = c.Ids("place:Buffalo");
  EXPECT_TRUE(buffalo.count("d004"));  // BUFFALO, NY dateline
  EXPECT_EQ(c.Ids("place:\"Buffalo, NY\""), buffalo);
  EXPECT_EQ(c.Ids("person:Mamdani"), c.Ids("person:\"Zohran Mamdani\""));
  EXPECT_EQ(c.Ids("person:\"Mayor Mamdani\""), c.Ids("person:\"Zohran Mamdani\""));
  // Different fields mean both; the same field twice means either.
  std::set<std::string> both = c.Ids("org:ICE place:Buffalo");
  for (const std::string& id : both) EXPECT_TRUE(ice.count(id) && buffalo.count(id)) << id;
  std::set<std::string> either = c.Ids("place:Buffalo place:Rochester");
  EXPECT_GE(either.size(), buffalo.size());
}

TEST(EntitySearchTest, MentionedDatesAndAmounts) {
  Collection c("gold2");
  c.AddFile(std::string(AMICUS_TEST_DATA) + "/releases.jsonl");
  EXPECT_TRUE(c.Ids("mentions:2026-04").count("d001"));     // "April 30, 2026" and "April"
  EXPECT_TRUE(c.Ids("mentions:2026-04-30").count("d001"));
  EXPECT_TRUE(c.Ids("mentions:FY2027").count("d001"));      // "Fiscal Year 2027"
  EXPECT_TRUE(c.Ids("mentions:2026-04-01..2026-04-30").count("d001"));
  EXPECT_TRUE(c.Ids("amount:4500000").count("d001"));       // "$4.5 million"
  EXPECT_TRUE(c.Ids("amount:4M..5M").count("d001"));
  EXPECT_FALSE(c.Ids("amount:5M..").count("d001"));
  EXPECT_TRUE(c.Ids("amount:100000000..").count("d002"));   // "$165 million"
}

TEST(EntitySearchTest, FreeTextKnowsEntities) {
  Collection c("synonyms");
  c.Add(Make("a", "Raids", "U.S. Immigration and Customs Enforcement (ICE) expanded detention in Newark."));
  c.Add(Make("b", "Report", "Immigration and Customs Enforcement agents ran the detention center in Elizabeth."));
  c.Add(Make("c", "Storm", "Schools closed after the storm; detention hearings were postponed."));
  std::set<std::string> ids = c.Ids("ICE detention");
  EXPECT_TRUE(ids.count("a"));
  EXPECT_TRUE(ids.count("b")) << "b says only \"Immigration and Customs Enforcement\"";
  EXPECT_FALSE(ids.count("c"));
}

TEST(EntitySearchTest, DuplicatesCollapseWithACount) {
  Collection c("dups");
  const std::string text = "NEWARK, N.J. — Advocates rallied for the Immigrant Trust Act on Monday.";
  c.Add(Make("one", "Rally", text));
  c.Add(Make("two", "Rally (copy)", "NEWARK, N.J. —  advocates rallied for the Immigrant Trust Act on Monday!"));
  c.Add(Make("three", "Other", "TRENTON, N.J. — A different release about the Immigrant Trust Act."));
  SearchRequest req;
  req.query = "\"Immigrant Trust Act\"";
  SearchResults r = c.Search(req);
  EXPECT_EQ(r.total, 2u);
  ASSERT_EQ(r.hits.size(), 2u);
  std::uint32_t copies = 0;
  for (const Hit& h : r.hits) copies += h.duplicates;
  EXPECT_EQ(copies, 1u);
  req.collapse_duplicates = false;
  EXPECT_EQ(c.Search(req).total, 3u);
}

// How many hits `query` has and how many copies were collapsed into them.
std::pair<std::size_t, std::uint32_t> HitsAndCopies(Searcher* s, const std::string& query) {
  SearchRequest req;
  req.query = query;
  SearchResults r;
  EXPECT_TRUE(s->Search(req, &r).ok());
  std::uint32_t copies = 0;
  for (const Hit& h : r.hits) copies += h.duplicates;
  return {r.hits.size(), copies};
}

// Copies in different shards collapse, and so do copies a writer has
// committed but not yet marked (its Commit marks them; until then the
// searcher collapses on every release's key).
TEST(EntitySearchTest, CopiesCollapseAcrossShardsAndWhileIndexing) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("amicus-entity-copies-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string db = (dir / "db").string();
  const std::string text = "NEWARK, N.J. — Advocates rallied for the Immigrant Trust Act on Monday.";
  IndexOptions options;
  options.shards = 2;
  options.batch_size = 1;
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(db, options, &w).ok());
  for (const char* id : {"one", "two", "three", "four"}) ASSERT_TRUE(w->Add(Make(id, "Rally", text)).ok());
  ASSERT_TRUE(w->Add(Make("other", "Other", "TRENTON, N.J. — Another release on the Immigrant Trust Act.")).ok());
  ASSERT_TRUE(w->Flush().ok());  // every release committed (batch_size 1), none marked
  auto search = [&] {
    std::unique_ptr<Searcher> s;
    EXPECT_TRUE(Searcher::Open({db}, &s).ok());
    return HitsAndCopies(s.get(), "\"Immigrant Trust Act\"");
  };
  EXPECT_EQ(search(), std::make_pair(std::size_t{2}, 3u));
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(search(), std::make_pair(std::size_t{2}, 3u));
  w.reset();
  std::filesystem::remove_all(dir);
}

// A collection without a single copy sets no collapse key at all
// (index/copies.h, kNoCopies); a searcher already open must start
// collapsing once a copy is committed, whichever of its calls reopens the
// databases first.
TEST(EntitySearchTest, AnOpenSearcherCollapsesTheFirstCopy) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("amicus-entity-first-copy-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string db = (dir / "db").string();
  const std::string text = "NEWARK, N.J. — Advocates rallied for the Immigrant Trust Act on Monday.";
  auto index = [&](const char* id, const std::string& body) {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db, IndexOptions(), &w).ok());
    ASSERT_TRUE(w->Add(Make(id, "Rally", body)).ok());
    ASSERT_TRUE(w->Commit().ok());
  };
  index("one", text);
  index("other", "TRENTON, N.J. — Another release on the Immigrant Trust Act.");
  std::unique_ptr<Searcher> searches, stats_first;
  ASSERT_TRUE(Searcher::Open({db}, &searches).ok());
  ASSERT_TRUE(Searcher::Open({db}, &stats_first).ok());
  auto search = [&](Searcher* s) { return HitsAndCopies(s, "\"Immigrant Trust Act\""); };
  EXPECT_EQ(search(searches.get()), std::make_pair(std::size_t{2}, 0u));
  EXPECT_EQ(search(stats_first.get()), std::make_pair(std::size_t{2}, 0u));
  index("two", text);  // a copy of "one"
  EXPECT_EQ(search(searches.get()), std::make_pair(std::size_t{2}, 1u));
  CollectionStats stats;
  ASSERT_TRUE(stats_first->Stats(10, &stats).ok());
  EXPECT_EQ(stats.releases, 3u);
  EXPECT_EQ(search(stats_first.get()), std::make_pair(std::size_t{2}, 1u));
  searches.reset();
  stats_first.reset();
  std::filesystem::remove_all(dir);
}

TEST(EntitySearchTest, MoreLikeThisAndSpelling) {
  Collection c("like");
  c.AddFile(std::string(AMICUS_TEST_DATA) + "/releases.jsonl");
  SearchRequest like;
  like.like_id = "d002";
  SearchResults r = c.Search(like);
  ASSERT_FALSE(r.hits.empty());
  for (const Hit& h : r.hits) EXPECT_NE(h.id, "d002");
  // d034 is the follow-up on the same budget fight.
  bool found = false;
  for (std::size_t i = 0; i < r.hits.size() && i < 5; ++i) found = found || r.hits[i].id == "d034";
  EXPECT_TRUE(found);

  SearchRequest typo;
  typo.query = "Mamdami";
  SearchResults t = c.Search(typo);
  EXPECT_EQ(t.total, 0u);
  EXPECT_EQ(t.suggestion, "mamdani");
  typo.query = "sanctuary";
  EXPECT_TRUE(c.Search(typo).suggestion.empty());
}

TEST(EntitySearchTest, FacetsAndEntityListing) {
  Collection c("facets");
  c.AddFile(std::string(AMICUS_TEST_DATA) + "/releases.jsonl");
  SearchRequest req;
  req.query = "org:ICE published:2026";
  req.facets = true;
  SearchResults r = c.Search(req);
  ASSERT_TRUE(r.has_facets);
  ASSERT_FALSE(r.facets.organizations.empty());
  EXPECT_EQ(r.facets.organizations[0].name, "Immigration and Customs Enforcement");
  EXPECT_EQ(r.facets.organizations[0].count, r.total);  // every match mentions it
  std::uint64_t months = 0;
  for (const FacetValue& m : r.facets.published_month) {
    EXPECT_EQ(m.name.substr(0, 4), "2026");
    months += m.count;
  }
  EXPECT_EQ(months, r.total);
}

}  // namespace
}  // namespace amicus
