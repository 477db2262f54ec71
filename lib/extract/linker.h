// The linker: from a name as someone wrote it to the canonical entity the
// knowledge base knows ("United States Department of Justice" and "DOJ" ->
// "U.S. Department of Justice"; "Office of Minnesota Attorney General Keith
// Ellison" -> "Office of the Minnesota Attorney General"). It answers for a
// bare name, without a release around it: the publisher of a page, a search
// filter's value. Internal; reached through Extractor::CanonicalOrganization.
//
// Thread-safety: immutable; any number of threads may call it.
#ifndef AMICUS_LIB_EXTRACT_LINKER_H_
#define AMICUS_LIB_EXTRACT_LINKER_H_

#include <string>
#include <string_view>

#include "amicus/status.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "util/string_table.h"

namespace amicus {
class KnowledgeBase;
}

namespace amicus::internal {

class Linker {
 public:
  // Resolves the word classes the linker uses (words_publishers.tsv) and
  // reads the federal web domains of web_domains.tsv.
  static Status Load(const KnowledgeFiles& files, const Lexicon& lexicon, Linker* out);

  // The canonical name of the organization `name` names, or "" when the
  // knowledge does not know it. `url` (may be empty), the address of the
  // page that names it, gives the state where the name does not
  // ("Office of the Attorney General" on ag.ny.gov).
  std::string Organization(const KnowledgeBase& kb, std::string_view name, std::string_view url) const;
  // An officeholder named by full name, or by titles and surname when one
  // officeholder with that surname takes that title; else "".
  std::string Person(const KnowledgeBase& kb, std::string_view name) const;
  // An act of acts.tsv by any of its names; else "".
  std::string Law(const KnowledgeBase& kb, std::string_view name) const;
  // A place of the gazetteer by any of its names; else "".
  std::string Place(const KnowledgeBase& kb, std::string_view name) const;

 private:
  // The USPS code of the U.S. state that `folded` (a folded name) names in
  // one of its words or word pairs, or that the host of `url` belongs to.
  std::string StateOf(const KnowledgeBase& kb, const std::string& folded, std::string_view url) const;

  // The federal body that uses the web host `host` (or a parent domain), by
  // its canonical name where the agencies know it; "" when none.
  std::string FederalSite(const KnowledgeBase& kb, std::string_view host) const;

  const std::vector<std::string>* attorney_general_ = nullptr;  // "attorney general", "fiscal general"
  const StringSet* state_domain_labels_ = nullptr;              // "state": "ag.state.mn.us"
  // Federal domains of the .gov registry -> the component using them
  // ("ice.gov" -> "U.S. Immigration and Customs Enforcement"), else the
  // registrant ("justice.gov" -> "Department of Justice"). Cities' and
  // states' registrants are their IT offices, no publishers: left out.
  StringTable<std::string> federal_domains_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_LINKER_H_
