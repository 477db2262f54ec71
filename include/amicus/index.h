// amicus/index.h — writing releases into an amicus database.
//
// An amicus database is a standard Xapian database (xapian-delve and Xapian's
// bindings open it; the terms and value slots are listed in docs/schema.md).
// Each release is one document keyed by its id: adding a release whose id is
// already present replaces it, so indexing the same input twice leaves the
// same database.
//
//   std::unique_ptr<amicus::IndexWriter> w;
//   amicus::Status s = amicus::IndexWriter::Open("releases.db", {}, &w);
//   if (s.ok()) s = w->Add(release);
//   if (s.ok()) s = w->Commit();
//
// Changes become durable and visible to searchers at Commit(), which the
// writer also does by itself every IndexOptions::batch_size releases. The
// destructor commits what is pending.
//
// Both cores: with IndexOptions::threads > 0, releases given to the
// callback form of Add() are analysed (language, entities, terms) on worker
// threads while the calling thread writes; they are written, and their
// callbacks called, in the order they were added, so the database (its
// contents and document ids) is the same whatever the thread count.
//
// Shards: with IndexOptions::shards = N > 1 the database is a folder of N
// Xapian databases (shard-00 ...) and a Xapian stub file XAPIANDB naming
// them, which Xapian (xapian-delve, the bindings, amicus-search) opens as
// one database. A release goes to the shard given by a hash of its id, so
// re-indexing an id replaces it in its shard. Each shard is written by its
// own thread, in input order among that shard's releases, committing every
// batch_size releases of that shard; callbacks still run on the calling
// thread in input order, and each shard's contents are the same whatever
// the thread count. Shards can be served by xapian-tcpsrv, one per machine.
//
// Thread-safety: one IndexWriter per database at a time (Xapian takes a
// write lock; a second writer gets Status::Locked). Call an IndexWriter from
// one thread; it runs its own workers.
#ifndef AMICUS_INDEX_H_
#define AMICUS_INDEX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "amicus/release.h"
#include "amicus/status.h"

namespace amicus {

struct IndexOptions {
  // Releases per automatic commit (per shard). Larger batches commit less
  // often but hold more in memory; 2000 indexed 100,000 releases on two
  // shards about 8 % faster than 1000 and than 4000 (bench/README.md).
  std::uint32_t batch_size = 2000;
  // Analysis threads beside the writing ones; 0 analyses on the calling
  // thread. kAutoThreads (the default) is DefaultThreads(shards).
  static constexpr std::uint32_t kAutoThreads = 0xFFFFFFFFu;
  std::uint32_t threads = kAutoThreads;
  // One per core not taken by a writer: cores - shards (a single database
  // has one writer, the calling thread), at least 0. Measured on 2 cores:
  // more analysis threads than that only take turns with the writers and
  // index more slowly (bench/README.md).
  static std::uint32_t DefaultThreads(std::uint32_t shards = 1);
  // Databases to spread the releases over (see above). 1 opens what is at
  // the path: a single database, a sharded one as it is, or creates a
  // single one. N > 1 creates N shards, or opens a sharded database that has
  // N; any other existing database is an InvalidArgument.
  std::uint32_t shards = 1;
};

enum class AddOutcome {
  kAdded,     // a new id
  kReplaced,  // an id already in the database: the old release was replaced
  kDuplicate, // an id this IndexWriter was already given: the later release replaced the
              // earlier one (an input that repeats an id)
};

class IndexWriter {
 public:
  // Called on the thread that calls Add/Flush/Commit, in the order the
  // releases were added, once `release` is written (`status` OK, `outcome`
  // set) or has failed (`status` says why; the writer goes on).
  using AddCallback = std::function<void(const Release& release, const Status& status, AddOutcome outcome)>;

  // Opens the database at `path`, creating it (and its folder) when missing.
  static Status Open(const std::string& path, const IndexOptions& options,
                     std::unique_ptr<IndexWriter>* out);

  ~IndexWriter();  // commits pending changes; errors there are lost: call Commit()
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Analyses, extracts entities from and stores one release, before it
  // returns. The release needs a non-empty id. `outcome` may be null.
  Status Add(const Release& release, AddOutcome* outcome = nullptr);

  // Queues a release for analysis on the worker threads; `done` runs when it
  // has been written. Returns an error only when the database cannot be
  // written any more (a failed commit); problems with this one release go
  // to `done`.
  Status Add(Release release, AddCallback done);

  // Writes every queued release (their callbacks run).
  Status Flush();

  // Flush(), then makes every added release durable and visible to new
  // searchers. When releases were written since the last Commit, it also
  // marks the releases that have a copy in the collection, so that
  // searchers collapse copies cheaply: a read of every release's duplicate
  // key (under a second per 100,000 releases).
  Status Commit();

  // Commit(), then rewrites each database of the collection with Xapian's
  // compaction (full B-tree blocks, document ids kept): after a bulk import
  // it is about 40% smaller and plain queries run 15-25% faster
  // (bench/README.md). Costs about one read and write of the database (4 s
  // per 100,000 releases on 2 cores, the shards in parallel). Each database
  // (each shard) is swapped with its compacted copy in one rename and keeps
  // its name. Searchers see the compacted database when they next search.
  // The writer stays open for more releases.
  Status Compact();

  // Releases in the database, including uncommitted ones (with shards: as
  // of the last release each shard wrote).
  std::uint64_t size() const;

  // The number of databases written: IndexOptions::shards, or what an
  // existing sharded database has.
  std::uint32_t shards() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace amicus

#endif  // AMICUS_INDEX_H_
