// Legislation finder. Three steps:
//  1. MentionScanner reads the text once and collects mentions: bill numbers
//     (typed and keyed, so "SB 4" and "Senate Bill 4" share the key
//     "senate:4"), names ending in Act/Ordinance/Code/Bill of Rights (found by
//     walking back over capitalized words from the ending word), "An Act ..."
//     titles, Spanish "Ley ..." names, amendments by ordinal, constitutions,
//     articles, code citations ("8 U.S.C. 1373"), acronyms in parentheses
//     made of a name's initials and the stand-alone forms of
//     data/knowledge/acts.tsv;
//  2. MentionGroups merges them (union-find) by key, by the ties the text
//     makes between neighbours ("X Act (S.1/A.2)", "H.R. 5, the X Act"), by
//     short forms of a longer name, and by knowledge entries;
//  3. each group becomes one NamedEntity with a canonical name.
// The words the rules look for (bill prefixes, designators, name endings,
// the words a name walk stops at or crosses, ...) are the word classes of
// data/knowledge/words_legislation.tsv (LegislationWords); the code keeps
// punctuation, digits, single capital letters and dotted abbreviations
// ("H.R.", "L.D.") and the key kinds of the rules that own one.
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

bool IsRoman(std::string_view w) {
  if (w.empty() || w.size() > 6) return false;
  for (char c : w) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L') return false;
  }
  return true;
}

// ------------------------------------------------------------ mentions

enum class MType : std::uint8_t { kName, kNickname, kNumber, kPair, kAcronym };

struct Mention {
  size_t b = 0, e = 0;
  MType type = MType::kName;
  std::string key;  // names: folded text; numbers: "senate:4"
};

// Step 1: one pass over the text; every capitalized word is tried against
// the rules in turn (AtCapitalWord), each rule a method that returns where
// the scan goes on, or 0 when the word starts none of its forms.
class MentionScanner {
 public:
  MentionScanner(std::string_view t, const ActKnowledge& kb) : t_(t), kb_(kb), words_(kb.words()) {}
  std::vector<Mention> Scan();

 private:
  void Add(size_t b, size_t e, MType type, std::string key) {
    mentions_.push_back(Mention{b, e, type, std::move(key)});
  }
  void AddSectionLike(size_t b, size_t e, std::string_view number) {
    Add(b, e, MType::kNumber, "section:" + Fold(number));
  }
  size_t AddBill(std::string_view kind, size_t b, size_t num_b, size_t num_e);

  // ---- reading numbers and small tokens
  size_t NumberAt(size_t i, bool allow_paren) const;
  static bool IsAlnumChar(unsigned char c) { return IsDigit(c) || IsAsciiAlpha(c); }
  std::string NumKey(std::string_view kind, size_t b, size_t e) const;
  size_t HyphenNumberAt(size_t i) const;
  size_t DesignatedNumber(std::string_view kind, size_t b, size_t k, bool letter_ok);
  size_t SkipSp(size_t i) const;
  std::string_view WordAt(size_t i) const { return t_.substr(i, WordEnd(t_, i) - i); }
  size_t NumberSignEnd(size_t k) const;
  size_t YearJoinerEnd(size_t k) const;
  size_t YearAfter(size_t e) const;

  // ---- the rules of a capitalized word, in the order they are tried
  size_t AtCapitalWord(size_t b, size_t we);
  size_t ChamberLetterBill(std::string_view w, size_t b, size_t we);
  size_t DottedLawNumber(std::string_view w, size_t b, size_t we);
  size_t PrefixedBill(std::string_view w, size_t b, size_t we);
  size_t ChamberBill(std::string_view w, size_t b, size_t we);
  size_t Introduction(std::string_view w, size_t b, size_t we);
  size_t AtDesignator(std::string_view w, size_t b, size_t we);
  size_t ExecutiveOrder(std::string_view w, size_t b, size_t we);
  size_t LocalLaw(std::string_view w, size_t b, size_t we);
  size_t Proposition(std::string_view w, size_t b, size_t we);
  size_t SectionNumber(std::string_view w, size_t b, size_t we);
  size_t TitleNumber(std::string_view w, size_t b, size_t we);
  size_t NumberedLaw(std::string_view w, size_t b, size_t we);
  size_t NameEnding(std::string_view w, size_t b, size_t we);
  size_t OrdinalLaw(std::string_view w, size_t b, size_t we);
  size_t Constitution(std::string_view w, size_t b, size_t we);
  size_t ArticleNumber(std::string_view w, size_t b, size_t we);
  size_t OfName(size_t b, size_t we);
  size_t KnownPhrase(std::string_view w, size_t b);
  size_t CodeCitation(size_t b, size_t we);
  void AcronymAfter(size_t name_b, size_t name_e);
  void DefinedAcronymsElsewhere();

  // ---- names
  void NameEndingAt(size_t end_word_b, size_t we, size_t ending_begin = SIZE_MAX);
  size_t WalkBackName(size_t end_word_b, size_t we, size_t ending_begin, int* cap_words) const;
  size_t PreviousWordStart(size_t pe) const;
  size_t CrossesArticle(size_t ps, size_t pe) const;
  size_t KnownLongerStart(size_t start, size_t end) const;
  size_t AfterEarlierNumber(size_t start, size_t end) const;
  bool IsNameStopWord(std::string_view w) const;
  bool StopWordInsideName(size_t ps, int cap_words) const;
  size_t QuotedStart(size_t start, size_t end, int* cap_words) const;
  bool ClosingQuoteAt(size_t end) const;
  bool QuotedNameOk(size_t from, size_t to) const;
  void LongTitle(size_t end_word_b, size_t we);
  void SpanishName(size_t b, size_t we);
  size_t SpanishWordEnd(size_t k) const;

  std::string_view t_;
  const ActKnowledge& kb_;
  const LegislationWords& words_;
  std::vector<Mention> mentions_;
  std::vector<size_t> acronyms_;  // mentions_ indices of acronyms defined in parentheses
};

std::vector<Mention> MentionScanner::Scan() {
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
    } else if (IsDigit(c) && we + 1 < n && t_[we] == ' ') {
      next = std::max(we, CodeCitation(i, we));
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
  DefinedAcronymsElsewhere();
  return std::move(mentions_);
}

// ------------------------------------------------- numbers and small tokens

// Digits (and an optional "-YYYY" or "(g)") at i: returns end, or i.
size_t MentionScanner::NumberAt(size_t i, bool allow_paren) const {
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

std::string MentionScanner::NumKey(std::string_view kind, size_t b, size_t e) const {
  // leading zeros dropped: "Int. 0214" == "Int. 214"
  size_t i = b;
  while (i + 1 < e && t_[i] == '0' && IsDigit(t_[i + 1])) ++i;
  return std::string(kind) + ":" + Fold(t_.substr(i, e - i));
}

// "26-0147", "2026-14", "117-58", "19-1124": digits, then up to two
// "-digits" groups; returns the end (or i when no number).
size_t MentionScanner::HyphenNumberAt(size_t i) const {
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
size_t MentionScanner::DesignatedNumber(std::string_view kind, size_t b, size_t k, bool letter_ok) {
  size_t k0 = k;
  k = SkipSp(k);
  if (k == k0) return 0;
  if (size_t sign_end = NumberSignEnd(k); sign_end > k) {
    k = SkipSp(sign_end);
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
  e = YearAfter(e);
  Add(b, e, MType::kNumber, NumKey(kind, k, key_end));
  return e;
}

size_t MentionScanner::SkipSp(size_t i) const {
  if (i < t_.size() && t_[i] == ' ') return i + 1;
  if (i + 1 < t_.size() && static_cast<unsigned char>(t_[i]) == 0xC2 &&
      static_cast<unsigned char>(t_[i + 1]) == 0xA0) {
    return i + 2;
  }
  return i;
}

// After a number sign at k ("No." of legislation.number_sign, period
// included), or k when there is none.
size_t MentionScanner::NumberSignEnd(size_t k) const {
  if (k >= t_.size()) return k;
  const std::string_view w = WordAt(k);
  const size_t p = k + w.size();
  if (w.empty() || p >= t_.size() || t_[p] != '.' || !words_.number_sign->Contains(w)) return k;
  return p + 1;
}

// After a year joiner at k ("of" of legislation.year_joiner), or k.
size_t MentionScanner::YearJoinerEnd(size_t k) const {
  if (k >= t_.size()) return k;
  const std::string_view w = WordAt(k);
  return !w.empty() && words_.year_joiner->Contains(w) ? k + w.size() : k;
}

// " of 2019" after e ("Act 77 of 2019", "Civil Rights Act of 1964"): the
// end of the year, or e.
size_t MentionScanner::YearAfter(size_t e) const {
  const size_t k = SkipSp(e);
  const size_t j = k > e ? YearJoinerEnd(k) : k;
  if (j > k && j < t_.size() && t_[j] == ' ') {
    const size_t y = j + 1;
    size_t d = y;
    while (d < t_.size() && IsDigit(t_[d])) ++d;
    if (d - y == 4 && (d >= t_.size() || !IsWordByte(t_[d]))) return d;
  }
  return e;
}

size_t MentionScanner::AddBill(std::string_view kind, size_t b, size_t num_b, size_t num_e) {
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

// ------------------------------------------------- rules of a capitalized word

// A capitalized word [b, we): bill prefixes, designators, name endings,
// Spanish "Ley", stand-alone acronyms. Returns where the scan goes on.
size_t MentionScanner::AtCapitalWord(size_t b, size_t we) {
  const std::string_view w = t_.substr(b, we - b);
  if (size_t e = ChamberLetterBill(w, b, we)) return e;
  if (size_t e = DottedLawNumber(w, b, we)) return e;
  if (size_t e = PrefixedBill(w, b, we)) return e;
  if (size_t e = KnownPhrase(w, b)) return e;
  // One probe turns away the words that start none of the rules below.
  if (words_.rule_word.Contains(w)) {
    if (size_t e = ChamberBill(w, b, we)) return e;
    if (size_t e = Introduction(w, b, we)) return e;
    if (size_t e = AtDesignator(w, b, we)) return e;
    if (size_t e = ExecutiveOrder(w, b, we)) return e;
    if (size_t e = LocalLaw(w, b, we)) return e;
    if (size_t e = Proposition(w, b, we)) return e;
    if (size_t e = SectionNumber(w, b, we)) return e;
    if (size_t e = TitleNumber(w, b, we)) return e;
    if (size_t e = NumberedLaw(w, b, we)) return e;
    if (size_t e = NameEnding(w, b, we)) return e;
    if (size_t e = OrdinalLaw(w, b, we)) return e;
    if (size_t e = Constitution(w, b, we)) return e;
    if (size_t e = ArticleNumber(w, b, we)) return e;
  }
  // Stand-alone forms of acts.tsv in capitals ("FOIA", "DACA").
  if (AllCaps(w) && w.size() >= 2 && kb_.IsStandalone(w) &&
      (we >= t_.size() || !IsWordByte(t_[we]))) {
    Add(b, we, MType::kAcronym, Fold(w));
    return we;
  }
  return we;
}

// Single-letter chamber prefixes: "S.2141", "A-4013", "H.4521", "S. 1234",
// and the dotted two-letter ones: "H.R. 5521", "S.B. 54", "H.B. 12", "A.B. 60",
// Minnesota "H.F. 12" / "S.F. 34". Letters and dots are the rule's format.
size_t MentionScanner::ChamberLetterBill(std::string_view w, size_t b, size_t we) {
  if (w.size() != 1 || !(w[0] == 'S' || w[0] == 'A' || w[0] == 'H') || we >= t_.size() ||
      !(b == 0 || !IsWordByte(t_[b - 1])) || !(b == 0 || t_[b - 1] != '.')) {
    return 0;
  }
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
    if (e > k && e - k >= 2 && IsDigit(t_[k + 1])) {  // two digits at least: "H-1B" is a visa
      const char* kind = w[0] == 'S' ? "senate" : w[0] == 'A' ? "assembly" : "house";
      return AddBill(kind, b, k, e);
    }
  }
  return we;
}

// Maine "L.D. 1234", "P.L. 117-58".
size_t MentionScanner::DottedLawNumber(std::string_view w, size_t b, size_t we) {
  if ((w == "L"sv || w == "P"sv) && we + 3 < t_.size() && t_[we] == '.' &&
      t_[we + 1] == (w[0] == 'L' ? 'D' : 'L') && t_[we + 2] == '.' && (b == 0 || !IsWordByte(t_[b - 1]))) {
    size_t k = SkipSp(we + 3);
    size_t e = HyphenNumberAt(k);
    if (e > k) return AddBill(w[0] == 'L' ? "ld" : "pl", b, k, e);
    return we;
  }
  return 0;
}

// legislation.bill_prefix before a number: "SB 54", "HB-1500", "LD 1234";
// legislation.glued_bill_prefix glued to it: "SB54", Colorado "HB19-1124"
// (session year, dash, bill number).
size_t MentionScanner::PrefixedBill(std::string_view w, size_t b, size_t we) {
  if (const std::string* kind = words_.bill_prefix->Find(w)) {
    size_t k = we;
    if (k < t_.size() && (t_[k] == ' ' || t_[k] == '-')) ++k;
    size_t e = HyphenNumberAt(k);
    if (e > k) return AddBill(*kind, b, k, e);
    return we;
  }
  if (w.size() > 2 && IsDigit(w[2])) {
    if (const std::string* kind = words_.glued_bill_prefix->Find(w.substr(0, 2))) {
      size_t e = NumberAt(b + 2, false);
      if (e == we) {
        size_t e2 = HyphenNumberAt(b + 2);
        if (e2 > e) e = e2;
        return AddBill(*kind, b, b + 2, e);
      }
      return we;
    }
  }
  return 0;
}

// legislation.chamber + legislation.chamber_bill + number: "Senate Bill 1184",
// "House File No. 12".
size_t MentionScanner::ChamberBill(std::string_view w, size_t b, size_t we) {
  const std::string* kind = words_.chamber->Find(w);
  if (kind == nullptr) return 0;
  size_t k = SkipSp(we);
  std::string_view w2 = WordAt(k);
  if (k > we && words_.chamber_bill->Contains(w2)) {
    size_t k2 = SkipSp(k + w2.size());
    if (k2 > k + w2.size()) {
      if (size_t sign_end = NumberSignEnd(k2); sign_end > k2) k2 = SkipSp(sign_end);
    }
    size_t e = HyphenNumberAt(k2);
    if (e > k2) return AddBill(*kind, b, k2, e);
  }
  return we;
}

// legislation.intro: New York City Council "Int. 0214-2026", "Intro No. 71".
size_t MentionScanner::Introduction(std::string_view w, size_t b, size_t we) {
  if (!words_.intro->Contains(w)) return 0;
  size_t k = we;
  if (k < t_.size() && t_[k] == '.') ++k;
  k = SkipSp(k);
  if (size_t sign_end = NumberSignEnd(k); sign_end > k) k = SkipSp(sign_end);
  size_t e = NumberAt(k, false);
  if (e > k) {
    size_t key_end = e;
    // "Int. 0214-2026": the year suffix belongs to the mention, not the key
    if (e + 4 < t_.size() && t_[e] == '-' && IsDigit(t_[e + 1])) {
      size_t y = e + 1;
      while (y < t_.size() && IsDigit(t_[y])) ++y;
      if (y - e - 1 == 4 || y - e - 1 == 2) e = y;
    }
    Add(b, e, MType::kNumber, NumKey("int", k, key_end));
    return e;
  }
  return we;
}

// Designators of local and state measures followed by a number:
// "Resolution 55", "Res. 12", "Bill No. 250731", "File No. 23-0456",
// "Council Bill 26-0147", "Council File 21-0002", "Public Law 117-58",
// "Measure 110", "Measure J", "Question 4", "Amendment 2", "Initiative 1000"
// (the legislation.designator* classes). Returns the end of the mention, or 0.
size_t MentionScanner::AtDesignator(std::string_view w, size_t b, size_t we) {
  std::string_view kind;
  bool letter_ok = false;
  size_t k = we;
  if (const std::string* d = words_.designator->Find(w)) {
    kind = *d;
    letter_ok = words_.designator_letter->Contains(w);
  } else if (const std::string* a = words_.designator_abbrev->Find(w); a != nullptr && we < t_.size() && t_[we] == '.') {
    kind = *a;
    k = we + 1;
  } else if (const std::string* nd = words_.designator_numbered->Find(w)) {
    // "Bill 12" alone is too weak ("Bill" is a first name): require "No."
    size_t n = SkipSp(we);
    if (n == we || NumberSignEnd(n) == n) return 0;
    kind = *nd;
  } else if (words_.designator_first.Contains(w)) {
    size_t n = SkipSp(we);
    std::string_view w2 = n > we ? WordAt(n) : std::string_view();
    const std::string* two = nullptr;
    for (const LegislationWords::TwoWords& tw : words_.designator_two_word) {
      if (tw.first == w && tw.second == w2) {
        two = &tw.kind;
        break;
      }
    }
    if (two == nullptr) return 0;
    kind = *two;
    k = n + w2.size();
  } else {
    return 0;
  }
  return DesignatedNumber(kind, b, k, letter_ok);
}

// legislation.order_lead + legislation.order_word + number: "Executive Order
// 14159", "Orden Ejecutiva No. 9066".
size_t MentionScanner::ExecutiveOrder(std::string_view w, size_t b, size_t we) {
  if (!words_.order_lead->Contains(w)) return 0;
  size_t k = SkipSp(we);
  std::string_view w2 = WordAt(k);
  if (k > we && words_.order_word->Contains(w2)) {
    size_t k2 = SkipSp(k + w2.size());
    if (size_t sign_end = NumberSignEnd(k2); sign_end > k2) k2 = SkipSp(sign_end);
    size_t e = HyphenNumberAt(k2);  // "Executive Order 25-04" (a state's year-number)
    if (e > k2) {
      Add(b, e, MType::kNumber, NumKey("eo", k2, e));
      return e;
    }
  }
  return we;
}

// legislation.local_law_lead + legislation.local_law_word + number, with an
// optional year: "Local Law 30 of 2017".
size_t MentionScanner::LocalLaw(std::string_view w, size_t b, size_t we) {
  if (!words_.local_law_lead->Contains(w)) return 0;
  size_t k = SkipSp(we);
  std::string_view w2 = k > we ? WordAt(k) : std::string_view();
  if (k > we && words_.local_law_word->Contains(w2)) {
    size_t k2 = SkipSp(k + w2.size());
    size_t e = NumberAt(k2, false);
    if (e > k2) {
      size_t key_end = e;
      // "of 2014"
      size_t k3 = SkipSp(e);
      size_t j = k3 > e ? YearJoinerEnd(k3) : k3;
      if (j > k3) {
        size_t k4 = SkipSp(j);
        size_t y = k4;
        while (y < t_.size() && IsDigit(t_[y])) ++y;
        if (k4 > j && y - k4 == 4) e = y;
      }
      Add(b, e, MType::kNumber, NumKey("localaw", k2, key_end));
      return e;
    }
  }
  return we;
}

// legislation.proposition + number: "Proposition 47", "Prop. 47".
size_t MentionScanner::Proposition(std::string_view w, size_t b, size_t we) {
  if (!words_.proposition->Contains(w)) return 0;
  size_t k = we;
  if (words_.proposition_abbrev->Contains(w) && k < t_.size() && t_[k] == '.') ++k;
  k = SkipSp(k);
  size_t e = NumberAt(k, false);
  if (e > k) {
    Add(b, e, MType::kNumber, NumKey("prop", k, e));
    return e;
  }
  return we;
}

// legislation.section + number: "Section 287(g)", "Section 1983".
size_t MentionScanner::SectionNumber(std::string_view w, size_t b, size_t we) {
  if (!words_.section->Contains(w)) return 0;
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

// legislation.title + Roman or short number: "Title VI", "Title 42".
size_t MentionScanner::TitleNumber(std::string_view w, size_t b, size_t we) {
  if (!words_.title->Contains(w)) return 0;
  size_t k = SkipSp(we);
  if (k == we) return we;
  size_t e = WordEnd(t_, k);
  std::string_view num = t_.substr(k, e - k);
  bool digits = !num.empty() && std::all_of(num.begin(), num.end(), [](char c) { return IsDigit(c); });
  if (IsRoman(num) || (digits && num.size() <= 3)) {
    Add(b, e, MType::kNumber, "title:" + Fold(num));
    return e;
  }
  return we;
}

// legislation.numbered_law + number: "Act 77 of 2019", "Ordinance No.
// 2026-14"; "Act 2026" is a year. Returns 0 when no number follows (the word
// may still end a name).
size_t MentionScanner::NumberedLaw(std::string_view w, size_t b, size_t we) {
  const std::string* kind = words_.numbered_law->Find(w);
  if (kind == nullptr) return 0;
  size_t k = SkipSp(we);
  std::string_view num = k > we ? WordAt(k) : std::string_view();
  bool year = num.size() == 4 && (num.compare(0, 2, "19") == 0 || num.compare(0, 2, "20") == 0) &&
              (k + 4 >= t_.size() || t_[k + 4] != '-');
  if (year) return 0;
  return DesignatedNumber(*kind, b, we, false);
}

// Words that end or start a name: legislation.name_ending ("X Act", "X
// Code"), legislation.phrase_ending ("X Bill of Rights"),
// legislation.spanish_law ("Ley de ..."). Returns we, or 0 for another word.
size_t MentionScanner::NameEnding(std::string_view w, size_t b, size_t we) {
  if (words_.name_ending->Contains(w)) {
    if (words_.of_name_lead->Contains(w)) {
      if (size_t e = OfName(b, we)) return e;
    }
    NameEndingAt(b, we);
    return we;
  }
  if (const std::string* before = words_.phrase_ending.Find(w)) {
    if (b >= before->size() && t_.compare(b - before->size(), before->size(), *before) == 0) {
      size_t phrase = b - before->size();
      NameEndingAt(phrase, we, /*ending_begin=*/phrase);
      return we;
    }
  }
  if (words_.spanish_law->Contains(w)) {
    SpanishName(b, we);
    return we;
  }
  return 0;
}

// ------------------------------------------------------------------ names

// A name ending with the word at [end_word_b, we) ("Fair Hearing for
// Immigrants Act", "Oregon Revised Code of 1999", “Secure the Border Act”):
// walk back over capitalized words and connectors, take a year after it and
// an opening quote before it. `ending_begin` is where the ending phrase
// starts ("Bill of Rights"). With no capitalized word before the ending, the
// name may be a Massachusetts-style title ("An Act protecting ...").
void MentionScanner::NameEndingAt(size_t end_word_b, size_t we, size_t ending_begin) {
  if (ending_begin == SIZE_MAX) ending_begin = end_word_b;
  int cap_words = 0;
  size_t start = WalkBackName(end_word_b, we, ending_begin, &cap_words);
  // "of 1964" after the ending
  const size_t end = YearAfter(we);
  start = QuotedStart(start, end, &cap_words);
  if (cap_words == 0) {
    LongTitle(end_word_b, we);
    return;
  }
  start = AfterEarlierNumber(KnownLongerStart(start, end), end);
  // "My X Act": a possessive determiner first is no part of the name
  if (const size_t we0 = WordEnd(t_, start); we0 < ending_begin && t_[we0] == ' ' &&
                                             words_.name_lead_drop->Contains(t_.substr(start, we0 - start))) {
    start = we0 + 1;
  }
  if (start >= ending_begin) return;
  Add(start, end, MType::kName, Fold(t_.substr(start, end - start)));
  AcronymAfter(start, end);
}

// The start of the word that ends at pe (a space follows it): "U.S."
// abbreviations with their periods, hyphened words whole, "9/11" with its slash.
size_t MentionScanner::PreviousWordStart(size_t pe) const {
  size_t ps;
  if (pe > 0 && t_[pe - 1] == '.') {
    ps = pe;
    while (ps > 0 && (IsAsciiAlpha(t_[ps - 1]) || t_[ps - 1] == '.')) --ps;
    return ps;
  }
  ps = WordStartBefore(t_, pe);
  // capitalized hyphened words are one word: "Origin-Based", "Re-Entry"
  while (ps >= 2 && ps < pe && IsUpper(t_[ps]) && t_[ps - 1] == '-' && IsWordByte(t_[ps - 2])) {
    ps = WordStartBefore(t_, ps - 1);
  }
  // "9/11", "24/7": digits joined by a slash are one word
  if (ps < pe && IsDigit(t_[ps]) && ps >= 2 && t_[ps - 1] == '/' && IsDigit(t_[ps - 2])) {
    ps -= 1;
    while (ps > 0 && IsDigit(t_[ps - 1])) --ps;
  }
  return ps;
}

// A lower-case article at [ps, pe) inside a name (returns the start of the
// connector before it, or 0): a legislation.article_crossing
// connector before it and a capitalized word before that, which does not
// begin a sentence and is no law word ("Fight for the American Dream Act",
// "Security at the Southern Border Act"; not "Supporters of the Dream Act",
// "Fourth Amendment to the U.S. Constitution").
size_t MentionScanner::CrossesArticle(size_t ps, size_t pe) const {
  if (!words_.article->Contains(t_.substr(ps, pe - ps)) || ps < 2 || t_[ps - 1] != ' ') return 0;
  const size_t cs = WordStartBefore(t_, ps - 1);
  if (cs == ps - 1 || !words_.article_crossing->Contains(t_.substr(cs, ps - 1 - cs))) return 0;
  if (cs < 2 || t_[cs - 1] != ' ') return 0;
  const size_t ws = WordStartBefore(t_, cs - 1);
  const std::string_view cap = t_.substr(ws, cs - 1 - ws);
  // not a law word: "Tenth Amendment to the U.S. Constitution" names two
  if (ws == cs - 1 || !IsUpper(static_cast<unsigned char>(t_[ws])) || IsNameStopWord(cap) || words_.rule_word.Contains(cap)) {
    return 0;
  }
  // the capitalized word follows a word or a comma, not a sentence end
  return ws >= 2 && t_[ws - 1] == ' ' && (IsWordByte(t_[ws - 2]) || t_[ws - 2] == ',') ? cs : 0;
}

// A longer name of acts.tsv that ends at `end` and starts up to 6 words
// before `start` (past the words and possessives that stop a walk: "Build
// Back Better Act", "Children's Health ... Act"); returns its start, or `start`.
size_t MentionScanner::KnownLongerStart(size_t start, size_t end) const {
  size_t best = start;
  size_t pos = start;
  for (int words = 0; words < 6; ++words) {
    if (pos < 2 || t_[pos - 1] != ' ') break;
    size_t ps = PreviousWordStart(pos - 1);
    if (ps == pos - 1) break;
    // a possessive: "Children's Health Insurance Program ..."
    if (pos - 1 - ps == 1 && t_[ps] == 's' && ps >= 2 && t_[ps - 1] == '\'') ps = WordStartBefore(t_, ps - 1);
    if (pos - 1 - ps == 1 && t_[ps] == 's' && ps >= 4 && t_.compare(ps - 3, 3, "\xE2\x80\x99") == 0) {
      ps = WordStartBefore(t_, ps - 3);
    }
    pos = ps;
    if (kb_.Find(Fold(t_.substr(pos, end - pos))) >= 0) best = pos;
  }
  return best;
}

// A bill number the scan already read may stand right before a name ("S. 1234
// Dream Act"): the name starts after it.
size_t MentionScanner::AfterEarlierNumber(size_t start, size_t end) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend() && it->e > start; ++it) {
    if (it->b >= start && it->e < end && (it->type == MType::kNumber || it->type == MType::kPair)) {
      size_t k = it->e;
      while (k < end && (t_[k] == ' ' || t_[k] == ',')) ++k;
      return k;
    }
  }
  return start;
}

// The start of the capitalized words and legislation.connector words before
// the ending (at most 14 words; an all-capitals ending takes only
// all-capitals words); counts the capitalized ones in *cap_words.
size_t MentionScanner::WalkBackName(size_t end_word_b, size_t we, size_t ending_begin, int* cap_words) const {
  bool caps_ending = AllCaps(t_.substr(end_word_b, we - end_word_b));
  size_t start = ending_begin;
  size_t pos = ending_begin;
  for (int guard = 0; guard < 14; ++guard) {
    size_t pe = pos;
    if (pe == 0 || t_[pe - 1] != ' ') break;
    --pe;
    const size_t ps = PreviousWordStart(pe);
    if (ps == pe) break;
    std::string_view w = t_.substr(ps, pe - ps);
    // possessive "York’s" / "York's": the name starts after it
    if (w == "s"sv && ps >= 1 && (t_[ps - 1] == '\'' || static_cast<unsigned char>(t_[ps - 1]) == 0x99)) {
      break;
    }
    if (IsUpper(static_cast<unsigned char>(w[0])) || (IsDigit(w[0]) && *cap_words > 0)) {
      if (IsNameStopWord(w) && !StopWordInsideName(ps, *cap_words)) break;
      if (caps_ending && !AllCaps(w)) break;
      start = ps;
      ++*cap_words;
      pos = ps;
      continue;
    }
    if (words_.connector->Contains(w) && *cap_words > 0) {
      pos = ps;
      continue;
    }
    if (const size_t connector = *cap_words > 0 ? CrossesArticle(ps, pe) : 0) {
      pos = connector;  // "for the", "at the"
      continue;
    }
    break;
  }
  return start;
}

// A stop word right before the ending, after another capitalized word, is a
// name word ("Health Insurance Program Reauthorization Act").
bool MentionScanner::StopWordInsideName(size_t ps, int cap_words) const {
  if (cap_words > 0 || ps < 2 || t_[ps - 1] != ' ') return false;
  const size_t qs = PreviousWordStart(ps - 1);
  if (qs == ps - 1 || !IsUpper(static_cast<unsigned char>(t_[qs]))) return false;
  return !IsNameStopWord(t_.substr(qs, ps - 1 - qs));
}

// Capitalized words that end a walk back from "Act" (legislation.name_stop):
// determiners and the verbs/nouns of headlines ("Senate Passes X Act",
// "Passage of X Act"), also with a final "s" / "es".
bool MentionScanner::IsNameStopWord(std::string_view w) const {
  const StringSet& stops = *words_.name_stop;
  const std::string l = Fold(w);
  if (stops.Contains(l)) return true;
  // plural / third person: "Passes", "Backs", "Urges"
  if (l.size() > 3 && l.back() == 's') {
    const std::string_view base(l.data(), l.size() - 1);
    if (stops.Contains(base)) return true;
    if (base.size() > 2 && base.back() == 'e' && stops.Contains(base.substr(0, base.size() - 1))) {
      return true;
    }
  }
  return false;
}

// Quoted names may contain "the": “Secure the Border Act”. When an opening
// quote (within 90 bytes, same sentence) starts a run of name words up to
// `start`, the name starts at the quote; returns the start.
size_t MentionScanner::QuotedStart(size_t start, size_t end, int* cap_words) const {
  if (!ClosingQuoteAt(end)) return start;
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
        *cap_words = std::max(*cap_words, 1);
        return qs;
      }
      break;
    }
  }
  return start;
}

// A closing quote at `end`, maybe after a comma or period (“... Act,”).
bool MentionScanner::ClosingQuoteAt(size_t end) const {
  if (end < t_.size() && (t_[end] == ',' || t_[end] == '.')) ++end;
  if (end < t_.size() && t_[end] == '"') return true;
  return end + 2 < t_.size() && static_cast<unsigned char>(t_[end]) == 0xE2 &&
         static_cast<unsigned char>(t_[end + 1]) == 0x80 && static_cast<unsigned char>(t_[end + 2]) == 0x9D;
}

bool MentionScanner::QuotedNameOk(size_t from, size_t to) const {
  // every word between the quote and the walked-back start is capitalized
  // or a connector / article
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
    if (!IsUpper(static_cast<unsigned char>(w[0])) && !words_.connector->Contains(w) &&
        !words_.article->Contains(w)) {
      return false;
    }
    i = e;
  }
  return true;
}

// Massachusetts style (legislation.long_title): "An Act protecting family
// shelter access": the phrase, then 2 to 16 lower-case words joined by single
// spaces or hyphens.
void MentionScanner::LongTitle(size_t end_word_b, size_t we) {
  for (const auto& [lead, word] : words_.long_title) {
    if (end_word_b < lead.size() + 1) continue;
    const size_t b = end_word_b - lead.size() - 1;
    if (t_.compare(b, lead.size(), lead) != 0 || t_[end_word_b - 1] != ' ' ||
        (b >= 1 && IsWordByte(t_[b - 1])) || t_.compare(end_word_b, word.size(), word) != 0) {
      continue;
    }
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
      if (words >= 2) Add(b, e, MType::kName, Fold(t_.substr(b, e - b)));
    }
    return;
  }
}

// A Spanish name after legislation.spanish_law: capitalized words (hyphened
// ones whole: "Re-inversión") and legislation.spanish_connector words, a
// number right after a capitalized word ("Ley Número 38") or a year ("de
// 1964"), one lower-case word between capitalized ones ("Ley de Costos más
// Bajos"); a legislation.spanish_name_break word before a
// legislation.spanish_article ends it ("... Americanos y el Presidente").
// A longest start of the name that acts.tsv knows wins.
void MentionScanner::SpanishName(size_t b, size_t we) {
  size_t end = we, pos = we, known_end = 0;
  int caps = 0;
  for (int guard = 0; guard < 14; ++guard) {
    if (pos >= t_.size() || t_[pos] != ' ') break;
    const size_t k = pos + 1;
    const size_t e = SpanishWordEnd(k);
    if (e == k) break;
    const std::string_view w = t_.substr(k, e - k);
    const unsigned char c0 = w[0];
    if (IsUpper(c0) || (c0 == 0xC3 && e > k + 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
                        static_cast<unsigned char>(w[1]) <= 0x9E)) {
      ++caps;
      end = pos = e;
      if (kb_.Find(Fold(t_.substr(b, end - b))) >= 0) known_end = end;
      continue;
    }
    if (IsDigit(c0)) {
      if (caps > 0 && (pos == end || e - k == 4)) end = e;  // "Número 38", "de 1964"
      break;
    }
    const size_t next = e + 1;
    if (words_.spanish_name_break->Contains(w) && next < t_.size() && t_[e] == ' ' &&
        words_.spanish_article->Contains(WordAt(next))) {
      break;
    }
    if (words_.spanish_connector->Contains(w)) {
      pos = e;
      continue;
    }
    // one lower-case word between capitalized words
    if (caps > 0 && pos == end && next < t_.size() && t_[e] == ' ' && IsUpper(static_cast<unsigned char>(t_[next]))) {
      pos = e;
      continue;
    }
    break;
  }
  if (caps == 0) return;
  if (known_end > 0) end = known_end;
  Add(b, end, MType::kName, Fold(t_.substr(b, end - b)));
  AcronymAfter(b, end);
}

// The end of a word and the words hyphened to it ("Re-inversión").
size_t MentionScanner::SpanishWordEnd(size_t k) const {
  size_t e = WordEnd(t_, k);
  while (e > k && e + 1 < t_.size() && t_[e] == '-' && IsWordByte(t_[e + 1])) e = WordEnd(t_, e + 1);
  return e;
}

// legislation.ordinal_law after an ordinal: "Fourteenth Amendment", "14th
// Amendment", "Twenty-Sixth Amendment", "Decimocuarta Enmienda" (legislation.ordinal,
// or digits with a legislation.ordinal_suffix). Keyed by the number, so the
// forms of one amendment merge.
size_t MentionScanner::OrdinalLaw(std::string_view w, size_t b, size_t we) {
  if (!words_.ordinal_law->Contains(w) || b < 2 || t_[b - 1] != ' ') return 0;
  size_t ps = WordStartBefore(t_, b - 1);
  if (ps >= 2 && t_[ps - 1] == '-' && IsWordByte(t_[ps - 2])) ps = WordStartBefore(t_, ps - 1);  // "Twenty-Sixth"
  const std::string_view ord = t_.substr(ps, b - 1 - ps);
  std::string number;
  if (const std::string* n = words_.ordinal->Find(ord)) {
    number = *n;
  } else {
    size_t d = 0;
    while (d < ord.size() && IsDigit(ord[d])) ++d;
    if (d == 0 || d > 2 || !words_.ordinal_suffix->Contains(ord.substr(d))) return 0;
    number = std::string(ord.substr(0, d));
  }
  Add(ps, we, MType::kName, "ordinal_law:" + number);
  return we;
}

// legislation.constitution: "U.S. Constitution", "Minnesota Constitution",
// "the Constitution" (walked back like a name; acts.tsv names the federal
// one); "Constitution of the United States" when acts.tsv knows it. Not
// before a capitalized word ("Constitution Avenue").
size_t MentionScanner::Constitution(std::string_view w, size_t b, size_t we) {
  if (!words_.constitution->Contains(w)) return 0;
  const size_t k = SkipSp(we);
  if (k > we && k < t_.size() && IsUpper(static_cast<unsigned char>(t_[k]))) return we;
  int cap_words = 0;
  size_t start = KnownLongerStart(WalkBackName(b, we, b, &cap_words), we);
  size_t end = we;
  if (start == b) {
    // "Constitution of the United States": up to 5 words more, when known
    size_t pos = we;
    for (int words = 0; words < 5 && pos < t_.size() && t_[pos] == ' '; ++words) {
      const size_t e = WordEnd(t_, pos + 1);
      if (e <= pos + 1) break;
      pos = e;
      if (kb_.Find(Fold(t_.substr(b, pos - b))) >= 0) end = pos;
    }
  }
  Add(start, end, MType::kName, Fold(t_.substr(start, end - start)));
  return end;
}

// legislation.article_designator + Roman numeral, and ", section N"
// (legislation.article_section): "Article I, section 10", "Article III".
size_t MentionScanner::ArticleNumber(std::string_view w, size_t b, size_t we) {
  if (!words_.article_designator->Contains(w)) return 0;
  const size_t k = SkipSp(we);
  const std::string_view num = k > we ? WordAt(k) : std::string_view();
  if (!IsRoman(num) || (k + num.size() < t_.size() && IsWordByte(t_[k + num.size()]))) return we;
  size_t e = k + num.size();
  size_t s = e < t_.size() && t_[e] == ',' ? e + 1 : e;
  s = SkipSp(s);
  const std::string_view sec = s > e ? WordAt(s) : std::string_view();
  if (!sec.empty() && words_.article_section->Contains(sec)) {
    const size_t n = SkipSp(s + sec.size());
    const size_t ne = NumberAt(n, true);
    if (n > s + sec.size() && ne > n) e = ne;
  }
  Add(b, e, MType::kNumber, "article:" + Fold(t_.substr(k, e - k)));
  return e;
}

// legislation.of_name_lead + "of" + capitalized words: "Treaty of Guadalupe
// Hidalgo". Returns the end, or 0.
size_t MentionScanner::OfName(size_t b, size_t we) {
  size_t k = SkipSp(we);
  if (k == we || YearJoinerEnd(k) == k) return 0;
  size_t pos = YearJoinerEnd(k), end = 0;
  for (int words = 0; words < 5 && pos < t_.size() && t_[pos] == ' '; ++words) {
    const size_t e = WordEnd(t_, pos + 1);
    if (e == pos + 1 || !IsUpper(static_cast<unsigned char>(t_[pos + 1]))) break;
    end = pos = e;
  }
  if (end == 0) return 0;
  Add(b, end, MType::kName, Fold(t_.substr(b, end - b)));
  return end;
}

// A stand-alone form of several words from acts.tsv at a capitalized word
// ("American Rescue Plan"), not when a capitalized word follows (a longer
// name the other rules read). Returns the end, or 0.
size_t MentionScanner::KnownPhrase(std::string_view w, size_t b) {
  const std::vector<std::string>* phrases = kb_.PhrasesStartingWith(w);
  if (phrases == nullptr) return 0;
  for (const std::string& p : *phrases) {
    const size_t e = b + p.size();
    if (t_.compare(b, p.size(), p) != 0 || (e < t_.size() && IsWordByte(t_[e]))) continue;
    const size_t k = SkipSp(e);
    if (k > e && k < t_.size() && IsUpper(static_cast<unsigned char>(t_[k]))) continue;
    Add(b, e, MType::kName, Fold(p));
    AcronymAfter(b, e);
    return e;
  }
  return 0;
}

// A code citation at a number [b, we): title, legislation.code_abbrev, an
// optional legislation.section_sign, section: "8 U.S.C. 1373", "8 U.S.C.
// § 1357(g)", "8 CFR 287.7". Returns the end, or 0.
size_t MentionScanner::CodeCitation(size_t b, size_t we) {
  if (we - b > 3 || t_[we] != ' ' || !std::all_of(t_.begin() + b, t_.begin() + we, [](char c) { return IsDigit(c); })) {
    return 0;
  }
  const size_t k = we + 1;
  size_t ke = k;
  while (ke < t_.size() && (IsAsciiAlpha(t_[ke]) || t_[ke] == '.')) ++ke;
  const std::string* kind = ke > k ? words_.code_abbrev->Find(t_.substr(k, ke - k)) : nullptr;
  if (kind == nullptr) return 0;
  size_t n = SkipSp(ke);
  for (const std::string& sign : *words_.section_sign) {
    if (t_.compare(n, sign.size(), sign) == 0) {
      n = SkipSp(n + sign.size());
      break;
    }
  }
  size_t e = NumberAt(n, true);
  while (e > n && e + 1 < t_.size() && t_[e] == '.' && IsDigit(t_[e + 1])) {  // "287.7"
    ++e;
    while (e < t_.size() && IsDigit(t_[e])) ++e;
  }
  if (e == n) return 0;
  Add(b, e, MType::kNumber, *kind + ":" + std::string(t_.substr(b, we - b)) + ":" + Fold(t_.substr(n, e - n)));
  return e;
}

// An acronym in parentheses right after a name, made of the initials of its
// capitalized words ("National Defense Authorization Act (NDAA)", "Voting
// Rights Act of 1965 (VRA)"); its later uses are found at the end of the scan.
void MentionScanner::AcronymAfter(size_t name_b, size_t name_e) {
  if (name_e + 4 >= t_.size() || t_[name_e] != ' ' || t_[name_e + 1] != '(') return;
  const size_t a = name_e + 2;
  size_t ae = a;
  while (ae < t_.size() && IsUpper(t_[ae])) ++ae;
  if (ae - a < 2 || ae - a > 8 || ae >= t_.size() || t_[ae] != ')') return;
  std::string initials;
  for (size_t i = name_b; i < name_e; i = WordEnd(t_, i)) {
    while (i < name_e && !IsWordByte(t_[i])) ++i;
    if (i < name_e && IsUpper(t_[i])) initials.push_back(t_[i]);
    if (i >= name_e) break;
  }
  if (t_.substr(a, ae - a) != initials) return;
  acronyms_.push_back(mentions_.size());
  Add(a, ae, MType::kAcronym, Fold(t_.substr(a, ae - a)));
}

// The later uses of the acronyms defined in parentheses.
void MentionScanner::DefinedAcronymsElsewhere() {
  for (const size_t idx : acronyms_) {
    const Mention def = mentions_[idx];
    const std::string_view acro = t_.substr(def.b, def.e - def.b);
    for (size_t p = t_.find(acro); p != std::string_view::npos; p = t_.find(acro, p + 1)) {
      const size_t e = p + acro.size();
      if (p == def.b || (p > 0 && IsWordByte(t_[p - 1])) || (e < t_.size() && IsWordByte(t_[e]))) continue;
      Add(p, e, MType::kAcronym, def.key);
    }
  }
}

// ---------------------------------------------------------------- merging

// Steps 2 and 3: the mentions (sorted, no exact duplicates) grouped into
// laws by union-find, each group emitted as one entity.
class MentionGroups {
 public:
  MentionGroups(std::string_view t, const ActKnowledge& kb, std::vector<Mention> mentions)
      : t_(t), kb_(kb), words_(kb.words()), mentions_(std::move(mentions)) {}
  void Merge();
  void Emit(std::vector<NamedEntity>* out, std::vector<TextSpan>* spans);

 private:
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
  std::string_view Surface(const Mention& m) const { return t_.substr(m.b, m.e - m.b); }

  void MergeByKeyAndKnowledge();
  void MergePairs();
  void MergeNeighbours();
  void MergeShortForms();
  int Tie(const Mention& a, const Mention& b) const;
  bool IsTitleOfGap(std::string_view gap) const;
  int CommaTie(std::string_view gap) const;
  std::vector<std::string_view> Words(const std::string& folded) const;
  bool ShortFormOf(const std::string& a, const std::string& b) const;
  int BestMention(int root, int* entry);
  int Rank(const Mention& m) const;

  std::string_view t_;
  const ActKnowledge& kb_;
  const LegislationWords& words_;
  std::vector<Mention> mentions_;
  std::vector<int> parent_;
  std::vector<int> knowledge_;
};

void MentionGroups::Merge() {
  const int n = static_cast<int>(mentions_.size());
  parent_.resize(n);
  for (int i = 0; i < n; ++i) parent_[i] = i;
  knowledge_.assign(n, -1);
  MergeByKeyAndKnowledge();
  MergePairs();
  MergeNeighbours();
  MergeShortForms();
}

// Same key; same knowledge entry (acts.tsv name, alias or stand-alone form).
void MentionGroups::MergeByKeyAndKnowledge() {
  const int n = static_cast<int>(mentions_.size());
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
}

// Pairs ("S.2141/A.3320") contain their two numbers.
void MentionGroups::MergePairs() {
  const int n = static_cast<int>(mentions_.size());
  for (int i = 0; i < n; ++i) {
    if (mentions_[i].type != MType::kPair) continue;
    for (int j = 0; j < n; ++j) {
      if (j != i && mentions_[j].type == MType::kNumber && mentions_[j].b >= mentions_[i].b &&
          mentions_[j].e <= mentions_[i].e) {
        Union(i, j);
      }
    }
  }
}

// Neighbours tied by the text (skip mentions nested in a pair).
void MentionGroups::MergeNeighbours() {
  const int n = static_cast<int>(mentions_.size());
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
}

// Short forms of a longer name ("the Dignity Act" of the "Dignity for
// Detained Immigrants Act").
void MentionGroups::MergeShortForms() {
  const int n = static_cast<int>(mentions_.size());
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

// The text between two neighbouring mentions ties them into one law.
// Returns 0 no tie, 1 tie, 2 tie where the name is only a nickname.
int MentionGroups::Tie(const Mention& a, const Mention& b) const {
  if (b.b < a.e) return 0;
  std::string_view gap = t_.substr(a.e, b.b - a.e);
  bool names_and_numbers = (IsNameType(a.type) && IsNumberType(b.type)) ||
                           (IsNumberType(a.type) && IsNameType(b.type));
  // "Title VII of the Civil Rights Act"
  if (a.type == MType::kNumber && a.key.rfind("title:", 0) == 0 && IsNameType(b.type)) {
    return IsTitleOfGap(gap) ? 1 : 0;
  }
  // "Freedom of Information Act (FOIA)"
  if (IsNameType(a.type) && b.type == MType::kAcronym) return gap == " ("sv ? 1 : 0;
  // A name and its translation in parentheses: "Ley Nueva York para Todos
  // (New York for All Act)".
  if (IsNameType(a.type) && IsNameType(b.type) && gap == " ("sv && b.e < t_.size() && t_[b.e] == ')') return 1;
  if (a.key.rfind("section:", 0) == 0 || b.key.rfind("section:", 0) == 0 ||
      a.key.rfind("article:", 0) == 0 || b.key.rfind("article:", 0) == 0 || b.key.rfind("title:", 0) == 0) {
    return 0;  // "Section 6103 of the Internal Revenue Code" names two things
  }
  if (!names_and_numbers) return 0;
  // "X Act (S.1)", "X Act — H.B. 5", "S. 1: X Act", "H.R. 5 “X Act”"
  // ... and a number right before a name ("H.R. 5376 Build Back Better Act")
  if (gap == " "sv) return 1;
  if (gap == " ("sv || gap == " \xE2\x80\x94 "sv || gap == " \xE2\x80\x93 "sv || gap == " - "sv ||
      gap == " -- "sv || gap == ", "sv || gap == ": "sv || gap == "\xE2\x80\x94"sv || gap == " \xE2\x80\x9C"sv) {
    return 1;
  }
  return CommaTie(gap);
}

// " of the " / " of " (legislation.title_of between spaces).
bool MentionGroups::IsTitleOfGap(std::string_view gap) const {
  return gap.size() >= 2 && gap.front() == ' ' && gap.back() == ' ' &&
         words_.title_of->Contains(gap.substr(1, gap.size() - 2));
}

// ", the ", ", the so-called ", ", a bill known as the “": a comma, then at
// most 7 lower-case words; an article (legislation.article) ties, and so
// does a legislation.nickname_verb, making the name a nickname (unless the
// legislation.nickname_unless phrase is there too: "so-called").
int MentionGroups::CommaTie(std::string_view gap) const {
  if (gap.size() > 70 || gap.size() < 2) return 0;
  if (gap[0] != ',') return 0;
  bool nickname = false;
  size_t i = 0;
  int words = 0;
  while (i < gap.size()) {
    unsigned char c = gap[i];
    if (IsAsciiAlpha(c)) {
      size_t e = WordEnd(gap, i);
      std::string_view w = gap.substr(i, e - i);
      if (!IsLower(c) && !words_.article->Contains(Fold(w))) return 0;  // ", The X Act" 
      if (words_.nickname_verb->Contains(w)) {
        const std::string* unless = words_.nickname_unless->Find(w);
        nickname = unless == nullptr || gap.find(*unless) == std::string_view::npos;
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
  bool article = false;
  const std::string folded = Fold(gap);
  for (const std::string& a : *words_.article_list) {
    if (folded.find(a) != std::string::npos) article = true;
  }
  if (!article && !nickname) return 0;
  if (words > 2 && !nickname) return 0;
  return nickname ? 2 : 1;
}

// Significant words of a folded name, in order (no connector, no article).
std::vector<std::string_view> MentionGroups::Words(const std::string& folded) const {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < folded.size()) {
    size_t sp = folded.find(' ', i);
    if (sp == std::string::npos) sp = folded.size();
    std::string_view w(folded.data() + i, sp - i);
    if (!words_.connector->Contains(w) && !words_.article->Contains(w)) out.push_back(w);
    i = sp + 1;
  }
  return out;
}

// a's words are an ordered subset of b's, with the same last word.
bool MentionGroups::ShortFormOf(const std::string& a, const std::string& b) const {
  if (a.size() >= b.size()) return false;
  auto wa = Words(a), wb = Words(b);
  if (wa.size() < 2 || wa.size() >= wb.size() || wa.back() != wb.back()) return false;
  size_t j = 0;
  for (std::string_view w : wb) {
    if (j < wa.size() && w == wa[j]) ++j;
  }
  return j == wa.size();
}

// ---------------------------------------------------------------- emitting

// canonical: knowledge > name (mixed case, longest) > number (longest)
//            > nickname > acronym
int MentionGroups::Rank(const Mention& m) const {
  switch (m.type) {
    // An English name outranks its Spanish translation ("Ley ...",
    // legislation.translation_lead), as the guideline names acts in English.
    case MType::kName: {
      std::string_view sv = Surface(m);
      const size_t sp = sv.find(' ');
      const bool translation = sp != std::string_view::npos && words_.translation_lead->Contains(sv.substr(0, sp));
      return AllCaps(sv) || translation ? 3 : 4;
    }
    case MType::kNumber:
    case MType::kPair: return 2;
    case MType::kNickname: return 1;
    case MType::kAcronym: return 0;
  }
  return 0;
}

// The best-ranked (then longest) mention of the group `root`; the group's
// first knowledge entry in *entry (-1 when none).
int MentionGroups::BestMention(int root, int* entry) {
  const int n = static_cast<int>(mentions_.size());
  int best = -1;
  int best_rank = -1;
  size_t best_len = 0;
  *entry = -1;
  for (int i = 0; i < n; ++i) {
    if (Find(i) != root) continue;
    if (knowledge_[i] >= 0 && *entry < 0) *entry = knowledge_[i];
    const Mention& m = mentions_[i];
    int rank = Rank(m);
    size_t len = m.e - m.b;
    if (rank > best_rank || (rank == best_rank && len > best_len)) {
      best = i;
      best_rank = rank;
      best_len = len;
    }
  }
  return best;
}

void MentionGroups::Emit(std::vector<NamedEntity>* out, std::vector<TextSpan>* spans) {
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
    int entry = -1;
    const int best = BestMention(r, &entry);
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

}  // namespace

Status LegislationWords::Load(const Lexicon& lexicon) {
  Status s = ResolveClasses(lexicon);
  if (s.ok()) s = SplitPhrases(lexicon);
  if (s.ok()) s = CollectRuleWords(lexicon);
  return s;
}

// Each class resolved once; a class missing from the knowledge fails the load.
Status LegislationWords::ResolveClasses(const Lexicon& lexicon) {
  Status s;
  auto words = [&](const char* name, const StringSet** out) {
    if (s.ok()) s = lexicon.Words(name, out);
  };
  auto map = [&](const char* name, const StringTable<std::string>** out) {
    if (s.ok()) s = lexicon.Map(name, out);
  };
  map("legislation.bill_prefix", &bill_prefix);
  map("legislation.glued_bill_prefix", &glued_bill_prefix);
  map("legislation.chamber", &chamber);
  words("legislation.chamber_bill", &chamber_bill);
  words("legislation.number_sign", &number_sign);
  words("legislation.year_joiner", &year_joiner);
  words("legislation.intro", &intro);
  map("legislation.designator", &designator);
  words("legislation.designator_letter", &designator_letter);
  map("legislation.designator_abbrev", &designator_abbrev);
  map("legislation.designator_numbered", &designator_numbered);
  words("legislation.order_lead", &order_lead);
  words("legislation.order_word", &order_word);
  words("legislation.local_law_lead", &local_law_lead);
  words("legislation.local_law_word", &local_law_word);
  words("legislation.proposition", &proposition);
  words("legislation.proposition_abbrev", &proposition_abbrev);
  words("legislation.section", &section);
  words("legislation.title", &title);
  map("legislation.numbered_law", &numbered_law);
  words("legislation.name_ending", &name_ending);
  words("legislation.spanish_law", &spanish_law);
  words("legislation.translation_lead", &translation_lead);
  words("legislation.name_stop", &name_stop);
  words("legislation.connector", &connector);
  words("legislation.spanish_connector", &spanish_connector);
  words("legislation.article", &article);
  if (s.ok()) s = lexicon.List("legislation.article", &article_list);
  words("legislation.title_of", &title_of);
  words("legislation.nickname_verb", &nickname_verb);
  map("legislation.nickname_unless", &nickname_unless);
  words("legislation.ordinal_law", &ordinal_law);
  map("legislation.ordinal", &ordinal);
  words("legislation.ordinal_suffix", &ordinal_suffix);
  words("legislation.constitution", &constitution);
  words("legislation.article_designator", &article_designator);
  words("legislation.article_section", &article_section);
  words("legislation.article_crossing", &article_crossing);
  words("legislation.name_lead_drop", &name_lead_drop);
  words("legislation.of_name_lead", &of_name_lead);
  map("legislation.code_abbrev", &code_abbrev);
  if (s.ok()) s = lexicon.List("legislation.section_sign", &section_sign);
  words("legislation.spanish_name_break", &spanish_name_break);
  words("legislation.spanish_article", &spanish_article);
  return s;
}

// The phrase classes split at their last space: "Council Bill" -> "Council",
// "Bill"; "Bill of Rights" -> "Bill of ", "Rights"; "An Act" -> "An", "Act".
Status LegislationWords::SplitPhrases(const Lexicon& lexicon) {
  const StringTable<std::string>* two_words = nullptr;
  const std::vector<std::string>* phrase_endings = nullptr;
  const std::vector<std::string>* long_titles = nullptr;
  Status s = lexicon.Map("legislation.designator_two_word", &two_words);
  if (s.ok()) s = lexicon.List("legislation.phrase_ending", &phrase_endings);
  if (s.ok()) s = lexicon.List("legislation.long_title", &long_titles);
  if (!s.ok()) return s;
  auto split = [](std::string_view phrase, std::string_view* head, std::string_view* last) {
    const size_t sp = phrase.rfind(' ');
    if (sp == std::string_view::npos || sp == 0 || sp + 1 == phrase.size()) return false;
    *head = phrase.substr(0, sp);
    *last = phrase.substr(sp + 1);
    return true;
  };
  std::string_view head, last;
  for (const auto& [phrase, kind] : *two_words) {
    if (!split(phrase, &head, &last)) return Status::Corruption("legislation.designator_two_word: not two words: " + phrase);
    designator_two_word.push_back(TwoWords{std::string(head), std::string(last), kind});
    designator_first.Insert(head);
  }
  for (const std::string& phrase : *phrase_endings) {
    if (!split(phrase, &head, &last)) return Status::Corruption("legislation.phrase_ending: not a phrase: " + phrase);
    phrase_ending.Emplace(last, std::string(head) + " ");
  }
  for (const std::string& phrase : *long_titles) {
    if (!split(phrase, &head, &last)) return Status::Corruption("legislation.long_title: not a phrase: " + phrase);
    long_title.emplace_back(std::string(head), std::string(last));
  }
  return Status::OK();
}

// The first words of the rules that start at a capitalized word (rule_word).
Status LegislationWords::CollectRuleWords(const Lexicon& lexicon) {
  for (const StringTable<std::string>* m : {chamber, designator, designator_abbrev, designator_numbered, numbered_law}) {
    for (const auto& [word, kind] : *m) rule_word.Insert(word);
  }
  for (const char* name : {"legislation.intro", "legislation.order_lead", "legislation.local_law_lead",
                           "legislation.proposition", "legislation.section", "legislation.title",
                           "legislation.name_ending", "legislation.spanish_law", "legislation.ordinal_law",
                           "legislation.constitution", "legislation.article_designator",
                           "legislation.of_name_lead"}) {
    const std::vector<std::string>* list = nullptr;
    Status s = lexicon.List(name, &list);
    if (!s.ok()) return s;
    for (const std::string& word : *list) rule_word.Insert(word);
  }
  for (const TwoWords& tw : designator_two_word) rule_word.Insert(tw.first);
  for (const auto& [last, before] : phrase_ending) rule_word.Insert(last);
  return Status::OK();
}

Status ActKnowledge::Load(const KnowledgeFiles& files, const Lexicon& lexicon) {
  Status s = words_.Load(lexicon);
  if (!s.ok()) return s;
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
          if (const size_t sp = a.find(' '); col == 2 && sp != std::string_view::npos) {
            phrases_by_first_[a.substr(0, sp)].emplace_back(a);
          }
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
  std::vector<Mention> mentions = MentionScanner(text, kb).Scan();
  if (mentions.empty()) return;
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.b != b.b ? a.b < b.b : a.e > b.e;
  });
  // Drop exact duplicates.
  mentions.erase(std::unique(mentions.begin(), mentions.end(),
                             [](const Mention& a, const Mention& b) { return a.b == b.b && a.e == b.e; }),
                 mentions.end());
  MentionGroups groups(text, kb, std::move(mentions));
  groups.Merge();
  groups.Emit(out, mention_spans);
}

void LegislationFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  ExtractLegislation(doc.text, kb_.acts, &out->legislation, &claims->law_spans);
  NormalizeSpans(&claims->law_spans);
  claims->Take(claims->law_spans);
}

int ActKnowledge::FindName(std::string_view name) const {
  std::string key = Fold(name);
  if (key.compare(0, 4, "the ") == 0) key.erase(0, 4);
  return Find(key);
}

}  // namespace amicus::internal
