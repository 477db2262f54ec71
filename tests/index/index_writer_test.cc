#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "amicus/index.h"
#include "index/document_builder.h"
#include "index/schema.h"
#include "index/db_contents.h"

namespace amicus {
namespace {

class IndexWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("amicus-index-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string DbPath() const { return (dir_ / "db").string(); }

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

  std::filesystem::path dir_;
};

TEST_F(IndexWriterTest, ReplacesByIdInsteadOfDuplicating) {
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
  AddOutcome outcome;
  ASSERT_TRUE(w->Add(Sample("d001", "First title"), &outcome).ok());
  EXPECT_EQ(outcome, AddOutcome::kAdded);
  ASSERT_TRUE(w->Add(Sample("d002", "Other"), &outcome).ok());
  ASSERT_TRUE(w->Add(Sample("d001", "Second title"), &outcome).ok());
  EXPECT_EQ(outcome, AddOutcome::kDuplicate);  // the same id twice in one run
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(w->size(), 2u);
  w.reset();

  // Again in a new session: still replaced, not added.
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
  ASSERT_TRUE(w->Add(Sample("d001", "Third title"), &outcome).ok());
  EXPECT_EQ(outcome, AddOutcome::kReplaced);
  w.reset();

  Xapian::Database db(DbPath());
  EXPECT_EQ(db.get_doccount(), 2u);
  Xapian::PostingIterator p = db.postlist_begin("Qd001");
  ASSERT_NE(p, db.postlist_end("Qd001"));
  EXPECT_NE(db.get_document(*p).get_data().find("Third title"), std::string::npos);
  EXPECT_EQ(db.get_termfreq("Qd001"), 1u);
}

TEST_F(IndexWriterTest, StoresSchemaTermsAndSlots) {
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
  ASSERT_TRUE(w->Add(Sample("d001", "Mayor Signs Sanctuary Order")).ok());
  w.reset();
  Xapian::Database db(DbPath());
  Xapian::Document doc = db.get_document(*db.postlist_begin("Qd001"));
  EXPECT_EQ(doc.get_value(schema::kPublishedSlot), "20260120");
  for (const char* term : {"D20260120", "M202601", "Y2026", "Len", "XPUBnyc office of the mayor", "XPWmayor",
                           "Ssanctuary", "sanctuary", "lucia", "mamdani", "Zsign", "ZSsanctuari"}) {
    EXPECT_TRUE(db.term_exists(term)) << term;
  }
  // Title words come first and carry positions for phrase search.
  Xapian::PositionIterator pos = db.positionlist_begin(*db.postlist_begin("Qd001"), "Smayor");
  ASSERT_NE(pos, db.positionlist_end(*db.postlist_begin("Qd001"), "Smayor"));
  EXPECT_EQ(*pos, 1u);
}

TEST_F(IndexWriterTest, StemsEachReleaseInItsOwnLanguage) {
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
  Release es = Sample("es1", "Talleres sobre los derechos de los inmigrantes");
  es.text = "Nueva York, NY — Hoy, la alianza anunció talleres para inmigrantes sobre sus derechos y las "
            "detenciones.";
  ASSERT_TRUE(w->Add(es).ok());  // language detected: Spanish
  Release en = Sample("en1", "Workshops for immigrants");
  en.text = "Today the coalition announced workshops for immigrants about their rights.";
  ASSERT_TRUE(w->Add(en).ok());
  w.reset();
  Xapian::Database db(DbPath());
  EXPECT_TRUE(db.term_exists("Les"));
  EXPECT_TRUE(db.term_exists("Len"));
  // Snowball Spanish: inmigrantes -> inmigr, derechos -> derech; English
  // would give inmigrant and derecho.
  EXPECT_EQ(db.get_termfreq("Zinmigr"), 1u);
  EXPECT_EQ(db.get_termfreq("Zderech"), 1u);
  EXPECT_EQ(db.get_termfreq("Zinmigrant"), 0u);
  EXPECT_EQ(db.get_termfreq("Zimmigr"), 1u);  // the English release: immigrants -> immigr
}

TEST_F(IndexWriterTest, RejectsReleaseWithoutId) {
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &w).ok());
  Status s = w->Add(Sample("", "No id"));
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("id"), std::string::npos);
}

TEST_F(IndexWriterTest, SecondWriterIsToldTheDatabaseIsLocked) {
  std::unique_ptr<IndexWriter> first, second;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), {}, &first).ok());
  Status s = IndexWriter::Open(DbPath(), {}, &second);
  EXPECT_EQ(s.code(), Status::Code::kLocked);
  EXPECT_NE(s.message().find("locked by another indexer"), std::string::npos);
}

TEST_F(IndexWriterTest, CommitsEveryBatch) {
  std::unique_ptr<IndexWriter> w;
  IndexOptions options;
  options.batch_size = 2;
  ASSERT_TRUE(IndexWriter::Open(DbPath(), options, &w).ok());
  ASSERT_TRUE(w->Add(Sample("a", "A")).ok());
  ASSERT_TRUE(w->Add(Sample("b", "B")).ok());
  ASSERT_TRUE(w->Add(Sample("c", "C")).ok());
  // A reader sees the first batch while the writer still holds "c".
  Xapian::Database reader(DbPath());
  EXPECT_EQ(reader.get_doccount(), 2u);
}


TEST_F(IndexWriterTest, SameDatabaseWhateverTheThreadCount) {
  std::vector<Release> releases;
  for (int i = 0; i < 60; ++i) {
    Release r = Sample("r" + std::to_string(i), "Release number " + std::to_string(i));
    r.text += i % 2 ? " ICE detained a worker in Buffalo, N.Y., on Monday." : " $4.5 million for legal services.";
    releases.push_back(r);
  }
  releases.push_back(Sample("r7", "A repeated id replaces the earlier copy"));
  std::string contents[3];
  const std::uint32_t threads[3] = {0, 1, 3};
  for (int k = 0; k < 3; ++k) {
    std::string path = DbPath() + std::to_string(k);
    IndexOptions options;
    options.threads = threads[k];
    options.batch_size = 7;
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(path, options, &w).ok());
    std::vector<std::string> order;
    for (const Release& r : releases) {
      ASSERT_TRUE(w->Add(Release(r), [&](const Release& done, const Status& st, AddOutcome) {
                     EXPECT_TRUE(st.ok()) << st.ToString();
                     order.push_back(done.id);
                   }).ok());
    }
    ASSERT_TRUE(w->Commit().ok());
    w.reset();
    ASSERT_EQ(order.size(), releases.size());
    for (std::size_t i = 0; i < releases.size(); ++i) EXPECT_EQ(order[i], releases[i].id);  // callbacks in input order
    contents[k] = testing::Contents(path);
  }
  EXPECT_FALSE(contents[0].empty());
  EXPECT_EQ(contents[0], contents[1]);
  EXPECT_EQ(contents[0], contents[2]);
}

struct DateCase {
  const char* text;
  bool valid;
};

TEST(IsIsoDateTest, AcceptsOnlyRealCalendarDates) {
  const DateCase cases[] = {
      {"2026-01-20", true},  {"2024-02-29", true},  {"2026-02-29", false}, {"2026-02-30", false},
      {"2026-13-01", false}, {"2026-00-10", false}, {"2026-1-20", false},  {"next week", false},
      {"", false},           {"2000-02-29", true},  {"1900-02-29", false}, {"2026-12-31", true},
  };
  for (const DateCase& c : cases) EXPECT_EQ(internal::IsIsoDate(c.text), c.valid) << c.text;
}

}  // namespace
}  // namespace amicus
