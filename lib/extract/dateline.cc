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
// "(February 10, 2026) —", ", Jan. 9, 2026 /PRNewswire/ --". True when found.
bool DashAfter(std::string_view text, std::size_t q) {
  std::size_t r = q;
  while (r < text.size() && text[r] == ' ') ++r;
  if (r < text.size() && text[r] == '(') {
    std::size_t close = text.find(')', r);
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

// The place of a city given without a state: a capital of
// dateline.capital_cities ("WASHINGTON —"), else the best-known city of the
// name, else of the name + "city": a dateline names a city, so "NEW YORK —"
// is New York City, as "OKLAHOMA —" would be Oklahoma City, not the state.
int UnqualifiedCity(const Gazetteer& g, const std::string& city_key) {
  const PlaceWords& pw = g.words();
  if (const std::string* usps = pw.capital_cities->Find(city_key)) return g.StateEntry(*usps);
  int id = BestCity(g, city_key);
  if (id < 0) id = BestCity(g, city_key + pw.city_key_suffix);
  return id;
}

}  // namespace

bool ExtractDateline(std::string_view text, const Gazetteer& g, DatelineMatch* out) {
  const std::size_t begin = DatelineStart(text);
  if (begin >= text.size() || !(IsAsciiUpper(text[begin]) || static_cast<unsigned char>(text[begin]) >= 0xC3)) {
    return false;
  }
  const std::size_t city_end = CityEnd(text, begin);
  if (city_end == begin) return false;
  std::string_view city_text = text.substr(begin, city_end - begin);
  // Strip a trailing period of the city itself ("ST. PAUL" keeps its inner one).
  std::string city_key = FoldPlaceKey(city_text);
  std::string code;
  std::size_t place_end = city_end;
  StateAfter(text, g, city_end, &code, &place_end);
  // "-" right after a word with no space is a hyphen, not a dateline dash,
  // unless it is a long dash.
  if (!DashAfter(text, place_end)) return false;
  // Resolve the place.
  int id = -1;
  if (!code.empty()) {
    id = g.Qualified(city_key, code);
  } else {
    id = UnqualifiedCity(g, city_key);
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

}  // namespace amicus::internal
