// amicus/text.h — text analysis shared by the indexer, the extractor and search.
//
// Unicode word segmentation (ICU, UAX #29), NFKC + case folding + diacritic
// folding ("Lucía" and "LUCIA" both give "lucia"), and language identification
// of a release (English or Spanish). ICU types stay behind this header.
//
// Index terms are made to agree with Xapian's QueryParser, so that a query
// typed by a person finds what the indexer stored: an acronym "H.R." gives
// "hr", a number keeps its decimal point ("4.5"), a hyphenated or dotted
// compound ("Ferreira-Oyelaran", "example.org") gives one token per part at
// consecutive positions so that a phrase query matches it.
//
// Thread-safety: the free functions are thread-safe. An Analyzer holds ICU
// iterators and is NOT thread-safe: use one per thread (creating one costs a
// few microseconds).
#ifndef AMICUS_TEXT_H_
#define AMICUS_TEXT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace amicus {

// One index token. Offsets are byte offsets into the analysed UTF-8 text.
struct Token {
  std::string term;            // folded form: lower case, no diacritics, NFKC
  std::uint32_t begin = 0;     // surface form is text.substr(begin, end - begin)
  std::uint32_t end = 0;
  std::uint32_t position = 0;  // 0-based word position, for phrase queries
};

// NFKC, case folding and removal of diacritics over the whole string;
// punctuation and spaces are kept. "Servicio de Inmigración" -> "servicio de inmigracion".
std::string FoldText(std::string_view text);

// NFKC and removal of diacritics, case kept: what a query goes through
// before Xapian's QueryParser (which lower-cases but does not fold accents).
std::string StripDiacritics(std::string_view text);

// The key under which two written forms of one name are the same:
// FoldText, then periods removed ("U.S." = "US"), dashes written '-', curly
// quotes straight, white space collapsed, surrounding punctuation and a
// leading "the " dropped. "The U.S. Department of State" and
// "u.s. department of state" give "us department of state". The same rule
// as the reference scorer's norm(); the index stores entity names this way.
std::string NameKey(std::string_view name);

// "en" or "es" (the default, "en", when the text gives too little evidence).
std::string DetectLanguage(std::string_view text);

// Snowball stemmer language name that Xapian uses for a language code:
// "en" -> "english", "es" -> "spanish"; unknown codes give "english".
const char* StemmerLanguage(std::string_view language_code);

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Appends the tokens of `text` to *out. Positions continue from
  // `first_position`; returns the position after the last token.
  std::uint32_t Tokenize(std::string_view text, std::vector<Token>* out,
                         std::uint32_t first_position = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace amicus

#endif  // AMICUS_TEXT_H_
