// Shared by the people and organization finders: per-release context and
// the word tables both consult (titles from data/knowledge/titles.tsv,
// organization words from org_words.tsv; no word list lives in code). Internal.
//
// Thread-safety: the tables are immutable after Load and shared read-only.
#ifndef AMICUS_LIB_EXTRACT_PEOPLE_ORGS_COMMON_H_
#define AMICUS_LIB_EXTRACT_PEOPLE_ORGS_COMMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "amicus/extract.h"
#include "amicus/status.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "extract/scan.h"
#include "extract/span.h"
#include "util/string_table.h"

namespace amicus::internal {

class Gazetteer;

// What the finders know about the release beyond its text.
struct DocContext {
  std::string region;     // two-letter state code of the dateline ("NY", "DC"), or empty
  std::string city;       // dateline city, or empty
  std::string state_name; // canonical name of the dateline's U.S. state ("New York State", "California"), or empty
  std::string publisher;  // Release::organization
  std::string language;   // "en" | "es"
  const Gazetteer* places = nullptr;  // U.S. state names for legislatures; may be null
};

// Titles ("Mayor", "Council Member", "concejal") and organization words.
class WordTables {
 public:
  Status Load(const KnowledgeFiles& files, const Lexicon& lexicon);

  // Longest title starting at token i (folded, case-insensitive); returns the
  // number of tokens (0 when none) and whether it is a public office.
  int MatchTitle(std::string_view text, const std::vector<Tok>& toks, std::size_t i, bool* office) const;
  // The same over the tokens' folded forms (FoldTokens), without re-folding.
  int MatchTitle(const std::vector<Tok>& toks, const std::vector<std::string>& fold, std::size_t i,
                 bool* office) const;

  enum OrgWordPos : int { kNone = 0, kEnd = 1, kStart = 2, kAny = 3 };
  OrgWordPos OrgWord(std::string_view folded_word) const;
  // True when "a b" (folded words) is a two-word organization word ("task force").
  bool OrgWordPair(std::string_view a, std::string_view b) const;

 private:
  StringTable<bool> titles_;  // folded multiword title -> office?
  StringSet title_prefixes_;  // every leading word run of a title, e.g. "council"
  int max_title_tokens_ = 1;
  StringTable<OrgWordPos> org_words_;
  StringSet pair_tails_;  // last words of two-word organization words
};

// Collects entities of one category: one entry per canonical name, every
// other surface form as an alias (deduplicated by folded key).
class EntitySet {
 public:
  // Returns the entry index for `canonical`, creating it.
  std::size_t Get(const std::string& canonical);
  // Index of the entry having `key` as a name or alias key, or -1.
  long Find(std::string_view key) const;
  void AddAlias(std::size_t idx, std::string_view surface);
  std::vector<NamedEntity>& entities() { return entities_; }

 private:
  std::vector<NamedEntity> entities_;
  std::vector<std::vector<std::string>> keys_;  // each entry's folded keys (a few: a list)
  StringTable<std::size_t> by_key_;
};

// Folded text of one token (lower case, no diacritics, no periods).
std::string FoldTok(std::string_view text, const Tok& t);
// out[i] = 1 when token i overlaps one of `spans` (one sort and sweep
// instead of a linear OverlapsAny per token).
void MarkTaken(const std::vector<Tok>& toks, std::vector<TextSpan> spans, std::vector<char>* out);

// FoldTok of every word and number token (empty for punctuation): computed
// once per release and shared by the people and organization finders.
void FoldTokens(std::string_view text, const std::vector<Tok>& toks, std::vector<std::string>* fold);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_PEOPLE_ORGS_COMMON_H_
