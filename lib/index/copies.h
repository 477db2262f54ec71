// Copies of a release (the same text published under other ids) collapse
// into one hit, counted in Hit::duplicates. Internal, shared by the
// IndexWriter and the Searcher.
//
// Every release carries its duplicate key in schema::kDuplicateSlot.
// Collapsing on that slot makes Xapian read a value for every candidate the
// matcher weighs, which measured about a tenth of a plain query's time on
// a collection without a single copy (bench/README.md). So the writer, at
// each Commit, also marks the releases that do have a copy in their
// collection: their key again in schema::kCopySlot, which stays empty for
// the rest and costs next to nothing to collapse on. Releases without a
// copy cannot collapse with anything, so the two slots give the same hits.
//
// The marks hold only between commits of the writer that made them, and
// only for the collection they were made for. Each marking pass records a
// fingerprint of what it marked (the duplicate keys with their shard and
// document, and the release count) in every database of the collection
// (schema::kCopiesMetadataKey); the first release a writer adds to a
// database clears it there. A searcher collapses on kCopySlot only when
// every database it searches has the same fingerprint and together they
// hold the release count it names; otherwise (a run in progress or
// killed, collections searched together, a database from before the
// marks) it collapses on kDuplicateSlot, slower and just as right.
#ifndef AMICUS_LIB_INDEX_COPIES_H_
#define AMICUS_LIB_INDEX_COPIES_H_

#include <vector>

#include <xapian.h>

namespace amicus::internal {

// Whether `db` holds the fingerprint of a marking pass, which its first
// written release must clear (ClearCopyMarks). Throws Xapian::Error.
bool CopyMarksCurrent(const Xapian::Database& db);
void ClearCopyMarks(Xapian::WritableDatabase* db);

// Marks the releases of `dbs` (the databases of one collection: its shards,
// or the one database) whose duplicate key another release shares, clears
// marks whose copies are gone, and records the fingerprint in each
// database's metadata. Leaves the changes for the caller to commit. Throws
// Xapian::Error.
void MarkCopies(const std::vector<Xapian::WritableDatabase*>& dbs);

// CopyCollapseSlot's answer when `parts` are one marked collection in
// which no release has a copy: there is nothing to collapse, and a query
// that sets no collapse key gives the same hits without looking the empty
// slot up (on the 100k benchmark collection, 2 % fewer blocks read).
inline constexpr Xapian::valueno kNoCopies = Xapian::BAD_VALUENO;

// The value slot to collapse copies on when searching `parts`, which
// together are `all`: schema::kCopySlot when they are one marked collection
// (as above) with at least one copy, kNoCopies when it has none, else
// schema::kDuplicateSlot. Throws Xapian::Error.
Xapian::valueno CopyCollapseSlot(const std::vector<Xapian::Database>& parts, const Xapian::Database& all);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_COPIES_H_
