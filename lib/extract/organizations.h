// Organizations in a release: capitalized name sequences headed or ended by
// an organization word ("Brooklyn Immigrant Defense Project", "Coalición
// Paso del Norte ..."), names defined with an acronym ("... (CLDIN)") and the
// acronym's later uses, real agencies from data/knowledge/agencies.tsv under
// their canonical names (ICE, "Servicio de Inmigración y Control de Aduanas"
// -> "Immigration and Customs Enforcement"), and short references to
// government bodies resolved by the release's place ("the Senate" in an
// Albany release -> "New York State Senate"). Internal.
//
// Thread-safety: OrgKnowledge is immutable after Load; FindOrganizations is
// reentrant.
#ifndef AMICUS_LIB_EXTRACT_ORGANIZATIONS_H_
#define AMICUS_LIB_EXTRACT_ORGANIZATIONS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "amicus/extract.h"
#include "extract/people_orgs_common.h"
#include "extract/finder.h"
#include "extract/span.h"

#include "extract/lexicon.h"

namespace amicus::internal {

class OrgKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);

  struct Agency {
    std::string canonical;
    std::string region;  // empty = anywhere
    std::string acronym;  // first all-capitals other name ("DHS"), or empty
  };
  // Agency named by a folded key (canonical, alias or acronym), or nullptr.
  const Agency* FindAgency(const std::string& key, const std::string& region) const;
  // Canonical name of a legislative body's short name in a region ("NY",
  // "Senate") or empty.
  std::string GovBody(const std::string& region, const std::string& short_key) const;

 private:
  std::vector<Agency> agencies_;
  std::unordered_multimap<std::string, std::size_t> agency_keys_;
  StringSet agency_key_set_;  // the keys of agency_keys_, for the quick miss
  std::unordered_map<std::string, std::string> gov_bodies_;  // region + '|' + folded short -> canonical
};

// `fold` holds FoldTokens(text, toks). Byte ranges of every organization
// mention go to `mention_spans`.
void FindOrganizations(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
                       const WordTables& words, const OrgKnowledge& kb, const DocContext& ctx, const std::vector<TextSpan>& taken,
                       std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans);

// The organization finder of the extractor's table (claims every mention).
class OrganizationFinder : public Finder {
 public:
  explicit OrganizationFinder(const KnowledgeBase& kb) : kb_(kb) {}
  void Find(const ReleaseView& doc, Claims* claims, Entities* out) const override;

 private:
  const KnowledgeBase& kb_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_ORGANIZATIONS_H_
