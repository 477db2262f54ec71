#include "search/facets.h"

#include <algorithm>
#include <vector>

#include "index/schema.h"

namespace amicus::internal {
namespace {

constexpr Xapian::valueno kSlots[4] = {schema::kPeopleSlot, schema::kOrgsSlot, schema::kLawsSlot,
                                       schema::kPlacesSlot};

std::vector<FacetValue> Top(const std::unordered_map<std::string_view, std::uint64_t>& counts, std::uint32_t limit) {
  std::vector<FacetValue> all;
  all.reserve(counts.size());
  for (const auto& [name, count] : counts) all.push_back({std::string(name), count});
  auto order = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  };
  if (all.size() > limit) {
    std::partial_sort(all.begin(), all.begin() + limit, all.end(), order);
    all.resize(limit);
  } else {
    std::sort(all.begin(), all.end(), order);
  }
  return all;
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  for (int i = 0; i < 4; ++i) {
    const std::string list = doc.get_value(kSlots[i]);
    const std::string_view all(list);
    std::size_t start = 0;
    while (start < all.size()) {
      std::size_t end = all.find(schema::kListSeparator, start);
      if (end == std::string_view::npos) end = all.size();
      const std::string_view name = all.substr(start, end - start);
      auto it = counts_[i].find(name);
      if (it == counts_[i].end()) it = counts_[i].emplace(names_.emplace_back(name), 0).first;
      ++it->second;
      start = end + 1;
    }
  }
  std::string published = doc.get_value(schema::kPublishedSlot);
  if (published.size() >= 6) ++months_[published.substr(0, 4) + "-" + published.substr(4, 2)];
}

Facets FacetSpy::Result(std::uint32_t limit) const {
  Facets f;
  f.people = Top(counts_[0], limit);
  f.organizations = Top(counts_[1], limit);
  f.legislation = Top(counts_[2], limit);
  f.locations = Top(counts_[3], limit);
  for (const auto& [month, count] : months_) f.published_month.push_back({month, count});
  return f;
}

}  // namespace amicus::internal
