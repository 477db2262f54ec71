// Dateline recognition over the built-in gazetteer: table of openings,
// including forms the guideline file does not use.
#include "extract/dateline.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "extract/test_gazetteer.h"

namespace amicus::internal {
namespace {

const Gazetteer& G() { return TestGazetteer(); }

struct Case {
  const char* text;
  const char* city;    // "" = no dateline
  const char* region;
  const char* surface;
};

TEST(DatelineTest, Table) {
  const Case cases[] = {
      {"New York, NY\xE2\x80\x94Today, the mayor", "New York", "NY", "New York, NY"},
      {"BUFFALO, N.Y. \xE2\x80\x93 Refugee agencies", "Buffalo", "NY", "BUFFALO, N.Y."},
      {"WASHINGTON \xE2\x80\x94 The group", "Washington", "DC", "WASHINGTON"},
      {"WASHINGTON, D.C. \xE2\x80\x93 The network", "Washington", "DC", "WASHINGTON, D.C."},
      {"ALBANY, N.Y. (February 10, 2026) \xE2\x80\x94 Hundreds", "Albany", "NY", "ALBANY, N.Y."},
      {"ROCHESTER, N.Y., Jan. 9, 2026 /PRNewswire/ -- Advocates", "Rochester", "NY", "ROCHESTER, N.Y."},
      {"CHICAGO \xE2\x80\x94 The collaborative", "Chicago", "IL", "CHICAGO"},
      {"SACRAMENTO, Calif. \xE2\x80\x94 State Senator", "Sacramento", "CA", "SACRAMENTO, Calif."},
      {"Rochester, New York \xE2\x80\x94 In a vote", "Rochester", "NY", "Rochester, New York"},
      {"Nueva York, NY \xE2\x80\x94 Hoy, la alianza", "New York", "NY", "Nueva York, NY"},
      {"QUEENS, N.Y. \xE2\x80\x94 Workers", "Queens", "NY", "QUEENS, N.Y."},
      {"EL PASO, Texas \xE2\x80\x94 La coalici\xC3\xB3n", "El Paso", "TX", "EL PASO, Texas"},
      {"WHITE PLAINS, N.Y. \xE2\x80\x94 The board", "White Plains", "NY", "WHITE PLAINS, N.Y."},
      // Not in the guideline file:
      {"DENVER \xE2\x80\x94 Colorado advocates", "Denver", "CO", "DENVER"},
      {"SPRINGFIELD, Mass. \xE2\x80\x94 Tenants", "Springfield", "MA", "SPRINGFIELD, Mass."},
      {"PORTLAND, Ore. - Advocates", "Portland", "OR", "PORTLAND, Ore."},
      {"SAN ANTONIO, TX \xE2\x80\x94 Families", "San Antonio", "TX", "SAN ANTONIO, TX"},
      {"NEWARK, Del. \xE2\x80\x94 Students", "Newark", "DE", "NEWARK, Del."},
      {"TINYVILLE, Neb. \xE2\x80\x94 A rally", "Tinyville", "NE", "TINYVILLE, Neb."},
      {"Brooklyn, NY \xE2\x80\x94 Today", "Brooklyn", "NY", "Brooklyn, NY"},
      // No dateline:
      {"As Temporary Protected Status for Haiti expires today, the union", "", "", ""},
      {"A report released Tuesday by the Department", "", "", ""},
      {"Today, New York City Mayor \xE2\x80\x94 said", "", "", ""},
  };
  for (const Case& c : cases) {
    DatelineMatch m;
    bool found = ExtractDateline(c.text, G(), &m);
    if (*c.city == 0) {
      EXPECT_FALSE(found) << c.text << " -> " << m.dateline.city;
      continue;
    }
    ASSERT_TRUE(found) << c.text;
    EXPECT_EQ(m.dateline.city, c.city) << c.text;
    EXPECT_EQ(m.dateline.region, c.region) << c.text;
    EXPECT_EQ(m.surface, c.surface) << c.text;
  }
}

TEST(DatelineTest, CanonicalOfDatelinePlace) {
  DatelineMatch m;
  ASSERT_TRUE(ExtractDateline("New York, NY\xE2\x80\x94Today", G(), &m));
  EXPECT_EQ(m.canonical, "New York City");
  ASSERT_TRUE(ExtractDateline("WASHINGTON (Jan. 7, 2026) \xE2\x80\x94 Asylum", G(), &m));
  EXPECT_EQ(m.canonical, "Washington, D.C.");
  ASSERT_TRUE(ExtractDateline("HOUSTON, TX \xE2\x80\x94 The project", G(), &m));
  EXPECT_EQ(m.canonical, "Houston, TX");
}

}  // namespace
}  // namespace amicus::internal
