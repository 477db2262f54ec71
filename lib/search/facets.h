// Facet counting: a Xapian MatchSpy that reads the facet slot of every
// matching release (index/schema.h kFacetSlot) and counts each canonical
// name once per release, the publication month, and the releases with
// copies collapsed; and CountFacetsInParallel, which runs it over the
// databases of a collection at once, a thread each. Internal.
#ifndef AMICUS_LIB_SEARCH_FACETS_H_
#define AMICUS_LIB_SEARCH_FACETS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "amicus/search.h"

namespace amicus::internal {

// Every facet record (kFacetSlot) of one database in memory, by document
// id. A facet query reads the record of every match; through Xapian that
// is a pread of an 8 KB block for every few dozen records, two thirds of a
// facet query's time at 100,000 releases (bench/README.md). A searcher
// asked for facets more than once keeps them here (as Lucene keeps doc
// values and Solr its field cache): a searcher of 100,000 releases
// measured 28 MB more resident memory with them. Not thread-safe; one
// thread at a time uses it.
class FacetRecords {
 public:
  // Up to date with `db` (a single database): the same database at the
  // same revision as when loaded.
  bool CurrentFor(const Xapian::Database& db) const;
  // Reads every record of `db` at its current revision.
  void Load(const Xapian::Database& db);
  // The record of document `did`; empty when it has none.
  std::string_view Get(Xapian::docid did) const {
    if (did + 1 >= offsets_.size()) return std::string_view();
    return std::string_view(data_).substr(offsets_[did], offsets_[did + 1] - offsets_[did]);
  }

 private:
  std::string uuid_;
  Xapian::rev revision_ = 0;
  bool loaded_ = false;
  std::vector<std::uint64_t> offsets_;  // record did is data_[offsets_[did], offsets_[did + 1])
  std::string data_;
};

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  // Looks up the name of a facet hash in the collection (the metadata
  // index/schema.h kFacetNameMetadataPrefix); empty when unknown.
  using NameLookup = std::function<std::string(const std::string& metadata_key)>;
  // The top `limit` names per category (most releases first, then by name),
  // and every publication month in order. Names are looked up for the
  // entries shown only.
  Facets Result(std::uint32_t limit, const NameLookup& lookup) const;
  // The releases seen, copies of one release (the same duplicate key)
  // counted once: the match count with duplicates collapsed.
  std::uint64_t CollapsedCount() const {
    return duplicate_keys_.size() + other_duplicate_keys_.size() + releases_without_key_;
  }
  std::string name() const override { return "amicus.FacetSpy"; }
  // Read the records from `records` (of the database being counted)
  // instead of from the documents; null reads them from the documents.
  void UseRecords(const FacetRecords* records) { records_ = records; }
  // Adds what `other` counted (over other releases: counts add up, and a
  // duplicate key seen by both is one release).
  void Merge(const FacetSpy& other);
  // Forgets every count and keeps the tables for the next query: a table
  // allocated per query cost more than the counting once threads free it
  // (the allocator returns the pages, and every core flushes its TLB).
  void Clear();

 private:
  // Counts by a non-zero 64-bit key (a name's hash from the index, or a
  // duplicate key): open addressing over a power-of-two table, because a
  // facet query counts millions of names and std::unordered_map's node per
  // key and division per lookup were a sixth of its time. The table starts
  // at `initial` slots and doubles when half full.
  class FlatCounter {
   public:
    explicit FlatCounter(std::size_t initial) : initial_(initial) {}
    void Add(std::uint64_t key, std::uint64_t count = 1);  // key != 0
    void Clear();  // keeps the table
    std::size_t size() const { return size_; }
    template <typename F>
    void ForEach(F f) const {
      for (std::size_t i = 0; i < capacity_; ++i) {
        if (slots_.get()[i].key != 0) f(slots_.get()[i].key, slots_.get()[i].count);
      }
    }

   private:
    struct Slot {
      std::uint64_t key;  // 0: empty
      std::uint64_t count;
    };
    struct Free {
      void operator()(Slot* p) const;
    };
    void Grow();
    std::size_t initial_;
    std::unique_ptr<Slot, Free> slots_;
    std::size_t capacity_ = 0;
    std::size_t size_ = 0;
  };
  using Counts = FlatCounter;

  // A record of the current layout; false when `record` is not one.
  bool CountRecord(std::string_view record);
  // A database of amicus 0.1: a slot per category.
  void CountOldSlots(const Xapian::Document& doc);
  // Name hashes are 48 bits; the key is the hash, the category above it,
  // and the top bit, which keeps the key of hash 0 non-zero.
  static std::uint64_t NameKey(int category, std::uint64_t hash) {
    return hash | static_cast<std::uint64_t>(category) << 48 | 1ULL << 63;
  }
  void CountName(int category, std::uint64_t hash) { names_.Add(NameKey(category, hash)); }
  void CountMonth(std::string_view yyyymm);
  void CountRelease(std::string_view duplicate_key);
  // The top `limit` names of each category into *out[category].
  void Top(std::uint32_t limit, const NameLookup& lookup, std::vector<FacetValue>* out[4]) const;

  Counts names_{1 << 14};  // people, orgs, laws, places: NameKey
  // Names met in amicus 0.1 slots, which hold names rather than hashes.
  std::unordered_map<std::uint64_t, std::string> old_names_;
  // Months of the years kFirstYear.. in an array (a map lookup per release
  // was 3% of a facet query), others in the map; keyed YYYYMM.
  static constexpr std::uint32_t kFirstYear = 1900, kYears = 300;
  std::vector<std::uint64_t> month_array_;  // (year - kFirstYear) * 12 + month - 1; empty until used
  std::uint64_t month_total_ = 0;           // releases counted in month_array_
  std::map<std::uint32_t, std::uint64_t> months_;
  FlatCounter duplicate_keys_{1 << 12};
  std::unordered_set<std::string> other_duplicate_keys_;  // amicus 0.1 keys that are not 16 hex digits
  std::uint64_t releases_without_key_ = 0;
  const FacetRecords* records_ = nullptr;
};

// Counts the facets of `query` over every match in `parts` (local
// databases, opened for this use: no other thread may use these handles or
// any Database sharing them while this runs), a pass without weights over
// each part, into (*spies)[0]; returns the number of matches. Up to
// `threads` threads count at once, the calling thread one of them, each
// part whole in one thread, thread t into (*spies)[t] (cleared first, and
// made when missing: keep them for the next query). `meanwhile` runs on
// the calling thread first (the ranked pass), the other threads started.
// The result is the same whatever the thread count. A Xapian::Error from
// any part is rethrown here once every thread has stopped. With `records`
// (one per part), each part's records are read from there, loaded first
// when not current.
Xapian::doccount CountFacetsInParallel(const Xapian::Query& query, std::vector<Xapian::Database>& parts,
                                       unsigned threads, const std::function<void()>& meanwhile,
                                       std::vector<std::unique_ptr<FacetSpy>>* spies,
                                       std::vector<FacetRecords>* records = nullptr);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_SEARCH_FACETS_H_
