// Tests of ReadReleases: folders (recursion, order, hidden files, files that
// are not releases), sniffing, missing inputs, strict mode.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/ingest.h"

namespace amicus {
namespace {

namespace fs = std::filesystem;

const char kRecord[] = R"({"id": "%s", "meta": {"title": "T %s"}, "text": "x"})";

std::string Record(const std::string& id) {
  char buf[256];
  std::snprintf(buf, sizeof buf, kRecord, id.c_str(), id.c_str());
  return std::string(buf) + "\n";
}

void Write(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

struct Result {
  std::vector<std::string> ids;
  std::vector<IngestProblem> problems;
  Status status;
};

Result Read(const std::vector<std::string>& inputs, IngestOptions options = {}) {
  Result r;
  r.status = ReadReleases(
      inputs, options,
      [&](Release&& rel) {
        r.ids.push_back(rel.id);
        return true;
      },
      [&](const IngestProblem& p) { r.problems.push_back(p); });
  return r;
}

class ReadReleasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) / ("amicus_ingest_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    // Names chosen so that sorted order differs from creation order.
    Write(root_ / "b" / "inner.jsonl", Record("b-inner"));
    Write(root_ / "a.ndjson", Record("a1") + Record("a2"));
    Write(root_ / "c-archive.txt", "Title C\n\nBOSTON \xE2\x80\x94 Body.\n");
    Write(root_ / "d-sniffed-jsonl", "\n  " + Record("d"));
    Write(root_ / "e-sniffed-archive", "Title E\n\nCHICAGO \xE2\x80\x94 Body.\n");
    Write(root_ / ".hidden.jsonl", Record("hidden"));
    Write(root_ / ".git" / "x.jsonl", Record("git"));
    Write(root_ / "f-binary.dat", std::string("{\"id\": \0\0\0", 11));
    Write(root_ / "g-photo.png", "\x89PNG");
    Write(root_ / "h-page.html", "<html></html>");
    Write(root_ / "i-empty.jsonl", "");
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path root_;
};

TEST_F(ReadReleasesTest, WalksFoldersInSortedOrder) {
  IngestOptions options;
  options.default_published = "2026-01-01";
  Result r = Read({root_.string()}, options);
  ASSERT_TRUE(r.status.ok());
  const std::vector<std::string> expected = {"a1", "a2", "b-inner", "c-archive-0001-" /* prefix */, "d",
                                             "e-sniffed-archive-0001-"};
  ASSERT_EQ(r.ids.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r.ids[i].rfind(expected[i], 0), 0u) << i << ": " << r.ids[i];
  }
  // binary, png, an html page without article text and an empty file are
  // reported; hidden files are not.
  ASSERT_EQ(r.problems.size(), 4u);
  EXPECT_NE(r.problems[0].message.find("binary file"), std::string::npos) << r.problems[0].ToString();
  EXPECT_NE(r.problems[0].file.find("f-binary.dat"), std::string::npos);
  EXPECT_NE(r.problems[1].message.find("a .png file is not a press release"), std::string::npos);
  EXPECT_NE(r.problems[2].message.find("no article text found in the page"), std::string::npos)
      << r.problems[2].ToString();
  EXPECT_EQ(r.problems[2].ToString().find(":0"), std::string::npos);  // no line for whole files
  EXPECT_NE(r.problems[3].message.find("empty file"), std::string::npos) << r.problems[3].ToString();
  EXPECT_NE(r.problems[3].file.find("i-empty.jsonl"), std::string::npos);
}

TEST_F(ReadReleasesTest, SameInputTwiceGivesSameIds) {
  Result a = Read({root_.string()});
  Result b = Read({root_.string()});
  EXPECT_EQ(a.ids, b.ids);
}

TEST_F(ReadReleasesTest, FilesAndFoldersInArgumentOrder) {
  Result r = Read({(root_ / "b").string(), (root_ / "a.ndjson").string()});
  EXPECT_EQ(r.ids, (std::vector<std::string>{"b-inner", "a1", "a2"}));
}

TEST_F(ReadReleasesTest, ForcedFormatOverridesSniffing) {
  IngestOptions options;
  options.format = InputFormat::kTextArchive;
  Result r = Read({(root_ / "a.ndjson").string()}, options);
  EXPECT_TRUE(r.ids.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("no dateline found"), std::string::npos);
}

TEST_F(ReadReleasesTest, MissingInputIsAProblemNotACrash) {
  Result r = Read({(root_ / "nope.jsonl").string(), (root_ / "a.ndjson").string()});
  EXPECT_TRUE(r.status.ok());
  EXPECT_EQ(r.ids.size(), 2u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 0u);
  EXPECT_NE(r.problems[0].message.find("no such file or folder"), std::string::npos);
}

TEST_F(ReadReleasesTest, StrictModeReturnsTheFirstProblem) {
  IngestOptions options;
  options.strict = true;
  Result r = Read({root_.string()}, options);
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("f-binary.dat: binary file"), std::string::npos) << r.status.ToString();
  EXPECT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.ids.size(), 6u);  // everything before the binary file

  Result missing = Read({(root_ / "nope").string()}, options);
  EXPECT_EQ(missing.status.code(), Status::Code::kNotFound);
}

TEST_F(ReadReleasesTest, SinkStopsEverything) {
  int n = 0;
  Status s = ReadReleases({root_.string()}, {}, [&](Release&&) { return ++n < 2; }, nullptr);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(n, 2);
}

TEST(ReadReleasesDataTest, ReadsTheSharedCorpusByFolder) {
  // tests/data holds releases.jsonl and the ingest/ archives; all of them
  // must read without problems.
  std::vector<IngestProblem> problems;
  std::size_t n = 0;
  Status s = ReadReleases(
      {std::string(AMICUS_TEST_DATA) + "/releases.jsonl"}, {},
      [&](Release&& r) {
        EXPECT_EQ(r.source, std::string(AMICUS_TEST_DATA) + "/releases.jsonl");
        ++n;
        return true;
      },
      [&](const IngestProblem& p) { problems.push_back(p); });
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(n, 36u);
}

}  // namespace
}  // namespace amicus
