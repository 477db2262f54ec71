// Money amounts in a release, with their value in dollars.
//
// Finds "$4.5 million", "$165M", "$300K", "$1.4B", "$1,275,000", "$16.50",
// "US$2 billion", "5 million dollars", Spanish "250 mil dólares" and
// "1.5 millones de dólares", and amounts spelled out in words before
// "dollars"/"dólares" ("Seventy-two million dollars", "A hundred dollars").
// Vague amounts ("millions of dollars", "a few hundred dollars") are not
// amounts. One mention per distinct surface text, in order of appearance.
// The words (currency, scale, number, joiner and vague words) are the
// money.* classes of data/knowledge/words_money.tsv, held by MoneyKnowledge;
// the code keeps the figure formats ('$', "US$", separators, one-letter
// suffixes M/K/B/T).
//
// Thread-safety: MoneyKnowledge is immutable after Load; ExtractMoney is a
// pure function of its arguments.
#ifndef AMICUS_LIB_EXTRACT_MONEY_H_
#define AMICUS_LIB_EXTRACT_MONEY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "amicus/extract.h"

#include "amicus/status.h"
#include "extract/finder.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "util/string_table.h"

namespace amicus::internal {

// The word classes of this finder (words_money.tsv), resolved once at load.
// Lookups take a word already lower-cased (ASCII letters folded).
class MoneyKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);

  // A spelled-out number word: its value, and how it combines.
  struct NumberWord {
    enum Kind { kUnit, kHundred, kScale } kind;  // money.number_units / _hundreds / _scales
    double value;
  };
  const NumberWord* FindNumberWord(std::string_view lower) const { return number_words_.Find(lower); }
  // Multiplier of a scale word after a figure ("million"), or 0.
  double ScaleOfWord(std::string_view lower) const {
    const double* v = scale_words_.Find(lower);
    return v == nullptr ? 0 : *v;
  }
  // Multiplier of a multi-letter suffix right after a figure ("bn"), or 0.
  double ScaleOfSuffix(std::string_view lower) const {
    const double* v = figure_suffixes_.Find(lower);
    return v == nullptr ? 0 : *v;
  }
  // True when some currency word starts with byte `c` (either case).
  bool MayStartCurrencyWord(unsigned char c) const { return currency_first_[c]; }

  // Words longer than this are in no class (callers lower-case into a
  // buffer of this size).
  static constexpr std::size_t kMaxWord = 32;

  const StringSet* currency_words = nullptr;        // money.currency_words
  const StringSet* currency_preposition = nullptr;  // money.currency_preposition
  const StringTable<std::string>* scale_pairs = nullptr;  // money.scale_pairs
  const StringSet* joiners = nullptr;               // money.number_joiners
  const StringSet* articles = nullptr;              // money.number_articles
  const StringSet* vague_before = nullptr;          // money.vague_before

 private:
  StringTable<NumberWord> number_words_;
  StringTable<double> scale_words_;
  StringTable<double> figure_suffixes_;
  bool currency_first_[256] = {};
};

// Appends the money mentions of `text` to `out`. `language` ("en"/"es")
// decides how "1.500" reads when it has no multiplier word (Spanish uses
// the period as a thousands separator); both vocabularies are recognized.
void ExtractMoney(std::string_view text, std::string_view language, const MoneyKnowledge& kb,
                  std::vector<MoneyMention>* out);

// The money finder of the extractor's table (claims nothing).
class MoneyFinder : public Finder {
 public:
  explicit MoneyFinder(const KnowledgeBase& kb) : kb_(kb) {}
  void Find(const ReleaseView& doc, Claims* claims, Entities* out) const override;

 private:
  const KnowledgeBase& kb_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_MONEY_H_
