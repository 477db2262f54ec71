// Facet counting: a Xapian MatchSpy that reads the entity slots of every
// matching release (index/schema.h) and counts each canonical name once per
// release, plus the publication month. Internal.
#ifndef AMICUS_LIB_SEARCH_FACETS_H_
#define AMICUS_LIB_SEARCH_FACETS_H_

#include <deque>
#include <map>
#include <string_view>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "amicus/search.h"

namespace amicus::internal {

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  // The top `limit` names per category (most releases first, then by name),
  // and every publication month in order.
  Facets Result(std::uint32_t limit) const;
  std::string name() const override { return "amicus.FacetSpy"; }

 private:
  // Counts by name, without a string allocation per name and match: the
  // keys view names kept once in names_.
  std::unordered_map<std::string_view, std::uint64_t> counts_[4];  // people, orgs, laws, places
  std::deque<std::string> names_;
  std::map<std::string, std::uint64_t> months_;  // "YYYY-MM"
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_SEARCH_FACETS_H_
