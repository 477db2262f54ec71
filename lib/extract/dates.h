// Date mentions in a release, normalized against its publication date.
//
// Finds absolute dates ("April 30, 2026", "Jan. 9, 2026", "3/3/2026",
// "30 de mayo de 2026"), month+day and month-only mentions resolved to the
// year the context implies ("Dec. 1", "in January"), weekdays ("Tuesday",
// "Thursday, February 26", "este lunes"), month+year ("December 2023"), bare
// years ("since 2017"), relative expressions ("today", "last month",
// "el año pasado"), fiscal years ("FY27", "Fiscal Year 2027", "2026–27") and a
// few named days ("Thanksgiving", "Tax Day", "Inauguration Day").
//
// Values follow the gold schema: "YYYY-MM-DD", "YYYY-MM", "YYYY" or
// "FYYYYY". One mention per distinct surface text (case-insensitive), in
// order of first appearance. Counts, ages and numbers inside identifiers
// ("Int. 0214-2026", "19-year-old", "7,500") are not dates.
//
// Thread-safety: pure function of its arguments; no shared state.
#ifndef AMICUS_LIB_EXTRACT_DATES_H_
#define AMICUS_LIB_EXTRACT_DATES_H_

#include <string_view>
#include <vector>

#include "amicus/extract.h"
#include "amicus/status.h"
#include "extract/finder.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "extract/span.h"

namespace amicus::internal {

// The word classes of this finder (words_dates.tsv), resolved once at load.
class DateKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);
};

// Appends the date mentions of `text` to `out`. `published` is the release
// date "YYYY-MM-DD"; when it is empty or malformed, mentions that need an
// anchor (relative days, weekdays, months without a year) are left out.
// `language` is "en" or "es" (both vocabularies are always recognized; the
// language only breaks ties). Mentions overlapping a span in `taken`
// (legislation such as "Local Law 58 of 2014") are skipped.
void ExtractDates(std::string_view text, std::string_view published, std::string_view language,
                  const std::vector<TextSpan>& taken, std::vector<DateMention>* out);

// The date finder of the extractor's table (skips legislation mentions).
class DateFinder : public Finder {
 public:
  explicit DateFinder(const KnowledgeBase& kb) : kb_(kb) {}
  void Find(const ReleaseView& doc, Claims* claims, Entities* out) const override;

 private:
  const KnowledgeBase& kb_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_DATES_H_
