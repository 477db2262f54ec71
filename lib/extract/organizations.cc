#include "extract/organizations.h"
#include "amicus/text.h"
#include "extract/knowledge_base.h"

#include <algorithm>
#include <cstring>
#include <functional>

#include "extract/places.h"

namespace amicus::internal {

using namespace std::string_view_literals;
namespace {

// Lengths of the literals are known at compile time (no strlen per call).
bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view s : list) {
    if (w == s) return true;
  }
  return false;
}

bool IsConnector(std::string_view f) {
  static const StringSet kWords{"of", "for", "and", "the", "on", "at", "de", "del", "la", "las", "los", "por", "para",
      "y", "e"};
  return kWords.Contains(f);
}

// Capitalized words that start a sentence or a phrase but never an
// organization's name.
bool IsLeadNoise(std::string_view f) {
  static const StringSet kWords{"the", "a", "an", "la", "el", "los", "las", "un", "una", "members", "member",
      "leaders", "officials", "residents", "advocates", "today", "yesterday", "under", "since", "according", "after",
      "before", "while", "when", "last", "this", "that", "these", "those", "every", "each", "both", "all", "many",
      "some", "other", "said", "in", "on", "at", "for", "from", "with", "by", "if", "as", "and", "but", "hoy", "ayer",
      "según", "segun", "our", "their", "his", "her", "its", "former", "del", "de", "en", "both", "also", "staff",
      "volunteers", "lawmakers", "partners", "even", "now", "then", "more"};
  return kWords.Contains(f);
}

// Last words that make a capitalized sequence a program, law, place or
// event rather than an organization.
bool IsNonOrgTail(std::string_view f) {
  static const StringSet kWords{"program", "programs", "programa", "act", "law", "ordinance", "bill", "budget",
      "plan", "report", "day", "week", "month", "year", "policy", "rule", "order", "amendment", "building", "hall",
      "street", "avenue", "park", "station", "airport", "bridge", "tunnel", "capitol", "code", "number", "status",
      "arrivals", "languages", "initiative", "standards", "resolution", "fellowship", "procedure", "process",
      "assistance", "benefits", "coverage", "expressway", "highway"};
  return kWords.Contains(f);
}

bool IsShortGovKey(std::string_view k) {
  static const StringSet kWords{"congress", "senate", "assembly", "legislature", "house", "general assembly",
      "house of representatives", "state senate", "state assembly", "state legislature", "city council", "council",
      "board", "general court", "senado", "camara de representantes", "asamblea general", "asamblea", "legislatura",
      "concejo municipal", "concejo"};
  return kWords.Contains(k);
}

// Words that make a capitalized sequence an event ("Joint Legislative Budget
// Hearing on Human Services", "Immigrant Heritage Gala").
bool IsEventWord(std::string_view f) {
  static const StringSet kWords{"hearing", "hearings", "summit", "gala", "vigil", "rally", "festival", "briefing",
      "webinar", "roundtable", "parade", "audiencia", "vigilia", "marcha"};
  return kWords.Contains(f);
}

// Words that, inside a sequence ending in "Center"/"Facility" or starting
// with "Centro de", make it a place of confinement rather than an
// organization ("Elizabeth Detention Center", "Centro de Detención ...").
bool IsConfinementWord(std::string_view f) {
  static const StringSet kWords{"detention", "detencion", "correctional", "processing", "procesamiento"};
  return kWords.Contains(f);
}

// Lower-case nouns that, right after a defined acronym, show the name is a
// program or a benefit, not a body: "Health Benefits for Immigrant Adults
// (HBIA) program", "Emergency Assistance (EA) family shelter system".
bool IsProgramNoun(std::string_view f) {
  static const StringSet kWords{"program", "programs", "programa", "system", "initiative", "plan", "procedure",
      "process", "fund", "funding", "benefit", "benefits", "coverage", "enrollment", "enrollees", "recipients",
      "status", "application", "applications", "shelter", "family", "families", "policy", "model", "rule", "rules",
      "grant", "grants", "pilot", "cases", "case", "hearing", "hearings", "review", "filing", "filings",
      "beneficiaries", "holders", "designation", "protections"};
  return kWords.Contains(f);
}

// Lower-case nouns naming what comes next as an organization ("the
// immigrant-rights group Valle Unido", "la organización Mano Amiga").
bool IsOrgTypeNoun(std::string_view f) {
  static const StringSet kWords{"group", "organization", "organisation", "coalition", "nonprofit", "non-profit",
      "collective", "alliance", "network", "union", "church", "congregation", "association", "federation", "charity",
      "grupo", "organizacion", "colectivo", "coalicion", "iglesia", "asociacion", "agrupacion"};
  return kWords.Contains(f);
}

// Budget lines: "$48 million for the Immigrant Legal Services Fund".
bool IsFundedThingTail(std::string_view f) {
  static const StringSet kWords{"fund", "project", "initiative", "program", "programs", "fondo", "proyecto",
      "programa"};
  return kWords.Contains(f);
}

// The English short key of a legislative body named in Spanish ("Cámara
// de Representantes" -> "house"), else the key itself.
std::string EnglishBodyKey(const std::string& k) {
  if (k == "senado"sv) return "senate";
  if (k == "camara de representantes"sv || k == "camara"sv) return "house";
  if (k == "asamblea general"sv) return "general assembly";
  if (k == "asamblea"sv) return "assembly";
  if (k == "legislatura"sv) return "legislature";
  if (k == "house of representatives"sv) return "house";
  if (k == "concejo municipal"sv || k == "concejo"sv) return "city council";
  return k;
}

// Name of a state's chamber: the knowledge's name ("New York State Senate")
// or the usual "<State> Senate" / "<State> House of Representatives".
std::string StateBody(const OrgKnowledge& kb, const Gazetteer& g, std::string_view code, const std::string& key) {
  std::string known = kb.GovBody(std::string(code), key);
  if (!known.empty()) return known;
  int st = g.StateEntry(code);
  if (st < 0) return std::string();
  const std::string& name = g.entry(st).name;
  if (key == "senate"sv || key == "state senate"sv) return name + " Senate";
  if (key == "house"sv) return name + " House of Representatives";
  if (key == "general assembly"sv) return name + " General Assembly";
  if (key == "legislature"sv || key == "state legislature"sv) return name + " Legislature";
  if (key == "assembly"sv || key == "state assembly"sv) return name + " Assembly";
  return std::string();
}

// USPS code of a state named by `surface` ("Georgia", "Carolina del Norte"), or "".
std::string StateCodeOf(const Gazetteer& g, std::string_view surface) {
  std::string_view code = g.StateCode(FoldPlaceKey(surface));
  if (!code.empty()) return std::string(code);
  PlaceInfo info;
  if (g.Lookup(surface, "", &info) && info.kind == PlaceKind::kState) return info.state;
  return std::string();
}

bool IsChamberKey(const std::string& k) {
  return k == "senate"sv || k == "house"sv || k == "general assembly"sv || k == "legislature"sv || k == "assembly"sv;
}

struct Seg {
  std::size_t s, e;  // token indices, inclusive
};

}  // namespace

Status OrgKnowledge::Load(const KnowledgeFiles& files, const Lexicon&) {
  Status st = files.ForEachRecord("agencies.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.empty() || f[0].empty()) return Status::Corruption("agencies.tsv:" + std::to_string(line) + ": empty name");
    Agency a;
    a.canonical = std::string(f[0]);
    if (f.size() > 2) a.region = std::string(f[2]);
    std::size_t idx = agencies_.size();
    agencies_.push_back(a);
    agency_keys_.emplace(FoldKey(f[0]), idx);
    agency_key_set_.Insert(FoldKey(f[0]));
    if (f.size() > 1) {
      std::string_view al = f[1];
      while (!al.empty()) {
        std::size_t bar = al.find('|');
        std::string_view one = al.substr(0, bar);
        if (!one.empty()) {
          agency_keys_.emplace(FoldKey(one), idx);
          agency_key_set_.Insert(FoldKey(one));
        }
        if (agencies_[idx].acronym.empty() && one.size() >= 2 && one.size() <= 6 &&
            std::all_of(one.begin(), one.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
          agencies_[idx].acronym = std::string(one);
        if (bar == std::string_view::npos) break;
        al.remove_prefix(bar + 1);
      }
    }
    return Status::OK();
  });
  if (!st.ok()) return st;
  return files.ForEachRecord("gov_bodies.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 3) return Status::Corruption("gov_bodies.tsv:" + std::to_string(line) + ": expected region<TAB>short<TAB>canonical");
    gov_bodies_[std::string(f[0]) + "|" + FoldKey(f[1])] = std::string(f[2]);
    return Status::OK();
  });
}

const OrgKnowledge::Agency* OrgKnowledge::FindAgency(const std::string& key, const std::string& region) const {
  if (!agency_key_set_.Contains(key)) return nullptr;  // most probes: no hashing of std::string
  auto range = agency_keys_.equal_range(key);
  const Agency* any = nullptr;
  for (auto it = range.first; it != range.second; ++it) {
    const Agency& a = agencies_[it->second];
    if (a.region.empty()) any = &a;
    else if (a.region == region) return &a;
  }
  return any;
}

std::string OrgKnowledge::GovBody(const std::string& region, const std::string& short_key) const {
  auto it = gov_bodies_.find(region + "|" + short_key);
  return it == gov_bodies_.end() ? std::string() : it->second;
}

void FindOrganizations(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
                       const WordTables& words, const OrgKnowledge& kb, const DocContext& ctx, const std::vector<TextSpan>& taken,
                       std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans) {
  const std::size_t n = toks.size();

  std::vector<char> in_taken;
  MarkTaken(toks, taken, &in_taken);
  auto is_cap = [&](std::size_t i) {
    return i < n && toks[i].kind == TokKind::kWord && (toks[i].cap || toks[i].allcaps) && !in_taken[i];
  };
  auto is_org_word_at = [&](std::size_t k, std::size_t s) {
    WordTables::OrgWordPos p = words.OrgWord(fold[k]);
    if (p == WordTables::kAny) return true;
    if (p == WordTables::kEnd) return k > s;
    if (p == WordTables::kStart) return k == s || (k == s + 1 && In(fold[s], {"la", "el", "los", "las", "the"}));
    return false;
  };
  auto has_org_word = [&](std::size_t s, std::size_t e) {
    for (std::size_t k = s; k <= e; ++k) {
      if (toks[k].kind == TokKind::kWord && is_org_word_at(k, s)) return true;
      // two-word organization words ("Task Force")
      if (k > s && toks[k].kind == TokKind::kWord && toks[k - 1].kind == TokKind::kWord &&
          words.OrgWordPair(fold[k - 1], fold[k]))
        return true;
      if (toks[k].kind == TokKind::kNumber && k > s && fold[k - 1] == "local"sv) return true;
    }
    return false;
  };
  const std::string publisher_key = FoldKey(ctx.publisher);
  std::string region = ctx.region;

  EntitySet set;
  StringTable<std::size_t> acronyms;  // folded acronym -> entity
  struct ShortRef {
    std::string key, surface;
    TextSpan span;
  };
  std::vector<ShortRef> shorts;

  auto surface_of = [&](const Seg& g) {
    return text.substr(toks[g.s].begin, toks[g.e].end - toks[g.s].begin);
  };
  auto acronym_after = [&](std::size_t e) -> std::size_t {  // token index of "(ACR)" acronym or 0
    if (e + 3 < n + 1 && e + 2 < n && toks[e + 1].kind == TokKind::kPunct && toks[e + 1].punct == '(' &&
        toks[e + 2].allcaps && e + 3 < n && toks[e + 3].kind == TokKind::kPunct &&
        (toks[e + 3].punct == ')' || toks[e + 3].punct == ','))
      return e + 2;
    return 0;
  };
  auto add_org = [&](const std::string& canonical, const Seg& g) {
    std::size_t idx = set.Get(canonical);
    std::string_view surf = surface_of(g);
    set.AddAlias(idx, surf);
    mention_spans->push_back({toks[g.s].begin, toks[g.e].end});
    if (std::size_t a = acronym_after(g.e)) {
      std::string_view acr = TokText(text, toks[a]);
      set.AddAlias(idx, acr);
      acronyms.Emplace(fold[a], idx);
    }
    return idx;
  };

  struct Rejected {
    std::string key;
    Seg seg;
  };
  std::vector<Rejected> rejected;  // may still be later mentions of a found organization
  const bool english = ctx.language != "es"sv;
  auto is_word = [&](std::size_t k, const char* w) {
    return k < n && toks[k].kind == TokKind::kWord && fold[k] == w;
  };
  auto money_before = [&](std::size_t k) {  // token k ends an amount ("$48 million", "$5.5M")
    if (toks[k].kind == TokKind::kNumber) return true;
    return toks[k].kind == TokKind::kWord &&
           In(fold[k], {"million", "billion", "thousand", "m", "k", "b", "millones", "mil"});
  };

  std::function<void(Seg)> classify = [&](Seg g) {
    const std::size_t g0 = g.s;  // start before stripping: its left context
    // knowledge first, on the whole segment
    std::string key = FoldKey(surface_of(g));
    if (const OrgKnowledge::Agency* a = kb.FindAgency(key, region)) {
      add_org(a->canonical, g);
      return;
    }
    // strip leading noise and leading titles ("Director of Policy at the ...")
    while (g.s <= g.e) {
      bool office;
      int m = toks[g.s].kind == TokKind::kWord ? words.MatchTitle(toks, fold, g.s, &office) : 0;
      // A capitalized Spanish article inside English text is part of a
      // name ("La Casa del Barrio").
      if (english && g.s < g.e && toks[g.s].cap && In(fold[g.s], {"la", "el", "los", "las"})) break;
      if (m > 0 && g.s + m <= g.e && !toks[g.s + m - 1].possessive) {
        g.s += m;
      } else if (toks[g.s].kind == TokKind::kPunct || IsLeadNoise(fold[g.s]) || IsConnector(fold[g.s])) {
        ++g.s;
      } else if (g.s > 0 && !toks[g.s].space_before && toks[g.s - 1].kind == TokKind::kNumber) {
        ++g.s;  // a unit glued to a number: "$73.1M for the Office ..."
      } else {
        break;
      }
    }
    if (g.s > g.e) return;
    key = FoldKey(surface_of(g));
    if (const OrgKnowledge::Agency* a = kb.FindAgency(key, region)) {
      add_org(a->canonical, g);
      return;
    }
    if (g.s == g.e && toks[g.s].allcaps) return;  // acronyms are handled in their own pass
    // "Ana Ruiz of the Coalition for ...": a name without an organization
    // word before "of the" is a person (or a place); the rest is the candidate.
    for (std::size_t p = g.s + 1; p + 2 <= g.e; ++p) {
      if (toks[p].kind != TokKind::kWord || toks[p].cap || !In(fold[p], {"of", "de", "del"})) continue;
      if (!toks[p + 1].cap && In(fold[p + 1], {"the", "la", "el", "los", "las"}) && !has_org_word(g.s, p - 1)) {
        classify({p + 2, g.e});
        return;
      }
      break;
    }
    if (IsShortGovKey(key)) {
      shorts.push_back({key, std::string(surface_of(g)), {toks[g.s].begin, toks[g.e].end}});
      return;
    }
    // "Concejo Municipal de (la Ciudad de) Tucson" -> "Tucson City Council"
    if (ctx.places != nullptr && g.e > g.s + 2 && fold[g.s] == "concejo"sv && fold[g.s + 1] == "municipal"sv &&
        In(fold[g.s + 2], {"de", "del"})) {
      std::size_t c = g.s + 3;
      if (c + 2 <= g.e && fold[c] == "la"sv && fold[c + 1] == "ciudad"sv && fold[c + 2] == "de"sv) c += 3;
      if (c <= g.e) {
        PlaceInfo info;
        std::string_view city = text.substr(toks[c].begin, toks[g.e].end - toks[c].begin);
        if (ctx.places->Lookup(city, ctx.region, &info) && info.kind == PlaceKind::kCity) {
          std::string name = info.canonical.substr(0, info.canonical.find(','));
          add_org(name == "New York City"sv ? "New York City Council" : name + " City Council", g);
          return;
        }
      }
    }
    // Spanish names of local bodies, named as the guideline names them, in
    // English: "Oficina del Alguacil del Condado de Bexar" -> "Bexar County
    // Sheriff's Office", "Distrito Escolar Independiente de San Antonio" ->
    // "San Antonio Independent School District".
    struct SpanishBody {
      std::initializer_list<const char*> head;
      const char* english;
    };
    static const SpanishBody kSpanishBodies[] = {
        {{"oficina", "del", "alguacil"}, "Sheriff\u2019s Office"},
        {{"departamento", "del", "alguacil"}, "Sheriff\u2019s Department"},
        {{"corte", "de", "comisionados"}, "Commissioners Court"},
        {{"junta", "de", "supervisores"}, "Board of Supervisors"},
        {{"junta", "de", "comisionados"}, "Board of Commissioners"},
        {{"junta", "de", "educacion"}, "Board of Education"},
        {{"distrito", "escolar", "independiente"}, "Independent School District"},
        {{"distrito", "escolar", "unificado"}, "Unified School District"},
        {{"distrito", "escolar"}, "School District"},
        {{"departamento", "de", "policia"}, "Police Department"},
        {{"biblioteca", "publica"}, "Public Library"},
    };
    for (const SpanishBody& body : kSpanishBodies) {
      std::size_t k = g.s;
      bool match = true;
      for (const char* w : body.head) {
        if (k > g.e || fold[k] != w) {
          match = false;
          break;
        }
        ++k;
      }
      // Spanish writes "del condado de Hidalgo" in lower case, which ends the
      // capitalized group: read on past it.
      const std::size_t n = toks.size();
      auto word = [&](std::size_t i, const char* w) {
        return i < n && toks[i].kind == TokKind::kWord && fold[i] == w;
      };
      if (!match || !(word(k, "de") || word(k, "del"))) continue;
      bool county = false;
      if (word(k, "del") && word(k + 1, "condado") && word(k + 2, "de")) {
        county = true;
        k += 3;
      } else if (word(k, "de") && word(k + 1, "la") && word(k + 2, "ciudad") && word(k + 3, "de")) {
        k += 4;
      } else {
        ++k;
      }
      if (k >= n || toks[k].kind != TokKind::kWord || !toks[k].cap) break;
      std::size_t last = std::max(k, g.e);
      while (last + 1 < n && toks[last + 1].kind == TokKind::kWord && toks[last + 1].cap &&
             !toks[last + 1].newline_before) {
        ++last;
      }
      std::string place(text.substr(toks[k].begin, toks[last].end - toks[k].begin));
      add_org(place + (county ? " County " : " ") + body.english, Seg{g.s, last});
      return;
    }
    // A state's legislature named with the state: "Georgia House of
    // Representatives", "Asamblea General de Carolina del Norte".
    bool chamber = false;
    for (std::size_t k = g.s; k <= g.e && !chamber; ++k) {
      chamber = In(fold[k], {"senate", "house", "assembly", "legislature", "senado", "camara", "asamblea",
                             "legislatura"});
    }
    if (chamber && ctx.places != nullptr && g.e > g.s) {
      for (std::size_t p = g.s; p < g.e; ++p) {
        std::string code, body;
        if (toks[p + 1].kind == TokKind::kWord && !toks[p + 1].cap && In(fold[p + 1], {"de", "del", "of"}) &&
            p + 2 <= g.e) {
          body = EnglishBodyKey(FoldKey(text.substr(toks[g.s].begin, toks[p].end - toks[g.s].begin)));
          if (!IsChamberKey(body)) continue;
          code = StateCodeOf(*ctx.places, text.substr(toks[p + 2].begin, toks[g.e].end - toks[p + 2].begin));
        } else {
          body = EnglishBodyKey(FoldKey(text.substr(toks[p + 1].begin, toks[g.e].end - toks[p + 1].begin)));
          if (!IsChamberKey(body)) continue;
          code = StateCodeOf(*ctx.places, text.substr(toks[g.s].begin, toks[p].end - toks[g.s].begin));
        }
        if (code.empty() || code == "DC"sv || !IsChamberKey(body)) continue;
        std::string canonical = StateBody(kb, *ctx.places, code, body);
        if (!canonical.empty()) {
          add_org(canonical, g);
          return;
        }
      }
    }
    // A unit of a known agency: "Oficina del Inspector General del
    // Departamento de Seguridad Nacional", "Office of Refugee Resettlement
    // of the Department of ...": the two are separate organizations.
    for (std::size_t p = g.s + 1; p + 1 <= g.e; ++p) {
      if (toks[p].cap || !In(fold[p], {"of", "del", "de"})) continue;
      std::size_t q = p + 1;
      if (q < g.e && !toks[q].cap && In(fold[q], {"the", "la", "el", "los", "las"})) ++q;
      if (q > g.e) break;
      std::string tail_key = FoldKey(text.substr(toks[q].begin, toks[g.e].end - toks[q].begin));
      if (const OrgKnowledge::Agency* a = kb.FindAgency(tail_key, region)) {
        if (!has_org_word(g.s, p - 1)) break;
        // Inspectors general go by their agency: "DHS Office of Inspector General".
        std::string head = FoldKey(text.substr(toks[g.s].begin, toks[p - 1].end - toks[g.s].begin));
        if (!a->acronym.empty() && In(head, {"office of inspector general", "office of the inspector general",
                                             "oficina del inspector general", "inspector general"})) {
          std::string oig = a->acronym + " Office of Inspector General";
          const OrgKnowledge::Agency* known = kb.FindAgency(FoldKey(oig), region);
          add_org(known ? known->canonical : oig, {g.s, p - 1});
        } else {
          classify({g.s, p - 1});
        }
        add_org(a->canonical, {q, g.e});
        return;
      }
    }
    bool event = false, confinement = false;
    for (std::size_t k = g.s; k <= g.e; ++k) {
      if (toks[k].kind != TokKind::kWord) continue;
      event = event || IsEventWord(fold[k]);
      confinement = confinement || IsConfinementWord(fold[k]);
    }
    if (event) return;
    if (confinement && (In(fold[g.e], {"center", "centre", "facility", "complex"}) || fold[g.s] == "centro"sv)) return;
    // "$48 million for the Immigrant Legal Services Fund": a budget line
    if (IsFundedThingTail(fold[g.e]) && g0 >= 3 && is_word(g0 - 1, "the") && is_word(g0 - 2, "for") &&
        money_before(g0 - 3))
      return;
    const std::size_t acr = acronym_after(g.e);
    if (acr && acr + 2 < n && toks[acr + 1].punct == ')' && toks[acr + 2].kind == TokKind::kWord &&
        !toks[acr + 2].cap && IsProgramNoun(fold[acr + 2]))
      return;
    // "Coalition for Humane Detention Standards", "Institute on Taxation
    // and Economic Policy": an organization word heading a name outweighs
    // a program-like last word.
    const bool strong_head = g.s < g.e && words.OrgWord(fold[g.s]) >= WordTables::kStart &&
                             toks[g.s + 1].kind == TokKind::kWord && !toks[g.s + 1].cap &&
                             IsConnector(fold[g.s + 1]);
    if (IsNonOrgTail(fold[g.e]) && !strong_head) return;
    bool org = (g.e > g.s && has_org_word(g.s, g.e)) || (!publisher_key.empty() && key == publisher_key);
    if (!org && g.e > g.s && acr) org = true;
    // "X, a Sunset Park nonprofit that ...", "X, a coalition of 40 groups":
    // the head noun of an appositive right after the name.
    if (!org && g.e + 3 < n && toks[g.e + 1].punct == ',' && toks[g.e + 1].kind == TokKind::kPunct &&
        In(fold[g.e + 2], {"a", "an", "the", "una", "un", "la", "el"}) && !toks[g.e + 2].cap) {
      std::size_t k = g.e + 3, head = 0;
      for (int steps = 0; k < n && steps < 6; ++k, ++steps) {
        if (toks[k].kind != TokKind::kWord) break;
        if (!toks[k].cap && In(fold[k], {"of", "that", "which", "who", "with", "in", "for", "de", "que", "en",
                                         "based", "whose", "and", "y", "since", "from", "founded", "led"}))
          break;
        head = k;
      }
      if (head && !toks[head].cap && IsOrgTypeNoun(fold[head])) org = true;
    }
    // "the immigrant-rights group Valle Unido"
    if (!org && g0 == g.s && g0 > 0 && toks[g0 - 1].kind == TokKind::kWord && !toks[g0 - 1].cap &&
        IsOrgTypeNoun(fold[g0 - 1]) && g.e - g.s < 6)
      org = true;
    if (!org) {
      rejected.push_back({key, g});
      return;
    }
    std::string canonical(surface_of(g));
    // A chamber's committee in a state release is that state's: "Senate
    // Health Committee" in Sacramento -> "California Senate Health Committee".
    if (!ctx.state_name.empty() && g.e > g.s && In(fold[g.e], {"committee", "subcommittee"}) &&
        (fold[g.s] == "senate"sv ||
         // states with an Assembly have no House
         (fold[g.s] == "house"sv && kb.GovBody(ctx.region, "assembly").empty()) ||
         (fold[g.s] == "assembly"sv && !kb.GovBody(ctx.region, "assembly").empty())))
      canonical = ctx.state_name + " " + canonical;
    // "ICE’s Newark Field Office" is named with its agency.
    if (g0 == g.s && g0 > 0 && toks[g0 - 1].possessive && toks[g0 - 1].allcaps && g.e > g.s &&
        fold[g.e] == "office"sv && fold[g.e - 1] == "field"sv && kb.FindAgency(fold[g0 - 1], region) != nullptr)
      canonical = std::string(TokText(text, toks[g0 - 1])) + " " + canonical;
    add_org(canonical, g);
  };

  for (std::size_t i = 0; i < n;) {
    if (!is_cap(i)) { ++i; continue; }
    std::size_t a = i, last = i, j = i + 1;
    while (j < n) {
      if (toks[last].possessive) {
        // "Mayor’s Office" continues; "City Council’s Committee" and "ICE’s" stop
        if (toks[last].allcaps || has_org_word(a, last) || !is_cap(j) || toks[j].newline_before) break;
      }
      const Tok& t = toks[j];
      if (t.newline_before) break;
      if (is_cap(j)) { last = j; ++j; continue; }
      if (t.kind == TokKind::kNumber && fold[last] == "local"sv) { last = j; ++j; continue; }
      if (t.kind == TokKind::kPunct && (t.punct == '&' || t.punct == '+') && is_cap(j + 1) &&
          !toks[j + 1].newline_before) {
        last = j + 1; j += 2; continue;
      }
      // "Nassau–Suffolk", "Huston-Tillotson"; an em dash ends the name
      // ("Rochester, NY—The council ...")
      if (t.kind == TokKind::kPunct && t.punct == '-' && !t.space_before && is_cap(j + 1) &&
          !toks[j + 1].space_before && text.compare(t.begin, 3, "\xE2\x80\x94") != 0) {
        last = j + 1; j += 2; continue;
      }
      if (t.kind == TokKind::kWord && !t.cap && IsConnector(fold[j])) {
        std::size_t k = j;
        int c = 0;
        while (k < n && c < 2 && toks[k].kind == TokKind::kWord && !toks[k].cap && IsConnector(fold[k])) { ++k; ++c; }
        if (!is_cap(k) || toks[k].newline_before) break;
        const std::string& conn = fold[j];
        if (conn == "and"sv || conn == "y"sv) {
          if (words.OrgWord(fold[last]) != WordTables::kNone || fold[j + 1] == "the"sv || toks[k].allcaps) break;
        }
        if (conn == "at"sv) {
          // "University of Texas at San Antonio"; otherwise "at" ends the name
          bool campus = false;
          for (std::size_t k2 = a; k2 <= last && !campus; ++k2) campus = In(fold[k2], {"university", "college"});
          if (!campus) break;
        }
        // "... Court on Monday": a date, not part of the name
        if (conn == "on"sv && In(fold[k], {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "january", "february", "march", "april", "may", "june", "july", "august",
                                         "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                         "aug", "sept", "oct", "nov", "dec"}))
          break;
        if (conn == "the"sv || conn == "la"sv || conn == "las"sv || conn == "los"sv) break;
        last = k; j = k + 1; continue;
      }
      break;
    }
    // split at a title followed by a name: the part before is a candidate
    std::size_t seg_start = a;
    for (std::size_t k = a; k <= last; ++k) {
      if (toks[k].kind != TokKind::kWord) continue;
      bool office;
      int m = words.MatchTitle(toks, fold, k, &office);
      if (m == 0) continue;
      std::size_t nx = k + m;
      if (toks[nx - 1].possessive || nx > last) continue;
      // "Office of Worker Protections": a title after a connector is part of the name
      if (k > seg_start && toks[k - 1].kind == TokKind::kWord && !toks[k - 1].cap && IsConnector(fold[k - 1])) continue;
      if (toks[nx].kind != TokKind::kWord || !toks[nx].cap || words.OrgWord(fold[nx]) != WordTables::kNone) continue;
      if (k > seg_start) classify({seg_start, k - 1});
      seg_start = last + 1;  // the person's name goes to the people finder
      // ... but not what follows it: "Pastor Ana Ruiz of Iglesia Roca Firme"
      std::size_t p = nx;
      while (p <= last && toks[p].kind == TokKind::kWord && toks[p].cap) ++p;
      if (p <= last && toks[p].kind == TokKind::kWord && !toks[p].cap && In(fold[p], {"of", "at", "de", "del"})) {
        while (p <= last && !toks[p].cap) ++p;
        seg_start = p;
      }
      break;
    }
    if (seg_start <= last) classify({seg_start, last});
    i = last + 1;
  }

  // later mentions of a found organization without its organization word
  // ("A survey by Valle Unido found ...")
  for (const Rejected& r : rejected) {
    long idx = set.Find(r.key);
    if (idx < 0) continue;
    set.AddAlias(static_cast<std::size_t>(idx), surface_of(r.seg));
    mention_spans->push_back({toks[r.seg.s].begin, toks[r.seg.e].end});
  }

  // acronyms: defined ones, then known agencies
  for (std::size_t i = 0; i < n; ++i) {
    if (!toks[i].allcaps || in_taken[i]) continue;
    if (acronyms.Contains(fold[i])) {
      mention_spans->push_back({toks[i].begin, toks[i].end});
      continue;
    }
    if (const OrgKnowledge::Agency* ag = kb.FindAgency(fold[i], region)) {
      std::size_t idx = set.Get(ag->canonical);
      set.AddAlias(idx, TokText(text, toks[i]));
      mention_spans->push_back({toks[i].begin, toks[i].end});
    }
  }

  // short references to bodies: an organization of this release first, else the place's body
  std::string gov_region = region.empty() || region == "DC"sv ? "US" : region;
  for (ShortRef& r : shorts) {
    long found = -1;
    r.key = EnglishBodyKey(r.key);
    std::string tail = " " + r.key;
    for (std::size_t k = 0; k < set.entities().size(); ++k) {
      std::string name = FoldKey(set.entities()[k].name);
      bool match = name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
      if (!match && (r.key == "board"sv || r.key == "council"sv)) match = name.find(tail + " ") != std::string::npos;
      if (match) { found = static_cast<long>(k); break; }
    }
    std::string canonical;
    if (found < 0) {
      if (r.key == "congress"sv) canonical = kb.GovBody("US", r.key);
      else if (r.key == "council"sv || r.key == "city council"sv) {
        if (!ctx.city.empty()) canonical = ctx.city == "New York"sv ? "New York City Council" : ctx.city + " City Council";
      } else if (r.key != "board"sv) {
        canonical = kb.GovBody(gov_region, r.key);
        // a state without a knowledge entry: "the House" in an Atlanta release
        // (only for states the knowledge does not list: a listed state's
        // missing chamber does not exist, e.g. New York has no House)
        if (canonical.empty() && gov_region != "US"sv && ctx.places != nullptr && IsChamberKey(r.key) &&
            kb.GovBody(gov_region, "senate").empty() && kb.GovBody(gov_region, "legislature").empty())
          canonical = StateBody(kb, *ctx.places, gov_region, r.key);
      }
      if (canonical.empty()) continue;
      found = static_cast<long>(set.Get(canonical));
    }
    set.AddAlias(static_cast<std::size_t>(found), r.surface);
    mention_spans->push_back(r.span);
  }
  // Short forms: "the Newcomer Academy" after "International Newcomer
  // Academy", "the Department of Labor" after "New York State Department of
  // Labor" are the same body, not a second one.
  std::vector<NamedEntity>& ents = set.entities();
  std::vector<std::string> name_keys(ents.size());
  for (std::size_t k = 0; k < ents.size(); ++k) name_keys[k] = " " + FoldKey(ents[k].name);
  auto is_tail_of = [](const std::string& key, const std::string& longer) {  // both with leading ' '
    return longer.size() > key.size() && key.find(' ', 1) != std::string::npos &&
           longer.compare(longer.size() - key.size(), key.size(), key) == 0;
  };
  std::vector<bool> merged(ents.size(), false);
  for (std::size_t b = 0; b < ents.size(); ++b) {
    std::vector<std::string> keys{name_keys[b]};
    for (const std::string& al : ents[b].aliases) keys.push_back(" " + FoldKey(al));
    for (std::size_t a2 = 0; a2 < ents.size() && !merged[b]; ++a2) {
      if (a2 == b || merged[a2]) continue;
      bool hit = false;
      for (const std::string& k : keys) hit = hit || is_tail_of(k, name_keys[a2]);
      if (!hit) continue;
      // keep the forms that are short forms of the longer name, and acronyms
      std::vector<std::string> forms{ents[b].name};
      forms.insert(forms.end(), ents[b].aliases.begin(), ents[b].aliases.end());
      for (std::size_t f = 0; f < forms.size(); ++f) {
        std::string k = " " + FoldKey(forms[f]);
        bool acronym = forms[f].find(' ') == std::string::npos;
        if (is_tail_of(k, name_keys[a2]) || (f > 0 && acronym)) set.AddAlias(a2, forms[f]);
      }
      merged[b] = true;
    }
  }
  std::vector<NamedEntity> kept;
  for (std::size_t k = 0; k < ents.size(); ++k) {
    if (!merged[k]) kept.push_back(std::move(ents[k]));
  }
  *out = std::move(kept);
}

void OrganizationFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  std::vector<TextSpan> spans;
  FindOrganizations(doc.text, *doc.toks, *doc.fold, kb_.words, kb_.orgs, doc.ctx, claims->taken, &out->organizations,
                    &spans);
  claims->Take(spans);
  // A state attorney general's office is named with its state, as the
  // guideline does ("Office of the New York State Attorney General").
  if (doc.ctx.state_name.empty()) return;
  for (NamedEntity& org : out->organizations) {
    const std::string key = NameKey(org.name);
    if (key != "office of the attorney general" && key != "attorney general's office") continue;
    org.aliases.insert(org.aliases.begin(), org.name);
    org.name = "Office of the " + doc.ctx.state_name + " Attorney General";
  }
}

}  // namespace amicus::internal
