// Byte-level scanning shared by the people and organization finders: a
// tokenizer over UTF-8 press-release text and the key folding used for
// every knowledge lookup. No allocation per token beyond the token vector;
// no regular expressions (the extractor must run at >= 10 MB/s). Internal.
//
// The tokenizer's rules are character-level (scan.cc: ScanWord, ScanNumber,
// ScanPunct) with one word list, the abbreviations that keep their period
// ("Gov.", "Calif.", "Inc."): it stays in scan.cc because Tokenize takes no
// knowledge (its signature is shared by every finder and the extractor).
//
// Thread-safety: free functions, no shared state.
#ifndef AMICUS_LIB_EXTRACT_SCAN_H_
#define AMICUS_LIB_EXTRACT_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::internal {

enum class TokKind : std::uint8_t { kWord, kNumber, kPunct };

struct Tok {
  std::uint32_t begin = 0, end = 0;  // byte range in the text
  TokKind kind = TokKind::kWord;
  bool cap = false;          // starts with an upper-case letter
  bool allcaps = false;      // every letter upper case, >= 2 letters ("ICE", "U.S.")
  bool space_before = false;
  bool newline_before = false;  // a line break between this token and the previous one
  bool possessive = false;      // word followed by 's / ’s (stripped from the range)
  char punct = 0;  // for kPunct: ASCII char, or 'q' open/close quote, '-' any dash, '*' other
};

// Splits `text` into word, number and punctuation tokens. Words keep
// internal hyphens, apostrophes and periods ("Okafor-Whitman", "O'Neil",
// "U.S."); a trailing possessive is cut off and flagged.
void Tokenize(std::string_view text, std::vector<Tok>* out);

// Lower-case, diacritics removed for Latin letters, curly apostrophes -> ',
// every dash -> '-', periods dropped, runs of space collapsed, a leading
// "the " dropped: the key under which names are compared (same spirit as
// the scorer's norm()).
std::string FoldKey(std::string_view s);
// Appends the folded form of `s` to *out (no "the" removal, no trimming).
void AppendFolded(std::string_view s, std::string* out);

inline std::string_view TokText(std::string_view text, const Tok& t) {
  return text.substr(t.begin, t.end - t.begin);
}

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_SCAN_H_
