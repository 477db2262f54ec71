// Money finder: a byte scan that stops only at '$' and at the currency
// words (money.currency_words: "dollars"/"dólares"); the amount is parsed
// forwards from '$' or backwards from the currency word over number words.
// Every word it compares is a money.* class of words_money.tsv, resolved once
// by MoneyKnowledge::Load; the code keeps the figure formats. No regular
// expressions.
#include "extract/latin_words.h"
#include "extract/knowledge_base.h"
#include "extract/money.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <utility>

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

using NumberWord = MoneyKnowledge::NumberWord;

bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = w[i];
    if ((IsUpper(c) ? (c | 0x20) : c) != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

// Lower-cases the ASCII letters of `w` into `buf` (MoneyKnowledge::kMaxWord
// bytes); false when the word is longer, and then it is in no word class.
bool LowerInto(std::string_view w, char* buf, std::string_view* out) {
  if (w.size() > MoneyKnowledge::kMaxWord) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = w[i];
    buf[i] = IsUpper(c) ? static_cast<char>(c | 0x20) : static_cast<char>(c);
  }
  *out = std::string_view(buf, w.size());
  return true;
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
  MoneyScanner(std::string_view t, bool spanish, const MoneyKnowledge& kb, std::vector<MoneyMention>* out)
      : t_(t), spanish_(spanish), kb_(kb), out_(out) {}

  void Run() {
    size_t i = 0;
    const size_t n = t_.size();
    while (i < n) {
      unsigned char c = t_[i];
      if (c == '$') {
        i = AtDollarSign(i);
        continue;
      }
      if (kb_.MayStartCurrencyWord(c) && (i == 0 || !IsWordByte(t_[i - 1]))) {
        i = AtCurrencyWord(i);
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
  // The words before a currency word that may make up its amount, right to
  // left (words[0] is the nearest).
  struct AmountWords {
    struct W {
      size_t b, e;
    };
    W words[16];
    int n = 0;
  };

  void Emit(size_t b, size_t e, double value) {
    last_end_ = e;
    std::string_view surface = t_.substr(b, e - b);
    for (const MoneyMention& m : *out_) {
      if (m.text.size() == surface.size() && SameLower(m.text, surface)) return;
    }
    out_->push_back(MoneyMention{std::string(surface), value});
  }

  // Whether the word `w` (any case) is in the word class `words`.
  static bool In(const StringSet* words, std::string_view w) {
    char buf[MoneyKnowledge::kMaxWord];
    std::string_view l;
    return LowerInto(w, buf, &l) && words->Contains(l);
  }
  std::string_view Text(const AmountWords::W& w) const { return t_.substr(w.b, w.e - w.b); }

  // "$4.5 million", "$165M", "US$2 billion", "$1.5 millones (de dólares)".
  size_t AtDollarSign(size_t d) {
    size_t b = d;
    if (d >= 2 && (t_.substr(d - 2, 2) == "US"sv) && (d == 2 || !IsWordByte(t_[d - 3]))) b = d - 2;
    size_t i = d + 1;
    if (i < t_.size() && t_[i] == ' ') ++i;
    if (i >= t_.size() || !IsDigit(t_[i])) return d + 1;
    double v = 0;
    const size_t e = DollarFigure(i, &v);
    if (e == i) return d + 1;
    if (e < t_.size() && IsAsciiAlpha(t_[e])) return AtFigureSuffix(b, e, v);
    double scale = 0;
    const size_t end = ScaleWordsAt(e, &scale);
    if (scale > 0) {
      size_t end2 = DeDolares(end);
      Emit(b, end2, v * scale);
      return end2;
    }
    Emit(b, e, v);
    return e;
  }

  // The figure after '$' at i; its end (i when there is none).
  size_t DollarFigure(size_t i, double* v) const {
    size_t e = ParseFigure(t_, i, false, v);
    if (e == i) return i;
    // A Spanish amount with periods grouping thousands ("$1.500.000") or a
    // decimal comma ("$3,5 millones").
    const bool decimal_comma = e + 1 < t_.size() && t_[e] == ',' && IsDigit(t_[e + 1]) &&
                               (e + 2 >= t_.size() || !IsDigit(t_[e + 2]) ||
                                e + 3 >= t_.size() || !IsDigit(t_[e + 3]));
    if (spanish_ && e < t_.size() && ((t_[e] == '.' && e + 3 < t_.size() && IsDigit(t_[e + 1])) || decimal_comma)) {
      double v2 = 0;
      size_t e2 = ParseFigure(t_, i, true, &v2);
      if (e2 > e) {
        *v = v2;
        e = e2;
      }
    }
    return e;
  }

  // A suffix right after the figure: $165M, $300K, $1.4B, $2bn; anything
  // else ("$5x") is not money.
  size_t AtFigureSuffix(size_t b, size_t e, double v) {
    size_t we = WordEnd(t_, e);
    std::string_view suf = t_.substr(e, we - e);
    double scale = 0;
    char buf[MoneyKnowledge::kMaxWord];
    std::string_view l;
    if (suf == "M"sv || suf == "m"sv) scale = 1e6;
    else if (suf == "K"sv || suf == "k"sv) scale = 1e3;
    else if (suf == "B"sv || suf == "b"sv) scale = 1e9;
    else if (suf == "T"sv) scale = 1e12;
    else if (LowerInto(suf, buf, &l)) scale = kb_.ScaleOfSuffix(l);
    if (scale == 0) return we;
    Emit(b, we, v * scale);
    return we;
  }

  // Scale word after a figure ending at e: " million", "-million", and a
  // pair " mil millones" (money.scale_pairs). Sets *scale (0 when none) and
  // returns the end of the words.
  size_t ScaleWordsAt(size_t e, double* scale) const {
    *scale = 0;
    if (e >= t_.size() || (t_[e] != ' ' && t_[e] != '-')) return e;
    size_t k = e + 1;
    size_t we = WordEnd(t_, k);
    char buf[MoneyKnowledge::kMaxWord];
    std::string_view l;
    if (!LowerInto(t_.substr(k, we - k), buf, &l)) return e;
    const double first = kb_.ScaleOfWord(l);
    if (first == 0) return e;
    *scale = first;
    const std::string* second = kb_.scale_pairs->Find(l);
    if (second != nullptr) {
      size_t k2 = SkipSpace(t_, we);
      size_t we2 = WordEnd(t_, k2);
      if (k2 > we && EqualsLower(t_.substr(k2, we2 - k2), *second)) {
        *scale = first * kb_.ScaleOfWord(*second);
        return we2;
      }
    }
    return we;
  }

  // Optional " de dólares" / " dollars" after a Spanish scale word.
  size_t DeDolares(size_t i) const {
    size_t k = SkipSpace(t_, i);
    if (k == i) return i;
    size_t we = WordEnd(t_, k);
    if (In(kb_.currency_preposition, t_.substr(k, we - k))) {
      size_t k2 = SkipSpace(t_, we);
      size_t we2 = WordEnd(t_, k2);
      if (k2 > we && In(kb_.currency_words, t_.substr(k2, we2 - k2))) return we2;
      return i;
    }
    return i;
  }

  // At a word that may be a currency word ("dollars"/"dólares"): if it is
  // one, walk back over the amount ("250 mil", "1.5 millones de", "a
  // hundred and eighteen million").
  size_t AtCurrencyWord(size_t b) {
    size_t we = WordEnd(t_, b);
    if (we == b) return b + 1;
    if (!In(kb_.currency_words, t_.substr(b, we - b))) return we;
    AmountWords words;
    CollectAmountWords(b, &words);
    if (words.n == 0) return we;
    // Drop a leading joiner; the first word must be a figure, a number word
    // or an article followed by one.
    int first = words.n - 1;
    while (first >= 0 && In(kb_.joiners, Text(words.words[first]))) --first;
    if (first < 0) return we;
    if (IsVagueBefore(words.words[first].b)) return we;
    double value = 0;
    if (!ValueOf(words, first, &value) || value <= 0) return we;
    Emit(words.words[first].b, we, value);
    return we;
  }

  // Words before the currency word at b, right to left, while they can be
  // part of an amount: number words, joiners, an article (which starts the
  // amount), one "de" right before the currency word, or a figure (which
  // starts it too).
  void CollectAmountWords(size_t b, AmountWords* out) const {
    int& n = out->n;
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
        out->words[n++] = AmountWords::W{fs, pe};
        break;  // a figure starts the amount
      }
      char buf[MoneyKnowledge::kMaxWord];
      std::string_view l;
      const bool known = LowerInto(t_.substr(ps, pe - ps), buf, &l);
      if (known && !skipped_de && n == 0 && kb_.currency_preposition->Contains(l)) {
        skipped_de = true;
        i = ps;
        continue;
      }
      const NumberWord* nw = known ? kb_.FindNumberWord(l) : nullptr;
      bool joiner = known && kb_.joiners->Contains(l);
      bool article = known && kb_.articles->Contains(l);
      if (nw == nullptr && !joiner && !article) break;
      out->words[n++] = AmountWords::W{ps, pe};
      i = ps;
      if (article) break;
      // hyphen joining "Seventy-two"
      if (ps > 0 && t_[ps - 1] == '-') {
        i = ps - 1;
        after_hyphen = true;
      }
    }
  }

  // Vague amounts: "a few hundred dollars", "hundreds of", "several million"
  // (money.vague_before right before the amount starting at b).
  bool IsVagueBefore(size_t b) const {
    size_t pe = b;
    while (pe > 0 && t_[pe - 1] == ' ') --pe;
    size_t ps = WordStartBefore(t_, pe);
    return In(kb_.vague_before, t_.substr(ps, pe - ps));
  }

  // The value of words[first..0] (left to right): figures and units add,
  // "hundred" multiplies the group, scale words close it; "mil millones":
  // a larger scale multiplies everything so far. False when no number.
  bool ValueOf(const AmountWords& words, int first, double* value) const {
    double total = 0, current = 0, last_scale = 0;
    bool any = false;
    for (int k = first; k >= 0; --k) {
      std::string_view w = Text(words.words[k]);
      if (IsDigit(w[0])) {
        current += FigureValue(w);
        any = true;
        continue;
      }
      char buf[MoneyKnowledge::kMaxWord];
      std::string_view l;
      if (!LowerInto(w, buf, &l)) continue;
      if (kb_.articles->Contains(l)) {
        current += 1;
        continue;
      }
      const NumberWord* nw = kb_.FindNumberWord(l);
      if (nw == nullptr) continue;  // and / y
      any = true;
      if (nw->kind == NumberWord::kUnit) {
        current += nw->value;
      } else if (nw->kind == NumberWord::kHundred) {
        current = (current == 0 ? 1 : current) * nw->value;
      } else if (nw->value > last_scale && total > 0) {
        total = (total + current) * nw->value;
        current = 0;
        last_scale = nw->value;
      } else {
        total += (current == 0 ? 1 : current) * nw->value;
        current = 0;
        last_scale = nw->value;
      }
    }
    *value = total + current;
    return any;
  }

  // A figure before a currency word. Spanish figures group with periods and
  // mark decimals with a comma: "1.500 dólares", "3,5 millones".
  double FigureValue(std::string_view w) const {
    double v = 0;
    const std::size_t comma = w.rfind(',');
    const bool decimal_comma = comma != std::string_view::npos && w.size() - comma - 1 >= 1 &&
                               w.size() - comma - 1 <= 2;
    bool es_group = spanish_ && ((comma == std::string_view::npos && w.size() > 4 && w[w.size() - 4] == '.') ||
                                 decimal_comma);
    ParseFigure(w, 0, es_group, &v);
    return v;
  }

  std::string_view t_;
  bool spanish_;
  const MoneyKnowledge& kb_;
  std::vector<MoneyMention>* out_;
  size_t last_end_ = 0;  // end of the last amount: a backward parse stops there
};

}  // namespace

void ExtractMoney(std::string_view text, std::string_view language, const MoneyKnowledge& kb,
                  std::vector<MoneyMention>* out) {
  if (out == nullptr) return;
  MoneyScanner finder(text, language == "es"sv, kb, out);
  finder.Run();
}

// ------------------------------------------------------------ knowledge

namespace {

Status BadClass(std::string_view name, const std::string& why) {
  return Status::Corruption("word class " + std::string(name) + " (words_*.tsv): " + why);
}

// Checks that no entry of class `name` is longer than a lookup buffer.
Status CheckLengths(const Lexicon& lexicon, std::string_view name) {
  const std::vector<std::string>* list = nullptr;
  Status s = lexicon.List(name, &list);
  if (!s.ok()) return s;
  for (const std::string& e : *list) {
    if (e.size() > MoneyKnowledge::kMaxWord) return BadClass(name, "entry longer than 32 bytes: " + e);
  }
  return Status::OK();
}

Status WordsOf(const Lexicon& lexicon, std::string_view name, const StringSet** out) {
  Status s = CheckLengths(lexicon, name);
  return s.ok() ? lexicon.Words(name, out) : s;
}

// A mapping class `word=number` (every entry), added to `out`.
Status NumbersOf(const Lexicon& lexicon, std::string_view name, StringTable<double>* out,
                 const std::function<void(const std::string&, double)>& add = nullptr) {
  const std::vector<std::string>* list = nullptr;
  const StringTable<std::string>* map = nullptr;
  Status s = CheckLengths(lexicon, name);
  if (s.ok()) s = lexicon.List(name, &list);
  if (s.ok()) s = lexicon.Map(name, &map);
  if (!s.ok()) return s;
  if (map->size() != list->size()) return BadClass(name, "every entry must be a distinct word=number");
  for (const auto& [word, text] : *map) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(v > 0)) return BadClass(name, word + "=" + text + ": not a positive number");
    if (out != nullptr) out->Emplace(word, v);
    if (add) add(word, v);
  }
  return Status::OK();
}

}  // namespace

Status MoneyKnowledge::Load(const KnowledgeFiles&, const Lexicon& lexicon) {
  Status s = WordsOf(lexicon, "money.currency_words", &currency_words);
  if (s.ok()) s = WordsOf(lexicon, "money.currency_preposition", &currency_preposition);
  if (s.ok()) s = WordsOf(lexicon, "money.number_joiners", &joiners);
  if (s.ok()) s = WordsOf(lexicon, "money.number_articles", &articles);
  if (s.ok()) s = WordsOf(lexicon, "money.vague_before", &vague_before);
  if (s.ok()) s = NumbersOf(lexicon, "money.scale_words", &scale_words_);
  if (s.ok()) s = NumbersOf(lexicon, "money.figure_suffixes", &figure_suffixes_);
  const std::pair<const char*, NumberWord::Kind> kNumberClasses[] = {
      {"money.number_units", NumberWord::kUnit},
      {"money.number_hundreds", NumberWord::kHundred},
      {"money.number_scales", NumberWord::kScale}};
  for (const auto& [name, kind] : kNumberClasses) {
    if (s.ok()) {
      s = NumbersOf(lexicon, name, nullptr, [&, kind = kind](const std::string& w, double v) {
        number_words_.Emplace(w, NumberWord{kind, v});
      });
    }
  }
  if (s.ok()) s = lexicon.Map("money.scale_pairs", &scale_pairs);
  if (!s.ok()) return s;
  for (const auto& [first, second] : *scale_pairs) {
    if (ScaleOfWord(first) == 0 || ScaleOfWord(second) == 0) {
      return BadClass("money.scale_pairs", first + "=" + second + ": both must be money.scale_words");
    }
  }
  const std::vector<std::string>* currency = nullptr;
  s = lexicon.List("money.currency_words", &currency);
  if (!s.ok()) return s;
  for (const std::string& w : *currency) {
    const unsigned char c = w[0];
    currency_first_[c] = true;
    if (IsLower(c)) currency_first_[c - 32] = true;
  }
  return Status::OK();
}

void MoneyFinder::Find(const ReleaseView& doc, Claims*, Entities* out) const {
  ExtractMoney(doc.text, doc.ctx.language, kb_.money, &out->money);
}

}  // namespace amicus::internal
