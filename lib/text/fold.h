// text/fold.h — per-code-point folding shared by the Analyzer and the free
// folding functions of amicus/text.h.
//
// Two mappings, both built on ICU's Normalizer2 singletons:
//   strip: NFKD, drop combining diacritics (U+0300..U+036F and the other
//          "combining diacritical marks" blocks), NFC; plus the few lower-case
//          letters whose case folding is not their lower case (ß -> ss,
//          ẞ -> SS, ς -> σ), so that a query that went through
//          StripDiacritics and then Xapian's lower-casing meets the same term
//          the indexer stored with full case folding.
//   fold:  NFKC_Casefold of a stripped code point, diacritics dropped again
//          (case folding can add them: İ -> i + U+0307), curly apostrophes
//          written as '.
// Only diacritic blocks are dropped, not every non-spacing mark, so that
// Indic vowel signs and Hebrew/Arabic points survive.
//
// Thread-safety: the free functions are thread-safe (the normalizers are
// immutable singletons). CodePointFolder caches results and is not.
#ifndef AMICUS_TEXT_FOLD_H_
#define AMICUS_TEXT_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace amicus {
namespace internal {

// True for combining marks that only add a diacritic to a base letter.
inline bool IsDiacriticMark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// True when every byte of `s` is ASCII (8 bytes at a time).
bool IsAscii(std::string_view s);

// The strip mapping of one code point (see above), as code points.
std::u32string StripCodePoint(char32_t c);

// The fold mapping of one code point, as UTF-8.
std::string FoldCodePoint(char32_t c);

// Memoizes StripCodePoint / FoldCodePoint for non-ASCII code points: a
// release uses a few dozen distinct ones and each ICU call costs ~1 µs.
// Not thread-safe; one per Analyzer.
class CodePointFolder {
 public:
  const std::u32string& Strip(char32_t c) {
    auto it = strip_.find(c);
    if (it == strip_.end()) it = strip_.emplace(c, StripCodePoint(c)).first;
    return it->second;
  }
  const std::string& Fold(char32_t c) {
    auto it = fold_.find(c);
    if (it == fold_.end()) it = fold_.emplace(c, FoldCodePoint(c)).first;
    return it->second;
  }

 private:
  std::unordered_map<char32_t, std::u32string> strip_;
  std::unordered_map<char32_t, std::string> fold_;
};

// Appends the UTF-8 encoding of c.
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace internal
}  // namespace amicus

#endif  // AMICUS_TEXT_FOLD_H_
