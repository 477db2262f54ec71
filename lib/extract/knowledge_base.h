// The extractor's one in-memory knowledge base: every table the finders
// consult, read once from the knowledge files (data/knowledge, compiled in,
// or a folder given at run time) through the one loader (KnowledgeFiles),
// immutable afterwards and shared read-only by every Extractor and thread.
// Internal.
#ifndef AMICUS_LIB_EXTRACT_KNOWLEDGE_BASE_H_
#define AMICUS_LIB_EXTRACT_KNOWLEDGE_BASE_H_

#include <memory>

#include "amicus/status.h"
#include "extract/knowledge_file.h"
#include "extract/dates.h"
#include "extract/legislation.h"
#include "extract/lexicon.h"
#include "extract/linker.h"
#include "extract/money.h"
#include "extract/organizations.h"
#include "extract/people.h"
#include "extract/people_orgs_common.h"
#include "extract/places.h"

namespace amicus {

class KnowledgeBase {
 public:
  // Reads every table from `files`; fails naming the file and line of the
  // first bad record, or the missing file.
  static Status Load(const internal::KnowledgeFiles& files, std::shared_ptr<const KnowledgeBase>* out);
  // The knowledge compiled into the library, built on the first call and
  // shared by every later one (thread-safe).
  static Status Embedded(std::shared_ptr<const KnowledgeBase>* out);

  internal::Lexicon lexicon;        // words_*.tsv: the finders' word classes
  internal::WordTables words;       // titles.tsv, org_words.tsv
  internal::OrgKnowledge orgs;      // agencies.tsv, gov_bodies.tsv
  internal::PeopleKnowledge people; // officeholders.tsv
  internal::ActKnowledge acts;      // acts.tsv
  internal::DateKnowledge dates;    // words_dates.tsv
  internal::MoneyKnowledge money;   // words_money.tsv
  std::unique_ptr<internal::Gazetteer> places;  // us_*.tsv, local_places.tsv, countries.tsv, foreign_places.tsv
  internal::Linker linker;          // words_publishers.tsv: names to canonical entities

 private:
  KnowledgeBase() = default;
};

}  // namespace amicus

#endif  // AMICUS_LIB_EXTRACT_KNOWLEDGE_BASE_H_
