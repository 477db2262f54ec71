// Entity retrieval against hand annotations: for every gold entity, a filter
// query by its canonical name and by each alias must return exactly the
// releases whose gold annotations contain that entity (and, for a name the
// annotations give to several entities, those of each); likewise mentions:
// for gold dates and amount: for gold money values. Precision and recall are
// summed over all queries, one query per distinct name.
//
// Runs on the bundled gold copy (tests/data/releases.jsonl), on the
// development set (tests/data/dev/releases.jsonl) when present, and on any
// file named by $AMICUS_RETRIEVAL_GOLD (the held-out set is scored that way).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "amicus/extract.h"
#include "amicus/index.h"
#include "amicus/ingest.h"
#include "amicus/search.h"
#include "amicus/text.h"

namespace amicus {
namespace {

struct Counts {
  std::uint64_t tp = 0, fp = 0, fn = 0, queries = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  void Add(const std::set<std::string>& got, const std::set<std::string>& want) {
    ++queries;
    for (const auto& id : got) (want.count(id) ? tp : fp)++;
    for (const auto& id : want) fn += got.count(id) ? 0 : 1;
  }
};

struct Retrieval {
  Counts entities, dates, money;
  std::vector<std::string> misses;  // a sample of failing queries, for the log
};

class GoldCollection {
 public:
  explicit GoldCollection(const std::string& path) : path_(path) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) docs_.push_back(nlohmann::json::parse(line));
    }
    dir_ = std::filesystem::temp_directory_path() /
           ("amicus-retrieval-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::remove_all(dir_);
    std::unique_ptr<IndexWriter> w;
    Status s = IndexWriter::Open(Db(), {}, &w);
    EXPECT_TRUE(s.ok()) << s.ToString();
    s = ReadReleases({path}, {}, [&](Release&& r) { return w->Add(r).ok(); },
                     [](const IngestProblem& p) { ADD_FAILURE() << p.ToString(); });
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_TRUE(w->Commit().ok());
  }
  ~GoldCollection() { std::filesystem::remove_all(dir_); }
  std::string Db() const { return (dir_ / "db").string(); }
  const std::vector<nlohmann::json>& docs() const { return docs_; }

  std::set<std::string> Ids(Searcher* searcher, const std::string& query) {
    SearchRequest req;
    req.query = query;
    req.limit = 100000;
    req.collapse_duplicates = false;
    SearchResults res;
    Status s = searcher->Search(req, &res);
    EXPECT_TRUE(s.ok()) << query << ": " << s.ToString();
    std::set<std::string> ids;
    for (const Hit& h : res.hits) ids.insert(h.id);
    return ids;
  }

  Retrieval Evaluate() {
    Retrieval r;
    std::unique_ptr<Searcher> searcher;
    Status s = Searcher::Open({Db()}, &searcher);
    EXPECT_TRUE(s.ok()) << s.ToString();
    if (!s.ok()) return r;
    const std::pair<const char*, const char*> categories[] = {
        {"people", "person"}, {"organizations", "org"}, {"legislation", "law"}, {"locations", "place"}};
    for (const auto& [category, field] : categories) {
      // Entities are told apart by their canonical names. A name designates
      // every entity that the annotations give it to ("Senate" is the New
      // York State Senate in one release and the U.S. Senate in another), so
      // a query by that name must find the releases of all of them — and
      // every release of each, whatever name that release used.
      std::map<std::string, std::set<std::string>> docs_of;      // canonical key -> releases
      std::map<std::string, std::set<std::string>> entities_of;  // name key -> canonical keys
      std::map<std::string, std::string> written;                // name key -> one written form
      for (const auto& d : docs_) {
        for (const auto& e : d["gold"][category]) {
          std::string canonical = NameKey(e["name"].get<std::string>());
          docs_of[canonical].insert(d["id"].get<std::string>());
          std::vector<std::string> names = {e["name"].get<std::string>()};
          for (const auto& a : e["aliases"]) names.push_back(a.get<std::string>());
          for (const std::string& n : names) {
            entities_of[NameKey(n)].insert(canonical);
            written.emplace(NameKey(n), n);
          }
        }
      }
      for (const auto& [name_key, canonicals] : entities_of) {
        const std::string& name = written[name_key];
        if (name.find('"') != std::string::npos) continue;
        std::set<std::string> want;
        for (const std::string& c : canonicals) want.insert(docs_of[c].begin(), docs_of[c].end());
        std::string q = std::string(field) + ":\"" + name + "\"";
        std::set<std::string> got = Ids(searcher.get(), q);
        r.entities.Add(got, want);
        if (got != want && r.misses.size() < 400) {
          r.misses.push_back(q + " got " + std::to_string(got.size()) + " want " + std::to_string(want.size()));
        }
      }
    }
    // mentions: every gold date value; a release matches when one of its
    // gold dates lies within the value (a day within a month or year).
    std::set<std::string> date_values;
    for (const auto& d : docs_) {
      for (const auto& x : d["gold"]["dates"]) date_values.insert(x["value"].get<std::string>());
    }
    for (const std::string& v : date_values) {
      std::set<std::string> want;
      for (const auto& d : docs_) {
        for (const auto& x : d["gold"]["dates"]) {
          std::string dv = x["value"].get<std::string>();
          bool fiscal = v.compare(0, 2, "FY") == 0;
          if (fiscal ? dv == v : (dv.compare(0, 2, "FY") != 0 && dv.compare(0, v.size(), v) == 0)) {
            want.insert(d["id"].get<std::string>());
          }
        }
      }
      std::set<std::string> got = Ids(searcher.get(), "mentions:" + v);
      r.dates.Add(got, want);
      if (got != want && r.misses.size() < 60) r.misses.push_back("mentions:" + v);
    }
    std::set<double> amounts;
    for (const auto& d : docs_) {
      for (const auto& x : d["gold"]["money"]) amounts.insert(x["value"].get<double>());
    }
    for (double v : amounts) {
      std::set<std::string> want;
      for (const auto& d : docs_) {
        for (const auto& x : d["gold"]["money"]) {
          if (x["value"].get<double>() == v) want.insert(d["id"].get<std::string>());
        }
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f", v);
      std::string q = std::string("amount:") + buf + ".." + buf;
      std::set<std::string> got = Ids(searcher.get(), q);
      r.money.Add(got, want);
      if (got != want && r.misses.size() < 80) r.misses.push_back(q);
    }
    return r;
  }

 private:
  static int counter_;
  std::string path_;
  std::vector<nlohmann::json> docs_;
  std::filesystem::path dir_;
};
int GoldCollection::counter_ = 0;

void Report(const std::string& name, const Retrieval& r) {
  auto line = [&](const char* what, const Counts& c) {
    std::cout << name << " " << what << ": " << c.queries << " queries, precision " << c.precision()
              << ", recall " << c.recall() << "\n";
  };
  line("entities", r.entities);
  line("mentions", r.dates);
  line("amounts", r.money);
  for (const auto& m : r.misses) std::cout << "  miss: " << m << "\n";
}

constexpr double kThreshold = 0.97;

// Indexes an annotated file and checks every retrieval figure against the
// threshold.
void CheckRetrieval(const std::string& path, const std::string& label) {
  GoldCollection gold(path);
  Retrieval r = gold.Evaluate();
  Report(label, r);
  EXPECT_GE(r.entities.precision(), kThreshold);
  EXPECT_GE(r.entities.recall(), kThreshold);
  EXPECT_GE(r.dates.precision(), kThreshold);
  EXPECT_GE(r.dates.recall(), kThreshold);
  EXPECT_GE(r.money.precision(), kThreshold);
  EXPECT_GE(r.money.recall(), kThreshold);
}

TEST(EntityRetrievalTest, BundledGoldCopy) {
  CheckRetrieval(std::string(AMICUS_TEST_DATA) + "/releases.jsonl", "gold");
}

TEST(EntityRetrievalTest, DevelopmentSet) {
  CheckRetrieval(std::string(AMICUS_TEST_DATA) + "/dev/releases.jsonl", "dev");
}

TEST(EntityRetrievalTest, ExternalGoldFile) {
  const char* path = std::getenv("AMICUS_RETRIEVAL_GOLD");
  if (path == nullptr || *path == '\0') GTEST_SKIP() << "set AMICUS_RETRIEVAL_GOLD to a gold JSONL file";
  CheckRetrieval(path, path);
}

// Facet counts equal counts made independently from the extractor's output.
TEST(FacetTest, CountsEqualExtractedEntities) {
  const std::string path = std::string(AMICUS_TEST_DATA) + "/releases.jsonl";
  GoldCollection gold(path);
  std::unique_ptr<Extractor> extractor;
  ASSERT_TRUE(Extractor::Create(&extractor).ok());
  std::map<std::string, std::uint64_t> want[4];
  std::map<std::string, std::uint64_t> want_months;
  std::map<std::string, std::uint64_t> want_en[4];
  ASSERT_TRUE(ReadReleases({path}, {},
                           [&](Release&& r) {
                             Entities e = extractor->Extract(r);
                             const std::vector<NamedEntity>* lists[4] = {&e.people, &e.organizations,
                                                                         &e.legislation, &e.locations};
                             bool english = DetectLanguage(r.title + "\n" + r.text) == "en";
                             for (int i = 0; i < 4; ++i) {
                               std::set<std::string> seen;
                               for (const NamedEntity& n : *lists[i]) {
                                 if (!seen.insert(NameKey(n.name)).second) continue;
                                 ++want[i][n.name];
                                 if (english) ++want_en[i][n.name];
                               }
                             }
                             ++want_months[r.published.substr(0, 7)];
                             return true;
                           },
                           [](const IngestProblem& p) { ADD_FAILURE() << p.ToString(); })
                  .ok());
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open({gold.Db()}, &searcher).ok());
  for (const char* query : {"", "lang:en"}) {
    SearchRequest req;
    req.query = query;
    req.facets = true;
    req.facet_limit = 100000;
    req.collapse_duplicates = false;
    SearchResults res;
    ASSERT_TRUE(searcher->Search(req, &res).ok());
    ASSERT_TRUE(res.has_facets);
    const std::vector<FacetValue>* got[4] = {&res.facets.people, &res.facets.organizations,
                                             &res.facets.legislation, &res.facets.locations};
    for (int i = 0; i < 4; ++i) {
      std::map<std::string, std::uint64_t> g;
      for (const FacetValue& v : *got[i]) g[v.name] = v.count;
      EXPECT_EQ(g, std::string(query).empty() ? want[i] : want_en[i]) << "category " << i << " query " << query;
      for (std::size_t k = 1; k < got[i]->size(); ++k) EXPECT_GE((*got[i])[k - 1].count, (*got[i])[k].count);
    }
    if (std::string(query).empty()) {
      std::map<std::string, std::uint64_t> g;
      for (const FacetValue& v : res.facets.published_month) g[v.name] = v.count;
      EXPECT_EQ(g, want_months);
    }
  }
}

}  // namespace
}  // namespace amicus
