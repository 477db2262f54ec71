// Sharded databases (IndexOptions::shards): the folder layout and stub,
// routing by id, replacement in place, reopening rules, and shards whose
// contents do not depend on the thread count.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "amicus/index.h"
#include "index/shards.h"
#include "index/db_contents.h"

namespace amicus {
namespace {

namespace fs = std::filesystem;

class ShardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("amicus-shard-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string DbPath(const std::string& name = "db") const { return (dir_ / name).string(); }

  static Release Sample(const std::string& id, const std::string& title) {
    Release r;
    r.id = id;
    r.title = title;
    r.published = "2026-01-20";
    r.organization = "NYC Office of the Mayor";
    r.url = "https://example.org/" + id;
    r.text = "New York, NY—Today, Mayor Zohran Mamdani signed Executive Order 9. Lucía Ferreira spoke.";
    return r;
  }

  static std::vector<Release> Releases() {
    std::vector<Release> releases;
    for (int i = 0; i < 60; ++i) {
      Release r = Sample("r" + std::to_string(i), "Release number " + std::to_string(i));
      r.text += i % 2 ? " ICE detained a worker in Buffalo, N.Y., on Monday." : " $4.5 million for legal services.";
      if (i % 3 == 0) r.text += " The New York Immigration Coalition (NYIC) spoke for the Dignity Not Detention Act.";
      releases.push_back(r);
    }
    releases.push_back(Sample("r7", "A repeated id replaces the earlier copy"));
    return releases;
  }

  fs::path dir_;
};


std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_F(ShardTest, SameShardsWhateverTheThreadCount) {
  const std::vector<Release> releases = Releases();
  const std::uint32_t threads[2] = {0, 2};
  std::string contents[2][2];
  for (int k = 0; k < 2; ++k) {
    const std::string path = DbPath("db" + std::to_string(k));
    IndexOptions options;
    options.threads = threads[k];
    options.shards = 2;
    options.batch_size = 7;
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(path, options, &w).ok());
    EXPECT_EQ(w->shards(), 2u);
    std::vector<std::string> order;
    std::vector<AddOutcome> outcomes;
    for (const Release& r : releases) {
      ASSERT_TRUE(w->Add(Release(r), [&](const Release& done, const Status& st, AddOutcome o) {
                     EXPECT_TRUE(st.ok()) << st.ToString();
                     order.push_back(done.id);
                     outcomes.push_back(o);
                   }).ok());
    }
    ASSERT_TRUE(w->Commit().ok());
    EXPECT_EQ(w->size(), 60u);
    w.reset();
    ASSERT_EQ(order.size(), releases.size());
    for (std::size_t i = 0; i < releases.size(); ++i) EXPECT_EQ(order[i], releases[i].id);  // input order
    EXPECT_EQ(outcomes.back(), AddOutcome::kDuplicate);
    EXPECT_EQ(ReadFile(fs::path(path) / "XAPIANDB"), "auto shard-00\nauto shard-01\n");
    for (int s = 0; s < 2; ++s) contents[k][s] = testing::Contents((fs::path(path) / internal::ShardName(s)).string());
    // Xapian opens the folder as one database through the stub.
    EXPECT_EQ(Xapian::Database(path).get_doccount(), 60u);
  }
  for (int s = 0; s < 2; ++s) {
    EXPECT_FALSE(contents[0][s].empty());
    EXPECT_EQ(contents[0][s], contents[1][s]) << "shard " << s;
  }
  EXPECT_NE(contents[0][0], contents[0][1]);
}

TEST_F(ShardTest, EachIdLivesInTheShardOfItsHashAndIsReplacedThere) {
  IndexOptions options;
  options.shards = 3;
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &w).ok());
  for (int i = 0; i < 30; ++i) {
    AddOutcome outcome;
    ASSERT_TRUE(w->Add(Sample("id" + std::to_string(i), "First"), &outcome).ok());
    EXPECT_EQ(outcome, AddOutcome::kAdded);
  }
  w.reset();
  // Reopened without --shards: uses the three that are there.
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
  EXPECT_EQ(w->shards(), 3u);
  AddOutcome outcome;
  ASSERT_TRUE(w->Add(Sample("id4", "Second"), &outcome).ok());
  EXPECT_EQ(outcome, AddOutcome::kReplaced);
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(w->size(), 30u);
  w.reset();
  std::uint32_t used[3] = {0, 0, 0};
  for (int i = 0; i < 30; ++i) {
    const std::string id = "id" + std::to_string(i);
    const std::uint32_t s = internal::ShardOf(id, 3);
    ++used[s];
    for (std::uint32_t k = 0; k < 3; ++k) {
      Xapian::Database shard((fs::path(DbPath()) / internal::ShardName(k)).string());
      EXPECT_EQ(shard.term_exists("Q" + id), k == s) << id << " in shard " << k;
    }
  }
  for (std::uint32_t n : used) EXPECT_GT(n, 0u);  // the hash spreads them
  Xapian::Database all(DbPath());
  EXPECT_EQ(all.get_doccount(), 30u);
  EXPECT_EQ(all.get_termfreq("Qid4"), 1u);
  EXPECT_NE(all.get_document(*all.postlist_begin("Qid4")).get_data().find("Second"), std::string::npos);
}

TEST_F(ShardTest, ShardCountMustMatchWhatIsThere) {
  IndexOptions two;
  two.shards = 2;
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath("sharded"), two, &w).ok());
  w.reset();
  IndexOptions four;
  four.shards = 4;
  Status s = IndexWriter::Open(DbPath("sharded"), four, &w);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("holds 2 shards"), std::string::npos) << s.ToString();

  ASSERT_TRUE(IndexWriter::Open(DbPath("single"), {}, &w).ok());
  ASSERT_TRUE(w->Add(Sample("a", "A")).ok());
  w.reset();
  s = IndexWriter::Open(DbPath("single"), two, &w);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("single database"), std::string::npos) << s.ToString();
  EXPECT_EQ(Xapian::Database(DbPath("single")).get_doccount(), 1u);  // left as it was
}

TEST_F(ShardTest, SecondWriterIsToldTheDatabaseIsLocked) {
  IndexOptions options;
  options.shards = 2;
  std::unique_ptr<IndexWriter> first, second;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &first).ok());
  Status s = IndexWriter::Open(DbPath(), options, &second);
  EXPECT_EQ(s.code(), Status::Code::kLocked) << s.ToString();
}

TEST_F(ShardTest, SynonymsAreKeptInTheMetadataForRemoteSearchers) {
  IndexOptions options;
  options.shards = 2;
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &w).ok());
  for (const Release& r : Releases()) ASSERT_TRUE(w->Add(r).ok());
  w.reset();
  std::size_t synonyms = 0;
  for (std::uint32_t k = 0; k < 2; ++k) {
    Xapian::Database shard((fs::path(DbPath()) / internal::ShardName(k)).string());
    for (Xapian::TermIterator key = shard.synonym_keys_begin(); key != shard.synonym_keys_end(); ++key) {
      const std::string meta = shard.get_metadata(std::string(internal::kSynonymMetadataPrefix) + *key);
      for (Xapian::TermIterator t = shard.synonyms_begin(*key); t != shard.synonyms_end(*key); ++t) {
        EXPECT_NE(meta.find(*t), std::string::npos) << *key << " -> " << *t;
        ++synonyms;
      }
    }
  }
  EXPECT_GT(synonyms, 0u);
}

}  // namespace
}  // namespace amicus
