// Dateline recognition. See dateline.h.
#include "extract/dateline.h"

#include <algorithm>
#include <string>

#include "extract/scan.h"

namespace amicus::internal {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

// Length of a dash at text[p] ("—", "–", "--", "-"), 0 when none.
std::size_t DashAt(std::string_view t, std::size_t p) {
  if (p + 3 <= t.size() && static_cast<unsigned char>(t[p]) == 0xE2 && static_cast<unsigned char>(t[p + 1]) == 0x80 &&
      (static_cast<unsigned char>(t[p + 2]) == 0x93 || static_cast<unsigned char>(t[p + 2]) == 0x94)) {
    return 3;
  }
  if (p < t.size() && t[p] == '-') return (p + 1 < t.size() && t[p + 1] == '-') ? 2 : 1;
  return 0;
}

// One word of a dateline place: letters (any UTF-8), internal periods,
// hyphens and apostrophes; a trailing period is kept ("N.Y.", "Calif.").
std::size_t WordEnd(std::string_view t, std::size_t p) {
  std::size_t q = p;
  while (q < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[q]);
    if (IsAsciiAlpha(static_cast<char>(c)) || c >= 0x80) {
      // Stop at a UTF-8 dash.
      if (c == 0xE2 && DashAt(t, q) == 3) break;
      ++q;
    } else if ((c == '.' || c == '\'' || c == '-') && q > p) {
      if (c == '-' && (q + 1 >= t.size() || !IsAsciiAlpha(t[q + 1]))) break;
      ++q;
    } else {
      break;
    }
  }
  return q;
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (IsAsciiAlpha(c)) {
      c = start ? static_cast<char>(c & ~32) : static_cast<char>(c | 32);
      start = false;
    } else {
      start = (c == ' ' || c == '-' || c == '.');
    }
  }
  return out;
}

// The dateline's city name for a gazetteer place: dateline.city_names by
// canonical ("New York City" -> "New York"), dateline.city_by_state by
// state ("DC" -> "Washington"), else the entry's name.
std::string DatelineCity(const PlaceEntry& e, const PlaceWords& pw) {
  if (const std::string* city = pw.city_names->Find(e.canonical)) return *city;
  if (const std::string* city = pw.city_by_state->Find(e.state)) return *city;
  return e.name;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The start of the dateline: after leading white space and a byte-order mark.
std::size_t DatelineStart(std::string_view text) {
  std::size_t p = 0;
  while (p < text.size() && IsSpace(text[p])) ++p;
  if (p + 3 <= text.size() && text.compare(p, 3, "\xEF\xBB\xBF") == 0) p += 3;
  return p;
}

// The city: up to 4 capitalized words from `begin`, one space apart; returns
// its end, or `begin` when there is none.
std::size_t CityEnd(std::string_view text, std::size_t begin) {
  std::size_t p = begin;
  std::size_t city_end = p;
  int words = 0;
  while (words < 4) {
    std::size_t e = WordEnd(text, p);
    if (e == p) break;
    unsigned char c0 = static_cast<unsigned char>(text[p]);
    if (!(IsAsciiUpper(static_cast<char>(c0)) || c0 >= 0xC3)) break;
    city_end = e;
    ++words;
    if (e < text.size() && text[e] == ' ' && e + 1 < text.size() &&
        (IsAsciiUpper(text[e + 1]) || static_cast<unsigned char>(text[e + 1]) >= 0xC3) && DashAt(text, e + 1) == 0) {
      p = e + 1;
      continue;
    }
    break;
  }
  return words == 0 ? begin : city_end;
}

// ", N.Y." / ", New York" after the city (one or two words naming a state):
// sets *code and *end (the end of the state) when found.
void StateAfter(std::string_view text, const Gazetteer& g, std::size_t q, std::string* code, std::size_t* end) {
  if (!(q + 2 <= text.size() && text[q] == ',' && text[q + 1] == ' ')) return;
  std::size_t s1 = q + 2;
  std::size_t e1 = WordEnd(text, s1);
  if (e1 <= s1) return;
  std::string k1 = FoldPlaceKey(text.substr(s1, e1 - s1));
  std::string_view c = g.StateCode(k1);
  std::size_t e_used = e1;
  if (e1 + 1 < text.size() && text[e1] == ' ') {
    std::size_t e2 = WordEnd(text, e1 + 1);
    if (e2 > e1 + 1 && IsAsciiUpper(text[e1 + 1])) {
      std::string_view c2 = g.StateCode(FoldPlaceKey(text.substr(s1, e2 - s1)));
      if (!c2.empty()) {
        c = c2;
        e_used = e2;
      }
    }
  }
  if (!c.empty()) {
    *code = std::string(c);
    *end = e_used;
  }
}

// The dash that ends the dateline, after an optional date or wire marker:
// "(February 10, 2026) —", "[11/3/22] –", ", Jan. 9, 2026 /PRNewswire/ --".
// True when found.
bool DashAfter(std::string_view text, std::size_t q) {
  std::size_t r = q;
  while (r < text.size() && text[r] == ' ') ++r;
  if (r < text.size() && (text[r] == '(' || text[r] == '[')) {
    std::size_t close = text.find(text[r] == '(' ? ')' : ']', r);
    if (close == std::string_view::npos || close - r > 60) return false;
    r = close + 1;
  } else if (r < text.size() && text[r] == ',') {
    // ", Jan. 9, 2026 /PRNewswire/"
    std::size_t lim = std::min(text.size(), r + 80);
    std::size_t k = r + 1;
    while (k < lim && text[k] != '\n' && DashAt(text, k) == 0) ++k;
    if (k >= lim || text[k] == '\n') return false;
    // The wire marker "/PRNewswire/" may hold no dash; a date never does.
    r = k;
  }
  while (r < text.size() && text[r] == ' ') ++r;
  return DashAt(text, r) != 0;
}

// The best-known city (or borough) of that name, or -1.
int BestCity(const Gazetteer& g, const std::string& key) {
  int best = -1;
  if (const std::vector<int>* c = g.Candidates(key)) {
    for (int cand : *c) {
      const PlaceEntry& e = g.entry(cand);
      if (e.kind != PlaceKind::kCity && e.kind != PlaceKind::kBorough) continue;
      if (best < 0 || e.priority > g.entry(best).priority ||
          (e.priority == g.entry(best).priority && e.population > g.entry(best).population)) {
        best = cand;
      }
    }
  }
  return best;
}

// The city of that name in the publisher's state, or -1.
int CityInState(const Gazetteer& g, const std::string& key, std::string_view state) {
  if (state.empty()) return -1;
  int id = g.Qualified(key, state);
  if (id >= 0 && (g.entry(id).kind == PlaceKind::kCity || g.entry(id).kind == PlaceKind::kBorough)) return id;
  return -1;
}

// The place of a city given without a state: a capital of
// dateline.capital_cities ("WASHINGTON —"), else the city of that name in
// the publisher's state ("OLYMPIA —" from a Washington office, "AURORA —"
// from a Colorado member of Congress), else the best-known city of the
// name, else of the name + "city": a dateline names a city, so "NEW YORK —"
// is New York City, as "OKLAHOMA —" would be Oklahoma City, not the state.
int UnqualifiedCity(const Gazetteer& g, const std::string& city_key, std::string_view publisher_state) {
  const PlaceWords& pw = g.words();
  if (const std::string* usps = pw.capital_cities->Find(city_key)) return g.StateEntry(*usps);
  int id = CityInState(g, city_key, publisher_state);
  if (id < 0) id = CityInState(g, city_key + pw.city_key_suffix, publisher_state);
  if (id < 0) id = BestCity(g, city_key);
  if (id < 0) id = BestCity(g, city_key + pw.city_key_suffix);
  return id;
}

// After a date that opens a line ("February 6, 2025 (SAINT PAUL) —"): the
// position of the "(" that follows it, or `p` when the line opens with no
// date of dateline.months so followed.
std::size_t AfterLeadingDate(std::string_view text, std::size_t p, const Gazetteer& g) {
  std::size_t e = WordEnd(text, p);
  if (e == p || !g.words().months->Contains(FoldPlaceKey(text.substr(p, e - p)))) return p;
  std::size_t q = e;
  bool digits = false;
  while (q < text.size() && q < e + 16) {
    char c = text[q];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c != ' ' && c != ',' && c != '.') {
      break;
    }
    ++q;
  }
  return (digits && q < text.size() && text[q] == '(') ? q : p;
}

// The dateline that opens the line at `begin`, if any: "CITY[, State] —",
// "(City, ST) —", "Month D, YYYY (CITY) —".
bool DatelineAt(std::string_view text, std::size_t begin, const Gazetteer& g, std::string_view publisher_state,
                DatelineMatch* out) {
  begin = AfterLeadingDate(text, begin, g);
  const bool paren = begin < text.size() && text[begin] == '(';
  if (paren) ++begin;
  if (begin >= text.size() || !(IsAsciiUpper(text[begin]) || static_cast<unsigned char>(text[begin]) >= 0xC3)) {
    return false;
  }
  const std::size_t city_end = CityEnd(text, begin);
  if (city_end == begin) return false;
  std::string_view city_text = text.substr(begin, city_end - begin);
  std::string city_key = FoldPlaceKey(city_text);
  std::string code;
  std::size_t place_end = city_end;
  StateAfter(text, g, city_end, &code, &place_end);
  if (paren && (place_end >= text.size() || text[place_end] != ')')) return false;
  // "-" right after a word with no space is a hyphen, not a dateline dash,
  // unless it is a long dash.
  if (!DashAfter(text, place_end + (paren ? 1 : 0))) return false;
  int id = -1;
  if (!code.empty()) {
    id = g.Qualified(city_key, code);
  } else {
    id = UnqualifiedCity(g, city_key, publisher_state);
    if (id < 0) return false;
    code = g.entry(id).state;
  }
  out->begin = begin;
  out->end = place_end;
  out->surface = std::string(text.substr(begin, place_end - begin));
  out->entry = id;
  if (id >= 0) {
    const PlaceEntry& e = g.entry(id);
    out->dateline.city = DatelineCity(e, g.words());
    out->canonical = e.canonical;
  } else {
    std::string city(city_text);
    bool all_upper = true;
    for (char c : city) {
      if (c >= 'a' && c <= 'z') all_upper = false;
    }
    out->dateline.city = all_upper ? TitleCase(city) : city;
    out->canonical = out->dateline.city + ", " + code;
  }
  out->dateline.region = code;
  return true;
}

// The lines a dateline may open: releases put a subheadline, a "FOR
// IMMEDIATE RELEASE" / date / contact block before the dateline's paragraph.
constexpr int kDatelineLines = 6;

// A dateline run into the subheadline before it, with no line break:
// "... improving system and service MUKILTEO – Today, ...". The place must
// be upper case after a lower-case word, so "... said Chicago — ..." is not.
bool RunInDateline(std::string_view text, std::size_t line, std::size_t line_end, const Gazetteer& g,
                   std::string_view publisher_state, DatelineMatch* out) {
  for (std::size_t p = line + 2; p < line_end; ++p) {
    if (text[p - 1] != ' ' || !IsAsciiUpper(text[p]) || !(text[p - 2] >= 'a' && text[p - 2] <= 'z')) continue;
    const std::size_t e = CityEnd(text, p);
    bool upper = e > p + 2;
    for (std::size_t k = p; k < e && upper; ++k) upper = !(text[k] >= 'a' && text[k] <= 'z');
    if (upper && DatelineAt(text, p, g, publisher_state, out)) return true;
  }
  return false;
}

}  // namespace

bool ExtractDateline(std::string_view text, const Gazetteer& g, DatelineMatch* out, std::string_view publisher) {
  const std::string_view publisher_state = PublisherState(publisher, g);
  std::size_t p = DatelineStart(text);
  for (int line = 0; line < kDatelineLines && p < text.size(); ++line) {
    if (DatelineAt(text, p, g, publisher_state, out)) return true;
    std::size_t next = text.find('\n', p);
    if (line == 0 && RunInDateline(text, p, std::min(next, text.size()), g, publisher_state, out)) return true;
    if (next == std::string_view::npos) break;
    p = next;
    while (p < text.size() && IsSpace(text[p])) ++p;
  }
  return false;
}

// The state named by a publisher ("U.S. Representative Al Green (D-TX)",
// "Office of Minnesota Attorney General", "Washington Governor's Office"):
// the first capitalized state name or upper-case USPS code, or "".
std::string_view PublisherState(std::string_view pub, const Gazetteer& g) {
  std::size_t p = 0;
  while (p < pub.size()) {
    if (!IsAsciiUpper(pub[p]) || (p > 0 && IsAsciiAlpha(pub[p - 1]))) {
      ++p;
      continue;
    }
    std::size_t e = p;
    while (e < pub.size() && (IsAsciiAlpha(pub[e]) || static_cast<unsigned char>(pub[e]) >= 0x80)) ++e;
    // Two words first ("Puerto Rico", "New York").
    if (e + 1 < pub.size() && pub[e] == ' ' && IsAsciiUpper(pub[e + 1])) {
      std::size_t e2 = e + 1;
      while (e2 < pub.size() && IsAsciiAlpha(pub[e2])) ++e2;
      const std::string k2 = FoldPlaceKey(pub.substr(p, e2 - p));
      std::string_view c2 = g.StateCode(k2);
      if (!c2.empty()) return c2;
      if (const std::vector<int>* c = g.Candidates(k2)) {  // a state's variant ("Washington State")
        for (int id : *c) {
          if (g.entry(id).kind == PlaceKind::kState) return g.entry(id).state;
        }
      }
    }
    std::string_view word = pub.substr(p, e - p);
    const bool code_shape = word.size() == 2 && IsAsciiUpper(word[1]);
    // A name that is a district's too ("Washington") is no evidence alone.
    if (code_shape || (word.size() > 2 && g.words().name_state->Find(FoldPlaceKey(word)) == nullptr)) {
      std::string_view c = g.StateCode(FoldPlaceKey(word));
      if (!c.empty()) return c;
    }
    p = e;
  }
  return {};
}

}  // namespace amicus::internal
