// Snippets: the part of a release's text where the query's words are
// densest, with those words in <b>..</b>. Words are found with the same
// analysis as the index (amicus/text.h), so a query typed without accents
// highlights "Lucía". Internal.
#ifndef AMICUS_LIB_SEARCH_SNIPPET_H_
#define AMICUS_LIB_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include <xapian.h>

#include "amicus/text.h"

namespace amicus::internal {

struct SnippetTerms {
  std::unordered_set<std::string> words;  // folded words, as indexed
  std::unordered_set<std::string> stems;  // stems, matched through `stemmer`
  Xapian::Stem stemmer;
  // Sorts Xapian terms of the schema into words and stems; prefixed filter
  // terms are ignored.
  void AddXapianTerm(const std::string& term);
  bool empty() const { return words.empty() && stems.empty(); }
};

// About `max_bytes` of `text` (cut at word boundaries, "..." where cut),
// HTML-escaped, whitespace runs folded to one space.
std::string MakeSnippet(std::string_view text, const SnippetTerms& terms, std::size_t max_bytes,
                        Analyzer* analyzer);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_SEARCH_SNIPPET_H_
