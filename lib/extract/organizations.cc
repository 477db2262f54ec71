// The organization finder (organizations.h). FindOrganizations runs one
// OrgScan over a release: a pass over capitalized runs (RunEnd joins a run's
// words, SplitAtTitle cuts off a title and a person's name, Classify decides
// what each candidate is), then the later mentions of found organizations,
// the acronyms, the short references to government bodies and the merging
// of short forms. Every word a rule consults is an org.* class of
// data/knowledge/words_orgs.tsv (OrgWords); docs/extraction.md lists them.
#include "extract/organizations.h"
#include "amicus/text.h"
#include "extract/knowledge_base.h"

#include <algorithm>
#include <cstring>

#include "extract/places.h"

namespace amicus::internal {

using namespace std::string_view_literals;

namespace {

OrgWords::Phrase SplitPhrase(std::string_view s) {
  OrgWords::Phrase words;
  while (!s.empty()) {
    const std::size_t sp = s.find(' ');
    if (sp != 0) words.emplace_back(s.substr(0, sp));
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
  return words;
}

// A class of phrases, each split into its words.
Status LoadPhrases(const Lexicon& lexicon, std::string_view name, std::vector<OrgWords::Phrase>* out) {
  const std::vector<std::string>* list = nullptr;
  Status s = lexicon.List(name, &list);
  if (!s.ok()) return s;
  for (const std::string& e : *list) out->push_back(SplitPhrase(e));
  return Status::OK();
}

// The value of `key` in mapping class `name`.
Status LoadForm(const Lexicon& lexicon, std::string_view name, std::string_view key, std::string* out) {
  const StringTable<std::string>* map = nullptr;
  Status s = lexicon.Map(name, &map);
  if (!s.ok()) return s;
  const std::string* v = map->Find(key);
  if (v == nullptr) return Status::NotFound("word class " + std::string(name) + " lacks " + std::string(key));
  *out = *v;
  return Status::OK();
}

}  // namespace

Status OrgWords::Load(const Lexicon& lexicon) {
  Status s0;
  const std::pair<const char*, const StringSet**> sets[] = {
      {"org.connector", &connector},
      {"org.lead_noise", &lead_noise},
      {"org.non_org_tail", &non_org_tail},
      {"org.short_gov_key", &short_gov_key},
      {"org.event_word", &event_word},
      {"org.confinement_word", &confinement_word},
      {"org.confinement_tail", &confinement_tail},
      {"org.confinement_head", &confinement_head},
      {"org.program_noun", &program_noun},
      {"org.type_noun", &type_noun},
      {"org.funded_thing_tail", &funded_thing_tail},
      {"org.amount_word", &amount_word},
      {"org.article", &article},
      {"org.spanish_article", &spanish_article},
      {"org.appositive_article", &appositive_article},
      {"org.appositive_stop", &appositive_stop},
      {"org.of_word", &of_word},
      {"org.affiliation_word", &affiliation_word},
      {"org.and_word", &and_word},
      {"org.article_after_and", &article_after_and},
      {"org.campus_connector", &campus_connector},
      {"org.campus_head", &campus_head},
      {"org.date_connector", &date_connector},
      {"org.date_word", &date_word},
      {"org.numbered_head", &numbered_head},
      {"org.chamber_word", &chamber_word},
      {"org.chamber_key", &chamber_key},
      {"org.short_unresolved", &short_unresolved},
      {"org.short_inner", &short_inner},
      {"org.short_national", &short_national},
      {"org.short_city", &short_city},
      {"org.spanish_of", &spanish_of},
      {"org.inspector_general_head", &inspector_general_head},
      {"org.committee_word", &committee_word},
      {"org.attorney_general_office", &attorney_general_office},
      {"org.company_form", &company_form},
      {"org.presidency_word", &presidency_word},
      {"org.indefinite_article", &indefinite_article},
      {"org.us_attorney_head", &us_attorney_head},
      {"org.us_attorney_plural", &us_attorney_plural},
      {"org.judicial_district_word", &judicial_district_word},
      {"org.district_direction", &district_direction},
      {"org.unit_connector", &unit_connector},
  };
  s0 = lexicon.List("org.congress_publisher", &congress_publisher);
  if (!s0.ok()) return s0;
  for (const auto& [name, ptr] : sets) {
    Status s = lexicon.Words(name, ptr);
    if (!s.ok()) return s;
  }
  const std::pair<const char*, const StringTable<std::string>**> maps[] = {
      {"org.body_english_key", &body_english_key},
      {"org.state_chamber_name", &state_chamber_name},
      {"org.city_council_name", &city_council_name},
  };
  for (const auto& [name, ptr] : maps) {
    Status s = lexicon.Map(name, ptr);
    if (!s.ok()) return s;
  }
  const std::pair<const char*, std::vector<Phrase>*> phrases[] = {
      {"org.funded_lead", &funded_lead},
      {"org.council_head_es", &council_head_es},
      {"org.county_lead_es", &county_lead_es},
      {"org.city_lead_es", &city_lead_es},
      {"org.agency_unit_tail", &agency_unit_tail},
  };
  for (const auto& [name, ptr] : phrases) {
    Status s = LoadPhrases(lexicon, name, ptr);
    if (!s.ok()) return s;
  }
  const std::vector<std::string>* bodies = nullptr;
  Status s = lexicon.List("org.spanish_body", &bodies);
  if (!s.ok()) return s;
  for (const std::string& e : *bodies) {
    const std::size_t eq = e.find('=');
    if (eq == std::string::npos) return Status::Corruption("org.spanish_body: expected head=English name: " + e);
    spanish_body.push_back({SplitPhrase(std::string_view(e).substr(0, eq)), e.substr(eq + 1)});
  }
  const std::pair<const char*, std::string*> forms[] = {
      {"county", &county_form},
      {"city_council", &city_council_form},
      {"inspector_general", &inspector_general_form},
      {"attorney_general_before", &attorney_general_before_form},
      {"attorney_general_after", &attorney_general_after_form},
      {"us_attorney_office", &us_attorney_office_form},
  };
  for (const auto& [key, ptr] : forms) {
    s = LoadForm(lexicon, "org.name_form", key, ptr);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status OrgKnowledge::Load(const KnowledgeFiles& files, const Lexicon& lexicon) {
  Status st = words_.Load(lexicon);
  if (st.ok()) st = LoadAgencies(files);
  if (st.ok()) st = LoadPublicTables(files);
  if (!st.ok()) return st;
  return files.ForEachRecord("gov_bodies.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 3) return Status::Corruption("gov_bodies.tsv:" + std::to_string(line) + ": expected region<TAB>short<TAB>canonical");
    gov_bodies_[std::string(f[0]) + "|" + FoldKey(f[1])] = std::string(f[2]);
    return Status::OK();
  });
}

namespace {

// The '|'-separated names of a field, appended to `out`.
void SplitNames(std::string_view al, std::vector<std::string_view>* out) {
  while (!al.empty()) {
    std::size_t bar = al.find('|');
    std::string_view one = al.substr(0, bar);
    if (!one.empty()) out->push_back(one);
    if (bar == std::string_view::npos) break;
    al.remove_prefix(bar + 1);
  }
}

bool IsAcronymName(std::string_view s) {
  return s.size() >= 2 && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

// agencies.tsv: the hand-kept names, canonical as the guideline writes them.
Status OrgKnowledge::LoadAgencies(const KnowledgeFiles& files) {
  return files.ForEachRecord("agencies.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.empty() || f[0].empty()) return Status::Corruption("agencies.tsv:" + std::to_string(line) + ": empty name");
    std::vector<std::string_view> names{f[0]};
    if (f.size() > 1) SplitNames(f[1], &names);
    AddNamed(names, f.size() > 2 ? std::string(f[2]) : std::string(), false, false);
    return Status::OK();
  });
}

// The public tables (federal_agencies.tsv, international_orgs.tsv,
// committees.tsv): each row's names, screened (ScreenedOut).
Status OrgKnowledge::LoadPublicTables(const KnowledgeFiles& files) {
  Status st = files.ForEachRecord("org_words.tsv", [&](const std::vector<std::string_view>& f, int) {
    if (!f.empty() && f[0].find(' ') == std::string_view::npos) screen_org_words_.Insert(FoldKey(f[0]));
    return Status::OK();
  });
  // file, and the columns holding other names (after the name in column 0)
  const std::pair<const char*, std::vector<std::size_t>> tables[] = {
      {"federal_agencies.tsv", {2, 3}}, {"international_orgs.tsv", {1, 2}}, {"committees.tsv", {3}}};
  for (const auto& table : tables) {
    if (!st.ok()) break;
    // Named copies: a lambda may not capture structured bindings in C++17.
    const char* const file = table.first;
    const std::vector<std::size_t>& cols = table.second;
    // a name on two rows ("Judiciary Committee" of both chambers) names neither
    std::unordered_map<std::string, int> rows_of;
    std::vector<std::vector<std::string_view>> rows;
    st = files.ForEachRecord(file, [&](const std::vector<std::string_view>& f, int line) {
      if (f.empty() || f[0].empty()) return Status::Corruption(std::string(file) + ":" + std::to_string(line) + ": empty name");
      std::vector<std::string_view> names{f[0]};
      for (std::size_t c : cols) {
        if (c < f.size()) SplitNames(f[c], &names);
      }
      // committees go by their chamber's short form, as releases write
      // them: "House Judiciary Committee", "House Subcommittee on X" (the
      // table's first, resp. second, other name)
      const bool committee = std::string_view(file) == "committees.tsv"sv;
      const std::size_t chamber_form = committee ? (f.size() > 2 && !f[2].empty() ? 2 : 1) : 0;
      if (chamber_form > 0 && chamber_form < names.size()) std::swap(names[0], names[chamber_form]);
      for (std::size_t k = 1; k < names.size(); ++k) ++rows_of[FoldKey(names[k])];
      rows.push_back(std::move(names));
      return Status::OK();
    });
    for (std::vector<std::string_view>& names : rows) {
      names.erase(std::remove_if(names.begin() + 1, names.end(),
                                 [&](std::string_view n) { return rows_of[FoldKey(n)] > 1; }),
                  names.end());
      // "Office of Inspector General (DHS)": the row's other names name it
      if (names[0].find('(') != std::string_view::npos) names.erase(names.begin());
      // the guideline writes "U.S. X" for "United States X" where the table has both
      constexpr std::string_view kUnitedStates = "United States ", kUS = "U.S. ";
      for (std::size_t k = 1; !names.empty() && names[0].substr(0, kUnitedStates.size()) == kUnitedStates && k < names.size(); ++k) {
        if (names[k].substr(0, kUS.size()) == kUS && names[k].substr(kUS.size()) == names[0].substr(kUnitedStates.size()))
          std::swap(names[0], names[k]);
      }
      if (!names.empty()) AddNamed(names, std::string(), true, std::string_view(file) == "committees.tsv"sv);
    }
  }
  return st;
}

// Names of public tables that releases use for other things: marked
// "(ambiguous)", written in lower case ("immigration courts"), a short
// name's body named by place ("General Assembly"), and names of one or two
// words without an organization word ("Social Security", "Homeland
// Security": the program or the field, not the body). Acronyms stay.
bool OrgKnowledge::ScreenedOut(std::string_view name) const {
  if (name.find('(') != std::string_view::npos) return true;
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') return true;
  if (IsAcronymName(name)) return false;
  const std::string key = FoldKey(name);
  if (words_.short_gov_key->Contains(key)) return true;
  int n_words = 0;
  bool org_word = false;
  for (std::size_t p = 0; p <= key.size();) {
    std::size_t sp = key.find(' ', p);
    if (sp == std::string::npos) sp = key.size();
    if (sp > p) {
      ++n_words;
      org_word = org_word || screen_org_words_.Contains(std::string_view(key).substr(p, sp - p));
    }
    p = sp + 1;
  }
  return n_words < 3 && !org_word;
}

void OrgKnowledge::AddNamed(const std::vector<std::string_view>& names, const std::string& region, bool screen,
                            bool committee) {
  // a body already known by one of the names keeps its canonical name
  std::size_t idx = agencies_.size();
  for (std::string_view n : names) {
    auto range = agency_keys_.equal_range(FoldKey(n));
    for (auto it = range.first; it != range.second && idx == agencies_.size(); ++it) {
      if (agencies_[it->second].region == region) idx = it->second;
    }
    if (idx != agencies_.size()) break;
  }
  if (idx == agencies_.size()) agencies_.push_back({std::string(names[0]), region, std::string(), committee});
  for (std::size_t k = 0; k < names.size(); ++k) {
    std::string_view one = names[k];
    if (screen && k > 0 && ScreenedOut(one)) continue;
    std::string key = FoldKey(one);
    // a name already naming another body of the same region stays with it
    bool taken = false;
    auto range = agency_keys_.equal_range(key);
    for (auto it = range.first; it != range.second; ++it) taken = taken || agencies_[it->second].region == region;
    if (!taken) {
      agency_keys_.emplace(key, idx);
      agency_key_set_.Insert(key);
    }
    (IsAcronymName(one) ? acronym_keys_ : word_name_keys_).Insert(key);
    if (agencies_[idx].acronym.empty() && k > 0 && IsAcronymName(one)) agencies_[idx].acronym = std::string(one);
    const std::size_t comma = key.find(',');
    if (comma != std::string::npos && comma > 0) comma_prefixes_.Insert(key.substr(0, comma));
  }
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


namespace {

struct Seg {
  std::size_t s, e;  // token indices, inclusive
};

// USPS code of a state named by `surface` ("Georgia", "Carolina del Norte"), or "".
std::string StateCodeOf(const Gazetteer& g, std::string_view surface) {
  std::string_view code = g.StateCode(FoldPlaceKey(surface));
  if (!code.empty()) return std::string(code);
  PlaceInfo info;
  if (g.Lookup(surface, "", &info) && info.kind == PlaceKind::kState) return info.state;
  return std::string();
}

// One release's search for organizations (FindOrganizations): the state of
// one run, a method per rule.
class OrgScan {
 public:
  OrgScan(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
          const WordTables& words, const OrgKnowledge& kb, const DocContext& ctx, const std::vector<TextSpan>& taken,
          std::vector<TextSpan>* mention_spans, const PeopleKnowledge* people)
      : text_(text), toks_(toks), fold_(fold), n_(toks.size()), words_(words), kb_(kb), w_(kb.words()), ctx_(ctx),
        region_(ctx.region), publisher_key_(FoldKey(ctx.publisher)), english_(ctx.language != "es"sv),
        mention_spans_(mention_spans), people_(people) {
    MarkTaken(toks, taken, &in_taken_);
    for (const std::string& p : *w_.congress_publisher) congress_publisher_ = congress_publisher_ || publisher_key_.find(p) != std::string::npos;
    state_committees_ = !ctx_.state_name.empty() && !congress_publisher_;
  }

  void Run(std::vector<NamedEntity>* out);

 private:
  struct ShortRef {
    std::string key, surface;
    TextSpan span;
  };
  struct Rejected {
    std::string key;
    Seg seg;
  };

  // --- tokens
  bool IsCap(std::size_t i) const {
    return i < n_ && toks_[i].kind == TokKind::kWord && (toks_[i].cap || toks_[i].allcaps) && !in_taken_[i];
  }
  bool IsOrgWordAt(std::size_t k, std::size_t s) const;
  bool HasOrgWord(std::size_t s, std::size_t e) const;
  // Lower-case word token k is in `set`.
  bool LowerIn(std::size_t k, const StringSet& set) const {
    return toks_[k].kind == TokKind::kWord && !toks_[k].cap && set.Contains(fold_[k]);
  }
  // The words of `p` are the word tokens from k on, all before `end`.
  bool PhraseAt(const OrgWords::Phrase& p, std::size_t k, std::size_t end) const;
  // Length of the first phrase of `ps` at k (before `end`), or 0.
  std::size_t AnyPhraseAt(const std::vector<OrgWords::Phrase>& ps, std::size_t k, std::size_t end) const;
  bool MoneyBefore(std::size_t k) const;
  std::string_view Surface(const Seg& g) const {
    return text_.substr(toks_[g.s].begin, toks_[g.e].end - toks_[g.s].begin);
  }
  std::size_t AcronymAfter(std::size_t e) const;
  std::size_t AddOrg(const std::string& canonical, const Seg& g);
  std::string CityCouncil(const std::string& city) const;
  std::string EnglishBodyKey(const std::string& k) const {
    const std::string* v = w_.body_english_key->Find(k);
    return v != nullptr ? *v : k;
  }
  std::string StateBody(std::string_view code, const std::string& key) const;

  // --- pass 1: capitalized runs
  std::size_t RunEnd(std::size_t a) const;
  bool ConnectorJoins(std::size_t a, std::size_t last, std::size_t j, std::size_t* k) const;
  std::size_t SplitAtTitle(std::size_t a, std::size_t last);
  std::size_t SplitAtInitialName(std::size_t a, std::size_t last);
  std::size_t PastCommas(std::size_t a, std::size_t last) const;
  std::size_t PastKnownCommaName(std::size_t a, std::size_t last) const;
  std::size_t PastCommaList(std::size_t a, std::size_t last) const;
  bool IsInitial(std::size_t k) const {
    return toks_[k].kind == TokKind::kWord && toks_[k].cap && toks_[k].end - toks_[k].begin == 2 &&
           text_[toks_[k].begin + 1] == '.';
  }
  bool FieldOffice(const Seg& g);
  bool TrailingTitle(const Seg& g);
  // A title ends at token `last` of the run from a ("... District Attorney’s Office").
  bool TitleEndsAt(std::size_t a, std::size_t last) const {
    for (std::size_t k = a; k <= last; ++k) {
      bool office;
      // not after a connector: "Department of Justice’s Civil Rights Division"
      if (toks_[k].kind == TokKind::kWord && k + words_.MatchTitle(toks_, fold_, k, &office) == last + 1)
        return !(k > a && LowerIn(k - 1, *w_.connector));
    }
    return false;
  }
  bool AttorneyOffice(const Seg& g);
  bool JudicialDistrict(const Seg& g) const;
  const OrgKnowledge::Agency* KnownBody(const Seg& g, const std::string& key) const;
  bool PresidencyOf(const Seg& g) const;
  bool IndefiniteDesignation(const Seg& g, std::size_t g0) const;
  void Classify(Seg g);
  bool StripLead(Seg* g) const;
  bool PersonOf(const Seg& g);
  bool SpanishCouncil(const Seg& g);
  bool SpanishBody(const Seg& g);
  bool StateChamber(const Seg& g);
  bool AgencyUnit(const Seg& g);
  bool NotAnOrg(const Seg& g, std::size_t g0) const;
  bool IsOrg(const Seg& g, std::size_t g0, const std::string& key) const;
  bool AppositiveOrg(std::size_t e) const;
  std::string Canonical(const Seg& g, std::size_t g0) const;

  // --- later passes
  void AddRejectedMentions();
  void AddAcronymMentions();
  void ResolveShortRefs();
  long ShortRefInRelease(const std::string& key);
  std::string ShortRefByPlace(const std::string& key, const std::string& gov_region) const;
  void MergeShortForms(std::vector<NamedEntity>* out);

  const std::string_view text_;
  const std::vector<Tok>& toks_;
  const std::vector<std::string>& fold_;
  const std::size_t n_;
  const WordTables& words_;
  const OrgKnowledge& kb_;
  const OrgWords& w_;
  const DocContext& ctx_;
  const std::string& region_;
  const std::string publisher_key_;
  const bool english_;
  std::size_t attorney_offices_until_ = 0;  // end of the sentence naming "U.S. Attorney’s Offices"
  bool congress_publisher_ = false;  // a member or committee of Congress
  bool state_committees_ = false;    // "Senate Health Committee" is the state's
  std::vector<TextSpan>* mention_spans_;
  const PeopleKnowledge* people_;
  std::vector<char> in_taken_;

  EntitySet set_;
  StringTable<std::size_t> acronyms_;  // folded acronym -> entity
  std::vector<ShortRef> shorts_;
  std::vector<Rejected> rejected_;  // may still be later mentions of a found organization
};

bool OrgScan::IsOrgWordAt(std::size_t k, std::size_t s) const {
  WordTables::OrgWordPos p = words_.OrgWord(fold_[k]);
  if (p == WordTables::kAny) return true;
  if (p == WordTables::kEnd) return k > s;
  if (p == WordTables::kStart) return k == s || (k == s + 1 && w_.article->Contains(fold_[s]));
  return false;
}

bool OrgScan::HasOrgWord(std::size_t s, std::size_t e) const {
  for (std::size_t k = s; k <= e; ++k) {
    if (toks_[k].kind == TokKind::kWord && IsOrgWordAt(k, s)) return true;
    // two-word organization words ("Task Force")
    if (k > s && toks_[k].kind == TokKind::kWord && toks_[k - 1].kind == TokKind::kWord &&
        words_.OrgWordPair(fold_[k - 1], fold_[k]))
      return true;
    // a union local ("Local 32BJ")
    if (toks_[k].kind == TokKind::kNumber && k > s && w_.numbered_head->Contains(fold_[k - 1])) return true;
  }
  return false;
}

bool OrgScan::PhraseAt(const OrgWords::Phrase& p, std::size_t k, std::size_t end) const {
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (k + i >= end || toks_[k + i].kind != TokKind::kWord || fold_[k + i] != p[i]) return false;
  }
  return true;
}

std::size_t OrgScan::AnyPhraseAt(const std::vector<OrgWords::Phrase>& ps, std::size_t k, std::size_t end) const {
  for (const OrgWords::Phrase& p : ps) {
    if (PhraseAt(p, k, end)) return p.size();
  }
  return 0;
}

// Token k ends an amount ("$48 million", "$5.5M").
bool OrgScan::MoneyBefore(std::size_t k) const {
  if (toks_[k].kind == TokKind::kNumber) return true;
  return toks_[k].kind == TokKind::kWord && w_.amount_word->Contains(fold_[k]);
}

// Token index of an "(ACR)" acronym right after token e, or 0.
std::size_t OrgScan::AcronymAfter(std::size_t e) const {
  if (e + 3 < n_ + 1 && e + 2 < n_ && toks_[e + 1].kind == TokKind::kPunct && toks_[e + 1].punct == '(' &&
      toks_[e + 2].allcaps && e + 3 < n_ && toks_[e + 3].kind == TokKind::kPunct &&
      (toks_[e + 3].punct == ')' || toks_[e + 3].punct == ',') &&
      // "(R-NY)", "(CA-19)": a member's party and district, not an acronym
      TokText(text_, toks_[e + 2]).find('-') == std::string_view::npos)
    return e + 2;
  return 0;
}

// Adds a mention of `canonical` (and of the acronym defined right after it).
std::size_t OrgScan::AddOrg(const std::string& canonical, const Seg& g) {
  std::size_t idx = set_.Get(canonical);
  set_.AddAlias(idx, Surface(g));
  mention_spans_->push_back({toks_[g.s].begin, toks_[g.e].end});
  if (std::size_t a = AcronymAfter(g.e)) {
    set_.AddAlias(idx, TokText(text_, toks_[a]));
    acronyms_.Emplace(fold_[a], idx);
  }
  return idx;
}

// A city's council: "<city> City Council" unless the city is written specially.
std::string OrgScan::CityCouncil(const std::string& city) const {
  if (const std::string* special = w_.city_council_name->Find(city)) return *special;
  return city + " " + w_.city_council_form;
}

// Name of a state's chamber: the knowledge's name ("New York State Senate")
// or the usual "<State> Senate" / "<State> House of Representatives".
std::string OrgScan::StateBody(std::string_view code, const std::string& key) const {
  std::string known = kb_.GovBody(std::string(code), key);
  if (!known.empty()) return known;
  const Gazetteer& g = *ctx_.places;
  int st = g.StateEntry(code);
  if (st < 0) return std::string();
  const std::string* chamber = w_.state_chamber_name->Find(key);
  if (chamber == nullptr) return std::string();
  return g.entry(st).name + " " + *chamber;
}

void OrgScan::Run(std::vector<NamedEntity>* out) {
  for (std::size_t i = 0; i < n_;) {
    if (!IsCap(i)) {
      ++i;
      continue;
    }
    const std::size_t last = PastCommas(i, RunEnd(i));
    std::size_t seg_start = SplitAtInitialName(i, last);
    if (seg_start <= last) seg_start = SplitAtTitle(seg_start, last);
    if (seg_start <= last) Classify({seg_start, last});
    i = last + 1;
  }
  AddRejectedMentions();
  AddAcronymMentions();
  ResolveShortRefs();
  MergeShortForms(out);
}

// The last token of the name run starting at capitalized token a: its
// capitalized words, joined by connectors, '&', '+' and hyphens.
std::size_t OrgScan::RunEnd(std::size_t a) const {
  std::size_t last = a, j = a + 1;
  while (j < n_) {
    if (toks_[last].possessive) {
      // "Mayor’s Office" and "Committee on Veterans’ Affairs" (a plural's)
      // continue; "City Council’s Committee" and "ICE’s" stop
      const bool plural = !fold_[last].empty() && fold_[last].back() == 's' &&
                          text_.compare(toks_[last].end, 4, "\xE2\x80\x99s") != 0 &&
                          text_.compare(toks_[last].end, 2, "'s") != 0;
      if (toks_[last].allcaps || (HasOrgWord(a, last) && !plural && !TitleEndsAt(a, last)) || !IsCap(j) ||
          toks_[j].newline_before)
        break;
    }
    const Tok& t = toks_[j];
    if (t.newline_before) break;
    // "Committee on Veterans’ Affairs": a plural's possessive inside a name
    if (t.kind == TokKind::kPunct && !t.space_before && j + 1 < n_ && IsCap(j + 1) && !toks_[j + 1].newline_before &&
        !fold_[last].empty() && fold_[last].back() == 's' &&
        (text_.compare(t.begin, 3, "\xE2\x80\x99") == 0 || text_[t.begin] == '\'')) {
      last = j + 1;
      j += 2;
      continue;
    }
    if (IsCap(j)) {
      last = j;
      ++j;
      continue;
    }
    if (t.kind == TokKind::kNumber && w_.numbered_head->Contains(fold_[last])) {  // "Local 32BJ"
      last = j;
      ++j;
      continue;
    }
    if (t.kind == TokKind::kPunct && (t.punct == '&' || t.punct == '+') && IsCap(j + 1) &&
        !toks_[j + 1].newline_before) {
      last = j + 1;
      j += 2;
      continue;
    }
    // "Nassau–Suffolk", "Huston-Tillotson"; an em dash ends the name
    // ("Rochester, NY—The council ...")
    if (t.kind == TokKind::kPunct && t.punct == '-' && !t.space_before && IsCap(j + 1) &&
        !toks_[j + 1].space_before && text_.compare(t.begin, 3, "\xE2\x80\x94") != 0) {
      last = j + 1;
      j += 2;
      continue;
    }
    std::size_t k;
    if (t.kind == TokKind::kWord && !t.cap && w_.connector->Contains(fold_[j]) && ConnectorJoins(a, last, j, &k)) {
      last = k;
      j = k + 1;
      continue;
    }
    break;
  }
  return last;
}

// Lower-case connectors at j (one or two: "of the") inside the run a..last:
// true, with *k the capitalized word after them, when they join it to the
// run ("Office of Refugee Resettlement"); false when they end the name.
bool OrgScan::ConnectorJoins(std::size_t a, std::size_t last, std::size_t j, std::size_t* k_out) const {
  std::size_t k = j;
  int c = 0;
  while (k < n_ && c < 2 && toks_[k].kind == TokKind::kWord && !toks_[k].cap && w_.connector->Contains(fold_[k])) {
    ++k;
    ++c;
  }
  if (!IsCap(k) || toks_[k].newline_before) return false;
  const std::string& conn = fold_[j];
  // "and" joins two names when the first is complete, or before "the" or an acronym
  if (w_.and_word->Contains(conn)) {
    if (words_.OrgWord(fold_[last]) != WordTables::kNone || w_.article_after_and->Contains(fold_[j + 1]) ||
        toks_[k].allcaps)
      return false;
    // "House and Senate": two bodies
    if (w_.chamber_word->Contains(fold_[last]) && w_.chamber_word->Contains(fold_[k])) return false;
    // "Caucus Progresista y Caucus del Trabajo": a second name headed by an organization word
    if (words_.OrgWord(fold_[k]) >= WordTables::kStart && HasOrgWord(a, last)) return false;
  }
  if (w_.campus_connector->Contains(conn)) {
    // "University of Texas at San Antonio"; otherwise "at" ends the name
    bool campus = false;
    for (std::size_t k2 = a; k2 <= last && !campus; ++k2) campus = w_.campus_head->Contains(fold_[k2]);
    if (!campus) return false;
  }
  // "... Court on Monday": a date, not part of the name
  if (w_.date_connector->Contains(conn) && w_.date_word->Contains(fold_[k])) return false;
  // an article as the connector ends the name
  if (w_.article->Contains(conn)) return false;
  *k_out = k;
  return true;
}

// Splits the run a..last at a title followed by a name: the part before is
// classified here; returns the first token of what is left to classify
// (past the end when the rest is the person's name).
std::size_t OrgScan::SplitAtTitle(std::size_t a, std::size_t last) {
  std::size_t seg_start = a;
  for (std::size_t k = a; k <= last; ++k) {
    if (toks_[k].kind != TokKind::kWord) continue;
    bool office;
    int m = words_.MatchTitle(toks_, fold_, k, &office);
    if (m == 0) continue;
    std::size_t nx = k + m;
    if (toks_[nx - 1].possessive || nx > last) continue;
    // "Office of Worker Protections": a title after a connector is part of the name
    if (k > seg_start && LowerIn(k - 1, *w_.connector)) continue;
    if (toks_[nx].kind != TokKind::kWord || !toks_[nx].cap || words_.OrgWord(fold_[nx]) != WordTables::kNone) continue;
    if (k > seg_start) Classify({seg_start, k - 1});
    seg_start = last + 1;  // the person's name goes to the people finder
    // ... but not what follows it: "Pastor Ana Ruiz of Iglesia Roca Firme"
    std::size_t p = nx;
    while (p <= last && toks_[p].kind == TokKind::kWord && toks_[p].cap) ++p;
    if (p <= last && LowerIn(p, *w_.affiliation_word)) {
      while (p <= last && !toks_[p].cap) ++p;
      seg_start = p;
    }
    break;
  }
  return seg_start;
}

// A name run ended by a comma may go on past it: a known name with commas
// ("Bureau of Alcohol, Tobacco, Firearms and Explosives"), a list of the
// fields of an office ("Department of Children, Youth, and Families") or a
// company's legal form ("DPB Legal, PLLC").
std::size_t OrgScan::PastCommas(std::size_t a, std::size_t last) const {
  if (last + 2 >= n_ || toks_[last + 1].kind != TokKind::kPunct || toks_[last + 1].punct != ',' ||
      toks_[last + 2].newline_before)
    return last;
  if (toks_[last + 2].kind == TokKind::kWord && w_.company_form->Contains(fold_[last + 2])) return last + 2;
  const std::size_t known = PastKnownCommaName(a, last);
  return known != last ? known : PastCommaList(a, last);
}

std::size_t OrgScan::PastKnownCommaName(std::size_t a, std::size_t last) const {
  for (std::size_t s = a; s <= last && s < a + 6; ++s) {
    if (toks_[s].kind != TokKind::kWord || !kb_.IsCommaPrefix(FoldKey(text_.substr(toks_[s].begin, toks_[last].end - toks_[s].begin))))
      continue;
    std::size_t best = last;
    for (std::size_t e = last + 2; e < n_ && e < last + 30 && !toks_[e].newline_before; ++e) {
      if (toks_[e].kind == TokKind::kPunct && toks_[e].punct != ',' && toks_[e].punct != '&') break;
      if (toks_[e].kind != TokKind::kWord) continue;
      if (kb_.FindAgency(FoldKey(text_.substr(toks_[s].begin, toks_[e].end - toks_[s].begin)), region_)) best = e;
    }
    if (best != last) return best;
  }
  return last;
}

// "<Office word> of A, B(,) and C": single capitalized words listed after
// "of" in a run headed by an organization word.
std::size_t OrgScan::PastCommaList(std::size_t a, std::size_t last) const {
  bool of_after_org = false;
  for (std::size_t k = a + 1; k < last && !of_after_org; ++k)
    of_after_org = LowerIn(k, *w_.of_word) && HasOrgWord(a, k - 1) && toks_[last].cap && !toks_[last].allcaps;
  if (!of_after_org || words_.OrgWord(fold_[last]) != WordTables::kNone) return last;
  auto plain_word = [&](std::size_t k) {
    return k < n_ && IsCap(k) && !toks_[k].allcaps && !toks_[k].newline_before &&
           words_.OrgWord(fold_[k]) == WordTables::kNone && !toks_[k].possessive;
  };
  std::size_t k = last + 1;  // at a ','
  for (int items = 0; items < 5; ++items) {
    if (k < n_ && toks_[k].kind == TokKind::kPunct && toks_[k].punct == ',') ++k;
    if (k < n_ && LowerIn(k, *w_.and_word)) {
      // the last item ends the name: "... and Families", not "... and Families Act"
      if (items >= 1 && plain_word(k + 1) && !IsCap(k + 2)) return k + 1;
      return last;
    }
    if (!plain_word(k) || k + 1 >= n_) return last;
    ++k;
    if (toks_[k].kind != TokKind::kPunct || toks_[k].punct != ',') {
      if (!LowerIn(k, *w_.and_word)) return last;
    }
  }
  return last;
}

// "Criminal Division Rita M. Glavin": a person's name with a middle
// initial after an organization's name ends it; the name goes to the
// people finder. Returns the first token left to classify.
std::size_t OrgScan::SplitAtInitialName(std::size_t a, std::size_t last) {
  for (std::size_t p = a + 2; p < last; ++p) {
    if (!IsInitial(p) || !IsCap(p - 1) || !IsCap(p + 1) || !HasOrgWord(a, p - 2)) continue;
    // "U.S. District Judge Ricardo M. Urbina": the title goes with the name
    std::size_t end = p - 2;
    for (std::size_t k = a; k < p - 1; ++k) {
      bool office;
      if (toks_[k].kind == TokKind::kWord && k + words_.MatchTitle(toks_, fold_, k, &office) == p - 1) {
        end = k - 1;
        break;
      }
    }
    // what is left is a body, unless only a short modifier of the title ("U.S. District Judge")
    const bool modifier = end != p - 2 && end < a + 2 && kb_.FindAgency(FoldKey(Surface({a, end})), region_) == nullptr;
    if (end + 1 > a && !modifier) Classify({a, end});
    std::size_t rest = p + 2;
    while (rest <= last && IsInitial(rest)) ++rest;
    return rest;
  }
  return a;
}

// "U.S. Attorney for the District of South Carolina", "U.S. Attorney’s
// Office in the Eastern District of New York": the office, named as the
// guideline names it ("U.S. Attorney’s Office for the ... District of ...").
// "U.S. Attorney’s Offices" opens a list of districts (JudicialDistrict).
bool OrgScan::AttorneyOffice(const Seg& g) {
  std::string head;
  for (std::size_t p = g.s; p <= g.e; ++p) {
    if (p > g.s && !toks_[p].cap && toks_[p].kind == TokKind::kWord) {
      if (!w_.us_attorney_head->Contains(head)) return false;
      std::size_t q = p + 1;
      if (q <= g.e && LowerIn(q, *w_.article)) ++q;
      // the name ends with the district's place: "... District of Illinois"
      // (a person's name may follow in the run)
      std::size_t of = q;
      while (of <= g.e && !(w_.judicial_district_word->Contains(fold_[of]) && of + 2 <= g.e && LowerIn(of + 1, *w_.of_word)))
        ++of;
      if (of > g.e || ctx_.places == nullptr) return false;
      std::size_t end = 0;
      PlaceInfo info;
      for (std::size_t k = of + 2; k <= g.e && k < of + 6; ++k) {
        if (ctx_.places->Lookup(text_.substr(toks_[of + 2].begin, toks_[k].end - toks_[of + 2].begin), "", &info)) end = k;
      }
      if (end == 0) return false;
      AddOrg(w_.us_attorney_office_form + " " + std::string(text_.substr(toks_[q].begin, toks_[end].end - toks_[q].begin)),
             {g.s, end});
      return true;
    }
    if (!head.empty()) head += ' ';
    head += fold_[p];
  }
  if (!w_.us_attorney_plural->Contains(head)) return false;
  attorney_offices_until_ = g.e;
  while (attorney_offices_until_ < n_ && toks_[attorney_offices_until_].punct != '.') ++attorney_offices_until_;
  return false;
}

// "Eastern District of Michigan": a federal judicial district, a
// jurisdiction rather than a body.
bool OrgScan::JudicialDistrict(const Seg& g) const {
  return g.e >= g.s + 3 && w_.district_direction->Contains(fold_[g.s]) &&
         w_.judicial_district_word->Contains(fold_[g.s + 1]) && LowerIn(g.s + 2, *w_.of_word) &&
         !HasOrgWord(g.s + 3, g.e);
}

// "King County Executive", "Council Relations Director", "US Citizenship and
// Immigration Services Director": a run ending in a title names a person's
// role; only a known body before the title is kept. Not with "of" in the
// run: "Office of Chief Counsel", "Office of the Mayor".
bool OrgScan::TrailingTitle(const Seg& g) {
  for (std::size_t k = g.s; k <= g.e; ++k) {
    if (LowerIn(k, *w_.of_word)) return false;
  }
  for (std::size_t k = g.s + 1; k <= g.e; ++k) {
    bool office;
    if (toks_[k].kind != TokKind::kWord || k + words_.MatchTitle(toks_, fold_, k, &office) != g.e + 1) continue;
    // "Hampden County District Attorney": a title with an organization word names the office
    for (std::size_t t = k; t <= g.e; ++t) {
      if (words_.OrgWord(fold_[t]) != WordTables::kNone) return false;
    }
    const Seg body{g.s, k - 1};
    if (const OrgKnowledge::Agency* a = KnownBody(body, FoldKey(Surface(body)))) AddOrg(a->canonical, body);
    return true;
  }
  return false;
}

// "HSI Washington", "INTERPOL Belgrade": a known agency's acronym and a
// place name its office there.
bool OrgScan::FieldOffice(const Seg& g) {
  if (g.e == g.s || !toks_[g.s].allcaps || ctx_.places == nullptr || kb_.FindAgency(fold_[g.s], region_) == nullptr)
    return false;
  for (std::size_t k = g.s + 1; k <= g.e; ++k) {
    if (toks_[k].kind != TokKind::kWord || words_.OrgWord(fold_[k]) != WordTables::kNone) return false;
  }
  PlaceInfo info;
  if (!ctx_.places->Lookup(text_.substr(toks_[g.s + 1].begin, toks_[g.e].end - toks_[g.s + 1].begin), "", &info))
    return false;
  AddOrg(std::string(Surface(g)), g);
  return true;
}

// "Biden Administration", "Biden-Harris Administration": a president's
// term, named by known people's surnames (a mention of the person, for the
// people finder), not an organization.
bool OrgScan::PresidencyOf(const Seg& g) const {
  if (people_ == nullptr || g.e == g.s || !w_.presidency_word->Contains(fold_[g.e])) return false;
  for (std::size_t k = g.s; k < g.e; ++k) {
    if (toks_[k].kind == TokKind::kPunct && toks_[k].punct == '-') continue;
    if (toks_[k].kind != TokKind::kWord) return false;
    // "Biden-Harris" may be one token
    std::string_view f = fold_[k];
    while (!f.empty()) {
      const std::size_t dash = f.find('-');
      if (!people_->HasSurname(f.substr(0, dash))) return false;
      if (dash == std::string_view::npos) break;
      f.remove_prefix(dash + 1);
    }
  }
  return true;
}

// "designated as a Foreign Terrorist Organization (FTO)": a name after an
// indefinite article, heading its phrase, is a class or a designation.
bool OrgScan::IndefiniteDesignation(const Seg& g, std::size_t g0) const {
  if (g0 == 0 || g0 != g.s || !LowerIn(g0 - 1, *w_.indefinite_article)) return false;
  std::size_t after = g.e + 1;
  if (std::size_t acr = AcronymAfter(g.e)) after = acr + 2;
  // "a Catholic Charities volunteer" uses the name as a modifier
  return after >= n_ || toks_[after].kind != TokKind::kWord || toks_[after].cap ||
         w_.connector->Contains(fold_[after]) || w_.appositive_stop->Contains(fold_[after]) ||
         w_.date_connector->Contains(fold_[after]);
}

// The known body the run g (folded: key) names, or nullptr. An acronym
// names it only in capitals ("DOE", not "Doe"); a chamber's committee in a
// state release is the state's (Canonical), not Congress's.
const OrgKnowledge::Agency* OrgScan::KnownBody(const Seg& g, const std::string& key) const {
  const OrgKnowledge::Agency* a = kb_.FindAgency(key, region_);
  // "United States X" and "US X" are written for "U.S. X" and "X"
  if (a == nullptr && key.size() > 14) {
    const std::string_view k(key);
    if (k.substr(0, 14) == "united states "sv) {
      a = kb_.FindAgency("us " + key.substr(14), region_);
      if (a == nullptr) a = kb_.FindAgency(key.substr(14), region_);
    } else if (k.substr(0, 3) == "us "sv) {
      a = kb_.FindAgency(key.substr(3), region_);
    }
  }
  if (a == nullptr) return nullptr;
  if (g.s == g.e && !toks_[g.s].allcaps && kb_.IsAcronymOnly(key)) return nullptr;
  if (a->committee && state_committees_) return nullptr;
  return a;
}

// Decides what the candidate run g is: a known agency, a short reference to
// a government body, a body named in Spanish or with its state, a unit of an
// agency, not an organization (an event, a place of confinement, a budget
// line, a program), or an organization by its words or its context.
void OrgScan::Classify(Seg g) {
  const std::size_t g0 = g.s;  // start before stripping: its left context
  // knowledge first, on the whole segment
  // a lone acronym is left to the acronym pass, where one the release
  // defines ("... Protección Ambiental (EPA)") outweighs the knowledge
  if (g.s == g.e && toks_[g.s].allcaps) return;
  std::string key = FoldKey(Surface(g));
  if (const OrgKnowledge::Agency* a = KnownBody(g, key)) {
    AddOrg(a->canonical, g);
    return;
  }
  if (AttorneyOffice(g)) return;
  if (!StripLead(&g)) return;
  key = FoldKey(Surface(g));
  if (const OrgKnowledge::Agency* a = KnownBody(g, key)) {
    AddOrg(a->canonical, g);
    return;
  }
  if (g.s == g.e && toks_[g.s].allcaps) return;  // acronyms are handled in their own pass
  if (FieldOffice(g) || TrailingTitle(g) || PersonOf(g)) return;
  if (JudicialDistrict(g)) {
    // "U.S. Attorney’s Offices in the Central District of Illinois, ...":
    // each district's office
    if (attorney_offices_until_ > g.s) AddOrg(w_.us_attorney_office_form + " " + std::string(Surface(g)), g);
    return;
  }
  if (w_.short_gov_key->Contains(key)) {
    shorts_.push_back({key, std::string(Surface(g)), {toks_[g.s].begin, toks_[g.e].end}});
    return;
  }
  if (SpanishCouncil(g) || SpanishBody(g) || StateChamber(g) || AgencyUnit(g)) return;
  if (NotAnOrg(g, g0)) return;
  if (!IsOrg(g, g0, key)) {
    rejected_.push_back({key, g});
    return;
  }
  AddOrg(Canonical(g, g0), g);
}

// Strips leading noise and leading titles ("Director of Policy at the ...");
// false when nothing is left.
bool OrgScan::StripLead(Seg* seg) const {
  Seg& g = *seg;
  while (g.s <= g.e) {
    bool office;
    int m = toks_[g.s].kind == TokKind::kWord ? words_.MatchTitle(toks_, fold_, g.s, &office) : 0;
    // A capitalized Spanish article inside English text is part of a
    // name ("La Casa del Barrio").
    if (english_ && g.s < g.e && toks_[g.s].cap && w_.spanish_article->Contains(fold_[g.s])) break;
    if (m > 0 && g.s + m <= g.e && !toks_[g.s + m - 1].possessive) {
      g.s += m;
    } else if (toks_[g.s].kind == TokKind::kPunct || w_.lead_noise->Contains(fold_[g.s]) ||
               w_.connector->Contains(fold_[g.s])) {
      ++g.s;
    } else if (g.s > 0 && !toks_[g.s].space_before && toks_[g.s - 1].kind == TokKind::kNumber) {
      ++g.s;  // a unit glued to a number: "$73.1M for the Office ..."
    } else {
      break;
    }
  }
  return g.s <= g.e;
}

// "Ana Ruiz of the Coalition for ...": a name without an organization
// word before "of the" is a person (or a place); the rest is the candidate.
bool OrgScan::PersonOf(const Seg& g) {
  for (std::size_t p = g.s + 1; p + 2 <= g.e; ++p) {
    if (!LowerIn(p, *w_.of_word)) continue;
    if (!toks_[p + 1].cap && w_.article->Contains(fold_[p + 1]) && !HasOrgWord(g.s, p - 1)) {
      Classify({p + 2, g.e});
      return true;
    }
    break;
  }
  return false;
}

// "Concejo Municipal de (la Ciudad de) Tucson" -> "Tucson City Council"
bool OrgScan::SpanishCouncil(const Seg& g) {
  if (ctx_.places == nullptr) return false;
  const std::size_t head = AnyPhraseAt(w_.council_head_es, g.s, g.e + 1);
  if (head == 0 || g.e <= g.s + head || !w_.spanish_of->Contains(fold_[g.s + head])) return false;
  std::size_t c = g.s + head + 1;
  if (std::size_t lead = AnyPhraseAt(w_.city_lead_es, g.s + head, g.e + 1)) c = g.s + head + lead;
  if (c > g.e) return false;
  PlaceInfo info;
  std::string_view city = text_.substr(toks_[c].begin, toks_[g.e].end - toks_[c].begin);
  if (!ctx_.places->Lookup(city, ctx_.region, &info) || info.kind != PlaceKind::kCity) return false;
  AddOrg(CityCouncil(info.canonical.substr(0, info.canonical.find(','))), g);
  return true;
}

// Spanish names of local bodies, named as the guideline names them, in
// English: "Oficina del Alguacil del Condado de Bexar" -> "Bexar County
// Sheriff's Office", "Distrito Escolar Independiente de San Antonio" ->
// "San Antonio Independent School District".
bool OrgScan::SpanishBody(const Seg& g) {
  for (const OrgWords::SpanishBody& body : w_.spanish_body) {
    if (!PhraseAt(body.head, g.s, g.e + 1)) continue;
    std::size_t k = g.s + body.head.size();
    // Spanish writes "del condado de Hidalgo" in lower case, which ends the
    // capitalized group: read on past it.
    if (k >= n_ || toks_[k].kind != TokKind::kWord || !w_.spanish_of->Contains(fold_[k])) continue;
    bool county = false;
    if (std::size_t lead = AnyPhraseAt(w_.county_lead_es, k, n_)) {
      county = true;
      k += lead;
    } else if (std::size_t city_lead = AnyPhraseAt(w_.city_lead_es, k, n_)) {
      k += city_lead;
    } else {
      ++k;
    }
    if (k >= n_ || toks_[k].kind != TokKind::kWord || !toks_[k].cap) return false;
    std::size_t last = std::max(k, g.e);
    while (last + 1 < n_ && toks_[last + 1].kind == TokKind::kWord && toks_[last + 1].cap &&
           !toks_[last + 1].newline_before) {
      ++last;
    }
    std::string place(text_.substr(toks_[k].begin, toks_[last].end - toks_[k].begin));
    AddOrg(place + " " + (county ? w_.county_form + " " : std::string()) + body.english, Seg{g.s, last});
    return true;
  }
  return false;
}

// A state's legislature named with the state: "Georgia House of
// Representatives", "Asamblea General de Carolina del Norte".
bool OrgScan::StateChamber(const Seg& g) {
  bool chamber = false;
  for (std::size_t k = g.s; k <= g.e && !chamber; ++k) chamber = w_.chamber_word->Contains(fold_[k]);
  if (!chamber || ctx_.places == nullptr || g.e <= g.s) return false;
  for (std::size_t p = g.s; p < g.e; ++p) {
    std::string code, body;
    if (LowerIn(p + 1, *w_.of_word) && p + 2 <= g.e) {  // "<chamber> of <State>"
      body = EnglishBodyKey(FoldKey(text_.substr(toks_[g.s].begin, toks_[p].end - toks_[g.s].begin)));
      if (!w_.chamber_key->Contains(body)) continue;
      code = StateCodeOf(*ctx_.places, text_.substr(toks_[p + 2].begin, toks_[g.e].end - toks_[p + 2].begin));
    } else {  // "<State> <chamber>"
      body = EnglishBodyKey(FoldKey(text_.substr(toks_[p + 1].begin, toks_[g.e].end - toks_[p + 1].begin)));
      if (!w_.chamber_key->Contains(body)) continue;
      code = StateCodeOf(*ctx_.places, text_.substr(toks_[g.s].begin, toks_[p].end - toks_[g.s].begin));
    }
    if (code.empty() || code == "DC"sv || !w_.chamber_key->Contains(body)) continue;
    std::string canonical = StateBody(code, body);
    if (!canonical.empty()) {
      AddOrg(canonical, g);
      return true;
    }
  }
  return false;
}

// A unit of a known agency: "Oficina del Inspector General del
// Departamento de Seguridad Nacional", "Office of Refugee Resettlement
// of the Department of ...": the two are separate organizations.
bool OrgScan::AgencyUnit(const Seg& g) {
  for (std::size_t p = g.s + 1; p + 1 <= g.e; ++p) {
    if (toks_[p].cap || !w_.unit_connector->Contains(fold_[p])) continue;
    std::size_t q = p + 1;
    if (q < g.e && !toks_[q].cap && w_.article->Contains(fold_[q])) ++q;
    if (q > g.e) return false;
    std::string tail_key = FoldKey(text_.substr(toks_[q].begin, toks_[g.e].end - toks_[q].begin));
    const OrgKnowledge::Agency* a = kb_.FindAgency(tail_key, region_);
    if (a == nullptr) continue;
    if (!HasOrgWord(g.s, p - 1)) return false;
    // Inspectors general go by their agency: "DHS Office of Inspector General".
    std::string head = FoldKey(text_.substr(toks_[g.s].begin, toks_[p - 1].end - toks_[g.s].begin));
    if (!a->acronym.empty() && w_.inspector_general_head->Contains(head)) {
      std::string oig = a->acronym + " " + w_.inspector_general_form;
      const OrgKnowledge::Agency* known = kb_.FindAgency(FoldKey(oig), region_);
      AddOrg(known ? known->canonical : oig, {g.s, p - 1});
    } else {
      Classify({g.s, p - 1});
    }
    AddOrg(a->canonical, {q, g.e});
    return true;
  }
  return false;
}

// Runs that are not organizations whatever their words: events, places of
// confinement, budget lines' funded things, programs defined with an acronym,
// and runs ending in a program, law, place or event word.
bool OrgScan::NotAnOrg(const Seg& g, std::size_t g0) const {
  bool event = false, confinement = false;
  for (std::size_t k = g.s; k <= g.e; ++k) {
    if (toks_[k].kind != TokKind::kWord) continue;
    event = event || w_.event_word->Contains(fold_[k]);
    confinement = confinement || w_.confinement_word->Contains(fold_[k]);
  }
  if (event || PresidencyOf(g) || IndefiniteDesignation(g, g0)) return true;
  if (confinement && (w_.confinement_tail->Contains(fold_[g.e]) || w_.confinement_head->Contains(fold_[g.s])))
    return true;
  // "$48 million for the Immigrant Legal Services Fund": a budget line
  if (w_.funded_thing_tail->Contains(fold_[g.e])) {
    for (const OrgWords::Phrase& lead : w_.funded_lead) {
      if (g0 >= lead.size() + 1 && PhraseAt(lead, g0 - lead.size(), n_) && MoneyBefore(g0 - lead.size() - 1))
        return true;
    }
  }
  // "Health Benefits for Immigrant Adults (HBIA) program"
  const std::size_t acr = AcronymAfter(g.e);
  if (acr && acr + 2 < n_ && toks_[acr + 1].punct == ')' && toks_[acr + 2].kind == TokKind::kWord &&
      !toks_[acr + 2].cap && w_.program_noun->Contains(fold_[acr + 2]))
    return true;
  // "Coalition for Humane Detention Standards", "Institute on Taxation
  // and Economic Policy": an organization word heading a name outweighs
  // a program-like last word.
  const bool strong_head = g.s < g.e && words_.OrgWord(fold_[g.s]) >= WordTables::kStart &&
                           LowerIn(g.s + 1, *w_.connector);
  return w_.non_org_tail->Contains(fold_[g.e]) && !strong_head;
}

// An organization by its words (an organization word, the publisher's
// name, a defined acronym) or by its context (an appositive's head noun,
// "the group X").
bool OrgScan::IsOrg(const Seg& g, std::size_t g0, const std::string& key) const {
  if (g.e > g.s && HasOrgWord(g.s, g.e)) return true;
  // the publisher's name, unless the publisher is a person ("Mario Diaz-Balart")
  if (!publisher_key_.empty() && key == publisher_key_ &&
      !(people_ != nullptr && (people_->IsFullName(key) || people_->HasSurname(fold_[g.e]))))
    return true;
  if (g.e > g.s && AcronymAfter(g.e)) return true;
  if (AppositiveOrg(g.e)) return true;
  // "the immigrant-rights group Valle Unido"
  return g0 == g.s && g0 > 0 && LowerIn(g0 - 1, *w_.type_noun) && g.e - g.s < 6;
}

// "X, a Sunset Park nonprofit that ...", "X, a coalition of 40 groups":
// the head noun of an appositive right after the name ending at e.
bool OrgScan::AppositiveOrg(std::size_t e) const {
  if (!(e + 3 < n_ && toks_[e + 1].punct == ',' && toks_[e + 1].kind == TokKind::kPunct &&
        w_.appositive_article->Contains(fold_[e + 2]) && !toks_[e + 2].cap))
    return false;
  std::size_t k = e + 3, head = 0;
  for (int steps = 0; k < n_ && steps < 6; ++k, ++steps) {
    if (toks_[k].kind != TokKind::kWord) break;
    if (!toks_[k].cap && w_.appositive_stop->Contains(fold_[k])) break;
    head = k;
  }
  return head && !toks_[head].cap && w_.type_noun->Contains(fold_[head]);
}

// The name of an organization found as written, completed by its context.
std::string OrgScan::Canonical(const Seg& g, std::size_t g0) const {
  std::string canonical(Surface(g));
  // A chamber's committee in a state release is that state's: "Senate
  // Health Committee" in Sacramento -> "California Senate Health Committee".
  if (state_committees_ && g.e > g.s && w_.committee_word->Contains(fold_[g.e]) &&
      (fold_[g.s] == "senate"sv ||
       // states with an Assembly have no House
       (fold_[g.s] == "house"sv && kb_.GovBody(ctx_.region, "assembly").empty()) ||
       (fold_[g.s] == "assembly"sv && !kb_.GovBody(ctx_.region, "assembly").empty())))
    canonical = ctx_.state_name + " " + canonical;
  // "ICE’s Newark Field Office" is named with its agency.
  if (g0 == g.s && g0 > 0 && toks_[g0 - 1].possessive && toks_[g0 - 1].allcaps) {
    for (const OrgWords::Phrase& tail : w_.agency_unit_tail) {
      if (g.e >= g.s + tail.size() - 1 && g.e + 1 >= tail.size() && PhraseAt(tail, g.e + 1 - tail.size(), g.e + 1) &&
          kb_.FindAgency(fold_[g0 - 1], region_) != nullptr) {
        canonical = std::string(TokText(text_, toks_[g0 - 1])) + " " + canonical;
        break;
      }
    }
  }
  return canonical;
}

// Later mentions of a found organization without its organization word
// ("A survey by Valle Unido found ...").
void OrgScan::AddRejectedMentions() {
  for (const Rejected& r : rejected_) {
    long idx = set_.Find(r.key);
    if (idx < 0) continue;
    set_.AddAlias(static_cast<std::size_t>(idx), Surface(r.seg));
    mention_spans_->push_back({toks_[r.seg.s].begin, toks_[r.seg.e].end});
  }
}

// Acronyms: defined ones ("... (LTDC)"), then known agencies ("ICE").
void OrgScan::AddAcronymMentions() {
  for (std::size_t i = 0; i < n_; ++i) {
    if (!toks_[i].allcaps || in_taken_[i]) continue;
    if (acronyms_.Contains(fold_[i])) {
      mention_spans_->push_back({toks_[i].begin, toks_[i].end});
      continue;
    }
    // "(CA-19)", "(D-CA)": a member's district or party tag, not an agency
    const bool dash_after = i + 1 < n_ && toks_[i + 1].kind == TokKind::kPunct && toks_[i + 1].punct == '-' &&
                            !toks_[i + 1].space_before;
    const bool dash_before = i > 0 && toks_[i - 1].kind == TokKind::kPunct && toks_[i - 1].punct == '-' &&
                             !toks_[i].space_before;
    if (dash_after || dash_before) continue;
    if (const OrgKnowledge::Agency* ag = kb_.FindAgency(fold_[i], region_)) {
      std::size_t idx = set_.Get(ag->canonical);
      set_.AddAlias(idx, TokText(text_, toks_[i]));
      mention_spans_->push_back({toks_[i].begin, toks_[i].end});
    }
  }
}

// Short references to bodies ("the Senate", "the Board"): an organization
// of this release first, else the body of the release's place.
void OrgScan::ResolveShortRefs() {
  const std::string gov_region = region_.empty() || region_ == "DC"sv ? "US" : region_;
  for (ShortRef& r : shorts_) {
    r.key = EnglishBodyKey(r.key);
    long found = ShortRefInRelease(r.key);
    if (found < 0) {
      const std::string canonical = ShortRefByPlace(r.key, gov_region);
      if (canonical.empty()) continue;
      found = static_cast<long>(set_.Get(canonical));
    }
    set_.AddAlias(static_cast<std::size_t>(found), r.surface);
    mention_spans_->push_back(r.span);
  }
}

// The organization of this release whose name ends with the short key
// ("... Board of Supervisors" for "board" too), or -1.
long OrgScan::ShortRefInRelease(const std::string& key) {
  const std::string tail = " " + key;
  for (std::size_t k = 0; k < set_.entities().size(); ++k) {
    std::string name = FoldKey(set_.entities()[k].name);
    bool match = name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    if (!match && w_.short_inner->Contains(key)) match = name.find(tail + " ") != std::string::npos;
    if (match) return static_cast<long>(k);
  }
  return -1;
}

// The body a short key names in the release's place ("Congress", the
// city's council, the state's chamber), or "".
std::string OrgScan::ShortRefByPlace(const std::string& key, const std::string& gov_region) const {
  if (w_.short_national->Contains(key)) return kb_.GovBody("US", key);
  if (w_.short_city->Contains(key)) return ctx_.city.empty() ? std::string() : CityCouncil(ctx_.city);
  if (w_.short_unresolved->Contains(key)) return std::string();
  std::string canonical = kb_.GovBody(gov_region, key);
  // a state without a knowledge entry: "the House" in an Atlanta release
  // (only for states the knowledge does not list: a listed state's
  // missing chamber does not exist, e.g. New York has no House)
  if (canonical.empty() && gov_region != "US"sv && ctx_.places != nullptr && w_.chamber_key->Contains(key) &&
      kb_.GovBody(gov_region, "senate").empty() && kb_.GovBody(gov_region, "legislature").empty())
    canonical = StateBody(gov_region, key);
  return canonical;
}

// Short forms: "the Newcomer Academy" after "International Newcomer
// Academy", "the Department of Labor" after "New York State Department of
// Labor" are the same body, not a second one.
void OrgScan::MergeShortForms(std::vector<NamedEntity>* out) {
  std::vector<NamedEntity>& ents = set_.entities();
  std::vector<std::string> name_keys(ents.size());
  for (std::size_t k = 0; k < ents.size(); ++k) name_keys[k] = " " + FoldKey(ents[k].name);
  auto is_tail_of = [](const std::string& key, const std::string& longer) {  // both with leading ' '
    return (longer.size() > key.size() && key.find(' ', 1) != std::string::npos &&
            longer.compare(longer.size() - key.size(), key.size(), key) == 0) ||
           // "Hampden County District Attorney" is "... District Attorney’s Office"
           (longer.size() == key.size() + 9 && longer.compare(0, key.size(), key) == 0 &&
            longer.compare(key.size(), 9, "'s office") == 0);
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
        if (is_tail_of(k, name_keys[a2]) || (f > 0 && acronym)) set_.AddAlias(a2, forms[f]);
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

}  // namespace

void FindOrganizations(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
                       const WordTables& words, const OrgKnowledge& kb, const DocContext& ctx, const std::vector<TextSpan>& taken,
                       std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans,
                       const PeopleKnowledge* people) {
  OrgScan(text, toks, fold, words, kb, ctx, taken, mention_spans, people).Run(out);
}

void OrganizationFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  std::vector<TextSpan> spans;
  FindOrganizations(doc.text, *doc.toks, *doc.fold, kb_.words, kb_.orgs, doc.ctx, claims->taken, &out->organizations,
                    &spans, &kb_.people);
  claims->Take(spans);
  // A state attorney general's office is named with its state, as the
  // guideline does ("Office of the New York State Attorney General").
  if (doc.ctx.state_name.empty()) return;
  const OrgWords& w = kb_.orgs.words();
  for (NamedEntity& org : out->organizations) {
    if (!w.attorney_general_office->Contains(NameKey(org.name))) continue;
    org.aliases.insert(org.aliases.begin(), org.name);
    org.name = w.attorney_general_before_form + " " + doc.ctx.state_name + " " + w.attorney_general_after_form;
  }
}

}  // namespace amicus::internal
