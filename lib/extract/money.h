// Money amounts in a release, with their value in dollars.
//
// Finds "$4.5 million", "$165M", "$300K", "$1.4B", "$1,275,000", "$16.50",
// "US$2 billion", "5 million dollars", Spanish "250 mil dólares" and
// "1.5 millones de dólares", and amounts spelled out in words before
// "dollars"/"dólares" ("Seventy-two million dollars", "A hundred dollars").
// Vague amounts ("millions of dollars", "a few hundred dollars") are not
// amounts. One mention per distinct surface text, in order of appearance.
//
// Thread-safety: pure function of its arguments; no shared state.
#ifndef AMICUS_LIB_EXTRACT_MONEY_H_
#define AMICUS_LIB_EXTRACT_MONEY_H_

#include <string_view>
#include <vector>

#include "amicus/extract.h"

#include "amicus/status.h"
#include "extract/finder.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"

namespace amicus::internal {

// The word classes of this finder (words_money.tsv), resolved once at load.
class MoneyKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);
};

// Appends the money mentions of `text` to `out`. `language` ("en"/"es")
// decides how "1.500" reads when it has no multiplier word (Spanish uses
// the period as a thousands separator); both vocabularies are recognized.
void ExtractMoney(std::string_view text, std::string_view language, std::vector<MoneyMention>* out);

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
