// End-to-end: the real amicus-index, amicus-search and amicus-extract
// binaries on the bundled releases, checked through their output and exit
// status as a script would use them.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/run_command.h"

namespace {

const std::string kBin = AMICUS_BINARY_DIR;
const std::string kReleases = std::string(AMICUS_TEST_DATA) + "/releases.jsonl";

using amicus::testing::CommandResult;
using amicus::testing::Sh;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("amicus-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "a.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CliTest, IndexTwiceKeepsThirtySixReleases) {
  CommandResult first = Sh(kBin + "/amicus-index --db " + db_ + " " + kReleases);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("36 added, 0 replaced, 0 skipped, 0 errors"), std::string::npos) << first.err;
  CommandResult second = Sh(kBin + "/amicus-index --db " + db_ + " " + kReleases);
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("0 added, 36 replaced"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("holds 36 releases"), std::string::npos) << second.err;

  // A standard Xapian database: xapian-delve (from xapian-tools) reads it.
  CommandResult delve = Sh("xapian-delve " + db_);
  ASSERT_EQ(delve.status, 0) << delve.err;
  EXPECT_NE(delve.out.find("number of documents = 36"), std::string::npos) << delve.out;
}

// A first import compacts the database (--compact auto); a run that only
// replaces does not; --compact yes always does; a bad value is refused.
TEST_F(CliTest, FirstImportIsCompacted) {
  CommandResult first = Sh(kBin + "/amicus-index --shards 2 --db " + db_ + " " + kReleases);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("compacting " + db_), std::string::npos) << first.err;
  CommandResult again = Sh(kBin + "/amicus-index --db " + db_ + " " + kReleases);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.err.find("compacting"), std::string::npos) << again.err;
  CommandResult forced = Sh(kBin + "/amicus-index --compact yes --db " + db_ + " " + kReleases);
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(forced.err.find("compacting"), std::string::npos) << forced.err;
  CommandResult found = Sh(kBin + "/amicus-search --db " + db_ + " --json 'person:Mamdani'");
  ASSERT_EQ(found.status, 0) << found.err;
  EXPECT_GT(nlohmann::json::parse(found.out)["total"].get<int>(), 0) << found.out;
  CommandResult bad = Sh(kBin + "/amicus-index --compact sometimes --db " + db_ + " " + kReleases);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--compact sometimes: use auto, yes or no"), std::string::npos) << bad.err;
}

TEST_F(CliTest, SearchPrintsRankedJsonWithSnippets) {
  ASSERT_EQ(Sh(kBin + "/amicus-index --quiet --db " + db_ + " " + kReleases).status, 0);
  CommandResult r = Sh(kBin + "/amicus-search --db " + db_ + " --json 'sanctuary published:2026-01'");
  ASSERT_EQ(r.status, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query"], "sanctuary published:2026-01");
  ASSERT_GE(j["hits"].size(), 1u);
  EXPECT_EQ(j["total"].get<std::size_t>(), j["hits"].size());
  double last = 1e300;
  int rank = 0;
  for (const auto& h : j["hits"]) {
    EXPECT_EQ(h["rank"].get<int>(), ++rank);
    EXPECT_LE(h["score"].get<double>(), last);
    last = h["score"].get<double>();
    EXPECT_NE(h["snippet"].get<std::string>().find("<b>"), std::string::npos);
    EXPECT_EQ(h["published"].get<std::string>().substr(0, 7), "2026-01");
  }
}

TEST_F(CliTest, SearchHumanOutputAndDefaultDatabaseFromEnvironment) {
  ASSERT_EQ(Sh(kBin + "/amicus-index --quiet --db " + db_ + " " + kReleases).status, 0);
  CommandResult r = Sh("AMICUS_DB=" + db_ + " " + kBin + "/amicus-search --limit 3 detention");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("releases match (showing 1-3)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n1. "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colours when stdout is not a terminal";
}

TEST_F(CliTest, MalformedQueryExitsTwoWithMessage) {
  ASSERT_EQ(Sh(kBin + "/amicus-index --quiet --db " + db_ + " " + kReleases).status, 0);
  CommandResult r = Sh(kBin + "/amicus-search --db " + db_ + " 'sanctuary AND'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("malformed query"), std::string::npos) << r.err;
  r = Sh(kBin + "/amicus-search --db " + db_ + " published:2026-13");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("month must be 01..12"), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingDatabaseIsAClearError) {
  CommandResult r = Sh(kBin + "/amicus-search --db " + (dir_ / "nope.db").string() + " sanctuary");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot open the database"), std::string::npos) << r.err;
}

TEST_F(CliTest, ExtractPrintsOneJsonObjectPerRelease) {
  CommandResult r = Sh(kBin + "/amicus-extract " + kReleases);
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line);
    for (const char* key : {"id", "dateline", "people", "organizations", "legislation", "locations", "dates", "money"}) {
      EXPECT_TRUE(j.contains(key)) << key;
    }
    ++n;
  }
  EXPECT_EQ(n, 36);
}

TEST_F(CliTest, BadInputIsReportedAndTheRestIndexed) {
  std::string input = (dir_ / "mixed.jsonl").string();
  {
    std::ifstream in(kReleases);
    std::ofstream out(input);
    std::string line;
    std::getline(in, line);
    out << line << "\n{not json\n";
    std::getline(in, line);
    out << line << "\n";
  }
  CommandResult r = Sh(kBin + "/amicus-index --db " + db_ + " " + input);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(input + ":2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 added, 0 replaced, 1 skipped"), std::string::npos) << r.err;
}

}  // namespace
