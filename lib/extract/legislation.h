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
// Thread-safety: the knowledge table is built once (thread-safe static) and
// read-only afterwards; ExtractLegislation may run on any number of threads.
#ifndef AMICUS_LIB_EXTRACT_LEGISLATION_H_
#define AMICUS_LIB_EXTRACT_LEGISLATION_H_

#include <string_view>
#include <vector>

#include "amicus/extract.h"
#include "extract/span.h"

namespace amicus::internal {

// Appends the legislation entities of `text` to `out` (in order of first
// mention) and the byte span of every mention to `mention_spans` (either
// pointer may be null for `mention_spans`).
void ExtractLegislation(std::string_view text, std::vector<NamedEntity>* out,
                        std::vector<TextSpan>* mention_spans);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_LEGISLATION_H_
