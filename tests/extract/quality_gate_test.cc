// Quality gate of issue 4: the whole extractor, run on the gold releases
// (tests/data/releases.jsonl, title + text as a release), scored with the
// reference protocol (amicus/score.h). Prints the score table.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "amicus/extract.h"
#include "amicus/release.h"
#include "amicus/score.h"

namespace amicus {
namespace {

TEST(QualityGateTest, GoldReleasesMeetTheTargets) {
  const std::string gold_path = std::string(AMICUS_TEST_DATA) + "/releases.jsonl";
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
  ASSERT_EQ(docs, 36);

  // Through a file, as the tool and the reference scorer see it.
  const std::string sys_path = testing::TempDir() + "/amicus_quality_gate_system.jsonl";
  {
    std::ofstream out(sys_path);
    out << sys_jsonl;
  }
  ExtractionScore score;
  st = ScoreExtractionFiles(gold_path, sys_path, &score);
  std::remove(sys_path.c_str());
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::cout << FormatScore(score);

  EXPECT_GE(score.overall.f1(), 0.93);
  for (const std::string& cat : ScoreCategories()) {
    const CategoryScore& c = score.categories.at(cat);
    EXPECT_GE(c.f1(), 0.85) << cat;
    if (cat != "dates" && cat != "money") EXPECT_GE(c.canonical_accuracy(), 0.90) << cat;
  }
  EXPECT_GE(score.dateline_accuracy(), 0.97);
}

}  // namespace
}  // namespace amicus
