// Places: the gazetteer (U.S. states, cities, counties, neighborhoods,
// regions, countries, foreign cities) and the location finder.
//
// Knowledge files (formats in each file's header comments):
//   us_states.tsv, us_places.tsv, us_counties.tsv, local_places.tsv,
//   countries.tsv, foreign_places.tsv; and the word classes of the location
//   and dateline rules, words_places.tsv (places.*, dateline.*; listed in
//   docs/extraction.md), resolved once by Gazetteer::Load into PlaceWords.
// Every name is indexed under its folded key (FoldPlaceKey: lower case,
// Latin diacritics and periods removed, curly apostrophes and dashes
// unified), so "N.Y." == "NY" and "Michoacán" == "Michoacan"; scanning looks
// capitalized word sequences up in hash maps (no regular expressions).
//
// Canonical names follow the annotation guideline: U.S. cities "Buffalo, NY",
// except "New York City" and "Washington, D.C."; boroughs, neighborhoods and
// regions bare ("Queens", "Sunset Park", "Long Island"); counties
// "Westchester County"; states by name except "New York State" and
// "Washington State"; countries by common English name.
//
// The location finder (places.cc) runs one LocationScan per release: the
// gazetteer scan (longest known name, then the rules that reject names
// inside other names, qualify "City, ST", and want a locative cue), county
// lists, places known from their context (neighborhoods, "condado de X",
// townships, unknown "Town, ST"), then resolves ambiguous names against the
// states the release names and groups mentions into entities.
//
// Thread-safety: a Gazetteer is immutable after Load; share it freely.
// The free functions keep no state.
#ifndef AMICUS_LIB_EXTRACT_PLACES_H_
#define AMICUS_LIB_EXTRACT_PLACES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "amicus/extract.h"
#include "amicus/status.h"
#include "extract/knowledge_file.h"
#include "extract/lexicon.h"
#include "extract/finder.h"
#include "extract/span.h"
#include "util/string_table.h"

namespace amicus::internal {

enum class PlaceKind : std::uint8_t {
  kCity, kBorough, kNeighborhood, kRegion, kCounty, kState, kCountry, kForeign
};

struct PlaceEntry {
  std::string name;       // as written in the knowledge ("Buffalo", "St. Lawrence County")
  std::string canonical;  // guideline form ("Buffalo, NY")
  std::string state;      // USPS code for U.S. places, "" otherwise
  PlaceKind kind = PlaceKind::kCity;
  int priority = 0;        // ranks same-name places when the release gives no hint
  int population = 0;
  bool needs_context = false;  // small town / neighborhood: read alone only in its state's context
  bool as_written = false;     // canonical is the surface itself ("Burma")
};

// What Gazetteer::Lookup answers.
struct PlaceInfo {
  std::string canonical;
  std::string state;  // "" for foreign places, regions and countries
  PlaceKind kind = PlaceKind::kCity;
};

// Folds a surface into the lookup key: lower case, Latin diacritics removed,
// periods removed, curly apostrophes -> ', dashes -> '-', whitespace runs -> ' '.
std::string FoldPlaceKey(std::string_view s);
// Appends the folded form of s to *out.
void AppendFoldedPlace(std::string_view s, std::string* out);

// A cheap test on a word's raw bytes that every word folding to an entry of
// a word class passes (length range, common prefix or first letters), so a
// scan folds and looks up only the words that may match. Built from the
// class's entries by Gazetteer::Load.
struct WordShape {
  std::size_t min_len = 0, max_len = 0;  // raw byte length range
  std::string prefix;                    // raw prefix every match starts with ("" = none)
  bool first[256] = {};                  // raw first bytes a match may start with
};

// The word classes of the location and dateline rules (words_places.tsv;
// docs/extraction.md lists them), resolved once by Gazetteer::Load.
struct PlaceWords {
  const StringSet* period_abbrevs = nullptr;     // places.period_abbrevs (as written)
  const StringSet* after_ok = nullptr;           // places.after_ok
  const StringSet* area_prefix = nullptr;        // places.area_prefix
  const StringSet* not_name = nullptr;           // places.not_name
  const StringSet* corp_suffix = nullptr;        // places.corp_suffix
  const StringSet* township_states = nullptr;    // places.township_states (USPS)
  const StringSet* township_words = nullptr;     // places.township_words (as written)
  const StringSet* never = nullptr;              // places.never
  const StringSet* before_ok = nullptr;          // places.before_ok
  const StringSet* cue = nullptr;                // places.cue
  const StringSet* org_head = nullptr;           // places.org_head
  const StringSet* org_links = nullptr;          // places.org_links
  const StringSet* org_articles = nullptr;       // places.org_articles
  const StringSet* govt_prefix = nullptr;        // places.govt_prefix
  const StringSet* govt_outer_links = nullptr;   // places.govt_outer_links
  const StringSet* org_connectors = nullptr;     // places.org_connectors
  const StringSet* us_abbrevs = nullptr;         // places.us_abbrevs
  const StringSet* us_noun_followers = nullptr;  // places.us_noun_followers
  const StringSet* street_before = nullptr;      // places.street_before
  const StringSet* county_plurals = nullptr;     // places.county_plurals
  const StringSet* county_list_and = nullptr;    // places.county_list_and
  const StringSet* county_plurals_before_list = nullptr;  // places.county_plurals_before_list
  const StringSet* county_nouns_es = nullptr;    // places.county_nouns_es
  const StringSet* county_links_es = nullptr;    // places.county_links_es
  const StringSet* neighborhood_nouns = nullptr; // places.neighborhood_nouns
  const StringSet* appositive_articles = nullptr;  // places.appositive_articles
  const StringSet* list_and = nullptr;           // places.list_and
  const StringSet* case_words = nullptr;         // places.case_words
  const StringSet* street_suffix = nullptr;      // places.street_suffix
  const StringSet* state_nouns_es = nullptr;     // places.state_nouns_es
  const StringSet* country_titles = nullptr;     // places.country_titles
  const std::vector<std::string>* extra_state_codes = nullptr;  // places.extra_state_codes (key=USPS)
  const StringSet* districts = nullptr;          // places.districts (USPS)
  const StringTable<std::string>* state_named_city = nullptr;  // places.state_named_city (USPS=canonical)
  const StringTable<std::string>* name_state = nullptr;        // places.name_state (key=USPS)
  const StringTable<std::string>* name_district = nullptr;     // places.name_district (key=USPS)
  // places.county_list_intro / places.neighborhood_list_intro, in file
  // order, each phrase split into its words.
  std::vector<std::vector<std::string>> county_list_intro, neighborhood_list_intro;
  std::string county_name_suffix;  // " County" (places.county_word)
  std::string county_key_suffix;   // " county", its folded form
  // Raw-byte pre-tests of the classes a scan tries on every word.
  WordShape area_prefix_shape, township_shape, county_es_shape, neighborhood_shape, county_plurals_shape;
  // Dateline.
  const StringTable<std::string>* capital_cities = nullptr;  // dateline.capital_cities
  const StringTable<std::string>* city_names = nullptr;      // dateline.city_names
  const StringTable<std::string>* city_by_state = nullptr;   // dateline.city_by_state
  const StringSet* months = nullptr;         // dateline.months (a date before "(CITY) —")
  std::string city_key_suffix;  // " city" (dateline.city_word)
};

class Gazetteer {
 public:
  static Status Load(const KnowledgeFiles& files, const Lexicon& lexicon, std::unique_ptr<Gazetteer>* out);

  // True when `surface` is (any form of) a known place name: a state, city,
  // county, borough, neighborhood, region, country or foreign place.
  // People/organization finders use it to keep "Jackson Heights" out of
  // person names.
  bool IsPlaceName(std::string_view surface) const;

  // The canonical place for `surface` ("Buffalo", "Buffalo, N.Y.",
  // "Westchester", "N.Y.", "Nueva York"). `context_state` (USPS code or
  // empty) breaks ties between same-name places ("Springfield" + "MA").
  // False when the surface is not a place.
  bool Lookup(std::string_view surface, std::string_view context_state, PlaceInfo* out) const;

  // --- used by the finders in places.cc / dateline.cc ---
  // Entries indexed under a folded key; nullptr when none.
  const std::vector<int>* Candidates(std::string_view key) const;
  // The city-like entry for "name, ST" (folded name), or -1.
  int Qualified(const std::string& folded_name, std::string_view state) const;
  // USPS code for a folded state name / abbreviation ("new york", "ny",
  // "calif", "nueva york" is NOT a state: it is the city), or "" when none.
  std::string_view StateCode(std::string_view key) const;
  // The state entry for a USPS code, or -1.
  int StateEntry(std::string_view usps) const;
  const PlaceEntry& entry(int i) const { return entries_[i]; }
  bool NeedsCue(std::string_view key) const { return cue_.Contains(key); }
  bool IsFirstToken(std::string_view key) const { return first_tokens_.Contains(key); }
  // True when some key starts with the words of `key` and goes on ("new" and
  // "new york" for "new york city"): a longest-match scan stops extending a
  // key when this is false, instead of looking up every longer run of words.
  bool IsKeyPrefix(std::string_view key) const { return key_prefixes_.Contains(key); }
  std::size_t max_tokens() const { return max_tokens_; }
  // The word classes of the location and dateline rules.
  const PlaceWords& words() const { return words_; }
  // Resolves a same-name candidate list against the release context.
  // `context_states` holds USPS codes named in the release; returns -1 when
  // no candidate fits (e.g. a neighborhood outside its city's context).
  int Resolve(const std::vector<int>& cands, std::string_view dateline_state,
              const std::unordered_set<std::string>& context_states) const;

 private:
  Gazetteer() = default;
  int Add(PlaceEntry e);
  void Index(const std::string& surface, int id);
  // The steps of Load, in order (states first: the city loaders need the codes).
  Status LoadWords(const Lexicon& lexicon);
  Status LoadStates(const KnowledgeFiles& files);
  Status LoadUsPlaces(const KnowledgeFiles& files, const std::unordered_set<std::string>& curated);
  Status LoadCounties(const KnowledgeFiles& files);
  Status AddLocalPlace(const std::vector<std::string_view>& f);
  void AddLocalAliases(std::string_view aliases, const PlaceEntry& e, int id);
  void QualifyStateNamedCities();
  Status LoadCountries(const KnowledgeFiles& files);
  Status LoadForeignPlaces(const KnowledgeFiles& files);

  std::vector<PlaceEntry> entries_;
  StringTable<std::vector<int>> by_key_;
  StringTable<int> qualified_;          // "folded name|ST" -> entry
  StringTable<std::string> state_codes_;  // folded key -> USPS
  StringTable<int> state_entry_;        // USPS -> entry
  StringSet cue_;                       // keys that need a locative cue
  StringSet first_tokens_;              // folded first word of every key
  StringSet key_prefixes_;              // the first words of every longer key
  std::size_t max_tokens_ = 1;
  PlaceWords words_;
};

struct DatelineMatch {
  Dateline dateline;
  std::size_t begin = 0, end = 0;  // byte range of the place part ("BUFFALO, N.Y.")
  std::string surface;             // text of that range
  int entry = -1;                  // gazetteer entry of the place, -1 when unknown
  std::string canonical;           // canonical location name for the dateline place
};

// Finds every location mention in `text` (skipping `taken` byte ranges:
// organization, legislation and person mentions) and groups them into one
// entity per place. The dateline's place, when given, is the first entity,
// with its surface as an alias. `mention_spans` (optional) receives the byte
// range of every mention used.
// `publisher_state` (USPS code or empty: the publisher's home state) counts
// as a state the release names when resolving ambiguous names.
void ExtractLocations(std::string_view text, const Gazetteer& g, const DatelineMatch* dateline,
                      const std::vector<TextSpan>& taken, std::vector<NamedEntity>* out,
                      std::vector<TextSpan>* mention_spans, std::string_view publisher_state = {});

// The location finder of the extractor's table (the dateline place first).
class LocationFinder : public Finder {
 public:
  explicit LocationFinder(const KnowledgeBase& kb) : kb_(kb) {}
  void Find(const ReleaseView& doc, Claims* claims, Entities* out) const override;

 private:
  const KnowledgeBase& kb_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_PLACES_H_
