// People in a release: full names found after a title ("Mayor Zohran
// Mamdani", "la concejal Carolina Mejía-Santos") or in a speaker context
// ("said X", "X, director of ...", "Contact: X"), titles stripped; later
// surname and title+surname mentions linked as aliases; real officeholders
// (data/knowledge/officeholders.tsv) named by surname only ("Governor
// Hochul", "Trump") resolved to their full names. The words the rules
// consult (words that are never part of a name, speech verbs, contact
// labels, ...) are the people.* classes of data/knowledge/words_people.tsv,
// resolved once in PeopleKnowledge::Load (docs/extraction.md). Internal.
//
#ifndef AMICUS_LIB_EXTRACT_PEOPLE_H_
#define AMICUS_LIB_EXTRACT_PEOPLE_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "amicus/extract.h"
#include "extract/people_orgs_common.h"
#include "extract/finder.h"
#include "extract/span.h"

#include "extract/lexicon.h"

namespace amicus::internal {

class PeopleKnowledge {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);

  struct Officeholder {
    std::string name, surname;
    std::vector<std::string> titles;   // folded
    std::vector<std::string> context;  // places, as written
    bool bare = false;
    bool curated = false;
    bool federal = false;  // a member of Congress: its state context applies only to state releases  // from officeholders.tsv (else a public table: resolved only when unique)
  };
  // Officeholders whose surname has folded key `key`.
  std::vector<const Officeholder*> BySurname(const std::string& key) const;
  bool HasSurname(std::string_view key) const { return surnames_.Contains(key); }
  bool IsFullName(std::string_view key) const { return full_names_.Contains(key); }
  // The officeholder whose full name (or other form) has folded key `key`, or null.
  const Officeholder* ByFullName(std::string_view key) const {
    const std::size_t* i = full_names_.Find(key);
    return i == nullptr ? nullptr : &people_[*i];
  }
  // Given names (SSA) and surnames (Census), folded: "Grace Meng" reads as a name.
  bool IsGivenName(std::string_view f) const { return given_names_.Contains(f); }
  bool IsSurname(std::string_view f) const { return surname_words_.Contains(f); }

  // The people.* word classes (folded words; docs/extraction.md).
  // Capitalized words never part of a personal name (months, "City", "the").
  bool IsNonNameWord(std::string_view f) const { return non_name_->Contains(f); }
  // "said", "dijo": a run next to one is a speaker's name.
  bool IsSpeechVerb(std::string_view f) const { return speech_verbs_->Contains(f); }
  // "contact": "Contact: X" names a person.
  bool IsContactLabel(std::string_view f) const { return contact_labels_->Contains(f); }
  // "of", "de": "X of Y Z" / "X de Y Z" ends a longer name, not a person.
  bool IsLongerNameJoiner(std::string_view f) const { return name_joiners_->Contains(f); }
  // "Detention", "Center": a run after one is the rest of a facility's name.
  bool IsFacilityNoun(std::string_view f) const { return facility_nouns_->Contains(f); }
  // "the", "a": a run after one is a thing's name.
  bool IsArticle(std::string_view f) const { return articles_->Contains(f); }
  // "d", "r", "i": "X Y (D-Bronx)" is a politician.
  bool IsPartyLetter(std::string_view f) const { return party_letters_->Contains(f); }
  // "and", "y": joins the names of a list ("Reps. A B, C D and E F").
  bool IsListJoiner(std::string_view f) const { return list_joiners_->Contains(f); }
  // "of", "de": an office title's complement follows ("Attorney General of Texas Ken Paxton").
  bool IsTitleComplement(std::string_view f) const { return complements_->Contains(f); }
  // "congresswoman", "us rep": a title no state legislator bears.
  bool IsFederalTitle(std::string_view f) const { return federal_titles_->Contains(f); }
  // "jr", "iii": ends a personal name.
  bool IsNameSuffix(std::string_view f) const { return suffixes_->Contains(f); }
  // "aka": the name after it is another name of the person before it.
  bool IsAliasJoiner(std::string_view f) const { return alias_joiners_->Contains(f); }
  // "de", "la", "van": inside a surname before a name word ("Carmen De La Rosa").
  bool IsSurnameParticle(std::string_view f) const { return particles_->Contains(f); }
  // Phrases before a run that make it a speaker ("according to"), each as
  // its folded words.
  const std::vector<std::vector<std::string>>& AttributionPhrases() const { return attribution_; }

 private:
  Status LoadOfficeholders(const KnowledgeFiles& files);
  Status LoadWordClasses(const Lexicon& lexicon);
  Status LoadNameWords(const KnowledgeFiles& files);
  Status LoadPublicOfficials(const KnowledgeFiles& files, const Lexicon& lexicon);
  Status LoadStateNames(const KnowledgeFiles& files);
  // Adds one officeholder of a public table and every written form of its name.
  void AddOfficial(Officeholder o, std::string_view forms);
  Status TitleClass(const Lexicon& lexicon, const char* name, std::vector<std::string>* out) const;

  std::vector<Officeholder> people_;
  std::unordered_multimap<std::string, std::size_t> by_surname_;
  StringSet surnames_;  // the keys of by_surname_, for the per-word test
  StringTable<std::size_t> full_names_;
  const StringSet* non_name_ = nullptr;
  const StringSet* speech_verbs_ = nullptr;
  const StringSet* contact_labels_ = nullptr;
  const StringSet* name_joiners_ = nullptr;
  const StringSet* facility_nouns_ = nullptr;
  const StringSet* articles_ = nullptr;
  const StringSet* party_letters_ = nullptr;
  const StringSet* list_joiners_ = nullptr;
  const StringSet* particles_ = nullptr;
  const StringSet* suffixes_ = nullptr;
  const StringSet* complements_ = nullptr;
  const StringSet* federal_titles_ = nullptr;
  const StringSet* alias_joiners_ = nullptr;
  StringSet given_names_, surname_words_;
  StringTable<std::string> state_names_;  // USPS code -> state name, for public officials' context
  std::vector<std::vector<std::string>> attribution_;
};

class Gazetteer;

// `fold` holds FoldTokens(text, toks). Appends the people of `text` to `out` and the byte range of every name
// mention (titles excluded) to `mention_spans` (may be null): the location
// finder skips them so a surname such as "Paxton" is not a place. `places`
// (may be null) keeps place names ("San Pedro Sula", "Murray Hill") out of
// personal names.
void FindPeople(std::string_view text, const std::vector<Tok>& toks, const std::vector<std::string>& fold,
                const WordTables& words, const PeopleKnowledge& kb, const Gazetteer* places, const DocContext& ctx,
                const std::vector<TextSpan>& taken, std::vector<NamedEntity>* out,
                std::vector<TextSpan>* mention_spans);

// The people finder of the extractor's table (claims every name mention).
class PeopleFinder : public Finder {
 public:
  explicit PeopleFinder(const KnowledgeBase& kb) : kb_(kb) {}
  void Find(const ReleaseView& doc, Claims* claims, Entities* out) const override;

 private:
  const KnowledgeBase& kb_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_PEOPLE_H_
