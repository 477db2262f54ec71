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
  // Keyed by the name's hash from the index (FacetNameHash): counting
  // neither hashes text nor allocates.
  struct IdentityHash {
    std::size_t operator()(std::uint64_t h) const noexcept { return static_cast<std::size_t>(h); }
  };
  using Counts = std::unordered_map<std::uint64_t, std::uint64_t, IdentityHash>;

  // A record of the current layout; false when `record` is not one.
  bool CountRecord(std::string_view record);
  // A database of amicus 0.1: a slot per category.
  void CountOldSlots(const Xapian::Document& doc);
  void CountName(int category, std::uint64_t hash) { ++counts_[category][hash]; }
  void CountMonth(std::string_view yyyymm);
  void CountRelease(std::string_view duplicate_key);
  std::vector<FacetValue> Top(const Counts& counts, std::uint32_t limit, const NameLookup& lookup) const;

  Counts counts_[4];  // people, orgs, laws, places
  // Names met in amicus 0.1 slots, which hold names rather than hashes.
  std::unordered_map<std::uint64_t, std::string> old_names_;
  std::map<std::uint32_t, std::uint64_t> months_;  // YYYYMM
  std::unordered_set<std::uint64_t> duplicate_keys_;
  std::unordered_set<std::string> other_duplicate_keys_;  // amicus 0.1 keys that are not 16 hex digits
  std::uint64_t releases_without_key_ = 0;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_SEARCH_FACETS_H_
