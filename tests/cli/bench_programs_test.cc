// The programs of scripts/bench.sh's query comparison, end to end on the
// bundled releases: raw_xapian_index and amicus-index build the two
// databases, compare_queries times both sides alternating and prints one
// summary line per engine. Only that they run and count is checked here;
// their timings belong to bench/, never to a test.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/run_command.h"

namespace {

namespace fs = std::filesystem;
using amicus::testing::Sh;

// "key=value" fields of the line of `out` that starts with `start`.
std::map<std::string, std::string> Fields(const std::string& out, const std::string& start) {
  std::map<std::string, std::string> f;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(start, 0) != 0) continue;
    std::istringstream words(line);
    for (std::string w; words >> w;) {
      const std::size_t eq = w.find('=');
      if (eq != std::string::npos) f[w.substr(0, eq)] = w.substr(eq + 1);
    }
  }
  return f;
}

TEST(BenchProgramsTest, CompareQueriesTimesBothSides) {
#ifndef AMICUS_BENCH_DIR
  GTEST_SKIP() << "built without bench/ (AMICUS_BUILD_BENCH=OFF)";
#else
  const fs::path dir = fs::temp_directory_path() / ("amicus-bench-programs-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string bench = AMICUS_BENCH_DIR, bin = AMICUS_BINARY_DIR;
  const std::string releases = std::string(AMICUS_TEST_DATA) + "/releases.jsonl";
  auto r = Sh(bench + "/raw_xapian_index --db " + (dir / "raw.db").string() + " " + releases);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("releases=36 "), std::string::npos) << r.out;
  r = Sh(bin + "/amicus-index --db " + (dir / "amicus.db").string() + " --shards 2 " + releases);
  ASSERT_EQ(r.status, 0) << r.err;
  const fs::path queries = dir / "queries.txt";
  std::ofstream(queries) << "# comment\nsanctuary\n\"legal services\"\nnosuchwordanywhere\n";
  r = Sh(bench + "/compare_queries --raw-db " + (dir / "raw.db").string() + " --amicus-db " +
         (dir / "amicus.db").string() + " --queries " + queries.string() + " --rounds 2 --per-query");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* engine : {"engine=raw mode=plain-or ", "engine=raw mode=plain-and ", "engine=amicus mode=plain ",
                             "engine=amicus mode=facets "}) {
    auto f = Fields(r.out, engine);
    ASSERT_FALSE(f.empty()) << engine << "\n" << r.out;
    EXPECT_EQ(f["queries"], "3") << engine;
    EXPECT_EQ(f["samples"], "6") << engine;
    EXPECT_EQ(f["errors"], "0") << engine;
  }
  // Per-query lines: "q<TAB>median_ms<TAB>matches<TAB>query", before each summary.
  std::istringstream lines(r.out);
  int sanctuary_hits = 0, nothing = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("q\t", 0) != 0) continue;
    const std::size_t a = line.find('\t', 2), b = line.find('\t', a + 1);
    const long long matches = std::stoll(line.substr(a + 1, b - a - 1));
    const std::string query = line.substr(b + 1);
    if (query == "sanctuary") sanctuary_hits += matches > 0;
    if (query == "nosuchwordanywhere") nothing += matches == 0;
  }
  EXPECT_EQ(sanctuary_hits, 4);
  EXPECT_EQ(nothing, 4);
  r = Sh(bench + "/compare_queries --raw-db " + (dir / "missing.db").string() + " --amicus-db " +
         (dir / "amicus.db").string() + " --queries " + queries.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
  fs::remove_all(dir);
#endif
}

}  // namespace
