// Analyzer: ICU word segmentation (UAX #29) with a fix-up layer that makes
// the terms exactly the ones Xapian 1.4's QueryParser builds from the same
// surface text (queries go through StripDiacritics, then QueryParser, so every
// disagreement would be a query that silently misses).
//
// Pipeline, per call:
//  1. Stream. ASCII text is used in place. Other text is first mapped as
//     StripDiacritics maps it (NFKD, no diacritics, NFC), one code point at a
//     time, because that is what QueryParser sees on the search side; each
//     code point of the stream remembers the byte range of the surface code
//     point it came from (Token::begin/end), and the stream is also written
//     out as UTF-16 for ICU (ASCII text is just widened).
//  2. Segmentation. One icu::BreakIterator word instance (root locale,
//     cloned once per Analyzer from a process-wide prototype) runs over a
//     UText opened on that UTF-16 buffer (utext_openUChars; UText and buffer
//     are reused, no UnicodeString). UTF-16 rather than utext_openUTF8 on
//     the input: ICU's UTF-8 UText maps chunks to UTF-16 internally, and on
//     the release corpus the whole Tokenize ran 41 MB/s with it, 46 MB/s
//     with this (ICU alone is about half of the time; the hand-written
//     QueryParser lexer used before ICU ran 137 MB/s). A segment is kept
//     when it holds a word character in Xapian's sense (letter, mark, number, connector punctuation); within
//     it, each maximal run of word characters is a "run". The rule status is
//     not what decides: ICU gives UBRK_WORD_NONE to segments QueryParser
//     indexes ("²", "_", a lone combining mark) and a word status to some it
//     ignores (a lone U+309B kana voicing mark).
//  3. Fix-ups where UAX #29 and QueryParser (parse_term) differ:
//     F1 Split: UAX #29 keeps MidLetter/MidNum/MidNumLet characters inside a
//        word ("example.org", "1'000", "U.S"); QueryParser keeps one
//        only as an infix it accepts (F3), so a run ends at any of them.
//     F2 Dictionary/adjacency join: a run that starts where the previous one
//        ends is the same QueryParser term. This covers ICU's dictionary
//        segmentation of CJK and Thai (QueryParser without FLAG_CJK_NGRAM
//        makes one term of a whole CJK or Thai run, so we do too: splitting
//        would make every multi-word CJK/Thai query miss) and word characters
//        UAX #29 puts in separate segments ("x²", "½", marks after spaces).
//     F3 Infix join: one character between two runs joins them when
//        QueryParser's check_infix accepts it: ' & U+00B7 U+05F4 U+2027 and
//        the curly apostrophes (written '), zero-width characters (dropped);
//        between two digits its check_infix_digit list instead (, . ; and a
//        few non-Latin separators): "AT&T", "O’Brien" -> "o'brien",
//        "1,275,000", "4.5"; but "1'000" gives "1", "000".
//     F4 Acronym: single ASCII capitals joined by '.' ("U.S.", "H.R.") give
//        the letters alone ("us", "hr") unless a word character follows.
//     F5 Suffix: up to three '+' or '#' after a term with no word character
//        after them belong to it ("C++", "C#"), as QueryParser does without
//        a database.
//     F6 Whole-token extras (not a QueryParser term): an e-mail address, a
//        URL or a section reference ("287(g)", "501(c)(3)") also gives its
//        whole folded text as one more token at its first part's position,
//        so that the index can match it exactly.
//  4. Folding: each term is case-folded (NFKC_Casefold, see text/fold.h).
//
// Because every character holding a word character belongs to some kept
// segment, F1-F5 see exactly the word characters QueryParser sees; the tests
// (tests/text/queryparser_consistency_test.cc) compare the two on tricky
// strings, random strings (CJK and Thai included) and a release corpus.
//
// If ICU cannot create a word iterator (missing data), the whole text is
// one segment: the fix-ups alone still give the same terms.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include "amicus/text.h"
#include "text/fold.h"

namespace amicus {
namespace {

// Xapian's limit is 245 bytes per term; 200 leaves room for a prefix.
constexpr size_t kMaxTermBytes = 200;

// Returned by the infix checks for zero-width characters QueryParser skips.
constexpr char32_t kIgnore = 0xFFFFFFFF;

enum : std::uint8_t { kWord = 1, kSpace = 2, kDigit = 4, kUpper = 8 };

struct AsciiClasses {
  std::uint8_t c[128] = {};
  constexpr AsciiClasses() {
    for (int i = 0; i < 0x20; ++i) c[i] = kSpace;  // Xapian: CONTROL is space
    c[0x7F] = kSpace;
    c[static_cast<int>(' ')] = kSpace;
    for (int i = '0'; i <= '9'; ++i) c[i] = kWord | kDigit;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kWord;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kWord | kUpper;
    c[static_cast<int>('_')] = kWord;  // CONNECTOR_PUNCTUATION
  }
};
constexpr AsciiClasses kAscii;

inline bool IsWordChar(char32_t c) {
  return c < 128 ? (kAscii.c[c] & kWord) != 0
                 : Xapian::Unicode::is_wordchar(static_cast<unsigned>(c));
}
inline bool IsSpace(char32_t c) {
  return c < 128 ? (kAscii.c[c] & kSpace) != 0
                 : Xapian::Unicode::is_whitespace(static_cast<unsigned>(c));
}
inline bool IsDigit(char32_t c) {
  return c < 128 ? (kAscii.c[c] & kDigit) != 0
                 : Xapian::Unicode::get_category(static_cast<unsigned>(c)) ==
                       Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}
// QueryParser's acronym rule only looks at ASCII capitals.
inline bool IsAsciiUpper(char32_t c) { return c < 128 && (kAscii.c[c] & kUpper); }
inline bool IsSuffix(char32_t c) { return c == '+' || c == '#'; }

// QueryParser's check_infix(): a single one of these between word
// characters joins them ("AT&T", "Fred's"); curly apostrophes become '.
inline char32_t CheckInfix(char32_t c) {
  if (c == '\'' || c == '&' || c == 0xB7 || c == 0x5F4 || c == 0x2027) return c;
  if (c >= 0x200B) {
    if (c == 0x2019 || c == 0x201B) return '\'';
    if (c <= 0x200D || c == 0x2060 || c == 0xFEFF) return kIgnore;
  }
  return 0;
}

// QueryParser's check_infix_digit(): separators kept between two digits
// ("4.5", "1,275,000").
inline char32_t CheckInfixDigit(char32_t c) {
  switch (c) {
    case ',': case '.': case ';': case 0x037E: case 0x0589: case 0x060D:
    case 0x07F8: case 0x2044: case 0xFE10: case 0xFE13: case 0xFE14:
      return c;
  }
  if (c >= 0x200B && (c <= 0x200D || c == 0x2060 || c == 0xFEFF)) return kIgnore;
  return 0;
}

inline void CapTerm(std::string* term) {
  if (term->size() <= kMaxTermBytes) return;
  size_t n = kMaxTermBytes;
  while (n > 0 && (static_cast<unsigned char>((*term)[n]) & 0xC0) == 0x80) --n;
  term->resize(n);
}

// The two views the lexer runs over. Both give, for stream index i, the code
// point and the surface byte range it came from.
struct AsciiStream {
  const char* s;
  size_t n;
  size_t size() const { return n; }
  char32_t cp(size_t i) const { return static_cast<unsigned char>(s[i]); }
  std::uint32_t begin(size_t i) const { return static_cast<std::uint32_t>(i); }
  std::uint32_t end(size_t i) const { return static_cast<std::uint32_t>(i + 1); }
};

struct StreamEntry {
  char32_t cp;
  std::uint32_t begin;
  std::uint32_t end;
};

struct NormalizedStream {
  const StreamEntry* v;
  size_t n;
  size_t size() const { return n; }
  char32_t cp(size_t i) const { return v[i].cp; }
  std::uint32_t begin(size_t i) const { return v[i].begin; }
  std::uint32_t end(size_t i) const { return v[i].end; }
};

inline bool IsAsciiAlnum(char32_t c) {
  return c < 128 && (kAscii.c[c] & kWord) && c != '_';
}

// A maximal run of word characters inside one kept ICU segment, as stream
// indices [b, e).
struct Run {
  std::uint32_t b;
  std::uint32_t e;
};

// The process-wide word iterator, created once (creation parses ICU's rule
// data, ~100 µs); Analyzers clone it. Null if ICU data is missing.
const icu::BreakIterator* WordIteratorPrototype() {
  static const icu::BreakIterator* const proto = []() -> icu::BreakIterator* {
    UErrorCode st = U_ZERO_ERROR;
    icu::BreakIterator* bi =
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st);
    if (U_FAILURE(st)) {
      delete bi;
      return nullptr;
    }
    return bi;
  }();
  return proto;
}

}  // namespace

struct Analyzer::Impl {
  internal::CodePointFolder folder;
  std::unique_ptr<icu::BreakIterator> words;  // null: ICU data missing
  UText utext = UTEXT_INITIALIZER;            // reopened on each call's text
  std::vector<StreamEntry> stream;            // reused across calls
  std::vector<char16_t> utf16;                // the stream as UTF-16, for ICU
  size_t utf16_len = 0;                       // units of utf16 in use
  std::vector<std::uint32_t> index_of_unit;   // utf16 offset -> stream index
  std::vector<Run> runs;

  Impl() {
    if (const icu::BreakIterator* proto = WordIteratorPrototype()) {
      words.reset(proto->clone());
    }
  }
  ~Impl() { utext_close(&utext); }

  void AppendFolded(char32_t c, std::string* out) {
    if (c < 128) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      *out += folder.Fold(c);
    }
  }

  // Fills `stream`, `utf16` and `index_of_unit`; returns the stream length.
  // Written with raw stores into buffers sized once, not push_back: this
  // loop sees every input byte.
  size_t BuildStream(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    // One entry per byte is enough unless a character expands under NFKD
    // (e.g. U+FDFA gives 18 code points, 3 bytes -> 54); grow for those.
    if (stream.size() < text.size() + 32) stream.resize(text.size() + 32);
    if (utf16.size() < text.size() + 32) utf16.resize(text.size() + 32);
    if (index_of_unit.size() < utf16.size() + 1) index_of_unit.resize(utf16.size() + 1);
    StreamEntry* out = stream.data();
    size_t len = 0;
    size_t units = 0;
    std::int32_t i = 0;
    while (i < n) {
      if (s[i] < 0x80) {
        out[len] = {s[i], static_cast<std::uint32_t>(i),
                    static_cast<std::uint32_t>(i + 1)};
        utf16[units] = s[i];
        index_of_unit[units++] = static_cast<std::uint32_t>(len++);
        ++i;
        continue;
      }
      const std::int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) c = 0xFFFD;  // invalid UTF-8: a non-word character
      const std::u32string& m = folder.Strip(static_cast<char32_t>(c));
      if (len + m.size() + (n - i) > stream.size()) {
        stream.resize(len + m.size() + (n - i) + 32);
        out = stream.data();
      }
      if (units + 2 * m.size() + (n - i) > utf16.size()) {
        utf16.resize(units + 2 * m.size() + (n - i) + 32);
        index_of_unit.resize(utf16.size() + 1);
      }
      for (char32_t x : m) {
        out[len] = {x, static_cast<std::uint32_t>(start),
                    static_cast<std::uint32_t>(i)};
        std::int32_t w = static_cast<std::int32_t>(units);
        U16_APPEND_UNSAFE(utf16.data(), w, static_cast<UChar32>(x));
        while (units < static_cast<size_t>(w)) {
          index_of_unit[units++] = static_cast<std::uint32_t>(len);
        }
        ++len;
      }
    }
    index_of_unit[units] = static_cast<std::uint32_t>(len);
    utf16_len = units;
    return len;
  }

  // Step 2: ICU segments -> runs of word characters. `units`/`nunits` is the
  // UTF-16 ICU reads; `to_index` maps its offsets to stream indices.
  template <class S, class ToIndex>
  void FindRuns(const S& st, const char16_t* units, size_t nunits, ToIndex to_index) {
    runs.clear();
    auto scan = [&](size_t i, size_t z) {
      while (i < z) {
        while (i < z && !IsWordChar(st.cp(i))) ++i;
        if (i == z) break;
        size_t j = i + 1;
        while (j < z && IsWordChar(st.cp(j))) ++j;
        runs.push_back(Run{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
        i = j;
      }
    };
    UErrorCode status = U_ZERO_ERROR;
    if (words != nullptr &&
        nunits <= static_cast<size_t>(std::numeric_limits<std::int32_t>::max())) {
      utext_openUChars(&utext, units, static_cast<std::int64_t>(nunits), &status);
      if (U_SUCCESS(status)) words->setText(&utext, status);
    } else {
      status = U_MISSING_RESOURCE_ERROR;
    }
    if (U_FAILURE(status)) {
      scan(0, st.size());  // one segment: see the file comment
      return;
    }
    std::int32_t b = words->first();
    for (std::int32_t e = words->next(); e != icu::BreakIterator::DONE;
         b = e, e = words->next()) {
      scan(to_index(b), to_index(e));
    }
  }

  // Step 3 over the runs: F1 (runs already end at every non-word
  // character), F2-F6. Returns the next position.
  template <class S>
  std::uint32_t BuildTerms(const S& st, std::vector<Token>* out, std::uint32_t pos) {
    const size_t n = st.size();
    size_t chunk_end = 0;  // end of the last chunk checked for a whole token
    std::string term;
    size_t r = 0;
    while (r < runs.size()) {
      const size_t start = runs[r].b;
      size_t last = start;  // last stream index inside the term
      size_t i = 0;         // stream index after the term
      term.clear();
      // F4: the stream is read directly, as QueryParser does: "U.S" is one
      // UAX #29 word but the final '.' is a segment of its own.
      bool acronym = false;
      if (IsAsciiUpper(st.cp(start))) {
        size_t p = start;
        size_t letters = 0;
        do {
          last = p;
          ++letters;
          ++p;
        } while (p < n && st.cp(p) == '.' && ++p < n && IsAsciiUpper(st.cp(p)));
        if (letters > 1 && (p >= n || !IsWordChar(st.cp(p)))) {
          for (size_t k = start; k <= last; k += 2) {
            term.push_back(static_cast<char>(st.cp(k) + 32));
          }
          i = p;
          acronym = true;
          while (r < runs.size() && runs[r].b < p) ++r;
        }
      }
      if (!acronym) {
        AppendRun(st, runs[r], &term);
        size_t k = r;
        while (k + 1 < runs.size()) {
          const Run& a = runs[k];
          const Run& b = runs[k + 1];
          if (b.b != a.e) {  // F2 when equal
            if (b.b != a.e + 1) break;
            // F3: exactly one character between two runs.
            const char32_t prev = st.cp(a.e - 1);
            char32_t c = st.cp(a.e);
            c = (IsDigit(prev) && IsDigit(st.cp(b.b))) ? CheckInfixDigit(c) : CheckInfix(c);
            if (c == 0) break;
            if (c != kIgnore) internal::AppendUtf8(c, &term);
          }
          AppendRun(st, b, &term);
          ++k;
        }
        last = runs[k].e - 1;
        i = runs[k].e;
        r = k + 1;
        // F5.
        if (i < n && IsSuffix(st.cp(i))) {
          size_t p = i;
          bool ok = true;
          do {
            if (p - i == 3) {
              ok = false;
              break;
            }
            ++p;
          } while (p < n && IsSuffix(st.cp(p)));
          if (ok && (p >= n || !IsWordChar(st.cp(p)))) {
            for (size_t q = i; q < p; ++q) term.push_back(static_cast<char>(st.cp(q)));
            last = p - 1;
            i = p;
          }
        }
      }
      CapTerm(&term);
      out->push_back(Token{term, st.begin(start), st.end(last), pos});

      // F6.
      if (start >= chunk_end) {
        size_t a = start;
        while (a > 0 && !IsSpace(st.cp(a - 1))) --a;
        size_t z = std::max(i, start + 1);
        // Most chunks are plain words: only those with '@', '(' or ':' (or
        // starting "www") can be a whole token, so only they are classified.
        bool maybe = (st.cp(start) | 0x20) == 'w';
        for (char32_t x; z < n && !IsSpace(x = st.cp(z)); ++z) {
          maybe |= (x == '@' || x == '(' || x == ':');
        }
        chunk_end = z;
        size_t ta = 0, tz = 0;
        // Only the chunk's first part carries the whole-token term.
        if (maybe && z - a >= 3 && WholeTokenChunk(st, a, z, &ta, &tz) && ta == start) {
          std::string whole;
          for (size_t k = ta; k < tz; ++k) AppendFolded(st.cp(k), &whole);
          CapTerm(&whole);
          if (whole != term) {
            out->push_back(Token{std::move(whole), st.begin(ta), st.end(tz - 1), pos});
          }
        }
      }
      ++pos;
    }
    return pos;
  }

  // Appends the folded characters of one run; ASCII is lower-cased in bulk.
  template <class S>
  void AppendRun(const S& st, const Run& run, std::string* term) {
    for (size_t q = run.b; q < run.e;) {
      if (st.cp(q) < 128) {
        size_t z = q + 1;
        while (z < run.e && st.cp(z) < 128) ++z;
        const size_t old = term->size();
        term->resize(old + (z - q));
        char* w = &(*term)[old];
        for (; q < z; ++q) {
          const char32_t x = st.cp(q);
          *w++ = static_cast<char>(x >= 'A' && x <= 'Z' ? x + 32 : x);
        }
      } else {
        *term += folder.Fold(st.cp(q++));
      }
    }
  }

  // Is the whitespace-delimited chunk [a, z) an e-mail address, a URL or a
  // section reference like "287(g)" / "501(c)(3)"? If so, [*ta, *tz) is the
  // chunk without surrounding punctuation.
  template <class S>
  static bool WholeTokenChunk(const S& st, size_t a, size_t z, size_t* ta,
                              size_t* tz) {
    while (a < z && !IsWordChar(st.cp(a))) ++a;
    for (bool trimmed = true; trimmed && z > a;) {
      trimmed = false;
      char32_t c = st.cp(z - 1);
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
          c == '"' || c == '\'' || c == '>' || c == ']' || c == '}' ||
          c == 0x201D || c == 0x2019 || c == 0xBB) {
        --z;
        trimmed = true;
      } else if (c == ')') {
        int depth = 0;
        for (size_t i = a; i < z; ++i) {
          if (st.cp(i) == '(') ++depth;
          if (st.cp(i) == ')') --depth;
        }
        if (depth < 0) { --z; trimmed = true; }
      }
    }
    if (z - a < 3) return false;
    for (size_t i = a; i < z; ++i) {
      if (st.cp(i) >= 128) return false;
    }
    *ta = a;
    *tz = z;
    auto lower = [&](size_t i) {
      char32_t c = st.cp(i);
      return c >= 'A' && c <= 'Z' ? c + 32 : c;
    };
    auto starts_with = [&](const char* p) {
      size_t i = a;
      for (; *p; ++p, ++i) {
        if (i >= z || lower(i) != static_cast<char32_t>(*p)) return false;
      }
      return i < z;  // something must follow the scheme
    };
    if (starts_with("http://") || starts_with("https://") || starts_with("www.")) {
      return true;
    }
    // E-mail: local@domain.tld, one '@'.
    size_t at = z;
    for (size_t i = a; i < z; ++i) {
      if (st.cp(i) == '@') {
        if (at != z) return false;
        at = i;
      }
    }
    if (at != z) {
      if (at == a || at + 1 >= z) return false;
      for (size_t i = a; i < at; ++i) {
        char32_t c = st.cp(i);
        if (!IsAsciiAlnum(c) && c != '.' && c != '_' && c != '%' && c != '+' &&
            c != '-') {
          return false;
        }
      }
      bool dot = false;
      for (size_t i = at + 1; i < z; ++i) {
        char32_t c = st.cp(i);
        if (c == '.') dot = true;
        else if (!IsAsciiAlnum(c) && c != '-') return false;
      }
      return dot && IsAsciiAlnum(st.cp(at + 1)) && IsAsciiAlnum(st.cp(z - 1));
    }
    // Section: digits, an optional letter, then one or more "(x)" groups.
    size_t i = a;
    while (i < z && IsDigit(st.cp(i))) ++i;
    if (i == a) return false;
    if (i < z && IsAsciiAlnum(st.cp(i)) && !IsDigit(st.cp(i))) ++i;
    int groups = 0;
    while (i < z && st.cp(i) == '(') {
      size_t j = i + 1;
      while (j < z && IsAsciiAlnum(st.cp(j))) ++j;
      if (j == i + 1 || j - i - 1 > 4 || j >= z || st.cp(j) != ')') return false;
      i = j + 1;
      ++groups;
    }
    return groups > 0 && i == z;
  }

};

Analyzer::Analyzer() : impl_(new Impl) {}
Analyzer::~Analyzer() = default;

std::uint32_t Analyzer::Tokenize(std::string_view text, std::vector<Token>* out,
                                 std::uint32_t first_position) {
  if (out == nullptr || text.empty()) return first_position;
  Impl& im = *impl_;
  if (internal::IsAscii(text)) {
    const AsciiStream st{text.data(), text.size()};
    // Widened for ICU: see the file comment on UTF-16.
    if (im.utf16.size() < text.size()) im.utf16.resize(text.size());
    std::copy(text.begin(), text.end(), im.utf16.begin());
    im.FindRuns(st, im.utf16.data(), text.size(),
                [](std::int32_t b) { return static_cast<size_t>(b); });
    return im.BuildTerms(st, out, first_position);
  }
  const size_t len = im.BuildStream(text);
  const NormalizedStream st{im.stream.data(), len};
  const std::uint32_t* map = im.index_of_unit.data();
  im.FindRuns(st, im.utf16.data(), im.utf16_len,
              [map](std::int32_t b) { return static_cast<size_t>(map[b]); });
  return im.BuildTerms(st, out, first_position);
}

}  // namespace amicus
