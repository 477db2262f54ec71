// The C++ scorer must agree with the reference scorer (tools/score-extraction).
// Expected numbers below were produced by running the reference scorer on the
// fixtures in tests/data/extract/ (perfect, errors, tiny_*).
#include "amicus/score.h"

#include <gtest/gtest.h>

#include <string>

namespace amicus {
namespace {

const std::string kData = AMICUS_TEST_DATA;

struct Expected {
  const char* cat;
  int tp, fp, fn, canon;
};

void ExpectCounts(const ExtractionScore& s, const Expected& e) {
  SCOPED_TRACE(e.cat);
  const CategoryScore& c = s.categories.at(e.cat);
  EXPECT_EQ(c.tp, e.tp);
  EXPECT_EQ(c.fp, e.fp);
  EXPECT_EQ(c.fn, e.fn);
  if (e.canon >= 0) EXPECT_EQ(c.canonical, e.canon);
}

TEST(ScoreTest, PerfectSystemScoresOne) {
  ExtractionScore s;
  ASSERT_TRUE(ScoreExtractionFiles(kData + "/releases.jsonl", kData + "/extract/perfect.jsonl", &s).ok());
  EXPECT_EQ(s.overall.tp, 833);
  EXPECT_EQ(s.overall.fp, 0);
  EXPECT_EQ(s.overall.fn, 0);
  EXPECT_DOUBLE_EQ(s.overall.f1(), 1.0);
  EXPECT_EQ(s.dateline_correct, 36);
  for (const std::string& c : ScoreCategories()) EXPECT_DOUBLE_EQ(s.categories.at(c).f1(), 1.0) << c;
}

TEST(ScoreTest, DeliberateErrorsMatchReference) {
  ExtractionScore s;
  Status st = ScoreExtractionFiles(kData + "/releases.jsonl", kData + "/extract/errors.jsonl", &s);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ExpectCounts(s, {"people", 104, 2, 5, 100});
  ExpectCounts(s, {"organizations", 180, 0, 16, 180});
  ExpectCounts(s, {"legislation", 30, 0, 5, 30});
  ExpectCounts(s, {"locations", 208, 6, 12, 208});
  ExpectCounts(s, {"dates", 164, 22, 25, -1});
  ExpectCounts(s, {"money", 83, 0, 1, -1});
  EXPECT_NEAR(s.overall.precision(), 0.962, 5e-4);
  EXPECT_NEAR(s.overall.recall(), 0.923, 5e-4);
  EXPECT_NEAR(s.overall.f1(), 0.942, 5e-4);
  EXPECT_EQ(s.dateline_correct, 30);
  EXPECT_EQ(s.dateline_total, 36);
  EXPECT_EQ(s.missing_from_system, 2);
  EXPECT_EQ(s.extra_system_ids, 1);
  EXPECT_NEAR(s.categories.at("people").canonical_accuracy(), 100.0 / 104, 5e-4);
}

TEST(ScoreTest, TieBreakNormAndValuesMatchReference) {
  ExtractionScore s;
  Status st = ScoreExtractionFiles(kData + "/extract/tiny_gold.jsonl",
                                   kData + "/extract/tiny_system.jsonl", &s);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ExpectCounts(s, {"people", 2, 0, 0, 1});
  ExpectCounts(s, {"organizations", 1, 0, 0, 1});
  ExpectCounts(s, {"legislation", 0, 0, 0, 0});
  ExpectCounts(s, {"locations", 1, 0, 0, 1});
  ExpectCounts(s, {"dates", 2, 0, 0, -1});
  ExpectCounts(s, {"money", 1, 1, 1, -1});
  EXPECT_DOUBLE_EQ(s.categories.at("legislation").f1(), 1.0);  // nothing to find, nothing found
  EXPECT_NEAR(s.overall.f1(), 0.875, 5e-4);
  EXPECT_EQ(s.dateline_correct, 2);
}

TEST(ScoreTest, Normalize) {
  EXPECT_EQ(NormalizeForScoring("The U.S. Department of Labor"), "us department of labor");
  EXPECT_EQ(NormalizeForScoring("  “Lucía  Ferreira–Oyelaran” "), "lucia ferreira-oyelaran");
  EXPECT_EQ(NormalizeForScoring("Mayor’s Office"), "mayor's office");
  EXPECT_EQ(NormalizeForScoring("Washington, D.C."), "washington, dc");
  EXPECT_EQ(NormalizeForScoring("ﬁscal"), "fiscal");  // NFKC ligature
  EXPECT_EQ(NormalizeForScoring(""), "");
}

TEST(ScoreTest, BadInputNamesFileAndLine) {
  ExtractionScore s;
  Status st = ScoreExtractionText("{\"id\":\"a\"}\nnot json\n", "g.jsonl", "", "s.jsonl", &s);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("g.jsonl:2"), std::string::npos) << st.message();
  st = ScoreExtractionText("{\"id\":\"a\"}\n{\"id\":\"a\"}\n", "g.jsonl", "", "s.jsonl", &s);
  EXPECT_NE(st.message().find("duplicate"), std::string::npos);
  st = ScoreExtractionText("{\"id\":\"a\",\"people\":3}\n", "g.jsonl", "", "s.jsonl", &s);
  EXPECT_FALSE(st.ok());
  st = ScoreExtractionFiles("/nonexistent/gold.jsonl", "/nonexistent/s.jsonl", &s);
  EXPECT_FALSE(st.ok());
}

TEST(ScoreTest, FormatHasReferenceLayout) {
  ExtractionScore s;
  ASSERT_TRUE(ScoreExtractionFiles(kData + "/extract/tiny_gold.jsonl",
                                   kData + "/extract/tiny_system.jsonl", &s).ok());
  std::string table = FormatScore(s);
  EXPECT_NE(table.find("category            P      R     F1    TP    FP    FN   canon"), std::string::npos) << table;
  EXPECT_NE(table.find("money           0.500  0.500  0.500     1     1     1       -"), std::string::npos) << table;
  EXPECT_NE(table.find("dateline accuracy: 1.000 (2/2)"), std::string::npos) << table;
}

}  // namespace
}  // namespace amicus
