// Date finder: one left-to-right pass over the UTF-8 bytes. At each word
// start the date words of DateKnowledge (a hash table built from the
// dates.* classes of words_dates.tsv) say whether the word can begin a date
// (month, weekday, "today", a holiday, ...; "FY27" and numbers are formats
// the code reads); only then is the neighbourhood parsed, consulting the
// other dates.* classes (context, count and tense words) resolved once at
// load. No regular expressions, no allocation except for the mentions that
// are emitted.
#include "extract/dates.h"
#include "extract/knowledge_base.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "extract/latin_words.h"
#include "util/string_table.h"

namespace amicus::internal {

using namespace std::string_view_literals;
namespace {

// ------------------------------------------------------------ calendar

// Days since 1970-01-01 (proleptic Gregorian); H. Hinnant's algorithm.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int WeekdayOf(long days) {  // 0 = Sunday
  long w = (days + 4) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

std::string FormatDay(long days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}
std::string FormatMonth(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}
std::string FormatYear(int y) { return std::to_string(y); }
std::string FormatFY(int y) { return "FY" + std::to_string(y); }

// n-th (1-based) weekday `wd` of a month; n = -1 for the last one.
long NthWeekday(int y, int m, int wd, int n) {
  if (n > 0) {
    long first = DaysFromCivil(y, m, 1);
    int delta = (wd - WeekdayOf(first) + 7) % 7;
    return first + delta + 7 * (n - 1);
  }
  long last = DaysFromCivil(y, m, DaysInMonth(y, m));
  int delta = (WeekdayOf(last) - wd + 7) % 7;
  return last - delta;
}

// ------------------------------------------------------------ bytes

using latin::IsAsciiAlpha;
using latin::IsDigit;
using latin::IsLower;
using latin::IsUpper;
using latin::IsWordByte;
using latin::WordEnd;
using latin::WordStartBefore;



// Lower-cases ASCII letters of a short word into `buf`; false if too long.
bool LowerInto(std::string_view w, char* buf, size_t cap, std::string_view* out) {
  if (w.size() > cap) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = w[i];
    buf[i] = IsUpper(c) ? static_cast<char>(c | 0x20) : static_cast<char>(c);
  }
  *out = std::string_view(buf, w.size());
  return true;
}

// Skips spaces and tabs (and U+00A0), at most `max` bytes.
size_t SkipSpace(std::string_view t, size_t i) {
  size_t start = i;
  while (i < t.size() && i - start < 4) {
    if (t[i] == ' ' || t[i] == '\t') {
      ++i;
    } else if (static_cast<unsigned char>(t[i]) == 0xC2 && i + 1 < t.size() &&
               static_cast<unsigned char>(t[i + 1]) == 0xA0) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// Reads 1..maxd digits at i; returns count (0 if none or too many).
int ReadDigits(std::string_view t, size_t i, int maxd, int* value) {
  int n = 0, v = 0;
  while (i + n < t.size() && IsDigit(t[i + n])) {
    if (n == maxd) return 0;
    v = v * 10 + (t[i + n] - '0');
    ++n;
  }
  *value = v;
  return n;
}

// A dash at i: '-', en dash, em dash. Returns its length or 0.
size_t DashAt(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == '-') return 1;
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char c = t[i + 2];
    if (c >= 0x90 && c <= 0x95) return 3;
  }
  return 0;
}

// ------------------------------------------------------------ holidays

// The holiday rules the dates.holidays and dates.holiday_first_words
// classes name (HolidayDate says how each is dated).
enum Holiday : std::uint8_t {
  kThanksgiving = 1, kTaxDay, kInauguration, kElectionDay, kLaborDay, kMemorialDay,
  kVeteransDay, kJuneteenth, kChristmas, kIndependenceDay, kPresidentsDay, kMlkDay,
  kWorldRefugeeDay, kColumbusDay, kHalloween, kNewYearsDay,
};

// The rule names the data uses (rule identifiers, not words of the text).
constexpr std::pair<std::string_view, Holiday> kHolidayRules[] = {
    {"thanksgiving", kThanksgiving},   {"tax_day", kTaxDay},
    {"inauguration_day", kInauguration}, {"election_day", kElectionDay},
    {"labor_day", kLaborDay},          {"memorial_day", kMemorialDay},
    {"veterans_day", kVeteransDay},    {"juneteenth", kJuneteenth},
    {"christmas", kChristmas},         {"independence_day", kIndependenceDay},
    {"presidents_day", kPresidentsDay}, {"mlk_day", kMlkDay},
    {"world_refugee_day", kWorldRefugeeDay}, {"columbus_day", kColumbusDay},
    {"halloween", kHalloween},         {"new_years_day", kNewYearsDay},
};

bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = w[i];
    if ((IsUpper(c) ? (c | 0x20) : c) != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

// ------------------------------------------------------------ tense

// Words that say the sentence talks about the future (+1) or the past (-1):
// the dates.future_words / past_words classes, then the word endings
// (dates.future_endings, past_endings: "we’ll", "announced", "realizará",
// "anunció") unless the word is in dates.not_past ("hundred").
int TenseOfWord(const DateKnowledge& kb, std::string_view w) {
  char buf[24];
  std::string_view l;
  if (!LowerInto(w, buf, sizeof buf, &l)) return 0;
  return kb.TenseOfWord(l);
}

bool IsSentenceEnd(std::string_view t, size_t i) {  // t[i] is the punctuation
  char c = t[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 < t.size() && t[i + 1] != ' ' && t[i + 1] != '\n') return false;
  // "Jan. 13", "Sen. X", "U.S. Court": an abbreviation is a short word before the period.
  size_t ws = WordStartBefore(t, i);
  if (c == '.' && i - ws <= 4 && i > ws && IsUpper(t[ws])) return false;
  return true;
}

// "to be introduced", "be signed": a participle after a word of
// dates.passive_markers does not make the sentence past.
bool PassiveOrInfinitive(const DateKnowledge& kb, std::string_view t, size_t ws) {
  size_t i = ws;
  while (i > 0 && t[i - 1] == ' ') --i;
  size_t ps = WordStartBefore(t, i);
  if (ps == i) return false;
  char buf[24];
  std::string_view l;
  return LowerInto(t.substr(ps, i - ps), buf, sizeof buf, &l) && kb.passive_markers->Contains(l);
}

// The tense marker nearest to [b, e) in its sentence: +1, -1 or 0. With
// `before_only`, only words before the mention count; at most `max_words`
// words on each side are looked at.
int NearestTense(const DateKnowledge& kb, std::string_view t, size_t b, size_t e, bool before_only, int max_words) {
  const size_t kReach = 320;
  size_t lo = b > kReach ? b - kReach : 0;
  size_t sb = lo;
  for (size_t i = b; i > lo; --i) {
    if (IsSentenceEnd(t, i - 1)) {
      sb = i;
      break;
    }
  }
  size_t se = b;
  if (!before_only) {
    size_t hi = std::min(t.size(), e + kReach);
    se = hi;
    for (size_t i = e; i < hi; ++i) {
      if (IsSentenceEnd(t, i)) {
        se = i;
        break;
      }
    }
  }
  // Words before the mention, remembered in a ring of the last max_words.
  constexpr int kMax = 16;
  max_words = std::min(max_words, kMax);
  size_t wb[kMax], we_[kMax];
  int count = 0;
  for (size_t i = sb; i < b;) {
    if (!IsWordByte(t[i])) {
      ++i;
      continue;
    }
    size_t we = WordEnd(t, i);
    if (we > b) break;
    wb[count % max_words] = i;
    we_[count % max_words] = we;
    ++count;
    i = we;
  }
  int best = 0;
  size_t best_dist = SIZE_MAX;
  for (int k = 0; k < std::min(count, max_words); ++k) {
    int idx = (count - 1 - k) % max_words;
    std::string_view w = t.substr(wb[idx], we_[idx] - wb[idx]);
    int tense = TenseOfWord(kb, w);
    if (tense < 0 && PassiveOrInfinitive(kb, t, wb[idx])) tense = 0;
    if (tense == 0 && w == "ll"sv && wb[idx] >= 1 &&
        (t[wb[idx] - 1] == '\'' || static_cast<unsigned char>(t[wb[idx] - 1]) == 0x99)) {
      tense = 1;  // we'll, we’ll
    }
    if (tense != 0) {
      best = tense;
      best_dist = b - we_[idx];
      break;
    }
  }
  int words = 0;
  for (size_t i = e; i < se && words < max_words;) {
    if (!IsWordByte(t[i])) {
      ++i;
      continue;
    }
    if (i - e >= best_dist) break;
    size_t we = WordEnd(t, i);
    ++words;
    int tense = TenseOfWord(kb, t.substr(i, we - i));
    if (tense < 0 && PassiveOrInfinitive(kb, t, i)) tense = 0;
    if (tense != 0) return tense;
    i = we;
  }
  return best;
}

// ------------------------------------------------------------ finder

struct Pub {
  bool ok = false;
  int y = 0, m = 0, d = 0;
  long days = 0;
};

Pub ParsePublished(std::string_view p) {
  Pub out;
  if (p.size() < 10 || p[4] != '-' || p[7] != '-') return out;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(p[i])) return out;
  }
  out.y = std::atoi(std::string(p.substr(0, 4)).c_str());
  out.m = (p[5] - '0') * 10 + (p[6] - '0');
  out.d = (p[8] - '0') * 10 + (p[9] - '0');
  if (out.m < 1 || out.m > 12 || out.d < 1 || out.d > DaysInMonth(out.y, out.m)) return out;
  out.days = DaysFromCivil(out.y, out.m, out.d);
  out.ok = true;
  return out;
}

class DateScanner {
 public:
  DateScanner(std::string_view text, const Pub& pub, const DateKnowledge& kb, const std::vector<TextSpan>& taken,
              std::vector<DateMention>* out)
      : t_(text), pub_(pub), kb_(kb), taken_(taken), out_(out) {}

  void Run() {
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
      if (kb_.MayStartDate(c)) {
        size_t next = IsDigit(c) ? TryNumber(i) : TryWord(i);
        i = std::max(next, we);
      } else {
        i = we;
      }
    }
  }

 private:
  // ---- emit

  void Emit(size_t b, size_t e, std::string value) {
    if (OverlapsAny(taken_, b, e)) return;
    std::string_view surface = t_.substr(b, e - b);
    for (const DateMention& m : *out_) {
      if (m.text.size() == surface.size() && EqualsLowerBoth(m.text, surface)) return;
    }
    out_->push_back(DateMention{std::string(surface), std::move(value)});
  }

  static bool EqualsLowerBoth(std::string_view a, std::string_view b) {
    for (size_t i = 0; i < a.size(); ++i) {
      unsigned char x = a[i], y = b[i];
      if (IsUpper(x)) x |= 0x20;
      if (IsUpper(y)) y |= 0x20;
      if (x != y) return false;
    }
    return true;
  }

  std::string_view Word(size_t b) const { return t_.substr(b, WordEnd(t_, b) - b); }

  // Whether the word [b, e) (any case) is in the word class `words`.
  bool In(const StringSet* words, size_t b, size_t e) const {
    char buf[24];
    std::string_view l;
    return LowerInto(t_.substr(b, e - b), buf, sizeof buf, &l) && words->Contains(l);
  }

  // Previous word (lower-cased into buf) before position b, skipping spaces
  // and a hyphen ("mid-March").
  std::string_view PrevWord(size_t b, char* buf, size_t cap) const {
    size_t i = b;
    while (i > 0 && (t_[i - 1] == ' ' || t_[i - 1] == '-')) --i;
    size_t ws = WordStartBefore(t_, i);
    std::string_view l;
    if (ws == i || !LowerInto(t_.substr(ws, i - ws), buf, cap, &l)) return {};
    return l;
  }
  size_t PrevWordStart(size_t b) const {
    size_t i = b;
    while (i > 0 && t_[i - 1] == ' ') --i;
    return WordStartBefore(t_, i);
  }

  // ---- resolution

  // Year for month `m` day `d` with no year: nearest occurrence to the
  // publication date, moved by a clear tense more than two months away.
  int ResolveMonthDayYear(int m, int d, size_t b, size_t e) const {
    int best_y = pub_.y;
    long best = LONG_MAX;
    for (int y = pub_.y - 1; y <= pub_.y + 1; ++y) {
      if (d > DaysInMonth(y, m)) continue;
      long diff = std::labs(DaysFromCivil(y, m, d) - pub_.days);
      if (diff < best) {
        best = diff;
        best_y = y;
      }
    }
    long delta = DaysFromCivil(best_y, m, std::min(d, DaysInMonth(best_y, m))) - pub_.days;
    if (delta < -60 || delta > 60) {
      int tense = NearestTense(kb_, t_, b, e, false, 12);
      if (tense > 0 && delta < 0) ++best_y;
      if (tense < 0 && delta > 0) --best_y;
    }
    return best_y;
  }

  int ResolveMonthYear(int m, size_t b, size_t e) const {
    if (m == pub_.m) return pub_.y;
    // Nearest: within six months either side; a tie goes to the past.
    int diff = m - pub_.m;  // -11..11
    int y = pub_.y;
    if (diff > 6) y = pub_.y - 1;
    if (diff < -6) y = pub_.y + 1;
    if (diff == 6 || diff == -6) y = diff > 0 ? pub_.y - 1 : pub_.y;
    int tense = NearestTense(kb_, t_, b, e, false, 12);
    int rel = (y - pub_.y) * 12 + diff;  // months from publication
    if (tense > 0 && rel < 0) y += 1;
    if (tense < 0 && rel > 0) y -= 1;
    return y;
  }

  // A weekday mention without a date: the most recent such day on or before
  // publication, or the next one when a future word precedes it.
  long ResolveWeekday(int wd, int modifier, size_t b, size_t e) const {
    int pw = WeekdayOf(pub_.days);
    long back = pub_.days - ((pw - wd + 7) % 7);
    long fwd = pub_.days + ((wd - pw + 7) % 7);
    if (modifier == 2) {  // "this"/"este": nearest, today if it is that day
      return (pub_.days - back) <= (fwd - pub_.days) ? back : fwd;
    }
    if (modifier < 0) return back == pub_.days ? back - 7 : back;
    if (modifier > 0) return fwd == pub_.days ? fwd + 7 : fwd;
    if (NearestTense(kb_, t_, b, e, true, 8) > 0) return fwd;
    return back;
  }

  // Weekday + month + day: the year (of three) where the weekday agrees,
  // else the nearest one.
  long ResolveWeekdayDate(int wd, int m, int d, size_t b, size_t e) const {
    long best = LONG_MAX, best_days = 0;
    for (int y = pub_.y - 1; y <= pub_.y + 1; ++y) {
      if (d > DaysInMonth(y, m)) continue;
      long days = DaysFromCivil(y, m, d);
      if (WeekdayOf(days) != wd) continue;
      long diff = std::labs(days - pub_.days);
      if (diff < best) {
        best = diff;
        best_days = days;
      }
    }
    if (best != LONG_MAX && best < 200) return best_days;
    int y = ResolveMonthDayYear(m, d, b, e);
    return DaysFromCivil(y, m, d);
  }

  long HolidayDate(int id, int y) const {
    switch (id) {
      case kThanksgiving: return NthWeekday(y, 11, 4, 4);
      case kTaxDay: {
        long d = DaysFromCivil(y, 4, 15);
        int w = WeekdayOf(d);
        return w == 6 ? d + 2 : w == 0 ? d + 1 : d;
      }
      case kInauguration: return DaysFromCivil(y, 1, 20);
      case kElectionDay: return NthWeekday(y, 11, 1, 1) + 1;
      case kLaborDay: return NthWeekday(y, 9, 1, 1);
      case kMemorialDay: return NthWeekday(y, 5, 1, -1);
      case kVeteransDay: return DaysFromCivil(y, 11, 11);
      case kJuneteenth: return DaysFromCivil(y, 6, 19);
      case kChristmas: return DaysFromCivil(y, 12, 25);
      case kIndependenceDay: return DaysFromCivil(y, 7, 4);
      case kPresidentsDay: return NthWeekday(y, 2, 1, 3);
      case kMlkDay: return NthWeekday(y, 1, 1, 3);
      case kWorldRefugeeDay: return DaysFromCivil(y, 6, 20);
      case kColumbusDay: return NthWeekday(y, 10, 1, 2);
      case kHalloween: return DaysFromCivil(y, 10, 31);
      case kNewYearsDay: return DaysFromCivil(y, 1, 1);
    }
    return 0;
  }

  void EmitHoliday(size_t b, size_t e, int id) {
    if (!pub_.ok) return;
    long best = LONG_MAX, best_days = 0;
    for (int y = pub_.y - 4; y <= pub_.y + 1; ++y) {
      if (id == kInauguration && (y % 4) != 1) continue;
      long d = HolidayDate(id, y);
      long diff = std::labs(d - pub_.days);
      if (diff < best) {
        best = diff;
        best_days = d;
      }
    }
    Emit(b, e, FormatDay(best_days));
  }

  // ---- parsers; each returns the position after what it consumed, or the
  // start position when nothing matched.

  // After a month word at [b, me): optional '.', then " D[th][, YYYY]" or
  // " YYYY". Fills the end and fields; returns 0 none, 1 month-day,
  // 2 full date, 3 month-year.
  int ParseAfterMonth(size_t me, bool abbrev, size_t* end, int* day, int* year) const {
    size_t i = me;
    bool period = i < t_.size() && t_[i] == '.';
    if (period) ++i;
    size_t j = SkipSpace(t_, i);
    if (j == i || j >= t_.size() || !IsDigit(t_[j])) return 0;
    int v = 0;
    int nd = ReadDigits(t_, j, 4, &v);
    if (nd == 0) return 0;
    size_t k = j + nd;
    if (nd == 4) {
      if (abbrev && !period) return 0;
      if (v < 1900 || v > 2099) return 0;
      if (k < t_.size() && (IsWordByte(t_[k]))) return 0;
      *year = v;
      *end = k;
      return 3;
    }
    if (v < 1 || v > 31) return 0;
    // ordinal suffix
    if (k + 1 < t_.size() && IsAsciiAlpha(t_[k])) {
      const size_t suffix = OrdinalSuffixAt(k);
      if (suffix == 0) return 0;
      k += suffix;
    } else if (k < t_.size() && (IsWordByte(t_[k]))) {
      return 0;
    }
    if (k < t_.size() && t_[k] == ':') return 0;  // a time, "May 5:30"? no
    *day = v;
    *end = k;
    // ", YYYY" or " YYYY"
    size_t y0 = k;
    if (y0 < t_.size() && t_[y0] == ',') ++y0;
    size_t y1 = SkipSpace(t_, y0);
    if (y1 > k && y1 < t_.size() && IsDigit(t_[y1])) {
      int yv = 0;
      int yn = ReadDigits(t_, y1, 4, &yv);
      if (yn == 4 && yv >= 1900 && yv <= 2099 &&
          (y1 + 4 >= t_.size() || !IsWordByte(t_[y1 + 4]))) {
        *year = yv;
        *end = y1 + 4;
        return 2;
      }
    }
    return 1;
  }

  // An ordinal suffix of dates.ordinal_suffixes ending a word at k ("9th"):
  // its length, or 0.
  size_t OrdinalSuffixAt(size_t k) const {
    for (const std::string& suffix : *kb_.ordinal_suffixes) {
      const size_t e = k + suffix.size();
      if (t_.substr(k, suffix.size()) == suffix && (e >= t_.size() || !IsWordByte(t_[e]))) return suffix.size();
    }
    return 0;
  }

  // Spanish " de mayo[ de 2026]" after a day number ending at `i`
  // (dates.day_month_joiner_es, then a dates.months_es word).
  // Returns month (0 if none) and sets end/year.
  int ParseSpanishDeMonth(size_t i, size_t* end, int* year) const {
    size_t j = SkipSpace(t_, i);
    if (j == i) return 0;
    const size_t je = WordEnd(t_, j);
    if (!In(kb_.day_month_joiner_es, j, je)) return 0;
    size_t k = SkipSpace(t_, je);
    if (k == je) return 0;
    size_t we = WordEnd(t_, k);
    char buf[16];
    std::string_view l;
    if (we == k || !LowerInto(t_.substr(k, we - k), buf, sizeof buf, &l)) return 0;
    const DateWord* kw = kb_.Keyword(l);
    if (kw == nullptr || kw->kind != DateWord::kMonthEs) return 0;
    *end = we;
    *year = 0;
    ParseSpanishYear(we, end, year);
    return kw->val;
  }

  // " de 2026" / " del 2026" (dates.year_joiners_es) after position i.
  bool ParseSpanishYear(size_t i, size_t* end, int* year) const {
    size_t j = SkipSpace(t_, i);
    if (j == i) return false;
    size_t we = WordEnd(t_, j);
    if (!In(kb_.year_joiners_es, j, we)) return false;
    size_t k = SkipSpace(t_, we);
    int v = 0;
    if (k == we || ReadDigits(t_, k, 4, &v) != 4 || v < 1900 || v > 2099) return false;
    if (k + 4 < t_.size() && IsWordByte(t_[k + 4])) return false;
    *year = v;
    *end = k + 4;
    return true;
  }

  // A number at b: a slash date, a day before its month, or a year.
  size_t TryNumber(size_t b) {
    int v = 0;
    int nd = ReadDigits(t_, b, 4, &v);
    if (nd == 0) return b;
    size_t k = b + nd;
    if (nd <= 2 && k < t_.size() && t_[k] == '/') return TrySlashDate(b, k, v);
    if (nd <= 2) return TryDayFirst(b, k, v);
    if (nd != 4) return SkipToken(b);
    return TryYear(b, k, v);
  }

  // M/D/YYYY: "3/3/2026"; the month `v` ends at k.
  size_t TrySlashDate(size_t b, size_t k, int v) {
    int d = 0, y = 0;
    int dn = ReadDigits(t_, k + 1, 2, &d);
    if (dn > 0 && k + 1 + dn < t_.size() && t_[k + 1 + dn] == '/') {
      size_t yb = k + 2 + dn;
      int yn = ReadDigits(t_, yb, 4, &y);
      if (yn == 4 && (yb + 4 >= t_.size() || !IsWordByte(t_[yb + 4])) && v >= 1 && v <= 12 &&
          d >= 1 && d <= DaysInMonth(y, v) && y >= 1900 && y <= 2099) {
        Emit(b, yb + 4, FormatDay(DaysFromCivil(y, v, d)));
        return yb + 4;
      }
    }
    return SkipToken(b);
  }

  // A day number `v` at [b, k) before its month: Spanish "30 de mayo de
  // 2026" (with a weekday before it: "sábado 14 de marzo"), English
  // "15 June 2012".
  size_t TryDayFirst(size_t b, size_t k, int v) {
    if (v < 1 || v > 31 || (k < t_.size() && IsWordByte(t_[k]))) return SkipToken(b);
    size_t end = 0;
    int year = 0;
    int m = ParseSpanishDeMonth(k, &end, &year);
    if (m != 0) {
      size_t sb = b;
      int wd = SpanishWeekdayBefore(b, &sb);
      if (year != 0) {
        if (v <= DaysInMonth(year, m)) Emit(sb, end, FormatDay(DaysFromCivil(year, m, v)));
      } else if (pub_.ok) {
        long days = wd >= 0 ? ResolveWeekdayDate(wd, m, v, sb, end)
                            : DaysFromCivil(ResolveMonthDayYear(m, v, b, end), m, v);
        int y, mm, dd;
        CivilFromDays(days, &y, &mm, &dd);
        if (v <= DaysInMonth(y, m)) Emit(sb, end, FormatDay(days));
      }
      return end;
    }
    size_t j = SkipSpace(t_, k);
    if (j > k && j < t_.size() && IsUpper(t_[j])) {
      size_t we = WordEnd(t_, j);
      char buf[16];
      std::string_view l;
      const DateWord* kw = nullptr;
      if (LowerInto(t_.substr(j, we - j), buf, sizeof buf, &l)) kw = kb_.Keyword(l);
      if (kw != nullptr && kw->kind == DateWord::kMonth && !kw->abbrev) {
        size_t y1 = SkipSpace(t_, we);
        int yv = 0;
        if (y1 > we && ReadDigits(t_, y1, 4, &yv) == 4 && yv >= 1900 && yv <= 2099 &&
            (y1 + 4 >= t_.size() || !IsWordByte(t_[y1 + 4])) && v <= DaysInMonth(yv, kw->val)) {
          Emit(b, y1 + 4, FormatDay(DaysFromCivil(yv, kw->val, v)));
          return y1 + 4;
        }
      }
    }
    return SkipToken(b);
  }

  // Four digits `v` at [b, k): an ISO date ("2025-12-31"), a fiscal year
  // range ("2026–27"), or a year ("since 2017", "spring 2027") unless they
  // are part of an identifier or a count.
  size_t TryYear(size_t b, size_t k, int v) {
    if (k < t_.size() && (IsWordByte(t_[k]) || t_[k] == '%' || t_[k] == '/')) return SkipToken(b);
    if (k + 1 < t_.size() && (t_[k] == ',' || t_[k] == '.') && IsDigit(t_[k + 1])) return SkipToken(b);
    // ISO date
    if (k + 5 < t_.size() && t_[k] == '-' && IsDigit(t_[k + 1]) && IsDigit(t_[k + 2]) &&
        t_[k + 3] == '-') {
      int m = 0, d = 0;
      if (ReadDigits(t_, k + 1, 2, &m) == 2 && ReadDigits(t_, k + 4, 2, &d) == 2 && m >= 1 &&
          m <= 12 && d >= 1 && d <= DaysInMonth(v, m) &&
          (k + 6 >= t_.size() || !IsWordByte(t_[k + 6]))) {
        Emit(b, k + 6, FormatDay(DaysFromCivil(v, m, d)));
        return k + 6;
      }
    }
    if (InsideIdentifier(b)) return k;
    // "2026–27", "2026-2027": a fiscal year.
    size_t dl = DashAt(t_, k);
    if (dl > 0) {
      int v2 = 0;
      int n2 = ReadDigits(t_, k + dl, 4, &v2);
      size_t e2 = k + dl + n2;
      bool bound = e2 >= t_.size() || !IsWordByte(t_[e2]);
      if (bound && ((n2 == 2 && v2 == (v + 1) % 100) || (n2 == 4 && v2 == v + 1))) {
        if (v >= 1900 && v <= 2098) Emit(b, e2, FormatFY(v + 1));
        return e2;
      }
      if (n2 > 0) return e2;  // "2010-2015", a phone number: not a year mention we can value
    }
    if (v < 1900 || v > 2099) return k;
    if (IsCountContext(b, k)) return k;
    Emit(SeasonStart(b), k, FormatYear(v));
    return k;
  }

  // Four digits at b that are part of an identifier or a number: "0214-2026",
  // "$2025", "No. 2025".
  bool InsideIdentifier(size_t b) const {
    if (b == 0) return false;
    unsigned char p = t_[b - 1];
    if (p == '$' || p == '#' || p == '/' || p == '.' || p == ',' || p == ':' || p == '+') return true;
    if (p == '-' && b > 1 && IsWordByte(t_[b - 2])) return true;
    return b >= 3 && static_cast<unsigned char>(t_[b - 3]) == 0xE2 && b > 3 && IsDigit(t_[b - 4]) &&
           DashAt(t_, b - 3);
  }

  // Where a year at b starts its mention: at a season before it ("spring
  // 2027", "summer of 2024": dates.seasons, dates.season_of), else at b.
  size_t SeasonStart(size_t b) const {
    char buf[16];
    size_t pe = b;
    while (pe > 0 && t_[pe - 1] == ' ') --pe;
    size_t ps = WordStartBefore(t_, pe);
    std::string_view l;
    if (ps >= pe || !LowerInto(t_.substr(ps, pe - ps), buf, sizeof buf, &l)) return b;
    if (kb_.season_of->Contains(l)) {
      size_t pe2 = ps;
      while (pe2 > 0 && t_[pe2 - 1] == ' ') --pe2;
      size_t ps2 = WordStartBefore(t_, pe2);
      char buf2[16];
      std::string_view l2;
      if (ps2 < pe2 && LowerInto(t_.substr(ps2, pe2 - ps2), buf2, sizeof buf2, &l2)) {
        const DateWord* kw = kb_.Keyword(l2);
        if (kw != nullptr && kw->kind == DateWord::kSeason) return ps2;
      }
      return b;
    }
    const DateWord* kw = kb_.Keyword(l);
    return kw != nullptr && kw->kind == DateWord::kSeason ? ps : b;
  }

  // Four digits that count things rather than name a year: after a word of
  // dates.count_before ("about 2000", "Suite 2100") or before one of
  // dates.count_after ("2000 people").
  bool IsCountContext(size_t b, size_t e) const {
    char buf[24];
    std::string_view prev = PrevWord(b, buf, sizeof buf);
    if (!prev.empty() && kb_.count_before->Contains(prev)) return true;
    size_t j = SkipSpace(t_, e);
    if (j == e) return false;
    size_t we = WordEnd(t_, j);
    std::string_view l;
    if (we == j || !LowerInto(t_.substr(j, we - j), buf, sizeof buf, &l)) return false;
    return kb_.count_after->Contains(l);
  }

  size_t SkipToken(size_t b) const {
    size_t i = b;
    while (i < t_.size() && (IsWordByte(t_[i]) || t_[i] == ',' || t_[i] == '.') &&
           !(t_[i] == ',' && (i + 1 >= t_.size() || !IsDigit(t_[i + 1]))) &&
           !(t_[i] == '.' && (i + 1 >= t_.size() || !IsDigit(t_[i + 1])))) {
      ++i;
    }
    return i > b ? i : b + 1;
  }

  // A Spanish weekday right before a day number ("sábado 14 de marzo",
  // "el viernes, 6 de febrero"): its value, and where the mention starts.
  int SpanishWeekdayBefore(size_t b, size_t* start) const {
    size_t pe = b;
    while (pe > 0 && (t_[pe - 1] == ' ' || t_[pe - 1] == ',')) --pe;
    size_t ps = WordStartBefore(t_, pe);
    char buf[16];
    std::string_view l;
    if (ps == pe || !LowerInto(t_.substr(ps, pe - ps), buf, sizeof buf, &l)) return -1;
    const DateWord* kw = kb_.Keyword(l);
    if (kw == nullptr || kw->kind != DateWord::kWeekdayEs) return -1;
    *start = ps;
    return kw->val;
  }

  size_t TryWord(size_t b) {
    size_t we = WordEnd(t_, b);
    if (we == b) return b;
    char buf[24];
    std::string_view l;
    if (!LowerInto(t_.substr(b, we - b), buf, sizeof buf, &l)) return we;
    // FY27, FY2027
    if (l.size() >= 4 && l[0] == 'f' && l[1] == 'y' && IsDigit(l[2])) {
      int v = 0;
      int n = ReadDigits(l, 2, 4, &v);
      if ((n == 2 || n == 4) && 2 + static_cast<size_t>(n) == l.size() && IsUpper(t_[b])) {
        EmitFiscal(b, we, v, n);
      }
      return we;
    }
    const DateWord* kw = kb_.Keyword(l);
    if (kw == nullptr) {
      if (l == "fy"sv && IsUpper(t_[b])) return TryFY(b, we);
      return we;
    }
    bool cap = IsUpper(t_[b]);
    switch (kw->kind) {
      case DateWord::kMonth:
        if (!cap) return we;
        return TryMonth(b, we, kw->val, kw->abbrev, false);
      case DateWord::kMonthEs:
        return TryMonth(b, we, kw->val, false, true);
      case DateWord::kWeekday:
        if (!cap) return we;
        return TryWeekday(b, we, kw->val, false);
      case DateWord::kWeekdayEs:
        return TryWeekday(b, we, kw->val, true);
      case DateWord::kToday:
        if (pub_.ok) Emit(b, we, FormatDay(pub_.days));
        return we;
      case DateWord::kYesterday:
        if (pub_.ok) Emit(b, we, FormatDay(pub_.days - 1));
        return we;
      case DateWord::kTomorrow:
        if (pub_.ok) Emit(b, we, FormatDay(pub_.days + 1));
        return we;
      case DateWord::kThisLastNext:
        return TryRelative(b, we, kw->val);
      case DateWord::kFiscal:
        return TryFiscalYear(b, we);
      case DateWord::kHoliday:
        if (cap) EmitHoliday(b, we, kw->val);
        return we;
      case DateWord::kHolidayFirst:
        return TryHolidayDay(b, we, kw->val);
      case DateWord::kSpanishYearWord:
      case DateWord::kSpanishMonthWord:
        return TrySpanishRelative(b, we, kw->kind == DateWord::kSpanishYearWord);
      case DateWord::kSpanishThis:
        return TrySpanishThis(b, we);
      default:
        return we;
    }
  }

  // Spanish "este"/"esta" at [b, we) before a weekday ("este lunes") or a
  // year or month word ("este año").
  size_t TrySpanishThis(size_t b, size_t we) {
    size_t j = SkipSpace(t_, we);
    if (j == we) return we;
    size_t we2 = WordEnd(t_, j);
    char b2[16];
    std::string_view l2;
    if (!LowerInto(t_.substr(j, we2 - j), b2, sizeof b2, &l2)) return we;
    const DateWord* k2 = kb_.Keyword(l2);
    if (k2 != nullptr && k2->kind == DateWord::kWeekdayEs) {
      if (pub_.ok) Emit(b, we2, FormatDay(ResolveWeekday(k2->val, 2, b, we2)));
      return we2;
    }
    if (k2 != nullptr && (k2->kind == DateWord::kSpanishYearWord || k2->kind == DateWord::kSpanishMonthWord)) {
      return TrySpanishRelative(j, we2, k2->kind == DateWord::kSpanishYearWord);
    }
    return we;
  }

  void EmitFiscal(size_t b, size_t e, int v, int ndigits) {
    int y = ndigits == 2 ? 2000 + v : v;
    if (y < 1950 || y > 2099) return;
    // "FY 2026-27" / "FY2026–2027": the fiscal year is the second one.
    size_t dl = DashAt(t_, e);
    if (dl > 0) {
      int v2 = 0;
      int n2 = ReadDigits(t_, e + dl, 4, &v2);
      size_t e2 = e + dl + n2;
      if ((e2 >= t_.size() || !IsWordByte(t_[e2])) &&
          ((n2 == 2 && v2 == (y + 1) % 100) || (n2 == 4 && v2 == y + 1))) {
        Emit(b, e2, FormatFY(y + 1));
        return;
      }
    }
    Emit(b, e, FormatFY(y));
  }

  // "FY 2027", "FY-27", "FY’27"
  size_t TryFY(size_t b, size_t we) {
    size_t j = we;
    if (j < t_.size() && (t_[j] == ' ' || t_[j] == '-' || t_[j] == '\'')) {
      ++j;
    } else if (j + 2 < t_.size() && t_.substr(j, 3) == "\xE2\x80\x99"sv) {
      j += 3;
    } else {
      return we;
    }
    int v = 0;
    int n = ReadDigits(t_, j, 4, &v);
    if ((n != 2 && n != 4) || (j + n < t_.size() && IsWordByte(t_[j + n]))) return we;
    EmitFiscal(b, j + n, v, n);
    return j + n;
  }

  // "Fiscal Year 2027", "fiscal year 27", "fiscal 2027"
  size_t TryFiscalYear(size_t b, size_t we) {
    size_t j = SkipSpace(t_, we);
    if (j == we) return we;
    size_t numb = j;
    if (j < t_.size() && !IsDigit(t_[j])) {
      size_t we2 = WordEnd(t_, j);
      if (!In(kb_.year_word, j, we2)) return we;
      numb = SkipSpace(t_, we2);
      if (numb == we2) return we;
    }
    int v = 0;
    int n = ReadDigits(t_, numb, 4, &v);
    if ((n != 2 && n != 4) || (numb + n < t_.size() && IsWordByte(t_[numb + n]))) return we;
    EmitFiscal(b, numb + n, v, n);
    return numb + n;
  }

  // this/last/next + month|year|fiscal year
  size_t TryRelative(size_t b, size_t we, int rel) {
    size_t j = SkipSpace(t_, we);
    if (j == we || !pub_.ok) return we;
    size_t we2 = WordEnd(t_, j);
    char buf[16];
    std::string_view l;
    if (we2 == j || !LowerInto(t_.substr(j, we2 - j), buf, sizeof buf, &l)) return we;
    if (kb_.month_word->Contains(l)) {
      Emit(b, we2, RelativeMonth(rel));
      return we2;
    }
    if (kb_.year_word->Contains(l)) {
      Emit(b, we2, FormatYear(pub_.y + rel));
      return we2;
    }
    if (kb_.fiscal->Contains(l)) {
      size_t k = SkipSpace(t_, we2);
      size_t we3 = WordEnd(t_, k);
      if (k > we2 && In(kb_.year_word, k, we3)) {
        Emit(b, we3, FormatFY(pub_.y + rel));
        return we3;
      }
      return we;
    }
    const DateWord* kw = kb_.Keyword(l);
    if (kw != nullptr && kw->kind == DateWord::kWeekday && IsUpper(t_[j])) {
      Emit(b, we2, FormatDay(ResolveWeekday(kw->val, rel == 0 ? 2 : rel, b, we2)));
      return we2;
    }
    return we;
  }

  // Spanish "el año pasado", "este año", "el próximo mes", "el mes que viene",
  // "año fiscal 2027". Called at the year/month word [b, we).
  size_t TrySpanishRelative(size_t b, size_t we, bool year) {
    size_t end = 0;
    if (year && TrySpanishFiscalYear(b, we, &end)) return end;
    if (!pub_.ok) return we;
    size_t sb = b, se = we;
    int rel = SpanishModifierBefore(b, &sb);
    if (rel == 2) rel = SpanishModifierAfter(we, &se);
    if (rel == 2) return we;
    // include a preceding "el" ("el año pasado", "el próximo mes"): dates.article_es
    {
      size_t pe2 = sb;
      while (pe2 > 0 && t_[pe2 - 1] == ' ') --pe2;
      size_t ps2 = WordStartBefore(t_, pe2);
      if (ps2 < pe2 && pe2 < sb && In(kb_.article_es, ps2, pe2)) sb = ps2;
    }
    Emit(sb, se, year ? FormatYear(pub_.y + rel) : RelativeMonth(rel));
    return se;
  }

  // "año fiscal 2027" (dates.fiscal after the year word [b, we)): true when
  // the fiscal word follows, with *end after what was read.
  bool TrySpanishFiscalYear(size_t b, size_t we, size_t* end) {
    size_t j = SkipSpace(t_, we);
    size_t we2 = WordEnd(t_, j);
    if (j == we || !In(kb_.fiscal, j, we2)) return false;
    size_t k = SkipSpace(t_, we2);
    int v = 0;
    int n = ReadDigits(t_, k, 4, &v);
    if (k > we2 && (n == 2 || n == 4) && (k + n >= t_.size() || !IsWordByte(t_[k + n]))) {
      EmitFiscal(b, k + n, v, n);
      *end = k + n;
    } else {
      *end = we2;
    }
    return true;
  }

  // The modifier before a Spanish year/month/weekday word at b: 0 for
  // dates.this_es ("este año"), +1 for dates.next_before_es ("el próximo
  // mes"), -1 for dates.last_before_es ("el pasado año"), 2 for none; moves
  // *start to the modifier.
  int SpanishModifierBefore(size_t b, size_t* start) const {
    char buf[16];
    size_t pe = b;
    while (pe > 0 && t_[pe - 1] == ' ') --pe;
    size_t ps = WordStartBefore(t_, pe);
    std::string_view prev;
    if (ps < pe) LowerInto(t_.substr(ps, pe - ps), buf, sizeof buf, &prev);
    int rel = 2;
    if (kb_.this_es->Contains(prev)) {
      rel = 0;
    } else if (kb_.next_before_es->Contains(prev)) {
      rel = 1;
    } else if (kb_.last_before_es->Contains(prev)) {
      rel = -1;
    }
    if (rel != 2) *start = ps;
    return rel;
  }

  // The modifier after a Spanish year/month word ending at we: -1 for
  // dates.period_last_after_es ("el año pasado"), +1 for
  // dates.period_next_after_es ("el mes entrante") or a
  // dates.period_next_pair_es pair ("el mes que viene"), 2 for none; moves
  // *end past it.
  int SpanishModifierAfter(size_t we, size_t* end) const {
    size_t j = SkipSpace(t_, we);
    size_t we2 = WordEnd(t_, j);
    char b2[16];
    std::string_view next;
    if (j == we || !LowerInto(t_.substr(j, we2 - j), b2, sizeof b2, &next)) return 2;
    if (kb_.period_last_after_es->Contains(next)) {
      *end = we2;
      return -1;
    }
    if (kb_.period_next_after_es->Contains(next)) {
      *end = we2;
      return 1;
    }
    const std::string* second = kb_.period_next_pair_es->Find(next);
    if (second != nullptr) {
      size_t k = SkipSpace(t_, we2);
      size_t we3 = WordEnd(t_, k);
      if (k > we2 && EqualsLower(t_.substr(k, we3 - k), *second)) {
        *end = we3;
        return 1;
      }
    }
    return 2;
  }

  // The month `rel` months from publication, "YYYY-MM".
  std::string RelativeMonth(int rel) const {
    int m = pub_.m + rel, y = pub_.y;
    if (m < 1) { m += 12; --y; }
    if (m > 12) { m -= 12; ++y; }
    return FormatMonth(y, m);
  }

  // "Tax Day", "Inauguration Day", "Labor Day", "MLK Day", "Presidents’ Day"
  size_t TryHolidayDay(size_t b, size_t we, int id) {
    if (!IsUpper(t_[b])) return we;
    size_t j = we;
    // possessive apostrophe: Presidents' / Presidents’ / Veterans’
    if (j < t_.size() && t_[j] == '\'') ++j;
    else if (j + 2 < t_.size() && t_.substr(j, 3) == "\xE2\x80\x99"sv) j += 3;
    size_t k = SkipSpace(t_, j);
    if (k == j) return we;
    size_t we2 = WordEnd(t_, k);
    if (!kb_.holiday_day->Contains(t_.substr(k, we2 - k))) return we;
    EmitHoliday(b, we2, id);
    return we2;
  }

  size_t TryMonth(size_t b, size_t me, int m, bool abbrev, bool spanish) {
    size_t end = 0;
    int day = 0, year = 0;
    int kind = spanish ? 0 : ParseAfterMonth(me, abbrev, &end, &day, &year);
    if (spanish) {
      // "mayo de 2026"
      if (ParseSpanishYear(me, &end, &year)) kind = 3;
    }
    if (kind == 2) {
      if (day <= DaysInMonth(year, m)) Emit(b, end, FormatDay(DaysFromCivil(year, m, day)));
      return end;
    }
    if (kind == 1) {
      if (pub_.ok && day <= 31) {
        int y = ResolveMonthDayYear(m, day, b, end);
        if (day <= DaysInMonth(y, m)) Emit(b, end, FormatDay(DaysFromCivil(y, m, day)));
      }
      return end;
    }
    if (kind == 3) {
      Emit(b, end, FormatMonth(year, m));
      return end;
    }
    if (abbrev) return me;
    // Month alone: needs a preposition-like word before it ("in April",
    // "since January", "mid-March"), so names ("April Ryan") and verbs ("may")
    // stay out.
    char buf[24];
    std::string_view prev = PrevWord(b, buf, sizeof buf);
    if (prev.empty() || !kb_.month_context->Contains(prev)) return me;
    if (!spanish) {
      // followed by a capitalized word: probably a name ("in June Jordan's")
      size_t j = SkipSpace(t_, me);
      if (j > me && j < t_.size() && IsUpper(t_[j])) {
        size_t we = WordEnd(t_, j);
        char b2[16];
        std::string_view l2;
        const DateWord* kw = nullptr;
        if (LowerInto(t_.substr(j, we - j), b2, sizeof b2, &l2)) kw = kb_.Keyword(l2);
        if (kw == nullptr) return me;
      }
    }
    if (!pub_.ok) return me;
    // "between September and December 2025": borrow the year.
    int y = BorrowedYear(me, m, spanish);
    if (y == 0) y = ResolveMonthYear(m, b, me);
    Emit(b, me, FormatMonth(y, m));
    return me;
  }

  int BorrowedYear(size_t me, int m, bool spanish) const {
    size_t j = SkipSpace(t_, me);
    size_t dl = DashAt(t_, me);
    if (dl > 0) {
      j = SkipSpace(t_, me + dl);
    } else {
      if (j == me) return 0;
      size_t we = WordEnd(t_, j);
      if (!In(kb_.month_range_joiners, j, we)) return 0;
      size_t k = SkipSpace(t_, we);
      if (k == we) return 0;
      j = k;
    }
    size_t we = WordEnd(t_, j);
    char buf[16];
    std::string_view l;
    if (we == j || !LowerInto(t_.substr(j, we - j), buf, sizeof buf, &l)) return 0;
    const DateWord* kw = kb_.Keyword(l);
    if (kw == nullptr || (kw->kind != DateWord::kMonth && kw->kind != DateWord::kMonthEs) || kw->abbrev) return 0;
    size_t end = 0;
    int year = 0;
    if (spanish) {
      if (!ParseSpanishYear(we, &end, &year)) return 0;
    } else {
      size_t k = SkipSpace(t_, we);
      if (k == we || ReadDigits(t_, k, 4, &year) != 4 || year < 1900 || year > 2099) return 0;
    }
    return m <= kw->val ? year : year - 1;
  }

  // A weekday at [b, we): with its date after it, else the day the tense
  // points to.
  size_t TryWeekday(size_t b, size_t we, int wd, bool spanish) {
    // Weekday + date: "Thursday, February 26", "Monday, Dec. 8", "Tuesday, Jan. 13, 2026"
    size_t j = we;
    if (j < t_.size() && t_[j] == ',') ++j;
    size_t k = SkipSpace(t_, j);
    if (k > we && k < t_.size()) {
      if (!spanish && IsUpper(t_[k])) {
        size_t me = WordEnd(t_, k);
        char buf[16];
        std::string_view l;
        const DateWord* kw = nullptr;
        if (LowerInto(t_.substr(k, me - k), buf, sizeof buf, &l)) kw = kb_.Keyword(l);
        if (kw != nullptr && kw->kind == DateWord::kMonth) {
          size_t end = 0;
          int day = 0, year = 0;
          int kind = ParseAfterMonth(me, kw->abbrev, &end, &day, &year);
          if (kind == 2) {
            if (day <= DaysInMonth(year, kw->val)) {
              Emit(b, end, FormatDay(DaysFromCivil(year, kw->val, day)));
            }
            return end;
          }
          if (kind == 1) {
            if (pub_.ok) Emit(b, end, FormatDay(ResolveWeekdayDate(wd, kw->val, day, b, end)));
            return end;
          }
        }
      }
      if (spanish && IsDigit(t_[k])) {
        // handled by TryNumber via SpanishWeekdayBefore
        return we;
      }
    }
    if (!pub_.ok) return we;
    if (spanish) return SpanishWeekday(b, we, wd);
    Emit(b, we, FormatDay(ResolveWeekday(wd, 0, b, we)));
    return we;
  }

  // A Spanish weekday without a date at [b, we): "el lunes pasado", "el
  // próximo lunes" (dates.next_before_es, last_before_es,
  // weekday_last_after_es, weekday_next_after_es); after a word of
  // dates.plural_articles_es ("los lunes") it is every Monday, not a date.
  size_t SpanishWeekday(size_t b, size_t we, int wd) {
    char buf[24];
    std::string_view prev = PrevWord(b, buf, sizeof buf);
    if (kb_.plural_articles_es->Contains(prev)) return we;
    int modifier = 0;
    size_t sb = b, se = we;
    if (kb_.next_before_es->Contains(prev)) {
      modifier = 1;
      sb = PrevWordStart(b);
    } else if (kb_.last_before_es->Contains(prev)) {
      modifier = -1;
      sb = PrevWordStart(b);
    } else {
      size_t n1 = SkipSpace(t_, we);
      size_t n2 = WordEnd(t_, n1);
      if (n1 > we && In(kb_.weekday_last_after_es, n1, n2)) {
        modifier = -1;
        se = n2;
      } else if (n1 > we && In(kb_.weekday_next_after_es, n1, n2)) {
        modifier = 1;
        se = n2;
      }
    }
    Emit(sb, se, FormatDay(ResolveWeekday(wd, modifier, sb, se)));
    return se;
  }

  std::string_view t_;
  Pub pub_;
  const DateKnowledge& kb_;
  const std::vector<TextSpan>& taken_;
  std::vector<DateMention>* out_;
};

}  // namespace

void ExtractDates(std::string_view text, std::string_view published, std::string_view /*language*/,
                  const DateKnowledge& kb, const std::vector<TextSpan>& taken, std::vector<DateMention>* out) {
  if (out == nullptr) return;
  DateScanner finder(text, ParsePublished(published), kb, taken, out);
  finder.Run();
}

// ------------------------------------------------------------ knowledge

namespace {

Status BadClass(std::string_view name, const std::string& why) {
  return Status::Corruption("word class " + std::string(name) + " (words_*.tsv): " + why);
}

// The entries of class `name`, none longer than `max_size` bytes (the
// lookup buffers); for a mapping class, every entry must be key=value.
Status EntriesOf(const Lexicon& lexicon, std::string_view name, std::size_t max_size, bool mapping,
                 const std::vector<std::string>** out) {
  Status s = lexicon.List(name, out);
  if (!s.ok()) return s;
  for (const std::string& e : **out) {
    const std::size_t eq = e.find('=');
    if (mapping != (eq != std::string::npos)) {
      return BadClass(name, e + (mapping ? ": expected key=value" : ": unexpected '='"));
    }
    if (e.substr(0, eq).size() > max_size) {
      return BadClass(name, e + ": longer than " + std::to_string(max_size) + " bytes");
    }
  }
  return Status::OK();
}

// A word class the rules look words up in (lower-cased into 24 bytes).
Status WordsOf(const Lexicon& lexicon, std::string_view name, const StringSet** out) {
  const std::vector<std::string>* entries = nullptr;
  Status s = EntriesOf(lexicon, name, 24, false, &entries);
  return s.ok() ? lexicon.Words(name, out) : s;
}

Status IntOf(std::string_view name, const std::string& key, const std::string& text, int lo, int hi, int* out) {
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v < lo || v > hi) {
    return BadClass(name, key + "=" + text + ": expected a number " + std::to_string(lo) + ".." + std::to_string(hi));
  }
  *out = static_cast<int>(v);
  return Status::OK();
}

Status HolidayOf(std::string_view name, const std::string& key, const std::string& rule, int* out) {
  for (const auto& [rule_name, id] : kHolidayRules) {
    if (rule == rule_name) {
      *out = id;
      return Status::OK();
    }
  }
  return BadClass(name, key + "=" + rule + ": no such holiday rule");
}

}  // namespace

// The date words, in the order of their classes (the first class that
// lists a word wins), and the bytes they start with.
Status DateKnowledge::LoadKeywords(const Lexicon& lexicon) {
  enum Value { kNone, kNumber, kHolidayRule };
  struct Source {
    const char* name;
    DateWord::Kind kind;
    Value value;
    int lo, hi;
    bool abbrev;
  };
  static constexpr Source kSources[] = {
      {"dates.months", DateWord::kMonth, kNumber, 1, 12, false},
      {"dates.month_abbrevs", DateWord::kMonth, kNumber, 1, 12, true},
      {"dates.months_es", DateWord::kMonthEs, kNumber, 1, 12, false},
      {"dates.weekdays", DateWord::kWeekday, kNumber, 0, 6, false},
      {"dates.weekdays_es", DateWord::kWeekdayEs, kNumber, 0, 6, false},
      {"dates.today", DateWord::kToday, kNone, 0, 0, false},
      {"dates.yesterday", DateWord::kYesterday, kNone, 0, 0, false},
      {"dates.tomorrow", DateWord::kTomorrow, kNone, 0, 0, false},
      {"dates.this_last_next", DateWord::kThisLastNext, kNumber, -1, 1, false},
      {"dates.fiscal", DateWord::kFiscal, kNone, 0, 0, false},
      {"dates.holidays", DateWord::kHoliday, kHolidayRule, 0, 0, false},
      {"dates.holiday_first_words", DateWord::kHolidayFirst, kHolidayRule, 0, 0, false},
      {"dates.seasons", DateWord::kSeason, kNone, 0, 0, false},
      {"dates.year_word_es", DateWord::kSpanishYearWord, kNone, 0, 0, false},
      {"dates.month_word_es", DateWord::kSpanishMonthWord, kNone, 0, 0, false},
      {"dates.this_es", DateWord::kSpanishThis, kNone, 0, 0, false},
  };
  for (const Source& src : kSources) {
    const std::vector<std::string>* entries = nullptr;
    Status s = EntriesOf(lexicon, src.name, 16, src.value != kNone, &entries);
    for (std::size_t i = 0; s.ok() && i < entries->size(); ++i) {
      const std::string& e = (*entries)[i];
      const std::size_t eq = e.find('=');
      const std::string word = e.substr(0, eq);
      int val = 0;
      if (src.value == kNumber) s = IntOf(src.name, word, e.substr(eq + 1), src.lo, src.hi, &val);
      if (src.value == kHolidayRule) s = HolidayOf(src.name, word, e.substr(eq + 1), &val);
      if (s.ok()) keywords_.Emplace(word, DateWord{src.kind, val, src.abbrev});
    }
    if (!s.ok()) return s;
  }
  for (const auto& [word, kw] : keywords_) {
    const unsigned char c = word[0];
    first_byte_[c] = true;
    if (IsLower(c)) first_byte_[c - 32] = true;
  }
  for (int c = '0'; c <= '9'; ++c) first_byte_[c] = true;
  first_byte_[static_cast<unsigned char>('f')] = first_byte_[static_cast<unsigned char>('F')] = true;  // FY27
  return Status::OK();
}

Status DateKnowledge::LoadEndings(const Lexicon& lexicon, std::string_view name, std::vector<Ending>* out) {
  const std::vector<std::string>* entries = nullptr;
  Status s = EntriesOf(lexicon, name, 24, true, &entries);
  for (std::size_t i = 0; s.ok() && i < entries->size(); ++i) {
    const std::string& e = (*entries)[i];
    const std::size_t eq = e.find('=');
    int min_size = 0;
    s = IntOf(name, e.substr(0, eq), e.substr(eq + 1), 0, 24, &min_size);
    if (s.ok()) out->push_back(Ending{e.substr(0, eq), static_cast<std::size_t>(min_size)});
  }
  return s;
}

Status DateKnowledge::LoadTense(const Lexicon& lexicon) {
  Status s = WordsOf(lexicon, "dates.future_words", &future_words_);
  if (s.ok()) s = WordsOf(lexicon, "dates.past_words", &past_words_);
  if (s.ok()) s = WordsOf(lexicon, "dates.not_past", &not_past_);
  if (s.ok()) s = WordsOf(lexicon, "dates.passive_markers", &passive_markers);
  if (s.ok()) s = LoadEndings(lexicon, "dates.future_endings", &future_endings_);
  if (s.ok()) s = LoadEndings(lexicon, "dates.past_endings", &past_endings_);
  return s;
}

Status DateKnowledge::Load(const KnowledgeFiles&, const Lexicon& lexicon) {
  Status s = LoadKeywords(lexicon);
  if (s.ok()) s = LoadTense(lexicon);
  const std::pair<const char*, const StringSet**> kSets[] = {
      {"dates.fiscal", &fiscal},
      {"dates.holiday_day", &holiday_day},
      {"dates.month_word", &month_word},
      {"dates.year_word", &year_word},
      {"dates.this_es", &this_es},
      {"dates.day_month_joiner_es", &day_month_joiner_es},
      {"dates.year_joiners_es", &year_joiners_es},
      {"dates.season_of", &season_of},
      {"dates.next_before_es", &next_before_es},
      {"dates.last_before_es", &last_before_es},
      {"dates.weekday_last_after_es", &weekday_last_after_es},
      {"dates.weekday_next_after_es", &weekday_next_after_es},
      {"dates.period_last_after_es", &period_last_after_es},
      {"dates.period_next_after_es", &period_next_after_es},
      {"dates.article_es", &article_es},
      {"dates.plural_articles_es", &plural_articles_es},
      {"dates.month_context", &month_context},
      {"dates.month_range_joiners", &month_range_joiners},
      {"dates.count_before", &count_before},
      {"dates.count_after", &count_after},
  };
  for (const auto& [name, set] : kSets) {
    if (s.ok()) s = WordsOf(lexicon, name, set);
  }
  const std::vector<std::string>* pairs = nullptr;
  if (s.ok()) s = EntriesOf(lexicon, "dates.period_next_pair_es", 24, true, &pairs);
  if (s.ok()) s = lexicon.Map("dates.period_next_pair_es", &period_next_pair_es);
  if (s.ok()) s = EntriesOf(lexicon, "dates.ordinal_suffixes", 24, false, &ordinal_suffixes);
  return s;
}

int DateKnowledge::TenseOfWord(std::string_view l) const {
  if (future_words_->Contains(l)) return 1;
  if (past_words_->Contains(l)) return -1;
  for (const Ending& e : future_endings_) {
    if (l.size() >= e.min_size && EndsWith(l, e.ending)) return 1;
  }
  for (const Ending& e : past_endings_) {
    if (l.size() >= e.min_size && EndsWith(l, e.ending) && !not_past_->Contains(l)) return -1;
  }
  return 0;
}

void DateFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  ExtractDates(doc.text, doc.published, doc.ctx.language, kb_.dates, claims->law_spans, &out->dates);
}

}  // namespace amicus::internal
