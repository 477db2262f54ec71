// IndexWriter::Compact: the database keeps every document, term, value and
// metadata entry with its id, shrinks, stays writable, searchers that had
// it open go on, and a compaction killed between its renames is undone.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "amicus/index.h"
#include "index/db_contents.h"
#include "index/shards.h"

namespace amicus {
namespace {

namespace fs = std::filesystem;

class CompactTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("amicus-compact-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string DbPath() const { return (dir_ / "db").string(); }

  static Release Make(int i) {
    Release r;
    r.id = "r" + std::to_string(i);
    r.title = "Release " + std::to_string(i);
    r.published = "2026-02-1" + std::to_string(i % 10);
    r.organization = "New York Immigration Coalition";
    r.text = "BUFFALO, N.Y. — Advocates asked Governor Kathy Hochul to fund the Access to Representation Act, "
             "release number " + std::to_string(i) + (i % 3 ? ", with $4.5 million for legal services." : ".");
    return r;
  }

  // A writer with small batches, so that the database has many revisions
  // and half-empty blocks to compact.
  std::unique_ptr<IndexWriter> OpenWriter(std::uint32_t shards = 1) const {
    IndexOptions options;
    options.batch_size = 5;
    options.shards = shards;
    std::unique_ptr<IndexWriter> w;
    Status s = IndexWriter::Open(DbPath(), options, &w);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return w;
  }

  // Writes releases [from, to) with small batches, so that the database
  // has many revisions and half-empty blocks to compact.
  static void Write(IndexWriter* w, int from, int to) {
    for (int i = from; i < to; ++i) ASSERT_TRUE(w->Add(Make(i)).ok());
    ASSERT_TRUE(w->Commit().ok());
  }

  static std::uintmax_t FolderBytes(const fs::path& p) {
    std::uintmax_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(p)) {
      if (e.is_regular_file()) n += e.file_size();
    }
    return n;
  }

  // The folders in dir_ (compaction must leave none of its own behind).
  std::vector<std::string> Folders() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    return out;
  }

  fs::path dir_;
};

TEST_F(CompactTest, SingleDatabaseKeepsItsContentsAndShrinks) {
  std::unique_ptr<IndexWriter> w = OpenWriter();
  ASSERT_TRUE(w);
  Write(w.get(), 0, 300);
  const std::string before = testing::Contents(DbPath());
  const std::uintmax_t bytes_before = FolderBytes(DbPath());
  ASSERT_TRUE(w->Compact().ok());
  EXPECT_EQ(testing::Contents(DbPath()), before);
  EXPECT_LT(FolderBytes(DbPath()), bytes_before);
  EXPECT_EQ(Folders(), std::vector<std::string>{"db"});
  // Still the writer of the database.
  Write(w.get(), 300, 310);
  EXPECT_EQ(w->size(), 310u);
  w.reset();
  EXPECT_EQ(Xapian::Database(DbPath()).get_doccount(), 310u);
}

TEST_F(CompactTest, ShardsKeepTheirNamesAndContents) {
  std::unique_ptr<IndexWriter> w = OpenWriter(2);
  ASSERT_TRUE(w);
  Write(w.get(), 0, 300);
  std::string before[2];
  for (int s = 0; s < 2; ++s) before[s] = testing::Contents((fs::path(DbPath()) / internal::ShardName(s)).string());
  ASSERT_TRUE(w->Compact().ok());
  for (int s = 0; s < 2; ++s) {
    EXPECT_EQ(testing::Contents((fs::path(DbPath()) / internal::ShardName(s)).string()), before[s]) << "shard " << s;
  }
  std::vector<std::string> inside;
  for (const auto& e : fs::directory_iterator(DbPath())) inside.push_back(e.path().filename().string());
  std::sort(inside.begin(), inside.end());
  EXPECT_EQ(inside, (std::vector<std::string>{"XAPIANDB", "shard-00", "shard-01"}));
  Write(w.get(), 300, 320);
  w.reset();
  EXPECT_EQ(Xapian::Database(DbPath()).get_doccount(), 320u);
}

TEST_F(CompactTest, AnOpenReaderGoesOnAndSeesLaterChanges) {
  std::unique_ptr<IndexWriter> w = OpenWriter();
  ASSERT_TRUE(w);
  Write(w.get(), 0, 100);
  Xapian::Database reader(DbPath());
  ASSERT_EQ(reader.get_doccount(), 100u);
  ASSERT_TRUE(w->Compact().ok());
  reader.reopen();
  EXPECT_EQ(reader.get_doccount(), 100u);
  EXPECT_TRUE(reader.term_exists("Qr42"));
  Write(w.get(), 100, 110);
  reader.reopen();
  EXPECT_EQ(reader.get_doccount(), 110u);
  EXPECT_TRUE(reader.term_exists("Qr105"));
}

TEST_F(CompactTest, AKillBetweenTheRenamesIsUndone) {
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
    Write(w.get(), 0, 20);
  }
  // What the two-rename swap leaves when killed after the first: the
  // database at PATH.old, a finished or unfinished copy at PATH.compacting.
  fs::rename(DbPath(), DbPath() + ".old");
  fs::create_directories(DbPath() + ".compacting");
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
  EXPECT_EQ(w->size(), 20u);
  EXPECT_EQ(Folders(), std::vector<std::string>{"db"});
}

}  // namespace
}  // namespace amicus
