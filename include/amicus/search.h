// amicus/search.h — ranked, filtered search over amicus databases.
//
// The query language (README.md, and `amicus-search --help`): words,
// "phrases", AND, OR, NOT, +word, -word, parentheses; title:, id:,
// publisher:, lang:en|es, published:2026 | 2026-03 | 2026-03-09 | A..B with
// either end open; entity filters person:, org:, law:, place: resolved
// through every name the index knows for the entity (org:ICE finds releases
// that only say "Immigration and Customs Enforcement"); mentions: a date the
// text talks about, in the forms of published: or FY2027; amount:N..M a money
// amount in dollars. Words are matched without regard to case or accents
// ("lucia" finds "Lucía") and stemmed for the query's language. Words next to
// each other must all match (the default operator is AND). An acronym or a
// name of several words that the index knows as an entity's name also
// matches the entity's other names.
//
//   std::unique_ptr<amicus::Searcher> searcher;
//   amicus::Status s = amicus::Searcher::Open({"releases.db"}, &searcher);
//   amicus::SearchRequest req;
//   req.query = "sanctuary published:2026-01";
//   amicus::SearchResults res;
//   if (s.ok()) s = searcher->Search(req, &res);
//   for (const amicus::Hit& h : res.hits) std::cout << h.id << " " << h.title << "\n";
//
// A malformed query gives Status::InvalidArgument with a message that says
// what is wrong; nothing is thrown.
//
// Thread-safety: a Searcher is not thread-safe (it wraps a Xapian::Database);
// open one per thread. Opening is cheap. A search with facets over several
// local databases (amicus-index --shards) counts them in threads of its own,
// one per core at most (SearchRequest::facet_threads), joined before
// Search() returns. A Searcher sees the database as it
// was when opened or last reopened; Search() reopens it when it has changed.
// An indexer may write while searchers read: when its commits discard the
// revision a call is reading, Open, Search, Stats and ListEntities start
// again on the new one (for 15 s at least) rather than fail.
//
// Memory: from its second facet query on, a Searcher keeps the facet record
// of every release (a few hundred bytes each: 28 MB at 100,000 releases) in
// memory, so that facet queries read no values from disk; a searcher asked
// for facets once, as a command line is, never loads them.
#ifndef AMICUS_SEARCH_H_
#define AMICUS_SEARCH_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "amicus/status.h"

namespace amicus {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;
  std::uint32_t offset = 0;   // hits to skip, for pagination
  std::uint32_t limit = 10;   // hits to return
  SortOrder sort = SortOrder::kRelevance;
  std::uint32_t snippet_bytes = 240;  // approximate length of each snippet; 0: no snippets
  // Count entities and publication months over all matching releases.
  bool facets = false;
  std::uint32_t facet_limit = 10;  // entries per entity facet
  // Threads that count facets over a collection of several local databases,
  // each database whole in one thread: 0 = one per core (no more than there
  // are databases), 1 = the calling thread only. The counts are the same.
  std::uint32_t facet_threads = 0;
  // Rank releases similar to this release (its id) instead of, or within,
  // the results of `query` (which may then be empty). The release itself is
  // left out.
  std::string like_id;
  // Collapse copies of one release (same normalized text) into one hit.
  bool collapse_duplicates = true;
};

struct FacetValue {
  std::string name;
  std::uint64_t count = 0;  // matching releases
};

struct Facets {
  // The names with the most matching releases (SearchRequest::facet_limit
  // per category), most first, equal counts in name order. Copies of a
  // release count each. Which of several names tied at the cut are shown
  // is fixed (the same on every run and over shards and remote parts).
  std::vector<FacetValue> people, organizations, legislation, locations;
  std::vector<FacetValue> published_month;  // "YYYY-MM", oldest first
};

struct Hit {
  std::uint32_t rank = 0;  // 1-based, counting from the first hit of the whole result
  std::string id;
  double score = 0;        // BM25 weight (0 for a pure filter query)
  std::string title;
  std::string published;   // "YYYY-MM-DD" or empty
  std::string organization;
  std::string url;
  std::string language;
  std::string snippet;     // text around the matches, matches in <b>..</b>, HTML-escaped
  std::uint32_t duplicates = 0;  // other copies of this release that were collapsed into it
  // Canonical names of the release's entities.
  std::vector<std::string> people, organizations, legislation, locations;
};

struct SearchResults {
  std::string query;
  std::uint64_t total = 0;   // matching releases (see total_exact)
  bool total_exact = true;   // false when `total` is Xapian's estimate
  std::uint32_t offset = 0;
  std::vector<Hit> hits;
  bool has_facets = false;  // facets were asked for
  Facets facets;
  std::string suggestion;   // a likely spelling correction of the query, or empty
};

// What a collection holds (amicus-search --stats).
struct CollectionStats {
  std::uint64_t releases = 0;
  std::string first_published, last_published;  // "YYYY-MM-DD", empty when no dates
  std::vector<FacetValue> languages;             // "en", "es" with release counts
  std::vector<FacetValue> publishers;            // most releases first
  Facets top_entities;                           // most mentioned per category (published_month empty)
};

class Searcher {
 public:
  // Opens one or more databases as one collection. A path may be a Xapian
  // stub (a file, or a folder holding XAPIANDB, as amicus-index --shards
  // makes) listing local databases and remote ones ("remote :HOST:PORT").
  static Status Open(const std::vector<std::string>& paths, std::unique_ptr<Searcher>* out);

  // The same, with databases served by xapian-tcpsrv, given as "HOST:PORT"
  // (IPv6 hosts in brackets). Results are the same as over the same
  // databases opened locally. Remote parts cost more: facets are counted on
  // this side from every matching document (xapian-tcpsrv cannot run
  // amicus's facet counter), and the synonyms of remote parts are copied
  // into a scratch database in the temporary folder at Open (their spelling
  // words the first time a query finds nothing), as xapian-tcpsrv does not
  // serve those tables. Remote calls time out after 10 s.
  static Status Open(const std::vector<std::string>& paths, const std::vector<std::string>& remotes,
                     std::unique_ptr<Searcher>* out);

  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  Status Search(const SearchRequest& request, SearchResults* results);

  // Entities of one category ("person", "org", "law", "place", or the
  // plural category names) whose name starts with `prefix` (case and accents
  // ignored; empty lists all), most mentioned first, with the number of
  // releases that mention each.
  Status ListEntities(const std::string& category, const std::string& prefix, std::uint32_t limit,
                      std::vector<FacetValue>* out);

  // Counts over the whole collection; `limit` entries per list.
  Status Stats(std::uint32_t limit, CollectionStats* out);

  // Releases in the collection.
  std::uint64_t size() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The JSON of docs/contract.md (one object, no trailing newline).
std::string SearchResultsToJson(const SearchResults& results);

// {"releases", "first_published", "last_published", "languages", "publishers",
//  "entities": {"people", "organizations", "legislation", "locations"}}.
std::string CollectionStatsToJson(const CollectionStats& stats);

// [{"name": ..., "count": ...}, ...] (no trailing newline).
std::string FacetValuesToJson(const std::vector<FacetValue>& values);

// One hit or one facet value as a JSON object, as inside the documents
// above: for one-object-per-line output.
std::string HitToJson(const Hit& hit);
std::string FacetValueToJson(const FacetValue& value);

}  // namespace amicus

#endif  // AMICUS_SEARCH_H_
