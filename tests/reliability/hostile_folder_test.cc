// A folder of hostile files mixed with valid releases (tests/data/hostile/,
// made by its .make.py; .expected says what must happen): amicus-index on the
// whole folder indexes every valid release, reports every bad file (by file,
// and line where there is one), and does not crash. Any other folder with an
// .expected manifest in the same form can be checked the same way by setting
// AMICUS_HOSTILE_DIR.
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "amicus/ingest.h"
#include "reliability/reliability_util.h"

namespace amicus::testing {
namespace {

TEST(HostileFolderTest, EveryValidReleaseIndexedEveryBadFileReported) {
  const char* env = std::getenv("AMICUS_HOSTILE_DIR");
  const std::string folder = env != nullptr && *env ? env : TestData("hostile");
  std::ifstream manifest(folder + "/.expected");
  ASSERT_TRUE(manifest) << folder << "/.expected is missing";

  TempDir dir("hostile");
  const std::string db = dir / "db";
  RunResult r = RunTool({Tool("amicus-index"), "--db", db, folder}, dir);
  ASSERT_LT(r.status, 128) << "amicus-index crashed (signal " << r.status - 128 << ")\n" << r.err;
  EXPECT_EQ(r.status, 1) << "bad files were skipped, so the exit status must say so\n" << r.err;
  EXPECT_NE(r.err.find(" added, "), std::string::npos) << "no summary\n" << r.err;

  std::map<std::string, StoredRelease> stored;
  std::map<std::string, int> counts;
  std::string error;
  ASSERT_TRUE(ReadDatabase(db, &stored, &counts, &error)) << error;
  for (const auto& kv : counts) EXPECT_EQ(kv.second, 1) << kv.first << " stored more than once";

  std::string line;
  int checks = 0;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t sp = line.find(' ');
    ASSERT_NE(sp, std::string::npos) << line;
    const std::string kind = line.substr(0, sp), arg = line.substr(sp + 1);
    ++checks;
    if (kind == "present") {
      EXPECT_TRUE(stored.count(arg)) << "valid release " << arg << " was not indexed\n" << r.err;
    } else if (kind == "absent") {
      EXPECT_FALSE(stored.count(arg)) << "bad release " << arg << " was indexed";
    } else if (kind == "reported") {
      // "file" or "file:line": the message starts with the path, then ':'.
      const std::string want = folder + "/" + arg + ":";
      EXPECT_NE(r.err.find(want), std::string::npos) << "no message naming " << want << "\n" << r.err;
    } else if (kind == "archive") {
      const std::size_t sp2 = arg.rfind(' ');
      const std::string file = arg.substr(0, sp2);
      const std::size_t want = std::stoul(arg.substr(sp2 + 1));
      std::ifstream in(folder + "/" + file, std::ios::binary);
      std::set<std::string> ids;
      ReadTextArchive(in, folder + "/" + file, {}, [&](Release&& rel) { ids.insert(rel.id); return true; }, nullptr);
      EXPECT_EQ(ids.size(), want) << file;
      for (const std::string& id : ids) EXPECT_TRUE(stored.count(id)) << file << ": release " << id << " missing";
    } else {
      ADD_FAILURE() << "unknown manifest line: " << line;
    }
  }
  EXPECT_GT(checks, 10);

  // Searching the result works too (the tool, as a user would).
  RunResult s = RunTool({Tool("amicus-search"), "--db", db, "--json", "detention"}, dir);
  EXPECT_EQ(s.status, 0) << s.err;
  EXPECT_NE(s.out.find("\"hits\""), std::string::npos) << s.out;
}

}  // namespace
}  // namespace amicus::testing
