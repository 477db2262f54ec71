// Quality gate of issue 4: the whole extractor, run on the gold releases
// (tests/data/releases.jsonl, title + text as a release), scored with the
// reference protocol (amicus/score.h). Prints the score table.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "amicus/extract.h"
#include "amicus/release.h"
#include "amicus/score.h"

namespace amicus {
namespace {

// The figures a set must reach. The defaults are the targets of text written
// to the guideline (issue 4); the real sets have their own, raised as the
// extractor improves (tests/data/real/README.md).
struct Targets {
  double overall = 0.93;
  double category = 0.85;   // every category's F1
  double canonical = 0.90;  // every named category's canonical accuracy
  double dateline = 0.97;
};

// Runs the extractor over an annotated JSONL file and checks `targets` with
// the reference protocol.
void CheckTargets(const std::string& gold_path, int expected_docs, const Targets& targets = Targets()) {
  std::unique_ptr<Extractor> extractor;
  Status st = Extractor::Create(&extractor);
  ASSERT_TRUE(st.ok()) << st.ToString();

  std::ifstream in(gold_path);
  ASSERT_TRUE(in) << gold_path;
  std::string sys_jsonl, line;
  int docs = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    Release r;
    r.id = j.at("id").get<std::string>();
    const nlohmann::json& meta = j.value("meta", nlohmann::json::object());
    r.title = meta.value("title", "");
    r.published = meta.value("published", "");
    r.organization = meta.value("organization", "");
    r.url = meta.value("url", "");
    r.language = meta.value("language", "");
    r.text = j.value("text", "");
    r.source = gold_path;
    sys_jsonl += EntitiesToJson(r.id, extractor->Extract(r));
    sys_jsonl += "\n";
    ++docs;
  }
  if (expected_docs > 0) ASSERT_EQ(docs, expected_docs);

  // Through a file, as the tool and the reference scorer see it.
  // One file per test: ctest runs the gates as parallel processes.
  const std::string sys_path = testing::TempDir() + "/amicus_quality_gate_" +
                               testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl";
  {
    std::ofstream out(sys_path);
    out << sys_jsonl;
  }
  ExtractionScore score;
  st = ScoreExtractionFiles(gold_path, sys_path, &score);
  std::remove(sys_path.c_str());
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::cout << FormatScore(score);

  EXPECT_GE(score.overall.f1(), targets.overall);
  for (const std::string& cat : ScoreCategories()) {
    const CategoryScore& c = score.categories.at(cat);
    EXPECT_GE(c.f1(), targets.category) << cat;
    if (cat != "dates" && cat != "money") EXPECT_GE(c.canonical_accuracy(), targets.canonical) << cat;
  }
  EXPECT_GE(score.dateline_accuracy(), targets.dateline);
}

TEST(QualityGateTest, GoldReleasesMeetTheTargets) {
  CheckTargets(std::string(AMICUS_TEST_DATA) + "/releases.jsonl", 36);
}

// The hand-written development set (tests/data/dev/README.md): releases
// from other cities and states, as a check that the rules generalize.
TEST(QualityGateTest, DevelopmentSetMeetsTheTargets) {
  CheckTargets(std::string(AMICUS_TEST_DATA) + "/dev/releases.jsonl", 12);
}

// The second hand-written set (tests/data/dev2/README.md), first scored blind.
TEST(QualityGateTest, SecondDevelopmentSetMeetsTheTargets) {
  CheckTargets(std::string(AMICUS_TEST_DATA) + "/dev2/releases.jsonl", 10);
}

// The third hand-written set (tests/data/dev3/README.md), first scored blind.
TEST(QualityGateTest, ThirdDevelopmentSetMeetsTheTargets) {
  CheckTargets(std::string(AMICUS_TEST_DATA) + "/dev3/releases.jsonl", 10);
}

// Real releases, written by their publishers and annotated to the guideline
// (tests/data/real/README.md). Blind: overall 0.774; now 0.913. The floor is what
// the extractor reaches now, so that no change loses ground; the issue's
// targets (overall 0.93, every category 0.88) are the aim.
TEST(QualityGateTest, RealReleasesHoldTheirGround) {
  Targets floor;
  floor.overall = 0.90;
  floor.category = 0.80;
  floor.canonical = 0.82;
  floor.dateline = 0.97;
  CheckTargets(std::string(AMICUS_TEST_DATA) + "/real/releases.jsonl", 82, floor);
}

// Any other annotated file, such as a held-out set:
// AMICUS_QUALITY_GOLD=path/to/releases.jsonl amicus_extract_tests
TEST(QualityGateTest, ExternalGoldFile) {
  const char* path = std::getenv("AMICUS_QUALITY_GOLD");
  if (path == nullptr || *path == '\0') GTEST_SKIP() << "set AMICUS_QUALITY_GOLD to an annotated JSONL file";
  CheckTargets(path, 0);
}

}  // namespace
}  // namespace amicus
