// Money finder: a byte scan that stops only at '$' and at the words
// "dollars"/"dólares"; the amount is parsed forwards from '$' or backwards
// from the currency word over number words. No regular expressions.
#include "extract/latin_words.h"
#include "extract/knowledge_base.h"
#include "extract/money.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

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



bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = w[i];
    if ((IsUpper(c) ? (c | 0x20) : c) != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

// Scale words after a figure: "million", "M", "mil millones".
double ScaleOfWord(std::string_view w) {
  if (EqualsLower(w, "thousand") || EqualsLower(w, "mil")) return 1e3;
  if (EqualsLower(w, "million") || EqualsLower(w, "millones") || EqualsLower(w, "mill\xC3\xB3n") ||
      EqualsLower(w, "millon") || EqualsLower(w, "mn")) {
    return 1e6;
  }
  if (EqualsLower(w, "billion") || EqualsLower(w, "bn")) return 1e9;
  if (EqualsLower(w, "trillion")) return 1e12;
  return 0;
}

// English and Spanish number words: value, and whether it multiplies what
// came before (hundred, thousand, million...).
struct NumberWord {
  const char* word;
  double value;
  int kind;  // 0 unit/ten, 1 hundred, 2 scale (thousand and up)
};

const NumberWord kNumberWords[] = {
    {"one", 1, 0}, {"two", 2, 0}, {"three", 3, 0}, {"four", 4, 0}, {"five", 5, 0},
    {"six", 6, 0}, {"seven", 7, 0}, {"eight", 8, 0}, {"nine", 9, 0}, {"ten", 10, 0},
    {"eleven", 11, 0}, {"twelve", 12, 0}, {"thirteen", 13, 0}, {"fourteen", 14, 0},
    {"fifteen", 15, 0}, {"sixteen", 16, 0}, {"seventeen", 17, 0}, {"eighteen", 18, 0},
    {"nineteen", 19, 0}, {"twenty", 20, 0}, {"thirty", 30, 0}, {"forty", 40, 0},
    {"fifty", 50, 0}, {"sixty", 60, 0}, {"seventy", 70, 0}, {"eighty", 80, 0},
    {"ninety", 90, 0}, {"hundred", 100, 1}, {"thousand", 1e3, 2}, {"million", 1e6, 2},
    {"billion", 1e9, 2}, {"trillion", 1e12, 2},
    // Spanish
    {"un", 1, 0}, {"uno", 1, 0}, {"una", 1, 0}, {"dos", 2, 0}, {"tres", 3, 0},
    {"cuatro", 4, 0}, {"cinco", 5, 0}, {"seis", 6, 0}, {"siete", 7, 0}, {"ocho", 8, 0},
    {"nueve", 9, 0}, {"diez", 10, 0}, {"once", 11, 0}, {"doce", 12, 0}, {"quince", 15, 0},
    {"veinte", 20, 0}, {"treinta", 30, 0}, {"cuarenta", 40, 0}, {"cincuenta", 50, 0},
    {"sesenta", 60, 0}, {"setenta", 70, 0}, {"ochenta", 80, 0}, {"noventa", 90, 0},
    {"cien", 100, 0}, {"ciento", 100, 0}, {"doscientos", 200, 0}, {"trescientos", 300, 0},
    {"cuatrocientos", 400, 0}, {"quinientos", 500, 0}, {"seiscientos", 600, 0},
    {"setecientos", 700, 0}, {"ochocientos", 800, 0}, {"novecientos", 900, 0},
    {"mil", 1e3, 2}, {"mill\xC3\xB3n", 1e6, 2}, {"millones", 1e6, 2}, {"millon", 1e6, 2},
};

const NumberWord* FindNumberWord(std::string_view w) {
  if (w.empty() || w.size() > 14) return nullptr;
  char buf[16];
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = w[i];
    buf[i] = IsUpper(c) ? static_cast<char>(c | 0x20) : static_cast<char>(c);
  }
  std::string_view l(buf, w.size());
  for (const NumberWord& n : kNumberWords) {
    if (l == n.word) return &n;
  }
  return nullptr;
}

// Parses a figure "1,275,000", "4.5", "16.50" at i. `spanish_thousands`:
// "1.500" reads as 1500 (periods group thousands, comma is decimal).
size_t ParseFigure(std::string_view t, size_t i, bool spanish_thousands, double* value) {
  size_t j = i;
  std::string digits;
  bool seen_decimal = false;
  while (j < t.size()) {
    unsigned char c = t[j];
    if (IsDigit(c)) {
      digits.push_back(static_cast<char>(c));
      ++j;
      continue;
    }
    char group = spanish_thousands ? '.' : ',';
    char decimal = spanish_thousands ? ',' : '.';
    if (c == static_cast<unsigned char>(group) && !seen_decimal && j + 3 < t.size() &&
        IsDigit(t[j + 1]) && IsDigit(t[j + 2]) && IsDigit(t[j + 3]) &&
        (j + 4 >= t.size() || !IsDigit(t[j + 4]))) {
      ++j;
      continue;
    }
    if (c == static_cast<unsigned char>(decimal) && !seen_decimal && j + 1 < t.size() &&
        IsDigit(t[j + 1])) {
      seen_decimal = true;
      digits.push_back('.');
      ++j;
      continue;
    }
    break;
  }
  if (digits.empty()) return i;
  *value = std::strtod(digits.c_str(), nullptr);
  return j;
}

size_t SkipSpace(std::string_view t, size_t i) {
  if (i < t.size() && t[i] == ' ') return i + 1;
  if (i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC2 &&
      static_cast<unsigned char>(t[i + 1]) == 0xA0) {
    return i + 2;
  }
  return i;
}

bool SameLower(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = a[i], y = b[i];
    if (IsUpper(x)) x |= 0x20;
    if (IsUpper(y)) y |= 0x20;
    if (x != y) return false;
  }
  return true;
}

class MoneyScanner {
 public:
  MoneyScanner(std::string_view t, bool spanish, std::vector<MoneyMention>* out)
      : t_(t), spanish_(spanish), out_(out) {}

  void Run() {
    size_t i = 0;
    const size_t n = t_.size();
    while (i < n) {
      unsigned char c = t_[i];
      if (c == '$') {
        i = AtDollarSign(i);
        continue;
      }
      if ((c == 'd' || c == 'D') && (i == 0 || !IsWordByte(t_[i - 1]))) {
        i = AtDollarsWord(i);
        continue;
      }
      if (IsWordByte(c)) {
        size_t we = WordEnd(t_, i);
        i = we > i ? we : i + 1;
        continue;
      }
      ++i;
    }
  }

 private:
  void Emit(size_t b, size_t e, double value) {
    last_end_ = e;
    std::string_view surface = t_.substr(b, e - b);
    for (const MoneyMention& m : *out_) {
      if (m.text.size() == surface.size() && SameLower(m.text, surface)) return;
    }
    out_->push_back(MoneyMention{std::string(surface), value});
  }

  // "$4.5 million", "$165M", "US$2 billion", "$1.5 millones (de dólares)".
  size_t AtDollarSign(size_t d) {
    size_t b = d;
    if (d >= 2 && (t_.substr(d - 2, 2) == "US"sv) && (d == 2 || !IsWordByte(t_[d - 3]))) b = d - 2;
    size_t i = d + 1;
    if (i < t_.size() && t_[i] == ' ') ++i;
    if (i >= t_.size() || !IsDigit(t_[i])) return d + 1;
    double v = 0;
    size_t e = ParseFigure(t_, i, false, &v);
    if (e == i) return d + 1;
    // A Spanish amount with periods grouping thousands ("$1.500.000") or a
    // decimal comma ("$3,5 millones").
    const bool decimal_comma = e + 1 < t_.size() && t_[e] == ',' && IsDigit(t_[e + 1]) &&
                               (e + 2 >= t_.size() || !IsDigit(t_[e + 2]) ||
                                e + 3 >= t_.size() || !IsDigit(t_[e + 3]));
    if (spanish_ && e < t_.size() && ((t_[e] == '.' && e + 3 < t_.size() && IsDigit(t_[e + 1])) || decimal_comma)) {
      double v2 = 0;
      size_t e2 = ParseFigure(t_, i, true, &v2);
      if (e2 > e) {
        v = v2;
        e = e2;
      }
    }
    // Suffix letter: $165M, $300K, $1.4B, $2bn
    if (e < t_.size() && IsAsciiAlpha(t_[e])) {
      size_t we = WordEnd(t_, e);
      std::string_view suf = t_.substr(e, we - e);
      double scale = 0;
      if (suf == "M"sv || suf == "m"sv || EqualsLower(suf, "mn")) scale = 1e6;
      else if (suf == "K"sv || suf == "k"sv) scale = 1e3;
      else if (suf == "B"sv || suf == "b"sv || EqualsLower(suf, "bn")) scale = 1e9;
      else if (suf == "T"sv) scale = 1e12;
      if (scale == 0) return we;  // "$5x"? not money
      Emit(b, we, v * scale);
      return we;
    }
    // Scale word: " million", "-million", " mil millones"
    size_t j = e;
    if (j < t_.size() && (t_[j] == ' ' || t_[j] == '-')) {
      size_t k = j + 1;
      size_t we = WordEnd(t_, k);
      double scale = ScaleOfWord(t_.substr(k, we - k));
      if (scale > 0) {
        size_t end = we;
        // "mil millones" = 1e9
        if (scale == 1e3 && EqualsLower(t_.substr(k, we - k), "mil")) {
          size_t k2 = SkipSpace(t_, we);
          size_t we2 = WordEnd(t_, k2);
          if (k2 > we && (EqualsLower(t_.substr(k2, we2 - k2), "millones"))) {
            scale = 1e9;
            end = we2;
          }
        }
        size_t end2 = DeDolares(end);
        Emit(b, end2, v * scale);
        return end2;
      }
    }
    Emit(b, e, v);
    return e;
  }

  // Optional " de dólares" / " dollars" after a Spanish scale word.
  size_t DeDolares(size_t i) const {
    size_t k = SkipSpace(t_, i);
    if (k == i) return i;
    size_t we = WordEnd(t_, k);
    if (EqualsLower(t_.substr(k, we - k), "de")) {
      size_t k2 = SkipSpace(t_, we);
      size_t we2 = WordEnd(t_, k2);
      if (k2 > we && IsCurrencyWord(t_.substr(k2, we2 - k2))) return we2;
      return i;
    }
    return i;
  }

  static bool IsCurrencyWord(std::string_view w) {
    return EqualsLower(w, "dollars") || EqualsLower(w, "d\xC3\xB3lares") ||
           EqualsLower(w, "dolares");
  }

  // At a word starting with d/D: if it is "dollars"/"dólares", walk back over
  // the amount ("250 mil", "1.5 millones de", "a hundred and eighteen million").
  size_t AtDollarsWord(size_t b) {
    size_t we = WordEnd(t_, b);
    if (we == b) return b + 1;
    if (!IsCurrencyWord(t_.substr(b, we - b))) return we;
    // Words before, right to left.
    struct W {
      size_t b, e;
    };
    W words[16];
    int n = 0;
    size_t i = b;
    bool skipped_de = false;
    bool after_hyphen = false;
    while (n < 16 && i > last_end_) {
      size_t pe = i;
      if (after_hyphen) {
        after_hyphen = false;
      } else {
        while (pe > 0 && t_[pe - 1] == ' ') --pe;
        if (pe == i) break;  // words are separated by a space or a hyphen
      }
      // hyphenated number words: "Seventy-two"
      size_t ps = WordStartBefore(t_, pe);
      if (ps == pe || ps < last_end_) break;
      // a figure with separators: "1.5", "250", "1,000"
      if (IsDigit(t_[pe - 1])) {
        size_t fs = pe;
        while (fs > 0 && (IsDigit(t_[fs - 1]) || ((t_[fs - 1] == '.' || t_[fs - 1] == ',') && fs >= 2 &&
                                                   IsDigit(t_[fs - 2])))) {
          --fs;
        }
        if (fs > 0 && t_[fs - 1] == '$') break;  // "$5 dollars": the $ scan has it
        words[n++] = W{fs, pe};
        i = fs;
        break;  // a figure starts the amount
      }
      std::string_view w = t_.substr(ps, pe - ps);
      if (!skipped_de && n == 0 && EqualsLower(w, "de")) {
        skipped_de = true;
        i = ps;
        continue;
      }
      const NumberWord* nw = FindNumberWord(w);
      bool joiner = EqualsLower(w, "and") || EqualsLower(w, "y");
      bool article = EqualsLower(w, "a") || EqualsLower(w, "an");
      if (nw == nullptr && !joiner && !article) break;
      words[n++] = W{ps, pe};
      i = ps;
      if (article) break;
      // hyphen joining "Seventy-two"
      if (ps > 0 && t_[ps - 1] == '-') {
        i = ps - 1;
        after_hyphen = true;
      }
    }
    if (n == 0) return we;
    // Drop a leading joiner; the first word must be a figure, a number word
    // or an article followed by one.
    int first = n - 1;
    while (first >= 0 && (EqualsLower(t_.substr(words[first].b, words[first].e - words[first].b), "and") ||
                          EqualsLower(t_.substr(words[first].b, words[first].e - words[first].b), "y"))) {
      --first;
    }
    if (first < 0) return we;
    // Vague amounts: "a few hundred dollars", "hundreds of", "several million".
    {
      size_t pe = words[first].b;
      while (pe > 0 && t_[pe - 1] == ' ') --pe;
      size_t ps = WordStartBefore(t_, pe);
      std::string_view prev = t_.substr(ps, pe - ps);
      if (EqualsLower(prev, "few") || EqualsLower(prev, "several") || EqualsLower(prev, "many") ||
          EqualsLower(prev, "of") || EqualsLower(prev, "hundreds") ||
          EqualsLower(prev, "thousands") || EqualsLower(prev, "millions")) {
        return we;
      }
    }
    double total = 0, current = 0, last_scale = 0;
    bool any = false;
    for (int k = first; k >= 0; --k) {
      std::string_view w = t_.substr(words[k].b, words[k].e - words[k].b);
      if (IsDigit(w[0])) {
        double v = 0;
        // Spanish figures group with periods and mark decimals with a comma:
        // "1.500 dólares", "3,5 millones".
        const std::size_t comma = w.rfind(',');
        const bool decimal_comma = comma != std::string_view::npos && w.size() - comma - 1 >= 1 &&
                                   w.size() - comma - 1 <= 2;
        bool es_group = spanish_ && ((comma == std::string_view::npos && w.size() > 4 && w[w.size() - 4] == '.') ||
                                     decimal_comma);
        ParseFigure(w, 0, es_group, &v);
        current += v;
        any = true;
        continue;
      }
      if (EqualsLower(w, "a") || EqualsLower(w, "an")) {
        current += 1;
        continue;
      }
      const NumberWord* nw = FindNumberWord(w);
      if (nw == nullptr) continue;  // and / y
      any = true;
      if (nw->kind == 0) {
        current += nw->value;
      } else if (nw->kind == 1) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (nw->value > last_scale && total > 0) {
        // "mil millones": a larger scale multiplies everything so far
        total = (total + current) * nw->value;
        current = 0;
        last_scale = nw->value;
      } else {
        total += (current == 0 ? 1 : current) * nw->value;
        current = 0;
        last_scale = nw->value;
      }
    }
    if (!any) return we;
    double value = total + current;
    if (value <= 0) return we;
    Emit(words[first].b, we, value);
    return we;
  }

  std::string_view t_;
  bool spanish_;
  std::vector<MoneyMention>* out_;
  size_t last_end_ = 0;  // end of the last amount: a backward parse stops there
};

}  // namespace

void ExtractMoney(std::string_view text, std::string_view language, std::vector<MoneyMention>* out) {
  if (out == nullptr) return;
  MoneyScanner finder(text, language == "es"sv, out);
  finder.Run();
}

Status MoneyKnowledge::Load(const KnowledgeFiles&, const Lexicon&) { return Status::OK(); }

void MoneyFinder::Find(const ReleaseView& doc, Claims*, Entities* out) const {
  ExtractMoney(doc.text, doc.ctx.language, &out->money);
}

}  // namespace amicus::internal
