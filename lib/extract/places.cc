// Gazetteer loading and the location finder. See places.h.
#include "extract/places.h"
#include "extract/knowledge_base.h"

#include <algorithm>
#include <cmath>
#include <map>

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

Status Gazetteer::Load(const KnowledgeFiles& files, const Lexicon&, std::unique_ptr<Gazetteer>* out) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  auto need = [](const std::vector<std::string_view>& f, std::size_t n) {
    return f.size() >= n ? Status::OK()
                         : Status::InvalidArgument("expected at least " + std::to_string(n) +
                                                   " tab-separated fields; see the file's header");
  };
  // States first: the city loaders need the codes.
  Status s = files.ForEachRecord("us_states.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = need(f, 2);
    if (!st.ok()) return st;
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.state = std::string(f[1]);
    e.kind = PlaceKind::kState;
    e.canonical = Field(f, 3).empty() ? e.name : std::string(Field(f, 3));
    e.priority = 8;
    if (e.state == "DC"sv) {
      e.kind = PlaceKind::kCity;
      e.priority = 10;
    }
    int id = g->Add(e);
    g->state_entry_[e.state] = id;
    g->state_codes_[FoldKey(e.name)] = e.state;
    g->state_codes_[FoldKey(e.state)] = e.state;
    for (std::string_view ap : SplitBar(Field(f, 2))) g->state_codes_[FoldKey(ap)] = e.state;
    g->Index(e.name, id);
    for (std::string_view v : SplitBar(Field(f, 4))) g->Index(std::string(v), id);
    return Status::OK();
  });
  if (!s.ok()) return s;
  g->state_codes_["dc"] = "DC";
  g->state_codes_["d c"] = "DC";

  // Curated entries override generated ones of the same name and state.
  std::unordered_set<std::string> curated;  // "folded name|ST"
  std::vector<std::vector<std::string_view>> local_rows;
  s = files.ForEachRecord("local_places.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = need(f, 2);
    if (!st.ok()) return st;
    local_rows.push_back(f);
    bool city_default = f[1] == "city"sv && Field(f, 3).empty();
    if (f[1] != "stop"sv && f[1] != "region"sv && !city_default) curated.insert(FoldKey(f[0]) + "|" + std::string(Field(f, 2)));
    return Status::OK();
  });
  if (!s.ok()) return s;

  s = files.ForEachRecord("us_places.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = need(f, 3);
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
    int id = g->Add(e);
    g->Index(e.name, id);
    if (e.kind == PlaceKind::kCity) g->qualified_[key + "|" + e.state] = id;
    return Status::OK();
  });
  if (!s.ok()) return s;

  s = files.ForEachRecord("us_counties.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = need(f, 2);
    if (!st.ok()) return st;
    std::string key = FoldKey(f[0]);
    if (const std::vector<int>* ids = g->by_key_.Find(key)) {
      for (int id : *ids) {
        if (g->entries_[id].kind == PlaceKind::kCounty) return Status::OK();  // same name elsewhere
      }
    }
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.canonical = e.name;
    e.state = std::string(f[1]);
    e.kind = PlaceKind::kCounty;
    e.priority = 1;
    g->Index(e.name, g->Add(e));
    return Status::OK();
  });
  if (!s.ok()) return s;

  for (const auto& f : local_rows) {
    std::string_view kind = f[1];
    std::string name(f[0]);
    if (kind == "stop"sv) {
      g->cue_.Insert(FoldKey(name));
      continue;
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
      const int* q = g->qualified_.Find(key + "|" + e.state);
      if (canon.empty() && q != nullptr) {
        g->entries_[*q].priority = e.priority;
        g->entries_[*q].needs_context = false;
        continue;
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
      e.canonical = canon.empty() ? name + " County" : canon;
      e.needs_context = true;
    } else {
      return Status::InvalidArgument("local_places.tsv: unknown kind '" + std::string(kind) +
                                     "' for " + name + "; use city, town, borough, neighborhood, region, county or stop");
    }
    int id = g->Add(e);
    g->Index(name, id);
    if (e.kind == PlaceKind::kCity || e.kind == PlaceKind::kBorough || e.kind == PlaceKind::kNeighborhood) {
      g->qualified_[FoldKey(name) + "|" + e.state] = id;
    }
    for (std::string_view a : SplitBar(Field(f, 4))) {
      std::string alias(a);
      std::size_t comma = alias.rfind(", ");
      if (comma != std::string::npos) {
        // "New York, NY": qualified form only.
        const std::string* found = g->state_codes_.Find(FoldKey(alias.substr(comma + 2)));
        std::string code = found ? *found : std::string();
        if (!code.empty()) g->qualified_[FoldKey(alias.substr(0, comma)) + "|" + code] = id;
        continue;
      }
      g->Index(alias, id);
      if (e.kind != PlaceKind::kRegion) g->qualified_[FoldKey(alias) + "|" + e.state] = id;
    }
  }
  // NYC: any "X, NY" naming the city ("New York, N.Y.", "Nueva York, NY").
  for (const auto& kv : g->by_key_) {
    for (int id : kv.second) {
      if (g->entries_[id].canonical == "New York City"sv) g->qualified_[kv.first + "|NY"] = id;
    }
  }
  const int nyc = g->qualified_[FoldKey("New York City") + "|NY"];  // a copy: inserting may move entries
  g->qualified_[FoldKey("New York") + "|NY"] = nyc;

  s = files.ForEachRecord("countries.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = need(f, 2);
    if (!st.ok()) return st;
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.canonical = e.name;
    e.kind = PlaceKind::kCountry;
    e.priority = 6;
    bool cue = Field(f, 4).find("cue") != std::string_view::npos;
    int id = g->Add(e);
    g->Index(e.name, id);
    if (cue) g->cue_.Insert(FoldKey(e.name));
    for (std::string_view v : SplitBar(Field(f, 2))) g->Index(std::string(v), id);
    for (std::string_view v : SplitBar(Field(f, 3))) {
      PlaceEntry w = e;
      w.as_written = true;
      w.canonical = std::string(v);
      int wid = g->Add(w);
      g->Index(std::string(v), wid);
    }
    return Status::OK();
  });
  if (!s.ok()) return s;

  s = files.ForEachRecord("foreign_places.tsv", [&](const std::vector<std::string_view>& f, int) {
    Status st = need(f, 3);
    if (!st.ok()) return st;
    PlaceEntry e;
    e.name = std::string(f[0]);
    e.canonical = e.name;
    e.kind = PlaceKind::kForeign;
    e.priority = 4;
    int id = g->Add(e);
    g->Index(e.name, id);
    for (std::string_view v : SplitBar(Field(f, 3))) g->Index(std::string(v), id);
    return Status::OK();
  });
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
// a sentence end.
bool KeepsPeriod(std::string_view w) {
  if (w.find('.') != std::string_view::npos) return true;  // "N.Y" of "N.Y."
  if (w.size() <= 2) return true;                           // "St", "Mt", "D"
  static constexpr std::string_view kAbbr[] = {"Calif", "Ariz", "Mass", "Wash", "Tenn", "Conn", "Colo", "Okla", "Minn",
                                "Mich", "Fla", "Ill", "Ind", "Tex", "Ala", "Ark", "Del", "Kan", "Kans",
                                "Nev", "Neb", "Nebr", "Ore", "Oreg", "Miss", "Mont", "Wis", "Wisc", "Wyo",
                                "Penn", "Ave", "Blvd", "Gov", "Sen", "Rep", "Ft", "Mt", "Jan", "Feb",
                                "Aug", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Md", "Va", "Ga",
                                "Ky", "Mo", "Pa", "Vt", "La", "Dr", "Jr", "Sr", "Lt", "Gen", "Col", "Sgt"};
  for (std::string_view a : kAbbr) {
    if (a.size() == w.size() && a[0] == w[0] && a == w) return true;
  }
  return false;
}

void Words(std::string_view t, std::vector<Word>* out) {
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
    std::size_t e = i;
    while (i < n) {
      const std::size_t run_end = latin::ScanAsciiAlnum(t, i, &letters, &allcaps);
      if (run_end > i) {
        i = e = run_end;
        continue;
      }
      cp = DecodeAt(t, i, &len);
      if (IsLetterCp(cp) || (cp < 0x80 && cp >= '0' && cp <= '9')) {
        if (IsLetterCp(cp)) {
          ++letters;
          if (!IsUpperCp(cp)) allcaps = false;
        }
        i += len;
        e = i;
        continue;
      }
      // Joiners: hyphen, apostrophe, period followed by a letter ("N.Y", "Port-au-Prince").
      if (cp == '-' || IsApos(cp) || cp == '.') {
        std::size_t j = i + len;
        if (j < n) {
          int l2;
          std::uint32_t nx = DecodeAt(t, j, &l2);
          if (IsLetterCp(nx)) {
            i = j;
            continue;
          }
        }
      }
      break;
    }
    Word w{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), cap, allcaps && letters >= 2, false, false};
    // Possessive: word's / word’s (the joiner loop kept "'s").
    std::string_view ws = t.substr(b, e - b);
    if (ws.size() > 2 && ws.back() == 's') {
      if (ws[ws.size() - 2] == '\'') {
        w.end -= 2;
        w.possessive = true;
      } else if (ws.size() > 4 && ws.compare(ws.size() - 4, 4, "\xE2\x80\x99s") == 0) {
        w.end -= 4;
        w.possessive = true;
      }
    }
    if (e < n && t[e] == '.') {
      std::string_view core = t.substr(w.begin, w.end - w.begin);
      if (KeepsPeriod(core)) {
        w.end = static_cast<std::uint32_t>(e + 1);
        i = e + 1;
        // An abbreviation can still end a sentence: "... in Washington, D.C. The"
        std::size_t k = e + 1;
        while (k < n && t[k] == ' ') ++k;
        if (k < n && k > e + 1 && IsUpperAscii(t[k]) && core.size() > 2 && core.find('.') == std::string_view::npos) {
          w.sent_end = true;
        }
      } else {
        w.sent_end = true;
      }
    } else if (e < n && (t[e] == '!' || t[e] == '?' || t[e] == ':')) {
      w.sent_end = true;
    }
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

// Whether w is one of the words of kList (a nullptr-terminated array): the
// list becomes a hash set on first use.
template <const char* const* kList>
bool InList(std::string_view w) {
  static const StringSet kSet = [] {
    StringSet set;
    for (const char* const* p = kList; *p; ++p) set.Insert(*p);
    return set;
  }();
  return kSet.Contains(w);
}

// Capitalized words that may follow a place without making it part of a
// longer proper name: titles ("New York City Mayor"), days, months.
const char* const kAfterOk[] = {
    "mayor", "governor", "gov", "borough", "county", "executive", "commissioner", "councilor",
    "councilmember", "legislator", "legislators", "supervisor", "supervisors", "assemblymember",
    "assemblyman", "assemblywoman", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "sheriff", "comptroller", "attorney", "district", "public", "alderman",
    "alderperson", "trustee", "superintendent", "chancellor", "democrats", "republicans", "residents",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "aug", "sept", "oct", "nov", "dec", "and", "or", "i", "it", "this", "the", "we", nullptr};

// Words that, capitalized before a big city or a state, name a part of it.
const char* const kAreaPrefix[] = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                                   "southwest", "greater", "upper", "lower", "northern", "southern",
                                   "eastern", "western", "central", nullptr};

// Determiners and pronouns that start no neighborhood name ("Our
// neighborhood", "This neighborhood").
const char* const kNotName[] = {"the", "a", "an", "our", "their", "this", "that", "these", "those", "every",
                                "each", "his", "her", "its", "my", "your", "one", "another", "same", "whole",
                                "entire", "any", "some", "many", "most", "all", "other", "in", "at", "of",
                                "from", "for", "and", "or", "but", "local", "nearby", "which", "what", nullptr};

// Corporate suffixes: "Acme Inc., CA" is no town.
const char* const kCorpSuffix[] = {"inc", "llc", "corp", "co", "ltd", "lp", "llp", "pc", "pllc", "company",
                                   "group", "partners", nullptr};

// States whose townships are municipalities named "X Township".
const char* const kTownshipStates[] = {"PA", "NJ", "MI", "OH", "IN", "IL", "MN", "KS", "MO", "NE", "ND", "SD",
                                       "IA", nullptr};

// Month and day names are never places alone (August, CA; Friday Harbor is two words).
const char* const kNever[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                              "september", "october", "november", "december", "monday", "tuesday",
                              "wednesday", "thursday", "friday", "saturday", "sunday", "christmas",
                              "easter", "independence", "university", "college", "congress", "senate",
                              "assembly", "commonwealth", nullptr};

// Capitalized words before a place that do not make it part of a name.
const char* const kBeforeOk[] = {
    "in", "at", "from", "to", "for", "and", "but", "across", "throughout", "the", "as", "like", "while",
    "since", "after", "before", "near", "outside", "inside", "both", "between", "around", "within",
    "en", "desde", "de", "y", "la", "el", "los", "las", "del", "a", "por", "para", "when", "if", "where",
    "upstate", "downstate", "greater", "all", "even", "only", "across", "into", "of", "on", "with",
    "unlike", "until", "by", "via", "than", "here", "there", "today", "yesterday", nullptr};

// Lower-case words after which a place name is plainly a place.
const char* const kCue[] = {
    "in", "from", "of", "to", "near", "at", "outside", "across", "throughout", "around", "between",
    "including", "includes", "include", "and", "or", "en", "de", "desde", "y", "a", "hacia", "into",
    "through", "within", "via", "toured", "visited", "represents", "represent", "leaves", "left",
    "reached", "back", "returned", "fled", "like", "as", nullptr};

// Nouns heading an organization or facility name: "University of Texas",
// "Sisters of St. Joseph of Rochester", "Concejo Municipal de la Ciudad de Nueva York".
const char* const kOrgHead[] = {
    "university", "universidad", "department", "departamento", "office", "oficina", "college", "court",
    "district", "sisters", "bank", "church", "iglesia", "board", "council", "concejo", "coalition",
    "coalicion", "alliance", "alianza", "center", "centro", "institute", "instituto", "association",
    "asociacion", "society", "school", "escuela", "hospital", "tribe", "indians", "bureau", "commission",
    "committee", "comite", "foundation", "fundacion", "fund", "project", "proyecto", "network", "red",
    "union", "league", "federation", "diocese", "archdiocese", "chamber", "museum", "library",
    "biblioteca", "bar", "colegio", "comunitaria", "municipal", "ciudad", "secretary", "secretario",
    "archbishop", "bishop", "port", "authority", "bankruptcy", "circuit", "academy", "program",
    "campaign", "clinic", "services", "service", "house", "senate", "assembly", "legislature",
    "government", "state", "county", "city", "town", "village", "citizens", "friends", "sons",
    "daughters", "knights", "people", "peoples", "republic", "embassy", "consulate", "consulado", "hall",
    "palace", "palacio", "building", "tower", "plaza", nullptr};

// Words after "U.S." that make it a noun ("outside the U.S. and ...").
const char* const kNounFollowers[] = {"and", "or", "in", "since", "for", "to", "is", "was", "has", "have",
                                      "by", "with", "from", "over", "after", "before", "as", "than", "on",
                                      "at", "but", "where", "who", "that", "this", "every", "each", nullptr};

// Lower-case street words before a name (Spanish: "la avenida Roosevelt").
const char* const kStreetBefore[] = {"avenida", "calle", "bulevar", "boulevard", "carretera", "autopista",
                                     "puente", "plaza", "parque", "street", "avenue", nullptr};

// Words after a place that make it the head of a street or facility name
// even when the following words are lower case (none for now) — the
// capitalized-follower rule covers "Grant Street", "Hempstead Turnpike".

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


// A capitalized name of 1-3 tight words ending at word e-1 (exclusive e);
// returns its first word, or e when there is none. Leading determiners and
// function words ("In", "The") are not part of it.
template <typename FoldFn>
std::size_t NameBefore(std::string_view text, const std::vector<Word>& w, FoldFn& F, std::size_t e) {
  std::size_t b = e;
  while (b > 0 && e - b < 3 && w[b - 1].cap && !(b < e && (w[b - 1].sent_end || w[b - 1].possessive)) &&
         (b == e || Tight(Gap(text, w, b)))) {
    --b;
  }
  while (b < e && InList<kNotName>(F(b))) ++b;
  return b;
}

// Places known from their context rather than the gazetteer:
//  - "the Montclair neighborhood", "Elm Park and Ridgeway neighborhoods",
//    "neighborhoods such as A, B and C", "Fairview, a neighborhood ..." (bare);
//  - "Millbrook, PA" / "Millbrook, Pennsylvania": an unknown capitalized
//    name qualified by a state is a town ("Millbrook, PA");
//  - "Dover Township" in a township state's release ("Dover Township, PA").
// Adds to *ms; a fixed-canonical mention replaces an overlapping gazetteer
// mention that did not resolve to a neighborhood-like place.
template <typename FoldFn>
void ContextualPlaces(std::string_view text, const Gazetteer& g, const std::vector<Word>& w, FoldFn& F,
                      const std::vector<TextSpan>& taken, const std::string& dl_state, std::size_t dl_begin,
                      std::size_t dl_end, std::vector<Mention>* ms) {
  const std::size_t nw = w.size();
  auto in_dateline = [&](std::size_t b, std::size_t e) { return b < dl_end && dl_begin < e; };
  auto overlapping = [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = 0; k < ms->size(); ++k) {
      if ((*ms)[k].begin < end && begin < (*ms)[k].end) return static_cast<long>(k);
    }
    return -1L;
  };
  auto local_kind = [&](const Mention& m) {
    if (m.cands == nullptr || !m.canonical.empty()) return !m.canonical.empty();
    for (int id : *m.cands) {
      const PlaceEntry& e = g.entry(id);
      bool local = e.kind == PlaceKind::kNeighborhood || e.kind == PlaceKind::kBorough ||
                   e.kind == PlaceKind::kRegion;
      if (local && (e.state.empty() || e.state == dl_state) && e.priority >= 0) return true;
    }
    return false;
  };
  auto add_fixed = [&](std::size_t b, std::size_t e, std::string canonical, bool replace_cities) {
    std::size_t begin = w[b].begin, end = w[e - 1].end;
    if (OverlapsAny(taken, begin, end) || in_dateline(begin, end)) return;
    long k = overlapping(begin, end);
    if (k >= 0) {
      const Mention& old = (*ms)[k];
      if (!replace_cities || local_kind(old) || old.qualified) return;
      if (old.begin != begin || old.end != end) {
        // A longer text than the gazetteer's: only when it covers it.
        if (old.begin < begin || old.end > end) return;
      }
      ms->erase(ms->begin() + k);
    }
    Mention m;
    m.wb = b;
    m.we = e;
    m.begin = begin;
    m.end = end;
    m.canonical = std::move(canonical);
    ms->push_back(std::move(m));
  };
  auto surface = [&](std::size_t b, std::size_t e) {
    return std::string(text.substr(w[b].begin, w[e - 1].end - w[b].begin));
  };
  auto plain_name = [&](std::size_t b, std::size_t e) {
    if (b >= e) return false;
    for (std::size_t k = b; k < e; ++k) {
      if (InList<kOrgHead>(F(k)) || InList<kCorpSuffix>(F(k)) || InList<kNever>(F(k))) return false;
    }
    return !InList<kNotName>(F(b));
  };

  for (std::size_t k = 1; k < nw; ++k) {
    const Word& wk = w[k];
    const char c0 = text[wk.begin];
    // --- neighborhoods (lower-case keyword; "Neighborhood" heads org names)
    const std::size_t len = wk.end - wk.begin;
    if (c0 == 'n' && len >= 12 && len <= 13 && text.compare(wk.begin, 7, "neighbo") == 0 &&
        (F(k) == "neighborhood"sv || F(k) == "neighborhoods"sv || F(k) == "neighbourhood"sv)) {
      // Backward: "the X neighborhood", "X and Y neighborhoods".
      std::size_t j = k;
      while (j > 0 && Tight(Gap(text, w, j))) {
        std::size_t b = NameBefore(text, w, F, j);
        if (b == j || !plain_name(b, j) || w[j - 1].possessive) break;
        add_fixed(b, j, surface(b, j), true);
        if (b < 2) break;
        std::string_view gap = Gap(text, w, b);
        if (gap == ", "sv) {
          j = b;
        } else if (gap == " "sv && (F(b - 1) == "and"sv || F(b - 1) == "or"sv) &&
                   (Gap(text, w, b - 1) == " "sv || Gap(text, w, b - 1) == ", "sv)) {
          j = b - 1;
        } else {
          break;
        }
      }
      // "X, a neighborhood", "X, a working-class neighborhood".
      for (std::size_t d = 1; d <= 4 && d < k; ++d) {
        std::size_t a = k - d;
        if (w[a].cap || w[a].sent_end) break;
        if ((F(a) == "a"sv || F(a) == "an"sv || F(a) == "the"sv) && Gap(text, w, a) == ", "sv) {
          std::size_t b = NameBefore(text, w, F, a);
          if (b < a && plain_name(b, a)) add_fixed(b, a, surface(b, a), true);
          break;
        }
      }
      // Forward: "neighborhoods of/like/such as/including A, B and C".
      std::size_t j2 = k + 1;
      if (j2 + 1 < nw && F(j2) == "such"sv && F(j2 + 1) == "as"sv) {
        j2 += 2;
      } else if (j2 < nw && (F(j2) == "of"sv || F(j2) == "like"sv || F(j2) == "including"sv)) {
        j2 += 1;
      } else {
        continue;
      }
      if (wk.sent_end) continue;
      while (j2 < nw && w[j2].cap) {
        std::size_t b = j2, e = j2 + 1;
        while (e < nw && e - b < 3 && w[e].cap && Tight(Gap(text, w, e)) && !w[e - 1].sent_end &&
               !w[e - 1].possessive) {
          ++e;
        }
        if (!plain_name(b, e)) break;
        add_fixed(b, e, surface(b, e), true);
        if (w[e - 1].sent_end || e >= nw) break;
        std::string_view gap = Gap(text, w, e);
        if (gap == ", "sv) {
          j2 = e;
          if (j2 < nw && (F(j2) == "and"sv || F(j2) == "or"sv)) ++j2;
        } else if (gap == " "sv && (F(e) == "and"sv || F(e) == "or"sv)) {
          j2 = e + 1;
        } else {
          break;
        }
      }
      continue;
    }
    // --- Spanish "condado de Mecklenburg" = Mecklenburg County
    if ((c0 == 'c' || c0 == 'C') && len == 7 && F(k) == "condado"sv && k + 2 < nw && F(k + 1) == "de"sv && w[k + 2].cap &&
        Tight(Gap(text, w, k + 1)) && Tight(Gap(text, w, k + 2)) && !wk.sent_end) {
      std::size_t b = k + 2, e = b + 1;
      while (e < nw && e - b < 3 && w[e].cap && Tight(Gap(text, w, e)) && !w[e - 1].sent_end) ++e;
      for (; e > b; --e) {
        std::string nm = surface(b, e);
        if (g.Candidates(FoldKey(nm) + " county") == nullptr) continue;
        std::size_t begin = wk.begin, end = w[e - 1].end;
        if (OverlapsAny(taken, begin, end) || in_dateline(begin, end)) break;
        long o = overlapping(begin, end);
        if (o >= 0) ms->erase(ms->begin() + o);
        Mention m;
        m.wb = k;
        m.we = e;
        m.begin = begin;
        m.end = end;
        m.canonical = nm + " County";
        ms->push_back(std::move(m));
        break;
      }
      continue;
    }
    if (!wk.cap) continue;
    // --- "X Township"
    if (c0 == 'T' && len == 8 && text.compare(wk.begin, 8, "Township") == 0 && !dl_state.empty() && InList<kTownshipStates>(dl_state) &&
        Tight(Gap(text, w, k)) && !w[k - 1].sent_end && !w[k - 1].possessive) {
      bool followed = k + 1 < nw && Tight(Gap(text, w, k + 1)) && w[k + 1].cap && !wk.sent_end &&
                      !wk.possessive;
      bool qualified = k + 1 < nw && Gap(text, w, k + 1) == ", "sv && w[k + 1].cap;  // the ", ST" rule's case
      std::size_t b = NameBefore(text, w, F, k);
      if (!followed && !qualified && b < k && plain_name(b, k)) {
        add_fixed(b, k + 1, surface(b, k + 1) + ", " + dl_state, true);
      }
      continue;
    }
    // --- unknown "Name, ST"
    if (len > 14 || Gap(text, w, k) != ", "sv || w[k - 1].sent_end || w[k - 1].possessive || !w[k - 1].cap) continue;
    std::string_view code;
    std::size_t qend = k + 1;
    if (wk.end - wk.begin == 2 && !wk.allcaps) continue;  // "Or", "In", "Me" are words
    code = g.StateCode(F(k));
    if (code.empty() && k + 1 < nw && Tight(Gap(text, w, k + 1)) && w[k + 1].cap) {
      code = g.StateCode(F(k) + " " + F(k + 1));
      qend = k + 2;
    }
    if (code.empty() || code == "DC"sv) continue;
    const Word& last = w[qend - 1];
    if (last.possessive) continue;
    if (qend < nw && !last.sent_end && Tight(Gap(text, w, qend)) && w[qend].cap) continue;  // "Texas Director"
    std::size_t b = NameBefore(text, w, F, k);
    if (b == k || !plain_name(b, k)) continue;
    std::string name_key;
    for (std::size_t x = b; x < k; ++x) {
      if (x > b) name_key += ' ';
      name_key += F(x);
    }
    if (g.Candidates(name_key) != nullptr || !g.StateCode(name_key).empty()) continue;  // gazetteer's job
    std::size_t begin = w[b].begin, end = last.end;
    if (OverlapsAny(taken, begin, end) || in_dateline(begin, end)) continue;
    long o = overlapping(begin, end);
    if (o >= 0 && (*ms)[o].begin >= wk.begin) {
      ms->erase(ms->begin() + o);  // the state alone: now the qualifier
      o = overlapping(begin, end);
    }
    if (o >= 0) continue;
    Mention m;
    m.wb = b;
    m.we = qend;
    m.begin = begin;
    m.end = end;
    m.qualified = true;
    m.canonical = surface(b, k) + ", " + std::string(code);
    ms->push_back(std::move(m));
  }
}

}  // namespace

void ExtractLocations(std::string_view text, const Gazetteer& g, const DatelineMatch* dateline,
                      const std::vector<TextSpan>& taken, std::vector<NamedEntity>* out,
                      std::vector<TextSpan>* mention_spans) {
  // Per-call scratch: the word table and the lazily folded words. (Not
  // thread_local: GCC specializes the helpers for a thread_local argument and
  // each of their calls then looks up its address.)
  std::vector<Word> w;
  w.reserve(text.size() / 6 + 8);
  std::vector<std::string> folded;
  std::vector<unsigned char> done;
  Words(text, &w);
  const std::size_t nw = w.size();
  if (folded.size() < nw) folded.resize(nw);
  done.assign(nw, 0);
  auto F = [&](std::size_t i) -> const std::string& {
    if (!done[i]) {
      done[i] = 1;
      folded[i].clear();
      AppendFolded(text.substr(w[i].begin, w[i].end - w[i].begin), &folded[i]);
    }
    return folded[i];
  };
  auto sent_start = [&](std::size_t i) {
    if (i == 0) return true;
    if (w[i - 1].sent_end) return true;
    std::string_view gap = Gap(text, w, i);
    return gap.find('\n') != std::string_view::npos || gap.find("\xE2\x80\x9C") != std::string_view::npos ||
           gap.find('"') != std::string_view::npos || gap.find(':') != std::string_view::npos ||
           gap.find("\xE2\x80\xA2") != std::string_view::npos || gap.find(';') != std::string_view::npos;
  };
  std::string dl_state = dateline ? dateline->dateline.region : std::string();
  std::size_t dl_begin = dateline ? dateline->begin : 0, dl_end = dateline ? dateline->end : 0;

  std::vector<Mention> ms;
  std::string key;
  std::size_t i = 0;
  while (i < nw) {
    if (!w[i].cap || (dateline && w[i].begin < dl_end && w[i].end > dl_begin)) {
      ++i;
      continue;
    }
    // "X, Y and Z counties": handled when reaching "counties".
    // Longest gazetteer match starting at i.
    const char a0 = text[w[i].begin];
    const bool area_prefix = (a0 == 'N' || a0 == 'S' || a0 == 'E' || a0 == 'W' || a0 == 'G' || a0 == 'U' ||
                              a0 == 'L' || a0 == 'C') &&
                             w[i].end - w[i].begin <= 9 && InList<kAreaPrefix>(F(i));
    if (!area_prefix && !g.IsFirstToken(F(i))) {
      ++i;
      continue;
    }
    key = F(i);
    std::size_t best_end = 0;
    const std::vector<int>* best = nullptr;
    if (!w[i].possessive) {
      if (const std::vector<int>* c = g.Candidates(key)) { best = c; best_end = i + 1; }
    } else if (const std::vector<int>* c = g.Candidates(key)) { best = c; best_end = i + 1; }
    for (std::size_t j = i + 1; j < nw && j - i < g.max_tokens() && !w[j - 1].possessive && !w[j - 1].sent_end; ++j) {
      if (!g.IsKeyPrefix(key)) break;  // no longer name starts with these words
      std::string_view gap = Gap(text, w, j);
      if (!Tight(gap)) break;
      key += ' ';
      key += F(j);
      if (const std::vector<int>* c = g.Candidates(key)) {
        if (w[j].cap || w[j].allcaps) { best = c; best_end = j + 1; }
      }
    }
    // "X County" beyond the gazetteer: any capitalized name + County/Parish.
    if (best == nullptr || best_end < nw) {
      std::size_t j = best ? best_end : i + 1;
      // Only single-token unknown heads ("Brightwater County" style is rare; keep known ones).
      (void)j;
    }
    // "Southwest Detroit", "East Oakland", "Greater Minnesota": a compass
    // or area word before a big city or a state names a part of it (bare),
    // unless the gazetteer knows a longer name ("North Carolina").
    std::string area_canonical;
    if (area_prefix && best_end <= i + 1 && i + 1 < nw && w[i + 1].cap && Tight(Gap(text, w, i + 1)) &&
        !w[i].sent_end && !w[i].possessive) {
      std::string k2;
      for (std::size_t j = i + 1; j < nw && j - i <= 3; ++j) {
        if (j > i + 1) {
          if (!Tight(Gap(text, w, j)) || w[j - 1].sent_end || w[j - 1].possessive) break;
          k2 += ' ';
        }
        k2 += F(j);
        const std::vector<int>* c = g.Candidates(k2);
        if (c == nullptr) continue;
        bool fits = false;
        for (int id : *c) {
          const PlaceEntry& e = g.entry(id);
          if ((e.kind == PlaceKind::kCity && (e.population >= 100000 || e.priority >= 5)) ||
              e.kind == PlaceKind::kBorough || e.kind == PlaceKind::kState) {
            fits = true;
          }
        }
        if (fits) {
          best = c;
          best_end = j + 1;
          area_canonical = std::string(text.substr(w[i].begin, w[j].end - w[i].begin));
        }
      }
    }
    if (best == nullptr || (best_end == i + 1 && InList<kNever>(F(i)))) {
      ++i;
      continue;
    }
    Mention m;
    m.wb = i;
    m.we = best_end;
    m.begin = w[i].begin;
    m.end = w[best_end - 1].end;
    m.cands = best;
    m.canonical = area_canonical;
    // Drop a sentence period kept on an abbreviation-like last word only
    // when it is not part of the name (names never end with '.' except "D.C.").
    std::size_t next = best_end;
    bool skip = false;
    if (OverlapsAny(taken, m.begin, m.end)) skip = true;
    if (!skip && InPartyTag(text, m.begin)) skip = true;
    if (!skip && i > 0 && !w[i - 1].cap && InList<kStreetBefore>(F(i - 1))) skip = true;
    // Followed by a capitalized word: part of a longer proper name.
    if (!skip && next < nw && Tight(Gap(text, w, next)) && w[next].cap && !w[best_end - 1].possessive &&
        !w[best_end - 1].sent_end && !InList<kAfterOk>(F(next))) {
      skip = true;
    }
    // Preceded by a capitalized word: part of a name ("Rep. Jane Lynn", "Golden Lotus").
    std::string prev = i > 0 ? F(i - 1) : std::string();
    if (!skip && i > 0 && Tight(Gap(text, w, i)) && w[i - 1].cap && !sent_start(i) && !InList<kBeforeOk>(prev) &&
        !w[i - 1].sent_end) {
      // "City of Yonkers" style handled below; "Upstate" etc. in kBeforeOk.
      skip = true;
    }
    // "University of Texas", "Sisters of St. Joseph of Rochester".
    if (!skip && i >= 2 && (prev == "of"sv || prev == "de"sv || prev == "del"sv || prev == "at"sv || prev == "for"sv || prev == "la"sv)) {
      std::size_t k = i - 2;
      if ((F(k) == "la"sv || F(k) == "the"sv) && k > 0) --k;
      if (w[k].cap && InList<kOrgHead>(F(k))) {
        bool govt_prefix = (F(k) == "city"sv || F(k) == "town"sv || F(k) == "village"sv || F(k) == "state"sv ||
                            F(k) == "county"sv || F(k) == "ciudad"sv || F(k) == "republic"sv);
        // "City of Yonkers" is a place unless itself inside an organization name.
        if (govt_prefix && !(k > 1 && (F(k - 1) == "de"sv || F(k - 1) == "of"sv || F(k - 1) == "la"sv) && k >= 2 &&
                             w[k - 2].cap && InList<kOrgHead>(F(k - 2)))) {
          m.begin = w[k].begin;
        } else {
          skip = true;
        }
      } else {
        // Further back in the same name: "University of Texas at San Antonio".
        for (std::size_t d = 0; d < 8 && k > 0; ++d) {
          --k;
          const std::string& fk = F(k);
          bool connector = fk == "of"sv || fk == "the"sv || fk == "de"sv || fk == "del"sv || fk == "la"sv || fk == "at"sv ||
                           fk == "for"sv || fk == "and"sv;
          if (!w[k].cap && !connector) break;
          if (!Tight(Gap(text, w, k + 1)) || w[k].sent_end) break;
          if (w[k].cap && InList<kOrgHead>(fk)) {
            skip = true;
            break;
          }
        }
      }
    }
    if (skip) {
      i = best_end;
      continue;
    }
    // Qualifier: ", ST" / ", State".
    if (next < nw) {
      std::string_view gap = Gap(text, w, next);
      if (gap == ", "sv) {
        std::string q = F(next);
        std::size_t qend = next + 1;
        std::string_view code = g.StateCode(q);
        if (code.empty() && next + 1 < nw && Tight(Gap(text, w, next + 1))) {
          std::string q2 = q + " " + F(next + 1);
          code = g.StateCode(q2);
          if (!code.empty()) qend = next + 2;
        }
        if (!code.empty() && w[next].cap) {
          std::string name_key;
          for (std::size_t k = i; k < best_end; ++k) {
            if (k > i) name_key += ' ';
            name_key += F(k);
          }
          int id = g.Qualified(name_key, code);
          // "Georgia, Texas and Louisiana" is a list of states, not a city.
          bool place_is_state = !g.StateCode(name_key).empty();
          if (id >= 0 || !place_is_state) {
            m.qualified = true;
            m.end = w[qend - 1].end;
            if (id >= 0) {
              m.entry = id;
            } else {
              // Known name, other state: "Brentwood, Tennessee".
              std::string nm(text.substr(w[i].begin, w[best_end - 1].end - w[i].begin));
              m.canonical = nm + ", " + std::string(code);
            }
            best_end = qend;
            m.we = qend;
          }
        }
      }
    }
    // U.S. as a noun only ("outside the U.S.", not "U.S. citizens").
    if (!m.qualified && m.we == m.wb + 1 && (F(i) == "us"sv || F(i) == "usa"sv)) {
      if (!w[i].allcaps) {
        i = best_end;
        continue;
      }
      bool hyphen = w[i].end < text.size() && text[w[i].end] == '-';  // "U.S.-citizen"
      if (hyphen) {
        i = best_end;
        continue;
      }
      bool noun = w[i].sent_end || next >= nw || !Tight(Gap(text, w, next));
      if (!noun) {
        noun = InList<kNounFollowers>(F(next));
      }
      if (!noun) {
        i = best_end;
        continue;
      }
    }
    // Locative cue for names that are also common words or personal names.
    std::string key_all;
    for (std::size_t k = m.wb; k < (m.qualified ? m.wb + 1 : m.we); ++k) {
      if (k > m.wb) key_all += ' ';
      key_all += F(k);
    }
    m.need_cue = !m.qualified && g.NeedsCue(key_all);
    m.has_cue = i > 0 && (InList<kCue>(prev) || Gap(text, w, i).find(',') != std::string_view::npos);
    if (m.need_cue && !m.has_cue) {
      i = best_end;
      continue;
    }
    ms.push_back(m);
    i = best_end;
  }

  // Whether word k may fold to "counties" or "condados" (8 letters): a test on
  // the raw bytes, so the scans below fold only those words.
  auto maybe_counties = [&](std::size_t k) {
    const unsigned char c0 = static_cast<unsigned char>(text[w[k].begin]);
    const std::size_t len = w[k].end - w[k].begin;
    return len >= 8 && len <= 24 && (c0 >= 0x80 || (c0 | 0x20) == 'c');
  };
  // "Erie and Niagara counties", "Cook, Kane and Will counties".
  for (std::size_t k = 1; k < nw; ++k) {
    if (!maybe_counties(k)) continue;
    const std::string& f = F(k);
    if (f != "counties"sv && f != "condados"sv) continue;
    std::size_t j = k;
    while (j > 0) {
      std::size_t e = j;  // exclusive end of the name
      std::size_t b = e;
      while (b > 0 && w[b - 1].cap && (b == e || Tight(Gap(text, w, b))) && e - b < 3) --b;
      if (b == e) break;
      std::size_t begin = w[b].begin, end = w[e - 1].end;
      // A name not in the county list ("Rural counties") ends the walk.
      if (!g.Candidates(FoldKey(text.substr(begin, end - begin)) + " county")) break;
      if (!OverlapsAny(taken, begin, end)) {
        std::string nm(text.substr(begin, end - begin));
        // Replace a same-range mention from the main scan.
        ms.erase(std::remove_if(ms.begin(), ms.end(),
                                [&](const Mention& x) { return x.begin < end && begin < x.end; }),
                 ms.end());
        Mention m;
        m.wb = b;
        m.we = e;
        m.begin = begin;
        m.end = end;
        m.canonical = nm + " County";
        ms.push_back(m);
      }
      // Separator before this name: ", " / " and " / ", and " / " y ".
      if (b == 0) break;
      std::string_view gap = Gap(text, w, b);
      if (gap == ", "sv) {
        j = b;
        continue;
      }
      if (gap == " "sv && b >= 2 && (F(b - 1) == "and"sv || F(b - 1) == "y"sv)) {
        std::string_view g2 = Gap(text, w, b - 1);
        if (g2 == " "sv || g2 == ", "sv) {
          j = b - 1;
          continue;
        }
      }
      break;
    }
  }
  // "counties such as St. Lawrence and Chautauqua".
  for (std::size_t k = 0; k + 3 < nw; ++k) {
    if (!maybe_counties(k) || F(k) != "counties"sv) continue;
    std::size_t j = k + 1;
    if (F(j) == "such"sv && F(j + 1) == "as"sv) {
      j += 2;
    } else if (F(j) == "including"sv || F(j) == "like"sv) {
      j += 1;
    } else {
      continue;
    }
    while (j < nw && w[j].cap) {
      std::size_t b = j, e = j + 1;
      while (e < nw && e - b < 3 && w[e].cap && Tight(Gap(text, w, e)) && !w[e - 1].sent_end) ++e;
      std::size_t begin = w[b].begin, end = w[e - 1].end;
      if (!g.Candidates(FoldKey(text.substr(begin, end - begin)) + " county")) break;
      if (!OverlapsAny(taken, begin, end)) {
        ms.erase(std::remove_if(ms.begin(), ms.end(),
                                [&](const Mention& x) { return x.begin < end && begin < x.end; }),
                 ms.end());
        Mention m;
        m.wb = b;
        m.we = e;
        m.begin = begin;
        m.end = end;
        m.canonical = std::string(text.substr(begin, end - begin)) + " County";
        ms.push_back(m);
      }
      if (w[e - 1].sent_end || e >= nw) break;
      std::string_view gap = Gap(text, w, e);
      if (gap == ", "sv) {
        j = e;
        if (j < nw && (F(j) == "and"sv || F(j) == "or"sv)) ++j;
      } else if (gap == " "sv && (F(e) == "and"sv || F(e) == "or"sv)) {
        j = e + 1;
      } else {
        break;
      }
    }
  }
  ContextualPlaces(text, g, w, F, taken, dl_state, dl_begin, dl_end, &ms);
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });

  // Context: states named in the release.
  std::unordered_set<std::string> ctx;
  if (!dl_state.empty()) ctx.insert(dl_state);
  std::unordered_map<std::string, std::string> weak_seen;  // state -> first small town named
  // States named by something other than a lone small town: a small town
  // read only on its own evidence keeps its bare name (a "Poplar Grove"
  // neighborhood is not "Poplar Grove, IL" unless Illinois is in the text).
  std::unordered_set<std::string> strong_ctx;
  for (const Mention& m : ms) {
    if (m.entry >= 0 && !g.entry(m.entry).state.empty()) strong_ctx.insert(g.entry(m.entry).state);
    if (m.entry >= 0 && !g.entry(m.entry).state.empty()) ctx.insert(g.entry(m.entry).state);
    if (m.entry < 0 && m.cands) {
      bool single_state = true;
      std::string st;
      for (int id : *m.cands) {
        const PlaceEntry& e = g.entry(id);
        if (e.kind == PlaceKind::kState) {
          st = e.state;
          single_state = true;
          break;
        }
        if (e.state.empty() || (!st.empty() && st != e.state)) single_state = false;
        if (st.empty()) st = e.state;
      }
      // A small town needing context does not supply its own ("Poplar
      // Grove" alone must not make Illinois the context).
      bool strong = false;
      for (int id : *m.cands) {
        const PlaceEntry& e = g.entry(id);
        bool town_like = e.kind == PlaceKind::kCity || e.kind == PlaceKind::kNeighborhood;
        if (!town_like || !e.needs_context || e.population >= 50000) strong = true;
      }
      if (single_state && !st.empty() && m.cands->size() <= 2) {
        ctx.insert(st);
        if (strong) {
          strong_ctx.insert(st);
        } else {
          // Two different small towns of one state support each other
          // ("Riverhead" and "Hampton Bays").
          std::string k = FoldKey(text.substr(m.begin, m.end - m.begin));
          auto it = weak_seen.find(st);
          if (it == weak_seen.end()) {
            weak_seen.emplace(st, std::move(k));
          } else if (it->second != k) {
            strong_ctx.insert(st);
          }
        }
      }
      // A famous place (NYC borough, curated priority >= 5) names its state
      // however many small namesakes it has ("Brooklyn" -> NY).
      int top = -1;
      for (int id : *m.cands) {
        if (top < 0 || g.entry(id).priority > g.entry(top).priority) top = id;
      }
      if (top >= 0 && g.entry(top).priority >= 5 && !g.entry(top).state.empty() &&
          (g.entry(top).kind == PlaceKind::kBorough || g.entry(top).kind == PlaceKind::kCity)) {
        ctx.insert(g.entry(top).state);
        strong_ctx.insert(g.entry(top).state);
      }
    }
  }
  bool wa_context = dl_state == "WA"sv;
  for (const Mention& m : ms) {
    if (m.entry >= 0 && g.entry(m.entry).state == "WA"sv) wa_context = true;
  }
  if (ctx.count("WA")) wa_context = true;

  // Group into entities.
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
  if (dateline && !dateline->canonical.empty()) add(dateline->canonical, dateline->surface);

  for (Mention& m : ms) {
    std::string canonical = m.canonical;
    if (canonical.empty()) {
      int id = m.entry;
      if (id < 0 && m.cands) {
        std::string k = FoldKey(text.substr(w[m.wb].begin, w[m.we - 1].end - w[m.wb].begin));
        if (k == "washington"sv) {
          id = wa_context ? g.StateEntry("WA") : g.StateEntry("DC");
        } else {
          id = g.Resolve(*m.cands, dl_state, ctx);
        }
      }
      if (id < 0) continue;
      const PlaceEntry& e = g.entry(id);
      canonical = e.as_written ? std::string(text.substr(m.begin, m.end - m.begin)) : e.canonical;
      if (e.kind == PlaceKind::kCity && e.needs_context && e.population < 50000 && !e.state.empty() &&
          e.state != dl_state && strong_ctx.count(e.state) == 0) {
        canonical = e.name;
      }
      // The dateline city named again ("Buffalo" in a BUFFALO, N.Y. release).
    }
    add(canonical, text.substr(m.begin, m.end - m.begin));
    if (mention_spans) mention_spans->push_back(TextSpan{m.begin, m.end});
  }
  for (NamedEntity& e : ents) out->push_back(std::move(e));
}

void LocationFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  ExtractLocations(doc.text, *kb_.places, doc.dateline, claims->taken, &out->locations, nullptr);
}

}  // namespace amicus::internal
