// The Extractor: loads the knowledge once, then runs the entity finders in
// a fixed order over each release (see extract-plan: dateline -> legislation
// -> organizations -> people -> locations -> dates -> money). The order
// matters because later finders skip the byte spans claimed by earlier ones:
// a place inside an organization or act name is not a location mention, and a
// year inside "Local Law 58 of 2014" is not a date.
#include <algorithm>
#include <mutex>
#include <utility>

#include <nlohmann/json.hpp>

#include "amicus/extract.h"
#include "amicus/text.h"
#include "extract/dateline.h"
#include "extract/dates.h"
#include "extract/knowledge_file.h"
#include "extract/legislation.h"
#include "extract/money.h"
#include "extract/organizations.h"
#include "extract/people.h"
#include "extract/people_orgs_common.h"
#include "extract/places.h"
#include "extract/scan.h"
#include "extract/span.h"

namespace amicus {

// Everything the finders need that does not depend on one release: built
// once from the knowledge files, immutable afterwards, shared read-only by
// every Extractor and thread.
class KnowledgeBase {
 public:
  static Status Load(const internal::KnowledgeFiles& files, std::shared_ptr<const KnowledgeBase>* out) {
    auto kb = std::shared_ptr<KnowledgeBase>(new KnowledgeBase());
    Status s = kb->words.Load(files);
    if (s.ok()) s = kb->orgs.Load(files);
    if (s.ok()) s = kb->people.Load(files);
    if (s.ok()) s = internal::Gazetteer::Load(files, &kb->places);
    if (!s.ok()) return s;
    *out = std::move(kb);
    return Status::OK();
  }

  internal::WordTables words;
  internal::OrgKnowledge orgs;
  internal::PeopleKnowledge people;
  std::unique_ptr<internal::Gazetteer> places;

 private:
  KnowledgeBase() = default;
};

Extractor::Extractor(std::shared_ptr<const KnowledgeBase> kb) : kb_(std::move(kb)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(std::unique_ptr<Extractor>* out) {
  // Built once per process; later calls share it. Magic-static init is
  // thread-safe, so concurrent first calls build it once.
  struct Shared {
    Status status;
    std::shared_ptr<const KnowledgeBase> kb;
  };
  static const Shared shared = [] {
    Shared s;
    s.status = KnowledgeBase::Load(internal::KnowledgeFiles::Embedded(), &s.kb);
    return s;
  }();
  if (!shared.status.ok()) return shared.status;
  out->reset(new Extractor(shared.kb));
  return Status::OK();
}

Status Extractor::CreateFromDirectory(const std::string& dir, std::unique_ptr<Extractor>* out) {
  internal::KnowledgeFiles files;
  Status s = internal::KnowledgeFiles::FromDirectory(dir, &files);
  if (!s.ok()) return s;
  std::shared_ptr<const KnowledgeBase> kb;
  s = KnowledgeBase::Load(files, &kb);
  if (!s.ok()) return s;
  out->reset(new Extractor(std::move(kb)));
  return Status::OK();
}

Entities Extractor::Extract(const Release& release) const {
  Entities e;
  const std::string_view text = release.text;
  const std::string language = release.language.empty() ? DetectLanguage(text) : release.language;
  std::vector<internal::TextSpan> taken;
  std::vector<internal::Tok> toks;
  internal::Tokenize(text, &toks);
  std::vector<std::string> fold;
  internal::FoldTokens(text, toks, &fold);

  internal::DocContext ctx;
  ctx.language = language;
  ctx.publisher = release.organization;
  ctx.places = kb_->places.get();
  internal::DatelineMatch dateline;
  const bool has_dateline = internal::ExtractDateline(text, *kb_->places, &dateline);
  if (has_dateline) {
    e.dateline = dateline.dateline;
    ctx.city = dateline.dateline.city;
    ctx.region = dateline.dateline.region;
    const int state = ctx.region.size() == 2 ? kb_->places->StateEntry(ctx.region) : -1;
    if (state >= 0 && ctx.region != "DC") ctx.state_name = kb_->places->entry(state).canonical;
  }

  std::vector<internal::TextSpan> law_spans;
  internal::ExtractLegislation(text, &e.legislation, &law_spans);
  internal::NormalizeSpans(&law_spans);
  taken.insert(taken.end(), law_spans.begin(), law_spans.end());
  internal::NormalizeSpans(&taken);

  std::vector<internal::TextSpan> org_spans;
  internal::FindOrganizations(text, toks, fold, kb_->words, kb_->orgs, ctx, taken, &e.organizations, &org_spans);
  taken.insert(taken.end(), org_spans.begin(), org_spans.end());
  internal::NormalizeSpans(&taken);
  // A state attorney general's office is named with its state, as the
  // guideline does ("Office of the New York State Attorney General").
  if (!ctx.state_name.empty()) {
    for (NamedEntity& org : e.organizations) {
      const std::string key = NameKey(org.name);
      if (key != "office of the attorney general" && key != "attorney general's office") continue;
      org.aliases.insert(org.aliases.begin(), org.name);
      org.name = "Office of the " + ctx.state_name + " Attorney General";
    }
  }
  std::vector<internal::TextSpan> person_spans;
  internal::FindPeople(text, toks, fold, kb_->words, kb_->people, kb_->places.get(), ctx, taken, &e.people,
                       &person_spans);
  // A surname ("Paxton", "Ferguson") is not a place.
  taken.insert(taken.end(), person_spans.begin(), person_spans.end());
  internal::NormalizeSpans(&taken);
  std::vector<internal::TextSpan> place_spans;
  internal::ExtractLocations(text, *kb_->places, has_dateline ? &dateline : nullptr, taken, &e.locations,
                             &place_spans);
  internal::ExtractDates(text, release.published, language, law_spans, &e.dates);
  internal::ExtractMoney(text, language, &e.money);
  return e;
}

std::string EntitiesToJson(const std::string& id, const Entities& e) {
  using nlohmann::ordered_json;
  auto named = [](const std::vector<NamedEntity>& list) {
    ordered_json arr = ordered_json::array();
    for (const NamedEntity& n : list) {
      ordered_json o;
      o["name"] = n.name;
      o["aliases"] = n.aliases;
      arr.push_back(std::move(o));
    }
    return arr;
  };
  ordered_json j;
  j["id"] = id;
  if (e.dateline.city.empty()) {
    j["dateline"] = nullptr;
  } else {
    j["dateline"] = {{"city", e.dateline.city}, {"region", e.dateline.region}};
  }
  j["people"] = named(e.people);
  j["organizations"] = named(e.organizations);
  j["legislation"] = named(e.legislation);
  j["locations"] = named(e.locations);
  ordered_json dates = ordered_json::array();
  for (const DateMention& d : e.dates) dates.push_back({{"text", d.text}, {"value", d.value}});
  j["dates"] = std::move(dates);
  ordered_json money = ordered_json::array();
  for (const MoneyMention& m : e.money) money.push_back({{"text", m.text}, {"value", m.value}});
  j["money"] = std::move(money);
  // Replace invalid UTF-8 rather than throw: the library never throws.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace amicus
