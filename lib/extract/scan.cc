#include "extract/scan.h"


#include "extract/latin_words.h"

namespace amicus::internal {
namespace {

// Decodes one UTF-8 code point at s[i]; sets *len (1 on invalid bytes).
inline std::uint32_t Decode(std::string_view s, std::size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { *len = 1; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) { *len = 1; return 0xFFFD; }
  std::uint32_t cp = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  // An overlong form of an ASCII character ("\xC0\xB1" for '1') is not that
  // character: the scanners below treat ASCII byte by byte.
  if (cp < 0x80) return 0xFFFD;
  return cp;
}

inline bool IsSpace(std::uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x202F || cp == 0x3000 || cp == 0xFEFF;
}
inline bool IsDigit(std::uint32_t cp) { return cp >= '0' && cp <= '9'; }
inline bool IsLetter(std::uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp != 0xFFFD && cp != 0xFEFF;
}
inline bool IsUpper(std::uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return (cp % 2) == 0 && cp != 0x138;
  if (cp >= 0x391 && cp <= 0x3A9) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}
inline bool IsApostrophe(std::uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2BC; }
inline bool IsDash(std::uint32_t cp) { return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }
inline bool IsQuote(std::uint32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x2018 || cp == 0xAB || cp == 0xBB;
}

// Abbreviations that keep their period: titles, months, state abbreviations.
// As written (case-sensitive). The one word list left in code: Tokenize
// takes no knowledge (scan.h), so it cannot read a word class.
bool IsAbbreviation(std::string_view w) {
  static constexpr std::string_view kAbbr[] = {
      "Mr", "Mrs", "Ms", "Dr", "Rev", "Sen", "Rep", "Reps", "Gov", "St", "Sr", "Jr", "Lt", "Gen", "Col",
      "Sgt", "Hon", "Int", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
      "Calif", "Fla", "Mass", "Wash", "Ill", "Tex", "Ariz", "Md", "Mont", "Inc", "Co", "Corp", "Ltd",
      "Dept", "Ave", "Blvd", "vs", "v", "Mich", "Minn", "Penn", "Pa", "Conn", "Ore", "Wis", "Colo",
      "Ga", "Ala", "Ky", "Tenn", "Va", "Okla", "Kan", "Neb", "Nev", "Del", "Sra", "Sr", "Lic", "Av",
      "Asm", "Assemblywoman", "Supt", "Prof", "Cmdr", "Capt", "Det", "Pres", "Atty"};
  if (w.empty()) return false;
  for (std::string_view a : kAbbr) {
    if (a.size() == w.size() && a[0] == w[0] && a == w) return true;
  }
  return false;
}

// Folds one code point to ASCII where it is a Latin letter with a
// diacritic; returns nullptr to keep it as is.
const char* FoldLatin(std::uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    static const char* const kLatin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y"};
    return kLatin1[cp - 0xC0];
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    static const char kExtA[] =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllllllllnnnnnnnnnoooooooorrrrrrsssssssstttttt"
        "uuuuuuuuuuuuwwyyyzzzzzzs";
    // One NUL-terminated letter per code point: kExtA[k] followed by a NUL.
    static const struct Table {
      char one[sizeof(kExtA) - 1][2];
      Table() {
        for (std::size_t k = 0; k + 1 < sizeof(kExtA); ++k) one[k][0] = kExtA[k], one[k][1] = 0;
      }
    } kOne;
    std::size_t k = cp - 0x100;
    if (k < sizeof(kExtA) - 1) return kOne.one[k];
  }
  return nullptr;
}

// A word token starting at text[i], whose first code point `cp` is a
// letter: letters and digits, keeping internal hyphens and apostrophes
// ("Okafor-Whitman", "O'Neil") and the periods between single letters
// ("U.S", "a.m"). A trailing possessive ('s, ’s) is cut off and flagged; a
// trailing period is kept for initials ("X.", "U.S.") and known
// abbreviations ("Gov."). Fills *t (begin already set) and returns where
// the next token may start.
std::size_t ScanWord(std::string_view text, std::size_t i, std::uint32_t cp, Tok* t) {
  const std::size_t n = text.size();
  t->kind = TokKind::kWord;
  t->cap = IsUpper(cp);
  bool all_upper = t->cap;
  int letters = 0;
  bool single_letter_groups = true;  // "U.S", "a.m"
  int group_len = 0;
  std::size_t j = i;
  while (j < n) {
    const std::size_t run_end = latin::ScanAsciiAlnum(text, j, &letters, &all_upper);
    if (run_end > j) {
      group_len += static_cast<int>(run_end - j);
      j = run_end;
      continue;
    }
    int l2;
    std::uint32_t c2 = Decode(text, j, &l2);
    if (IsLetter(c2) || IsDigit(c2)) {
      if (IsLetter(c2)) {
        ++letters;
        if (!IsUpper(c2)) all_upper = false;
      }
      ++group_len;
      j += l2;
      continue;
    }
    if (j + l2 >= n) break;
    int l3;
    std::uint32_t next = Decode(text, j + l2, &l3);
    if (IsApostrophe(c2) && (next == 's' || next == 'S')) {
      // possessive unless a letter follows ("Defender's" vs "O'Sullivan")
      std::size_t after = j + l2 + l3;
      int l4;
      std::uint32_t a = after < n ? Decode(text, after, &l4) : ' ';
      if (!IsLetter(a)) {
        t->possessive = true;
        t->end = static_cast<std::uint32_t>(j);
        t->allcaps = all_upper && letters >= 2;
        return after;
      }
    }
    if ((IsApostrophe(c2) || c2 == '-') && IsLetter(next)) {
      if (group_len > 1) single_letter_groups = false;
      group_len = 0;
      j += l2;
      continue;
    }
    if (c2 == '.' && group_len == 1 && IsLetter(next) && single_letter_groups) {
      group_len = 0;
      j += l2;
      continue;
    }
    break;
  }
  t->end = static_cast<std::uint32_t>(j);
  // A trailing period belongs to initials ("X.", "U.S.") and known abbreviations.
  if (j < n && text[j] == '.') {
    std::string_view w = text.substr(i, j - i);
    if ((group_len == 1 && single_letter_groups) || IsAbbreviation(w)) t->end = static_cast<std::uint32_t>(j + 1);
  }
  t->allcaps = all_upper && letters >= 2;
  return t->end;
}

// A number token starting at text[i] (a digit of `len` bytes): digits with
// the commas and periods between them ("1,200", "3.5"). Returns its end.
std::size_t ScanNumber(std::string_view text, std::size_t i, int len, Tok* t) {
  const std::size_t n = text.size();
  t->kind = TokKind::kNumber;
  std::size_t j = i;
  while (j < n) {
    char c = text[j];
    if (c >= '0' && c <= '9') { ++j; continue; }
    if ((c == ',' || c == '.') && j + 1 < n && text[j + 1] >= '0' && text[j + 1] <= '9') { ++j; continue; }
    break;
  }
  if (j == i) j = i + len;  // never stand still, whatever the bytes
  t->end = static_cast<std::uint32_t>(j);
  return j;
}

// A one-code-point punctuation token at text[i]: quotes become 'q', dashes
// '-', apostrophes '\'', other ASCII itself, anything else '*'. Returns its end.
std::size_t ScanPunct(std::uint32_t cp, std::size_t i, int len, Tok* t) {
  t->kind = TokKind::kPunct;
  if (IsQuote(cp)) t->punct = 'q';
  else if (IsDash(cp)) t->punct = '-';
  else if (cp == 0x2019 || cp == '\'') t->punct = '\'';
  else if (cp < 0x80) t->punct = static_cast<char>(cp);
  else t->punct = '*';
  t->end = static_cast<std::uint32_t>(i + len);
  return i + len;
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Tok>* out) {
  out->clear();
  out->reserve(text.size() / 5 + 8);
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool space = true, newline = true;
  while (i < n) {
    if (text[i] == ' ') {  // the common separator, without decoding
      space = true;
      ++i;
      continue;
    }
    int len;
    std::uint32_t cp = Decode(text, i, &len);
    if (IsSpace(cp)) {
      space = true;
      if (cp == '\n') newline = true;
      i += len;
      continue;
    }
    Tok t;
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (IsLetter(cp)) i = ScanWord(text, i, cp, &t);
    else if (IsDigit(cp)) i = ScanNumber(text, i, len, &t);
    else i = ScanPunct(cp, i, len, &t);
    out->push_back(t);
  }
}

namespace {

// ASCII folding in one lookup: the lower-case byte, or kSkip ('.') or
// kSpace (whitespace, collapsed into one space).
constexpr unsigned char kSkip = 0xFF, kSpace = 0xFE;
struct AsciiFold {
  unsigned char to[128];
  constexpr AsciiFold() : to{} {
    for (int c = 0; c < 128; ++c) to[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    to[static_cast<int>('.')] = kSkip;
    to[static_cast<int>(' ')] = to[static_cast<int>('\t')] = to[static_cast<int>('\n')] = to[static_cast<int>('\r')] = kSpace;
  }
};
constexpr AsciiFold kAsciiFold{};

// Writes the folded form of s to d and returns the end. The folded form is
// never longer than s: each rule maps a code point to at most as many bytes.
// `space_before` says whether the output so far ends with a space (or is
// empty), for collapsing whitespace runs.
char* FoldInto(std::string_view s, bool space_before, char* d) {
  char* const first = d;
  auto last_is_space = [&] { return d == first ? space_before : d[-1] == ' '; };
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      const unsigned char f = kAsciiFold.to[c];
      if (f < 0x80) {
        *d++ = static_cast<char>(f);
      } else if (f == kSpace && !last_is_space()) {
        *d++ = ' ';
      }
      continue;
    }
    int len;
    std::uint32_t cp = Decode(s, i, &len);
    const char* raw = s.data() + i;
    i += len;
    if (IsApostrophe(cp) || cp == 0x2018) { *d++ = '\''; continue; }
    if (IsDash(cp)) { *d++ = '-'; continue; }
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B)) {
      if (!last_is_space()) *d++ = ' ';
      continue;
    }
    if (cp == 0x201C || cp == 0x201D) { *d++ = '"'; continue; }
    if (const char* f = FoldLatin(cp)) {
      while (*f) *d++ = *f++;
      continue;
    }
    for (int k = 0; k < len; ++k) *d++ = raw[k];
  }
  return d;
}

}  // namespace

void AppendFolded(std::string_view s, std::string* out) {
  const bool space_before = out->empty() || out->back() == ' ';
  // Words and names fit a stack buffer; one append then copies the result.
  char buf[256];
  if (s.size() <= sizeof(buf)) {
    out->append(buf, static_cast<std::size_t>(FoldInto(s, space_before, buf) - buf));
    return;
  }
  const std::size_t start = out->size();
  out->resize(start + s.size());
  char* const begin = &(*out)[start];
  out->resize(start + static_cast<std::size_t>(FoldInto(s, space_before, begin) - begin));
}

std::string FoldKey(std::string_view s) {
  // Fold on the stack and copy the trimmed key out once.
  char buf[256];
  std::string heap;
  std::string_view v;
  if (s.size() <= sizeof(buf)) {
    v = std::string_view(buf, static_cast<std::size_t>(FoldInto(s, true, buf) - buf));
  } else {
    AppendFolded(s, &heap);
    v = heap;
  }
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  if (v.substr(0, 4) == "the ") v.remove_prefix(4);
  return std::string(v);
}

}  // namespace amicus::internal
