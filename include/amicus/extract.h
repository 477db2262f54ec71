// amicus/extract.h — entities in a release: people, organizations,
// legislation, locations, dates, money amounts and the dateline.
//
// Each named entity has one canonical name and the other surface forms the
// release used for it ("Zohran Mamdani" with aliases "Mayor Mamdani",
// "Mamdani"). Dates are normalized against the publication date ("Today" ->
// "2026-01-20", "April" -> "2026-04", "FY27" -> "FY2027"); money amounts carry
// their value in dollars. The annotation guideline is tests/data/releases.jsonl.
//
// Knowledge (agencies, officeholders, places, Spanish equivalents) comes from
// the files in data/knowledge, compiled into the library; a KnowledgeBase is
// loaded once, immutable, and shared read-only by any number of threads.
//
// Thread-safety: Extractor::Extract is const and thread-safe; one Extractor
// can serve every thread.
#ifndef AMICUS_EXTRACT_H_
#define AMICUS_EXTRACT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "amicus/release.h"
#include "amicus/status.h"

namespace amicus {

struct NamedEntity {
  std::string name;                  // canonical name
  std::vector<std::string> aliases;  // other surface forms seen in the release
};

struct DateMention {
  std::string text;   // surface text, e.g. "last month"
  std::string value;  // "YYYY-MM-DD", "YYYY-MM", "YYYY" or "FYYYYY"
};

struct MoneyMention {
  std::string text;   // surface text, e.g. "$4.5 million"
  double value = 0;   // dollars
};

struct Dateline {
  std::string city;    // "Buffalo"; empty when the release has no dateline
  std::string region;  // "NY", "DC", two-letter state code
};

struct Entities {
  Dateline dateline;
  std::vector<NamedEntity> people;
  std::vector<NamedEntity> organizations;
  std::vector<NamedEntity> legislation;
  std::vector<NamedEntity> locations;
  std::vector<DateMention> dates;
  std::vector<MoneyMention> money;
};

class KnowledgeBase;  // opaque; see Extractor::Create

// The kinds of named entity, for the calls that take one.
enum class EntityKind { kPerson, kOrganization, kLegislation, kLocation };

class Extractor {
 public:
  // The knowledge compiled into the library. Cheap after the first call
  // (the knowledge is built once per process and shared).
  static Status Create(std::unique_ptr<Extractor>* out);
  // Knowledge read from a folder of files in the data/knowledge format
  // (docs/knowledge.md), instead of the compiled-in copy.
  static Status CreateFromDirectory(const std::string& dir, std::unique_ptr<Extractor>* out);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Release::published anchors relative dates; when it is empty they are
  // left out.
  Entities Extract(const Release& release) const;

  // The canonical name of the organization `name` names, as the knowledge
  // knows it: an agency by any of its names, acronyms or Spanish names
  // ("United States Department of Justice" -> "U.S. Department of
  // Justice"); a state attorney general's office however its site writes it
  // ("Office of Minnesota Attorney General Keith Ellison" -> "Office of the
  // Minnesota Attorney General"), the state taken from the name or else from
  // `url`, the address of the page that names it (may be empty). Returns ""
  // when the knowledge does not know the name. Thread-safe.
  std::string CanonicalOrganization(std::string_view name, std::string_view url = "") const;

  // The canonical name the knowledge gives `name` as an entity of `kind`,
  // as a search filter or a caller writes it: an officeholder by full name
  // or title and surname ("Governor Hochul" -> "Kathy Hochul", when one
  // officeholder fits), an organization as CanonicalOrganization does, an
  // act by its short name, acronym or Spanish name ("FOIA" -> "Freedom of
  // Information Act"), a place by any of its names ("Nueva York" -> "New
  // York City"). Returns "" when the knowledge does not know the name.
  // Thread-safe.
  std::string CanonicalName(EntityKind kind, std::string_view name) const;

 private:
  struct Finders;
  explicit Extractor(std::shared_ptr<const KnowledgeBase> kb);
  std::shared_ptr<const KnowledgeBase> kb_;
  std::unique_ptr<const Finders> finders_;
};

// One JSON object (no newline) in the gold schema of docs/contract.md:
// {"id", "dateline", "people", "organizations", "legislation", "locations",
//  "dates", "money"}.
std::string EntitiesToJson(const std::string& id, const Entities& entities);

}  // namespace amicus

#endif  // AMICUS_EXTRACT_H_
