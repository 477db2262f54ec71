// Legislation mentioned in a release: bill numbers ("S.2141/A.3320",
// "H.R. 5521", "SB 54", "Senate Bill 1184", "Int. 0214-2026"), executive
// orders, local laws, propositions, code sections ("Section 287(g)",
// "Title VI") and named acts, ordinances and codes ("Fair Hearing for
// Immigrants Act", "Welcoming City Ordinance", "Internal Revenue Code",
// "An Act protecting family shelter access", "Ley de Libertad de
// Información").
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
// Thread-safety: ActKnowledge is immutable after Load; ExtractLegislation
// may run on any number of threads.
#ifndef AMICUS_LIB_EXTRACT_LEGISLATION_H_
#define AMICUS_LIB_EXTRACT_LEGISLATION_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "amicus/extract.h"
#include "amicus/status.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "extract/finder.h"
#include "extract/span.h"

namespace amicus::internal {

// Real acts of data/knowledge/acts.tsv: canonical names, other names and
// stand-alone forms ("FOIA", "287(g)").
class ActKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);
  // Entry index for a folded name/alias, or -1.
  int Find(const std::string& folded) const;
  const std::string& Canonical(int i) const { return entries_[i]; }
  // Stand-alone forms, exact case.
  bool IsStandalone(std::string_view s) const { return standalone_.count(std::string(s)) != 0; }
  bool HasStandalone() const { return !standalone_.empty(); }

 private:
  std::vector<std::string> entries_;  // canonical names
  std::unordered_map<std::string, int> by_key_;
  std::unordered_set<std::string> standalone_;
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
