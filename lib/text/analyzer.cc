// Analyzer: the indexer's tokenizer, written to produce exactly the terms
// that Xapian 1.4's QueryParser produces from the same surface text.
//
// Why not ICU's UAX #29 BreakIterator: its word boundaries disagree with
// QueryParser's lexer on text a press release contains ("AT&T" and "C++"
// are one QueryParser term but split by UAX #29; "example.org" and
// "1'000" are one UAX #29 word but split by QueryParser; a run of CJK or Thai
// is one QueryParser term but dictionary-split by ICU), and every
// disagreement is a query that silently misses. So the lexer below follows
// QueryParser::Internal::parse_term rule for rule, with Xapian's own
// character categories (Xapian::Unicode), and ICU does the normalization.
//
// The lexer runs over the text as StripDiacritics would give it (NFKD, no
// diacritics, NFC), because that is what the search side hands QueryParser;
// each code point of that stream remembers the byte range of the surface code
// point it came from, which gives Token::begin/end. Pure ASCII text skips the
// stream and is lexed in place.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
    c[' '] = kSpace;
    for (int i = '0'; i <= '9'; ++i) c[i] = kWord | kDigit;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kWord;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kWord | kUpper;
    c['_'] = kWord;  // CONNECTOR_PUNCTUATION
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

}  // namespace

struct Analyzer::Impl {
  internal::CodePointFolder folder;
  std::vector<StreamEntry> stream;  // reused across calls

  void AppendFolded(char32_t c, std::string* out) {
    if (c < 128) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      *out += folder.Fold(c);
    }
  }

  // Fills `stream` and returns its length. Written with raw stores into a
  // buffer sized once, not push_back: this loop sees every input byte.
  size_t BuildStream(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    // One entry per byte is enough unless a character expands under NFKD
    // (e.g. U+FDFA gives 18 code points); grow for those.
    if (stream.size() < text.size() + 32) stream.resize(text.size() + 32);
    StreamEntry* out = stream.data();
    size_t len = 0;
    std::int32_t i = 0;
    while (i < n) {
      if (s[i] < 0x80) {
        out[len++] = {s[i], static_cast<std::uint32_t>(i),
                      static_cast<std::uint32_t>(i + 1)};
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
      for (char32_t x : m) {
        out[len++] = {x, static_cast<std::uint32_t>(start),
                      static_cast<std::uint32_t>(i)};
      }
    }
    return len;
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

  template <class S>
  std::uint32_t Lex(const S& st, std::vector<Token>* out, std::uint32_t pos) {
    const size_t n = st.size();
    size_t chunk_end = 0;  // end of the last chunk checked for a whole token
    std::string term;
    size_t i = 0;
    while (i < n) {
      const char32_t c = st.cp(i);
      if (!IsWordChar(c)) {
        ++i;
        continue;
      }
      const size_t start = i;
      size_t last = i;  // last stream index inside the term
      term.clear();
      bool acronym = false;
      // Initials separated by '.', e.g. "U.S." -> "us" (parse_term's first
      // rule); a single letter is not an acronym.
      if (IsAsciiUpper(c)) {
        size_t p = i;
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
        } else {
          last = i;
        }
      }
      if (!acronym) {
        AppendFolded(c, &term);
        char32_t prev = c;
        size_t k = i + 1;
        while (k < n) {
          char32_t ch = st.cp(k);
          if (ch < 128 && (kAscii.c[ch] & kWord)) {
            // A run of ASCII word characters, appended in one go.
            size_t r = k + 1;
            while (r < n && st.cp(r) < 128 && (kAscii.c[st.cp(r)] & kWord)) ++r;
            const size_t old = term.size();
            term.resize(old + (r - k));
            for (size_t q = k; q < r; ++q) {
              char32_t x = st.cp(q);
              term[old + q - k] = static_cast<char>(x >= 'A' && x <= 'Z' ? x + 32 : x);
            }
            prev = st.cp(r - 1);
            last = r - 1;
            k = r;
            continue;
          }
          if (!IsWordChar(ch)) {
            const size_t p = k + 1;
            if (p >= n || !IsWordChar(st.cp(p))) break;
            ch = (IsDigit(prev) && IsDigit(st.cp(p))) ? CheckInfixDigit(ch)
                                                       : CheckInfix(ch);
            if (ch == 0) break;
            ++k;
            if (ch == kIgnore) continue;
            internal::AppendUtf8(ch, &term);
            prev = ch;
            continue;
          }
          AppendFolded(ch, &term);
          prev = ch;
          last = k;
          ++k;
        }
        // Up to three trailing '+' or '#' ("C++", "C#") when no word
        // character follows, as QueryParser does without a database.
        if (k < n && IsSuffix(st.cp(k))) {
          size_t p = k;
          bool ok = true;
          do {
            if (p - k == 3) {
              ok = false;
              break;
            }
            ++p;
          } while (p < n && IsSuffix(st.cp(p)));
          if (ok && (p >= n || !IsWordChar(st.cp(p)))) {
            for (size_t q = k; q < p; ++q) term.push_back(static_cast<char>(st.cp(q)));
            last = p - 1;
            k = p;
          }
        }
        i = k;
      }
      CapTerm(&term);
      out->push_back(Token{term, st.begin(start), st.end(last), pos});

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
};

Analyzer::Analyzer() : impl_(new Impl) {}
Analyzer::~Analyzer() = default;

std::uint32_t Analyzer::Tokenize(std::string_view text, std::vector<Token>* out,
                                 std::uint32_t first_position) {
  if (out == nullptr || text.empty()) return first_position;
  if (internal::IsAscii(text)) {
    return impl_->Lex(AsciiStream{text.data(), text.size()}, out, first_position);
  }
  const size_t len = impl_->BuildStream(text);
  return impl_->Lex(NormalizedStream{impl_->stream.data(), len}, out, first_position);
}

}  // namespace amicus
