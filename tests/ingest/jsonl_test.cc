// Tests of the JSONL reader: good records in both shapes, each kind of bad
// line (the good lines around it still come through), truncation, strict
// mode, and the shared test corpus tests/data/releases.jsonl.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/ingest.h"

namespace amicus {
namespace {

struct Result {
  std::vector<Release> releases;
  std::vector<IngestProblem> problems;
  Status status;
};

Result ReadString(const std::string& content, IngestOptions options = {}) {
  Result r;
  std::istringstream in(content);
  r.status = ReadJsonl(
      in, "test.jsonl", options,
      [&](Release&& rel) {
        r.releases.push_back(std::move(rel));
        return true;
      },
      [&](const IngestProblem& p) { r.problems.push_back(p); });
  return r;
}

const char kGood1[] =
    R"({"id": "a1", "meta": {"title": "First", "published": "2026-01-20", "organization": "Org A", )"
    R"("url": "https://example.org/a1", "language": "en"}, "text": "BOSTON — One.", "gold": {"x": [1, 2]}})";
const char kGood2[] =
    R"({"id": "a2", "title": "Flat", "published": "2026-02-28", "organization": "Org B", "url": "u2", )"
    R"("lang": "es", "text": "Dos."})";

TEST(JsonlTest, ReadsNestedAndFlatRecords) {
  Result r = ReadString(std::string("\xEF\xBB\xBF") + kGood1 + "\r\n\n   \n" + kGood2 + "\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].ToString();
  ASSERT_EQ(r.releases.size(), 2u);
  const Release& a = r.releases[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.title, "First");
  EXPECT_EQ(a.published, "2026-01-20");
  EXPECT_EQ(a.organization, "Org A");
  EXPECT_EQ(a.url, "https://example.org/a1");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.text, "BOSTON \xE2\x80\x94 One.");
  EXPECT_EQ(a.source, "test.jsonl");
  EXPECT_EQ(a.line, 1u);
  const Release& b = r.releases[1];
  EXPECT_EQ(b.id, "a2");
  EXPECT_EQ(b.title, "Flat");
  EXPECT_EQ(b.published, "2026-02-28");
  EXPECT_EQ(b.organization, "Org B");
  EXPECT_EQ(b.language, "es");
  EXPECT_EQ(b.line, 4u);  // blank lines count
}

TEST(JsonlTest, DefaultPublishedFillsMissingDates) {
  IngestOptions options;
  options.default_published = "2026-03-01";
  Result r = ReadString(R"({"id": "x", "meta": {"title": "T"}, "text": "b"})"
                        "\n"
                        R"({"id": "y", "meta": {"title": "T", "published": "2026-01-02T10:00:00Z"}, "text": "b"})"
                        "\n",
                        options);
  ASSERT_EQ(r.releases.size(), 2u);
  EXPECT_EQ(r.releases[0].published, "2026-03-01");
  EXPECT_EQ(r.releases[1].published, "2026-01-02");
}

struct BadLine {
  const char* name;
  std::string line;
  const char* expected;  // must appear in the problem message
};

class JsonlBadLineTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(JsonlBadLineTest, ReportsAndSkipsOnlyTheBadLine) {
  const BadLine& c = GetParam();
  Result r = ReadString(std::string(kGood1) + "\n" + c.line + "\n" + kGood2 + "\n");
  EXPECT_TRUE(r.status.ok());
  ASSERT_EQ(r.releases.size(), 2u) << c.name;
  EXPECT_EQ(r.releases[0].id, "a1");
  EXPECT_EQ(r.releases[1].id, "a2");
  EXPECT_EQ(r.releases[1].line, 3u);
  ASSERT_EQ(r.problems.size(), 1u) << c.name;
  EXPECT_EQ(r.problems[0].file, "test.jsonl");
  EXPECT_EQ(r.problems[0].line, 2u);
  EXPECT_NE(r.problems[0].message.find(c.expected), std::string::npos) << r.problems[0].ToString();
  EXPECT_EQ(r.problems[0].ToString().rfind("test.jsonl:2: ", 0), 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JsonlBadLineTest,
    ::testing::Values(
        BadLine{"Unparseable", R"({"id": "b", "meta": {"title": "T"}, "text": "x")", "not valid JSON"},
        BadLine{"Garbage", "hello world", "not valid JSON"},
        BadLine{"Array", R"(["a", "b"])", "not a JSON object (found an array)"},
        BadLine{"Number", "42", "not a JSON object (found a number)"},
        BadLine{"MissingId", R"({"meta": {"title": "T"}, "text": "x"})", "missing \"id\""},
        BadLine{"NumericId", R"({"id": 7, "meta": {"title": "T"}, "text": "x"})", "\"id\" must be a string, found a number"},
        BadLine{"EmptyId", R"({"id": "", "meta": {"title": "T"}, "text": "x"})", "\"id\" is empty"},
        BadLine{"MissingTitle", R"({"id": "b", "meta": {}, "text": "x"})", "missing \"title\""},
        BadLine{"ArrayTitle", R"({"id": "b", "meta": {"title": ["T"]}, "text": "x"})",
                "meta.\"title\" must be a string, found an array"},
        BadLine{"MissingText", R"({"id": "b", "meta": {"title": "T"}})", "missing \"text\""},
        BadLine{"ObjectText", R"({"id": "b", "meta": {"title": "T"}, "text": {"p": 1}})",
                "\"text\" must be a string, found an object"},
        BadLine{"MetaNotObject", R"({"id": "b", "meta": "T", "text": "x"})", "\"meta\" must be an object"},
        BadLine{"February30", R"({"id": "b", "meta": {"title": "T", "published": "2026-02-30"}, "text": "x"})",
                "not a real YYYY-MM-DD date (February 2026 has 28 days)"},
        BadLine{"Month13", R"({"id": "b", "meta": {"title": "T", "published": "2026-13-01"}, "text": "x"})",
                "month must be 01..12"},
        BadLine{"NextWeek", R"({"id": "b", "meta": {"title": "T", "published": "next week"}, "text": "x"})",
                "\"next week\" is not a real YYYY-MM-DD date"},
        BadLine{"NumericDate", R"({"id": "b", "meta": {"title": "T", "published": 20260101}, "text": "x"})",
                "must be a string"},
        BadLine{"NumericUrl", R"({"id": "b", "meta": {"title": "T", "url": 3}, "text": "x"})",
                "meta.\"url\" must be a string"},
        BadLine{"InvalidUtf8", std::string(R"({"id": "b", "meta": {"title": "T)") + "\xC3\x28" +
                                   R"("}, "text": "x"})",
                "invalid UTF-8 at byte 33"},
        BadLine{"Latin1", std::string(R"({"id": "b", "meta": {"title": "Caf)") + "\xE9" + R"("}, "text": "x"})",
                "invalid UTF-8"}),
    [](const ::testing::TestParamInfo<BadLine>& info) { return std::string(info.param.name); });

TEST(JsonlTest, TruncatedLastLineSaysSo) {
  Result r = ReadString(std::string(kGood1) + "\n" + R"({"id": "b", "meta": {"title": "T"}, "te)");
  ASSERT_EQ(r.releases.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 2u);
  EXPECT_NE(r.problems[0].message.find("looks truncated"), std::string::npos) << r.problems[0].message;
}

TEST(JsonlTest, CompleteLastLineWithoutNewlineIsFine) {
  Result r = ReadString(std::string(kGood1) + "\n" + kGood2);
  EXPECT_EQ(r.releases.size(), 2u);
  EXPECT_TRUE(r.problems.empty());
}

TEST(JsonlTest, PrettyPrintedJsonIsReportedOnce) {
  Result r = ReadString("[\n  {\"id\": \"a\",\n   \"text\": \"x\"}\n]\n");
  EXPECT_TRUE(r.releases.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("pretty-printed"), std::string::npos);
}

TEST(JsonlTest, StrictModeStopsAtFirstProblem) {
  IngestOptions options;
  options.strict = true;
  Result r = ReadString(std::string(kGood1) + "\n{bad\n" + kGood2 + "\n", options);
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), Status::Code::kCorruption);
  EXPECT_EQ(r.status.message().rfind("test.jsonl:2: not valid JSON", 0), 0u) << r.status.ToString();
  EXPECT_EQ(r.releases.size(), 1u);  // nothing after the problem
  EXPECT_EQ(r.problems.size(), 1u);
}

TEST(JsonlTest, SinkCanStopEarly) {
  std::istringstream in(std::string(kGood1) + "\n" + kGood2 + "\n");
  int seen = 0;
  Status s = ReadJsonl(in, "t", {}, [&](Release&&) { return ++seen < 1; }, nullptr);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(seen, 1);
}

TEST(JsonlTest, ReadsTheSharedTestCorpus) {
  std::ifstream in(std::string(AMICUS_TEST_DATA) + "/releases.jsonl", std::ios::binary);
  ASSERT_TRUE(in) << "missing tests/data/releases.jsonl";
  Result r;
  Status s = ReadJsonl(
      in, "releases.jsonl", {},
      [&](Release&& rel) {
        r.releases.push_back(std::move(rel));
        return true;
      },
      [&](const IngestProblem& p) { r.problems.push_back(p); });
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.releases.size(), 36u);
  for (std::size_t i = 0; i < r.releases.size(); ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "d%03zu", i + 1);
    EXPECT_EQ(r.releases[i].id, id);
    EXPECT_EQ(r.releases[i].line, i + 1);
    EXPECT_EQ(r.releases[i].published.size(), 10u);
    EXPECT_FALSE(r.releases[i].title.empty());
    EXPECT_FALSE(r.releases[i].text.empty());
  }
  EXPECT_EQ(r.releases[0].published, "2026-01-20");
  EXPECT_EQ(r.releases[0].organization, "NYC Office of the Mayor");
  EXPECT_EQ(r.releases[1].published, "2026-02-10");
  EXPECT_EQ(r.releases[26].published, "2025-06-05");  // d027
  EXPECT_EQ(r.releases[35].published, "2026-02-19");  // d036
  EXPECT_EQ(r.releases[1].text.rfind("ALBANY, N.Y. (February 10, 2026)", 0), 0u);
}

}  // namespace
}  // namespace amicus
