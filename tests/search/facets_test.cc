// The facet counter (lib/search/facets.h) over the facet slot record the
// indexer writes (index/entity_terms.h EncodeFacetRecord), and over the
// per-category slots of amicus 0.1 databases.
#include "search/facets.h"

#include <map>
#include <string>

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

}  // namespace
}  // namespace amicus::internal
