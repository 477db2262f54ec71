// From a query string of the amicus query language to a Xapian::Query:
// accent folding, Xapian's QueryParser with amicus's fields, and field
// processors that check and translate filter values. Internal.
//
// Thread-safety: a QueryBuilder refers to one Database and is not
// thread-safe; the Searcher owns one.
#ifndef AMICUS_LIB_SEARCH_QUERY_BUILDER_H_
#define AMICUS_LIB_SEARCH_QUERY_BUILDER_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "amicus/extract.h"
#include "amicus/status.h"

namespace amicus::internal {

struct ParsedQuery {
  Xapian::Query query;
  std::string stem_language;  // "english" / "spanish": what free text was stemmed with
  bool match_all = false;     // the query had no words and no filters
};

// What a query is parsed against. Everything must outlive the call.
struct QueryContext {
  const Xapian::Database& db;  // the whole collection: wildcards, terms, synonyms
  // Its databases one by one: Xapian answers metadata (the entity names the
  // indexer learnt) from the first database only, so name lookups ask each.
  const std::vector<Xapian::Database>& parts;
  // Resolves entity names no release has used, from the knowledge files
  // ("Departamento de Seguridad Nacional", "Governor Ferguson"); may be null.
  const Extractor* extractor;
};

// Parses `text`. Errors are InvalidArgument with a message that quotes the
// offending part.
Status BuildQuery(const std::string& text, const QueryContext& context, ParsedQuery* out);

// `text` with its likely misspellings corrected ("Mamdami" -> "mamdani"),
// or empty when no word needs it. Only words that are no term of `db` are
// looked up in the spelling table; field names, field values, operators
// and -excluded words are left as typed. Each lookup costs about as much as
// a search (Xapian's QueryParser looks up every word, which made a query
// that found nothing slower than any that did): the searcher asks only
// when a query finds nothing.
std::string SpellingSuggestion(const std::string& text, const Xapian::Database& db);

// Turns a published: value ("2026", "2026-03", "2026-03-09", "A..B") into a
// query on the publication date. Exposed for tests.
Status PublishedFilter(const std::string& value, Xapian::Query* out);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_SEARCH_QUERY_BUILDER_H_
