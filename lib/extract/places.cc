// Gazetteer loading and the location finder. See places.h.
#include "extract/places.h"
#include "extract/knowledge_base.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "extract/dateline.h"
#include "extract/latin_words.h"
#include "extract/scan.h"

namespace amicus::internal {

using namespace std::string_view_literals;

std::string FoldPlaceKey(std::string_view s) { return FoldKey(s); }
void AppendFoldedPlace(std::string_view s, std::string* out) { AppendFolded(s, out); }

namespace {

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t bar = s.find('|', start);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > start) out.push_back(s.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

std::string_view Field(const std::vector<std::string_view>& f, std::size_t i) {
  return i < f.size() ? f[i] : std::string_view();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

int Gazetteer::Add(PlaceEntry e) {
  entries_.push_back(std::move(e));
  return static_cast<int>(entries_.size() - 1);
}

void Gazetteer::Index(const std::string& surface, int id) {
  std::string key = FoldKey(surface);
  if (key.empty()) return;
  auto& v = by_key_[key];
  if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
  std::size_t sp = key.find(' ');
  first_tokens_.Insert(std::string_view(key).substr(0, sp));
  for (; sp != std::string::npos; sp = key.find(' ', sp + 1)) key_prefixes_.Insert(std::string_view(key).substr(0, sp));
  std::size_t n = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
  max_tokens_ = std::max(max_tokens_, n);
}

namespace {

Status Need(const std::vector<std::string_view>& f, std::size_t n) {
  return f.size() >= n ? Status::OK()
                       : Status::InvalidArgument("expected at least " + std::to_string(n) +
                                                 " tab-separated fields; see the file's header");
}

// The raw-byte pre-test of a class: lengths of its entries (up to
// `max_factor` times the longest, for raw words that fold shorter), their
// common prefix when `use_prefix`, and their first letters (both cases when
// `any_case`; any non-ASCII byte when `non_ascii`).
WordShape ShapeOf(const std::vector<std::string>& entries, std::size_t max_factor, bool use_prefix, bool any_case,
                  bool non_ascii) {
  WordShape sh;
  sh.min_len = entries.empty() ? 0 : entries.front().size();
  for (const std::string& e : entries) {
    sh.min_len = std::min(sh.min_len, e.size());
    sh.max_len = std::max(sh.max_len, e.size());
    if (e.empty()) continue;
    const unsigned char c = static_cast<unsigned char>(e[0]);
    sh.first[c] = true;
    if (any_case && ((c | 32) >= 'a' && (c | 32) <= 'z')) {
      sh.first[c | 32] = true;
      sh.first[c & ~32u] = true;
    }
  }
  sh.max_len *= max_factor;
  if (non_ascii) {
    for (int c = 0x80; c < 256; ++c) sh.first[c] = true;
  }
  if (use_prefix && !entries.empty()) {
    sh.prefix = entries.front();
    for (const std::string& e : entries) {
      std::size_t n = 0;
      while (n < sh.prefix.size() && n < e.size() && sh.prefix[n] == e[n]) ++n;
      sh.prefix.resize(n);
    }
  }
  return sh;
}

// A phrase list class split into the words of each phrase, in file order.
Status Phrases(const Lexicon& lexicon, std::string_view name, std::vector<std::vector<std::string>>* out) {
  const std::vector<std::string>* list = nullptr;
  Status s = lexicon.List(name, &list);
  if (!s.ok()) return s;
  for (const std::string& phrase : *list) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= phrase.size()) {
      std::size_t sp = phrase.find(' ', start);
      if (sp == std::string::npos) sp = phrase.size();
      if (sp > start) words.push_back(phrase.substr(start, sp - start));
      start = sp + 1;
    }
    out->push_back(std::move(words));
  }
  return Status::OK();
}

// A class's only (first) entry.
Status FirstWord(const Lexicon& lexicon, std::string_view name, std::string* out) {
  const std::vector<std::string>* list = nullptr;
  Status s = lexicon.List(name, &list);
  if (s.ok()) *out = list->front();
  return s;
}

}  // namespace

Status Gazetteer::LoadWords(const Lexicon& lexicon) {
  PlaceWords& w = words_;
  const std::pair<const char*, const StringSet**> sets[] = {
      {"places.period_abbrevs", &w.period_abbrevs},     {"places.after_ok", &w.after_ok},
      {"places.area_prefix", &w.area_prefix},           {"places.not_name", &w.not_name},
      {"places.corp_suffix", &w.corp_suffix},           {"places.township_states", &w.township_states},
      {"places.township_words", &w.township_words},     {"places.never", &w.never},
      {"places.before_ok", &w.before_ok},               {"places.cue", &w.cue},
      {"places.org_head", &w.org_head},                 {"places.org_links", &w.org_links},
      {"places.org_articles", &w.org_articles},         {"places.govt_prefix", &w.govt_prefix},
      {"places.govt_outer_links", &w.govt_outer_links}, {"places.org_connectors", &w.org_connectors},
      {"places.us_abbrevs", &w.us_abbrevs},             {"places.us_noun_followers", &w.us_noun_followers},
      {"places.street_before", &w.street_before},       {"places.county_plurals", &w.county_plurals},
      {"places.county_list_and", &w.county_list_and},
      {"places.county_plurals_before_list", &w.county_plurals_before_list},
      {"places.county_nouns_es", &w.county_nouns_es},   {"places.county_links_es", &w.county_links_es},
      {"places.neighborhood_nouns", &w.neighborhood_nouns},
      {"places.appositive_articles", &w.appositive_articles}, {"places.list_and", &w.list_and},
      {"places.districts", &w.districts},               {"dateline.months", &w.months},
      {"places.case_words", &w.case_words},
      {"places.street_suffix", &w.street_suffix},       {"places.state_nouns_es", &w.state_nouns_es},             {"places.country_titles", &w.country_titles}};
  for (const auto& [name, ptr] : sets) {
    Status s = lexicon.Words(name, ptr);
    if (!s.ok()) return s;
  }
  const std::pair<const char*, const StringTable<std::string>**> maps[] = {
      {"dateline.capital_cities", &w.capital_cities},
      {"dateline.city_names", &w.city_names},
      {"dateline.city_by_state", &w.city_by_state},
      {"places.state_named_city", &w.state_named_city},
      {"places.name_state", &w.name_state},
      {"places.name_district", &w.name_district}};
  for (const auto& [name, ptr] : maps) {
    Status s = lexicon.Map(name, ptr);
    if (!s.ok()) return s;
  }
  for (const auto& [name, usps] : *w.name_state) {
    if (w.name_district->Find(name) == nullptr) {
      return Status::InvalidArgument("word class places.name_state: '" + name + "' has no places.name_district entry");
    }
  }
  Status s = lexicon.List("places.extra_state_codes", &w.extra_state_codes);
  if (s.ok()) s = Phrases(lexicon, "places.county_list_intro", &w.county_list_intro);
  if (s.ok()) s = Phrases(lexicon, "places.neighborhood_list_intro", &w.neighborhood_list_intro);
  std::string county, city;
  if (s.ok()) s = FirstWord(lexicon, "places.county_word", &county);
  if (s.ok()) s = FirstWord(lexicon, "dateline.city_word", &city);
  if (!s.ok()) return s;
  w.county_name_suffix = " " + county;
  w.county_key_suffix = " " + FoldKey(county);
  w.city_key_suffix = " " + city;
  // Pre-tests: the same byte tests the rules made on the words they knew.
  const std::pair<const char*, WordShape*> shapes[] = {
      {"places.area_prefix", &w.area_prefix_shape},     {"places.township_words", &w.township_shape},
      {"places.county_nouns_es", &w.county_es_shape},   {"places.neighborhood_nouns", &w.neighborhood_shape},
      {"places.county_plurals", &w.county_plurals_shape}};
  for (const auto& [name, shape] : shapes) {
    const std::vector<std::string>* list = nullptr;
    s = lexicon.List(name, &list);
    if (!s.ok()) return s;
    const bool area = shape == &w.area_prefix_shape;
    const bool plural = shape == &w.county_plurals_shape;
    std::vector<std::string> entries = *list;
    if (area) {
      for (std::string& e : entries) {  // capitalized in the text
        if (e[0] >= 'a' && e[0] <= 'z') e[0] = static_cast<char>(e[0] & ~32);
      }
    }
    *shape = ShapeOf(entries, plural ? 3 : 1, shape == &w.neighborhood_shape,
                     shape == &w.county_es_shape || plural, plural);
  }
  return Status::OK();
}

Status Gazetteer::LoadStates(const KnowledgeFiles& files) {
  Status s = files.ForEachRecord("us_states.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = Need(f, 2);
    if (!st.ok()) return st;
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.state = std::string(f[1]);
    e.kind = PlaceKind::kState;
    e.canonical = Field(f, 3).empty() ? e.name : std::string(Field(f, 3));
    e.priority = 8;
    if (words_.districts->Contains(e.state)) {
      e.kind = PlaceKind::kCity;
      e.priority = 10;
    }
    int id = Add(e);
    state_entry_[e.state] = id;
    state_codes_[FoldKey(e.name)] = e.state;
    state_codes_[FoldKey(e.state)] = e.state;
    for (std::string_view ap : SplitBar(Field(f, 2))) state_codes_[FoldKey(ap)] = e.state;
    Index(e.name, id);
    for (std::string_view v : SplitBar(Field(f, 4))) Index(std::string(v), id);
    return Status::OK();
  });
  if (!s.ok()) return s;
  for (const std::string& kv : *words_.extra_state_codes) {
    const std::size_t eq = kv.find('=');
    if (eq != std::string::npos) state_codes_[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return Status::OK();
}

Status Gazetteer::LoadUsPlaces(const KnowledgeFiles& files, const std::unordered_set<std::string>& curated) {
  return files.ForEachRecord("us_places.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = Need(f, 3);
    if (!st.ok()) return st;
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.state = std::string(f[1]);
    std::string key = FoldKey(e.name);
    if (curated.count(key + "|" + e.state)) return Status::OK();
    e.population = ToInt(f[2]);
    if (Field(f, 3) == "section"sv) {
      e.kind = PlaceKind::kNeighborhood;
      e.canonical = e.name;
      e.needs_context = true;
      e.priority = -4;  // GeoNames sections are noisy; any whole city of the name wins
      e.population = 0;
    } else {
      e.kind = PlaceKind::kCity;
      e.canonical = e.name + ", " + e.state;
      e.needs_context = e.population < 50000;
    }
    int id = Add(e);
    Index(e.name, id);
    if (e.kind == PlaceKind::kCity) qualified_[key + "|" + e.state] = id;
    return Status::OK();
  });
}

Status Gazetteer::LoadCounties(const KnowledgeFiles& files) {
  return files.ForEachRecord("us_counties.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = Need(f, 2);
    if (!st.ok()) return st;
    std::string key = FoldKey(f[0]);
    if (const std::vector<int>* ids = by_key_.Find(key)) {
      for (int id : *ids) {
        if (entries_[id].kind == PlaceKind::kCounty) return Status::OK();  // same name elsewhere
      }
    }
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.canonical = e.name;
    e.state = std::string(f[1]);
    e.kind = PlaceKind::kCounty;
    e.priority = 1;
    Index(e.name, Add(e));
    return Status::OK();
  });
}

// One row of local_places.tsv (name, kind, state, canonical, aliases, priority).
Status Gazetteer::AddLocalPlace(const std::vector<std::string_view>& f) {
  std::string_view kind = f[1];
  std::string name(f[0]);
  if (kind == "stop"sv) {
    cue_.Insert(FoldKey(name));
    return Status::OK();
  }
  PlaceEntry e;
  e.name = name;
  e.state = std::string(Field(f, 2));
  e.priority = ToInt(Field(f, 5));
  std::string canon(Field(f, 3));
  if (kind == "town"sv) {
    // A municipality missing from the generated list (e.g. a Pennsylvania
    // township): read alone only in its state's context.
    e.kind = PlaceKind::kCity;
    e.canonical = canon.empty() ? name + ", " + e.state : canon;
    e.needs_context = true;
  } else if (kind == "city"sv) {
    // A default for an ambiguous name: raise the generated entry's rank.
    std::string key = FoldKey(name);
    const int* q = qualified_.Find(key + "|" + e.state);
    if (canon.empty() && q != nullptr) {
      entries_[*q].priority = e.priority;
      entries_[*q].needs_context = false;
      return Status::OK();
    }
    e.kind = PlaceKind::kCity;
    e.canonical = canon.empty() ? name + ", " + e.state : canon;
  } else if (kind == "borough"sv) {
    e.kind = PlaceKind::kBorough;
    e.canonical = canon.empty() ? name : canon;
  } else if (kind == "neighborhood"sv) {
    e.kind = PlaceKind::kNeighborhood;
    e.canonical = canon.empty() ? name : canon;
    e.needs_context = e.priority < 5 || true;
  } else if (kind == "region"sv) {
    e.kind = PlaceKind::kRegion;
    e.canonical = canon.empty() ? name : canon;
    e.needs_context = !e.state.empty();
  } else if (kind == "county"sv) {
    e.kind = PlaceKind::kCounty;
    e.canonical = canon.empty() ? name + words_.county_name_suffix : canon;
    e.needs_context = true;
  } else {
    return Status::InvalidArgument("local_places.tsv: unknown kind '" + std::string(kind) +
                                   "' for " + name + "; use city, town, borough, neighborhood, region, county or stop");
  }
  int id = Add(e);
  Index(name, id);
  if (e.kind == PlaceKind::kCity || e.kind == PlaceKind::kBorough || e.kind == PlaceKind::kNeighborhood) {
    qualified_[FoldKey(name) + "|" + e.state] = id;
  }
  AddLocalAliases(Field(f, 4), e, id);
  return Status::OK();
}

// The aliases of a local place: "New York, NY" indexes the qualified form
// only; a bare alias is a name of its own.
void Gazetteer::AddLocalAliases(std::string_view aliases, const PlaceEntry& e, int id) {
  for (std::string_view a : SplitBar(aliases)) {
    std::string alias(a);
    std::size_t comma = alias.rfind(", ");
    if (comma != std::string::npos) {
      const std::string* found = state_codes_.Find(FoldKey(alias.substr(comma + 2)));
      std::string code = found ? *found : std::string();
      if (!code.empty()) qualified_[FoldKey(alias.substr(0, comma)) + "|" + code] = id;
      continue;
    }
    Index(alias, id);
    if (e.kind != PlaceKind::kRegion) qualified_[FoldKey(alias) + "|" + e.state] = id;
  }
}

// NYC (places.state_named_city): any "X, NY" naming the city ("New York,
// N.Y.", "Nueva York, NY"), and the state's own name so qualified.
void Gazetteer::QualifyStateNamedCities() {
  for (const auto& [usps, canonical] : *words_.state_named_city) {
    for (const auto& kv : by_key_) {
      for (int id : kv.second) {
        if (entries_[id].canonical == canonical) qualified_[kv.first + "|" + usps] = id;
      }
    }
    const int city = qualified_[FoldKey(canonical) + "|" + usps];  // a copy: inserting may move entries
    const int state = StateEntry(usps);
    if (state >= 0) qualified_[FoldKey(entries_[state].name) + "|" + usps] = city;
  }
}

Status Gazetteer::LoadCountries(const KnowledgeFiles& files) {
  return files.ForEachRecord("countries.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = Need(f, 2);
    if (!st.ok()) return st;
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.canonical = e.name;
    e.kind = PlaceKind::kCountry;
    e.priority = 6;
    bool cue = Field(f, 4).find("cue") != std::string_view::npos;
    int id = Add(e);
    Index(e.name, id);
    if (cue) cue_.Insert(FoldKey(e.name));
    for (std::string_view v : SplitBar(Field(f, 2))) Index(std::string(v), id);
    for (std::string_view v : SplitBar(Field(f, 3))) {
      PlaceEntry w = e;
      w.as_written = true;
      w.canonical = std::string(v);
      int wid = Add(w);
      Index(std::string(v), wid);
    }
    return Status::OK();
  });
}

Status Gazetteer::LoadForeignPlaces(const KnowledgeFiles& files) {
  return files.ForEachRecord("foreign_places.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = Need(f, 3);
    if (!st.ok()) return st;
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.canonical = e.name;
    e.kind = PlaceKind::kForeign;
    e.priority = 4;
    int id = Add(e);
    Index(e.name, id);
    for (std::string_view v : SplitBar(Field(f, 3))) Index(std::string(v), id);
    return Status::OK();
  });
}

Status Gazetteer::Load(const KnowledgeFiles& files, const Lexicon& lexicon, std::unique_ptr<Gazetteer>* out) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  Status s = g->LoadWords(lexicon);
  if (s.ok()) s = g->LoadStates(files);
  if (!s.ok()) return s;
  // Curated entries override generated ones of the same name and state.
  std::unordered_set<std::string> curated;  // "folded name|ST"
  std::vector<std::vector<std::string_view>> local_rows;
  s = files.ForEachRecord("local_places.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = Need(f, 2);
    if (!st.ok()) return st;
    local_rows.push_back(f);
    bool city_default = f[1] == "city"sv && Field(f, 3).empty();
    if (f[1] != "stop"sv && f[1] != "region"sv && !city_default) curated.insert(FoldKey(f[0]) + "|" + std::string(Field(f, 2)));
    return Status::OK();
  });
  if (s.ok()) s = g->LoadUsPlaces(files, curated);
  if (s.ok()) s = g->LoadCounties(files);
  for (std::size_t r = 0; s.ok() && r < local_rows.size(); ++r) s = g->AddLocalPlace(local_rows[r]);
  if (!s.ok()) return s;
  g->QualifyStateNamedCities();
  s = g->LoadCountries(files);
  if (s.ok()) s = g->LoadForeignPlaces(files);
  if (!s.ok()) return s;
  *out = std::move(g);
  return Status::OK();
}

const std::vector<int>* Gazetteer::Candidates(std::string_view key) const { return by_key_.Find(key); }

int Gazetteer::Qualified(const std::string& folded_name, std::string_view state) const {
  std::string k = folded_name;
  k += '|';
  k.append(state.data(), state.size());
  const int* id = qualified_.Find(k);
  return id ? *id : -1;
}

std::string_view Gazetteer::StateCode(std::string_view key) const {
  const std::string* code = state_codes_.Find(key);
  return code ? std::string_view(*code) : std::string_view();
}

int Gazetteer::StateEntry(std::string_view usps) const {
  const int* id = state_entry_.Find(usps);
  return id ? *id : -1;
}

int Gazetteer::Resolve(const std::vector<int>& cands, std::string_view dateline_state,
                       const std::unordered_set<std::string>& context_states) const {
  int best = -1;
  double best_score = -1e18;
  for (int id : cands) {
    const PlaceEntry& e = entries_[id];
    bool in_dl = !e.state.empty() && e.state == dateline_state;
    bool in_ctx = !e.state.empty() && context_states.count(e.state) != 0;
    if (e.needs_context && !in_dl && !in_ctx && e.population < 50000) continue;
    // The dateline's state is strong evidence; another state named in the
    // release is weaker than a big city's fame ("Atlanta" in a release that
    // also names Texas is still Atlanta, GA).
    // A small town of the dateline's state does not beat a big city of the
    // same name elsewhere ("Worcester" in an Albany release is Worcester, MA).
    bool small = e.kind == PlaceKind::kCity && e.population > 0 && e.population < 20000;
    double score = 0;
    if (in_dl) score += small ? 200 : 500;
    else if (in_ctx) score += small ? 60 : 150;
    if (e.kind == PlaceKind::kState) score += 400;
    if (e.kind == PlaceKind::kCountry) score += 400;
    if (e.kind == PlaceKind::kRegion) score += 450;
    score += e.priority * 60;
    if (e.population > 0) score += std::log10(static_cast<double>(e.population)) * 40;
    // Whole-entity kinds over name-sharing sections of other cities.
    if (e.kind == PlaceKind::kNeighborhood && !in_dl && !in_ctx) score -= 300;
    if (score > best_score) {
      best_score = score;
      best = id;
    }
  }
  return best;
}

bool Gazetteer::IsPlaceName(std::string_view surface) const {
  std::string key = FoldKey(surface);
  if (key.empty()) return false;
  if (by_key_.Contains(key)) return true;
  std::size_t comma = key.rfind(", ");
  if (comma != std::string::npos) {
    std::string_view code = StateCode(key.substr(comma + 2));
    if (!code.empty()) return Qualified(key.substr(0, comma), code) >= 0;
  }
  return false;
}

bool Gazetteer::Lookup(std::string_view surface, std::string_view context_state, PlaceInfo* out) const {
  std::string key = FoldKey(surface);
  if (key.empty()) return false;
  int id = -1;
  std::size_t comma = key.rfind(", ");
  if (comma != std::string::npos) {
    std::string_view code = StateCode(key.substr(comma + 2));
    if (!code.empty()) id = Qualified(key.substr(0, comma), code);
  }
  if (id < 0) {
    const std::vector<int>* c = Candidates(key);
    if (c == nullptr) return false;
    std::unordered_set<std::string> ctx;
    if (!context_state.empty()) ctx.insert(std::string(context_state));
    id = Resolve(*c, context_state, ctx);
    if (id < 0) {
      // Out of context: still a place; take the best-ranked one.
      std::unordered_set<std::string> none;
      id = c->front();
      for (int i : *c) {
        if (entries_[i].priority > entries_[id].priority ||
            (entries_[i].priority == entries_[id].priority && entries_[i].population > entries_[id].population)) {
          id = i;
        }
      }
    }
  }
  const PlaceEntry& e = entries_[id];
  out->canonical = e.as_written ? std::string(surface) : e.canonical;
  out->state = e.state;
  out->kind = e.kind;
  return true;
}

// ---------------------------------------------------------------- scanning

namespace {

struct Word {
  std::uint32_t begin, end;  // surface range (possessive and sentence period cut off)
  bool cap;                  // first letter upper case
  bool allcaps;
  bool possessive;
  bool sent_end;             // a sentence-ending period followed this word
};

std::uint32_t DecodeAt(std::string_view t, std::size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) { *len = 1; return c; }
  if ((c >> 5) == 6 && i + 1 < t.size()) {
    *len = 2;
    return ((c & 0x1F) << 6) | (static_cast<unsigned char>(t[i + 1]) & 0x3F);
  }
  if ((c >> 4) == 14 && i + 2 < t.size()) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((static_cast<unsigned char>(t[i + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(t[i + 2]) & 0x3F);
  }
  if ((c >> 3) == 30 && i + 3 < t.size()) {
    *len = 4;
    return 0x10000;
  }
  *len = 1;
  return 0xFFFD;
}

bool IsLetterCp(std::uint32_t cp) {
  if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp < 0x2000);
}
bool IsUpperCp(std::uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 0;
  return false;
}
bool IsApos(std::uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2BC; }

// Periods that belong to the word ("N.Y.", "St.", "Calif."), as opposed to
// a sentence end: inner periods, one- and two-letter words, and the
// abbreviations of places.period_abbrevs.
bool KeepsPeriod(std::string_view w, const StringSet& abbrevs) {
  if (w.find('.') != std::string_view::npos) return true;  // "N.Y" of "N.Y."
  if (w.size() <= 2) return true;                           // "St", "Mt", "D"
  return abbrevs.Contains(w);
}

// The end of the word starting at text[i] (its first code point `cp`, a
// letter or digit): letters, digits and joiners (hyphen, apostrophe, period
// followed by a letter: "N.Y", "Port-au-Prince"). Counts its letters and
// clears *allcaps on a lower-case one; *i ends after the last joiner read.
std::size_t WordEndAt(std::string_view t, std::size_t* i, int* letters, bool* allcaps) {
  const std::size_t n = t.size();
  std::size_t e = *i;
  int len;
  while (*i < n) {
    const std::size_t run_end = latin::ScanAsciiAlnum(t, *i, letters, allcaps);
    if (run_end > *i) {
      *i = e = run_end;
      continue;
    }
    std::uint32_t cp = DecodeAt(t, *i, &len);
    if (IsLetterCp(cp) || (cp < 0x80 && cp >= '0' && cp <= '9')) {
      if (IsLetterCp(cp)) {
        ++*letters;
        if (!IsUpperCp(cp)) *allcaps = false;
      }
      *i += len;
      e = *i;
      continue;
    }
    if (cp == '-' || IsApos(cp) || cp == '.') {
      std::size_t j = *i + len;
      if (j < n) {
        int l2;
        std::uint32_t nx = DecodeAt(t, j, &l2);
        if (IsLetterCp(nx)) {
          *i = j;
          continue;
        }
      }
    }
    break;
  }
  return e;
}

// Cuts a possessive ('s / ’s) off word w and reads the period, '!', '?' or
// ':' after it: kept on an abbreviation, else a sentence end. *i moves past
// a kept period.
void FinishWord(std::string_view t, const StringSet& abbrevs, std::size_t e, Word* w, std::size_t* i) {
  const std::size_t n = t.size();
  std::string_view ws = t.substr(w->begin, e - w->begin);
  if (ws.size() > 2 && ws.back() == 's') {
    if (ws[ws.size() - 2] == '\'') {
      w->end -= 2;
      w->possessive = true;
    } else if (ws.size() > 4 && ws.compare(ws.size() - 4, 4, "\xE2\x80\x99s") == 0) {
      w->end -= 4;
      w->possessive = true;
    }
  }
  if (e < n && t[e] == '.') {
    std::string_view core = t.substr(w->begin, w->end - w->begin);
    if (KeepsPeriod(core, abbrevs)) {
      w->end = static_cast<std::uint32_t>(e + 1);
      *i = e + 1;
      // An abbreviation can still end a sentence: "... in Washington, D.C. The"
      std::size_t k = e + 1;
      while (k < n && t[k] == ' ') ++k;
      if (k < n && k > e + 1 && IsUpperAscii(t[k]) && core.size() > 2 && core.find('.') == std::string_view::npos) {
        w->sent_end = true;
      }
    } else {
      w->sent_end = true;
    }
  } else if (e < n && (t[e] == '!' || t[e] == '?' || t[e] == ':')) {
    w->sent_end = true;
  }
}

// The words of t: letters and digits with their joiners.
void Words(std::string_view t, const StringSet& abbrevs, std::vector<Word>* out) {
  out->clear();
  std::size_t i = 0, n = t.size();
  while (i < n) {
    const unsigned char b0 = static_cast<unsigned char>(t[i]);
    if (b0 < 0x80 && latin::ByteClass(b0) == 0) {  // ASCII outside words, by table
      ++i;
      continue;
    }
    int len;
    std::uint32_t cp = DecodeAt(t, i, &len);
    if (!(IsLetterCp(cp) || (cp < 0x80 && cp >= '0' && cp <= '9'))) {
      i += len;
      continue;
    }
    std::size_t b = i;
    bool cap = IsUpperCp(cp);
    bool allcaps = cap;
    int letters = 0;
    std::size_t e = WordEndAt(t, &i, &letters, &allcaps);
    Word w{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), cap, allcaps && letters >= 2, false, false};
    FinishWord(t, abbrevs, e, &w, &i);
    out->push_back(w);
  }
}

std::string_view Gap(std::string_view t, const std::vector<Word>& w, std::size_t i) {
  // Text between word i-1 and word i.
  std::size_t from = i == 0 ? 0 : w[i - 1].end;
  return t.substr(from, w[i].begin - from);
}

// Gap is a single plain space (words of one name).
bool Tight(std::string_view gap) { return gap == " "sv; }

// Whether a raw word passes a class's byte pre-test (see WordShape).
bool Fits(const WordShape& sh, std::string_view raw) {
  return raw.size() >= sh.min_len && raw.size() <= sh.max_len && sh.first[static_cast<unsigned char>(raw[0])] &&
         raw.compare(0, sh.prefix.size(), sh.prefix) == 0;
}

// Party-and-state tags of legislators: "(D-Md.)", "(R–Yorktown)", "D-Calif.".
bool InPartyTag(std::string_view t, std::size_t begin) {
  std::size_t i = begin;
  // Skip back over a dash (ASCII or UTF-8 en/em dash).
  if (i >= 1 && t[i - 1] == '-') {
    i -= 1;
  } else if (i >= 3 && static_cast<unsigned char>(t[i - 3]) == 0xE2 && static_cast<unsigned char>(t[i - 2]) == 0x80 &&
             (static_cast<unsigned char>(t[i - 1]) == 0x93 || static_cast<unsigned char>(t[i - 1]) == 0x94)) {
    i -= 3;
  } else {
    return false;
  }
  if (i < 1) return false;
  char p = t[i - 1];
  if (p != 'D' && p != 'R' && p != 'I') return false;
  if (i < 2) return true;
  char q = t[i - 2];
  return q == '(' || q == ' ' || q == ',';
}

struct Mention {
  std::size_t wb, we;      // word range [wb, we)
  std::size_t begin, end;  // byte range of the surface
  int entry = -1;          // resolved entry (set in pass 2 unless fixed)
  const std::vector<int>* cands = nullptr;
  std::string canonical;   // when set, overrides the entry's canonical
  bool qualified = false;
  bool need_cue = false;
  bool has_cue = false;
  bool small_ok = true;
};

// One run of the location finder over a release: the word table, the
// lazily folded words and the mentions found so far. The passes, in order:
// gazetteer names (ScanGazetteer), county lists (CountyLists*), places known
// from their context (ContextualPlaces), then the release's states
// (ReadContext) and the grouping into entities (Group).
class LocationScan {
 public:
  LocationScan(std::string_view text, const Gazetteer& g, const DatelineMatch* dateline,
               const std::vector<TextSpan>& taken, std::string_view publisher_state)
      : text_(text), g_(g), pw_(g.words()), dateline_(dateline), taken_(taken), publisher_state_(publisher_state) {
    // Per-call scratch. (Not thread_local: GCC specializes the helpers for a
    // thread_local argument and each of their calls then looks up its address.)
    w_.reserve(text.size() / 6 + 8);
    Words(text, *pw_.period_abbrevs, &w_);
    nw_ = w_.size();
    folded_.resize(nw_);
    done_.assign(nw_, 0);
    if (dateline) {
      dl_state_ = dateline->dateline.region;
      dl_begin_ = dateline->begin;
      dl_end_ = dateline->end;
    }
  }

  void Run(std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans) {
    ScanGazetteer();
    CountyListsBefore();
    CountyListsAfter();
    ContextualPlaces();
    std::sort(ms_.begin(), ms_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    ReadContext();
    Group(out, mention_spans);
  }

 private:
  // --- words
  // The folded form of word i, folded on first use.
  const std::string& F(std::size_t i);
  std::string_view Raw(std::size_t i) const { return text_.substr(w_[i].begin, w_[i].end - w_[i].begin); }
  std::string_view GapAt(std::size_t i) const { return Gap(text_, w_, i); }
  bool TightAt(std::size_t i) const { return Tight(Gap(text_, w_, i)); }
  std::string Surface(std::size_t b, std::size_t e) const;
  std::string KeyOf(std::size_t b, std::size_t e);
  bool InDateline(std::size_t b, std::size_t e) const { return b < dl_end_ && dl_begin_ < e; }
  bool SentStart(std::size_t i) const;
  std::size_t PhraseAt(std::size_t j, const std::vector<std::vector<std::string>>& phrases);
  std::size_t NextInList(std::size_t e, const StringSet& conj);

  void ScanGazetteer();
  bool IsAreaPrefix(std::size_t i);
  const std::vector<int>* LongestMatch(std::size_t i, std::size_t* best_end);
  void AreaName(std::size_t i, const std::vector<int>** best, std::size_t* best_end, std::string* canonical);
  bool InsideOtherName(std::size_t i, std::size_t best_end, const std::string& prev, Mention* m);
  bool InsideOrganization(std::size_t i, const std::string& prev, Mention* m);
  bool CaseParty(std::size_t i, std::size_t best_end, const std::string& prev);
  bool AfterInitial(std::size_t i) const;
  bool GivenNameOfTaken(const Mention& m) const;
  bool CountryInTitle(std::size_t best_end, const Mention& m);
  void Qualify(std::size_t i, std::size_t* best_end, Mention* m);
  bool UsAsAdjective(std::size_t i, std::size_t next);

  bool MaybeCounties(std::size_t k) const { return Fits(pw_.county_plurals_shape, Raw(k)); }
  void AddCounty(std::size_t b, std::size_t e);
  void CountyListsBefore();
  void CountyListsAfter();

  void ContextualPlaces();
  std::size_t NameBefore(std::size_t e);
  bool PlainName(std::size_t b, std::size_t e);
  long Overlapping(std::size_t begin, std::size_t end) const;
  bool LocalKind(const Mention& m) const;
  void AddFixed(std::size_t b, std::size_t e, std::string canonical, bool replace_cities);
  void Neighborhoods(std::size_t k);
  bool IsCondadoDe(std::size_t k);
  void EstadoDe(std::size_t k);
  void CondadoDe(std::size_t k);
  bool IsTownship(std::size_t k);
  void Township(std::size_t k);
  void UnknownQualified(std::size_t k);

  void ReadContext();
  void ReadCandidatesContext(const Mention& m);
  void Group(std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans);

  const std::string_view text_;
  const Gazetteer& g_;
  const PlaceWords& pw_;
  const DatelineMatch* const dateline_;
  const std::vector<TextSpan>& taken_;
  const std::string_view publisher_state_;  // the publisher's home state (USPS), or empty
  std::vector<Word> w_;
  std::size_t nw_ = 0;
  std::vector<std::string> folded_;
  std::vector<unsigned char> done_;
  std::string dl_state_;
  std::size_t dl_begin_ = 0, dl_end_ = 0;
  std::vector<Mention> ms_;
  std::string key_;  // scratch of LongestMatch
  // Context: states named in the release, and those named by something
  // other than a lone small town.
  std::unordered_set<std::string> ctx_, strong_ctx_;
  std::unordered_map<std::string, std::string> weak_seen_;  // state -> first small town named
};

// ---------------------------------------------------------------- pass 1: gazetteer names

const std::string& LocationScan::F(std::size_t i) {
  if (!done_[i]) {
    done_[i] = 1;
    folded_[i].clear();
    AppendFolded(Raw(i), &folded_[i]);
  }
  return folded_[i];
}

// Text of words [b, e).
std::string LocationScan::Surface(std::size_t b, std::size_t e) const {
  return std::string(text_.substr(w_[b].begin, w_[e - 1].end - w_[b].begin));
}

// Folded words [b, e) joined by spaces.
std::string LocationScan::KeyOf(std::size_t b, std::size_t e) {
  std::string key;
  for (std::size_t x = b; x < e; ++x) {
    if (x > b) key += ' ';
    key += F(x);
  }
  return key;
}

// Word i opens a sentence, a line, a quotation, a clause after ':' or ';',
// or a bullet.
bool LocationScan::SentStart(std::size_t i) const {
  if (i == 0) return true;
  if (w_[i - 1].sent_end) return true;
  std::string_view gap = GapAt(i);
  return gap.find('\n') != std::string_view::npos || gap.find("\xE2\x80\x9C") != std::string_view::npos ||
         gap.find('"') != std::string_view::npos || gap.find(':') != std::string_view::npos ||
         gap.find("\xE2\x80\xA2") != std::string_view::npos || gap.find(';') != std::string_view::npos;
}

// The number of words of the first phrase of `phrases` (in file order) that
// words j... spell, 0 when none does.
std::size_t LocationScan::PhraseAt(std::size_t j, const std::vector<std::vector<std::string>>& phrases) {
  for (const std::vector<std::string>& p : phrases) {
    if (j + p.size() > nw_) continue;
    std::size_t t = 0;
    while (t < p.size() && F(j + t) == p[t]) ++t;
    if (t == p.size() && t > 0) return t;
  }
  return 0;
}

// The list separator after a name ending at word e (exclusive; e < nw_):
// ", " (skipping a following conjunction of `conj`) or " and ". Returns the
// next name's first word, or 0 when the list ends.
std::size_t LocationScan::NextInList(std::size_t e, const StringSet& conj) {
  std::string_view gap = GapAt(e);
  if (gap == ", "sv) {
    if (e < nw_ && conj.Contains(F(e))) return e + 1;
    return e;
  }
  if (gap == " "sv && conj.Contains(F(e))) return e + 1;
  return 0;
}


// A capitalized word of places.area_prefix ("North", "Greater"); the byte
// pre-test keeps the other words unfolded.
bool LocationScan::IsAreaPrefix(std::size_t i) {
  return Fits(pw_.area_prefix_shape, Raw(i)) && pw_.area_prefix->Contains(F(i));
}

// Longest gazetteer name starting at word i (tight words, no possessive or
// sentence end inside); its candidates, or nullptr.
const std::vector<int>* LocationScan::LongestMatch(std::size_t i, std::size_t* best_end) {
  key_ = F(i);
  *best_end = 0;
  const std::vector<int>* best = nullptr;
  if (const std::vector<int>* c = g_.Candidates(key_)) {
    best = c;
    *best_end = i + 1;
  }
  for (std::size_t j = i + 1; j < nw_ && j - i < g_.max_tokens() && !w_[j - 1].possessive && !w_[j - 1].sent_end; ++j) {
    if (!g_.IsKeyPrefix(key_)) break;  // no longer name starts with these words
    if (!TightAt(j)) break;
    key_ += ' ';
    key_ += F(j);
    if (const std::vector<int>* c = g_.Candidates(key_)) {
      if (w_[j].cap || w_[j].allcaps) {
        best = c;
        *best_end = j + 1;
      }
    }
  }
  return best;
}

// "Southwest Detroit", "East Oakland", "Greater Minnesota", "Northern Chile":
// an area word before a big city, a state or a country names a part of it
// (bare), unless the gazetteer knows a longer name ("North Carolina").
void LocationScan::AreaName(std::size_t i, const std::vector<int>** best, std::size_t* best_end,
                            std::string* canonical) {
  if (!(*best_end <= i + 1 && i + 1 < nw_ && w_[i + 1].cap && TightAt(i + 1) && !w_[i].sent_end &&
        !w_[i].possessive)) {
    return;
  }
  std::string k2;
  for (std::size_t j = i + 1; j < nw_ && j - i <= 3; ++j) {
    if (j > i + 1) {
      if (!TightAt(j) || w_[j - 1].sent_end || w_[j - 1].possessive) break;
      k2 += ' ';
    }
    k2 += F(j);
    const std::vector<int>* c = g_.Candidates(k2);
    if (c == nullptr) continue;
    bool fits = false;
    for (int id : *c) {
      const PlaceEntry& e = g_.entry(id);
      if ((e.kind == PlaceKind::kCity && (e.population >= 100000 || e.priority >= 5)) ||
          e.kind == PlaceKind::kBorough || e.kind == PlaceKind::kState || e.kind == PlaceKind::kCountry) {
        fits = true;
      }
    }
    if (fits) {
      *best = c;
      *best_end = j + 1;
      *canonical = std::string(text_.substr(w_[i].begin, w_[j].end - w_[i].begin));
    }
  }
}

// "University of Texas", "Sisters of St. Joseph of Rochester": a place after
// a link word (places.org_links) of an organization name headed by a word of
// places.org_head. "City of Yonkers" (places.govt_prefix) is a place, the
// mention then starting at "City", unless itself inside an organization name.
bool LocationScan::InsideOrganization(std::size_t i, const std::string& prev, Mention* m) {
  if (!(i >= 2 && pw_.org_links->Contains(prev))) return false;
  std::size_t k = i - 2;
  if (pw_.org_articles->Contains(F(k)) && k > 0) --k;
  if (w_[k].cap && pw_.org_head->Contains(F(k))) {
    bool govt_prefix = pw_.govt_prefix->Contains(F(k));
    if (govt_prefix && !(k > 1 && pw_.govt_outer_links->Contains(F(k - 1)) && k >= 2 && w_[k - 2].cap &&
                         pw_.org_head->Contains(F(k - 2)))) {
      m->begin = w_[k].begin;
      return false;
    }
    return true;
  }
  // Further back in the same name: "University of Texas at San Antonio".
  for (std::size_t d = 0; d < 8 && k > 0; ++d) {
    --k;
    const std::string& fk = F(k);
    bool connector = pw_.org_connectors->Contains(fk);
    if (!w_[k].cap && !connector) break;
    if (!TightAt(k + 1) || w_[k].sent_end) break;
    if (w_[k].cap && pw_.org_head->Contains(fk)) return true;
  }
  return false;
}

// Whether the gazetteer name [i, best_end) is part of something else: a
// taken span, a party tag ("D-Calif."), a street ("la avenida Roosevelt"),
// a longer proper name (a capitalized word after it not in places.after_ok,
// or before it not in places.before_ok: "Rep. Jane Lynn", "Golden Lotus"),
// or an organization name.
bool LocationScan::InsideOtherName(std::size_t i, std::size_t best_end, const std::string& prev, Mention* m) {
  if (OverlapsAny(taken_, m->begin, m->end)) return true;
  if (InPartyTag(text_, m->begin)) return true;
  if (i > 0 && !w_[i - 1].cap && pw_.street_before->Contains(F(i - 1))) return true;
  const std::size_t next = best_end;
  if (next < nw_ && TightAt(next) && w_[next].cap && !w_[best_end - 1].possessive && !w_[best_end - 1].sent_end &&
      !pw_.after_ok->Contains(F(next))) {
    return true;
  }
  if (i > 0 && TightAt(i) && w_[i - 1].cap && !SentStart(i) && !pw_.before_ok->Contains(prev) && !w_[i - 1].sent_end) {
    return true;
  }
  return InsideOrganization(i, prev, m) || CaseParty(i, best_end, prev) || CountryInTitle(best_end, *m) ||
         AfterInitial(i);
}

// "Melissa" in a release that names "Melissa Ortega" (a name another finder
// took): a one-word small town's name that opens a taken name of two or
// three capitalized words is that person's given name here.
bool LocationScan::GivenNameOfTaken(const Mention& m) const {
  if (m.we != m.wb + 1 || m.cands == nullptr) return false;
  for (int id : *m.cands) {
    const PlaceEntry& e = g_.entry(id);
    if (e.kind != PlaceKind::kCity || e.population >= 50000 || e.priority > 0) return false;
  }
  const std::string_view word = text_.substr(m.begin, m.end - m.begin);
  for (const TextSpan& t : taken_) {
    const std::string_view s = text_.substr(t.begin, t.end - t.begin);
    if (s.size() <= word.size() + 1 || s.compare(0, word.size(), word) != 0 || s[word.size()] != ' ') continue;
    int words = 1;
    bool capitalized = true;
    for (std::size_t k = word.size(); k < s.size() && capitalized; ++k) {
      if (s[k] != ' ') continue;
      ++words;
      capitalized = k + 1 < s.size() && (IsUpperAscii(s[k + 1]) || static_cast<unsigned char>(s[k + 1]) >= 0xC3);
    }
    if (capitalized && words <= 3) return true;
  }
  return false;
}

// "Jeffrey A. Taylor": a name after a capitalized name and a middle initial
// is a surname.
bool LocationScan::AfterInitial(std::size_t i) const {
  if (i < 2) return false;
  const Word& ini = w_[i - 1];
  std::size_t e = ini.end;
  if (e < text_.size() && text_[e] == '.') ++e;  // the initial's period, in its word or after it
  return e == ini.begin + 2 && IsUpperAscii(text_[ini.begin]) && text_[ini.begin + 1] == '.' && w_[i - 2].cap &&
         w_[i - 2].end + 1 == ini.begin && e + 1 == w_[i].begin && text_[e] == ' ';
}

// "Printz v. United States", "King County et al. v. Turner": a party of a
// court case's caption (places.case_words before or after the name).
bool LocationScan::CaseParty(std::size_t i, std::size_t best_end, const std::string& prev) {
  if (i > 0 && pw_.case_words->Contains(prev)) return true;
  return best_end < nw_ && !w_[best_end].cap && pw_.case_words->Contains(F(best_end));
}

// "United States Attorney": a country before an office title of
// places.country_titles is part of the title.
bool LocationScan::CountryInTitle(std::size_t best_end, const Mention& m) {
  if (best_end >= nw_ || m.cands == nullptr || !TightAt(best_end) || !pw_.country_titles->Contains(F(best_end))) {
    return false;
  }
  for (int id : *m.cands) {
    if (g_.entry(id).kind == PlaceKind::kCountry) return true;
  }
  return false;
}

// Qualifier: ", ST" / ", State" after the name ("Buffalo, N.Y.", "Brentwood,
// Tennessee"); not for a list of states ("Georgia, Texas and Louisiana").
void LocationScan::Qualify(std::size_t i, std::size_t* best_end, Mention* m) {
  const std::size_t next = *best_end;
  if (next >= nw_ || GapAt(next) != ", "sv) return;
  std::string q = F(next);
  std::size_t qend = next + 1;
  std::string_view code = g_.StateCode(q);
  if (code.empty() && next + 1 < nw_ && TightAt(next + 1)) {
    std::string q2 = q + " " + F(next + 1);
    code = g_.StateCode(q2);
    if (!code.empty()) qend = next + 2;
  }
  if (code.empty() || !w_[next].cap) return;
  std::string name_key = KeyOf(i, *best_end);
  int id = g_.Qualified(name_key, code);
  bool place_is_state = !g_.StateCode(name_key).empty();
  for (std::size_t k = 0; m->cands != nullptr && k < m->cands->size() && !place_is_state; ++k) {
    place_is_state = g_.entry((*m->cands)[k]).kind == PlaceKind::kState;  // a variant ("Hawai'i")
  }
  if (id < 0 && place_is_state) return;
  m->qualified = true;
  m->end = w_[qend - 1].end;
  if (id >= 0) {
    m->entry = id;
  } else {
    // Known name, other state: "Brentwood, Tennessee".
    std::string nm(text_.substr(w_[i].begin, w_[*best_end - 1].end - w_[i].begin));
    m->canonical = nm + ", " + std::string(code);
  }
  *best_end = qend;
  m->we = qend;
}

// U.S. (places.us_abbrevs) is a place as a noun only ("outside the U.S.",
// not "U.S. citizens" or "U.S.-citizen"): true when word i is not a noun.
bool LocationScan::UsAsAdjective(std::size_t i, std::size_t next) {
  if (!w_[i].allcaps) return true;
  if (w_[i].end < text_.size() && text_[w_[i].end] == '-') return true;  // "U.S.-citizen"
  bool noun = w_[i].sent_end || next >= nw_ || !TightAt(next);
  if (!noun) noun = pw_.us_noun_followers->Contains(F(next));
  return !noun;
}

// Capitalized word runs looked up in the gazetteer, longest first, with the
// rules above deciding which are place mentions.
void LocationScan::ScanGazetteer() {
  std::size_t i = 0;
  while (i < nw_) {
    if (!w_[i].cap || (dateline_ && w_[i].begin < dl_end_ && w_[i].end > dl_begin_)) {
      ++i;
      continue;
    }
    const bool area_prefix = IsAreaPrefix(i);
    if (!area_prefix && !g_.IsFirstToken(F(i))) {
      ++i;
      continue;
    }
    std::size_t best_end = 0;
    const std::vector<int>* best = LongestMatch(i, &best_end);
    std::string area_canonical;
    if (area_prefix) AreaName(i, &best, &best_end, &area_canonical);
    if (best == nullptr || (best_end == i + 1 && pw_.never->Contains(F(i)))) {
      ++i;
      continue;
    }
    Mention m;
    m.wb = i;
    m.we = best_end;
    m.begin = w_[i].begin;
    m.end = w_[best_end - 1].end;
    m.cands = best;
    m.canonical = area_canonical;
    const std::size_t next = best_end;
    std::string prev = i > 0 ? F(i - 1) : std::string();
    if (InsideOtherName(i, best_end, prev, &m)) {
      i = best_end;
      continue;
    }
    Qualify(i, &best_end, &m);
    if (!m.qualified && m.we == m.wb + 1 && pw_.us_abbrevs->Contains(F(i)) && UsAsAdjective(i, next)) {
      i = best_end;
      continue;
    }
    // Locative cue for names that are also common words or personal names.
    std::string key_all = KeyOf(m.wb, m.qualified ? m.wb + 1 : m.we);
    m.need_cue = !m.qualified && g_.NeedsCue(key_all);
    m.has_cue = i > 0 && (pw_.cue->Contains(prev) || GapAt(i).find(',') != std::string_view::npos);
    if ((m.need_cue && !m.has_cue) || (!m.qualified && GivenNameOfTaken(m))) {
      i = best_end;
      continue;
    }
    ms_.push_back(m);
    i = best_end;
  }
}

// ---------------------------------------------------------------- pass 2: county lists

// Counties named in a list: words [b, e) + " County", replacing any
// mention of the main scan over the same text.
void LocationScan::AddCounty(std::size_t b, std::size_t e) {
  std::size_t begin = w_[b].begin, end = w_[e - 1].end;
  if (OverlapsAny(taken_, begin, end)) return;
  std::string nm(text_.substr(begin, end - begin));
  ms_.erase(std::remove_if(ms_.begin(), ms_.end(), [&](const Mention& x) { return x.begin < end && begin < x.end; }),
            ms_.end());
  Mention m;
  m.wb = b;
  m.we = e;
  m.begin = begin;
  m.end = end;
  m.canonical = nm + pw_.county_name_suffix;
  ms_.push_back(m);
}

// "Erie and Niagara counties", "Cook, Kane and Will counties": known county
// names before a plural of places.county_plurals, walking back over ", " and
// the conjunctions of places.county_list_and.
void LocationScan::CountyListsBefore() {
  for (std::size_t k = 1; k < nw_; ++k) {
    if (!MaybeCounties(k)) continue;
    if (!pw_.county_plurals->Contains(F(k))) continue;
    std::size_t j = k;
    while (j > 0) {
      std::size_t e = j;  // exclusive end of the name
      std::size_t b = e;
      while (b > 0 && w_[b - 1].cap && (b == e || TightAt(b)) && e - b < 3) --b;
      if (b == e) break;
      std::size_t begin = w_[b].begin, end = w_[e - 1].end;
      // A name not in the county list ("Rural counties") ends the walk.
      if (!g_.Candidates(FoldKey(text_.substr(begin, end - begin)) + pw_.county_key_suffix)) break;
      AddCounty(b, e);
      // Separator before this name: ", " / " and " / ", and " / " y ".
      if (b == 0) break;
      std::string_view gap = GapAt(b);
      if (gap == ", "sv) {
        j = b;
        continue;
      }
      if (gap == " "sv && b >= 2 && pw_.county_list_and->Contains(F(b - 1))) {
        std::string_view g2 = GapAt(b - 1);
        if (g2 == " "sv || g2 == ", "sv) {
          j = b - 1;
          continue;
        }
      }
      break;
    }
  }
}

// "counties such as St. Lawrence and Chautauqua": a plural of
// places.county_plurals_before_list, a phrase of places.county_list_intro,
// then known county names joined by ", " and places.list_and.
void LocationScan::CountyListsAfter() {
  for (std::size_t k = 0; k + 3 < nw_; ++k) {
    if (!MaybeCounties(k) || !pw_.county_plurals_before_list->Contains(F(k))) continue;
    const std::size_t intro = PhraseAt(k + 1, pw_.county_list_intro);
    if (intro == 0) continue;
    std::size_t j = k + 1 + intro;
    while (j < nw_ && w_[j].cap) {
      std::size_t b = j, e = j + 1;
      while (e < nw_ && e - b < 3 && w_[e].cap && TightAt(e) && !w_[e - 1].sent_end) ++e;
      std::size_t begin = w_[b].begin, end = w_[e - 1].end;
      if (!g_.Candidates(FoldKey(text_.substr(begin, end - begin)) + pw_.county_key_suffix)) break;
      AddCounty(b, e);
      if (w_[e - 1].sent_end || e >= nw_) break;
      j = NextInList(e, *pw_.list_and);
      if (j == 0) break;
    }
  }
}

// ---------------------------------------------------------------- pass 3: contextual places

// A capitalized name of 1-3 tight words ending at word e-1 (exclusive e);
// returns its first word, or e when there is none. Leading determiners and
// function words (places.not_name: "In", "The") are not part of it.
std::size_t LocationScan::NameBefore(std::size_t e) {
  std::size_t b = e;
  while (b > 0 && e - b < 3 && w_[b - 1].cap && !(b < e && (w_[b - 1].sent_end || w_[b - 1].possessive)) &&
         (b == e || TightAt(b))) {
    --b;
  }
  while (b < e && pw_.not_name->Contains(F(b))) ++b;
  return b;
}

// Words [b, e) may be a bare place name: no organization head, corporate
// suffix or never-a-place word, and no determiner first.
bool LocationScan::PlainName(std::size_t b, std::size_t e) {
  if (b >= e) return false;
  for (std::size_t k = b; k < e; ++k) {
    if (pw_.org_head->Contains(F(k)) || pw_.corp_suffix->Contains(F(k)) || pw_.never->Contains(F(k))) return false;
  }
  return !pw_.not_name->Contains(F(b));
}

long LocationScan::Overlapping(std::size_t begin, std::size_t end) const {
  for (std::size_t k = 0; k < ms_.size(); ++k) {
    if (ms_[k].begin < end && begin < ms_[k].end) return static_cast<long>(k);
  }
  return -1L;
}

// A mention with a fixed canonical, or one that may be a neighborhood,
// borough or region of the release's state.
bool LocationScan::LocalKind(const Mention& m) const {
  if (m.cands == nullptr || !m.canonical.empty()) return !m.canonical.empty();
  for (int id : *m.cands) {
    const PlaceEntry& e = g_.entry(id);
    bool local = e.kind == PlaceKind::kNeighborhood || e.kind == PlaceKind::kBorough || e.kind == PlaceKind::kRegion;
    if (local && (e.state.empty() || e.state == dl_state_) && e.priority >= 0) return true;
  }
  return false;
}

// Adds a fixed-canonical mention of words [b, e); it replaces an overlapping
// gazetteer mention (that it covers) only when `replace_cities` and that
// mention did not resolve to a neighborhood-like or qualified place.
void LocationScan::AddFixed(std::size_t b, std::size_t e, std::string canonical, bool replace_cities) {
  std::size_t begin = w_[b].begin, end = w_[e - 1].end;
  if (OverlapsAny(taken_, begin, end) || InDateline(begin, end)) return;
  long k = Overlapping(begin, end);
  if (k >= 0) {
    const Mention& old = ms_[k];
    if (!replace_cities || LocalKind(old) || old.qualified) return;
    if (old.begin != begin || old.end != end) {
      // A longer text than the gazetteer's: only when it covers it.
      if (old.begin < begin || old.end > end) return;
    }
    ms_.erase(ms_.begin() + k);
  }
  Mention m;
  m.wb = b;
  m.we = e;
  m.begin = begin;
  m.end = end;
  m.canonical = std::move(canonical);
  ms_.push_back(std::move(m));
}

// Neighborhoods named around a lower-case noun of places.neighborhood_nouns
// (capitalized, it heads organization names): backward "the X neighborhood",
// "X and Y neighborhoods"; apposition "X, a neighborhood", "X, a
// working-class neighborhood" (places.appositive_articles); forward
// "neighborhoods of/like/such as/including A, B and C"
// (places.neighborhood_list_intro). The names keep their surface.
void LocationScan::Neighborhoods(std::size_t k) {
  const Word& wk = w_[k];
  std::size_t j = k;
  while (j > 0 && TightAt(j)) {
    std::size_t b = NameBefore(j);
    if (b == j || !PlainName(b, j) || w_[j - 1].possessive) break;
    AddFixed(b, j, Surface(b, j), true);
    if (b < 2) break;
    std::string_view gap = GapAt(b);
    if (gap == ", "sv) {
      j = b;
    } else if (gap == " "sv && pw_.list_and->Contains(F(b - 1)) && (GapAt(b - 1) == " "sv || GapAt(b - 1) == ", "sv)) {
      j = b - 1;
    } else {
      break;
    }
  }
  for (std::size_t d = 1; d <= 4 && d < k; ++d) {
    std::size_t a = k - d;
    if (w_[a].cap || w_[a].sent_end) break;
    if (pw_.appositive_articles->Contains(F(a)) && GapAt(a) == ", "sv) {
      std::size_t b = NameBefore(a);
      if (b < a && PlainName(b, a)) AddFixed(b, a, Surface(b, a), true);
      break;
    }
  }
  const std::size_t intro = PhraseAt(k + 1, pw_.neighborhood_list_intro);
  if (intro == 0 || wk.sent_end) return;
  std::size_t j2 = k + 1 + intro;
  while (j2 < nw_ && w_[j2].cap) {
    std::size_t b = j2, e = j2 + 1;
    while (e < nw_ && e - b < 3 && w_[e].cap && TightAt(e) && !w_[e - 1].sent_end && !w_[e - 1].possessive) ++e;
    if (!PlainName(b, e)) break;
    AddFixed(b, e, Surface(b, e), true);
    if (w_[e - 1].sent_end || e >= nw_) break;
    j2 = NextInList(e, *pw_.list_and);
    if (j2 == 0) break;
  }
}

// Spanish "condado de Mecklenburg" (places.county_nouns_es +
// places.county_links_es + a capitalized name) = Mecklenburg County.
// "estado de Nueva York" (places.state_nouns_es, places.county_links_es):
// the state, also when its name alone would be the city of
// places.state_named_city; the mention then starts at the noun.
void LocationScan::EstadoDe(std::size_t k) {
  if (k + 2 >= nw_ || !pw_.state_nouns_es->Contains(F(k)) || !pw_.county_links_es->Contains(F(k + 1)) ||
      !w_[k + 2].cap || !TightAt(k + 1) || !TightAt(k + 2)) {
    return;
  }
  long o = Overlapping(w_[k + 2].begin, w_[k + 2].end);
  if (o < 0 || ms_[o].begin != w_[k + 2].begin || ms_[o].cands == nullptr) return;
  Mention& m = ms_[o];
  int state = -1;
  for (int id : *m.cands) {
    const PlaceEntry& e = g_.entry(id);
    const std::string* city = pw_.state_named_city->Find(e.state);
    if (e.kind == PlaceKind::kState || (city != nullptr && *city == e.canonical)) state = g_.StateEntry(e.state);
  }
  if (state < 0 || g_.entry(state).kind != PlaceKind::kState) return;
  m.entry = state;
  m.begin = w_[k].begin;
  m.wb = k;
}

bool LocationScan::IsCondadoDe(std::size_t k) {
  const Word& wk = w_[k];
  return Fits(pw_.county_es_shape, Raw(k)) && pw_.county_nouns_es->Contains(F(k)) && k + 2 < nw_ &&
         pw_.county_links_es->Contains(F(k + 1)) && w_[k + 2].cap && TightAt(k + 1) && TightAt(k + 2) &&
         !wk.sent_end;
}

void LocationScan::CondadoDe(std::size_t k) {
  std::size_t b = k + 2, e = b + 1;
  while (e < nw_ && e - b < 3 && w_[e].cap && TightAt(e) && !w_[e - 1].sent_end) ++e;
  for (; e > b; --e) {
    std::string nm = Surface(b, e);
    const std::vector<int>* counties = g_.Candidates(FoldKey(nm) + pw_.county_key_suffix);
    if (counties == nullptr) continue;
    std::size_t begin = w_[k].begin, end = w_[e - 1].end;
    if (OverlapsAny(taken_, begin, end) || InDateline(begin, end)) break;
    long o = Overlapping(begin, end);
    if (o >= 0) ms_.erase(ms_.begin() + o);
    Mention m;
    m.wb = k;
    m.we = e;
    m.begin = begin;
    m.end = end;
    // The gazetteer's spelling: "CONDADO DE JEROME" is "Jerome County".
    m.canonical = g_.entry(counties->front()).canonical;
    ms_.push_back(std::move(m));
    break;
  }
}

// "Dover Township" (a word of places.township_words, as written) after a
// name, in a release dated in a state of places.township_states.
bool LocationScan::IsTownship(std::size_t k) {
  return Fits(pw_.township_shape, Raw(k)) && pw_.township_words->Contains(Raw(k)) && !dl_state_.empty() &&
         pw_.township_states->Contains(dl_state_) && TightAt(k) && !w_[k - 1].sent_end && !w_[k - 1].possessive;
}

// The township is "Dover Township, PA", unless a capitalized word follows
// (a longer name) or a ", ST" (the next rule's case).
void LocationScan::Township(std::size_t k) {
  const Word& wk = w_[k];
  bool followed = k + 1 < nw_ && TightAt(k + 1) && w_[k + 1].cap && !wk.sent_end && !wk.possessive;
  bool qualified = k + 1 < nw_ && GapAt(k + 1) == ", "sv && w_[k + 1].cap;
  std::size_t b = NameBefore(k);
  if (!followed && !qualified && b < k && PlainName(b, k)) {
    AddFixed(b, k + 1, Surface(b, k + 1) + ", " + dl_state_, true);
  }
}

// "Millbrook, PA" / "Millbrook, Pennsylvania": an unknown capitalized name
// qualified by a state (word k starts the state) is a town. Two-letter
// words that are not all capitals ("Or", "In", "Me") are words; "DC" and a
// state followed by a capitalized word ("Texas Director") qualify nothing.
void LocationScan::UnknownQualified(std::size_t k) {
  const Word& wk = w_[k];
  const std::size_t len = wk.end - wk.begin;
  if (len > 14 || GapAt(k) != ", "sv || w_[k - 1].sent_end || w_[k - 1].possessive || !w_[k - 1].cap) return;
  std::string_view code;
  std::size_t qend = k + 1;
  if (wk.end - wk.begin == 2 && !wk.allcaps) return;
  code = g_.StateCode(F(k));
  if (code.empty() && k + 1 < nw_ && TightAt(k + 1) && w_[k + 1].cap) {
    code = g_.StateCode(F(k) + " " + F(k + 1));
    qend = k + 2;
  }
  if (code.empty() || pw_.districts->Contains(code)) return;
  const Word& last = w_[qend - 1];
  if (last.possessive) return;
  if (qend < nw_ && !last.sent_end && TightAt(qend) && w_[qend].cap) return;
  std::size_t b = NameBefore(k);
  if (b == k || !PlainName(b, k)) return;
  // A street, not a town: "Fort Washington Ave., New York", "la calle Dyckman, New York".
  if (pw_.street_suffix->Contains(F(k - 1))) return;
  if (b > 0 && !w_[b - 1].cap && pw_.street_before->Contains(F(b - 1))) return;
  std::string name_key = KeyOf(b, k);
  if (g_.Candidates(name_key) != nullptr || !g_.StateCode(name_key).empty()) return;  // gazetteer's job
  std::size_t begin = w_[b].begin, end = last.end;
  if (OverlapsAny(taken_, begin, end) || InDateline(begin, end)) return;
  long o = Overlapping(begin, end);
  if (o >= 0 && ms_[o].begin >= wk.begin) {
    ms_.erase(ms_.begin() + o);  // the state alone: now the qualifier
    o = Overlapping(begin, end);
  }
  if (o >= 0) return;
  Mention m;
  m.wb = b;
  m.we = qend;
  m.begin = begin;
  m.end = end;
  m.qualified = true;
  m.canonical = Surface(b, k) + ", " + std::string(code);
  ms_.push_back(std::move(m));
}

// Places known from their context rather than the gazetteer (the rules
// above); a fixed-canonical mention replaces an overlapping gazetteer
// mention that did not resolve to a neighborhood-like place.
void LocationScan::ContextualPlaces() {
  for (std::size_t k = 1; k < nw_; ++k) {
    if (Fits(pw_.neighborhood_shape, Raw(k)) && pw_.neighborhood_nouns->Contains(F(k))) {
      Neighborhoods(k);
      continue;
    }
    if (IsCondadoDe(k)) {
      CondadoDe(k);
      continue;
    }
    if (!w_[k].cap) {
      EstadoDe(k);
      continue;
    }
    if (IsTownship(k)) {
      Township(k);
      continue;
    }
    UnknownQualified(k);
  }
}

// ---------------------------------------------------------------- context and grouping

// The states a still ambiguous mention names: its single state (a state
// entry decides), strong unless only a small town supplies it (two
// different small towns of one state support each other: "Riverhead" and
// "Hampton Bays"); and the state of a famous place (NYC borough, curated
// priority >= 5) however many small namesakes it has ("Brooklyn" -> NY).
void LocationScan::ReadCandidatesContext(const Mention& m) {
  bool single_state = true;
  std::string st;
  for (int id : *m.cands) {
    const PlaceEntry& e = g_.entry(id);
    if (e.kind == PlaceKind::kState) {
      st = e.state;
      single_state = true;
      break;
    }
    if (e.state.empty() || (!st.empty() && st != e.state)) single_state = false;
    if (st.empty()) st = e.state;
  }
  // A small town needing context does not supply its own ("Poplar Grove"
  // alone must not make Illinois the context).
  bool strong = false;
  for (int id : *m.cands) {
    const PlaceEntry& e = g_.entry(id);
    bool town_like = e.kind == PlaceKind::kCity || e.kind == PlaceKind::kNeighborhood;
    if (!town_like || !e.needs_context || e.population >= 50000) strong = true;
  }
  if (single_state && !st.empty() && m.cands->size() <= 2) {
    ctx_.insert(st);
    if (strong) {
      strong_ctx_.insert(st);
    } else {
      std::string k = FoldKey(text_.substr(m.begin, m.end - m.begin));
      auto it = weak_seen_.find(st);
      if (it == weak_seen_.end()) {
        weak_seen_.emplace(st, std::move(k));
      } else if (it->second != k) {
        strong_ctx_.insert(st);
      }
    }
  }
  int top = -1;
  for (int id : *m.cands) {
    if (top < 0 || g_.entry(id).priority > g_.entry(top).priority) top = id;
  }
  if (top >= 0 && g_.entry(top).priority >= 5 && !g_.entry(top).state.empty() &&
      (g_.entry(top).kind == PlaceKind::kBorough || g_.entry(top).kind == PlaceKind::kCity)) {
    ctx_.insert(g_.entry(top).state);
    strong_ctx_.insert(g_.entry(top).state);
  }
}

// Context: states named in the release (the dateline's, resolved
// mentions', ambiguous mentions' as above). States named by something other
// than a lone small town are strong: a small town read only on its own
// evidence keeps its bare name (a "Poplar Grove" neighborhood is not
// "Poplar Grove, IL" unless Illinois is in the text).
void LocationScan::ReadContext() {
  if (!dl_state_.empty()) ctx_.insert(dl_state_);
  if (!publisher_state_.empty()) {  // the publisher's home counts as the dateline's state does
    ctx_.insert(std::string(publisher_state_));
    strong_ctx_.insert(std::string(publisher_state_));
  }
  for (const Mention& m : ms_) {
    if (m.entry >= 0 && !g_.entry(m.entry).state.empty()) strong_ctx_.insert(g_.entry(m.entry).state);
    if (m.entry >= 0 && !g_.entry(m.entry).state.empty()) ctx_.insert(g_.entry(m.entry).state);
    if (m.entry < 0 && m.cands) ReadCandidatesContext(m);
  }
}

// One entity per canonical name, the dateline's place first; each mention
// resolved against the context (places.name_state / places.name_district:
// "Washington" is the state in a Washington State context, else D.C.).
void LocationScan::Group(std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans) {
  std::vector<NamedEntity> ents;
  std::map<std::string, std::size_t> by_name;
  auto add = [&](const std::string& canonical, std::string_view surface) {
    auto it = by_name.find(canonical);
    std::size_t idx;
    if (it == by_name.end()) {
      idx = ents.size();
      by_name.emplace(canonical, idx);
      ents.push_back(NamedEntity{canonical, {}});
    } else {
      idx = it->second;
    }
    NamedEntity& e = ents[idx];
    if (surface == e.name) return;
    for (const std::string& a : e.aliases) {
      if (a == surface) return;
    }
    e.aliases.emplace_back(surface);
  };
  if (dateline_ && !dateline_->canonical.empty()) add(dateline_->canonical, dateline_->surface);

  for (Mention& m : ms_) {
    std::string canonical = m.canonical;
    if (canonical.empty()) {
      int id = m.entry;
      if (id < 0 && m.cands) {
        std::string k = FoldKey(text_.substr(w_[m.wb].begin, w_[m.we - 1].end - w_[m.wb].begin));
        const std::string* state = pw_.name_state->Find(k);
        const std::string* district = state ? pw_.name_district->Find(k) : nullptr;
        if (district != nullptr) {
          // ctx_ holds the dateline's state and every resolved mention's.
          id = ctx_.count(*state) ? g_.StateEntry(*state) : g_.StateEntry(*district);
        } else {
          id = g_.Resolve(*m.cands, dl_state_, ctx_);
        }
      }
      if (id < 0) continue;
      const PlaceEntry& e = g_.entry(id);
      canonical = e.as_written ? std::string(text_.substr(m.begin, m.end - m.begin)) : e.canonical;
      // A small town outside the release's states keeps its bare name.
      if (e.kind == PlaceKind::kCity && e.needs_context && e.population < 50000 && !e.state.empty() &&
          e.state != dl_state_ && strong_ctx_.count(e.state) == 0) {
        canonical = e.name;
      }
    }
    add(canonical, text_.substr(m.begin, m.end - m.begin));
    if (mention_spans) mention_spans->push_back(TextSpan{m.begin, m.end});
  }
  for (NamedEntity& e : ents) out->push_back(std::move(e));
}

}  // namespace

void ExtractLocations(std::string_view text, const Gazetteer& g, const DatelineMatch* dateline,
                      const std::vector<TextSpan>& taken, std::vector<NamedEntity>* out,
                      std::vector<TextSpan>* mention_spans, std::string_view publisher_state) {
  LocationScan(text, g, dateline, taken, publisher_state).Run(out, mention_spans);
}

void LocationFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  ExtractLocations(doc.text, *kb_.places, doc.dateline, claims->taken, &out->locations, nullptr,
                   PublisherState(doc.ctx.publisher, *kb_.places));
}

}  // namespace amicus::internal
