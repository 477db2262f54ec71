// Snippets: the part of a release's text where the query's words are
// densest, with those words in <b>..</b>. Internal.
//
// Words are found by a byte scanner rather than the index's ICU analysis
// (amicus/text.h): a snippet is made for every hit of every query, and
// the break iterator cost more than the whole match. The scanner folds
// words as the index does (lower case, accents off, so a query typed
// without accents highlights "Lucía"), keeps apostrophes inside words and
// digit groups ("1,500", "3.5") whole and reads "U.S." as "us"; where it
// splits a word differently from the index, a match is only not
// highlighted: the hits themselves come from Xapian.
#ifndef AMICUS_LIB_SEARCH_SNIPPET_H_
#define AMICUS_LIB_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace amicus::internal {

// The words of a query, built once per query and shared by its hits.
struct SnippetTerms {
  std::unordered_set<std::string> words;  // folded words, as indexed
  std::unordered_set<std::string> stems;  // stems, matched through a stemmer
  // Which two-byte beginnings (a one-byte word: that byte and 0) the words
  // and stems have: most words of a text start like none of them and are
  // passed over without hashing or stemming. Snowball keeps a word's first
  // two letters, so a word that stems to a stem starts like it; stemming
  // every word of every hit was most of the cost of a snippet.
  std::vector<bool> starts = std::vector<bool>(1 << 16, false);
  // Sorts Xapian terms of the schema into words and stems; prefixed filter
  // terms are ignored.
  void AddXapianTerm(const std::string& term);
  bool empty() const { return words.empty() && stems.empty(); }
};

// About `max_bytes` of `text` (cut at word boundaries, "..." where cut),
// HTML-escaped, whitespace runs folded to one space. `stemmer` is the
// stemmer of the release's language.
std::string MakeSnippet(std::string_view text, const SnippetTerms& terms, const Xapian::Stem& stemmer,
                        std::size_t max_bytes);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_SEARCH_SNIPPET_H_
