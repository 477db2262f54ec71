// The facet counter (lib/search/facets.h) over the facet slot record the
// indexer writes (index/entity_terms.h EncodeFacetRecord), and over the
// per-category slots of amicus 0.1 databases.
#include "search/facets.h"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/entity_terms.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

// The names the indexer writes as metadata, for the tests' records.
std::map<std::string, std::string>& Names() {
  static std::map<std::string, std::string> names;
  return names;
}
std::string Lookup(const std::string& key) {
  auto it = Names().find(key);
  return it == Names().end() ? std::string() : it->second;
}

Xapian::Document WithRecord(const char* month, const char* dup, const EntityNames& names) {
  for (const auto& list : names) {
    for (const std::string& name : list) Names()[FacetNameKey(FacetNameHash(name))] = name;
  }
  Xapian::Document doc;
  doc.add_value(schema::kFacetSlot, EncodeFacetRecord(month, dup, names));
  return doc;
}

TEST(FacetSpyTest, CountsNamesMonthsAndCollapsedReleases) {
  FacetSpy spy;
  EntityNames a;
  a[0] = {"Zohran Mamdani", "Kathy Hochul"};
  a[1] = {"ICE"};
  a[3] = {"Buffalo, NY"};
  EntityNames b;
  b[0] = {"Kathy Hochul"};
  b[2] = {"Protect Our Courts Act"};
  spy(WithRecord("202601", "00000000000000ab", a), 0);
  spy(WithRecord("202601", "00000000000000ab", a), 0);  // a copy of the first
  spy(WithRecord("202603", "", b), 0);
  spy(WithRecord("", "", EntityNames()), 0);
  Facets f = spy.Result(10, Lookup);
  ASSERT_EQ(f.people.size(), 2u);
  EXPECT_EQ(f.people[0].name, "Kathy Hochul");  // facets count every match, copies too
  EXPECT_EQ(f.people[0].count, 3u);
  EXPECT_EQ(f.people[1].name, "Zohran Mamdani");
  EXPECT_EQ(f.people[1].count, 2u);
  ASSERT_EQ(f.legislation.size(), 1u);
  EXPECT_EQ(f.legislation[0].name, "Protect Our Courts Act");
  ASSERT_EQ(f.published_month.size(), 2u);
  EXPECT_EQ(f.published_month[0].name, "2026-01");
  EXPECT_EQ(f.published_month[0].count, 2u);
  EXPECT_EQ(f.published_month[1].name, "2026-03");
  EXPECT_EQ(spy.CollapsedCount(), 3u);  // the copy counted once
  EXPECT_EQ(spy.Result(1, Lookup).people.size(), 1u);
}

TEST(FacetSpyTest, ReadsTheSlotsOfOlderDatabases) {
  FacetSpy spy;
  Xapian::Document doc;
  doc.add_value(schema::kPeopleSlot, std::string("Ana Ruiz") + schema::kListSeparator + "Luis Ortiz");
  doc.add_value(schema::kPlacesSlot, "El Paso, TX");
  doc.add_value(schema::kPublishedSlot, "20260214");
  doc.add_value(schema::kDuplicateSlot, "0123456789abcdef");
  spy(doc, 0);
  spy(doc, 0);
  Facets f = spy.Result(10, Lookup);
  ASSERT_EQ(f.people.size(), 2u);
  EXPECT_EQ(f.people[0].count, 2u);
  ASSERT_EQ(f.locations.size(), 1u);
  EXPECT_EQ(f.locations[0].name, "El Paso, TX");
  ASSERT_EQ(f.published_month.size(), 1u);
  EXPECT_EQ(f.published_month[0].name, "2026-02");
  EXPECT_EQ(spy.CollapsedCount(), 1u);
}

TEST(FacetSpyTest, TruncatedRecordsCountWhatTheyHold) {
  FacetSpy spy;
  EntityNames a;
  a[0] = {"Zohran Mamdani"};
  std::string record = EncodeFacetRecord("202601", "", a);
  Xapian::Document doc;
  // The last 6 bytes are the three empty lists; 3 more cut into the hash.
  doc.add_value(schema::kFacetSlot, record.substr(0, record.size() - 9));
  spy(doc, 0);
  Facets f = spy.Result(10, Lookup);
  EXPECT_TRUE(f.people.empty());
  ASSERT_EQ(f.published_month.size(), 1u);
}

// Two counters over two halves of the releases, merged, count as one
// counter over all of them: names and months add up, a duplicate key seen
// on both sides is one release.
TEST(FacetSpyTest, MergedHalvesCountLikeTheWhole) {
  EntityNames a;
  a[0] = {"Zohran Mamdani", "Kathy Hochul"};
  a[1] = {"ICE"};
  EntityNames b;
  b[1] = {"ICE", "New York Immigration Coalition"};
  b[3] = {"Buffalo, NY"};
  const std::vector<Xapian::Document> docs = {
      WithRecord("202601", "00000000000000ab", a), WithRecord("202601", "00000000000000ab", a),
      WithRecord("202603", "", b),                  WithRecord("185007", "0000000000000001", b),  // outside the month array
      WithRecord("250012", "00000000000000ab", b),  WithRecord("", "", EntityNames())};
  FacetSpy whole, left, right;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    whole(docs[i], 0);
    (i % 2 ? right : left)(docs[i], 0);
  }
  left.Merge(right);
  const Facets w = whole.Result(10, Lookup), m = left.Result(10, Lookup);
  EXPECT_EQ(left.CollapsedCount(), whole.CollapsedCount());
  EXPECT_EQ(whole.CollapsedCount(), 4u);  // ab three times, 01 once, two without a key
  auto same = [](const std::vector<FacetValue>& x, const std::vector<FacetValue>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i].name != y[i].name || x[i].count != y[i].count) return false;
    }
    return true;
  };
  EXPECT_TRUE(same(w.people, m.people));
  EXPECT_TRUE(same(w.organizations, m.organizations));
  EXPECT_TRUE(same(w.locations, m.locations));
  EXPECT_TRUE(same(w.published_month, m.published_month));
  ASSERT_EQ(m.organizations.size(), 2u);
  EXPECT_EQ(m.organizations[0].name, "ICE");
  EXPECT_EQ(m.organizations[0].count, 5u);
  ASSERT_EQ(m.published_month.size(), 4u);  // oldest first, both sides of the array's years
  EXPECT_EQ(m.published_month.front().name, "1850-07");
  EXPECT_EQ(m.published_month.back().name, "2500-12");
}

// Thousands of names with many equal counts: the top N are those of a
// plain sort (most releases first, ties at the cut by hash, then shown in
// name order), the table grows past its first size, and Clear() leaves a
// counter that counts the next query from nothing.
TEST(FacetSpyTest, TopNamesAreThoseOfAFullSortAndClearForgetsThem) {
  std::mt19937 rng(7);
  std::map<std::string, std::uint64_t> truth;
  FacetSpy spy;
  for (int release = 0; release < 4000; ++release) {
    EntityNames names;
    for (int k = 0; k < 6; ++k) {
      // Skewed: a few names in many releases, most in one or two.
      const int n = static_cast<int>(std::min<std::uint32_t>(rng() % 30000, rng() % 30000));
      names[0].push_back("Person " + std::to_string(n));
    }
    std::sort(names[0].begin(), names[0].end());
    names[0].erase(std::unique(names[0].begin(), names[0].end()), names[0].end());
    for (const std::string& name : names[0]) ++truth[name];
    spy(WithRecord("202601", "", names), 0);
  }
  ASSERT_GT(truth.size(), 8192u);  // the table (16,384 slots at first) doubles at half load
  std::vector<std::pair<std::uint64_t, std::string>> all;  // (hash, name)
  for (const auto& [name, count] : truth) all.emplace_back(FacetNameHash(name), name);
  std::sort(all.begin(), all.end(), [&](const auto& x, const auto& y) {
    const std::uint64_t cx = truth[x.second], cy = truth[y.second];
    return cx != cy ? cx > cy : x.first < y.first;
  });
  for (std::uint32_t limit : {1u, 10u, 100u, 5000u}) {
    std::vector<FacetValue> want;
    for (std::size_t i = 0; i < limit && i < all.size(); ++i) want.push_back({all[i].second, truth[all[i].second]});
    std::sort(want.begin(), want.end(), [](const FacetValue& x, const FacetValue& y) {
      return x.count != y.count ? x.count > y.count : x.name < y.name;
    });
    const std::vector<FacetValue> got = spy.Result(limit, Lookup).people;
    ASSERT_EQ(got.size(), want.size()) << limit;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(got[i].name, want[i].name) << limit << " #" << i;
      EXPECT_EQ(got[i].count, want[i].count) << limit << " #" << i;
    }
  }
  spy.Clear();
  Facets empty = spy.Result(10, Lookup);
  EXPECT_TRUE(empty.people.empty());
  EXPECT_TRUE(empty.published_month.empty());
  EXPECT_EQ(spy.CollapsedCount(), 0u);
  EntityNames one;
  one[2] = {"Protect Our Courts Act"};
  spy(WithRecord("202602", "00000000000000cd", one), 0);
  Facets after = spy.Result(10, Lookup);
  ASSERT_EQ(after.legislation.size(), 1u);
  EXPECT_EQ(after.legislation[0].count, 1u);
  ASSERT_EQ(after.published_month.size(), 1u);
  EXPECT_EQ(after.published_month[0].name, "2026-02");
  EXPECT_EQ(spy.CollapsedCount(), 1u);
}

}  // namespace
}  // namespace amicus::internal
