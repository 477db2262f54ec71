// Table tests of the line classifiers and helpers behind the readers.
#include <string>

#include <gtest/gtest.h>

#include "ingest/ingest_internal.h"

namespace amicus {
namespace internal {
namespace {

struct DatelineCase {
  const char* line;
  bool is_dateline;
  const char* published;  // expected date when is_dateline
};

TEST(ArchiveLinesTest, Datelines) {
  const DatelineCase cases[] = {
      {"New York, NY\xE2\x80\x94Today, the mayor signed.", true, ""},
      {"BUFFALO, N.Y. \xE2\x80\x93 Refugee agencies warned on Monday.", true, ""},
      {"WASHINGTON \xE2\x80\x94 The network endorsed the bill.", true, ""},
      {"WASHINGTON, D.C. \xE2\x80\x93 The network endorsed the bill.", true, ""},
      {"ALBANY, N.Y. (February 10, 2026) \xE2\x80\x94 Hundreds rallied.", true, "2026-02-10"},
      {"WASHINGTON (Jan. 7, 2026) \xE2\x80\x94 Asylum seekers are receiving notices.", true, "2026-01-07"},
      {"ROCHESTER, N.Y., Jan. 9, 2026 /PRNewswire/ -- Advocates condemned the arrest.", true, "2026-01-09"},
      {"Nueva York, NY \xE2\x80\x94 Hoy, la Alianza anunci\xC3\xB3 talleres.", true, ""},
      {"EL PASO, Texas \xE2\x80\x94 La Coalici\xC3\xB3n exigi\xC3\xB3 una investigaci\xC3\xB3n.", true, ""},
      {"Rochester, New York \xE2\x80\x94 In a 7\xE2\x80\x93" "2 vote, the council approved the fund.", true, ""},
      {"Houston, TX - The brief was filed on Monday.", true, ""},
      {"ALBANY, N.Y. (February 30, 2026) \xE2\x80\x94 Not a real day.", true, ""},
      // Not datelines.
      {"\xE2\x80\x93 $118 million for immigration legal services;", false, ""},
      {"- Only 17 people were charged;", false, ""},
      {"Maria Chen, Staff Attorney, Buffalo Legal Aid \xE2\x80\x94 \xE2\x80\x9CWe turned people away.\xE2\x80\x9D",
       false, ""},
      {"Senator Etxeberria, sponsor: \xE2\x80\x9CWe don\xE2\x80\x99t let people walk in alone \xE2\x80\x94 ever.",
       false, ""},
      {"Mayor Signs Order \xE2\x80\x94 Advocates Cheer", false, ""},
      {"Bipartisan Senators, Advocates Demand Answers \xE2\x80\x94 Advocates Say Fight Continues", false, ""},
      {"The men \xE2\x80\x94 a roofer and a cook \xE2\x80\x94 had just left.", false, ""},
      {"Rev. Ana Ruiz, Pastor, Nassau\xE2\x80\x93Suffolk Coalition in Rochester: \xE2\x80\x9CPray.\xE2\x80\x9D", false,
       ""},
      {"Chicago \xE2\x80\x94 the city that works.", false, ""},
      {"Winston-Salem is a city.", false, ""},
  };
  for (const DatelineCase& c : cases) {
    Dateline d;
    EXPECT_EQ(MatchDateline(c.line, &d), c.is_dateline) << c.line;
    if (c.is_dateline) EXPECT_EQ(d.published, c.published) << c.line;
  }
}

TEST(ArchiveLinesTest, TitlesDecksAndExtras) {
  struct Case {
    const char* line;
    bool title, deck, extra;
  };
  const Case cases[] = {
      {"Hundreds Rally at State Capitol for $165M in Immigration Legal Services", true, false, false},
      {"Report: Thousands of Asylum Seekers Stranded", true, false, false},
      {"Advocates Rally in Washington, D.C.", true, false, false},
      {"The enacted budget leaves providers with less than they asked for, advocates said.", false, true, false},
      {"Jamal Ortiz, Executive Director, Western New York Refugee Network:", false, false, false},
      {"\xE2\x80\xA2 Restore $85M for immigrant services;", false, false, false},
      {"Contact: Priya Montalb\xC3\xA1n, (585) 555-0142", false, false, true},
      {"Photo and video available here", true, false, true},
      {"Fotos y video disponibles aqu\xC3\xAD", true, false, true},
      {"FOR IMMEDIATE RELEASE", false, false, true},
      {"Tuesday, February 10, 2026", true, false, true},
      {"roughly 22% of residents were born outside the U.S.", false, true, false},
      {"###", false, false, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LooksLikeTitle(c.line), c.title) << c.line;
    EXPECT_EQ(LooksLikeDeck(c.line), c.deck) << c.line;
    EXPECT_EQ(IsHeaderExtra(c.line, nullptr), c.extra) << c.line;
  }
}

TEST(ArchiveLinesTest, Dates) {
  struct Case {
    const char* in;
    const char* iso;
  };
  const Case cases[] = {
      {"February 10, 2026", "2026-02-10"}, {"Jan. 9, 2026", "2026-01-09"},    {"Sept. 22, 2025", "2025-09-22"},
      {"Tuesday, Feb. 10, 2026", "2026-02-10"}, {"10 de febrero de 2026", "2026-02-10"},
      {"2026-02-28", "2026-02-28"},        {"February 29, 2024", "2024-02-29"}, {"February 29, 2026", ""},
      {"next week", ""},                   {"February 10", ""},               {"Smarch 3, 2026", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseWrittenDate(c.in), c.iso) << c.in;

  std::string why;
  EXPECT_TRUE(IsValidIsoDate("2024-02-29", nullptr));
  EXPECT_FALSE(IsValidIsoDate("2026-02-29", &why));
  EXPECT_EQ(why, "February 2026 has 28 days");
  EXPECT_FALSE(IsValidIsoDate("2026-04-31", &why));
  EXPECT_EQ(why, "April 2026 has 30 days");
  EXPECT_FALSE(IsValidIsoDate("2026-1-5", &why));
  EXPECT_EQ(why, "it is not in the form YYYY-MM-DD");
  EXPECT_FALSE(IsValidIsoDate("1900-02-29", nullptr));
  EXPECT_TRUE(IsValidIsoDate("2000-02-29", nullptr));
}

TEST(ArchiveLinesTest, Utf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii that is long enough for the fast path"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xE9"), 10u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x80"), 2u);        // cut short
  EXPECT_EQ(RepairUtf8("a\xE9z"), "a\xEF\xBF\xBDz");
}

// UTF-8 read as Latin-1 or Windows-1252 and saved again as UTF-8.
TEST(ArchiveLinesTest, DoubleEncodedUtf8) {
  // "’" (E2 80 99) read as Latin-1: U+00E2 U+0080 U+0099.
  std::string s = "Minnesota\xC3\xA2\xC2\x80\xC2\x99s";
  EXPECT_EQ(RepairDoubleEncodedUtf8(&s), 1u);
  EXPECT_EQ(s, "Minnesota\xE2\x80\x99s");
  // The same read as Windows-1252: "â€™"; and "Ã©" for "é".
  s = "don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t caf\xC3\x83\xC2\xA9";
  EXPECT_EQ(RepairDoubleEncodedUtf8(&s), 2u);
  EXPECT_EQ(s, "don\xE2\x80\x99t caf\xC3\xA9");
  // Real accented text is left alone, "é" before quotes included.
  s = "Jos\xC3\xA9\xE2\x80\x99s caf\xC3\xA9 \xC3\x91and\xC3\xBA \xC3\xA9\xE2\x80\x9C\xE2\x80\x9D";
  const std::string before = s;
  EXPECT_EQ(RepairDoubleEncodedUtf8(&s), 0u);
  EXPECT_EQ(s, before);
}

TEST(ArchiveLinesTest, ProblemToString) {
  IngestProblem p{"a.jsonl", 12, "bad"};
  EXPECT_EQ(p.ToString(), "a.jsonl:12: bad");
  p.line = 0;
  EXPECT_EQ(p.ToString(), "a.jsonl: bad");
}

}  // namespace
}  // namespace internal
}  // namespace amicus
