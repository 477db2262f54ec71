// Byte-level word scanning shared by the pattern finders (dates, money,
// legislation). Words are ASCII letters and digits plus the two-byte UTF-8
// letters of Latin-1 and Latin Extended-A (lead bytes C3..C5), which covers
// Spanish; anything else ends a word. Internal.
#ifndef AMICUS_LIB_EXTRACT_LATIN_WORDS_H_
#define AMICUS_LIB_EXTRACT_LATIN_WORDS_H_

#include <cstddef>
#include <string_view>

namespace amicus::internal::latin {

// Byte classes, one table lookup instead of range tests on hot loops.
enum : unsigned char { kDigitByte = 1, kAlphaByte = 2, kUpperByte = 4, kLeadByte = 8 };
struct ByteClasses {
  unsigned char c[256];
  constexpr ByteClasses() : c{} {
    for (int b = '0'; b <= '9'; ++b) c[b] = kDigitByte;
    for (int b = 'a'; b <= 'z'; ++b) c[b] = kAlphaByte;
    for (int b = 'A'; b <= 'Z'; ++b) c[b] = kAlphaByte | kUpperByte;
    for (int b = 0xC3; b <= 0xC5; ++b) c[b] = kLeadByte;
  }
};
inline constexpr ByteClasses kByteClasses{};
inline unsigned char ByteClass(unsigned char c) { return kByteClasses.c[c]; }

inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(unsigned char c) { return (ByteClass(c) & kAlphaByte) != 0; }
inline bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
// Letters, digits and the lead bytes of accented Latin letters.
inline bool IsWordByte(unsigned char c) { return ByteClass(c) != 0; }

// The end of the word that starts at i.
inline std::size_t WordEnd(std::string_view t, std::size_t i) {
  const std::size_t n = t.size();
  while (i < n) {
    const unsigned char k = ByteClass(static_cast<unsigned char>(t[i]));
    if (k & (kDigitByte | kAlphaByte)) {
      ++i;
    } else if ((k & kLeadByte) && i + 1 < n) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// The end of the run of ASCII letters and digits at t[i] (i when there is
// none): the bulk of a word, read by table. Adds the letters to *letters and
// clears *all_upper at a lower-case one.
inline std::size_t ScanAsciiAlnum(std::string_view t, std::size_t i, int* letters, bool* all_upper) {
  const std::size_t n = t.size();
  while (i < n) {
    const unsigned char k = ByteClass(static_cast<unsigned char>(t[i]));
    if (!(k & (kDigitByte | kAlphaByte))) break;
    if (k & kAlphaByte) {
      ++*letters;
      if (!(k & kUpperByte)) *all_upper = false;
    }
    ++i;
  }
  return i;
}

// The start of the word that ends at `end`.
inline std::size_t WordStartBefore(std::string_view t, std::size_t end) {
  std::size_t i = end;
  while (i > 0) {
    unsigned char c = t[i - 1];
    if (ByteClass(c) & (kDigitByte | kAlphaByte)) {
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
