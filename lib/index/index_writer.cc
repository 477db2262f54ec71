// IndexWriter: a pipeline of analysis workers (ReleasePreparer) feeding the
// one thread that writes to Xapian, in input order; or, for a sharded
// database, feeding one writing thread per shard while the calling thread
// hands releases out and calls their callbacks in input order.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "amicus/extract.h"
#include "amicus/index.h"
#include "amicus/text.h"
#include "index/alias_list.h"
#include "index/copies.h"
#include "index/release_preparer.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/spelling.h"
#include "index/xapian_status.h"

namespace amicus {

using internal::PreparedRelease;

std::uint32_t IndexOptions::DefaultThreads(std::uint32_t shards) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned writers = std::max(1u, shards);
  return cores > writers ? cores - writers : 0;
}

namespace {

// One Xapian database being written and what its releases taught, applied
// at commit. The single-database writer has one, used on the calling
// thread; a sharded writer has one per shard, each used only by that
// shard's thread.
struct DbState {
  std::string path;
  std::uint32_t batch_size = 1000;
  Xapian::WritableDatabase db;
  std::uint32_t pending = 0;  // written since the last commit
  Status broken;              // a failed commit: nothing more can be written
  // The database's copy marks are current (index/copies.h): cleared with
  // the first release written, set again by the marking pass at Commit.
  bool copies_marked = false;

  // key -> canonical keys, releases (hashed: looked up for every alias of
  // every release; written in key order at commit)
  std::unordered_map<std::string, internal::AliasCounts> pending_aliases;
  std::map<std::string, std::string> pending_display;            // term -> display name
  std::unordered_set<std::string> known_display;                 // terms (and facet keys) whose name is settled
  std::map<std::string, std::string> pending_facet_names;        // facet name key -> name
  std::unordered_set<std::string> synonyms;                      // "key\0term" already added (or pending)
  std::string synonym_scratch;                                   // builds the "key\0term" looked up
  std::map<std::string, std::set<std::string>> pending_synonyms; // key -> new terms, added at commit
  std::unordered_set<std::string> session_ids;                   // ids written by this writer
  // The spelling table mirrors the terms (index/spelling.h): false once a
  // release is written, until FinishCommit brings it in line.
  bool spellings_current = true;

  // Writes one prepared release; *status says how it went.
  void Apply(PreparedRelease* p, Status* status, AddOutcome* outcome);
  void FlushAliases();
  Status CommitNow();
};

void DbState::Apply(PreparedRelease* p, Status* status, AddOutcome* outcome) {
  *outcome = AddOutcome::kAdded;
  *status = p->status;
  if (status->ok() && !broken.ok()) *status = broken;
  if (!status->ok()) return;
  try {
    if (copies_marked) {
      internal::ClearCopyMarks(&db);
      copies_marked = false;
    }
    const bool existed = db.term_exists(p->id_term);
    db.replace_document(p->id_term, p->doc);
    const bool repeated = !session_ids.insert(p->release.id).second;
    *outcome = repeated ? AddOutcome::kDuplicate : existed ? AddOutcome::kReplaced : AddOutcome::kAdded;
    for (auto& [key, canonical] : p->aliases) ++pending_aliases[key][canonical];
    for (auto& [term, name] : p->displays) {
      if (known_display.insert(term).second) pending_display.emplace(term, std::move(name));
    }
    for (auto& [key, name] : p->facet_names) {
      if (known_display.insert(key).second) pending_facet_names.emplace(key, std::move(name));
    }
    for (auto& [key, term] : p->synonyms) {
      synonym_scratch.assign(key).push_back('\0');
      synonym_scratch.append(term);
      if (synonyms.insert(synonym_scratch).second) pending_synonyms[key].insert(term);
    }
    spellings_current = false;
  } catch (const Xapian::Error& e) {
    *status = internal::XapianErrorToStatus(e, path);
  }
}

void DbState::FlushAliases() {
  std::vector<std::pair<const std::string, internal::AliasCounts>*> aliases;
  aliases.reserve(pending_aliases.size());
  for (auto& entry : pending_aliases) aliases.push_back(&entry);
  std::sort(aliases.begin(), aliases.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  for (auto* entry : aliases) {
    const std::string& key = entry->first;
    internal::AliasCounts& counts = entry->second;
    if (key.size() > schema::kMaxTermBytes) continue;  // Xapian's key limit
    const std::string existing = db.get_metadata(key);
    for (const auto& [canonical, n] : internal::ParseAliasList(existing)) counts[canonical] += n;
    const std::string value = internal::FormatAliasList(counts);
    if (value != existing) db.set_metadata(key, value);
  }
  pending_aliases.clear();
  for (const auto& [term, name] : pending_display) {
    std::string key = schema::Term(schema::kDisplayMetadataPrefix, term);
    if (key.size() <= schema::kMaxTermBytes && db.get_metadata(key).empty()) db.set_metadata(key, name);
  }
  pending_display.clear();
  for (const auto& [key, name] : pending_facet_names) {
    if (db.get_metadata(key).empty()) db.set_metadata(key, name);
  }
  pending_facet_names.clear();
  // The synonyms, once per batch and in key order: Xapian's synonym table
  // writes a key's list back each time add_synonym names another key, so
  // one call per release and synonym wrote back a list almost every call.
  // Then again as metadata: xapian-tcpsrv serves metadata but not the
  // synonym table (index/shards.h).
  for (auto& [key, terms] : pending_synonyms) {
    for (const std::string& t : terms) db.add_synonym(key, t);
    const std::string meta_key = std::string(internal::kSynonymMetadataPrefix) + key;
    if (meta_key.size() > schema::kMaxTermBytes) continue;
    const std::string existing = db.get_metadata(meta_key);
    std::size_t start = 0;
    while (start < existing.size()) {
      std::size_t end = existing.find(internal::kSynonymSeparator, start);
      if (end == std::string::npos) end = existing.size();
      terms.insert(existing.substr(start, end - start));
      start = end + 1;
    }
    std::string value;
    for (const std::string& t : terms) {
      if (!value.empty()) value += internal::kSynonymSeparator;
      value += t;
    }
    if (value != existing) db.set_metadata(meta_key, value);
  }
  pending_synonyms.clear();
}

Status DbState::CommitNow() {
  if (!broken.ok()) return broken;
  try {
    FlushAliases();
    db.commit();
    pending = 0;
  } catch (const Xapian::Error& e) {
    broken = internal::XapianErrorToStatus(e, path);
    return broken;
  }
  return Status::OK();
}

// A release a shard thread has written, waiting for its callback.
struct Written {
  std::unique_ptr<PreparedRelease> p;
  Status status;
  AddOutcome outcome = AddOutcome::kAdded;
};

// Runs work(i) for each of `paths`, each in its own thread, and returns
// the first Xapian error, named by its path: for a step over each
// database of the collection (compaction, spellings) that touches no other.
Status InParallel(const std::vector<std::string>& paths, const std::function<void(std::size_t)>& work) {
  std::vector<Status> results(paths.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    threads.emplace_back([&, i] {
      try {
        work(i);
      } catch (const Xapian::Error& e) {
        results[i] = internal::XapianErrorToStatus(e, paths[i]);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const Status& s : results) {
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

struct IndexWriter::Impl {
  std::string path;
  IndexOptions options;
  DbState single;  // the database, when not sharded
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<internal::ReleasePreparer> inline_preparer;  // for threads == 0 and the synchronous Add

  // --- the pipeline
  std::vector<std::thread> workers;
  std::mutex mu;
  std::condition_variable work_cv;  // jobs queued, or stopping
  std::condition_variable done_cv;  // a job finished (analysed, or written by a shard)
  std::deque<std::pair<std::uint64_t, std::unique_ptr<PreparedRelease>>> jobs;
  std::map<std::uint64_t, std::unique_ptr<PreparedRelease>> ready;
  std::uint64_t next_seq = 0;    // sequence number of the next Add
  std::uint64_t next_write = 0;  // sequence number of the next release to write (sharded: to call back)
  bool stopping = false;

  // --- shards (empty when not sharded). Each shard's thread owns its
  // DbState; the queues, `written`, `commits` and `broken` are under `mu`.
  struct Shard {
    DbState state;
    // With no analysis threads, each shard's thread analyses its own
    // releases before writing them: both cores then run one thread each,
    // analysing and writing, which measured faster than one thread
    // analysing for two writers (bench/README.md).
    std::unique_ptr<internal::ReleasePreparer> preparer;
    std::deque<std::pair<std::uint64_t, std::unique_ptr<PreparedRelease>>> queue;  // null: commit
    std::condition_variable cv;
    std::thread thread;
    std::uint64_t commits = 0;              // commit requests done
    std::atomic<std::uint64_t> doccount{0};
  };
  std::vector<std::unique_ptr<Shard>> shards;
  std::map<std::uint64_t, Written> written;
  std::uint64_t next_route = 0;  // sequence number of the next release to hand to its shard
  bool stopping_shards = false;
  Status broken;  // sharded: the first failed commit of any shard

  bool sharded() const { return !shards.empty(); }
  // The databases written: the shards' or the single one.
  std::vector<DbState*> States() {
    std::vector<DbState*> states;
    if (sharded()) {
      for (auto& shard : shards) states.push_back(&shard->state);
    } else {
      states.push_back(&single);
    }
    return states;
  }
  void StartWorkers();
  void StopWorkers();
  void WorkerLoop();
  void ShardLoop(Shard* shard);
  // Writes ready releases in order; with `until` set, waits until every
  // release before sequence number `until` is written.
  Status WriteReady(std::uint64_t until);
  Status WriteReadySharded(std::uint64_t until);
  Status Write(PreparedRelease* p);
  // Commits every shard (in their threads, at once) or the single database.
  Status CommitAll();
  // After CommitAll, with the shards' threads idle: brings the spelling
  // tables in line with the terms (index/spelling.h, one thread per
  // database) and marks the releases that have copies (index/copies.h),
  // unless they are current, and commits what that changed.
  Status FinishCommit();
  // Compaction (IndexWriter::Compact), after a commit.
  Status CompactAll();
};

void IndexWriter::Impl::StartWorkers() {
  for (std::uint32_t i = 0; i < options.threads; ++i) workers.emplace_back([this] { WorkerLoop(); });
  for (auto& shard : shards) {
    Shard* s = shard.get();
    s->doccount = s->state.db.get_doccount();
    s->thread = std::thread([this, s] { ShardLoop(s); });
  }
}

void IndexWriter::Impl::StopWorkers() {
  {
    std::lock_guard<std::mutex> lock(mu);
    stopping = true;
  }
  work_cv.notify_all();
  for (std::thread& t : workers) t.join();
  workers.clear();
}

void IndexWriter::Impl::WorkerLoop() {
  internal::ReleasePreparer preparer(extractor.get());
  for (;;) {
    std::pair<std::uint64_t, std::unique_ptr<PreparedRelease>> job;
    {
      std::unique_lock<std::mutex> lock(mu);
      work_cv.wait(lock, [&] { return stopping || !jobs.empty(); });
      if (jobs.empty()) return;  // stopping, and nothing left to do
      job = std::move(jobs.front());
      jobs.pop_front();
    }
    preparer.Prepare(job.second.get());
    {
      std::lock_guard<std::mutex> lock(mu);
      ready.emplace(job.first, std::move(job.second));
    }
    done_cv.notify_all();
  }
}

void IndexWriter::Impl::ShardLoop(Shard* shard) {
  DbState& st = shard->state;
  for (;;) {
    std::pair<std::uint64_t, std::unique_ptr<PreparedRelease>> job;
    {
      std::unique_lock<std::mutex> lock(mu);
      shard->cv.wait(lock, [&] { return stopping_shards || !shard->queue.empty(); });
      if (shard->queue.empty()) return;
      job = std::move(shard->queue.front());
      shard->queue.pop_front();
    }
    if (!job.second) {  // a commit request
      Status c = st.CommitNow();
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!c.ok() && broken.ok()) broken = c;
        ++shard->commits;
      }
      done_cv.notify_all();
      continue;
    }
    Written w;
    if (!job.second->prepared) shard->preparer->Prepare(job.second.get());
    st.Apply(job.second.get(), &w.status, &w.outcome);
    job.second->doc = Xapian::Document();  // written: only the callback needs the release now
    Status c;
    if (w.status.ok() && ++st.pending >= st.batch_size) c = st.CommitNow();
    try {
      shard->doccount = st.db.get_doccount();
    } catch (const Xapian::Error&) {
    }
    w.p = std::move(job.second);
    {
      std::lock_guard<std::mutex> lock(mu);
      written.emplace(job.first, std::move(w));
      if (!c.ok() && broken.ok()) broken = c;
    }
    done_cv.notify_all();
  }
}

Status IndexWriter::Impl::WriteReady(std::uint64_t until) {
  if (sharded()) return WriteReadySharded(until);
  for (;;) {
    std::unique_ptr<PreparedRelease> p;
    {
      std::unique_lock<std::mutex> lock(mu);
      auto it = ready.find(next_write);
      if (it == ready.end()) {
        if (next_write >= until) return Status::OK();
        done_cv.wait(lock, [&] { return ready.count(next_write) != 0; });
        it = ready.find(next_write);
      }
      p = std::move(it->second);
      ready.erase(it);
      ++next_write;
    }
    Status s = Write(p.get());
    if (!s.ok()) return s;
  }
}

// Hands analysed releases to their shards in input order, and calls the
// callbacks of written ones in input order, until every release before
// `until` is called back.
Status IndexWriter::Impl::WriteReadySharded(std::uint64_t until) {
  std::unique_lock<std::mutex> lock(mu);
  for (;;) {
    for (auto it = ready.find(next_route); it != ready.end(); it = ready.find(next_route)) {
      Shard& shard = *shards[internal::ShardOf(it->second->release.id, static_cast<std::uint32_t>(shards.size()))];
      shard.queue.emplace_back(next_route, std::move(it->second));
      ready.erase(it);
      ++next_route;
      shard.cv.notify_one();
    }
    auto w = written.find(next_write);
    if (w != written.end()) {
      Written item = std::move(w->second);
      written.erase(w);
      ++next_write;
      lock.unlock();
      if (item.p->done) item.p->done(item.p->release, item.status, item.outcome);
      lock.lock();
      continue;
    }
    if (next_write >= until) return broken;
    done_cv.wait(lock);
  }
}

Status IndexWriter::Impl::Write(PreparedRelease* p) {
  AddOutcome outcome = AddOutcome::kAdded;
  Status status;
  single.Apply(p, &status, &outcome);
  if (p->done) p->done(p->release, status, outcome);
  if (status.ok() && ++single.pending >= single.batch_size) return single.CommitNow();
  return Status::OK();
}

Status IndexWriter::Impl::CommitAll() {
  if (!sharded()) return single.CommitNow();
  std::unique_lock<std::mutex> lock(mu);
  std::vector<std::uint64_t> target;
  for (auto& shard : shards) {
    target.push_back(shard->commits + 1);
    shard->queue.emplace_back(0, nullptr);
    shard->cv.notify_one();
  }
  done_cv.wait(lock, [&] {
    for (std::size_t i = 0; i < shards.size(); ++i) {
      if (shards[i]->commits < target[i]) return false;
    }
    return true;
  });
  return broken;
}

Status IndexWriter::Impl::FinishCommit() {
  const std::vector<DbState*> states = States();
  bool copies_current = true;
  std::vector<Xapian::WritableDatabase*> dbs;
  std::vector<DbState*> stale_spellings;
  std::vector<std::string> stale_paths;
  for (DbState* st : states) {
    if (!st->broken.ok()) return st->broken;
    copies_current = copies_current && st->copies_marked;
    dbs.push_back(&st->db);
    if (!st->spellings_current) {
      stale_spellings.push_back(st);
      stale_paths.push_back(st->path);
    }
  }
  Status synced = InParallel(stale_paths, [&](std::size_t i) { internal::SyncSpellings(&stale_spellings[i]->db); });
  if (!synced.ok()) return synced;
  if (!copies_current) {
    try {
      internal::MarkCopies(dbs);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, path);
    }
  }
  for (DbState* st : states) {
    if (copies_current && st->spellings_current) continue;  // nothing changed
    Status s = st->CommitNow();
    if (!s.ok()) return s;
    st->copies_marked = true;
    st->spellings_current = true;
  }
  return Status::OK();
}

namespace {

namespace fs = std::filesystem;

// Files Xapian's glass backend writes while it creates a database.
bool IsGlassFile(const std::string& name) {
  auto ends_with = [&](const char* suffix) {
    std::size_t n = std::char_traits<char>::length(suffix);
    return name.size() >= n && name.compare(name.size() - n, n, suffix) == 0;
  };
  return name == "flintlock" || name == "iamglass" || ends_with(".glass") || ends_with(".tmp");
}

// A database is created in a sibling folder and renamed into place, so a
// kill while Xapian creates it never leaves a half-made database that no
// later run can open. What such a kill left by an older run (Xapian's files
// without their version file) is cleared first.
Status CreateIfMissing(const std::string& path) {
  std::error_code ec;
  if (fs::exists(fs::path(path) / "iamglass", ec) || fs::is_regular_file(path, ec)) return Status::OK();
  if (fs::exists(path, ec)) {
    if (!fs::is_directory(path, ec)) {
      return Status::InvalidArgument(path + ": exists and is not a database folder; choose another --db path");
    }
    for (const fs::directory_entry& e : fs::directory_iterator(path, ec)) {
      if (!IsGlassFile(e.path().filename().string())) {
        return Status::InvalidArgument(path + ": the folder is not empty and holds no amicus database (" +
                                       e.path().filename().string() + "); choose another --db path");
      }
    }
    fs::remove_all(path, ec);  // an unfinished creation: start it again
  }
  const std::string creating = path + ".creating-" + std::to_string(::getpid());
  fs::remove_all(creating, ec);
  try {
    Xapian::WritableDatabase db(creating, Xapian::DB_CREATE);
    db.commit();
    db.close();
  } catch (const Xapian::Error& e) {
    fs::remove_all(creating, ec);
    return internal::XapianErrorToStatus(e, path);
  }
  fs::rename(creating, path, ec);
  if (ec) {
    fs::remove_all(creating, ec);
    // Another process created it meanwhile: open theirs.
    if (fs::exists(fs::path(path) / "iamglass")) return Status::OK();
    return Status::IOError(path + ": cannot create the database (" + ec.message() + "); check the folder's permissions");
  }
  return Status::OK();
}

// A sharded database is made whole in a sibling folder (its shards and
// the stub) and renamed into place, like a single one.
Status CreateSharded(const std::string& path, std::uint32_t n) {
  std::error_code ec;
  if (fs::exists(path, ec)) {
    if (!fs::is_directory(path, ec)) {
      return Status::InvalidArgument(path + ": exists and is not a database folder; choose another --db path");
    }
    if (fs::exists(fs::path(path) / "iamglass", ec)) {
      return Status::InvalidArgument(path + ": is a single database and cannot be split into shards in place; "
                                            "index into a new --db with --shards, or leave --shards out");
    }
    for (const fs::directory_entry& e : fs::directory_iterator(path, ec)) {
      if (!IsGlassFile(e.path().filename().string())) {
        return Status::InvalidArgument(path + ": the folder is not empty and holds no amicus database (" +
                                       e.path().filename().string() + "); choose another --db path");
      }
    }
    fs::remove_all(path, ec);
  }
  const std::string creating = path + ".creating-" + std::to_string(::getpid());
  fs::remove_all(creating, ec);
  fs::create_directories(creating, ec);
  std::string stub;
  try {
    for (std::uint32_t i = 0; i < n; ++i) {
      Xapian::WritableDatabase db((fs::path(creating) / internal::ShardName(i)).string(), Xapian::DB_CREATE);
      db.commit();
      db.close();
      stub += "auto " + internal::ShardName(i) + "\n";
    }
  } catch (const Xapian::Error& e) {
    fs::remove_all(creating, ec);
    return internal::XapianErrorToStatus(e, path);
  }
  {
    std::ofstream out(fs::path(creating) / internal::kStubFileName);
    out << stub;
    if (!out.flush()) {
      fs::remove_all(creating, ec);
      return Status::IOError(path + ": cannot write its " + internal::kStubFileName + " file; check the folder's permissions");
    }
  }
  fs::rename(creating, path, ec);
  if (ec) {
    fs::remove_all(creating, ec);
    if (fs::exists(fs::path(path) / internal::kStubFileName)) return Status::OK();  // made meanwhile by another
    return Status::IOError(path + ": cannot create the database (" + ec.message() + "); check the folder's permissions");
  }
  return Status::OK();
}

// The shard folders a sharded database's stub names, in order.
Status ReadShardPaths(const std::string& path, std::vector<std::string>* out) {
  const std::string stub = (fs::path(path) / internal::kStubFileName).string();
  std::vector<internal::StubLine> lines;
  if (!internal::ReadStub(stub, &lines) || lines.empty()) {
    return Status::Corruption(stub + ": cannot read the list of shards; it should hold lines such as \"auto shard-00\"");
  }
  out->clear();
  for (const internal::StubLine& l : lines) {
    if ((l.type != "auto" && l.type != "glass") || l.arg.empty()) {
      return Status::InvalidArgument(stub + ": \"" + l.type + " " + l.arg +
                                     "\" is not a local shard; amicus-index writes only to local shards "
                                     "(index on the machine that holds the shard)");
    }
    fs::path p(l.arg);
    out->push_back(p.is_absolute() ? p.string() : (fs::path(path) / p).string());
  }
  return Status::OK();
}


// A compaction killed between its two renames (IndexWriter::Compact) left
// the database at PATH.old: put it back.
void RestoreAfterKilledCompaction(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec) && fs::exists(fs::path(path + ".old") / "iamglass", ec)) {
    fs::rename(path + ".old", path, ec);
  }
}

// What a killed compaction left beside the database; called with the
// database's lock held, so no other writer is compacting it.
void RemoveCompactionLeftovers(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path + ".compacting", ec);
  fs::remove_all(path + ".old", ec);
}

}  // namespace

// Each database is compacted into PATH.compacting (in parallel), then
// swapped with it in one rename where the file system can
// (RENAME_EXCHANGE), else in two: the database to PATH.old, the copy into
// place; a kill between the two is undone by the next Open, which moves
// PATH.old back. Compaction changes no document, term or id, so a searcher
// that sees some shards compacted and others not sees the same collection.
Status IndexWriter::Impl::CompactAll() {
  const std::vector<DbState*> states = States();
  std::vector<Xapian::WritableDatabase*> dbs;
  std::vector<std::string> tmps;
  std::error_code ec;
  for (DbState* st : states) {
    dbs.push_back(&st->db);
    tmps.push_back(st->path + ".compacting");
    RemoveCompactionLeftovers(st->path);  // this writer holds the lock
  }
  // The committed revision of each database into its PATH.compacting, one
  // thread each, keeping document ids.
  Status s = InParallel(tmps, [&](std::size_t i) { dbs[i]->compact(tmps[i], Xapian::DBCOMPACT_NO_RENUMBER); });
  if (!s.ok()) {
    for (const std::string& t : tmps) fs::remove_all(t, ec);
    return s;
  }
  for (std::size_t i = 0; i < states.size(); ++i) {
    DbState& st = *states[i];
    const std::string old = st.path + ".old";
    if (::renameat2(AT_FDCWD, tmps[i].c_str(), AT_FDCWD, st.path.c_str(), RENAME_EXCHANGE) == 0) {
      fs::rename(tmps[i], old, ec);  // the old database, now at tmps[i]
    } else {
      fs::rename(st.path, old, ec);
      if (!ec) fs::rename(tmps[i], st.path, ec);
      if (ec) {
        std::error_code ignored;
        if (!fs::exists(st.path, ignored)) fs::rename(old, st.path, ignored);
        for (std::size_t j = i; j < tmps.size(); ++j) fs::remove_all(tmps[j], ignored);
        return Status::IOError(st.path + ": cannot put the compacted database in place (" + ec.message() + ")");
      }
    }
    try {
      st.db = Xapian::WritableDatabase(st.path, Xapian::DB_OPEN);  // the old handle, and its lock, go
    } catch (const Xapian::Error& e) {
      st.broken = internal::XapianErrorToStatus(e, st.path);
      return st.broken;
    }
    fs::remove_all(old, ec);
  }
  return Status::OK();
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (!impl_) return;
  impl_->WriteReady(impl_->next_seq);
  impl_->StopWorkers();
  if (impl_->sharded()) {
    if (impl_->CommitAll().ok()) impl_->FinishCommit();
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      impl_->stopping_shards = true;
    }
    for (auto& shard : impl_->shards) shard->cv.notify_all();
    for (auto& shard : impl_->shards) shard->thread.join();
  } else if (impl_->single.CommitNow().ok()) {
    impl_->FinishCommit();
  }
}

Status IndexWriter::Open(const std::string& path, const IndexOptions& options, std::unique_ptr<IndexWriter>* out) {
  if (path.empty()) return Status::InvalidArgument("no database path given; pass --db PATH or set AMICUS_DB");
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  if (impl->options.batch_size == 0) impl->options.batch_size = 1;
  if (impl->options.shards == 0) impl->options.shards = 1;
  Status s = Extractor::Create(&impl->extractor);
  if (!s.ok()) return s;
  impl->inline_preparer = std::make_unique<internal::ReleasePreparer>(impl->extractor.get());
  const bool has_stub = fs::is_regular_file(fs::path(path) / internal::kStubFileName, ec);
  if (has_stub || impl->options.shards > 1) {
    if (!has_stub) {
      s = CreateSharded(path, impl->options.shards);
      if (!s.ok()) return s;
    }
    std::vector<std::string> shard_paths;
    s = ReadShardPaths(path, &shard_paths);
    if (!s.ok()) return s;
    if (impl->options.shards > 1 && shard_paths.size() != impl->options.shards) {
      return Status::InvalidArgument(path + ": holds " + std::to_string(shard_paths.size()) +
                                     " shards, not the " + std::to_string(impl->options.shards) +
                                     " asked for; pass --shards " + std::to_string(shard_paths.size()) +
                                     " (or leave --shards out) to add to it, or index into a new --db");
    }
    for (const std::string& sp : shard_paths) {
      auto shard = std::make_unique<Impl::Shard>();
      shard->preparer = std::make_unique<internal::ReleasePreparer>(impl->extractor.get());
      shard->state.path = sp;
      shard->state.batch_size = impl->options.batch_size;
      RestoreAfterKilledCompaction(sp);
      try {
        shard->state.db = Xapian::WritableDatabase(sp, Xapian::DB_OPEN);
        RemoveCompactionLeftovers(sp);
        shard->state.copies_marked = internal::CopyMarksCurrent(shard->state.db);
      } catch (const Xapian::Error& e) {
        return internal::XapianErrorToStatus(e, sp);
      }
      impl->shards.push_back(std::move(shard));
    }
  } else {
    RestoreAfterKilledCompaction(path);
    s = CreateIfMissing(path);
    if (!s.ok()) return s;
    impl->single.path = path;
    impl->single.batch_size = impl->options.batch_size;
    try {
      impl->single.db = Xapian::WritableDatabase(path, Xapian::DB_OPEN);
      impl->single.copies_marked = internal::CopyMarksCurrent(impl->single.db);
      RemoveCompactionLeftovers(path);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, path);
    }
  }
  if (impl->options.threads == IndexOptions::kAutoThreads) {
    // By the writers there are: an existing sharded database has its own count.
    impl->options.threads = IndexOptions::DefaultThreads(
        impl->shards.empty() ? 1 : static_cast<std::uint32_t>(impl->shards.size()));
  }
  impl->StartWorkers();
  out->reset(new IndexWriter(std::move(impl)));
  return Status::OK();
}

Status IndexWriter::Add(const Release& release, AddOutcome* outcome) {
  // Keep input order with releases still in the pipeline.
  Status s = impl_->WriteReady(impl_->next_seq);
  if (!s.ok()) return s;
  Status result;
  auto done = [&](const Release&, const Status& st, AddOutcome o) {
    result = st;
    if (outcome != nullptr) *outcome = o;
  };
  if (impl_->sharded()) {
    auto p = std::make_unique<PreparedRelease>();
    p->release = release;
    impl_->inline_preparer->Prepare(p.get());
    p->done = done;
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      impl_->ready.emplace(impl_->next_seq++, std::move(p));
    }
    s = impl_->WriteReady(impl_->next_seq);
    return result.ok() ? s : result;
  }
  PreparedRelease p;
  p.release = release;
  impl_->inline_preparer->Prepare(&p);
  p.done = done;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    ++impl_->next_seq;
    ++impl_->next_write;
  }
  s = impl_->Write(&p);
  return result.ok() ? s : result;
}

Status IndexWriter::Add(Release release, AddCallback done) {
  if (impl_->sharded()) {
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (!impl_->broken.ok()) return impl_->broken;
  } else if (!impl_->single.broken.ok()) {
    return impl_->single.broken;
  }
  auto p = std::make_unique<PreparedRelease>();
  p->release = std::move(release);
  p->done = std::move(done);
  if (impl_->options.threads == 0) {
    if (!impl_->sharded()) impl_->inline_preparer->Prepare(p.get());  // else the shard's thread does
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->ready.emplace(impl_->next_seq++, std::move(p));
  } else {
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      impl_->jobs.emplace_back(impl_->next_seq++, std::move(p));
    }
    impl_->work_cv.notify_one();
  }
  // Bound the releases in flight (and so the memory): write what is ready,
  // and wait for the oldest when too many are queued. Sharded, the window
  // holds a batch per shard: while one shard commits (a second or more in
  // a large database), the others go on with the releases behind its
  // (with a window of a few dozen they waited for its commit, and two
  // shards used 1.86 cores instead of 2). Releases wait there unanalysed.
  const std::uint64_t max_in_flight =
      8 * (impl_->options.threads + 1 + impl_->shards.size()) + impl_->shards.size() * impl_->options.batch_size;
  std::uint64_t until = impl_->next_seq > max_in_flight ? impl_->next_seq - max_in_flight : 0;
  return impl_->WriteReady(until);
}

Status IndexWriter::Flush() { return impl_->WriteReady(impl_->next_seq); }

Status IndexWriter::Commit() {
  Status s = Flush();
  if (!s.ok()) return s;
  s = impl_->CommitAll();
  if (!s.ok()) return s;
  return impl_->FinishCommit();
}

Status IndexWriter::Compact() {
  Status s = Commit();
  if (!s.ok()) return s;
  return impl_->CompactAll();
}

std::uint64_t IndexWriter::size() const {
  if (!impl_->sharded()) return impl_->single.db.get_doccount();
  std::uint64_t n = 0;
  for (const auto& shard : impl_->shards) n += shard->doccount;
  return n;
}

std::uint32_t IndexWriter::shards() const {
  return impl_->sharded() ? static_cast<std::uint32_t>(impl_->shards.size()) : 1;
}

}  // namespace amicus
