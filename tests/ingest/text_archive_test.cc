// Tests of the plain-text press archive reader: splitting (counts, titles,
// what stays in the body), dates from datelines, ids, problems, and a check
// against the generator's JSONL for the same corpus.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/ingest.h"
#include "ingest/ingest_internal.h"

namespace amicus {
namespace {

struct Result {
  std::vector<Release> releases;
  std::vector<IngestProblem> problems;
  Status status;
};

Result ReadStream(std::istream& in, const std::string& name, IngestOptions options = {}) {
  Result r;
  r.status = ReadTextArchive(
      in, name, options,
      [&](Release&& rel) {
        r.releases.push_back(std::move(rel));
        return true;
      },
      [&](const IngestProblem& p) { r.problems.push_back(p); });
  return r;
}

Result ReadString(const std::string& content, IngestOptions options = {}) {
  std::istringstream in(content);
  return ReadStream(in, "press-room.txt", options);
}

Result ReadDataFile(const std::string& file, IngestOptions options = {}) {
  std::ifstream in(std::string(AMICUS_TEST_DATA) + "/ingest/" + file, std::ios::binary);
  EXPECT_TRUE(in) << file;
  return ReadStream(in, file, options);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(TextArchiveTest, SplitsThePressRoomArchive) {
  IngestOptions options;
  options.default_published = "2026-04-01";
  Result r = ReadDataFile("pressroom.txt", options);
  ASSERT_TRUE(r.status.ok());
  const std::vector<std::string> titles = {
      "Coalition Hails Passage of Courthouse Protection Bill",
      "State Budget Falls Short for Immigrant Families",
      "Alianza lanza talleres gratuitos sobre derechos de inmigrantes en Queens",
      "ADVOCATES DENOUNCE ICE ARRESTS OUTSIDE CITY COURT",
      "Mayor Signs Executive Order \xE2\x80\x94 Advocates Cheer",
      "Statement on the End of TPS for Haiti",
      "Rochester Council Approves Legal Defense Fund",
      "Last Release Without Final Newline",
  };
  ASSERT_EQ(r.releases.size(), titles.size());
  for (std::size_t i = 0; i < titles.size(); ++i) EXPECT_EQ(r.releases[i].title, titles[i]);

  // The page header before the first release is reported, not swallowed.
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1u);
  EXPECT_TRUE(Contains(r.problems[0].message, "no dateline found")) << r.problems[0].message;

  const Release& first = r.releases[0];
  EXPECT_EQ(first.line, 5u);
  EXPECT_EQ(first.published, "2026-03-03");  // from "(March 3, 2026)"
  EXPECT_EQ(first.text.rfind("ALBANY, N.Y. (March 3, 2026) \xE2\x80\x94 Immigrant advocates", 0), 0u);
  EXPECT_FALSE(Contains(first.text, "Photo and video"));
  EXPECT_TRUE(Contains(first.text, "\n\nThe bill now goes to the governor."));

  // Deck dropped; bullets, speaker lines and a dash-led speaker stay in the body.
  const Release& budget = r.releases[1];
  EXPECT_EQ(budget.published, "2026-04-01");
  EXPECT_EQ(budget.text.rfind("BUFFALO, N.Y. \xE2\x80\x93 Advocates said Friday", 0), 0u);
  EXPECT_FALSE(Contains(budget.text, "leaves legal service providers"));
  EXPECT_TRUE(Contains(budget.text, "includes:\n\n$72.4 million for the Office for New Americans;\n$48 million"));
  EXPECT_TRUE(Contains(budget.text, "Jamal Ortiz, Executive Director, Western New York Refugee Network:\n\xE2\x80\x9C"));
  EXPECT_TRUE(Contains(budget.text, "Maria Chen, Staff Attorney, Buffalo Legal Aid \xE2\x80\x94"));
  EXPECT_TRUE(Contains(budget.text, "Advocates will return to Albany on April 2."));

  EXPECT_EQ(r.releases[2].text.rfind("Nueva York, NY \xE2\x80\x94 Hoy", 0), 0u);
  EXPECT_TRUE(r.releases[2].language.empty());  // detected downstream

  EXPECT_EQ(r.releases[3].published, "2026-01-09");  // "Jan. 9, 2026 /PRNewswire/"
  EXPECT_TRUE(Contains(r.releases[3].text, "Contact: Priya"));

  // A later all-caps dateline-like paragraph in the body is not a release.
  EXPECT_TRUE(Contains(r.releases[4].text, "\n\nCHICAGO \xE2\x80\x94 The order takes effect"));

  // "FOR IMMEDIATE RELEASE" and a date line between title and dateline.
  EXPECT_EQ(r.releases[5].published, "2026-02-03");
  EXPECT_EQ(r.releases[5].text.rfind("WASHINGTON \xE2\x80\x94 As Temporary", 0), 0u);

  EXPECT_TRUE(Contains(r.releases[6].text, "\n\n- Only 17 people were charged in the first year;\n- Counties"));
  EXPECT_EQ(r.releases[7].text, "BOSTON \xE2\x80\x94 The hearing ended without a vote.");
}

TEST(TextArchiveTest, IdsAreStableAndFollowTheScheme) {
  Result a = ReadDataFile("pressroom.txt");
  Result b = ReadDataFile("pressroom.txt");
  ASSERT_EQ(a.releases.size(), b.releases.size());
  for (std::size_t i = 0; i < a.releases.size(); ++i) {
    EXPECT_EQ(a.releases[i].id, b.releases[i].id);
    char expected[64];
    std::snprintf(expected, sizeof expected, "pressroom-%04zu-%08x", i + 1,
                  static_cast<unsigned>(internal::Fnv1a32(a.releases[i].title)));
    EXPECT_EQ(a.releases[i].id, expected);
  }
  // Pinned: the scheme is part of the index format.
  EXPECT_EQ(internal::ArchiveReleaseId("pressroom", 3, "a"), "pressroom-0003-e40c292c");
  EXPECT_EQ(internal::ArchiveIdStem("/x/My Press_Room.2026.txt"), "my-press-room-2026");
  EXPECT_EQ(internal::ArchiveIdStem("<stdin>"), "stdin");
}

TEST(TextArchiveTest, MatchesTheGeneratorsJsonl) {
  // gen_sample.txt and gen_sample.jsonl are `gen-corpus --docs 15 --seed 11`
  // in both formats: every title and text must come back exactly.
  Result r = ReadDataFile("gen_sample.txt");
  std::ifstream jsonl(std::string(AMICUS_TEST_DATA) + "/ingest/gen_sample.jsonl");
  std::vector<Release> expected;
  ASSERT_TRUE(ReadJsonl(
                  jsonl, "gen_sample.jsonl", {},
                  [&](Release&& rel) {
                    expected.push_back(std::move(rel));
                    return true;
                  },
                  nullptr)
                  .ok());
  ASSERT_EQ(expected.size(), 15u);
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.releases.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r.releases[i].title, expected[i].title) << i;
    EXPECT_EQ(r.releases[i].text, expected[i].text) << i;
  }
}

struct SplitCase {
  const char* name;
  std::string archive;
  std::vector<std::string> titles;
};

class TextArchiveSplitTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(TextArchiveSplitTest, Titles) {
  Result r = ReadString(GetParam().archive);
  std::vector<std::string> titles;
  for (const Release& rel : r.releases) titles.push_back(rel.title);
  EXPECT_EQ(titles, GetParam().titles);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TextArchiveSplitTest,
    ::testing::Values(
        SplitCase{"NoBlankLines",
                  "One\nBOSTON \xE2\x80\x94 Text one.\nMore.\nTwo\nCHICAGO \xE2\x80\x94 Text two.\n",
                  {"One", "Two"}},
        SplitCase{"CrLf", "One\r\n\r\nBOSTON \xE2\x80\x94 Text.\r\n\r\nTwo\r\n\r\nHOUSTON, TX - Text.\r\n",
                  {"One", "Two"}},
        SplitCase{"DeckEndingInPeriod",
                  "Title A\n\nA deck that sums it up.\n\nAUSTIN, Texas \xE2\x80\x94 Body.\n\nTitle B\n\n"
                  "Another deck, this one without a full stop but long enough to read as a summary of the "
                  "release rather than as its title, because it is written in sentence case and runs on and on past the "
                  "length of any headline\n\n"
                  "MIAMI, Fla. \xE2\x80\x94 Body.\n",
                  {"Title A", "Title B"}},
        SplitCase{"SpeakerAfterHeading",
                  "Title\n\nNEWARK, N.J. \xE2\x80\x94 Body.\n\nQuotes From Partners\n\n"
                  "Jane Doe, Director, Make the Road New York \xE2\x80\x94 \xE2\x80\x9CWe won.\xE2\x80\x9D\n",
                  {"Title"}},
        SplitCase{"TitleWithDashAfterBody",
                  "Alpha\n\nBOSTON \xE2\x80\x94 Body.\n\nMayor Acts \xE2\x80\x94 Groups React\n\n"
                  "New York, NY\xE2\x80\x94Today, text.\n",
                  {"Alpha", "Mayor Acts \xE2\x80\x94 Groups React"}},
        SplitCase{"HyphenatedNameIsNotADateline",
                  "Alpha\n\nBOSTON \xE2\x80\x94 Body ends in U.S.\n\nShort Heading\n\n"
                  "Rev. Ana Ruiz, Pastor, Nassau\xE2\x80\x93Suffolk Defense Coalition in Rochester: "
                  "\xE2\x80\x9CWe pray.\xE2\x80\x9D\n",
                  {"Alpha"}},
        SplitCase{"ParenthesizedWire", "Alpha\n\nWASHINGTON (AP) \xE2\x80\x94 Body.\n", {"Alpha"}},
        SplitCase{"LowerCaseSentenceIsNotAPlace",
                  "Alpha\n\nBOSTON \xE2\x80\x94 Body.\n\nHeading\n\nthe mayor said \xE2\x80\x94 again \xE2\x80\x94 no.\n",
                  {"Alpha"}}),
    [](const ::testing::TestParamInfo<SplitCase>& info) { return std::string(info.param.name); });

TEST(TextArchiveTest, NoDatelineAtAllIsAProblem) {
  Result r = ReadString("Just some notes\n\nabout nothing in particular.\n");
  EXPECT_TRUE(r.releases.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1u);
  EXPECT_EQ(r.problems[0].ToString().rfind("press-room.txt:1: no dateline found", 0), 0u)
      << r.problems[0].ToString();
}

TEST(TextArchiveTest, EmptyInputIsQuiet) {
  Result r = ReadString("\n\n  \n");
  EXPECT_TRUE(r.releases.empty());
  EXPECT_TRUE(r.problems.empty());
}

TEST(TextArchiveTest, InvalidUtf8IsReportedAndRepaired) {
  Result r = ReadString("Caf\xE9 Opens\n\nBOSTON \xE2\x80\x94 Caf\xE9 text.\n");
  ASSERT_EQ(r.releases.size(), 1u);
  EXPECT_EQ(r.releases[0].title, "Caf\xEF\xBF\xBD Opens");
  ASSERT_EQ(r.problems.size(), 2u);  // the first line, then the count
  EXPECT_EQ(r.problems[0].line, 1u);
  EXPECT_TRUE(Contains(r.problems[0].message, "invalid UTF-8 at byte 4"));
}

TEST(TextArchiveTest, StrictModeStops) {
  IngestOptions options;
  options.strict = true;
  Result r = ReadString("Preamble\n\nmore preamble.\n\nTitle\n\nBOSTON \xE2\x80\x94 Body.\n", options);
  EXPECT_FALSE(r.status.ok());
  EXPECT_TRUE(Contains(r.status.message(), "press-room.txt:1: no dateline found"));
  EXPECT_TRUE(r.releases.empty());
}

TEST(TextArchiveTest, HeldReleasesStayBounded) {
  // Streaming: a long archive is handed out release by release, before the
  // input ends. A counting stream checks how far the reader had read.
  std::string archive;
  for (int i = 0; i < 200; ++i) {
    archive += "Release Number " + std::to_string(i) + "\n\nBOSTON \xE2\x80\x94 Body " + std::to_string(i) +
               ".\n\nSecond paragraph.\n\n";
  }
  std::istringstream in(archive);
  int n = 0;
  Status s = ReadTextArchive(
      in, "big.txt", {},
      [&](Release&& rel) {
        EXPECT_EQ(rel.title, "Release Number " + std::to_string(n));
        // When release n is handed out, the reader is at most at release n+1.
        if (n + 2 < 200) {
          const auto pos = static_cast<std::size_t>(in.tellg());
          EXPECT_LT(pos, archive.find("Release Number " + std::to_string(n + 2) + "\n") + 1);
        }
        ++n;
        return true;
      },
      nullptr);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(n, 200);
}

}  // namespace
}  // namespace amicus
