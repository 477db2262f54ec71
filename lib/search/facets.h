// Facet counting: a Xapian MatchSpy that reads the facet slot of every
// matching release (index/schema.h kFacetSlot) and counts each canonical
// name once per release, the publication month, and the releases with
// copies collapsed. Internal.
#ifndef AMICUS_LIB_SEARCH_FACETS_H_
#define AMICUS_LIB_SEARCH_FACETS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "amicus/search.h"

namespace amicus::internal {

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

 private:
  // Counts by a non-zero 64-bit key (a name's hash from the index, or a
  // duplicate key): open addressing over a power-of-two table, because a
  // facet query counts millions of names and std::unordered_map's node per
  // key and division per lookup were a sixth of its time.
  class FlatCounter {
   public:
    void Add(std::uint64_t key);  // key != 0
    std::size_t size() const { return size_; }
    template <typename F>
    void ForEach(F f) const {
      for (const auto& slot : slots_) {
        if (slot.first != 0) f(slot.first, slot.second);
      }
    }

   private:
    void Grow();
    std::vector<std::pair<std::uint64_t, std::uint64_t>> slots_;  // (key, count); key 0: empty
    std::size_t size_ = 0;
  };
  using Counts = FlatCounter;

  // A record of the current layout; false when `record` is not one.
  bool CountRecord(std::string_view record);
  // A database of amicus 0.1: a slot per category.
  void CountOldSlots(const Xapian::Document& doc);
  // Name hashes are 48 bits; the top bit keeps the key of hash 0 non-zero.
  void CountName(int category, std::uint64_t hash) { counts_[category].Add(hash | (1ULL << 63)); }
  void CountMonth(std::string_view yyyymm);
  void CountRelease(std::string_view duplicate_key);
  std::vector<FacetValue> Top(const Counts& counts, std::uint32_t limit, const NameLookup& lookup) const;

  Counts counts_[4];  // people, orgs, laws, places
  // Names met in amicus 0.1 slots, which hold names rather than hashes.
  std::unordered_map<std::uint64_t, std::string> old_names_;
  std::map<std::uint32_t, std::uint64_t> months_;  // YYYYMM
  FlatCounter duplicate_keys_;
  std::unordered_set<std::string> other_duplicate_keys_;  // amicus 0.1 keys that are not 16 hex digits
  std::uint64_t releases_without_key_ = 0;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_SEARCH_FACETS_H_
