// Search over the bundled releases (tests/data/releases.jsonl): each form of
// the query language, sorting, pagination, snippets and the JSON shape.
// Expected sets come from the releases' own metadata, not from amicus.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "amicus/index.h"
#include "amicus/ingest.h"
#include "amicus/search.h"
#include "search/query_builder.h"

namespace amicus {
namespace {

const std::string kReleases = std::string(AMICUS_TEST_DATA) + "/releases.jsonl";

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("amicus-search-test-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
    Status s = ReadReleases({kReleases}, {}, [&](Release&& r) { return w->Add(r).ok(); },
                            [](const IngestProblem& p) { ADD_FAILURE() << p.ToString(); });
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_TRUE(w->Commit().ok());
    ASSERT_EQ(w->size(), 36u);
    meta_ = new std::vector<nlohmann::json>;
    std::ifstream in(kReleases);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) meta_->push_back(nlohmann::json::parse(line));
    }
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete meta_;
  }
  static std::string DbPath() { return (*dir_ / "db").string(); }

  void SetUp() override { ASSERT_TRUE(Searcher::Open({DbPath()}, &searcher_).ok()); }

  SearchResults Run(const std::string& query, std::uint32_t limit = 100,
                    SortOrder sort = SortOrder::kRelevance) {
    SearchRequest req;
    req.query = query;
    req.limit = limit;
    req.sort = sort;
    SearchResults res;
    Status s = searcher_->Search(req, &res);
    EXPECT_TRUE(s.ok()) << query << ": " << s.ToString();
    return res;
  }
  std::set<std::string> Ids(const std::string& query) {
    std::set<std::string> ids;
    for (const Hit& h : Run(query).hits) ids.insert(h.id);
    return ids;
  }
  // Ids of releases whose metadata satisfies `pred`.
  template <typename Pred>
  static std::set<std::string> Where(Pred pred) {
    std::set<std::string> ids;
    for (const auto& j : *meta_) {
      if (pred(j)) ids.insert(j["id"].get<std::string>());
    }
    return ids;
  }
  static std::set<std::string> TextContains(const std::string& needle) {
    return Where([&](const nlohmann::json& j) {
      return j["text"].get<std::string>().find(needle) != std::string::npos ||
             j["meta"]["title"].get<std::string>().find(needle) != std::string::npos;
    });
  }

  static std::filesystem::path* dir_;
  static std::vector<nlohmann::json>* meta_;
  std::unique_ptr<Searcher> searcher_;
};
std::filesystem::path* SearchTest::dir_ = nullptr;
std::vector<nlohmann::json>* SearchTest::meta_ = nullptr;

TEST_F(SearchTest, SingleWordFindsEveryReleaseWithIt) {
  EXPECT_EQ(Ids("Rikers"), TextContains("Rikers"));
  EXPECT_EQ(Ids("CoreCivic"), TextContains("CoreCivic"));
}

TEST_F(SearchTest, AccentsAndCaseDoNotMatter) {
  std::set<std::string> accented = Ids("Lucía");
  EXPECT_EQ(Ids("lucia"), accented);
  EXPECT_EQ(Ids("LUCIA"), accented);
  EXPECT_TRUE(accented.count("d001"));
}

TEST_F(SearchTest, StemmingMatchesOtherForms) {
  // "signs" in a title, "signed" in the text of d001.
  EXPECT_TRUE(Ids("signing").count("d001"));
}

TEST_F(SearchTest, PhraseNeedsWordsTogether) {
  EXPECT_EQ(Ids("\"judicial warrant\""), TextContains("judicial warrant"));
  EXPECT_TRUE(Ids("\"Ferreira-Oyelaran\"").count("d001"));
}

TEST_F(SearchTest, BooleanOperators) {
  std::set<std::string> ice = Ids("ICE"), rikers = Ids("Rikers");
  std::set<std::string> both, either, ice_not_rikers;
  std::set_intersection(ice.begin(), ice.end(), rikers.begin(), rikers.end(), std::inserter(both, both.end()));
  std::set_union(ice.begin(), ice.end(), rikers.begin(), rikers.end(), std::inserter(either, either.end()));
  std::set_difference(ice.begin(), ice.end(), rikers.begin(), rikers.end(),
                      std::inserter(ice_not_rikers, ice_not_rikers.end()));
  EXPECT_EQ(Ids("ICE AND Rikers"), both);
  EXPECT_EQ(Ids("ICE Rikers"), both);  // default operator is AND
  EXPECT_EQ(Ids("ICE OR Rikers"), either);
  EXPECT_EQ(Ids("ICE NOT Rikers"), ice_not_rikers);
  EXPECT_EQ(Ids("ICE -Rikers"), ice_not_rikers);
  EXPECT_EQ(Ids("(ICE OR Rikers) AND Mamdani"), Ids("Mamdani"));
}

TEST_F(SearchTest, ProtectedTokens) {
  EXPECT_TRUE(Ids("287(g)").count("d006"));
  EXPECT_TRUE(Ids("\"H.R. 5521\"").count("d008"));
  EXPECT_TRUE(Ids("\"Int. 0214-2026\"").count("d020"));
  EXPECT_TRUE(Ids("\"$4.5 million\"").count("d001"));
  EXPECT_TRUE(Ids("\"NYC Health + Hospitals\"").count("d001"));
  EXPECT_TRUE(Ids("\"SB 4\"").count("d011"));
}

TEST_F(SearchTest, TitleField) {
  EXPECT_EQ(Ids("title:sanctuary"), Where([](const nlohmann::json& j) {
              std::string t = j["meta"]["title"].get<std::string>();
              return t.find("Sanctuary") != std::string::npos || t.find("sanctuary") != std::string::npos;
            }));
}

TEST_F(SearchTest, IdField) {
  SearchResults r = Run("id:d007");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, "d007");
}

TEST_F(SearchTest, PublisherFieldByFullNameOrWords) {
  auto by_org = [](const std::string& org) {
    return Where([&](const nlohmann::json& j) { return j["meta"]["organization"] == org; });
  };
  EXPECT_EQ(Ids("publisher:\"NYC Office of the Mayor\""), by_org("NYC Office of the Mayor"));
  EXPECT_EQ(Ids("publisher:\"nyc office of the mayor\""), by_org("NYC Office of the Mayor"));
  EXPECT_TRUE(Ids("publisher:Alianza").count("d007"));
}

TEST_F(SearchTest, LanguageField) {
  std::set<std::string> es = Ids("lang:es"), en = Ids("lang:en");
  EXPECT_TRUE(es.count("d007"));
  EXPECT_TRUE(es.count("d012"));
  EXPECT_FALSE(es.count("d001"));
  EXPECT_EQ(es.size() + en.size(), 36u);
}

TEST_F(SearchTest, PublishedForms) {
  auto published = [](auto pred) {
    return Where([&](const nlohmann::json& j) { return pred(j["meta"]["published"].get<std::string>()); });
  };
  EXPECT_EQ(Ids("published:2026"), published([](const std::string& d) { return d.substr(0, 4) == "2026"; }));
  EXPECT_EQ(Ids("published:2026-01"), published([](const std::string& d) { return d.substr(0, 7) == "2026-01"; }));
  EXPECT_EQ(Ids("published:2026-01-20"), published([](const std::string& d) { return d == "2026-01-20"; }));
  EXPECT_EQ(Ids("published:2026-01..2026-02"),
            published([](const std::string& d) { return d >= "2026-01-01" && d <= "2026-02-28"; }));
  EXPECT_EQ(Ids("published:2026-03.."), published([](const std::string& d) { return d >= "2026-03-01"; }));
  EXPECT_EQ(Ids("published:..2025-11-13"), published([](const std::string& d) { return d <= "2025-11-13"; }));
  // The same field twice means either.
  EXPECT_EQ(Ids("published:2025-06 published:2025-09"),
            published([](const std::string& d) { return d.substr(0, 7) == "2025-06" || d.substr(0, 7) == "2025-09"; }));
}

TEST_F(SearchTest, BadFilterValuesAreClearErrors) {
  const char* bad[] = {"published:2026-13", "published:2026-02-30", "published:next-week", "published:..",
                       "published:2026-05..2026-01", "lang:fr", "sanctuary AND", "(sanctuary OR"};
  for (const char* q : bad) {
    SearchRequest req;
    req.query = q;
    SearchResults res;
    Status s = searcher_->Search(req, &res);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << q << " gave " << s.ToString();
    EXPECT_FALSE(s.message().empty());
  }
}

TEST_F(SearchTest, SortByDate) {
  SearchResults newest = Run("immigrant", 100, SortOrder::kNewest);
  SearchResults oldest = Run("immigrant", 100, SortOrder::kOldest);
  ASSERT_GT(newest.hits.size(), 5u);
  for (std::size_t i = 1; i < newest.hits.size(); ++i) {
    EXPECT_GE(newest.hits[i - 1].published, newest.hits[i].published);
    EXPECT_LE(oldest.hits[i - 1].published, oldest.hits[i].published);
  }
}

TEST_F(SearchTest, RelevanceRanksAndPaginates) {
  SearchResults all = Run("immigration detention", 100);
  ASSERT_GT(all.hits.size(), 4u);
  EXPECT_TRUE(all.total_exact);
  EXPECT_EQ(all.total, all.hits.size());
  for (std::size_t i = 1; i < all.hits.size(); ++i) EXPECT_GE(all.hits[i - 1].score, all.hits[i].score);
  SearchRequest req;
  req.query = "immigration detention";
  req.offset = 2;
  req.limit = 2;
  SearchResults page;
  ASSERT_TRUE(searcher_->Search(req, &page).ok());
  ASSERT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.hits[0].id, all.hits[2].id);
  EXPECT_EQ(page.hits[0].rank, 3u);
  EXPECT_EQ(page.hits[1].id, all.hits[3].id);
  EXPECT_EQ(page.total, all.total);
}

TEST_F(SearchTest, SnippetsHighlightMatchesAlsoWithoutAccents) {
  SearchResults r = Run("lucia");
  ASSERT_FALSE(r.hits.empty());
  bool found = false;
  for (const Hit& h : r.hits) {
    if (h.id == "d001") {
      found = true;
      EXPECT_NE(h.snippet.find("<b>Lucía</b>"), std::string::npos) << h.snippet;
    }
  }
  EXPECT_TRUE(found);
  r = Run("sanctuary published:2026-01");
  ASSERT_FALSE(r.hits.empty());
  for (const Hit& h : r.hits) {
    EXPECT_NE(h.snippet.find("<b>"), std::string::npos) << h.id << ": " << h.snippet;
    EXPECT_LE(h.snippet.size(), 400u);
  }
}

TEST_F(SearchTest, ZeroSnippetBytesMeansNoSnippets) {
  SearchRequest req;
  req.query = "sanctuary";
  req.snippet_bytes = 0;
  SearchResults without;
  ASSERT_TRUE(searcher_->Search(req, &without).ok());
  SearchResults with = Run("sanctuary");
  ASSERT_FALSE(without.hits.empty());
  ASSERT_EQ(without.hits.size(), std::min<std::size_t>(with.hits.size(), 10));
  for (std::size_t i = 0; i < without.hits.size(); ++i) {
    EXPECT_EQ(without.hits[i].id, with.hits[i].id);
    EXPECT_EQ(without.hits[i].snippet, "");
    EXPECT_NE(with.hits[i].snippet, "");
  }
}

TEST_F(SearchTest, ShortSpanishQueriesFindSpanishReleases) {
  // One or two Spanish words do not tell the language detector anything;
  // Spanish releases are stemmed in Spanish ("derechos" -> "derech"), so
  // the query must be read that way too.
  EXPECT_TRUE(Ids("derechos").count("d007"));
  EXPECT_TRUE(Ids("talleres gratuitos").count("d007"));
  EXPECT_TRUE(Ids("investigación federal").count("d012"));
  // English words still find English releases the English way.
  EXPECT_TRUE(Ids("signing").count("d001"));
}

TEST_F(SearchTest, ExcludedWordExcludesInEveryLanguageReading) {
  // Read in Spanish, "sanctuary" stems differently and would not exclude
  // the English releases that have it.
  std::set<std::string> with_sanctuary;
  for (const std::string& id : TextContains("anctuar")) with_sanctuary.insert(id);
  ASSERT_FALSE(with_sanctuary.empty());
  std::set<std::string> hits = Ids("Brooklyn -sanctuary");
  EXPECT_FALSE(hits.empty());
  for (const std::string& id : hits) EXPECT_FALSE(with_sanctuary.count(id)) << id;
}

TEST_F(SearchTest, HitsCarryTheirStoredFieldsAndEntities) {
  SearchResults r = Run("id:d001");
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.title, (*meta_)[0]["meta"]["title"].get<std::string>());
  EXPECT_EQ(h.published, "2026-01-20");
  EXPECT_EQ(h.organization, "NYC Office of the Mayor");
  EXPECT_EQ(h.url, (*meta_)[0]["meta"]["url"].get<std::string>());
  EXPECT_NE(std::find(h.people.begin(), h.people.end(), "Zohran Mamdani"), h.people.end());
  EXPECT_FALSE(h.organizations.empty());
  EXPECT_FALSE(h.locations.empty());
}

TEST_F(SearchTest, SpellingSuggestionsOnlyForUnknownWords) {
  SearchResults r = Run("Mamdami sanctuary");
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.suggestion, "mamdani sanctuary");
  // A word the collection has is kept even when a more frequent one is near.
  r = Run("sanctuary xqzvbw");
  EXPECT_EQ(r.total, 0u);
  EXPECT_TRUE(r.suggestion.empty()) << r.suggestion;
  // Field values and excluded words are left as typed.
  r = Run("person:Mamdami");
  EXPECT_TRUE(r.suggestion.empty()) << r.suggestion;
}

TEST_F(SearchTest, JsonHasTheContractShape) {
  SearchRequest req;
  req.query = "sanctuary published:2026-01";
  SearchResults res;
  ASSERT_TRUE(searcher_->Search(req, &res).ok());
  nlohmann::json j = nlohmann::json::parse(SearchResultsToJson(res));
  EXPECT_EQ(j["query"], "sanctuary published:2026-01");
  EXPECT_TRUE(j["total"].is_number_unsigned());
  EXPECT_EQ(j["offset"], 0);
  ASSERT_TRUE(j["hits"].is_array());
  ASSERT_FALSE(j["hits"].empty());
  for (const auto& h : j["hits"]) {
    for (const char* key : {"rank", "id", "score", "title", "published", "organization", "url", "snippet"}) {
      EXPECT_TRUE(h.contains(key)) << key;
    }
    EXPECT_EQ(h["published"].get<std::string>().substr(0, 7), "2026-01");
  }
}

TEST_F(SearchTest, EmptyQueryListsEverything) {
  SearchResults r = Run("", 100, SortOrder::kNewest);
  EXPECT_EQ(r.total, 36u);
}

TEST(PublishedFilterTest, RangeBoundsCoverWholeMonths) {
  Xapian::Query q;
  ASSERT_TRUE(internal::PublishedFilter("2024-02..2024-02", &q).ok());
  EXPECT_NE(q.get_description().find("20240229"), std::string::npos) << q.get_description();
  ASSERT_TRUE(internal::PublishedFilter("2026..", &q).ok());
  EXPECT_NE(q.get_description().find("20260101"), std::string::npos) << q.get_description();
}

}  // namespace
}  // namespace amicus
