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

// The dateline need not open the first paragraph: a subheadline, a "FOR
// IMMEDIATE RELEASE" / date / contact block may come first.
TEST(DatelineTest, AfterHeaderLines) {
  const Case cases[] = {
      {"Executive Order brings agencies together\n\nOLYMPIA \xE2\x80\x93 Gov. Bob Ferguson", "Olympia", "WA", "OLYMPIA"},
      {"FOR IMMEDIATE RELEASE\nOctober 20, 2025\n\nSEATTLE \xE2\x80\x94 The clinic", "Seattle", "WA", "SEATTLE"},
      {"For immediate release: October 9, 2025 (25-123)\n\nContact: DOH Communications\n\nOLYMPIA \xE2\x80\x93 Today",
       "Olympia", "WA", "OLYMPIA"},
      {"Statement on\n\nStudy of Water\n\n[English Version Below]\n\nWashington, DC \xE2\x80\x93 El siguiente",
       "Washington", "DC", "Washington, DC"},
      // Too far down: body text, not a dateline.
      {"a\n\nb\n\nc\n\nd\n\ne\n\nf\n\nSEATTLE \xE2\x80\x94 The clinic", "", "", ""},
      // A headline that is no place.
      {"Senator Moves Bill \xE2\x80\x94 Again\n\nThe senator said", "", "", ""},
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
    EXPECT_EQ(std::string(c.text).substr(m.begin, m.end - m.begin), c.surface) << c.text;
  }
}

// Parenthesised datelines, a date before the place, a bracketed date after it.
TEST(DatelineTest, ParenthesisedAndDated) {
  const Case cases[] = {
      {"(Houston, TX) \xE2\x80\x94 On Thursday", "Houston", "TX", "Houston, TX"},
      {"(Pittsburg, NH) \xE2\x80\x93 U.S. Senator", "Pittsburg", "NH", "Pittsburg, NH"},
      {"(STATEN ISLAND, NY) - Staten Island officials", "Staten Island", "NY", "STATEN ISLAND, NY"},
      {"9 de diciembre de 2009\n\n(Vieques)- La Junta", "Vieques", "PR", "Vieques"},
      {"Deck line\n\nFebruary 6, 2025 (SAINT PAUL) \xE2\x80\x94 The office", "Saint Paul", "MN", "SAINT PAUL"},
      {"Sept. 10, 2024 (SAINT PAUL) \xE2\x80\x93 Today", "Saint Paul", "MN", "SAINT PAUL"},
      {"WASHINGTON, DC [11/3/22] \xE2\x80\x93 Today", "Washington", "DC", "WASHINGTON, DC"},
      // Not datelines.
      {"(Updated) \xE2\x80\x94 The office", "", "", ""},
      {"February 6, 2025 \xE2\x80\x94 The office", "", "", ""},
  };
  for (const Case& c : cases) {
    DatelineMatch m;
    bool found = ExtractDateline(c.text, G(), &m, "Junta de Calidad Ambiental de Puerto Rico");
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

// A city alone: a state capital or big city is itself; an ambiguous name is
// the publisher's state's city of that name.
TEST(DatelineTest, PublisherStateResolvesBareCity) {
  DatelineMatch m;
  ASSERT_TRUE(ExtractDateline("AURORA \xE2\x80\x93 Congressman", G(), &m, "U.S. Representative Jason Crow (D-CO)"));
  EXPECT_EQ(m.dateline.region, "CO");
  ASSERT_TRUE(ExtractDateline("AURORA \xE2\x80\x93 Congressman", G(), &m, "U.S. Representative Bill Foster (D-IL)"));
  EXPECT_EQ(m.dateline.region, "IL");
  ASSERT_TRUE(ExtractDateline("OLYMPIA \xE2\x80\x93 Gov.", G(), &m, "Washington Governor\xE2\x80\x99s Office"));
  EXPECT_EQ(m.dateline.city, "Olympia");
  EXPECT_EQ(m.dateline.region, "WA");
  // The capital district stays D.C. whatever the publisher.
  ASSERT_TRUE(ExtractDateline("WASHINGTON \xE2\x80\x94 The", G(), &m, "Washington State Department of Health"));
  EXPECT_EQ(m.dateline.region, "DC");
  ASSERT_TRUE(ExtractDateline("SEATTLE \xE2\x80\x94 After a search", G(), &m, "Asian Counseling and Referral Service"));
  EXPECT_EQ(m.dateline.region, "WA");
}

// A dateline run into the subheadline on the first line.
TEST(DatelineTest, RunIntoSubheadline) {
  DatelineMatch m;
  ASSERT_TRUE(ExtractDateline("Ferguson will prioritize the ferry system MUKILTEO \xE2\x80\x93 Today, the governor", G(),
                              &m, "Washington Governor\xE2\x80\x99s Office"));
  EXPECT_EQ(m.dateline.city, "Mukilteo");
  EXPECT_EQ(m.dateline.region, "WA");
  EXPECT_FALSE(ExtractDateline("The mayor spoke in Chicago \xE2\x80\x94 and then left", G(), &m));
  EXPECT_FALSE(ExtractDateline("The mayor thanked the ICE \xE2\x80\x94 and then left", G(), &m));
}

}  // namespace
}  // namespace amicus::internal
