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
// Changes become durable and visible to searchers at Commit(), which Add()
// also does by itself every IndexOptions::batch_size releases. The
// destructor commits what is pending.
//
// Thread-safety: one IndexWriter per database at a time (Xapian takes a
// write lock; a second writer gets Status::Locked). An IndexWriter is not
// thread-safe: call it from one thread.
#ifndef AMICUS_INDEX_H_
#define AMICUS_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>

#include "amicus/release.h"
#include "amicus/status.h"

namespace amicus {

struct IndexOptions {
  std::uint32_t batch_size = 1000;  // releases per automatic commit
};

enum class AddOutcome {
  kAdded,     // a new id
  kReplaced,  // an id already in the database: the old release was replaced
  kDuplicate, // an id this IndexWriter was already given: the later release replaced the
              // earlier one (an input that repeats an id)
};

class IndexWriter {
 public:
  // Opens the database at `path`, creating it (and its folder) when missing.
  static Status Open(const std::string& path, const IndexOptions& options,
                     std::unique_ptr<IndexWriter>* out);

  ~IndexWriter();  // commits pending changes; errors there are lost: call Commit()
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Analyses, extracts entities from and stores one release. The release
  // needs a non-empty id. `outcome` may be null.
  Status Add(const Release& release, AddOutcome* outcome = nullptr);

  // Makes every added release durable and visible to new searchers.
  Status Commit();

  // Releases in the database, including uncommitted ones.
  std::uint64_t size() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace amicus

#endif  // AMICUS_INDEX_H_
