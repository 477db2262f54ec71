// Crash safety (issue 6): the real amicus-index, killed with SIGKILL at
// several points while it writes, leaves a database that opens, passes
// xapian-check and holds whole releases of whole committed batches only;
// running the same command again completes the job, and the result equals a
// clean run (same ids, each once, same count).
//
// Kill points are chosen by watching the database's revision (one per
// commit), not by sleeping fixed times, so the test means the same thing on a
// fast and a slow machine. Small extra delays after a commit move some kills
// into the middle of a batch or of a commit.
#include <chrono>
#include <map>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "reliability/reliability_util.h"

namespace amicus::testing {
namespace {

constexpr int kReleases = 1200;
constexpr int kBatch = 100;

// Writes kReleases synthetic releases (sample texts under new ids) and
// returns what each id must hold.
std::map<std::string, StoredRelease> WriteCorpus(const std::string& path) {
  const std::vector<nlohmann::json> samples = SampleReleases();
  std::map<std::string, StoredRelease> want;
  std::string out;
  for (int n = 0; n < kReleases; ++n) {
    char id[16];
    std::snprintf(id, sizeof id, "s%05d", n);
    nlohmann::json j = samples[n % samples.size()];
    j["id"] = id;
    j.erase("gold");
    // A distinct first paragraph, so every stored text is checkable.
    const std::string text = "Release number " + std::to_string(n) + ".\n\n" + j["text"].get<std::string>();
    j["text"] = text;
    want[id] = StoredRelease{id, j["meta"]["title"].get<std::string>(), text, ""};
    out += j.dump() + "\n";
  }
  WriteFile(path, out);
  return want;
}

Xapian::rev Revision(const std::string& db) {
  try {
    return Xapian::Database(db).get_revision();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

class CrashSafetyTest : public ::testing::Test {
 protected:
  CrashSafetyTest() : dir_("crash") {
    corpus_ = dir_ / "corpus.jsonl";
    want_ = WriteCorpus(corpus_);
  }

  std::vector<std::string> Command(const std::string& db) const {
    return {Tool("amicus-index"), "--quiet", "--batch-size", std::to_string(kBatch), "--db", db, corpus_};
  }

  // The database after a kill: opens, passes xapian-check, holds whole
  // committed batches (a prefix of the input, in batches) of whole releases.
  void CheckAfterKill(const std::string& db, const std::string& when) {
    SCOPED_TRACE(when);
    RunResult check = RunTool({"xapian-check", db}, dir_);
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No errors found"), std::string::npos) << check.out;

    std::map<std::string, StoredRelease> stored;
    std::map<std::string, int> counts;
    std::string error;
    ASSERT_TRUE(ReadDatabase(db, &stored, &counts, &error)) << error;
    const long docs = DocCount(db);
    EXPECT_EQ(docs, static_cast<long>(stored.size())) << "an id is stored twice";
    EXPECT_TRUE(docs % kBatch == 0 || docs == kReleases) << docs << " releases: not whole batches";
    for (const auto& kv : stored) {
      auto it = want_.find(kv.first);
      ASSERT_NE(it, want_.end()) << "unknown id " << kv.first;
      EXPECT_EQ(kv.second.title, it->second.title) << kv.first;
      EXPECT_EQ(kv.second.text, it->second.text) << kv.first << ": stored text is not the whole release";
      EXPECT_EQ(counts[kv.first], 1) << kv.first;
    }
    // Batches are committed in input order: the ids are a prefix.
    long n = 0;
    for (const auto& kv : want_) {
      if (n++ < docs) EXPECT_TRUE(stored.count(kv.first)) << kv.first << " missing inside the committed prefix";
    }
  }

  // Starts the command and kills it once `commits` more commits than
  // `*revision` happened (plus `extra_ms`). Returns false if it finished
  // first. Updates *revision.
  bool RunAndKill(const std::string& db, Xapian::rev* revision, Xapian::rev commits, int extra_ms) {
    const Xapian::rev target = *revision + commits;
    Child child(Command(db), dir_ / "kill-out", dir_ / "kill-err");
    bool finished = false;
    // Bounded: the whole run takes a few seconds; give up after 60 s.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!(finished = child.Done())) {
      if (Revision(db) >= target) break;
      if (std::chrono::steady_clock::now() > deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!finished && extra_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(extra_ms));
    if (!finished) child.Kill();
    *revision = Revision(db);
    return !finished;
  }

  TempDir dir_;
  std::string corpus_;
  std::map<std::string, StoredRelease> want_;
};

TEST_F(CrashSafetyTest, KillAtSeveralPointsThenRerunEqualsCleanRun) {
  // The clean run, for comparison.
  const std::string clean = dir_ / "clean.db";
  RunResult c = RunTool(Command(clean), dir_);
  ASSERT_EQ(c.status, 0) << c.err;
  const std::set<std::string> clean_ids = IdsIn(clean);
  ASSERT_EQ(clean_ids.size(), static_cast<std::size_t>(kReleases));

  const std::string db = dir_ / "crash.db";
  Xapian::rev rev = 0;
  int kills = 0;
  // (commits to wait for, extra delay): right after a commit, inside a
  // batch, later inside a batch. Each rerun starts the input from the top.
  const std::pair<Xapian::rev, int> points[] = {{1, 0}, {2, 15}, {4, 40}, {7, 3}};
  for (const auto& p : points) {
    if (RunAndKill(db, &rev, p.first, p.second)) {
      ++kills;
      CheckAfterKill(db, "after kill " + std::to_string(kills) + " (revision " + std::to_string(rev) + ")");
      if (HasFatalFailure()) return;
    }
  }
  EXPECT_GE(kills, 2) << "the indexer finished before it could be killed; the test did not test much";

  // The same command again completes the job.
  RunResult again = RunTool(Command(db), dir_);
  EXPECT_EQ(again.status, 0) << again.err;
  CheckAfterKill(db, "after the final rerun");
  EXPECT_EQ(IdsIn(db), clean_ids);
  EXPECT_EQ(DocCount(db), DocCount(clean));
}

TEST_F(CrashSafetyTest, KillBeforeTheFirstCommitLeavesAUsableDatabase) {
  const std::string db = dir_ / "early.db";
  {
    Child child(Command(db), dir_ / "early-out", dir_ / "early-err");
    // Kill as soon as the database exists, before any commit.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!child.Done() && !std::filesystem::exists(db) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    child.Kill();
  }
  // Opening may find an empty database or none at all; either way the
  // rerun must create or open it and finish the job.
  const long docs = DocCount(db);
  EXPECT_TRUE(docs == -1 || docs % kBatch == 0) << docs;
  RunResult again = RunTool(Command(db), dir_);
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(DocCount(db), kReleases);
  RunResult check = RunTool({"xapian-check", db}, dir_);
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

// A kill while the indexer compacts (--compact) leaves the database as it
// was, whole; the next run removes what the compaction left and compacts.
TEST_F(CrashSafetyTest, KillDuringCompactionLeavesTheDatabaseWhole) {
  const std::string db = dir_ / "compact.db";
  RunResult first = RunTool({Tool("amicus-index"), "--quiet", "--compact", "no", "--batch-size",
                             std::to_string(kBatch), "--db", db, corpus_},
                            dir_);
  ASSERT_EQ(first.status, 0) << first.err;
  const std::string empty = dir_ / "empty.jsonl";
  WriteFile(empty, "");
  const std::vector<std::string> compact = {Tool("amicus-index"), "--quiet", "--compact", "yes", "--db", db, empty};
  const std::filesystem::path tmp = db + ".compacting";
  bool killed = false;
  for (int attempt = 0; attempt < 20 && !killed; ++attempt) {
    Child child(compact, dir_ / "compact-out", dir_ / "compact-err");
    while (!child.Done() && !std::filesystem::exists(tmp)) std::this_thread::yield();
    if (!child.Done()) {
      child.Kill();
      killed = true;
    }
  }
  ASSERT_TRUE(killed) << "every compaction finished before it could be killed";
  CheckAfterKill(db, "after a kill during compaction");
  EXPECT_EQ(DocCount(db), kReleases);
  RunResult again = RunTool(compact, dir_);
  EXPECT_EQ(again.status, 1) << again.err;  // the empty input counts as skipped
  EXPECT_FALSE(std::filesystem::exists(tmp));
  EXPECT_FALSE(std::filesystem::exists(db + ".old"));
  CheckAfterKill(db, "after the rerun");
  EXPECT_EQ(DocCount(db), kReleases);
}

}  // namespace
}  // namespace amicus::testing
