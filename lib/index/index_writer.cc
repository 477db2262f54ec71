// IndexWriter: a pipeline of analysis workers (ReleasePreparer) feeding the
// one thread that writes to Xapian, in input order.
#include <unistd.h>

#include <condition_variable>
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
#include "index/release_preparer.h"
#include "index/schema.h"
#include "index/xapian_status.h"

namespace amicus {

using internal::PreparedRelease;

std::uint32_t IndexOptions::DefaultThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

struct IndexWriter::Impl {
  std::string path;
  IndexOptions options;
  Xapian::WritableDatabase db;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<internal::ReleasePreparer> inline_preparer;  // for threads == 0 and the synchronous Add
  std::uint32_t pending = 0;  // written since the last commit
  Status broken;              // a failed commit: nothing more can be written

  // What releases teach beyond their documents, applied at commit.
  std::map<std::string, internal::AliasCounts> pending_aliases;  // key -> canonical keys, releases
  std::map<std::string, std::string> pending_display;            // term -> display name
  std::unordered_set<std::string> known_display;                 // terms whose display is settled
  std::unordered_set<std::string> synonyms;                      // "key\0term" already added
  std::unordered_set<std::string> session_ids;                   // ids written by this writer
  // Spelling words since the last commit, with the releases using each:
  // one add_spelling per word and batch instead of per word and release.
  std::unordered_map<std::string, Xapian::termcount> pending_spellings;

  // --- the pipeline
  std::vector<std::thread> workers;
  std::mutex mu;
  std::condition_variable work_cv;  // jobs queued, or stopping
  std::condition_variable done_cv;  // a job finished
  std::deque<std::pair<std::uint64_t, std::unique_ptr<PreparedRelease>>> jobs;
  std::map<std::uint64_t, std::unique_ptr<PreparedRelease>> ready;
  std::uint64_t next_seq = 0;    // sequence number of the next Add
  std::uint64_t next_write = 0;  // sequence number of the next release to write
  bool stopping = false;

  void StartWorkers();
  void StopWorkers();
  void WorkerLoop();
  // Writes ready releases in order; with `until` set, waits until every
  // release before sequence number `until` is written.
  Status WriteReady(std::uint64_t until);
  Status Write(PreparedRelease* p);
  void FlushAliases();
  Status CommitNow();
};

void IndexWriter::Impl::StartWorkers() {
  for (std::uint32_t i = 0; i < options.threads; ++i) workers.emplace_back([this] { WorkerLoop(); });
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

Status IndexWriter::Impl::WriteReady(std::uint64_t until) {
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

Status IndexWriter::Impl::Write(PreparedRelease* p) {
  AddOutcome outcome = AddOutcome::kAdded;
  Status status = p->status;
  if (status.ok() && !broken.ok()) status = broken;
  if (status.ok()) {
    try {
      const bool existed = db.term_exists(p->id_term);
      db.replace_document(p->id_term, p->doc);
      const bool repeated = !session_ids.insert(p->release.id).second;
      outcome = repeated ? AddOutcome::kDuplicate : existed ? AddOutcome::kReplaced : AddOutcome::kAdded;
      for (auto& [key, canonical] : p->aliases) ++pending_aliases[key][canonical];
      for (auto& [term, name] : p->displays) {
        if (known_display.insert(term).second) pending_display.emplace(term, std::move(name));
      }
      for (auto& [key, term] : p->synonyms) {
        if (synonyms.insert(key + '\0' + term).second) db.add_synonym(key, term);
      }
      for (std::string& w : p->spellings) ++pending_spellings[std::move(w)];
    } catch (const Xapian::Error& e) {
      status = internal::XapianErrorToStatus(e, path);
    }
  }
  if (p->done) p->done(p->release, status, outcome);
  if (status.ok() && ++pending >= options.batch_size) return CommitNow();
  return Status::OK();
}

void IndexWriter::Impl::FlushAliases() {
  for (auto& [key, counts] : pending_aliases) {
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
  for (const auto& [word, n] : pending_spellings) db.add_spelling(word, n);
  pending_spellings.clear();
}

Status IndexWriter::Impl::CommitNow() {
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

}  // namespace

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (!impl_) return;
  impl_->WriteReady(impl_->next_seq);
  impl_->StopWorkers();
  if (impl_->pending > 0) impl_->CommitNow();
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
  Status s = Extractor::Create(&impl->extractor);
  if (!s.ok()) return s;
  impl->inline_preparer = std::make_unique<internal::ReleasePreparer>(impl->extractor.get());
  s = CreateIfMissing(path);
  if (!s.ok()) return s;
  try {
    impl->db = Xapian::WritableDatabase(path, Xapian::DB_OPEN);
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, path);
  }
  impl->StartWorkers();
  out->reset(new IndexWriter(std::move(impl)));
  return Status::OK();
}

Status IndexWriter::Add(const Release& release, AddOutcome* outcome) {
  // Keep input order with releases still in the pipeline.
  Status s = impl_->WriteReady(impl_->next_seq);
  if (!s.ok()) return s;
  PreparedRelease p;
  p.release = release;
  impl_->inline_preparer->Prepare(&p);
  Status result;
  p.done = [&](const Release&, const Status& st, AddOutcome o) {
    result = st;
    if (outcome != nullptr) *outcome = o;
  };
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    ++impl_->next_seq;
    ++impl_->next_write;
  }
  s = impl_->Write(&p);
  return result.ok() ? s : result;
}

Status IndexWriter::Add(Release release, AddCallback done) {
  if (!impl_->broken.ok()) return impl_->broken;
  auto p = std::make_unique<PreparedRelease>();
  p->release = std::move(release);
  p->done = std::move(done);
  if (impl_->options.threads == 0) {
    impl_->inline_preparer->Prepare(p.get());
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
  // and wait for the oldest when too many are queued.
  const std::uint64_t max_in_flight = 8 * (impl_->options.threads + 1);
  std::uint64_t until = impl_->next_seq > max_in_flight ? impl_->next_seq - max_in_flight : 0;
  return impl_->WriteReady(until);
}

Status IndexWriter::Flush() { return impl_->WriteReady(impl_->next_seq); }

Status IndexWriter::Commit() {
  Status s = Flush();
  if (!s.ok()) return s;
  return impl_->CommitNow();
}

std::uint64_t IndexWriter::size() const { return impl_->db.get_doccount(); }

}  // namespace amicus
