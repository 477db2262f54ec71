// The spelling table mirrors the word terms (lib/index/spelling.h): each
// word has the number of releases using it, brought in line at Commit.
#include "index/spelling.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "amicus/index.h"

namespace amicus {
namespace {

class SpellingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("amicus-spelling-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string DbPath() const { return (dir_ / "db").string(); }

  static std::map<std::string, Xapian::doccount> Spellings(const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> words;
    for (Xapian::TermIterator w = db.spellings_begin(); w != db.spellings_end(); ++w) words[*w] = w.get_termfreq();
    return words;
  }

  static Release Sample(const std::string& id, const std::string& text) {
    Release r;
    r.id = id;
    r.title = "Statement";
    r.published = "2026-01-20";
    r.text = text;
    return r;
  }

  std::filesystem::path dir_;
};

TEST(IsSpellingWordTest, LettersOnlyThreeToFortyBytes) {
  EXPECT_TRUE(internal::IsSpellingWord("detained"));
  EXPECT_TRUE(internal::IsSpellingWord("inmigración"));
  EXPECT_FALSE(internal::IsSpellingWord("on"));                  // too short
  EXPECT_FALSE(internal::IsSpellingWord(std::string(41, 'a')));  // too long
  EXPECT_FALSE(internal::IsSpellingWord("2026"));
  EXPECT_FALSE(internal::IsSpellingWord("287(g)"));
  EXPECT_FALSE(internal::IsSpellingWord("Sdetained"));  // prefixed terms start with a capital
  EXPECT_FALSE(internal::IsSpellingWord("XORGice"));
}

TEST_F(SpellingTest, SyncGivesEachWordItsTermFrequencyAndDropsUnusedWords) {
  Xapian::WritableDatabase db(DbPath(), Xapian::DB_CREATE);
  Xapian::Document a;
  for (const char* t : {"apple", "banana", "ab", "12345", "Sapple", "XORGapple", "Zappl"}) a.add_term(t);
  db.add_document(a);
  Xapian::Document b;
  for (const char* t : {"apple", "cherry"}) b.add_term(t);
  db.add_document(b);
  db.add_spelling("apple", 5);   // too many
  db.add_spelling("banana", 1);  // right
  db.add_spelling("durian", 2);  // no release uses it
  db.commit();

  internal::SyncSpellings(&db);
  db.commit();
  const std::map<std::string, Xapian::doccount> expected = {{"apple", 2}, {"banana", 1}, {"cherry", 1}};
  EXPECT_EQ(Spellings(db), expected);

  internal::SyncSpellings(&db);  // nothing left to change
  db.commit();
  EXPECT_EQ(Spellings(db), expected);
}

TEST_F(SpellingTest, CommitCountsReleasesAndForgetsReplacedWords) {
  std::unique_ptr<IndexWriter> w;
  IndexOptions options;
  options.batch_size = 2;  // several batches: still one count per release
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &w).ok());
  ASSERT_TRUE(w->Add(Sample("a", "Officers detained a worker. The worker was detained again.")).ok());
  ASSERT_TRUE(w->Add(Sample("b", "Officers detained two zookeepers.")).ok());
  ASSERT_TRUE(w->Add(Sample("c", "The council met.")).ok());
  ASSERT_TRUE(w->Commit().ok());
  {
    Xapian::Database db(DbPath());
    const auto words = Spellings(db);
    EXPECT_EQ(words.at("detained"), 2u);
    EXPECT_EQ(words.at("statement"), 3u);  // the title word of all three
    EXPECT_EQ(words.at("zookeepers"), 1u);
    EXPECT_EQ(words.count("two"), 1u);
    EXPECT_EQ(words.count("met"), 1u);
    EXPECT_EQ(words.count("a"), 0u);
  }
  w.reset();

  // A later run replaces "b": its old words stop counting.
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &w).ok());
  ASSERT_TRUE(w->Add(Sample("b", "The council voted.")).ok());
  ASSERT_TRUE(w->Commit().ok());
  Xapian::Database db(DbPath());
  const auto words = Spellings(db);
  EXPECT_EQ(words.at("detained"), 1u);
  EXPECT_EQ(words.count("zookeepers"), 0u);
  EXPECT_EQ(words.at("council"), 2u);
  EXPECT_EQ(words.at("statement"), 3u);
}

TEST_F(SpellingTest, ShardsEachMirrorTheirOwnWords) {
  std::unique_ptr<IndexWriter> w;
  IndexOptions options;
  options.shards = 2;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &w).ok());
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(w->Add(Sample("r" + std::to_string(i), "Attorneys represented families.")).ok());
  }
  ASSERT_TRUE(w->Commit().ok());
  w.reset();
  Xapian::doccount total = 0;
  for (const char* shard : {"shard-00", "shard-01"}) {
    Xapian::Database db((std::filesystem::path(DbPath()) / shard).string());
    const auto words = Spellings(db);
    ASSERT_EQ(words.count("attorneys"), 1u) << shard;
    EXPECT_EQ(words.at("attorneys"), db.get_doccount()) << shard;
    total += words.at("attorneys");
  }
  EXPECT_EQ(total, 20u);
}

}  // namespace
}  // namespace amicus
