#include "extract/organizations.h"

#include <algorithm>
#include <cstring>

namespace amicus::internal {
namespace {

bool In(std::string_view w, std::initializer_list<const char*> list) {
  for (const char* s : list) {
    if (w.size() == std::strlen(s) && w.compare(0, w.size(), s) == 0) return true;
  }
  return false;
}

bool IsConnector(std::string_view f) {
  return In(f, {"of", "for", "and", "the", "on", "at", "de", "del", "la", "las", "los", "por", "para", "y", "e"});
}

// Capitalized words that start a sentence or a phrase but never an
// organization's name.
bool IsLeadNoise(std::string_view f) {
  return In(f, {"the", "a", "an", "la", "el", "los", "las", "un", "una", "members", "member", "leaders", "officials",
                "residents", "advocates", "today", "yesterday", "under", "since", "according", "after", "before",
                "while", "when", "last", "this", "that", "these", "those", "every", "each", "both", "all", "many",
                "some", "other", "said", "in", "on", "at", "for", "from", "with", "by", "if", "as", "and", "but",
                "hoy", "ayer", "según", "segun", "our", "their", "his", "her", "its", "former", "del", "de", "en",
                "both", "also", "staff", "volunteers", "lawmakers", "partners", "even", "now", "then", "more"});
}

// Last words that make a capitalized sequence a program, law, place or
// event rather than an organization.
bool IsNonOrgTail(std::string_view f) {
  return In(f, {"program", "programs", "programa", "act", "law", "ordinance", "bill", "budget", "plan", "report",
                "day", "week", "month", "year", "policy", "rule", "order", "amendment", "building", "hall",
                "street", "avenue", "park", "station", "airport", "bridge", "tunnel", "capitol", "code", "number",
                "status", "arrivals", "languages", "initiative", "standards", "resolution", "fellowship"});
}

bool IsShortGovKey(std::string_view k) {
  return In(k, {"congress", "senate", "assembly", "legislature", "house", "general assembly", "house of representatives",
                "state senate", "state assembly", "state legislature", "city council", "council", "board",
                "general court"});
}

struct Seg {
  std::size_t s, e;  // token indices, inclusive
};

}  // namespace

Status OrgKnowledge::Load(const KnowledgeFiles& files) {
  Status st = files.ForEachRecord("agencies.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.empty() || f[0].empty()) return Status::Corruption("agencies.tsv:" + std::to_string(line) + ": empty name");
    Agency a{std::string(f[0]), f.size() > 2 ? std::string(f[2]) : std::string()};
    std::size_t idx = agencies_.size();
    agencies_.push_back(a);
    agency_keys_.emplace(FoldKey(f[0]), idx);
    if (f.size() > 1) {
      std::string_view al = f[1];
      while (!al.empty()) {
        std::size_t bar = al.find('|');
        std::string_view one = al.substr(0, bar);
        if (!one.empty()) agency_keys_.emplace(FoldKey(one), idx);
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

void FindOrganizations(std::string_view text, const std::vector<Tok>& toks, const WordTables& words,
                       const OrgKnowledge& kb, const DocContext& ctx, const std::vector<TextSpan>& taken,
                       std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans) {
  const std::size_t n = toks.size();
  std::vector<std::string> fold(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (toks[i].kind != TokKind::kPunct) fold[i] = FoldTok(text, toks[i]);
  }
  auto is_cap = [&](std::size_t i) {
    return i < n && toks[i].kind == TokKind::kWord && (toks[i].cap || toks[i].allcaps) &&
           !OverlapsAny(taken, toks[i].begin, toks[i].end);
  };
  auto is_org_word_at = [&](std::size_t k, std::size_t s) {
    WordTables::OrgWordPos p = words.OrgWord(fold[k]);
    if (p == WordTables::kAny) return true;
    if (p == WordTables::kEnd) return k > s;
    if (p == WordTables::kStart) return k == s;
    return false;
  };
  auto has_org_word = [&](std::size_t s, std::size_t e) {
    for (std::size_t k = s; k <= e; ++k) {
      if (toks[k].kind == TokKind::kWord && is_org_word_at(k, s)) return true;
      if (toks[k].kind == TokKind::kNumber && k > s && fold[k - 1] == "local") return true;
    }
    return false;
  };
  const std::string publisher_key = FoldKey(ctx.publisher);
  std::string region = ctx.region;

  EntitySet set;
  std::unordered_map<std::string, std::size_t> acronyms;  // folded acronym -> entity
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
      acronyms.emplace(fold[a], idx);
    }
    return idx;
  };

  auto classify = [&](Seg g) {
    // knowledge first, on the whole segment
    std::string key = FoldKey(surface_of(g));
    if (const OrgKnowledge::Agency* a = kb.FindAgency(key, region)) {
      add_org(a->canonical, g);
      return;
    }
    // strip leading noise and leading titles ("Director of Policy at the ...")
    while (g.s <= g.e) {
      bool office;
      int m = toks[g.s].kind == TokKind::kWord ? words.MatchTitle(text, toks, g.s, &office) : 0;
      if (m > 0 && g.s + m <= g.e && !toks[g.s + m - 1].possessive) {
        g.s += m;
      } else if (toks[g.s].kind == TokKind::kPunct || IsLeadNoise(fold[g.s]) || IsConnector(fold[g.s])) {
        ++g.s;
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
    if (IsShortGovKey(key)) {
      shorts.push_back({key, std::string(surface_of(g)), {toks[g.s].begin, toks[g.e].end}});
      return;
    }
    if (IsNonOrgTail(fold[g.e])) return;
    bool org = (g.e > g.s && has_org_word(g.s, g.e)) || (!publisher_key.empty() && key == publisher_key);
    if (!org && g.e > g.s && acronym_after(g.e)) org = true;
    if (!org && g.s == g.e && words.OrgWord(fold[g.s]) == WordTables::kNone && acronym_after(g.e) &&
        toks[g.s].cap)
      org = false;
    if (org) add_org(std::string(surface_of(g)), g);
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
      if (t.kind == TokKind::kNumber && fold[last] == "local") { last = j; ++j; continue; }
      if (t.kind == TokKind::kPunct && (t.punct == '&' || t.punct == '+') && is_cap(j + 1) &&
          !toks[j + 1].newline_before) {
        last = j + 1; j += 2; continue;
      }
      if (t.kind == TokKind::kPunct && t.punct == '-' && !t.space_before && is_cap(j + 1) &&
          !toks[j + 1].space_before) {
        last = j + 1; j += 2; continue;
      }
      if (t.kind == TokKind::kWord && !t.cap && IsConnector(fold[j])) {
        std::size_t k = j;
        int c = 0;
        while (k < n && c < 2 && toks[k].kind == TokKind::kWord && !toks[k].cap && IsConnector(fold[k])) { ++k; ++c; }
        if (!is_cap(k) || toks[k].newline_before) break;
        const std::string& conn = fold[j];
        if (conn == "and" || conn == "y") {
          if (words.OrgWord(fold[last]) != WordTables::kNone || fold[j + 1] == "the" || toks[k].allcaps) break;
        }
        if (conn == "at" && !In(fold[last], {"university", "college", "school"})) break;
        // "... Court on Monday": a date, not part of the name
        if (conn == "on" && In(fold[k], {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "january", "february", "march", "april", "may", "june", "july", "august",
                                         "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                         "aug", "sept", "oct", "nov", "dec"}))
          break;
        if (conn == "the" || conn == "la" || conn == "las" || conn == "los") break;
        last = k; j = k + 1; continue;
      }
      break;
    }
    // split at a title followed by a name: the part before is a candidate
    std::size_t seg_start = a;
    for (std::size_t k = a; k <= last; ++k) {
      if (toks[k].kind != TokKind::kWord) continue;
      bool office;
      int m = words.MatchTitle(text, toks, k, &office);
      if (m == 0) continue;
      std::size_t nx = k + m;
      if (toks[nx - 1].possessive || nx > last) continue;
      if (toks[nx].kind != TokKind::kWord || !toks[nx].cap || words.OrgWord(fold[nx]) != WordTables::kNone) continue;
      if (k > seg_start) classify({seg_start, k - 1});
      seg_start = last + 1;  // the rest is a person (people finder)
      break;
    }
    if (seg_start <= last) classify({seg_start, last});
    i = last + 1;
  }

  // acronyms: defined ones, then known agencies
  for (std::size_t i = 0; i < n; ++i) {
    if (!toks[i].allcaps || OverlapsAny(taken, toks[i].begin, toks[i].end)) continue;
    auto it = acronyms.find(fold[i]);
    if (it != acronyms.end()) {
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
  std::string gov_region = region.empty() || region == "DC" ? "US" : region;
  for (const ShortRef& r : shorts) {
    long found = -1;
    std::string tail = " " + r.key;
    for (std::size_t k = 0; k < set.entities().size(); ++k) {
      std::string name = FoldKey(set.entities()[k].name);
      bool match = name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
      if (!match && (r.key == "board" || r.key == "council")) match = name.find(tail + " ") != std::string::npos;
      if (match) { found = static_cast<long>(k); break; }
    }
    std::string canonical;
    if (found < 0) {
      if (r.key == "congress") canonical = kb.GovBody("US", r.key);
      else if (r.key == "council" || r.key == "city council") {
        if (!ctx.city.empty()) canonical = ctx.city == "New York" ? "New York City Council" : ctx.city + " City Council";
      } else if (r.key != "board") {
        canonical = kb.GovBody(gov_region, r.key);
      }
      if (canonical.empty()) continue;
      found = static_cast<long>(set.Get(canonical));
    }
    set.AddAlias(static_cast<std::size_t>(found), r.surface);
    mention_spans->push_back(r.span);
  }
  *out = std::move(set.entities());
}

}  // namespace amicus::internal
