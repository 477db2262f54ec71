// Legislation mentioned in a release: bill numbers ("S.2141/A.3320",
// "H.R. 5521", "SB 54", "Senate Bill 1184", "Int. 0214-2026"), executive
// orders, local laws, propositions, code sections ("Section 287(g)",
// "Title VI") and named acts, ordinances and codes ("Fair Hearing for
// Immigrants Act", "Welcoming City Ordinance", "Internal Revenue Code",
// "An Act protecting family shelter access", "Ley de Libertad de
// Información"), constitutional provisions ("Fourteenth Amendment",
// "U.S. Constitution", "Article I, section 10"), code citations ("8 U.S.C.
// 1373"), proclamations and treaties ("Treaty of Guadalupe Hidalgo").
//
// Mentions of one law are merged into one NamedEntity: a bill number and the
// act's name when the text ties them ("the X Act (S.2141/A.3320)",
// "H.R. 5521, the X Act", "X Act — House Bill 1403"), different forms of one
// number ("SB 4" / "Senate Bill 4", "Prop. 314" / "Proposition 314"), an
// acronym in parentheses, shorter forms of a name, and the real federal acts
// of data/knowledge/acts.tsv (Spanish names and acronyms, e.g. FOIA). The
// canonical name is the act's full name when known, else the fullest form of
// the number.
//
// The words the rules look for (bill prefixes, chambers, designators, name
// endings, the words a name walk stops at or crosses, nickname words) are
// the legislation.* word classes of data/knowledge/words_legislation.tsv,
// resolved once by ActKnowledge::Load into LegislationWords; a knowledge
// folder that lacks one fails the load. docs/extraction.md lists the classes.
//
// Thread-safety: ActKnowledge is immutable after Load; ExtractLegislation
// may run on any number of threads.
#ifndef AMICUS_LIB_EXTRACT_LEGISLATION_H_
#define AMICUS_LIB_EXTRACT_LEGISLATION_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "amicus/extract.h"
#include "amicus/status.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "extract/finder.h"
#include "extract/span.h"
#include "util/string_table.h"

namespace amicus::internal {

// The word classes of data/knowledge/words_legislation.tsv that the finder's
// rules consult (docs/extraction.md lists them), resolved once at load.
// Phrase classes are split here into the parts the rules compare.
struct LegislationWords {
  const StringTable<std::string>* bill_prefix = nullptr;        // "SB" -> senate
  const StringTable<std::string>* glued_bill_prefix = nullptr;  // "SB54"
  const StringTable<std::string>* chamber = nullptr;            // "Senate" -> senate
  const StringSet* chamber_bill = nullptr;                      // "Bill", "File"
  const StringSet* number_sign = nullptr;                       // "No."
  const StringSet* year_joiner = nullptr;                       // "of 2019"
  const StringSet* intro = nullptr;                             // "Int."
  const StringTable<std::string>* designator = nullptr;         // "Resolution" -> res
  const StringSet* designator_letter = nullptr;                 // "Measure J"
  const StringTable<std::string>* designator_abbrev = nullptr;  // "Res." -> res
  const StringTable<std::string>* designator_numbered = nullptr;  // "Bill No."
  const StringSet* order_lead = nullptr;                        // "Executive"
  const StringSet* order_word = nullptr;                        // "Order"
  const StringSet* local_law_lead = nullptr;                    // "Local"
  const StringSet* local_law_word = nullptr;                    // "Law"
  const StringSet* proposition = nullptr;                       // "Proposition"
  const StringSet* proposition_abbrev = nullptr;                // "Prop."
  const StringSet* section = nullptr;                           // "Section"
  const StringSet* title = nullptr;                             // "Title"
  const StringTable<std::string>* numbered_law = nullptr;       // "Act 77" -> act
  const StringSet* name_ending = nullptr;                       // "Act", "Code"
  const StringSet* spanish_law = nullptr;                       // "Ley"
  const StringSet* translation_lead = nullptr;                  // "Ley ..." ranks below English
  const StringSet* name_stop = nullptr;                         // "passes", "the"
  const StringSet* connector = nullptr;                         // "of", "and"
  const StringSet* spanish_connector = nullptr;                 // "de", "para"
  const StringSet* article = nullptr;                           // "the"
  const std::vector<std::string>* article_list = nullptr;       // the same, to search a gap
  const StringSet* title_of = nullptr;                          // "Title VII of the X Act"
  const StringSet* nickname_verb = nullptr;                     // "known as"
  const StringTable<std::string>* nickname_unless = nullptr;    // called=so-called
  const StringSet* ordinal_law = nullptr;                       // "Amendment"
  const StringTable<std::string>* ordinal = nullptr;            // "Fourteenth" -> 14
  const StringSet* ordinal_suffix = nullptr;                    // "th" of "14th"
  const StringSet* constitution = nullptr;                      // "Constitution"
  const StringSet* article_designator = nullptr;                // "Article I"
  const StringSet* article_section = nullptr;                   // ", section 10"
  const StringSet* article_crossing = nullptr;                  // "for the" inside a name
  const StringSet* name_lead_drop = nullptr;                    // "My X Act"
  const StringSet* of_name_lead = nullptr;                      // "Treaty of X"
  const StringTable<std::string>* code_abbrev = nullptr;        // "U.S.C." -> usc
  const std::vector<std::string>* section_sign = nullptr;       // "§"
  const StringSet* spanish_name_break = nullptr;                // "y" before "el"
  const StringSet* spanish_article = nullptr;                   // "el"

  // legislation.designator_two_word: "Council Bill" -> bill.
  struct TwoWords {
    std::string first, second, kind;
  };
  std::vector<TwoWords> designator_two_word;
  StringSet designator_first;  // their first words
  // legislation.phrase_ending: last word -> the text before it ("Rights" -> "Bill of ").
  StringTable<std::string> phrase_ending;
  // legislation.long_title: "An Act" -> {"An", "Act"}.
  std::vector<std::pair<std::string, std::string>> long_title;
  // Every word that starts a rule of a capitalized word after the bill
  // prefixes (chamber, intro, designators, order and local-law leads,
  // proposition, section, title, numbered law, name endings, phrase-ending
  // last words, Spanish law words): one probe turns the other words away.
  StringSet rule_word;

  Status Load(const Lexicon& lexicon);

 private:
  Status ResolveClasses(const Lexicon& lexicon);
  Status SplitPhrases(const Lexicon& lexicon);
  Status CollectRuleWords(const Lexicon& lexicon);
};

// Real acts of data/knowledge/acts.tsv: canonical names, other names and
// stand-alone forms ("FOIA", "287(g)"); and the finder's word classes.
class ActKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);
  // Entry index for a folded name/alias, or -1.
  int Find(const std::string& folded) const;
  // Entry index for a name as written ("FOIA", "the Freedom of Information Act"), or -1.
  int FindName(std::string_view name) const;
  const std::string& Canonical(int i) const { return entries_[i]; }
  // Stand-alone forms, exact case.
  bool IsStandalone(std::string_view s) const { return standalone_.count(std::string(s)) != 0; }
  bool HasStandalone() const { return !standalone_.empty(); }
  // Stand-alone forms of several words ("American Rescue Plan"), by first word.
  const std::vector<std::string>* PhrasesStartingWith(std::string_view first) const {
    return phrases_by_first_.Find(first);
  }
  const LegislationWords& words() const { return words_; }

 private:
  std::vector<std::string> entries_;  // canonical names
  std::unordered_map<std::string, int> by_key_;
  std::unordered_set<std::string> standalone_;
  StringTable<std::vector<std::string>> phrases_by_first_;
  LegislationWords words_;
};

// Appends the legislation entities of `text` to `out` (in order of first
// mention) and the byte span of every mention to `mention_spans` (either
// pointer may be null for `mention_spans`).
void ExtractLegislation(std::string_view text, const ActKnowledge& kb, std::vector<NamedEntity>* out,
                        std::vector<TextSpan>* mention_spans);

// The legislation finder of the extractor's table (claims every mention; dates skip them).
class LegislationFinder : public Finder {
 public:
  explicit LegislationFinder(const KnowledgeBase& kb) : kb_(kb) {}
  void Find(const ReleaseView& doc, Claims* claims, Entities* out) const override;

 private:
  const KnowledgeBase& kb_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_LEGISLATION_H_
