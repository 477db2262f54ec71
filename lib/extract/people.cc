// The people finder (people.h). FindPeople runs one PeopleScan over a
// release, in four steps:
//   1. FindFullNames: runs of 2-4 capitalized name words after a title
//      ("Mayor Jane Okoro-Bell") or with speaker evidence ("said X Y",
//      "X Y, director of", "Contact: X Y", "X Y (D-Bronx)"), or a known
//      officeholder's full name; a title followed by one name word is kept
//      for step 3.
//   2. LinkLaterMentions: later bare surnames and title + surname of a full
//      name found in step 1 become its aliases.
//   3. ResolveTitledOfficeholders: "Governor Hochul" with no full name in
//      the release resolves to the officeholder of that surname and title.
//   4. ResolveBareOfficeholders: a bare surname of an officeholder marked
//      `bare` ("Trump") in the right context.
// The words the rules consult are PeopleKnowledge's people.* classes
// (data/knowledge/words_people.tsv).
#include "extract/people.h"
#include "extract/knowledge_base.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <cstring>

#include "extract/places.h"

namespace amicus::internal {
namespace {

// Splits a comma-separated field of officeholders.tsv, trimming spaces.
std::vector<std::string> SplitOn(std::string_view s, char sep);
std::vector<std::string> SplitWords(std::string_view s);
std::vector<std::string> SplitComma(std::string_view s) { return SplitOn(s, ','); }

// Splits a `sep`-separated field, trimming spaces; empty parts dropped.
std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t c = s.find(sep);
    std::string_view one = s.substr(0, c);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    if (!one.empty()) out.emplace_back(one);
    if (c == std::string_view::npos) break;
    s.remove_prefix(c + 1);
  }
  return out;
}

// The surname of a full name: its last word, past a suffix ("Jr.", "III").
std::string LastName(std::string_view name) {
  std::vector<std::string> w = SplitOn(name, ' ');
  while (w.size() > 1) {
    std::string k = FoldKey(w.back());
    while (!k.empty() && k.back() == ',') k.pop_back();
    if (k != "jr" && k != "sr" && k != "ii" && k != "iii" && k != "iv") break;
    w.pop_back();
  }
  std::string last = w.empty() ? std::string() : w.back();
  while (!last.empty() && last.back() == ',') last.pop_back();
  return last;
}

// The titles of an executive-branch role (folded): "president of the united
// states" -> the president titles; "acting director of ..." -> "director".
std::vector<std::string> ExecutiveTitles(std::string role, const std::vector<std::string>& pres,
                                         const std::vector<std::string>& vp, const std::vector<std::string>& office) {
  if (role.rfind("acting ", 0) == 0) role.erase(0, 7);
  if (role.rfind("vice president of the united states", 0) == 0) return vp;
  if (role.rfind("president of the united states", 0) == 0) return pres;
  std::string best;
  for (const std::string& t : office) {
    if (t.size() > best.size() && role.rfind(t, 0) == 0 && (role.size() == t.size() || role[t.size()] == ' ')) best = t;
  }
  if (best.empty()) return {};
  return {best};
}

// Whether the words of one name are the words of the other in order, the
// shorter having two or more ("Pedro Nieves Miranda" in "Pedro J. Nieves
// Miranda"; "Carlos Giménez" = "Carlos Gimenez"). `b` is folded already.
bool SameNameWords(std::string_view name, std::string_view b) {
  std::vector<std::string> x = SplitWords(FoldKey(name)), y = SplitWords(b);
  if (x.size() > y.size()) std::swap(x, y);
  if (x.size() < 2) return false;
  std::size_t k = 0;
  for (const std::string& w : y) {
    if (k < x.size() && w == x[k]) ++k;
  }
  return k == x.size();
}

// The words of a folded phrase ("according to" -> {"according", "to"}).
std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t sp = s.find(' ');
    if (sp != 0) out.emplace_back(s.substr(0, sp));
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
  return out;
}

}  // namespace

Status PeopleKnowledge::Load(const KnowledgeFiles& files, const Lexicon& lexicon) {
  Status s = LoadOfficeholders(files);
  if (s.ok()) s = LoadWordClasses(lexicon);
  if (s.ok()) s = LoadNameWords(files);
  if (s.ok()) s = LoadStateNames(files);
  if (s.ok()) s = LoadPublicOfficials(files, lexicon);
  return s;
}

// given_names.tsv (SSA) and surnames.tsv (Census): the first column, folded.
Status PeopleKnowledge::LoadNameWords(const KnowledgeFiles& files) {
  const struct {
    const char* file;
    StringSet* set;
  } kFiles[] = {{"given_names.tsv", &given_names_}, {"surnames.tsv", &surname_words_}};
  for (const auto& f : kFiles) {
    if (!files.Has(f.file)) continue;
    Status s = files.ForEachRecord(f.file, [&](const std::vector<std::string_view>& rec, int) {
      if (!rec.empty() && !rec[0].empty()) f.set->Insert(FoldKey(rec[0]));
      return Status::OK();
    });
    if (!s.ok()) return s;
  }
  return Status::OK();
}

// us_states.tsv: USPS code -> state name (the context of a state official).
Status PeopleKnowledge::LoadStateNames(const KnowledgeFiles& files) {
  if (!files.Has("us_states.tsv")) return Status::OK();
  return files.ForEachRecord("us_states.tsv", [&](const std::vector<std::string_view>& f, int) {
    if (f.size() >= 2) state_names_.Emplace(f[1], std::string(f[0]));
    return Status::OK();
  });
}

Status PeopleKnowledge::TitleClass(const Lexicon& lexicon, const char* name, std::vector<std::string>* out) const {
  const std::vector<std::string>* list = nullptr;
  Status s = lexicon.List(name, &list);
  if (s.ok()) *out = *list;
  return s;
}

void PeopleKnowledge::AddOfficial(Officeholder o, std::string_view forms) {
  const std::size_t idx = people_.size();
  by_surname_.emplace(FoldKey(o.surname), idx);
  surnames_.Insert(FoldKey(o.surname));
  full_names_.Emplace(FoldKey(o.name), idx);
  for (const std::string& f : SplitOn(forms, '|')) full_names_.Emplace(FoldKey(f), idx);
  people_.push_back(std::move(o));
}

Status PeopleKnowledge::LoadOfficeholders(const KnowledgeFiles& files) {
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
    o.curated = true;
    by_surname_.emplace(FoldKey(o.surname), people_.size());
    surnames_.Insert(FoldKey(o.surname));
    full_names_.Emplace(FoldKey(o.name), people_.size());
    people_.push_back(std::move(o));
    return Status::OK();
  });
}

Status PeopleKnowledge::LoadWordClasses(const Lexicon& lexicon) {
  const struct {
    const char* name;
    const StringSet** set;
  } kSets[] = {
      {"people.non_name", &non_name_},
      {"people.speech_verb", &speech_verbs_},
      {"people.contact_label", &contact_labels_},
      {"people.longer_name_joiner", &name_joiners_},
      {"people.facility_before", &facility_nouns_},
      {"people.article_before", &articles_},
      {"people.party_letter", &party_letters_},
      {"people.list_joiner", &list_joiners_},
      {"people.surname_particle", &particles_},
      {"people.name_suffix", &suffixes_},
      {"people.title_complement", &complements_},
      {"people.title_federal", &federal_titles_},
      {"people.alias_joiner", &alias_joiners_},
  };
  for (const auto& c : kSets) {
    Status s = lexicon.Words(c.name, c.set);
    if (!s.ok()) return s;
  }
  const std::vector<std::string>* phrases = nullptr;
  Status s = lexicon.List("people.attribution_before", &phrases);
  if (!s.ok()) return s;
  attribution_.clear();
  for (const std::string& p : *phrases) attribution_.push_back(SplitWords(p));
  return Status::OK();
}

// The public tables of officeholders (data/knowledge/people_*.tsv, staged
// from congress-legislators and general public knowledge): every form of
// their names is a full name; title + surname resolves to one of them when
// the title fits its office and no other officeholder fits.
Status PeopleKnowledge::LoadPublicOfficials(const KnowledgeFiles& files, const Lexicon& lexicon) {
  std::vector<std::string> house, senate, gov, lt_gov, ag, mayor, pres, vp, exec;
  const struct {
    const char* cls;
    std::vector<std::string>* out;
  } kClasses[] = {{"people.title_house", &house},       {"people.title_senate", &senate},
                  {"people.title_governor", &gov},      {"people.title_lt_governor", &lt_gov},
                  {"people.title_attorney_general", &ag}, {"people.title_mayor", &mayor},
                  {"people.title_president", &pres},    {"people.title_vice_president", &vp},
                  {"people.title_executive", &exec}};
  for (const auto& c : kClasses) {
    Status s = TitleClass(lexicon, c.cls, c.out);
    if (!s.ok()) return s;
  }
  auto state_context = [&](std::string_view code) {
    std::vector<std::string> ctx{std::string(code)};
    if (const std::string* n = state_names_.Find(code)) ctx.push_back(*n);
    return ctx;
  };
  auto load = [&](const char* file, std::size_t min_fields, auto fill) -> Status {
    if (!files.Has(file)) return Status::OK();
    return files.ForEachRecord(file, [&](const std::vector<std::string_view>& f, int line) {
      if (f.size() < min_fields) return Status::Corruption(std::string(file) + ":" + std::to_string(line) + ": too few fields");
      Officeholder o;
      o.name = std::string(f[0]);
      o.surname = LastName(f[0]);
      std::string forms = fill(f, &o);
      AddOfficial(std::move(o), forms);
      return Status::OK();
    });
  };
  Status s = load("people_congress.tsv", 6, [&](const std::vector<std::string_view>& f, Officeholder* o) {
    if (!f[3].empty()) o->surname = std::string(f[3]);
    o->titles = f[4] == "senate" ? senate : house;
    o->context = state_context(f[5]);  // "Rep. Jones" may be a state representative elsewhere
    o->federal = true;
    return std::string(f[1]) + "|" + std::string(f[2]);
  });
  if (s.ok()) s = load("people_governors.tsv", 4, [&](const std::vector<std::string_view>& f, Officeholder* o) {
    o->titles = FoldKey(f[3]) == "governor" ? gov : lt_gov;
    o->context = state_context(f[2]);
    return std::string(f[1]);
  });
  if (s.ok()) s = load("people_attorneys_general.tsv", 3, [&](const std::vector<std::string_view>& f, Officeholder* o) {
    o->titles = ag;
    o->context = state_context(f[2]);
    return std::string(f[1]);
  });
  if (s.ok()) s = load("people_mayors.tsv", 3, [&](const std::vector<std::string_view>& f, Officeholder* o) {
    o->titles = mayor;
    o->context = {std::string(f[2])};
    return std::string(f[1]);
  });
  if (s.ok()) s = load("people_executive.tsv", 3, [&](const std::vector<std::string_view>& f, Officeholder* o) {
    o->titles = ExecutiveTitles(FoldKey(f[2]), pres, vp, exec);
    return std::string(f[1]);
  });
  return s;
}

std::vector<const PeopleKnowledge::Officeholder*> PeopleKnowledge::BySurname(const std::string& key) const {
  std::vector<const Officeholder*> out;
  auto r = by_surname_.equal_range(key);
  for (auto it = r.first; it != r.second; ++it) out.push_back(&people_[it->second]);
  return out;
}

namespace {

// One release's people: the per-token decisions (title length, whether a
// token can be part of a name) made once and kept, the entities found so
// far, and the byte spans of every name mention.
class PeopleScan {
 public:
  PeopleScan(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
             const WordTables& words, const PeopleKnowledge& kb, const Gazetteer* places, const DocContext& ctx,
             const std::vector<TextSpan>& taken)
      : text_(text), toks_(toks), fold_(fold), words_(words), kb_(kb), places_(places), ctx_(ctx),
        n_(toks.size()), title_len_(n_, -1), title_office_(n_, false) {
    MarkNameTokens(taken);
  }

  void FindFullNames();
  void LinkLaterMentions();
  void ResolveTitledOfficeholders();
  void ResolveBareOfficeholders();
  void Finish(std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans);

 private:
  // A title followed by a surname ("Governor Hochul", "Rep. Van Duyne"):
  // tokens [tok, end), for step 3.
  struct TitledSurname {
    std::size_t title_begin, tok, end;
  };

  void MarkNameTokens(const std::vector<TextSpan>& taken);
  int TitleAt(std::size_t i, bool* office);
  bool NameTok(std::size_t i) const { return i < n_ && is_name_[i] != 0; }
  bool FollowsName(std::size_t i);
  std::size_t RunEnd(std::size_t s);
  std::size_t InnerNameSkip(std::size_t e) const;
  bool IsQuoteTok(std::size_t i) const { return i < n_ && toks_[i].kind == TokKind::kPunct && toks_[i].punct == 'q'; }
  std::size_t NameWords(std::size_t s, std::size_t e) const;
  std::string RunKey(std::size_t s, std::size_t e, bool skip_nickname) const;
  bool ReadsAsGivenAndSurname(std::size_t s, std::size_t e) const;
  bool PartyOrDistrictAfter(std::size_t e) const;
  bool NamesBareOfficeholder(std::size_t s, std::size_t e) const;
  std::size_t ExtendList(std::size_t e, bool titled, std::size_t idx);
  bool ResolveCompound(std::size_t i);
  std::size_t NamePrefix(std::size_t s, std::size_t e);
  std::size_t AfterTitleComplement(std::size_t j);
  // The surname's token in [s, e): the last one before a suffix ("Demarest, Jr.").
  std::size_t SurnameTok(std::size_t s, std::size_t e) const {
    std::size_t last = e - 1;
    while (last > s && (kb_.IsNameSuffix(fold_[last]) || toks_[last].kind == TokKind::kPunct)) --last;
    return last;
  }
  bool TitleBefore(std::size_t i, std::size_t* begin);
  bool TitledNameAt(std::size_t i, std::size_t* next);
  bool IsUntitledName(std::size_t s, std::size_t e);
  bool ReadsAsOtherName(std::size_t s, const std::string& key) const;
  bool SpeakerBefore(std::size_t s) const;
  bool SpeakerAfter(std::size_t e);
  std::size_t AddFull(std::size_t s, std::size_t e);
  std::size_t AliasAfter(std::size_t e, std::size_t idx);
  bool ContextOk(const PeopleKnowledge::Officeholder* o) const;
  bool KnownSurname(const std::string& key) const { return fulls_.Contains(key); }

  std::string_view text_;
  const std::vector<Tok>& toks_;
  const std::vector<std::string>& fold_;
  const WordTables& words_;
  const PeopleKnowledge& kb_;
  const Gazetteer* places_;
  const DocContext& ctx_;
  const std::size_t n_;
  // title length at each token, computed on first use: -1 = not yet
  std::vector<signed char> title_len_;
  std::vector<bool> title_office_;
  // whether each token can be part of a personal name, decided once
  std::vector<char> is_name_;

  EntitySet set_;
  // Full names by surname key, the first one seen for each surname: a later
  // bare surname refers to it. A map, so a long release with many mentions
  // stays linear.
  StringTable<std::size_t> fulls_;
  std::vector<TitledSurname> titled_;
  bool names_congress_member_ = false;  // a full name of a member of Congress was found
  std::vector<TextSpan> spans_;
};

// A name word is a capitalized word, not already claimed, not an acronym
// ("ICE"), not an organization word ("Department") and not one of the
// people.non_name words ("City", "Tuesday").
void PeopleScan::MarkNameTokens(const std::vector<TextSpan>& taken) {
  std::vector<char> in_taken;
  MarkTaken(toks_, taken, &in_taken);
  is_name_.assign(n_, 0);
  for (std::size_t i = 0; i < n_; ++i) {
    if (toks_[i].kind != TokKind::kWord || !toks_[i].cap || in_taken[i]) continue;
    // an initial ("A.", "I.") is a name word even where the letter is a word
    if (toks_[i].end - toks_[i].begin == 2 && text_[toks_[i].end - 1] == '.') {
      is_name_[i] = 1;
      continue;
    }
    if (toks_[i].allcaps && (toks_[i].end - toks_[i].begin) > 2) continue;
    if (words_.OrgWord(fold_[i]) != WordTables::kNone) continue;
    is_name_[i] = !kb_.IsNonNameWord(fold_[i]);
  }
}

int PeopleScan::TitleAt(std::size_t i, bool* office) {
  if (title_len_[i] < 0) {
    bool o = false;
    title_len_[i] =
        static_cast<signed char>(toks_[i].kind == TokKind::kWord ? words_.MatchTitle(toks_, fold_, i, &o) : 0);
    title_office_[i] = o;
  }
  *office = title_office_[i];
  return static_cast<int>(title_len_[i]);
}

// Token i-1 is the end of a longer personal name (not a title).
bool PeopleScan::FollowsName(std::size_t i) {
  if (i == 0 || !NameTok(i - 1) || toks_[i].newline_before || !toks_[i].space_before) return false;
  for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
    bool office;
    if (TitleAt(i - back, &office) == static_cast<int>(back)) return false;
  }
  return true;
}

// Extends a run of name tokens from s on one line; stops at a title and
// after a possessive. Returns the index past it.
std::size_t PeopleScan::RunEnd(std::size_t s) {
  std::size_t e = s;
  while (e < n_) {
    if (e > s && !toks_[e - 1].possessive) {
      std::size_t skip = InnerNameSkip(e);
      if (skip > 0) {
        e += skip;
        continue;
      }
    }
    if (!NameTok(e) || (e > s && (toks_[e].newline_before || !toks_[e].space_before))) break;
    bool office;
    if (e > s && TitleAt(e, &office) > 0) break;
    if (e > s && toks_[e - 1].possessive) break;
    ++e;
  }
  // ", Jr." / "Jr." ends the name
  if (e > s + 1 && e + 1 < n_ && toks_[e].kind == TokKind::kPunct && toks_[e].punct == ',' &&
      toks_[e + 1].cap && kb_.IsNameSuffix(fold_[e + 1]) && !toks_[e + 1].newline_before)
    e += 2;
  return e;
}

// Tokens at e inside a name run, before a name word: a quoted nickname
// ("Jesús \"Chuy\" García") or surname particles ("Carmen De La Rosa"; a
// lower-case one only before a known surname: "Jeff van Drew"). Returns how
// many (0: none).
std::size_t PeopleScan::InnerNameSkip(std::size_t e) const {
  if (toks_[e].newline_before) return 0;
  if (IsQuoteTok(e) && NameTok(e + 1) && IsQuoteTok(e + 2) && NameTok(e + 3) && !toks_[e + 3].newline_before &&
      toks_[e + 3].space_before)
    return 3;
  std::size_t k = e;
  while (k < n_ && k < e + 2 && toks_[k].kind == TokKind::kWord && kb_.IsSurnameParticle(fold_[k]) &&
         toks_[k].space_before && !toks_[k].newline_before)
    ++k;
  if (k == e || !NameTok(k) || toks_[k].newline_before || NameTok(e)) return 0;
  if (!toks_[e].cap && !kb_.IsSurname(fold_[k])) return 0;
  return k - e;
}

// Name words of [s, e): word tokens outside a quoted nickname.
std::size_t PeopleScan::NameWords(std::size_t s, std::size_t e) const {
  std::size_t n = 0;
  bool in_quote = false;
  for (std::size_t i = s; i < e; ++i) {
    if (IsQuoteTok(i)) in_quote = !in_quote;
    else if (!in_quote && toks_[i].kind == TokKind::kWord) ++n;
  }
  return n;
}

// The folded key of [s, e), without a quoted nickname when asked
// ("Jesús \"Chuy\" García" -> "jesus garcia").
std::string PeopleScan::RunKey(std::size_t s, std::size_t e, bool skip_nickname) const {
  if (!skip_nickname) return FoldKey(text_.substr(toks_[s].begin, toks_[e - 1].end - toks_[s].begin));
  std::string key;
  bool in_quote = false;
  for (std::size_t i = s; i < e; ++i) {
    if (IsQuoteTok(i)) {
      in_quote = !in_quote;
      continue;
    }
    if (in_quote) continue;
    if (!key.empty()) key += ' ';
    key += fold_[i];
  }
  return key;
}

// A given name (SSA) first and a surname (Census) last: "Grace Meng",
// "Oswald Feliz", "Norma J. Torres".
bool PeopleScan::ReadsAsGivenAndSurname(std::size_t s, std::size_t e) const {
  if (e - s < 2 || !kb_.IsGivenName(fold_[s])) return false;
  const std::string& last = fold_[SurnameTok(s, e)];
  if (kb_.IsSurname(last)) return true;
  // a hyphenated surname of known surnames ("Stewart-Cousins", "Lazo-Sanchez")
  std::size_t dash = last.find('-');
  return dash != std::string::npos && kb_.IsSurname(std::string_view(last).substr(0, dash));
}

// "(D-NY)", "(R-Fla.)", "(IL-04)", "(NY-13)" after a run: a politician.
bool PeopleScan::PartyOrDistrictAfter(std::size_t e) const {
  if (e + 1 >= n_ || toks_[e].kind != TokKind::kPunct || toks_[e].punct != '(') return false;
  const std::string& f = fold_[e + 1];
  if (toks_[e + 1].kind != TokKind::kWord) return false;
  std::size_t dash = f.find('-');
  if (kb_.IsPartyLetter(std::string_view(f).substr(0, dash))) return true;
  return toks_[e + 1].allcaps && f.size() == 2 && e + 3 < n_ && toks_[e + 2].kind == TokKind::kPunct &&
         toks_[e + 2].punct == '-' && toks_[e + 3].kind == TokKind::kNumber;
}

// An office title ending right before token i ("Mayor", "Council Member");
// sets *begin to its first byte.
bool PeopleScan::TitleBefore(std::size_t i, std::size_t* begin) {
  for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
    bool office;
    int m = TitleAt(i - back, &office);
    if (m == static_cast<int>(back) && office) {
      *begin = toks_[i - back].begin;
      return true;
    }
  }
  return false;
}

// Adds the full name of tokens [s, e): the officeholder's canonical name
// when it is one, the surface otherwise.
std::size_t PeopleScan::AddFull(std::size_t s, std::size_t e) {
  std::string_view surf = text_.substr(toks_[s].begin, toks_[e - 1].end - toks_[s].begin);
  std::string key = FoldKey(surf);
  std::string canonical(surf);
  const PeopleKnowledge::Officeholder* o = kb_.ByFullName(key);
  if (o != nullptr && o->curated) canonical = o->name;
  if (o != nullptr && o->federal) names_congress_member_ = true;
  const std::size_t last = SurnameTok(s, e);
  // one person under two written forms ("Pedro J. Nieves Miranda" / "Pedro Nieves Miranda"): the first one seen
  const std::size_t* known = fulls_.Find(fold_[last]);
  if (known != nullptr && SameNameWords(set_.entities()[*known].name, RunKey(s, e, true))) {
    set_.AddAlias(*known, surf);
    spans_.push_back({toks_[s].begin, toks_[e - 1].end});
    return *known;
  }
  std::size_t idx = set_.Get(canonical);
  set_.AddAlias(idx, surf);
  fulls_.Emplace(fold_[last], idx);
  spans_.push_back({toks_[s].begin, toks_[e - 1].end});
  return idx;
}

// "X aka Y Z": Y Z is another name of entity idx. Returns the end of it (e when none).
std::size_t PeopleScan::AliasAfter(std::size_t e, std::size_t idx) {
  if (e + 1 >= n_ || toks_[e].kind != TokKind::kWord || !kb_.IsAliasJoiner(fold_[e]) || !NameTok(e + 1)) return e;
  std::size_t r = RunEnd(e + 1);
  const std::size_t words = NameWords(e + 1, r);
  if (words < 2 || words > 4) return e;
  set_.AddAlias(idx, text_.substr(toks_[e + 1].begin, toks_[r - 1].end - toks_[e + 1].begin));
  fulls_.Emplace(fold_[SurnameTok(e + 1, r)], idx);
  spans_.push_back({toks_[e + 1].begin, toks_[r - 1].end});
  return r;
}

// Title(s) then a name: "Mayor Jane Okoro-Bell", "Superintendent Dr. Renata
// Q. Oduya" (stacked titles all go). 2-4 name words are a full name; one is
// kept for ResolveTitledOfficeholders. Sets *next past the run.
bool PeopleScan::TitledNameAt(std::size_t i, std::size_t* next) {
  bool office = false;
  int m = TitleAt(i, &office);
  while (m > 0 && i + m < n_ && !toks_[i + m - 1].possessive && !toks_[i + m].newline_before) {
    bool o2;
    int m2 = TitleAt(i + m, &o2);
    if (m2 == 0) break;
    m += m2;
  }
  // Titles that end the text name nobody.
  if (m == 0 || i + m >= n_ || toks_[i + m - 1].possessive || toks_[i + m].newline_before) return false;
  std::size_t s = i + m;
  if (!NameTok(s)) {
    bool office;
    if (!TitleAt(i, &office) || !office || (s = AfterTitleComplement(s)) == 0) return false;
  }
  std::size_t e = RunEnd(s);
  // a headline's "Sheriff John Lovick Will Lead ...": the name is the given name and surname
  if (NameWords(s, e) >= 3 && !kb_.IsSurname(fold_[SurnameTok(s, e)])) {
    std::size_t p = NamePrefix(s, e);
    if (p > s) e = p;
  }
  const std::size_t words = NameWords(s, e);
  // an officeholder's surname of two words ("Rep. Van Duyne")
  if (words == 2 && !kb_.IsGivenName(fold_[s]) && kb_.HasSurname(RunKey(s, e, false)) &&
      !kb_.IsFullName(RunKey(s, e, false))) {
    titled_.push_back({toks_[i].begin, s, e});
    *next = e;
    return true;
  }
  if (words >= 2 && words <= 4) {
    if (NamesBareOfficeholder(s, e)) {
      *next = e;
      return true;
    }
    e = ExtendList(e, true, AddFull(s, e));
  } else if (e - s == 1) {
    titled_.push_back({toks_[i].begin, s, s + 1});
  }
  *next = e;
  return true;
}

// An office title's complement at j ("of the District of Columbia", "de
// Vieques") followed on the same line by a name starting with a given name:
// returns where the name starts, 0 when there is none.
std::size_t PeopleScan::AfterTitleComplement(std::size_t j) {
  if (j >= n_ || toks_[j].kind != TokKind::kWord || toks_[j].cap || !kb_.IsTitleComplement(fold_[j])) return 0;
  for (std::size_t k = j + 1; k < n_ && k <= j + 8; ++k) {
    bool office;
    if (toks_[k].newline_before || toks_[k].kind != TokKind::kWord || TitleAt(k, &office) > 0) return 0;
    if (NameTok(k) && toks_[k - 1].cap && kb_.IsGivenName(fold_[k])) {
      std::size_t e = RunEnd(k);
      if (NameWords(k, e) >= 2 && (e >= n_ || toks_[e].kind == TokKind::kPunct || !toks_[e].cap)) return k;
    }
  }
  return 0;
}

// Untitled runs that read like names but are not people: places ("San
// Pedro Sula, said ..."), parts of a place after a possessive ("Chicago’s
// Southwest Side"), the end of a longer name ("Centro de Detención Montaña
// Franklin", "... Processing Center Delaney Hall") and names after an
// article ("near the Gowanus Expressway, ...").
bool PeopleScan::ReadsAsOtherName(std::size_t s, const std::string& key) const {
  if (places_ != nullptr && places_->IsPlaceName(key)) return true;
  if (s > 0 && toks_[s - 1].possessive && toks_[s - 1].cap) return true;
  if (s > 1 && !toks_[s - 1].cap && kb_.IsLongerNameJoiner(fold_[s - 1]) && toks_[s - 2].cap) return true;
  if (s > 0 && toks_[s - 1].kind == TokKind::kWord && toks_[s - 1].cap && !toks_[s].newline_before &&
      kb_.IsFacilityNoun(fold_[s - 1]))
    return true;
  // (an English article: Spanish "a" is a preposition, "felicitando a Ken Salazar")
  if (s > 0 && toks_[s - 1].kind == TokKind::kWord && !toks_[s - 1].cap && kb_.IsArticle(fold_[s - 1]) &&
      !(ctx_.language == "es" && fold_[s - 1] == "a"))
    return true;
  return false;
}

// Speaker evidence before a run starting at s: "said X Y", "according to
// X Y", "Contact: X Y".
bool PeopleScan::SpeakerBefore(std::size_t s) const {
  if (s == 0) return false;
  const Tok& p = toks_[s - 1];
  if (p.kind == TokKind::kWord && kb_.IsSpeechVerb(fold_[s - 1])) return true;
  if (p.kind == TokKind::kWord) {
    for (const std::vector<std::string>& phrase : kb_.AttributionPhrases()) {
      if (phrase.empty() || phrase.size() > s) continue;
      std::size_t first = s - phrase.size();
      bool match = true;
      for (std::size_t k = 0; k < phrase.size() && match; ++k) match = fold_[first + k] == phrase[k];
      if (match) return true;
    }
  }
  // a quotation's attribution: "... .” - Ana Ruiz, Mayor"
  if (p.kind == TokKind::kPunct && p.punct == '-' && s > 1 && IsQuoteTok(s - 2) && toks_[s - 1].space_before)
    return true;
  return p.kind == TokKind::kPunct && p.punct == ':' && s > 1 && kb_.IsContactLabel(fold_[s - 2]);
}

// Speaker evidence after a run ending at e: "X Y said", "X Y, director of",
// "X Y, 34," "X Y, Mayor of", "X Y (D-Bronx)".
bool PeopleScan::SpeakerAfter(std::size_t e) {
  if (e >= n_) return false;
  const Tok& x = toks_[e];
  if (x.kind == TokKind::kWord && kb_.IsSpeechVerb(fold_[e])) return true;
  if (x.kind == TokKind::kPunct && x.punct == ',' && e + 1 < n_) {
    const Tok& y = toks_[e + 1];
    bool o2;
    // (in Spanish, ", a cargo de" follows any noun phrase: only a title counts)
    const bool lower_ok = ctx_.language != "es";
    if (y.kind == TokKind::kNumber || (lower_ok && y.kind == TokKind::kWord && !y.cap) || TitleAt(e + 1, &o2) > 0)
      return true;
  }
  return x.kind == TokKind::kPunct && x.punct == '(' && e + 1 < n_ && kb_.IsPartyLetter(fold_[e + 1]);
}

// An untitled run [s, e) is a person when it is a known officeholder's full
// name, or reads like no other name and has speaker evidence.
bool PeopleScan::IsUntitledName(std::size_t s, std::size_t e) {
  std::string key = RunKey(s, e, false);
  if (kb_.IsFullName(key) || kb_.IsFullName(RunKey(s, e, true))) return true;
  if (ReadsAsOtherName(s, key) || NamesBareOfficeholder(s, e)) return false;
  return SpeakerBefore(s) || SpeakerAfter(e) || PartyOrDistrictAfter(e) || ReadsAsGivenAndSurname(s, e);
}

// A run naming a president by surname inside a longer phrase ("Trump
// Administration", "Administración Biden", "Biden-Harris"): not a new
// person (ResolveBareOfficeholders finds the officeholders).
bool PeopleScan::NamesBareOfficeholder(std::size_t s, std::size_t e) const {
  if (kb_.IsFullName(RunKey(s, e, false))) return false;  // "Barack Obama"
  for (std::size_t i = s; i < e; ++i) {
    std::string_view f = fold_[i];
    for (std::size_t dash = 0; dash != std::string_view::npos;) {
      dash = f.find('-');
      std::string_view part = f.substr(0, dash);
      if (kb_.HasSurname(part)) {
        for (const PeopleKnowledge::Officeholder* o : kb_.BySurname(std::string(part))) {
          if (o->curated && o->bare && !kb_.IsGivenName(fold_[s])) return true;
        }
      }
      if (dash != std::string_view::npos) f.remove_prefix(dash + 1);
    }
  }
  return false;
}

// More names of a list after the one ending at e: ", C D (D-CA) and E F".
// After a title every run of 2-4 name words is a name; otherwise it needs
// evidence of its own. Returns the end of the list.
std::size_t PeopleScan::ExtendList(std::size_t e, bool titled, std::size_t idx) {
  for (;;) {
    e = AliasAfter(e, idx);
    std::size_t j = e;
    if (j < n_ && toks_[j].kind == TokKind::kPunct && toks_[j].punct == '(') {
      std::size_t k = j + 1;
      while (k < n_ && k < j + 8 && !(toks_[k].kind == TokKind::kPunct && toks_[k].punct == ')')) ++k;
      if (k >= n_ || k == j + 8) return e;
      j = k + 1;
    }
    bool sep = false;
    if (j < n_ && toks_[j].kind == TokKind::kPunct && toks_[j].punct == ',') sep = true, ++j;
    if (j < n_ && toks_[j].kind == TokKind::kWord && !toks_[j].cap && kb_.IsListJoiner(fold_[j])) sep = true, ++j;
    bool office;
    if (!sep || j >= n_ || !NameTok(j) || toks_[j].newline_before || TitleAt(j, &office) > 0) return e;
    std::size_t r = RunEnd(j);
    const std::size_t words = NameWords(j, r);
    if (words < 2 || words > 4) return e;
    std::string key = RunKey(j, r, false);
    if (ReadsAsOtherName(j, key) || NamesBareOfficeholder(j, r)) return e;
    // ", Special Agent-in-Charge of the FBI": a role, not a name
    if (r < n_ && toks_[r].kind == TokKind::kWord && !toks_[r].cap && kb_.IsTitleComplement(fold_[r]) &&
        !kb_.IsGivenName(fold_[j]))
      return e;
    if (!titled && !kb_.IsGivenName(fold_[j]) && !kb_.IsSurname(fold_[r - 1]) && !IsUntitledName(j, r)) return e;
    idx = AddFull(j, r);
    e = r;
  }
}

// A run that fails as a whole may start with a name: a headline's "Grace
// Meng Introduces ..." -> "Grace Meng". Returns the name's end, or s.
std::size_t PeopleScan::NamePrefix(std::size_t s, std::size_t e) {
  for (std::size_t p = s + 2; p < e && p <= s + 3; ++p) {
    // the rest is no part of a name ("Martin Luther King Jr. Way" is not cut)
    if (kb_.IsSurnameParticle(fold_[p - 1]) || kb_.IsSurnameParticle(fold_[p]) || IsQuoteTok(p) ||
        kb_.IsSurname(fold_[p]) || kb_.IsNameSuffix(fold_[p]) || (p + 1 < e && kb_.IsNameSuffix(fold_[p + 1])))
      continue;
    if (ReadsAsGivenAndSurname(s, p) && !ReadsAsOtherName(s, RunKey(s, p, false))) return p;
  }
  return s;
}

void PeopleScan::FindFullNames() {
  for (std::size_t i = 0; i < n_;) {
    std::size_t next;
    if (TitledNameAt(i, &next)) {
      i = next;
      continue;
    }
    if (!NameTok(i)) {
      ++i;
      continue;
    }
    std::size_t s = i, e = RunEnd(s);
    i = e;
    const std::size_t words = NameWords(s, e);
    if (words >= 2 && words <= 4 && IsUntitledName(s, e)) {
      i = ExtendList(e, false, AddFull(s, e));
    } else if (words >= 3) {
      std::size_t p = NamePrefix(s, e);
      if (p > s) AddFull(s, p);
    }
  }
}

// Later mentions: bare surnames and title + surname of a full name found.
void PeopleScan::LinkLaterMentions() {
  for (std::size_t i = 0; i < n_; ++i) {
    if (toks_[i].kind != TokKind::kWord || !toks_[i].cap) continue;
    const std::size_t* full = fulls_.Find(fold_[i]);
    if (full == nullptr || FollowsName(i)) continue;  // not a known surname, or part of a full name
    const std::size_t idx = *full;  // (a copy: the table may grow below)
    set_.AddAlias(idx, TokText(text_, toks_[i]));
    spans_.push_back({toks_[i].begin, toks_[i].end});
    std::size_t b;
    if (TitleBefore(i, &b)) set_.AddAlias(idx, text_.substr(b, toks_[i].end - b));
  }
}

// An officeholder with context places applies only when the dateline or the
// text names one of them.
bool PeopleScan::ContextOk(const PeopleKnowledge::Officeholder* o) const {
  if (o->context.empty()) return true;
  for (const std::string& c : o->context) {
    if (c == ctx_.city || c == ctx_.region) return true;
    // a state code ("NY") only as the dateline's region: as text it is part of other words
    const bool code = c.size() == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
    if (!code && text_.find(c) != std::string_view::npos) return true;
  }
  return false;
}

// Real officeholders named by title + surname ("Governor Hochul") whose
// full name the release does not give.
void PeopleScan::ResolveTitledOfficeholders() {
  for (const TitledSurname& t : titled_) {
    const std::string key = t.end - t.tok == 1 ? fold_[t.tok] : RunKey(t.tok, t.end, false);
    std::string_view surname = text_.substr(toks_[t.tok].begin, toks_[t.end - 1].end - toks_[t.tok].begin);
    if (KnownSurname(key)) continue;
    if (const std::size_t* known = fulls_.Find(fold_[t.end - 1])) {  // "Beth Van Duyne" ... "Rep. Van Duyne"
      set_.AddAlias(*known, surname);
      set_.AddAlias(*known, text_.substr(t.title_begin, toks_[t.end - 1].end - t.title_begin));
      spans_.push_back({toks_[t.tok].begin, toks_[t.end - 1].end});
      continue;
    }
    std::string title_key = FoldKey(text_.substr(t.title_begin, toks_[t.tok].begin - t.title_begin));
    // a curated officeholder first; else the one public officeholder the title fits
    const PeopleKnowledge::Officeholder* pick = nullptr;
    int public_fits = 0;
    for (const PeopleKnowledge::Officeholder* o : kb_.BySurname(key)) {
      bool title_ok = o->titles.empty() && o->curated;
      for (const std::string& tk : o->titles) title_ok = title_ok || tk == title_key;
      // a member of Congress: in a state release under a title state legislators bear too, only in the
      // member's state or where the release names another member of Congress
      const bool context_ok =
          ContextOk(o) || (o->federal && (ctx_.region.empty() || ctx_.region == "DC" || names_congress_member_ ||
                                          kb_.IsFederalTitle(title_key)));
      if (!title_ok || !context_ok) continue;
      if (o->curated) {
        pick = o;
        break;
      }
      if (pick == nullptr || pick->name != o->name) ++public_fits;
      pick = o;
    }
    if (pick == nullptr || (!pick->curated && public_fits != 1)) continue;
    std::size_t idx = set_.Get(pick->name);
    set_.AddAlias(idx, text_.substr(t.title_begin, toks_[t.end - 1].end - t.title_begin));
    set_.AddAlias(idx, surname);
    fulls_.Emplace(fold_[t.end - 1], idx);
    spans_.push_back({toks_[t.tok].begin, toks_[t.end - 1].end});
  }
}

// Real officeholders named by surname alone ("Trump"): only those marked
// bare in officeholders.tsv.
void PeopleScan::ResolveBareOfficeholders() {
  for (std::size_t i = 0; i < n_; ++i) {
    if (toks_[i].kind != TokKind::kWord || !toks_[i].cap || ResolveCompound(i)) continue;
    if (KnownSurname(fold_[i])) continue;
    if (!kb_.HasSurname(fold_[i]) || FollowsName(i)) continue;
    for (const PeopleKnowledge::Officeholder* o : kb_.BySurname(fold_[i])) {
      if (!o->bare || !ContextOk(o)) continue;
      std::size_t idx = set_.Get(o->name);
      set_.AddAlias(idx, TokText(text_, toks_[i]));
      fulls_.Emplace(fold_[i], idx);
      spans_.push_back({toks_[i].begin, toks_[i].end});
      break;
    }
  }
}

// "Biden-Harris" (as in "the Biden-Harris Administration"): surnames of
// curated officeholders joined by a hyphen, one of them named bare, are
// each a mention of that officeholder.
bool PeopleScan::ResolveCompound(std::size_t i) {
  std::string_view f = fold_[i];
  std::size_t dash = f.find('-');
  if (dash == std::string_view::npos || f.find('-', dash + 1) != std::string_view::npos) return false;
  if (!kb_.HasSurname(f.substr(0, dash)) || !kb_.HasSurname(f.substr(dash + 1))) return false;
  const std::string parts[2] = {std::string(f.substr(0, dash)), std::string(f.substr(dash + 1))};
  const PeopleKnowledge::Officeholder* found[2] = {nullptr, nullptr};
  bool any_bare = false;
  for (int k = 0; k < 2; ++k) {
    for (const PeopleKnowledge::Officeholder* o : kb_.BySurname(parts[k])) {
      if (o->curated && ContextOk(o)) {
        found[k] = o;
        any_bare = any_bare || o->bare;
        break;
      }
    }
    if (found[k] == nullptr) return false;
  }
  if (!any_bare) return false;
  std::string_view surf = TokText(text_, toks_[i]);
  const std::size_t cut = surf.find('-');
  const std::string_view written[2] = {surf.substr(0, cut), surf.substr(cut + 1)};
  for (int k = 0; k < 2; ++k) {
    const std::size_t* known = fulls_.Find(parts[k]);
    std::size_t idx = known != nullptr ? *known : set_.Get(found[k]->name);
    set_.AddAlias(idx, written[k]);
    fulls_.Emplace(parts[k], idx);
  }
  spans_.push_back({toks_[i].begin, toks_[i].end});
  return true;
}

void PeopleScan::Finish(std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans) {
  *out = std::move(set_.entities());
  if (mention_spans != nullptr) mention_spans->insert(mention_spans->end(), spans_.begin(), spans_.end());
}

}  // namespace

void FindPeople(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
                const WordTables& words, const PeopleKnowledge& kb, const Gazetteer* places, const DocContext& ctx,
                const std::vector<TextSpan>& taken, std::vector<NamedEntity>* out,
                std::vector<TextSpan>* mention_spans) {
  PeopleScan scan(text, toks, fold, words, kb, places, ctx, taken);
  scan.FindFullNames();
  scan.LinkLaterMentions();
  scan.ResolveTitledOfficeholders();
  scan.ResolveBareOfficeholders();
  scan.Finish(out, mention_spans);
}

void PeopleFinder::Find(const ReleaseView& doc, Claims* claims, Entities* out) const {
  // A surname ("Paxton", "Ferguson") is not a place: the spans are claimed.
  std::vector<TextSpan> spans;
  FindPeople(doc.text, *doc.toks, *doc.fold, kb_.words, kb_.people, kb_.places.get(), doc.ctx, claims->taken,
             &out->people, &spans);
  claims->Take(spans);
}

}  // namespace amicus::internal
