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
  if (!s.ok()) return s;
  return LoadWordClasses(lexicon);
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
  // A title followed by a single name word ("Governor Hochul"), for step 3.
  struct TitledSurname {
    std::size_t title_begin, tok;
  };

  void MarkNameTokens(const std::vector<TextSpan>& taken);
  int TitleAt(std::size_t i, bool* office);
  bool NameTok(std::size_t i) const { return i < n_ && is_name_[i] != 0; }
  bool FollowsName(std::size_t i);
  std::size_t RunEnd(std::size_t s);
  bool TitleBefore(std::size_t i, std::size_t* begin);
  bool TitledNameAt(std::size_t i, std::size_t* next);
  bool IsUntitledName(std::size_t s, std::size_t e);
  bool ReadsAsOtherName(std::size_t s, const std::string& key) const;
  bool SpeakerBefore(std::size_t s) const;
  bool SpeakerAfter(std::size_t e);
  void AddFull(std::size_t s, std::size_t e);
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
  while (e < n_ && NameTok(e) && (e == s || (!toks_[e].newline_before && toks_[e].space_before))) {
    bool office;
    if (e > s && TitleAt(e, &office) > 0) break;
    if (e > s && toks_[e - 1].possessive) break;
    ++e;
  }
  return e;
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
void PeopleScan::AddFull(std::size_t s, std::size_t e) {
  std::string_view surf = text_.substr(toks_[s].begin, toks_[e - 1].end - toks_[s].begin);
  std::string key = FoldKey(surf);
  std::string canonical(surf);
  if (kb_.IsFullName(key)) {
    for (const PeopleKnowledge::Officeholder* o : kb_.BySurname(fold_[e - 1])) {
      if (FoldKey(o->name) == key) canonical = o->name;
    }
  }
  std::size_t idx = set_.Get(canonical);
  set_.AddAlias(idx, surf);
  fulls_.Emplace(fold_[e - 1], idx);
  spans_.push_back({toks_[s].begin, toks_[e - 1].end});
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
  if (m == 0 || toks_[i + m - 1].possessive || !NameTok(i + m) || toks_[i + m].newline_before) return false;
  std::size_t s = i + m, e = RunEnd(s);
  if (e - s >= 2 && e - s <= 4) AddFull(s, e);
  else if (e - s == 1) titled_.push_back({toks_[i].begin, s});
  *next = e;
  return true;
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
  if (s > 0 && toks_[s - 1].kind == TokKind::kWord && !toks_[s - 1].cap && kb_.IsArticle(fold_[s - 1])) return true;
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
    if (y.kind == TokKind::kNumber || (y.kind == TokKind::kWord && !y.cap) || TitleAt(e + 1, &o2) > 0) return true;
  }
  return x.kind == TokKind::kPunct && x.punct == '(' && e + 1 < n_ && kb_.IsPartyLetter(fold_[e + 1]);
}

// An untitled run [s, e) is a person when it is a known officeholder's full
// name, or reads like no other name and has speaker evidence.
bool PeopleScan::IsUntitledName(std::size_t s, std::size_t e) {
  std::string key = FoldKey(text_.substr(toks_[s].begin, toks_[e - 1].end - toks_[s].begin));
  if (kb_.IsFullName(key)) return true;
  if (ReadsAsOtherName(s, key)) return false;
  return SpeakerBefore(s) || SpeakerAfter(e);
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
    if (e - s < 2 || e - s > 4) continue;
    if (IsUntitledName(s, e)) AddFull(s, e);
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
    if (c == ctx_.city || c == ctx_.region || text_.find(c) != std::string_view::npos) return true;
  }
  return false;
}

// Real officeholders named by title + surname ("Governor Hochul") whose
// full name the release does not give.
void PeopleScan::ResolveTitledOfficeholders() {
  for (const TitledSurname& t : titled_) {
    const std::string& key = fold_[t.tok];
    if (KnownSurname(key)) continue;
    std::string title_key = FoldKey(text_.substr(t.title_begin, toks_[t.tok].begin - t.title_begin));
    for (const PeopleKnowledge::Officeholder* o : kb_.BySurname(key)) {
      bool title_ok = o->titles.empty();
      for (const std::string& tk : o->titles) title_ok = title_ok || tk == title_key;
      if (!title_ok || !ContextOk(o)) continue;
      std::size_t idx = set_.Get(o->name);
      set_.AddAlias(idx, text_.substr(t.title_begin, toks_[t.tok].end - t.title_begin));
      set_.AddAlias(idx, TokText(text_, toks_[t.tok]));
      fulls_.Emplace(key, idx);
      spans_.push_back({toks_[t.tok].begin, toks_[t.tok].end});
      break;
    }
  }
}

// Real officeholders named by surname alone ("Trump"): only those marked
// bare in officeholders.tsv.
void PeopleScan::ResolveBareOfficeholders() {
  for (std::size_t i = 0; i < n_; ++i) {
    if (toks_[i].kind != TokKind::kWord || !toks_[i].cap || KnownSurname(fold_[i])) continue;
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
