// ingest/archive_lines.cc — what one line of a plain-text press archive is:
// a dateline, a title, a deck, or an extra between title and dateline.
//
// These are hand-written scanners (no regex): they run on every line of
// every archive. They are deliberately conservative one line at a time; the
// archive reader combines them (a dateline only starts a release when a
// title-like line precedes it), which is what keeps body paragraphs such as
// "Jane Doe, Director, Make the Road New York — “...”" or bullet lines from
// starting releases.
#include <string>
#include <string_view>

#include "ingest/ingest_internal.h"

namespace amicus {
namespace internal {
namespace {

constexpr std::string_view kEmDash = "\xE2\x80\x94";
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kBar = "\xE2\x80\x95";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return IsUpper(c) || IsLowerAscii(c); }
bool IsHigh(char c) { return static_cast<unsigned char>(c) >= 0x80; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (Lower(s[i]) != p[i]) return false;  // p is lower case
  }
  return true;
}

// Lines that open with one of these are never a title or deck.
bool IsBulletStart(std::string_view s) {
  static const std::string_view kBullets[] = {"-",           "*",           ">",           "\xE2\x80\x93",
                                              "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7",    "\xE2\x96\xAA",
                                              "\xE2\x97\x8F", "\xE2\x97\xA6", "\xE2\x96\xA0", "\xE2\x96\xA1"};
  for (std::string_view b : kBullets) {
    if (StartsWith(s, b)) return true;
  }
  return false;
}

bool IsBoilerplate(std::string_view s) {
  static const std::string_view kStarts[] = {"contact",  "media contact", "press contact", "contacto",
                                             "for immediate release", "###", "# # #", "-30-",
                                             "para publicaci", "para su publicaci", "embargoed", "http"};
  for (std::string_view p : kStarts) {
    if (StartsWithIgnoreCase(s, p)) return true;
  }
  return false;
}

// Removes closing quotes and brackets from the end: ” ’ " ' ) ].
std::string_view StripClosers(std::string_view s, bool* stripped) {
  *stripped = false;
  for (;;) {
    if (EndsWith(s, "\xE2\x80\x9D") || EndsWith(s, "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ']')) {
      s.remove_suffix(1);
    } else {
      return s;
    }
    *stripped = true;
  }
}

// "U.S." or "D.C." at the end of a title is an abbreviation, not a full stop
// ("5 p.m." is: it ends sentences far more often than titles).
bool EndsWithAbbreviation(std::string_view s) {
  const std::size_t space = s.find_last_of(' ');
  std::string_view word = space == std::string_view::npos ? s : s.substr(space + 1);
  if (word.size() < 4 || word.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (!IsUpper(word[i]) || word[i + 1] != '.') return false;
  }
  return true;
}

bool IsTitleCased(std::string_view s);

bool EndsWithSentence(std::string_view s) {
  bool stripped;
  std::string_view core = StripClosers(s, &stripped);
  if (core.empty()) return false;
  const char c = core.back();
  if (c == '!' || c == '?') return true;
  return c == '.' && (stripped || !EndsWithAbbreviation(core) || !IsTitleCased(core));
}

// Most words of four letters or more start with a capital: "Advocates Rally
// at State Capitol for Legal Services".
bool IsTitleCased(std::string_view s) {
  int words = 0, capitalized = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    int letters = 0;
    while (j < s.size() && s[j] != ' ') {
      if (IsAsciiLetter(s[j])) ++letters;
      ++j;
    }
    if (letters >= 4 && (IsAsciiLetter(s[i]) || IsHigh(s[i]))) {
      ++words;
      if (!IsLowerAscii(s[i])) ++capitalized;
    }
    i = j;
  }
  return words >= 2 && capitalized * 10 >= words * 7;
}

// Finds the dash that ends a dateline: em dash, en dash, horizontal bar,
// "--", or a hyphen with spaces around it. Returns its position and length.
bool FindDatelineDash(std::string_view s, std::size_t* pos, std::size_t* len) {
  const std::size_t limit = s.size() < 160 ? s.size() : 160;
  for (std::size_t i = 0; i < limit; ++i) {
    const char c = s[i];
    if (c == '\xE2') {
      std::string_view rest = s.substr(i);
      if (StartsWith(rest, kEmDash) || StartsWith(rest, kEnDash) || StartsWith(rest, kBar)) {
        *pos = i;
        *len = 3;
        return true;
      }
    } else if (c == '-') {
      if (i + 1 < s.size() && s[i + 1] == '-') {
        std::size_t j = i;
        while (j < s.size() && s[j] == '-') ++j;
        *pos = i;
        *len = j - i;
        return true;
      }
      if (i > 0 && s[i - 1] == ' ' && (i + 1 == s.size() || s[i + 1] == ' ')) {
        *pos = i;
        *len = 1;
        return true;
      }
    } else if (c == ':' || c == ';' || c == '"' || c == '?' || c == '!' || c == '$' || c == '%') {
      return false;  // a sentence or a speaker line, not a place
    }
  }
  return false;
}

bool IsConnector(std::string_view w) {
  static const std::string_view kWords[] = {"de", "del", "la", "las", "los", "el", "of",  "the", "on", "upon",
                                            "y",  "and", "du", "des", "da",  "do", "dos", "sur", "en", "au"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// "Jan. 9", "February 10", "2026", "Tuesday": parts of a date written after
// the place ("ROCHESTER, N.Y., Jan. 9, 2026 /PRNewswire/ --").
bool IsDateSegment(std::string_view seg) {
  if (seg.size() == 4 && IsDigit(seg[0]) && IsDigit(seg[1]) && IsDigit(seg[2]) && IsDigit(seg[3])) return true;
  const std::size_t space = seg.find(' ');
  std::string_view first = seg.substr(0, space);
  if (!first.empty() && first.back() == '.') first.remove_suffix(1);
  if (space == std::string_view::npos) return false;  // a month alone is not a date part
  std::string_view day = Trim(seg.substr(space + 1));
  if (day.empty() || day.size() > 2 || !IsDigit(day[0]) || (day.size() == 2 && !IsDigit(day[1]))) return false;
  return !ParseWrittenDate(std::string(first) + " 1, 2000").empty();
}

bool IsWeekdaySegment(std::string_view seg) {
  // ParseWrittenDate accepts a leading weekday; reuse it on a fixed date.
  return seg.find(' ') == std::string_view::npos && !ParseWrittenDate(std::string(seg) + " January 1, 2000").empty();
}

// A place segment: "New York", "N.Y.", "SALT LAKE CITY", "Nueva York".
// Returns its word count, 0 when it is not a place.
int PlaceWords(std::string_view seg) {
  int words = 0;
  std::size_t i = 0;
  while (i < seg.size()) {
    while (i < seg.size() && seg[i] == ' ') ++i;
    if (i >= seg.size()) break;
    std::size_t j = i;
    while (j < seg.size() && seg[j] != ' ') ++j;
    std::string_view w = seg.substr(i, j - i);
    for (char c : w) {
      if (!(IsAsciiLetter(c) || IsHigh(c) || c == '.' || c == '\'' || c == '-' || c == '&')) return 0;
    }
    if (!(IsUpper(w[0]) || IsHigh(w[0])) && !(words > 0 && IsConnector(w))) return 0;
    ++words;
    i = j;
  }
  return words;
}

int CapitalizedWords(std::string_view seg) {
  int n = 0;
  for (std::size_t i = 0; i < seg.size(); ++i) {
    if ((i == 0 || seg[i - 1] == ' ') && (IsUpper(seg[i]) || IsHigh(seg[i]))) ++n;
  }
  return n;
}

// "NY", "N.Y.", "DC", "Calif.", "Mass.": how datelines name a state.
bool IsStateLike(std::string_view seg) {
  if (seg.empty() || seg.size() > 8 || seg.find(' ') != std::string_view::npos) return false;
  if (seg.back() == '.') return true;
  for (char c : seg) {
    if (!IsUpper(c)) return false;
  }
  return seg.size() <= 4;
}

bool HasLowerAscii(std::string_view s) {
  for (char c : s) {
    if (IsLowerAscii(c)) return true;
  }
  return false;
}

}  // namespace

bool MatchDateline(std::string_view line, Dateline* out) {
  std::size_t dash = 0, dash_len = 0;
  if (!FindDatelineDash(line, &dash, &dash_len)) return false;
  std::string_view prefix = Trim(line.substr(0, dash));
  std::size_t text = dash + dash_len;
  while (text < line.size() && line[text] == ' ') ++text;
  std::string_view rest = line.substr(text);
  // "Name, Title, Group — “We will ...”" is a speaker, not a dateline.
  if (StartsWith(rest, "\xE2\x80\x9C") || StartsWith(rest, "\xE2\x80\x98") || StartsWith(rest, "\"") ||
      StartsWith(rest, "\xC2\xAB")) {
    return false;
  }
  if (prefix.empty()) return false;
  // "Name, Title, Group in Nassau–Suffolk: “...”" is a speaker line.
  const std::string_view head = line.substr(0, 300);
  if (head.find(":\xE2\x80\x9C") != std::string_view::npos || head.find(": \xE2\x80\x9C") != std::string_view::npos ||
      head.find(": \"") != std::string_view::npos) {
    return false;
  }
  const bool tight = dash > 0 && line[dash - 1] != ' ' && text == dash + dash_len;
  const bool wire_or_date = prefix.back() == '/' || prefix.back() == ')';

  // Wire tag: "/PRNewswire/".
  if (prefix.back() == '/') {
    const std::size_t open = prefix.rfind('/', prefix.size() - 2);
    if (open == std::string_view::npos || prefix.size() - open > 30) return false;
    prefix = Trim(prefix.substr(0, open));
  }
  std::string published;
  bool has_paren = false;
  // "(February 10, 2026)", "(AP)".
  if (!prefix.empty() && prefix.back() == ')') {
    const std::size_t open = prefix.rfind('(');
    if (open == std::string_view::npos || prefix.size() - open > 40) return false;
    published = ParseWrittenDate(Trim(prefix.substr(open + 1, prefix.size() - open - 2)));
    prefix = Trim(prefix.substr(0, open));
    has_paren = true;
  }
  if (prefix.empty() || prefix.size() > 80) return false;

  int place_segments = 0, place_words = 0;
  std::string_view last_place;
  bool in_date = false;
  std::string date_text;
  std::size_t i = 0;
  while (i <= prefix.size()) {
    std::size_t j = prefix.find(',', i);
    if (j == std::string_view::npos) j = prefix.size();
    std::string_view seg = Trim(prefix.substr(i, j - i));
    i = j + 1;
    if (seg.empty()) {
      if (j == prefix.size()) break;  // trailing comma: "WASHINGTON, D.C., —"
      return false;
    }
    if (place_segments > 0 && (IsDateSegment(seg) || IsWeekdaySegment(seg))) {
      in_date = true;
      if (!date_text.empty()) date_text += ", ";
      date_text.append(seg.data(), seg.size());
      continue;
    }
    if (in_date) return false;
    const int words = PlaceWords(seg);
    // A state or country after the city is short: "N.Y.", "New Jersey",
    // "District of Columbia"; "Advocates Demand Answers" is a title.
    if (words == 0 || words > (place_segments == 0 ? 4 : 3) ||
        (place_segments > 0 && CapitalizedWords(seg) > 2)) {
      return false;
    }
    ++place_segments;
    place_words += words;
    last_place = seg;
  }
  if (place_segments == 0 || place_segments > 3 || place_words > 6) return false;
  // "New York, NY—Today" is a dateline; "Nassau–Suffolk" is a name. A dash
  // without spaces must follow a state code or abbreviation.
  if (tight && !wire_or_date && date_text.empty() && !IsStateLike(last_place)) return false;
  // A lone mixed-case phrase before a dash is too often a title or a sentence
  // ("Mayor Signs Order — Advocates Cheer"); real one-word datelines are set
  // in capitals ("CHICAGO —") or carry a date ("Washington (Jan. 7, 2026) —").
  if (place_segments == 1 && !has_paren && date_text.empty() && HasLowerAscii(prefix)) return false;
  // A dateline opens a paragraph of sentences; a short line that reads as a
  // title ("Hochul Signs Bill — Advocates Cheer") is a title.
  if (rest.size() < 100 && LooksLikeTitle(line)) return false;

  if (out != nullptr) {
    out->length = text;
    out->published = published.empty() && !date_text.empty() ? ParseWrittenDate(date_text) : published;
  }
  return true;
}

bool LooksLikeTitle(std::string_view line) {
  line = Trim(line);
  if (line.size() < 2 || line.size() > 300) return false;
  bool letter = false;
  for (char c : line) {
    if (IsAsciiLetter(c) || IsHigh(c)) {
      letter = true;
      break;
    }
  }
  if (!letter || IsBulletStart(line) || IsBoilerplate(line)) return false;
  bool stripped;
  std::string_view core = StripClosers(line, &stripped);
  if (core.empty()) return false;
  const char c = core.back();
  if (c == ':' || c == ';' || c == ',') return false;
  // "... Rally in Washington, D.C." is a title; "... born outside the U.S." a sentence.
  if (c == '.' && (stripped || !EndsWithAbbreviation(core) || !IsTitleCased(core))) return false;
  return true;
}

bool LooksLikeDeck(std::string_view line) {
  line = Trim(line);
  if (line.empty() || IsBulletStart(line) || IsBoilerplate(line) || line.back() == ':') return false;
  if (EndsWithSentence(line)) return true;
  return line.size() > 200 && !IsTitleCased(line);
}

bool IsHeaderExtra(std::string_view line, std::string* published) {
  line = Trim(line);
  if (line.empty() || line.size() > 200) return false;
  const std::string date = ParseWrittenDate(line);
  if (!date.empty()) {
    if (published != nullptr) *published = date;
    return true;
  }
  std::string lower(line);
  for (char& ch : lower) ch = Lower(ch);
  static const std::string_view kStarts[] = {"for immediate release", "para publicaci", "para su publicaci",
                                             "embargoed",             "media contact",  "press contact",
                                             "contact:",              "contacts:",      "contacto:"};
  for (std::string_view p : kStarts) {
    if (StartsWith(lower, p)) return true;
  }
  // "Photo and video available here", "Fotos disponibles aquí", "B-roll: https://..."
  static const std::string_view kMedia[] = {"photo", "video", "foto", "b-roll", "livestream", "gallery", "galer"};
  static const std::string_view kWhere[] = {"available", "here",     "disponible", "aqu", "click",
                                            "view",      "download", "link",       "http", ":"};
  bool media = false, where = false;
  for (std::string_view k : kMedia) media = media || lower.find(k) != std::string::npos;
  if (!media) return false;
  for (std::string_view k : kWhere) where = where || lower.find(k) != std::string::npos;
  return where;
}

}  // namespace internal
}  // namespace amicus
