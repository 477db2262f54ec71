#include "extract/people.h"
#include "extract/knowledge_base.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <cstring>

#include "extract/places.h"

namespace amicus::internal {
namespace {

// Lengths of the literals are known at compile time (no strlen per call).
bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view s : list) {
    if (w == s) return true;
  }
  return false;
}

// Capitalized words that are never part of a personal name. Asked of every
// word of a release: a hash lookup, not a walk over the list.
bool IsNonNameWord(std::string_view f) {
  static const StringSet kNonName = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "new", "city",
      "county", "state", "states", "united", "north", "south", "east", "west", "the", "a", "an", "in",
      "on", "at", "for", "this", "that", "today", "yesterday", "we", "i", "it", "our", "they", "he", "she",
      "his", "her", "but", "and", "if", "when", "while", "after", "before", "since", "under", "according",
      "federal", "national", "american", "act", "law", "day", "island", "heights", "park",
      "avenue", "street", "road", "valley", "lake", "lakes", "river", "mount", "fort", "saint", "st",
      "hoy", "el", "la", "los", "las", "nueva", "ley", "program", "capitol", "hall", "building", "fiscal",
      "year", "budget", "executive", "democrat", "republican", "democrats", "republicans", "latino",
      "latina", "immigrant", "immigrants", "dream", "english", "spanish", "asylum", "side", "expressway",
      "highway", "parkway", "boulevard", "blvd", "bridge", "tunnel", "square", "plaza", "zona", "norte",
      "centro", "center", "detention", "detencion", "northeast", "northwest", "southeast", "southwest",
      "downtown", "upper", "lower", "greater", "central"};
  return kNonName.Contains(f);
}

bool IsSpeechVerb(std::string_view f) {
  static const StringSet kWords{"said", "says", "told", "testified", "added", "wrote", "dijo", "declaro", "afirmo",
      "explico", "anadio", "agrego", "senalo", "indico", "aseguro", "expreso", "sostuvo"};
  return kWords.Contains(f);
}

std::vector<std::string> SplitComma(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t c = s.find(',');
    std::string_view one = s.substr(0, c);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    if (!one.empty()) out.emplace_back(one);
    if (c == std::string_view::npos) break;
    s.remove_prefix(c + 1);
  }
  return out;
}

}  // namespace

Status PeopleKnowledge::Load(const KnowledgeFiles& files, const Lexicon&) {
  return files.ForEachRecord("officeholders.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 2) {
      return Status::Corruption("officeholders.tsv:" + std::to_string(line) +
                                ": expected name<TAB>surname<TAB>titles<TAB>context<TAB>bare");
    }
    Officeholder o;
    o.name = std::string(f[0]);
    o.surname = std::string(f[1]);
    if (f.size() > 2) for (const std::string& t : SplitComma(f[2])) o.titles.push_back(FoldKey(t));
    if (f.size() > 3) o.context = SplitComma(f[3]);
    o.bare = f.size() > 4 && f[4] == "yes";
    by_surname_.emplace(FoldKey(o.surname), people_.size());
    surnames_.Insert(FoldKey(o.surname));
    full_names_.Emplace(FoldKey(o.name), people_.size());
    people_.push_back(std::move(o));
    return Status::OK();
  });
}

std::vector<const PeopleKnowledge::Officeholder*> PeopleKnowledge::BySurname(const std::string& key) const {
  std::vector<const Officeholder*> out;
  auto r = by_surname_.equal_range(key);
  for (auto it = r.first; it != r.second; ++it) out.push_back(&people_[it->second]);
  return out;
}

void FindPeople(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
                const WordTables& words, const PeopleKnowledge& kb, const Gazetteer* places, const DocContext& ctx,
                const std::vector<TextSpan>& taken, std::vector<NamedEntity>* out,
                std::vector<TextSpan>* mention_spans) {
  std::vector<TextSpan> spans;
  const std::size_t n = toks.size();
  // title length at each token, computed on first use: -1 = not yet
  std::vector<signed char> title_len(n, -1);
  std::vector<bool> title_office(n, false);
  auto title_at = [&](std::size_t i, bool* office) {
    if (title_len[i] < 0) {
      bool o = false;
      title_len[i] = static_cast<signed char>(toks[i].kind == TokKind::kWord ? words.MatchTitle(toks, fold, i, &o) : 0);
      title_office[i] = o;
    }
    *office = title_office[i];
    return static_cast<int>(title_len[i]);
  };
  std::vector<char> in_taken;
  MarkTaken(toks, taken, &in_taken);
  // whether each token can be part of a personal name, decided once
  std::vector<char> is_name(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (toks[i].kind != TokKind::kWord || !toks[i].cap || in_taken[i]) continue;
    if (toks[i].allcaps && (toks[i].end - toks[i].begin) > 2) continue;
    if (words.OrgWord(fold[i]) != WordTables::kNone) continue;
    is_name[i] = !IsNonNameWord(fold[i]);
  }
  auto name_tok = [&](std::size_t i) { return i < n && is_name[i] != 0; };
  // Extends a run of name tokens from s; returns the index past it.
  // Token i-1 is the end of a longer personal name (not a title).
  auto follows_name = [&](std::size_t i) {
    if (i == 0 || !name_tok(i - 1) || toks[i].newline_before || !toks[i].space_before) return false;
    for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
      bool office;
      if (title_at(i - back, &office) == static_cast<int>(back)) return false;
    }
    return true;
  };
  auto run_end = [&](std::size_t s) {
    std::size_t e = s;
    while (e < n && name_tok(e) && (e == s || (!toks[e].newline_before && toks[e].space_before))) {
      bool office;
      if (e > s && title_at(e, &office) > 0) break;
      if (e > s && toks[e - 1].possessive) break;
      ++e;
    }
    return e;
  };

  EntitySet set;
  // Full names by surname key, the first one seen for each surname: a later
  // bare surname refers to it. A map, so a long release with many mentions
  // stays linear.
  StringTable<std::size_t> fulls;
  struct TitledSurname {
    std::size_t title_begin, tok;
    bool office;
  };
  std::vector<TitledSurname> titled;

  auto add_full = [&](std::size_t s, std::size_t e) {  // [s, e)
    std::string_view surf = text.substr(toks[s].begin, toks[e - 1].end - toks[s].begin);
    std::string key = FoldKey(surf);
    std::string canonical(surf);
    if (kb.IsFullName(key)) {
      for (const PeopleKnowledge::Officeholder* o : kb.BySurname(fold[e - 1])) {
        if (FoldKey(o->name) == key) canonical = o->name;
      }
    }
    std::size_t idx = set.Get(canonical);
    set.AddAlias(idx, surf);
    fulls.Emplace(fold[e - 1], idx);
    spans.push_back({toks[s].begin, toks[e - 1].end});
  };

  for (std::size_t i = 0; i < n;) {
    bool office = false;
    int m = title_at(i, &office);
    // Stacked titles ("Superintendent Dr. Tonja M. Williams") all go.
    while (m > 0 && i + m < n && !toks[i + m - 1].possessive && !toks[i + m].newline_before) {
      bool o2;
      int m2 = title_at(i + m, &o2);
      if (m2 == 0) break;
      m += m2;
    }
    if (m > 0 && !toks[i + m - 1].possessive && name_tok(i + m) && !toks[i + m].newline_before) {
      std::size_t s = i + m, e = run_end(s);
      if (e - s >= 2 && e - s <= 4) add_full(s, e);
      else if (e - s == 1) titled.push_back({toks[i].begin, s, office});
      i = e;
      continue;
    }
    if (!name_tok(i)) { ++i; continue; }
    std::size_t s = i, e = run_end(s);
    i = e;
    if (e - s < 2 || e - s > 4) continue;
    std::string key = FoldKey(text.substr(toks[s].begin, toks[e - 1].end - toks[s].begin));
    bool evidence = kb.IsFullName(key);
    if (!evidence) {
      // Places read like names ("San Pedro Sula, said ..."); so do parts of
      // a place after a possessive ("Chicago’s Southwest Side") and names
      // after an article ("near the Gowanus Expressway, ...").
      if (places != nullptr && places->IsPlaceName(key)) continue;
      if (s > 0 && toks[s - 1].possessive && toks[s - 1].cap) continue;
      // the end of a longer name: "Centro de Detención Montaña Franklin"
      if (s > 1 && !toks[s - 1].cap && In(fold[s - 1], {"of", "de", "del"}) && toks[s - 2].cap) continue;
      if (s > 0 && toks[s - 1].kind == TokKind::kWord && toks[s - 1].cap && !toks[s].newline_before &&
          In(fold[s - 1], {"detention", "detencion", "center", "centro", "correctional", "processing"}))
        continue;
      if (s > 0 && toks[s - 1].kind == TokKind::kWord && !toks[s - 1].cap && In(fold[s - 1], {"the", "a", "an"}))
        continue;
    }
    if (!evidence && s > 0) {
      const Tok& p = toks[s - 1];
      if (p.kind == TokKind::kWord && IsSpeechVerb(fold[s - 1])) evidence = true;
      if (p.kind == TokKind::kWord && fold[s - 1] == "to" && s > 1 && fold[s - 2] == "according") evidence = true;
      if (p.kind == TokKind::kPunct && p.punct == ':' && s > 1 && In(fold[s - 2], {"contact", "contacto", "media contact"}))
        evidence = true;
    }
    if (!evidence && e < n) {
      const Tok& x = toks[e];
      if (x.kind == TokKind::kWord && IsSpeechVerb(fold[e])) evidence = true;
      if (x.kind == TokKind::kPunct && x.punct == ',' && e + 1 < n) {
        const Tok& y = toks[e + 1];
        bool o2;
        if (y.kind == TokKind::kNumber || (y.kind == TokKind::kWord && !y.cap) || title_at(e + 1, &o2) > 0)
          evidence = true;
      }
      if (x.kind == TokKind::kPunct && x.punct == '(' && e + 1 < n && In(fold[e + 1], {"d", "r", "i"}))
        evidence = true;
    }
    if (evidence) add_full(s, e);
  }

  // Later mentions: bare surnames and title + surname.
  auto title_before = [&](std::size_t i, std::size_t* begin) {
    for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
      bool office;
      int m = title_at(i - back, &office);
      if (m == static_cast<int>(back) && office) { *begin = toks[i - back].begin; return true; }
    }
    return false;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (toks[i].kind != TokKind::kWord || !toks[i].cap) continue;
    const std::size_t* full = fulls.Find(fold[i]);
    if (full == nullptr || follows_name(i)) continue;  // not a known surname, or part of a full name
    const std::size_t idx = *full;  // (a copy: the table may grow below)
    set.AddAlias(idx, TokText(text, toks[i]));
    spans.push_back({toks[i].begin, toks[i].end});
    std::size_t b;
    if (title_before(i, &b)) set.AddAlias(idx, text.substr(b, toks[i].end - b));
  }

  // Real officeholders named by surname alone.
  auto context_ok = [&](const PeopleKnowledge::Officeholder* o) {
    if (o->context.empty()) return true;
    for (const std::string& c : o->context) {
      if (c == ctx.city || c == ctx.region || text.find(c) != std::string_view::npos) return true;
    }
    return false;
  };
  auto known_surname = [&](const std::string& key) {
    return fulls.Contains(key);
  };
  for (const TitledSurname& t : titled) {
    const std::string& key = fold[t.tok];
    if (known_surname(key)) continue;
    std::string title_key = FoldKey(text.substr(t.title_begin, toks[t.tok].begin - t.title_begin));
    for (const PeopleKnowledge::Officeholder* o : kb.BySurname(key)) {
      bool title_ok = o->titles.empty();
      for (const std::string& tk : o->titles) title_ok = title_ok || tk == title_key;
      if (!title_ok || !context_ok(o)) continue;
      std::size_t idx = set.Get(o->name);
      set.AddAlias(idx, text.substr(t.title_begin, toks[t.tok].end - t.title_begin));
      set.AddAlias(idx, TokText(text, toks[t.tok]));
      fulls.Emplace(key, idx);
      spans.push_back({toks[t.tok].begin, toks[t.tok].end});
      break;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (toks[i].kind != TokKind::kWord || !toks[i].cap || known_surname(fold[i])) continue;
    if (!kb.HasSurname(fold[i]) || follows_name(i)) continue;
    for (const PeopleKnowledge::Officeholder* o : kb.BySurname(fold[i])) {
      if (!o->bare || !context_ok(o)) continue;
      std::size_t idx = set.Get(o->name);
      set.AddAlias(idx, TokText(text, toks[i]));
      fulls.Emplace(fold[i], idx);
      spans.push_back({toks[i].begin, toks[i].end});
      break;
    }
  }
  *out = std::move(set.entities());
  if (mention_spans != nullptr) mention_spans->insert(mention_spans->end(), spans.begin(), spans.end());
}

void PeopleFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  // A surname ("Paxton", "Ferguson") is not a place: the spans are claimed.
  std::vector<TextSpan> spans;
  FindPeople(doc.text, *doc.toks, *doc.fold, kb_.words, kb_.people, kb_.places.get(), doc.ctx, claims->taken,
             &out->people, &spans);
  claims->Take(spans);
}

}  // namespace amicus::internal
