// Extractor plumbing: shared knowledge, JSON schema, loading from a folder.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "amicus/extract.h"

namespace amicus {
namespace {

TEST(ExtractorTest, CreateTwiceSharesKnowledge) {
  std::unique_ptr<Extractor> a, b;
  ASSERT_TRUE(Extractor::Create(&a).ok());
  ASSERT_TRUE(Extractor::Create(&b).ok());
  Release r;
  r.text = "“It works,” said Pat Lindqvist-Oyo, director of the Riverside Tenants Alliance.";
  EXPECT_EQ(EntitiesToJson("x", a->Extract(r)), EntitiesToJson("x", b->Extract(r)));
}

TEST(ExtractorTest, RunsEveryFinderAndLegislationIsNotAnOrganization) {
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  Release r;
  r.published = "2026-03-02";
  r.text =
      "DENVER — The Front Range Tenant Alliance on Monday asked the city for $2.5 million and filed a "
      "Freedom of Information Act (FOIA) request. Under the Safe Harbor Housing Act, the FOIA reply is due in "
      "April.";
  Entities e = ex->Extract(r);
  EXPECT_FALSE(e.legislation.empty());
  EXPECT_FALSE(e.money.empty());
  EXPECT_FALSE(e.dates.empty());
  ASSERT_EQ(e.organizations.size(), 1u);
  EXPECT_EQ(e.organizations[0].name, "Front Range Tenant Alliance");
}

TEST(ExtractorTest, JsonHasGoldSchema) {
  Entities e;
  e.people.push_back({"Ana Ruiz", {"Ruiz"}});
  e.money.push_back({"$5", 5});
  e.dates.push_back({"Today", "2026-01-20"});
  nlohmann::json j = nlohmann::json::parse(EntitiesToJson("d1", e));
  EXPECT_EQ(j["id"], "d1");
  EXPECT_TRUE(j["dateline"].is_null());
  EXPECT_EQ(j["people"][0]["aliases"][0], "Ruiz");
  EXPECT_EQ(j["money"][0]["value"], 5);
  EXPECT_EQ(j["dates"][0]["value"], "2026-01-20");
  for (const char* k : {"organizations", "legislation", "locations"}) EXPECT_TRUE(j[k].is_array()) << k;
  e.dateline = {"Buffalo", "NY"};
  j = nlohmann::json::parse(EntitiesToJson("d1", e));
  EXPECT_EQ(j["dateline"]["city"], "Buffalo");
  EXPECT_EQ(j["dateline"]["region"], "NY");
}

TEST(ExtractorTest, FromDirectoryMatchesEmbeddedAndReportsMissingFolder) {
  std::unique_ptr<Extractor> a, b;
  ASSERT_TRUE(Extractor::Create(&a).ok());
  Status s = Extractor::CreateFromDirectory(AMICUS_SOURCE_DIR "/data/knowledge", &b);
  ASSERT_TRUE(s.ok()) << s.ToString();
  Release r;
  r.text = "The Department of Homeland Security (DHS) and Mayor Lena Ortiz-Park spoke.";
  EXPECT_EQ(EntitiesToJson("x", a->Extract(r)), EntitiesToJson("x", b->Extract(r)));
  EXPECT_FALSE(Extractor::CreateFromDirectory("/nonexistent/knowledge", &b).ok());
}

TEST(ExtractorTest, InvalidUtf8DoesNotThrow) {
  std::unique_ptr<Extractor> a;
  ASSERT_TRUE(Extractor::Create(&a).ok());
  Release r;
  r.text = std::string("Mayor Ana \xff\xfe Ruiz said \xc3");
  EXPECT_NO_THROW(EntitiesToJson("x", a->Extract(r)));
}

}  // namespace
}  // namespace amicus
