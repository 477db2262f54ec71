#include "index/release_preparer.h"

#include <algorithm>
#include <cstdint>

#include "index/entity_terms.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

// An alias that is worth matching from free text: an acronym ("ICE", "DOI")
// or a name of several words. Single common words ("Council", "Board")
// would flood the results of plain queries.
bool IsDistinctiveAlias(const std::string& surface, std::size_t words) {
  if (words >= 2) return true;
  std::size_t upper = 0, letters = 0;
  for (char c : surface) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
  }
  return letters >= 2 && upper == letters;
}

}  // namespace

std::string ReleasePreparer::SynonymKey(const std::string& surface) {
  tokens_.clear();
  analyzer_.Tokenize(surface, &tokens_);
  std::string key;
  std::uint32_t last = UINT32_MAX;
  for (const Token& t : tokens_) {
    if (t.position == last) continue;  // whole-token extras share a position
    last = t.position;
    if (!key.empty()) key.push_back(' ');
    key.append(t.term);
  }
  return key;
}

const ReleasePreparer::SurfaceKeys& ReleasePreparer::KeysOf(const std::string& surface) {
  auto it = surface_keys_.find(surface);
  if (it != surface_keys_.end()) return it->second;
  if (surface_keys_.size() >= kMaxCachedSurfaces) surface_keys_.clear();
  SurfaceKeys keys;
  keys.alias = NameKey(surface);
  if (!keys.alias.empty()) {
    std::string key = SynonymKey(surface);
    const std::size_t words = key.empty() ? 0 : 1 + std::count(key.begin(), key.end(), ' ');
    if (!key.empty() && key.size() <= schema::kMaxTermBytes && IsDistinctiveAlias(surface, words)) {
      keys.synonym = std::move(key);
    }
  }
  return surface_keys_.emplace(surface, std::move(keys)).first->second;
}

void ReleasePreparer::LearnNames(const Entities& entities, PreparedRelease* p) {
  for (const EntityCategory& cat : EntityCategories()) {
    for (const NamedEntity& e : entities.*(cat.member)) {
      std::string term = EntityTerm(cat.prefix, e.name);
      if (term.empty()) continue;
      std::string canonical = term.substr(cat.prefix.size());
      p->displays.emplace_back(term, e.name);
      auto learn = [&](const std::string& surface) {
        const SurfaceKeys& keys = KeysOf(surface);
        if (keys.alias.empty()) return;
        p->aliases.emplace_back(schema::Term(schema::kAliasMetadataPrefix, schema::Term(cat.prefix, keys.alias)),
                                canonical);
        if (!keys.synonym.empty()) p->synonyms.emplace_back(keys.synonym, term);
      };
      learn(e.name);
      for (const std::string& a : e.aliases) learn(a);
      // A person is also found by surname ("Mamdani", and with a title
      // stripped by the searcher, "Mayor Mamdani"), even in a release that
      // only ever wrote the full name.
      if (cat.prefix == schema::kPersonPrefix) {
        std::size_t space = e.name.find_last_of(' ');
        if (space != std::string::npos && space + 1 < e.name.size()) learn(e.name.substr(space + 1));
      }
    }
  }
}

void ReleasePreparer::Prepare(PreparedRelease* p) {
  p->prepared = true;
  PrepareDocument(p);
  // Each (alias, entity) pair counts once per release.
  std::sort(p->aliases.begin(), p->aliases.end());
  p->aliases.erase(std::unique(p->aliases.begin(), p->aliases.end()), p->aliases.end());
}

void ReleasePreparer::PrepareDocument(PreparedRelease* p) {
  const Release& r = p->release;
  if (r.id.empty()) {
    p->status = Status::InvalidArgument("release without an id cannot be indexed; give every release an \"id\"");
    return;
  }
  p->id_term = schema::Term(schema::kIdPrefix, r.id);
  if (p->id_term.size() > schema::kMaxTermBytes) {
    p->status = Status::InvalidArgument("release id is longer than " + std::to_string(schema::kMaxTermBytes - 1) +
                                        " bytes; use a shorter id");
    return;
  }
  if (p->release.language.empty()) {
    // The title and the start of the text are plenty for the language; the
    // extractor then uses it instead of detecting it again.
    p->release.language = DetectLanguage(r.title + "\n" + r.text.substr(0, 4096));
  }
  const std::string& language = r.language;
  try {
    Entities entities = extractor_->Extract(r);
    EntityNames names;
    p->doc = builder_.Build(r, language, entities, &names);
    for (const std::vector<std::string>& list : names) {
      for (const std::string& name : list) p->facet_names.emplace_back(FacetNameKey(FacetNameHash(name)), name);
    }
    LearnNames(entities, p);
    if (!r.organization.empty()) {
      std::string term = schema::Term(schema::kPublisherPrefix, FoldText(r.organization));
      if (term.size() <= schema::kMaxTermBytes) p->displays.emplace_back(std::move(term), r.organization);
    }
  } catch (const Xapian::Error& e) {
    p->status = Status::Internal(r.id + ": building its document failed: " + e.get_description());
  }
}

}  // namespace amicus::internal
