// Legislation finder. Three steps:
//  1. one byte scan collects mentions: bill numbers (typed and keyed, so
//     "SB 4" and "Senate Bill 4" share the key "senate:4"), names ending in
//     Act/Ordinance/Code/Bill of Rights (found by walking back over
//     capitalized words from the ending word), "An Act ..." titles, Spanish
//     "Ley ..." names, acronyms in parentheses and the stand-alone forms of
//     data/knowledge/acts.tsv;
//  2. mentions are merged (union-find) by key, by the ties the text makes
//     between neighbours ("X Act (S.1/A.2)", "H.R. 5, the X Act"), by short
//     forms of a longer name, and by knowledge entries;
//  3. each group becomes one NamedEntity with a canonical name.
#include "extract/latin_words.h"
#include "extract/knowledge_base.h"
#include "extract/legislation.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/knowledge_file.h"

namespace amicus::internal {

using namespace std::string_view_literals;
namespace {

using latin::IsAsciiAlpha;
using latin::IsDigit;
using latin::IsLower;
using latin::IsUpper;
using latin::IsWordByte;
using latin::WordEnd;
using latin::WordStartBefore;



// Lower case, periods dropped, runs of spaces and dashes folded to one
// space, curly apostrophes -> ': how names and aliases are compared.
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == '.') continue;
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(IsUpper(c) ? static_cast<char>(c | 0x20) : static_cast<char>(c));
  }
  return out;
}

bool AllCaps(std::string_view s) {
  bool letter = false;
  for (unsigned char c : s) {
    if (IsLower(c)) return false;
    if (IsUpper(c)) letter = true;
  }
  return letter;
}

// ------------------------------------------------------------ mentions

enum class MType : std::uint8_t { kName, kNickname, kNumber, kPair, kAcronym };

struct Mention {
  size_t b = 0, e = 0;
  MType type = MType::kName;
  std::string key;  // names: folded text; numbers: "senate:4"
};

// Capitalized words that end a walk back from "Act": determiners and the
// verbs/nouns of headlines ("Senate Passes X Act", "Passage of X Act").
bool IsNameStopWord(std::string_view w) {
  static const std::unordered_set<std::string>* kStops = new std::unordered_set<std::string>{
      "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "under",
      "per", "back", "sign", "pass", "introduce", "applaud", "urge", "strengthen", "cite",
      "hail", "celebrate", "condemn", "approve", "demand", "oppose", "support", "endorse",
      "praise", "welcome", "blast", "sue", "challenge", "enact", "reintroduce", "defend",
      "repeal", "amend", "expand", "adopt", "unveil", "announce", "launch", "file", "block",
      "halt", "uphold", "invoke", "violate", "passage", "violation", "provision",
      "implementation", "enforcement", "signing", "reauthorization", "while", "when", "after",
      "before", "with", "without", "against"};
  std::string l = Fold(w);
  if (kStops->count(l)) return true;
  // plural / third person: "Passes", "Backs", "Urges"
  if (l.size() > 3 && l.back() == 's') {
    std::string base = l.substr(0, l.size() - 1);
    if (kStops->count(base)) return true;
    if (base.size() > 2 && base.back() == 'e' && kStops->count(base.substr(0, base.size() - 1))) {
      return true;
    }
  }
  return false;
}

bool IsConnector(std::string_view w) {
  return w == "of"sv || w == "and"sv || w == "for"sv || w == "to"sv || w == "on"sv || w == "in"sv ||
         w == "&"sv || w == "de"sv || w == "del"sv || w == "la"sv || w == "y"sv || w == "from"sv ||
         w == "against"sv || w == "with"sv;
}

bool IsSpanishConnector(std::string_view w) {
  return w == "de"sv || w == "del"sv || w == "la"sv || w == "las"sv || w == "los"sv || w == "el"sv ||
         w == "y"sv || w == "para"sv || w == "sobre"sv || w == "a"sv || w == "contra"sv || w == "en"sv;
}

bool IsRoman(std::string_view w) {
  if (w.empty() || w.size() > 6) return false;
  for (char c : w) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L') return false;
  }
  return true;
}

class LegislationScanner {
 public:
  LegislationScanner(std::string_view t, const ActKnowledge& kb) : t_(t), kb_(kb) {}

  void Run(std::vector<NamedEntity>* out, std::vector<TextSpan>* spans) {
    Scan();
    if (mentions_.empty()) return;
    std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) {
      return a.b != b.b ? a.b < b.b : a.e > b.e;
    });
    // Drop exact duplicates.
    mentions_.erase(std::unique(mentions_.begin(), mentions_.end(),
                                [](const Mention& a, const Mention& b) {
                                  return a.b == b.b && a.e == b.e;
                                }),
                    mentions_.end());
    Merge();
    Emit(out, spans);
  }

 private:
  // ---- scanning

  void Add(size_t b, size_t e, MType type, std::string key) {
    mentions_.push_back(Mention{b, e, type, std::move(key)});
  }

  void Scan() {
    size_t i = 0;
    const size_t n = t_.size();
    while (i < n) {
      unsigned char c = t_[i];
      if (!IsWordByte(c)) {
        ++i;
        continue;
      }
      size_t we = WordEnd(t_, i);
      if (we == i) we = i + 1;
      size_t next = we;
      if (IsUpper(c)) {
        next = std::max(we, AtCapitalWord(i, we));
      } else if (IsDigit(c) && we < n && t_[we] == '(' && kb_.HasStandalone()) {
        // "287(g)"
        size_t close = t_.find(')', we);
        if (close != std::string_view::npos && close - we <= 4 &&
            kb_.IsStandalone(t_.substr(i, close + 1 - i))) {
          AddSectionLike(i, close + 1, t_.substr(i, close + 1 - i));
          next = close + 1;
        }
      }
      i = next;
    }
  }

  void AddSectionLike(size_t b, size_t e, std::string_view number) {
    Add(b, e, MType::kNumber, "section:" + Fold(number));
  }

  // Digits (and an optional "-YYYY" or "(g)") at i: returns end, or i.
  size_t NumberAt(size_t i, bool allow_paren) const {
    size_t j = i;
    while (j < t_.size() && IsDigit(t_[j])) ++j;
    if (j == i || j - i > 6) return i;
    if (allow_paren && j + 2 < t_.size() && t_[j] == '(' && IsAsciiAlpha(t_[j + 1]) &&
        t_[j + 2] == ')') {
      j += 3;
      if (j + 2 < t_.size() && t_[j] == '(' && IsAlnumChar(t_[j + 1]) && t_[j + 2] == ')') j += 3;
    }
    if (j < t_.size() && IsAsciiAlpha(t_[j])) {
      // "SB 54A"? allow one trailing capital letter only
      if (IsUpper(t_[j]) && (j + 1 >= t_.size() || !IsWordByte(t_[j + 1]))) return j + 1;
      return i;
    }
    return j;
  }
  static bool IsAlnumChar(unsigned char c) { return IsDigit(c) || IsAsciiAlpha(c); }

  std::string NumKey(const char* kind, size_t b, size_t e) const {
    // leading zeros dropped: "Int. 0214" == "Int. 214"
    size_t i = b;
    while (i + 1 < e && t_[i] == '0' && IsDigit(t_[i + 1])) ++i;
    return std::string(kind) + ":" + Fold(t_.substr(i, e - i));
  }

  // "26-0147", "2026-14", "117-58", "19-1124": digits, then up to two
  // "-digits" groups; returns the end (or i when no number).
  size_t HyphenNumberAt(size_t i) const {
    size_t e = NumberAt(i, false);
    if (e == i) return i;
    for (int groups = 0; groups < 2; ++groups) {
      if (e + 1 >= t_.size() || t_[e] != '-' || !IsDigit(t_[e + 1])) break;
      size_t d = e + 1;
      while (d < t_.size() && IsDigit(t_[d])) ++d;
      if (d - e - 1 > 6 || (d < t_.size() && IsWordByte(t_[d]))) break;
      e = d;
    }
    return e;
  }

  // A designator already read up to k ("Resolution", "Council Bill",
  // "Public Law"), then an optional "No." / "#" and a number (hyphen groups
  // allowed, "Measure A" letters when `letter_ok`); "of YYYY" is kept in the
  // mention but not the key. Returns the end, or 0 when no number follows.
  size_t DesignatedNumber(const char* kind, size_t b, size_t k, bool letter_ok) {
    size_t k0 = k;
    k = SkipSp(k);
    if (k == k0) return 0;
    if (k + 2 < t_.size() && t_[k] == 'N' && t_[k + 1] == 'o' && t_[k + 2] == '.') {
      k = SkipSp(k + 3);
    } else if (k < t_.size() && t_[k] == '#') {
      ++k;
    }
    size_t e = HyphenNumberAt(k);
    if (e == k) {
      // "Measure J": one capital letter standing alone (not an initial "J.").
      bool letter = letter_ok && k < t_.size() && IsUpper(t_[k]) &&
                    (k + 1 >= t_.size() ||
                     (!IsWordByte(t_[k + 1]) && t_[k + 1] != '\'' && t_[k + 1] != '-' &&
                      (t_[k + 1] != '.' || k + 2 >= t_.size() || t_[k + 2] == ' ' || t_[k + 2] == '\n')));
      if (!letter) return 0;
      e = k + 1;
    }
    size_t key_end = e;
    size_t k3 = SkipSp(e);
    if (k3 > e && t_.compare(k3, 3, "of ") == 0) {
      size_t y = k3 + 3, d = y;
      while (d < t_.size() && IsDigit(t_[d])) ++d;
      if (d - y == 4 && (d >= t_.size() || !IsWordByte(t_[d]))) e = d;
    }
    Add(b, e, MType::kNumber, NumKey(kind, k, key_end));
    return e;
  }

  size_t SkipSp(size_t i) const {
    if (i < t_.size() && t_[i] == ' ') return i + 1;
    if (i + 1 < t_.size() && static_cast<unsigned char>(t_[i]) == 0xC2 &&
        static_cast<unsigned char>(t_[i + 1]) == 0xA0) {
      return i + 2;
    }
    return i;
  }

  std::string_view WordAt(size_t i) const { return t_.substr(i, WordEnd(t_, i) - i); }

  // A capitalized word [b, we): bill prefixes, name endings, Spanish "Ley".
  size_t AtCapitalWord(size_t b, size_t we) {
    std::string_view w = t_.substr(b, we - b);
    // Single-letter chamber prefixes: S.2141, A-4013, H.4521, S. 1234
    if (w.size() == 1 && (w[0] == 'S' || w[0] == 'A' || w[0] == 'H') && we < t_.size() &&
        (b == 0 || !IsWordByte(t_[b - 1])) && (b == 0 || t_[b - 1] != '.')) {
      char sep = t_[we];
      if (sep == '.' || sep == '-') {
        size_t d = we + 1;
        if (w[0] == 'H' && sep == '.' && d + 1 < t_.size() && t_[d] == 'R' && t_[d + 1] == '.') {
          // H.R. 5521
          size_t k = SkipSp(d + 2);
          size_t e = NumberAt(k, false);
          if (e > k) return AddBill("hr", b, k, e);
          return d + 2;
        }
        if (w[0] == 'S' && sep == '.' && d + 1 < t_.size() && t_[d] == 'B' && t_[d + 1] == '.') {
          size_t k = SkipSp(d + 2);
          size_t e = NumberAt(k, false);
          if (e > k) return AddBill("senate", b, k, e);
          return d + 2;
        }
        if ((w[0] == 'H' || w[0] == 'S') && sep == '.' && d + 1 < t_.size() && t_[d] == 'F' &&
            t_[d + 1] == '.') {  // Minnesota "H.F. 12" / "S.F. 34"
          size_t k = SkipSp(d + 2);
          size_t e = HyphenNumberAt(k);
          if (e > k) return AddBill(w[0] == 'H' ? "house" : "senate", b, k, e);
          return d + 2;
        }
        if ((w[0] == 'H' || w[0] == 'A') && sep == '.' && d + 1 < t_.size() && t_[d] == 'B' &&
            t_[d + 1] == '.') {
          size_t k = SkipSp(d + 2);
          size_t e = NumberAt(k, false);
          if (e > k) return AddBill(w[0] == 'H' ? "house" : "assembly", b, k, e);
          return d + 2;
        }
        size_t k = d;
        if (sep == '.' && w[0] == 'S') k = SkipSp(d);
        size_t e = NumberAt(k, false);
        if (e > k && e - k >= 2) {
          const char* kind = w[0] == 'S' ? "senate" : w[0] == 'A' ? "assembly" : "house";
          return AddBill(kind, b, k, e);
        }
      }
      return we;
    }
    if ((w == "L"sv || w == "P"sv) && we + 3 < t_.size() && t_[we] == '.' &&
        t_[we + 1] == (w[0] == 'L' ? 'D' : 'L') && t_[we + 2] == '.' &&
        (b == 0 || !IsWordByte(t_[b - 1]))) {  // Maine "L.D. 1234", "P.L. 117-58"
      size_t k = SkipSp(we + 3);
      size_t e = HyphenNumberAt(k);
      if (e > k) return AddBill(w[0] == 'L' ? "ld" : "pl", b, k, e);
      return we;
    }
    if (w == "SB"sv || w == "HB"sv || w == "AB"sv || w == "SF"sv || w == "HF"sv || w == "LB"sv || w == "HR"sv ||
        w == "LD"sv) {
      size_t k = we;
      if (k < t_.size() && (t_[k] == ' ' || t_[k] == '-')) ++k;
      size_t e = HyphenNumberAt(k);
      if (e > k) {
        const char* kind = w == "SB"sv || w == "SF"sv   ? "senate"
                           : w == "HB"sv || w == "HF"sv ? "house"
                           : w == "AB"sv              ? "assembly"
                           : w == "HR"sv              ? "hr"
                           : w == "LD"sv              ? "ld"
                                                    : "lb";
        return AddBill(kind, b, k, e);
      }
      return we;
    }
    if (w.size() > 2 && (w[0] == 'S' || w[0] == 'H' || w[0] == 'A') && w[1] == 'B' &&
        IsDigit(w[2])) {  // SB54
      size_t e = NumberAt(b + 2, false);
      if (e == we) {
        // Colorado "HB19-1124": session year, dash, bill number.
        size_t e2 = HyphenNumberAt(b + 2);
        if (e2 > e) e = e2;
        return AddBill(w[0] == 'S' ? "senate" : w[0] == 'H' ? "house" : "assembly", b, b + 2, e);
      }
      return we;
    }
    if (w == "Senate"sv || w == "House"sv || w == "Assembly"sv) {
      size_t k = SkipSp(we);
      std::string_view w2 = WordAt(k);
      if (k > we && (w2 == "Bill"sv || w2 == "File"sv)) {
        size_t k2 = SkipSp(k + w2.size());
        if (k2 > k + w2.size() && k2 < t_.size() && t_[k2] == 'N' && WordAt(k2) == "No"sv &&
            k2 + 2 < t_.size() && t_[k2 + 2] == '.') {
          k2 = SkipSp(k2 + 3);
        }
        size_t e = HyphenNumberAt(k2);
        if (e > k2) {
          return AddBill(w == "Senate"sv ? "senate" : w == "House"sv ? "house" : "assembly", b, k2, e);
        }
      }
      return we;
    }
    if (w == "Int"sv || w == "Intro"sv) {
      size_t k = we;
      if (k < t_.size() && t_[k] == '.') ++k;
      k = SkipSp(k);
      if (WordAt(k) == "No"sv && k + 2 < t_.size() && t_[k + 2] == '.') k = SkipSp(k + 3);
      size_t e = NumberAt(k, false);
      if (e > k) {
        size_t key_end = e;
        // "Int. 0214-2026": the year suffix belongs to the mention, not the key
        if (e + 4 < t_.size() + 0 && t_[e] == '-' && IsDigit(t_[e + 1])) {
          size_t y = e + 1;
          while (y < t_.size() && IsDigit(t_[y])) ++y;
          if (y - e - 1 == 4 || y - e - 1 == 2) e = y;
        }
        Add(b, e, MType::kNumber, NumKey("int", k, key_end));
        return e;
      }
      return we;
    }
    if (size_t e = AtDesignator(w, b, we)) return e;
    if (w == "Executive"sv || w == "Orden"sv) {
      size_t k = SkipSp(we);
      std::string_view w2 = WordAt(k);
      if (k > we && (w2 == "Order"sv || w2 == "Ejecutiva"sv)) {
        size_t k2 = SkipSp(k + w2.size());
        if (WordAt(k2) == "No"sv && k2 + 2 < t_.size() && t_[k2 + 2] == '.') k2 = SkipSp(k2 + 3);
        size_t e = NumberAt(k2, false);
        if (e > k2) {
          Add(b, e, MType::kNumber, NumKey("eo", k2, e));
          return e;
        }
      }
      return we;
    }
    if (w == "Local"sv) {
      size_t k = SkipSp(we);
      if (k > we && WordAt(k) == "Law"sv) {
        size_t k2 = SkipSp(k + 3);
        size_t e = NumberAt(k2, false);
        if (e > k2) {
          size_t key_end = e;
          // "of 2014"
          size_t k3 = SkipSp(e);
          if (k3 > e && WordAt(k3) == "of"sv) {
            size_t k4 = SkipSp(k3 + 2);
            size_t y = k4;
            while (y < t_.size() && IsDigit(t_[y])) ++y;
            if (k4 > k3 + 2 && y - k4 == 4) e = y;
          }
          Add(b, e, MType::kNumber, NumKey("localaw", k2, key_end));
          return e;
        }
      }
      return we;
    }
    if (w == "Proposition"sv || w == "Prop"sv || w == "Proposici\xC3\xB3n"sv) {
      size_t k = we;
      if (w == "Prop"sv && k < t_.size() && t_[k] == '.') ++k;
      k = SkipSp(k);
      size_t e = NumberAt(k, false);
      if (e > k) {
        Add(b, e, MType::kNumber, NumKey("prop", k, e));
        return e;
      }
      return we;
    }
    if (w == "Section"sv || w == "Secci\xC3\xB3n"sv) {
      size_t k = SkipSp(we);
      size_t e = NumberAt(k, true);
      // Code sections carry decimals: "Section 1473.7" of a penal code.
      while (e > k && e + 1 < t_.size() && t_[e] == '.' && IsDigit(t_[e + 1])) {
        ++e;
        while (e < t_.size() && IsDigit(t_[e])) ++e;
      }
      if (e > k) {
        AddSectionLike(b, e, t_.substr(k, e - k));
        return e;
      }
      return we;
    }
    if (w == "Title"sv || w == "T\xC3\xADtulo"sv) {
      size_t k = SkipSp(we);
      if (k == we) return we;
      size_t e = WordEnd(t_, k);
      std::string_view num = t_.substr(k, e - k);
      bool digits = !num.empty() && std::all_of(num.begin(), num.end(), [](char c) {
        return IsDigit(c);
      });
      if (IsRoman(num) || (digits && num.size() <= 3)) {
        Add(b, e, MType::kNumber, "title:" + Fold(num));
        return e;
      }
      return we;
    }
    if (w == "Act"sv || w == "Ordinance"sv) {
      // "Act 77 of 2019", "Ordinance No. 2026-14"; "Act 2026" is a year.
      size_t k = SkipSp(we);
      std::string_view num = k > we ? WordAt(k) : std::string_view();
      bool year = num.size() == 4 && (num.compare(0, 2, "19") == 0 || num.compare(0, 2, "20") == 0) &&
                  (k + 4 >= t_.size() || t_[k + 4] != '-');
      if (!year) {
        if (size_t e = DesignatedNumber(w == "Act"sv ? "act" : "ord", b, we, false)) return e;
      }
    }
    if (w == "Act"sv || w == "ACT"sv || w == "Ordinance"sv || w == "ORDINANCE"sv || w == "Code"sv ||
        w == "CODE"sv || w == "Directive"sv) {
      NameEndingAt(b, we);
      return we;
    }
    if (w == "Rights"sv && b >= 8 && t_.substr(b - 8, 8) == "Bill of "sv) {
      size_t bill = b - 8;
      NameEndingAt(bill, we, /*ending_begin=*/bill);
      return we;
    }
    if (w == "Ley"sv || w == "LEY"sv) {
      SpanishName(b, we);
      return we;
    }
    if (AllCaps(w) && w.size() >= 2 && kb_.IsStandalone(w) &&
        (we >= t_.size() || !IsWordByte(t_[we]))) {
      Add(b, we, MType::kAcronym, Fold(w));
      return we;
    }
    return we;
  }

  // Designators of local and state measures followed by a number:
  // "Resolution 55", "Res. 12", "Bill No. 250731", "File No. 23-0456",
  // "Council Bill 26-0147", "Council File 21-0002", "Public Law 117-58",
  // "Measure 110", "Measure J", "Question 4", "Amendment 2", "Initiative 1000".
  // Returns the end of the mention, or 0.
  size_t AtDesignator(std::string_view w, size_t b, size_t we) {
    // Most capitalized words start with none of the designators' letters.
    const char c = w[0];
    if (w.size() < 3 || w.size() > 10 ||
        !(c == 'R' || c == 'B' || c == 'F' || c == 'C' || c == 'P' || c == 'M' || c == 'Q' || c == 'A' ||
          c == 'I')) {
      return 0;
    }
    const char* kind = nullptr;
    bool letter_ok = false;
    size_t k = we;
    if (w == "Resolution"sv) {
      kind = "res";
    } else if (w == "Res"sv && we < t_.size() && t_[we] == '.') {
      kind = "res";
      k = we + 1;
    } else if (w == "Bill"sv || w == "File"sv) {
      // "Bill 12" alone is too weak ("Bill" is a first name): require "No."
      size_t n = SkipSp(we);
      if (n == we || t_.compare(n, 3, "No.") != 0) return 0;
      kind = w == "Bill"sv ? "bill" : "file";
    } else if (w == "Council"sv || w == "Public"sv) {
      size_t n = SkipSp(we);
      std::string_view w2 = n > we ? WordAt(n) : std::string_view();
      if (w == "Council"sv && (w2 == "Bill"sv || w2 == "File"sv)) {
        kind = w2 == "Bill"sv ? "bill" : "file";
      } else if (w == "Public"sv && w2 == "Law"sv) {
        kind = "pl";
      } else {
        return 0;
      }
      k = n + w2.size();
    } else if (w == "Measure"sv) {
      kind = "measure";
      letter_ok = true;
    } else if (w == "Question"sv) {
      kind = "question";
    } else if (w == "Amendment"sv) {
      kind = "amendment";
    } else if (w == "Initiative"sv) {
      kind = "initiative";
    } else {
      return 0;
    }
    return DesignatedNumber(kind, b, k, letter_ok);
  }

  size_t AddBill(const char* kind, size_t b, size_t num_b, size_t num_e) {
    size_t e = num_e;
    Add(b, e, MType::kNumber, NumKey(kind, num_b, num_e));
    // Pair "S.2141/A.3320": the second number is scanned next; the pair
    // itself is a mention too.
    if (e + 2 < t_.size() && t_[e] == '/' && IsUpper(t_[e + 1])) {
      size_t before = mentions_.size();
      size_t we2 = WordEnd(t_, e + 1);
      size_t after = AtCapitalWord(e + 1, we2);
      if (mentions_.size() > before && mentions_.back().type == MType::kNumber &&
          mentions_.back().b == e + 1) {
        Add(b, mentions_.back().e, MType::kPair, "pair:" + Fold(t_.substr(b, mentions_.back().e - b)));
        return after;
      }
    }
    return e;
  }

  // A name ending with the word at [end_word_b, we): walk back over
  // capitalized words and connectors. `ending_begin` is where the ending
  // phrase starts ("Bill of Rights").
  void NameEndingAt(size_t end_word_b, size_t we, size_t ending_begin = SIZE_MAX) {
    if (ending_begin == SIZE_MAX) ending_begin = end_word_b;
    bool caps_ending = AllCaps(t_.substr(end_word_b, we - end_word_b));
    size_t start = ending_begin;
    size_t pos = ending_begin;
    int cap_words = 0;
    for (int guard = 0; guard < 14; ++guard) {
      size_t pe = pos;
      if (pe == 0 || t_[pe - 1] != ' ') break;
      --pe;
      size_t ps;
      if (pe > 0 && t_[pe - 1] == '.') {
        // abbreviations with periods: "U.S."
        ps = pe;
        while (ps > 0 && (IsAsciiAlpha(t_[ps - 1]) || t_[ps - 1] == '.')) --ps;
      } else {
        ps = WordStartBefore(t_, pe);
      }
      if (ps == pe) break;
      std::string_view w = t_.substr(ps, pe - ps);
      // possessive "York’s" / "York's": the name starts after it
      if (w == "s"sv && ps >= 1 && (t_[ps - 1] == '\'' || static_cast<unsigned char>(t_[ps - 1]) == 0x99)) {
        break;
      }
      if (IsUpper(static_cast<unsigned char>(w[0])) || (IsDigit(w[0]) && cap_words > 0)) {
        if (IsNameStopWord(w)) break;
        if (caps_ending && !AllCaps(w)) break;
        start = ps;
        ++cap_words;
        pos = ps;
        continue;
      }
      if (IsConnector(w) && cap_words > 0) {
        pos = ps;
        continue;
      }
      break;
    }
    size_t end = we;
    // "of 1964" after the ending
    {
      size_t k = SkipSp(we);
      if (k > we && t_.substr(k, 3) == "of "sv) {
        size_t y = k + 3;
        size_t d = y;
        while (d < t_.size() && IsDigit(t_[d])) ++d;
        if (d - y == 4 && (d >= t_.size() || !IsWordByte(t_[d]))) end = d;
      }
    }
    // Quoted names may contain "the": “Secure the Border Act”
    {
      size_t lo = start > 90 ? start - 90 : 0;
      for (size_t q = start; q > lo; --q) {
        unsigned char c = t_[q - 1];
        if (c == '\n' || c == '.' || c == '!' || c == '?') break;
        bool open = false;
        size_t qs = q;
        if (c == '"') {
          open = true;
        } else if (c == 0x9C && q >= 3 && static_cast<unsigned char>(t_[q - 2]) == 0x80 &&
                   static_cast<unsigned char>(t_[q - 3]) == 0xE2) {
          open = true;
        } else if (c == 0x9D && q >= 3 && static_cast<unsigned char>(t_[q - 2]) == 0x80) {
          break;  // a closing quote first: not inside quotes
        }
        if (open) {
          if (QuotedNameOk(qs, start)) {
            start = qs;
            cap_words = std::max(cap_words, 1);
          }
          break;
        }
      }
    }
    if (cap_words == 0) {
      // Massachusetts style: "An Act protecting family shelter access"
      if (end_word_b >= 3 && t_.substr(end_word_b - 3, 3) == "An "sv &&
          (end_word_b < 4 || !IsWordByte(t_[end_word_b - 4])) && t_.substr(end_word_b, 3) == "Act"sv) {
        size_t k = SkipSp(we);
        if (k > we && k < t_.size() && IsLower(t_[k])) {
          size_t e = k;
          int words = 0;
          while (e < t_.size() && words < 16) {
            size_t w_end = WordEnd(t_, e);
            if (w_end == e) break;
            ++words;
            e = w_end;
            // continue over "’s", "-", single spaces
            if (e < t_.size() && t_[e] == ' ' && e + 1 < t_.size() && IsWordByte(t_[e + 1])) {
              ++e;
              continue;
            }
            if (e < t_.size() && t_[e] == '-' && e + 1 < t_.size() && IsWordByte(t_[e + 1])) {
              ++e;
              continue;
            }
            break;
          }
          if (words >= 2) {
            size_t b = end_word_b - 3;
            Add(b, e, MType::kName, Fold(t_.substr(b, e - b)));
          }
        }
      }
      return;
    }
    Add(start, end, MType::kName, Fold(t_.substr(start, end - start)));
  }

  bool QuotedNameOk(size_t from, size_t to) const {
    // every word between the quote and the walked-back start is capitalized
    // or a connector / "the"
    size_t i = from;
    if (i >= to) return false;
    while (i < to) {
      if (t_[i] == ' ') {
        ++i;
        continue;
      }
      size_t e = WordEnd(t_, i);
      if (e == i) return false;
      std::string_view w = t_.substr(i, e - i);
      if (!IsUpper(static_cast<unsigned char>(w[0])) && !IsConnector(w) && w != "the"sv) return false;
      i = e;
    }
    return true;
  }

  // "Ley de Libertad de Información", "Ley Laken Riley"
  void SpanishName(size_t b, size_t we) {
    size_t end = we;
    size_t pos = we;
    int caps = 0;
    for (int guard = 0; guard < 12; ++guard) {
      if (pos >= t_.size() || t_[pos] != ' ') break;
      size_t k = pos + 1;
      size_t e = WordEnd(t_, k);
      if (e == k) break;
      std::string_view w = t_.substr(k, e - k);
      if (IsUpper(static_cast<unsigned char>(w[0])) || (static_cast<unsigned char>(w[0]) == 0xC3 &&
                                                        e > k + 1 &&
                                                        static_cast<unsigned char>(w[1]) >= 0x80 &&
                                                        static_cast<unsigned char>(w[1]) <= 0x9E)) {
        ++caps;
        end = e;
        pos = e;
        continue;
      }
      if (IsDigit(w[0]) && caps > 0 && e - k == 4) {  // "de 1964"
        end = e;
        break;
      }
      if (IsSpanishConnector(w) && caps >= 0) {
        pos = e;
        continue;
      }
      break;
    }
    if (caps == 0) return;
    Add(b, end, MType::kName, Fold(t_.substr(b, end - b)));
  }

  // ---- merging

  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

  static bool IsNameType(MType t) { return t == MType::kName || t == MType::kNickname; }
  static bool IsNumberType(MType t) { return t == MType::kNumber || t == MType::kPair; }

  // The text between two neighbouring mentions ties them into one law.
  // Returns 0 no tie, 1 tie, 2 tie where the name is only a nickname.
  int Tie(const Mention& a, const Mention& b) const {
    if (b.b < a.e) return 0;
    std::string_view gap = t_.substr(a.e, b.b - a.e);
    bool names_and_numbers = (IsNameType(a.type) && IsNumberType(b.type)) ||
                             (IsNumberType(a.type) && IsNameType(b.type));
    if (a.type == MType::kNumber && a.key.rfind("title:", 0) == 0 && IsNameType(b.type)) {
      return (gap == " of the "sv || gap == " of "sv) ? 1 : 0;
    }
    if (IsNameType(a.type) && b.type == MType::kAcronym) return gap == " ("sv ? 1 : 0;
    // A name and its translation in parentheses: "Ley Nueva York para Todos
    // (New York for All Act)".
    if (IsNameType(a.type) && IsNameType(b.type) && gap == " ("sv && b.e < t_.size() && t_[b.e] == ')') return 1;
    if (a.key.rfind("section:", 0) == 0 || b.key.rfind("section:", 0) == 0 ||
        b.key.rfind("title:", 0) == 0) {
      return 0;  // "Section 6103 of the Internal Revenue Code" names two things
    }
    if (!names_and_numbers) return 0;
    if (gap == " ("sv || gap == " \xE2\x80\x94 "sv || gap == " \xE2\x80\x93 "sv || gap == " - "sv ||
        gap == " -- "sv || gap == ", "sv || gap == ": "sv || gap == "\xE2\x80\x94"sv || gap == " \xE2\x80\x9C"sv) {
      return 1;
    }
    if (gap.size() > 70 || gap.size() < 2) return 0;
    // ", the ", ", the so-called ", ", a bill known as the “"
    if (gap[0] != ',') return 0;
    bool nickname = false;
    size_t i = 0;
    int words = 0;
    while (i < gap.size()) {
      unsigned char c = gap[i];
      if (IsAsciiAlpha(c)) {
        size_t e = WordEnd(gap, i);
        std::string_view w = gap.substr(i, e - i);
        if (!IsLower(c)) return 0;
        if (w == "known"sv || w == "branded"sv || w == "dubbed"sv || w == "called"sv || w == "nicknamed"sv ||
            w == "titled"sv || w == "named"sv) {
          nickname = w != "called"sv || gap.find("so-called") == std::string_view::npos;
        }
        if (++words > 7) return 0;
        i = e;
        continue;
      }
      if (c == ' ' || c == ',' || c == '-' || c == '"' || c >= 0x80) {
        ++i;
        continue;
      }
      return 0;
    }
    if (gap.find("the") == std::string_view::npos && !nickname) return 0;
    if (words > 2 && !nickname) return 0;
    return nickname ? 2 : 1;
  }

  // Significant words of a folded name, in order.
  static std::vector<std::string_view> Words(const std::string& folded) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < folded.size()) {
      size_t sp = folded.find(' ', i);
      if (sp == std::string::npos) sp = folded.size();
      std::string_view w(folded.data() + i, sp - i);
      if (!IsConnector(w) && w != "the"sv) out.push_back(w);
      i = sp + 1;
    }
    return out;
  }

  // a's words are an ordered subset of b's, with the same last word.
  static bool ShortFormOf(const std::string& a, const std::string& b) {
    if (a.size() >= b.size()) return false;
    auto wa = Words(a), wb = Words(b);
    if (wa.size() < 2 || wa.size() >= wb.size() || wa.back() != wb.back()) return false;
    size_t j = 0;
    for (std::string_view w : wb) {
      if (j < wa.size() && w == wa[j]) ++j;
    }
    return j == wa.size();
  }

  void Merge() {
    const int n = static_cast<int>(mentions_.size());
    parent_.resize(n);
    for (int i = 0; i < n; ++i) parent_[i] = i;
    knowledge_.assign(n, -1);
    // same key; knowledge entries
    std::unordered_map<std::string, int> first_by_key;
    std::unordered_map<int, int> first_by_entry;
    for (int i = 0; i < n; ++i) {
      const Mention& m = mentions_[i];
      auto [it, fresh] = first_by_key.emplace(m.key, i);
      if (!fresh) Union(i, it->second);
      int entry = kb_.Find(Fold(Surface(m)));
      if (entry < 0 && m.type == MType::kAcronym) entry = kb_.Find(m.key);
      knowledge_[i] = entry;
      if (entry >= 0) {
        auto [it2, fresh2] = first_by_entry.emplace(entry, i);
        if (!fresh2) Union(i, it2->second);
      }
    }
    // pairs contain their two numbers
    for (int i = 0; i < n; ++i) {
      if (mentions_[i].type != MType::kPair) continue;
      for (int j = 0; j < n; ++j) {
        if (j != i && mentions_[j].type == MType::kNumber && mentions_[j].b >= mentions_[i].b &&
            mentions_[j].e <= mentions_[i].e) {
          Union(i, j);
        }
      }
    }
    // neighbours tied by the text (skip mentions nested in a pair)
    int prev = -1;
    for (int i = 0; i < n; ++i) {
      if (prev >= 0 && mentions_[i].e <= mentions_[prev].e) continue;  // nested
      if (prev >= 0) {
        int tie = Tie(mentions_[prev], mentions_[i]);
        if (tie > 0) {
          Union(prev, i);
          if (tie == 2) {
            if (IsNameType(mentions_[i].type)) mentions_[i].type = MType::kNickname;
            if (IsNameType(mentions_[prev].type)) mentions_[prev].type = MType::kNickname;
          }
        }
      }
      prev = i;
    }
    // short forms of a longer name
    for (int i = 0; i < n; ++i) {
      if (!IsNameType(mentions_[i].type)) continue;
      for (int j = 0; j < n; ++j) {
        if (i != j && IsNameType(mentions_[j].type) && ShortFormOf(mentions_[i].key, mentions_[j].key)) {
          Union(i, j);
          break;
        }
      }
    }
  }

  std::string_view Surface(const Mention& m) const { return t_.substr(m.b, m.e - m.b); }

  void Emit(std::vector<NamedEntity>* out, std::vector<TextSpan>* spans) {
    const int n = static_cast<int>(mentions_.size());
    if (spans != nullptr) {
      for (const Mention& m : mentions_) spans->push_back(TextSpan{m.b, m.e});
    }
    std::vector<int> order;  // roots in order of first mention
    std::vector<char> seen(n, 0);
    for (int i = 0; i < n; ++i) {
      int r = Find(i);
      if (!seen[r]) {
        seen[r] = 1;
        order.push_back(r);
      }
    }
    for (int r : order) {
      // canonical: knowledge > name (mixed case, longest) > number (longest)
      //            > nickname > acronym
      int best = -1;
      int best_rank = -1;
      size_t best_len = 0;
      int entry = -1;
      for (int i = 0; i < n; ++i) {
        if (Find(i) != r) continue;
        if (knowledge_[i] >= 0 && entry < 0) entry = knowledge_[i];
        const Mention& m = mentions_[i];
        int rank = 0;
        switch (m.type) {
          // An English name outranks its Spanish translation ("Ley ..."),
          // as the guideline names acts in English.
          case MType::kName: {
            std::string_view sv = Surface(m);
            rank = AllCaps(sv) || sv.substr(0, 4) == "Ley "sv ? 3 : 4;
            break;
          }
          case MType::kNumber:
          case MType::kPair: rank = 2; break;
          case MType::kNickname: rank = 1; break;
          case MType::kAcronym: rank = 0; break;
        }
        size_t len = m.e - m.b;
        if (rank > best_rank || (rank == best_rank && len > best_len)) {
          best = i;
          best_rank = rank;
          best_len = len;
        }
      }
      NamedEntity ent;
      ent.name = entry >= 0 ? kb_.Canonical(entry) : std::string(Surface(mentions_[best]));
      std::unordered_set<std::string> keys{Fold(ent.name)};
      for (int i = 0; i < n; ++i) {
        if (Find(i) != r) continue;
        std::string_view s = Surface(mentions_[i]);
        if (keys.insert(Fold(s)).second) ent.aliases.emplace_back(s);
      }
      out->push_back(std::move(ent));
    }
  }

  std::string_view t_;
  const ActKnowledge& kb_;
  std::vector<Mention> mentions_;
  std::vector<int> parent_;
  std::vector<int> knowledge_;
};

}  // namespace

Status ActKnowledge::Load(const KnowledgeFiles& files, const Lexicon&) {
  return files.ForEachRecord("acts.tsv", [this](const std::vector<std::string_view>& f, int) -> Status {
    if (f.empty() || f[0].empty()) return Status::Corruption("empty act name");
    int idx = static_cast<int>(entries_.size());
    entries_.push_back(std::string(f[0]));
    by_key_.emplace(Fold(f[0]), idx);
    for (size_t col = 1; col < f.size() && col <= 2; ++col) {
      std::string_view rest = f[col];
      while (!rest.empty()) {
        size_t bar = rest.find('|');
        std::string_view a = rest.substr(0, bar);
        if (!a.empty()) {
          by_key_.emplace(Fold(a), idx);
          if (col == 2) standalone_.insert(std::string(a));
        }
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
    }
    return Status::OK();
  });
}

int ActKnowledge::Find(const std::string& folded) const {
  auto it = by_key_.find(folded);
  return it == by_key_.end() ? -1 : it->second;
}

void ExtractLegislation(std::string_view text, const ActKnowledge& kb, std::vector<NamedEntity>* out,
                        std::vector<TextSpan>* mention_spans) {
  if (out == nullptr) return;
  LegislationScanner finder(text, kb);
  finder.Run(out, mention_spans);
}

void LegislationFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  ExtractLegislation(doc.text, kb_.acts, &out->legislation, &claims->law_spans);
  NormalizeSpans(&claims->law_spans);
  claims->Take(claims->law_spans);
}

}  // namespace amicus::internal
