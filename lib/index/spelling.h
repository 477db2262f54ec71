// The spelling table of a collection's databases: which words it offers as
// corrections and how it is kept. Internal.
//
// The table mirrors the word terms: every term IsSpellingWord accepts has
// its term frequency (the releases using it) as its spelling frequency, as
// the searcher's stand-in for a remote part's table has (search/searcher.cc).
// The writer brings the table in line once per Commit (SyncSpellings), not
// per batch: counting the words of every release and writing each batch's
// words was about 4 % of indexing time (bench/README.md). A run killed
// before its Commit leaves the table behind its terms; the next Commit
// catches it up, and a replaced release's old words stop counting.
//
// Thread-safety: SyncSpellings writes to `db`; call it from the thread
// that owns that database.
#ifndef AMICUS_LIB_INDEX_SPELLING_H_
#define AMICUS_LIB_INDEX_SPELLING_H_

#include <string_view>

#include <xapian.h>

namespace amicus::internal {

// Words worth offering as spelling corrections: letters only (ASCII
// lowercase or any non-ASCII letter bytes), 3 to 40 bytes. Prefixed terms,
// which start with a capital, never are.
bool IsSpellingWord(std::string_view term);

// Adds or removes spelling frequency so that each spelling word of `db`
// has its term frequency, and words no release uses any more leave the
// table. Commits every 10,000 changed words (Xapian keeps a new word's
// fragments in memory until then), so call it with nothing else pending;
// the last changes are pending until the next commit. Throws
// Xapian::Error.
void SyncSpellings(Xapian::WritableDatabase* db);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_SPELLING_H_
