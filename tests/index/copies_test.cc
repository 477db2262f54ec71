// Copy marks (index/copies.h): the writer marks exactly the releases that
// have a copy in their collection, across shards, drops marks whose copies
// are gone, and a searcher trusts the marks only for one collection whose
// marks are current.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "amicus/index.h"
#include "index/copies.h"
#include "index/schema.h"
#include "index/shards.h"

namespace amicus {
namespace {

namespace fs = std::filesystem;

class CopiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("amicus-copies-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string DbPath(const std::string& name = "db") const { return (dir_ / name).string(); }

  static Release Make(const std::string& id, const std::string& text) {
    Release r;
    r.id = id;
    r.title = "Release " + id;
    r.published = "2026-03-02";
    r.organization = "New York Immigration Coalition";
    r.text = text;
    return r;
  }

  // Writes `releases` and commits.
  static void Index(const std::string& path, const std::vector<Release>& releases, std::uint32_t shards = 1) {
    IndexOptions options;
    options.shards = shards;
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(path, options, &w).ok());
    for (const Release& r : releases) ASSERT_TRUE(w->Add(r).ok());
    ASSERT_TRUE(w->Commit().ok());
  }

  // Release id -> its kCopySlot value, over the whole (possibly sharded)
  // database.
  static std::map<std::string, std::string> Marks(const std::string& path) {
    Xapian::Database db(path);
    std::map<std::string, std::string> out;
    for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
      Xapian::Document d = db.get_document(*p);
      std::string id;
      for (Xapian::TermIterator t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        if ((*t).rfind(schema::kIdPrefix, 0) == 0) id = (*t).substr(schema::kIdPrefix.size());
      }
      out[id] = d.get_value(schema::kCopySlot);
    }
    return out;
  }

  // The slot a searcher of `paths` (each a database or a sharded folder)
  // would collapse on.
  static Xapian::valueno Slot(const std::vector<std::string>& paths) {
    Xapian::Database all;
    std::vector<Xapian::Database> parts;
    for (const std::string& p : paths) {
      std::vector<internal::StubLine> lines;
      if (internal::ReadStub((fs::path(p) / internal::kStubFileName).string(), &lines)) {
        for (const auto& l : lines) parts.emplace_back((fs::path(p) / l.arg).string());
      } else {
        parts.emplace_back(p);
      }
    }
    for (const Xapian::Database& part : parts) all.add_database(part);
    return internal::CopyCollapseSlot(parts, all);
  }

  // Two ids that ShardOf puts in different shards of two.
  static std::pair<std::string, std::string> IdsInTwoShards() {
    std::string a = "a0", b;
    for (int i = 0; b.empty(); ++i) {
      std::string id = "b" + std::to_string(i);
      if (internal::ShardOf(id, 2) != internal::ShardOf(a, 2)) b = id;
    }
    return {a, b};
  }

  fs::path dir_;
};

const char kText[] = "BUFFALO, N.Y. — Advocates rallied for the Access to Representation Act on Monday.";
const char kSameText[] = "Buffalo, NY —  advocates rallied for the Access to Representation Act on Monday!";
const char kOther[] = "ALBANY, N.Y. — A different release about court funding.";

TEST_F(CopiesTest, MarksOnlyReleasesWithACopy) {
  Index(DbPath(), {Make("one", kText), Make("two", kSameText), Make("three", kOther)});
  std::map<std::string, std::string> marks = Marks(DbPath());
  EXPECT_FALSE(marks["one"].empty());
  EXPECT_EQ(marks["one"], marks["two"]);
  EXPECT_TRUE(marks["three"].empty());
  Xapian::Database db(DbPath());
  EXPECT_EQ(db.get_value_freq(schema::kCopySlot), 2u);
  EXPECT_EQ(Slot({DbPath()}), schema::kCopySlot);
}

TEST_F(CopiesTest, MarksCopiesInDifferentShards) {
  auto [a, b] = IdsInTwoShards();
  Index(DbPath(), {Make(a, kText), Make(b, kSameText), Make("c", kOther)}, 2);
  std::map<std::string, std::string> marks = Marks(DbPath());
  EXPECT_FALSE(marks[a].empty());
  EXPECT_EQ(marks[a], marks[b]);
  EXPECT_TRUE(marks["c"].empty());
  EXPECT_EQ(Slot({DbPath()}), schema::kCopySlot);
}

TEST_F(CopiesTest, ReplacingACopyDropsTheOtherMark) {
  Index(DbPath(), {Make("one", kText), Make("two", kSameText)});
  ASSERT_FALSE(Marks(DbPath())["one"].empty());
  Index(DbPath(), {Make("two", kOther)});  // "two" is no copy any more
  std::map<std::string, std::string> marks = Marks(DbPath());
  EXPECT_TRUE(marks["one"].empty());
  EXPECT_TRUE(marks["two"].empty());
  EXPECT_EQ(Slot({DbPath()}), internal::kNoCopies);  // nothing left to collapse
}

TEST_F(CopiesTest, AWriteInProgressFallsBackToEveryKey) {
  Index(DbPath(), {Make("one", kText)});
  ASSERT_EQ(Slot({DbPath()}), internal::kNoCopies);
  IndexOptions options;
  options.batch_size = 1;  // each release commits: searchers see it before the writer's Commit
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &w).ok());
  ASSERT_TRUE(w->Add(Make("two", kSameText)).ok());
  ASSERT_TRUE(w->Flush().ok());
  EXPECT_TRUE(Marks(DbPath())["two"].empty());  // not marked yet...
  EXPECT_EQ(Slot({DbPath()}), schema::kDuplicateSlot);  // ...so the marks are not trusted
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_FALSE(Marks(DbPath())["two"].empty());
  EXPECT_EQ(Slot({DbPath()}), schema::kCopySlot);
}

TEST_F(CopiesTest, CollectionsSearchedTogetherUseEveryKey) {
  Index(DbPath("x"), {Make("one", kText)});
  Index(DbPath("y"), {Make("two", kSameText)});
  EXPECT_EQ(Slot({DbPath("x")}), internal::kNoCopies);  // one release: no copy in it
  EXPECT_EQ(Slot({DbPath("x"), DbPath("y")}), schema::kDuplicateSlot);  // copies across them are unmarked
  EXPECT_EQ(Slot({DbPath("x"), DbPath("x")}), schema::kDuplicateSlot);  // the same one twice
}

TEST_F(CopiesTest, ADatabaseWithoutMarksIsMarkedAtTheNextCommit) {
  Index(DbPath(), {Make("one", kText), Make("two", kSameText)});
  {  // as a database from before the marks: no kCopySlot, no fingerprint
    Xapian::WritableDatabase db(DbPath());
    for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
      Xapian::Document d = db.get_document(*p);
      d.remove_value(schema::kCopySlot);
      db.replace_document(*p, d);
    }
    db.set_metadata(std::string(schema::kCopiesMetadataKey), "");
    db.commit();
  }
  EXPECT_EQ(Slot({DbPath()}), schema::kDuplicateSlot);
  Index(DbPath(), {});
  EXPECT_FALSE(Marks(DbPath())["one"].empty());
  EXPECT_FALSE(Marks(DbPath())["two"].empty());
  EXPECT_EQ(Slot({DbPath()}), schema::kCopySlot);
}

TEST_F(CopiesTest, TheFingerprintDependsOnContentsOnly) {
  // The same releases give the same metadata (a database's contents do not
  // depend on the run), and other releases another fingerprint.
  Index(DbPath("x"), {Make("one", kText), Make("two", kSameText)}, 2);
  Index(DbPath("y"), {Make("one", kText), Make("two", kSameText)}, 2);
  Index(DbPath("z"), {Make("one", kText), Make("two", kOther)}, 2);
  auto flag = [&](const std::string& name) {
    return Xapian::Database((fs::path(DbPath(name)) / "shard-00").string())
        .get_metadata(std::string(schema::kCopiesMetadataKey));
  };
  EXPECT_FALSE(flag("x").empty());
  EXPECT_EQ(flag("x"), flag("y"));
  EXPECT_NE(flag("x"), flag("z"));
}

}  // namespace
}  // namespace amicus
