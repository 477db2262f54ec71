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
// The words (month, weekday, relative, holiday, season, tense and context
// words) are the dates.* classes of data/knowledge/words_dates.tsv, held by
// DateKnowledge; the code keeps the formats ("3/3/2026", ISO dates, "FY27"),
// the calendar and the holiday rules.
//
// Thread-safety: DateKnowledge is immutable after Load; ExtractDates is a
// pure function of its arguments.
#ifndef AMICUS_LIB_EXTRACT_DATES_H_
#define AMICUS_LIB_EXTRACT_DATES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "amicus/extract.h"
#include "amicus/status.h"
#include "extract/finder.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "extract/span.h"
#include "util/string_table.h"

namespace amicus::internal {

// A word that can begin a date (the dates.* classes of words_dates.tsv
// that the scan dispatches on), and what it is.
struct DateWord {
  enum Kind : std::uint8_t {
    kMonth,             // dates.months, dates.month_abbrevs (abbrev): val 1..12
    kMonthEs,           // dates.months_es
    kWeekday,           // dates.weekdays: val 0..6 (Sunday = 0)
    kWeekdayEs,         // dates.weekdays_es
    kToday,             // dates.today
    kYesterday,         // dates.yesterday
    kTomorrow,          // dates.tomorrow
    kThisLastNext,      // dates.this_last_next: val -1/0/+1
    kFiscal,            // dates.fiscal
    kHoliday,           // dates.holidays: val = holiday rule
    kHolidayFirst,      // dates.holiday_first_words: first word of "X Day"; val = holiday rule
    kSeason,            // dates.seasons
    kSpanishYearWord,   // dates.year_word_es
    kSpanishMonthWord,  // dates.month_word_es
    kSpanishThis,       // dates.this_es
  };
  Kind kind;
  int val;
  bool abbrev;
};

// The word classes of this finder (words_dates.tsv), resolved once at load.
// Lookups take a word already lower-cased (ASCII letters folded).
class DateKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);

  // The date word `lower`, or nullptr (the first class that lists a word wins).
  const DateWord* Keyword(std::string_view lower) const { return keywords_.Find(lower); }
  // Whether a word starting with byte `c` may begin a date: a date word
  // (either case), a digit, or F of "FY27".
  bool MayStartDate(unsigned char c) const { return first_byte_[c]; }
  // Tense a lower-cased word gives its sentence: +1 future, -1 past, 0 none
  // (dates.future_words, past_words, future_endings, past_endings, not_past).
  int TenseOfWord(std::string_view lower) const;

  // Classes the rules consult around a date (see words_dates.tsv).
  const StringSet* fiscal = nullptr;                 // dates.fiscal
  const StringSet* holiday_day = nullptr;            // dates.holiday_day (case-sensitive)
  const std::vector<std::string>* ordinal_suffixes = nullptr;  // dates.ordinal_suffixes (as written)
  const StringSet* month_word = nullptr;             // dates.month_word
  const StringSet* year_word = nullptr;              // dates.year_word
  const StringSet* this_es = nullptr;                // dates.this_es
  const StringSet* day_month_joiner_es = nullptr;    // dates.day_month_joiner_es
  const StringSet* year_joiners_es = nullptr;        // dates.year_joiners_es
  const StringSet* season_of = nullptr;              // dates.season_of
  const StringSet* next_before_es = nullptr;         // dates.next_before_es
  const StringSet* last_before_es = nullptr;         // dates.last_before_es
  const StringSet* weekday_last_after_es = nullptr;  // dates.weekday_last_after_es
  const StringSet* weekday_next_after_es = nullptr;  // dates.weekday_next_after_es
  const StringSet* period_last_after_es = nullptr;   // dates.period_last_after_es
  const StringSet* period_next_after_es = nullptr;   // dates.period_next_after_es
  const StringTable<std::string>* period_next_pair_es = nullptr;  // dates.period_next_pair_es
  const StringSet* article_es = nullptr;             // dates.article_es
  const StringSet* plural_articles_es = nullptr;     // dates.plural_articles_es
  const StringSet* month_context = nullptr;          // dates.month_context
  const StringSet* month_range_joiners = nullptr;    // dates.month_range_joiners
  const StringSet* count_before = nullptr;           // dates.count_before
  const StringSet* count_after = nullptr;            // dates.count_after
  const StringSet* passive_markers = nullptr;        // dates.passive_markers

 private:
  struct Ending {
    std::string ending;
    std::size_t min_size;  // shortest word (bytes) the ending counts in
  };
  Status LoadKeywords(const Lexicon& lexicon);
  Status LoadTense(const Lexicon& lexicon);
  Status LoadEndings(const Lexicon& lexicon, std::string_view name, std::vector<Ending>* out);

  StringTable<DateWord> keywords_;
  bool first_byte_[256] = {};
  const StringSet* future_words_ = nullptr;
  const StringSet* past_words_ = nullptr;
  const StringSet* not_past_ = nullptr;
  std::vector<Ending> future_endings_;
  std::vector<Ending> past_endings_;
};

// Appends the date mentions of `text` to `out`. `published` is the release
// date "YYYY-MM-DD"; when it is empty or malformed, mentions that need an
// anchor (relative days, weekdays, months without a year) are left out.
// `language` is "en" or "es" (both vocabularies are always recognized; the
// language only breaks ties). Mentions overlapping a span in `taken`
// (legislation such as "Local Law 58 of 2014") are skipped.
void ExtractDates(std::string_view text, std::string_view published, std::string_view language,
                  const DateKnowledge& kb, const std::vector<TextSpan>& taken, std::vector<DateMention>* out);

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
