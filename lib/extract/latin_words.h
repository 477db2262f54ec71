// Byte-level word scanning shared by the pattern finders (dates, money,
// legislation). Words are ASCII letters and digits plus the two-byte UTF-8
// letters of Latin-1 and Latin Extended-A (lead bytes C3..C5), which covers
// Spanish; anything else ends a word. Internal.
#ifndef AMICUS_LIB_EXTRACT_LATIN_WORDS_H_
#define AMICUS_LIB_EXTRACT_LATIN_WORDS_H_

#include <cstddef>
#include <string_view>

namespace amicus::internal::latin {

inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
// Letters, digits and the lead bytes of accented Latin letters.
inline bool IsWordByte(unsigned char c) { return IsDigit(c) || IsAsciiAlpha(c) || (c >= 0xC3 && c <= 0xC5); }

// The end of the word that starts at i.
inline std::size_t WordEnd(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    unsigned char c = t[i];
    if (IsDigit(c) || IsAsciiAlpha(c)) {
      ++i;
    } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < t.size()) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// The start of the word that ends at `end`.
inline std::size_t WordStartBefore(std::string_view t, std::size_t end) {
  std::size_t i = end;
  while (i > 0) {
    unsigned char c = t[i - 1];
    if (IsDigit(c) || IsAsciiAlpha(c)) {
      --i;
    } else if (i >= 2 && (c & 0xC0) == 0x80 && static_cast<unsigned char>(t[i - 2]) >= 0xC3 &&
               static_cast<unsigned char>(t[i - 2]) <= 0xC5) {
      i -= 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace amicus::internal::latin

#endif  // AMICUS_LIB_EXTRACT_LATIN_WORDS_H_
