#include "search/snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "amicus/text.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

void AppendEscaped(std::string_view s, std::string* out) {
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space) {
      out->push_back(' ');
      space = false;
    }
    switch (c) {
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '&': out->append("&amp;"); break;
      default: out->push_back(c);
    }
  }
  if (space) out->push_back(' ');
}

// A word of the text: its bytes are text.substr(begin, end - begin).
struct Word {
  std::uint32_t begin = 0, end = 0;
  bool acronym = false;  // "U.S.": its term is its letters
};

// The kind of the character at `i` (decoded into *cp, its length in *len).
enum class CharKind { kOther, kLetter, kDigit };

CharKind NonAsciiKindAt(std::string_view text, std::size_t i, std::size_t* len) {
  std::int32_t off = static_cast<std::int32_t>(i);
  UChar32 cp;
  U8_NEXT(text.data(), off, static_cast<std::int32_t>(text.size()), cp);
  *len = static_cast<std::size_t>(off) - i;
  if (cp < 0) return CharKind::kOther;  // malformed: a separator
  if (u_isdigit(cp)) return CharKind::kDigit;
  // Letters, and the combining marks of decomposed text ("e" + U+0301).
  if (u_isalpha(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0) return CharKind::kLetter;
  return CharKind::kOther;
}

inline CharKind KindAt(std::string_view text, std::size_t i, std::size_t* len) {
  const unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    *len = 1;
    if (IsAsciiLetter(b)) return CharKind::kLetter;
    if (IsAsciiDigit(b)) return CharKind::kDigit;
    return CharKind::kOther;
  }
  return NonAsciiKindAt(text, i, len);
}

bool IsApostropheAt(std::string_view text, std::size_t i, std::size_t* len) {
  if (text[i] == '\'') {
    *len = 1;
    return true;
  }
  if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019, the typographic apostrophe
    *len = 3;
    return true;
  }
  return false;
}

// The words of `text`, in order.
void ScanWords(std::string_view text, std::vector<Word>* words) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t len = 0;
    CharKind kind = KindAt(text, i, &len);
    if (kind == CharKind::kOther) {
      i += len;
      continue;
    }
    Word w;
    w.begin = static_cast<std::uint32_t>(i);
    CharKind last = kind;
    i += len;
    std::size_t letters = kind == CharKind::kLetter ? 1 : 0;
    while (i < n) {
      std::size_t l = 0;
      CharKind k = KindAt(text, i, &l);
      if (k != CharKind::kOther) {
        last = k;
        letters += k == CharKind::kLetter;
        i += l;
        continue;
      }
      // Joiners: an apostrophe between letters ("don't"), a period or
      // comma between digits ("1,500", "3.5").
      std::size_t al = 0, nl = 0;
      if (last == CharKind::kLetter && IsApostropheAt(text, i, &al) && i + al < n &&
          KindAt(text, i + al, &nl) == CharKind::kLetter) {
        i += al;
        continue;
      }
      if (last == CharKind::kDigit && (text[i] == '.' || text[i] == ',') && i + 1 < n &&
          IsAsciiDigit(static_cast<unsigned char>(text[i + 1]))) {
        i += 1;
        continue;
      }
      break;
    }
    // "U.S.", "U.S.A.": single letters each followed by a period.
    if (letters == 1 && i - w.begin == 1 && i < n && text[i] == '.') {
      std::size_t j = i;
      int more = 0;
      while (j + 1 < n && text[j] == '.' && IsAsciiLetter(static_cast<unsigned char>(text[j + 1])) &&
             (j + 2 >= n || !(IsAsciiLetter(static_cast<unsigned char>(text[j + 2])) ||
                              IsAsciiDigit(static_cast<unsigned char>(text[j + 2]))))) {
        j += 2;
        ++more;
      }
      if (more > 0) {
        if (j < n && text[j] == '.') ++j;
        i = j;
        w.acronym = true;
      }
    }
    w.end = static_cast<std::uint32_t>(i);
    words->push_back(w);
  }
}

// The word as the index folds it: lower case, no diacritics.
void FoldWord(std::string_view surface, bool acronym, std::string* out) {
  out->clear();
  bool ascii = true;
  for (char c : surface) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (char c : surface) {
      if (acronym && c == '.') continue;
      out->push_back(IsUpperAscii(c) ? static_cast<char>(c + 32) : c);
    }
    return;
  }
  *out = FoldText(surface);
  // The index writes the typographic apostrophe as '.
  for (std::size_t p = out->find("\xE2\x80\x99"); p != std::string::npos; p = out->find("\xE2\x80\x99", p)) {
    out->replace(p, 3, "'");
  }
}

std::size_t StartOf(std::string_view word) {
  const std::size_t b0 = static_cast<unsigned char>(word[0]);
  const std::size_t b1 = word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0;
  return b0 << 8 | b1;
}

}  // namespace

void SnippetTerms::AddXapianTerm(const std::string& term) {
  if (term.empty()) return;
  if (!IsUpperAscii(term[0])) {
    words.insert(term);
    starts[StartOf(term)] = true;
    return;
  }
  const std::string_view stem_prefix = schema::kStemPrefix, title_prefix = schema::kTitlePrefix;
  std::string_view t = term;
  if (t.substr(0, stem_prefix.size()) == stem_prefix) {
    t.remove_prefix(stem_prefix.size());
    if (t.substr(0, title_prefix.size()) == title_prefix) t.remove_prefix(title_prefix.size());
    if (!t.empty() && !IsUpperAscii(t[0])) {
      stems.emplace(t);
      // A one-byte stem comes from words of any second byte.
      if (t.size() == 1) {
        for (std::size_t b1 = 0; b1 < 256; ++b1) starts[StartOf(t) | b1] = true;
      } else {
        starts[StartOf(t)] = true;
      }
    }
  } else if (t.substr(0, title_prefix.size()) == title_prefix) {
    t.remove_prefix(title_prefix.size());
    if (!t.empty() && !IsUpperAscii(t[0])) {
      words.emplace(t);
      starts[StartOf(t)] = true;
    }
  }
}

std::string MakeSnippet(std::string_view text, const SnippetTerms& terms, const Xapian::Stem& stemmer,
                        std::size_t max_bytes) {
  // The first part of a very long release is enough to find a window to
  // show; scanning 20 MB for every hit would not be.
  constexpr std::size_t kMaxScannedBytes = 128 * 1024;
  if (text.size() > kMaxScannedBytes) {
    std::size_t cut = kMaxScannedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    text = text.substr(0, cut);
  }
  std::vector<Word> words;
  words.reserve(text.size() / 6 + 1);
  ScanWords(text, &words);
  if (words.empty()) return std::string();

  std::vector<bool> hit(words.size(), false);
  if (!terms.empty()) {
    std::string folded;
    std::unordered_map<std::string, bool> candidates;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const Word& w = words[k];
      std::string_view surface = text.substr(w.begin, w.end - w.begin);
      // Most words are passed over on their first two bytes, unfolded.
      const unsigned char b0 = static_cast<unsigned char>(surface[0]);
      const unsigned char b1 = surface.size() > 1 ? static_cast<unsigned char>(surface[1]) : 0;
      if (!w.acronym && b0 < 0x80 && b1 < 0x80) {
        const std::size_t start = static_cast<std::size_t>(IsUpperAscii(static_cast<char>(b0)) ? b0 + 32 : b0) << 8 |
                                  (IsUpperAscii(static_cast<char>(b1)) ? b1 + 32 : b1);
        if (!terms.starts[start]) continue;
      }
      FoldWord(surface, w.acronym, &folded);
      if (folded.empty() || !terms.starts[StartOf(folded)]) continue;
      // The words that get this far are few, and a release repeats them:
      // each is stemmed once.
      auto [it, fresh] = candidates.try_emplace(folded, false);
      if (fresh) {
        bool matched = terms.words.count(folded) != 0;
        if (!matched && !terms.stems.empty() && !IsAsciiDigit(static_cast<unsigned char>(folded[0]))) {
          matched = terms.stems.count(stemmer(folded)) != 0;
        }
        it->second = matched;
      }
      hit[k] = it->second;
    }
  }

  // The window of whole words no longer than max_bytes with the most hits.
  std::size_t best_i = 0, best_j = 0, best_hits = 0;
  std::size_t j = 0, hits = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (j < i) {
      j = i;
      hits = 0;
    }
    while (j < words.size() && words[j].end - words[i].begin <= max_bytes) {
      hits += hit[j];
      ++j;
    }
    // Windows start at a hit (context is added before it afterwards); the
    // first window stands in when nothing matches.
    if ((hit[i] && hits > best_hits) || (i == 0 && best_j == 0)) {
      best_hits = hits;
      best_i = i;
      best_j = j;
    }
    if (j > i && hit[i]) --hits;
  }
  if (best_j <= best_i) best_j = best_i + 1;
  // Half of the unused budget goes to context before the first hit, the
  // rest to what follows.
  std::size_t last_hit = best_i;
  for (std::size_t k = best_i; k < best_j; ++k) {
    if (hit[k]) last_hit = k;
  }
  best_j = last_hit + 1;
  const std::size_t used = words[last_hit].end - words[best_i].begin;
  const std::size_t before = best_hits > 0 && max_bytes > used ? (max_bytes - used) / 2 : 0;
  const std::size_t first_begin = words[best_i].begin;
  while (best_i > 0 && first_begin - words[best_i - 1].begin <= before) --best_i;
  while (best_j < words.size() && words[best_j].end - words[best_i].begin <= max_bytes) ++best_j;

  std::string out;
  out.reserve(max_bytes + 64);
  if (best_i > 0) out.append("...");
  std::size_t cursor = words[best_i].begin;
  for (std::size_t k = best_i; k < best_j; ++k) {
    const Word& w = words[k];
    AppendEscaped(text.substr(cursor, w.begin - cursor), &out);
    if (hit[k]) out.append("<b>");
    AppendEscaped(text.substr(w.begin, w.end - w.begin), &out);
    if (hit[k]) out.append("</b>");
    cursor = w.end;
  }
  if (best_j < words.size()) {
    out.append("...");
  } else {
    // Keep closing punctuation after the last word ("enforce them.").
    std::size_t tail = cursor;
    while (tail < text.size() && tail - cursor < 4 && text[tail] != ' ' && text[tail] != '\n') ++tail;
    AppendEscaped(text.substr(cursor, tail - cursor), &out);
  }
  return out;
}

}  // namespace amicus::internal
