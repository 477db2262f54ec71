// Organizations in a release: capitalized name sequences headed or ended by
// an organization word ("Brooklyn Immigrant Defense Project", "Coalición
// Paso del Norte ..."), names defined with an acronym ("... (CLDIN)") and the
// acronym's later uses, real agencies from data/knowledge/agencies.tsv under
// their canonical names (ICE, "Servicio de Inmigración y Control de Aduanas"
// -> "Immigration and Customs Enforcement") and from the public tables
// federal_agencies.tsv, international_orgs.tsv and committees.tsv (merged
// into agencies.tsv's entries where they share a name), and short references to
// government bodies resolved by the release's place ("the Senate" in an
// Albany release -> "New York State Senate").
//
// The rules' vocabulary (connectors, lead noise, program and event words,
// Spanish body names and their English forms, ...) is the org.* word classes
// of data/knowledge/words_orgs.tsv, resolved once by OrgKnowledge::Load;
// docs/extraction.md lists each class and the rule that uses it. Internal.
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
#include "extract/people.h"

namespace amicus::internal {

// The organization finder's word classes (words_orgs.tsv), resolved once:
// each member names the class it holds. Phrases are split into their words.
struct OrgWords {
  using Phrase = std::vector<std::string>;
  struct SpanishBody {
    Phrase head;          // "distrito escolar independiente"
    std::string english;  // "Independent School District"
  };

  const StringSet* connector = nullptr;            // org.connector
  const StringSet* lead_noise = nullptr;           // org.lead_noise
  const StringSet* non_org_tail = nullptr;         // org.non_org_tail
  const StringSet* short_gov_key = nullptr;        // org.short_gov_key
  const StringSet* event_word = nullptr;           // org.event_word
  const StringSet* confinement_word = nullptr;     // org.confinement_word
  const StringSet* confinement_tail = nullptr;     // org.confinement_tail
  const StringSet* confinement_head = nullptr;     // org.confinement_head
  const StringSet* program_noun = nullptr;         // org.program_noun
  const StringSet* type_noun = nullptr;            // org.type_noun
  const StringSet* funded_thing_tail = nullptr;    // org.funded_thing_tail
  std::vector<Phrase> funded_lead;                 // org.funded_lead
  const StringSet* amount_word = nullptr;          // org.amount_word
  const StringSet* article = nullptr;              // org.article
  const StringSet* spanish_article = nullptr;      // org.spanish_article
  const StringSet* appositive_article = nullptr;   // org.appositive_article
  const StringSet* appositive_stop = nullptr;      // org.appositive_stop
  const StringSet* of_word = nullptr;              // org.of_word
  const StringSet* affiliation_word = nullptr;     // org.affiliation_word
  const StringSet* and_word = nullptr;             // org.and_word
  const StringSet* article_after_and = nullptr;    // org.article_after_and
  const StringSet* campus_connector = nullptr;     // org.campus_connector
  const StringSet* campus_head = nullptr;          // org.campus_head
  const StringSet* date_connector = nullptr;       // org.date_connector
  const StringSet* date_word = nullptr;            // org.date_word
  const StringSet* numbered_head = nullptr;        // org.numbered_head
  const StringSet* chamber_word = nullptr;         // org.chamber_word
  const StringSet* chamber_key = nullptr;          // org.chamber_key
  const StringTable<std::string>* body_english_key = nullptr;    // org.body_english_key
  const StringTable<std::string>* state_chamber_name = nullptr;  // org.state_chamber_name
  const StringSet* short_unresolved = nullptr;     // org.short_unresolved
  const StringSet* short_inner = nullptr;          // org.short_inner
  const StringSet* short_national = nullptr;       // org.short_national
  const StringSet* short_city = nullptr;           // org.short_city
  const StringTable<std::string>* city_council_name = nullptr;  // org.city_council_name
  std::vector<Phrase> council_head_es;             // org.council_head_es
  const StringSet* spanish_of = nullptr;           // org.spanish_of
  std::vector<Phrase> county_lead_es;              // org.county_lead_es
  std::vector<Phrase> city_lead_es;                // org.city_lead_es
  std::vector<SpanishBody> spanish_body;           // org.spanish_body, in file order
  const StringSet* inspector_general_head = nullptr;   // org.inspector_general_head
  std::vector<Phrase> agency_unit_tail;            // org.agency_unit_tail
  const StringSet* committee_word = nullptr;       // org.committee_word
  const StringSet* attorney_general_office = nullptr;  // org.attorney_general_office
  const StringSet* company_form = nullptr;         // org.company_form
  const StringSet* presidency_word = nullptr;      // org.presidency_word
  const StringSet* indefinite_article = nullptr;   // org.indefinite_article
  const StringSet* us_attorney_head = nullptr;     // org.us_attorney_head
  const StringSet* us_attorney_plural = nullptr;   // org.us_attorney_plural
  const StringSet* judicial_district_word = nullptr;  // org.judicial_district_word
  const StringSet* district_direction = nullptr;   // org.district_direction
  const StringSet* unit_connector = nullptr;       // org.unit_connector
  const std::vector<std::string>* congress_publisher = nullptr;  // org.congress_publisher (phrases in the publisher)
  // org.name_form: words of the names the finder writes
  std::string county_form;                   // county: "<place> County <body>"
  std::string city_council_form;             // city_council: "<city> City Council"
  std::string inspector_general_form;        // inspector_general: "<ACR> Office of Inspector General"
  std::string attorney_general_before_form;  // attorney_general_before: "Office of the <State> ..."
  std::string attorney_general_after_form;   // attorney_general_after: "... Attorney General"
  std::string us_attorney_office_form;       // us_attorney_office: "U.S. Attorney’s Office for the"

  Status Load(const Lexicon& lexicon);
};

class OrgKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);

  struct Agency {
    std::string canonical;
    std::string region;  // empty = anywhere
    std::string acronym;  // first all-capitals other name ("DHS"), or empty
    bool committee = false;  // of Congress (committees.tsv)
  };
  // Agency named by a folded key (canonical, alias or acronym), or nullptr.
  const Agency* FindAgency(const std::string& key, const std::string& region) const;
  // Canonical name of a legislative body's short name in a region ("NY",
  // "Senate") or empty.
  std::string GovBody(const std::string& region, const std::string& short_key) const;
  // The rules' word classes.
  const OrgWords& words() const { return words_; }
  // Folded text before the first comma of a known name with commas
  // ("bureau of alcohol" of "Bureau of Alcohol, Tobacco, ..."): a run
  // ending so may go on past the comma.
  bool IsCommaPrefix(const std::string& key) const { return comma_prefixes_.Contains(key); }
  // `key` is only ever an acronym's ("doe"), never a written name's.
  bool IsAcronymOnly(const std::string& key) const {
    return acronym_keys_.Contains(key) && !word_name_keys_.Contains(key);
  }

 private:
  // Adds a body named by `names` (first = canonical) or, when one of the
  // names is already known (agencies.tsv), the names as its aliases.
  // `screen`: skip names a release uses for other things (see .cc).
  void AddNamed(const std::vector<std::string_view>& names, const std::string& region, bool screen, bool committee);
  bool ScreenedOut(std::string_view name) const;
  Status LoadAgencies(const KnowledgeFiles& files);
  Status LoadPublicTables(const KnowledgeFiles& files);

  std::vector<Agency> agencies_;
  std::unordered_multimap<std::string, std::size_t> agency_keys_;
  StringSet agency_key_set_;  // the keys of agency_keys_, for the quick miss
  StringSet comma_prefixes_;
  StringSet acronym_keys_, word_name_keys_;
  StringSet screen_org_words_;  // org_words.tsv, folded: names that carry one are specific
  std::unordered_map<std::string, std::string> gov_bodies_;  // region + '|' + folded short -> canonical
  OrgWords words_;
};

// `fold` holds FoldTokens(text, toks). Byte ranges of every organization
// mention go to `mention_spans`.
// `people` (may be null) tells known surnames ("Biden Administration").
void FindOrganizations(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
                       const WordTables& words, const OrgKnowledge& kb, const DocContext& ctx, const std::vector<TextSpan>& taken,
                       std::vector<NamedEntity>* out, std::vector<TextSpan>* mention_spans,
                       const PeopleKnowledge* people = nullptr);

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
