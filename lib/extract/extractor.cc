// The Extractor: loads the knowledge once, then runs the finders of a fixed
// table over each release (dateline first, for the context, then
// legislation -> organizations -> people -> locations -> dates -> money).
// The order matters because later finders skip the byte spans claimed by
// earlier ones: a place inside an organization or act name is not a location
// mention, and a year inside "Local Law 58 of 2014" is not a date.
#include <mutex>
#include <utility>

#include <nlohmann/json.hpp>

#include "amicus/extract.h"
#include "amicus/text.h"
#include "extract/dateline.h"
#include "extract/dates.h"
#include "extract/finder.h"
#include "extract/knowledge_base.h"
#include "extract/money.h"

namespace amicus {

// The finders, in the order they run, built once per knowledge base.
struct Extractor::Finders {
  explicit Finders(const KnowledgeBase& kb)
      : legislation(kb), organizations(kb), people(kb), locations(kb), dates(kb), money(kb) {}
  internal::LegislationFinder legislation;
  internal::OrganizationFinder organizations;
  internal::PeopleFinder people;
  internal::LocationFinder locations;
  internal::DateFinder dates;
  internal::MoneyFinder money;
  const internal::Finder* const table[6] = {&legislation, &organizations, &people, &locations, &dates, &money};
};

Extractor::Extractor(std::shared_ptr<const KnowledgeBase> kb)
    : kb_(std::move(kb)), finders_(std::make_unique<Finders>(*kb_)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(std::unique_ptr<Extractor>* out) {
  std::shared_ptr<const KnowledgeBase> kb;
  Status s = KnowledgeBase::Embedded(&kb);
  if (!s.ok()) return s;
  out->reset(new Extractor(std::move(kb)));
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
  std::vector<internal::Tok> toks;
  internal::Tokenize(release.text, &toks);
  std::vector<std::string> fold;
  internal::FoldTokens(release.text, toks, &fold);

  internal::ReleaseView doc{release.text, release.published, &toks, &fold, {}, nullptr};
  doc.ctx.language = release.language.empty() ? DetectLanguage(release.text) : release.language;
  doc.ctx.publisher = release.organization;
  doc.ctx.places = kb_->places.get();
  internal::DatelineMatch dateline;
  if (internal::ExtractDateline(doc.text, *kb_->places, &dateline, release.organization)) {
    e.dateline = dateline.dateline;
    doc.dateline = &dateline;
    doc.ctx.city = dateline.dateline.city;
    doc.ctx.region = dateline.dateline.region;
    const int state = doc.ctx.region.size() == 2 ? kb_->places->StateEntry(doc.ctx.region) : -1;
    if (state >= 0 && doc.ctx.region != "DC") doc.ctx.state_name = kb_->places->entry(state).canonical;
  }
  internal::Claims claims;
  for (const internal::Finder* finder : finders_->table) finder->Find(doc, &claims, &e);
  return e;
}

std::string Extractor::CanonicalOrganization(std::string_view name, std::string_view url) const {
  return kb_->linker.Organization(*kb_, name, url);
}

std::string Extractor::CanonicalName(EntityKind kind, std::string_view name) const {
  const internal::Linker& linker = kb_->linker;
  switch (kind) {
    case EntityKind::kPerson: return linker.Person(*kb_, name);
    case EntityKind::kOrganization: return linker.Organization(*kb_, name, "");
    case EntityKind::kLegislation: return linker.Law(*kb_, name);
    case EntityKind::kLocation: return linker.Place(*kb_, name);
  }
  return "";
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
