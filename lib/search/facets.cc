#include "search/facets.h"

#include <algorithm>
#include <cstdio>

#include "index/entity_terms.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

constexpr Xapian::valueno kOldSlots[4] = {schema::kPeopleSlot, schema::kOrgsSlot, schema::kLawsSlot,
                                          schema::kPlacesSlot};

std::uint64_t BigEndian(const char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | static_cast<unsigned char>(p[i]);
  return v;
}

}  // namespace

void FacetSpy::FlatCounter::Add(std::uint64_t key) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const std::size_t mask = slots_.size() - 1;
  // The keys are hashes already; mixing once more spreads the low bits.
  std::size_t i = static_cast<std::size_t>((key ^ (key >> 29)) * 0x9E3779B97F4A7C15ULL >> 20) & mask;
  while (slots_[i].first != 0 && slots_[i].first != key) i = (i + 1) & mask;
  if (slots_[i].first == 0) {
    slots_[i].first = key;
    ++size_;
  }
  ++slots_[i].second;
}

void FacetSpy::FlatCounter::Grow() {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, {0, 0});
  const std::size_t mask = slots_.size() - 1;
  for (const auto& [key, count] : old) {
    if (key == 0) continue;
    std::size_t i = static_cast<std::size_t>((key ^ (key >> 29)) * 0x9E3779B97F4A7C15ULL >> 20) & mask;
    while (slots_[i].first != 0) i = (i + 1) & mask;
    slots_[i] = {key, count};
  }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  const std::string record = doc.get_value(schema::kFacetSlot);
  if (!record.empty() && CountRecord(record)) return;
  CountOldSlots(doc);
}

bool FacetSpy::CountRecord(std::string_view r) {
  // Layout: index/entity_terms.h, EncodeFacetRecord.
  if (r.size() < 15 || r[0] != 'F') return false;
  CountMonth(r.substr(1, 6));
  const std::uint64_t dup = BigEndian(r.data() + 7, 8);
  if (dup == 0) {
    ++releases_without_key_;
  } else {
    duplicate_keys_.Add(dup);
  }
  std::size_t pos = 15;
  for (int category = 0; category < 4; ++category) {
    if (pos + 2 > r.size()) return true;  // a truncated record: what it has is counted
    std::uint64_t n = BigEndian(r.data() + pos, 2);
    pos += 2;
    for (; n > 0 && pos + 6 <= r.size(); --n, pos += 6) CountName(category, BigEndian(r.data() + pos, 6));
  }
  return true;
}

void FacetSpy::CountOldSlots(const Xapian::Document& doc) {
  for (int i = 0; i < 4; ++i) {
    const std::string list = doc.get_value(kOldSlots[i]);
    const std::string_view all(list);
    std::size_t start = 0;
    while (start < all.size()) {
      std::size_t end = all.find(schema::kListSeparator, start);
      if (end == std::string_view::npos) end = all.size();
      const std::string_view name = all.substr(start, end - start);
      const std::uint64_t hash = FacetNameHash(name);
      CountName(i, hash);
      old_names_.try_emplace(hash, name);
      start = end + 1;
    }
  }
  CountMonth(doc.get_value(schema::kPublishedSlot));
  CountRelease(doc.get_value(schema::kDuplicateSlot));
}

void FacetSpy::CountMonth(std::string_view yyyymm) {
  if (yyyymm.size() < 6) return;
  std::uint32_t key = 0;
  for (int i = 0; i < 6; ++i) {
    const char c = yyyymm[i];
    if (c < '0' || c > '9') return;
    key = key * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (key == 0) return;  // "000000": no date
  ++months_[key];
}

void FacetSpy::CountRelease(std::string_view duplicate_key) {
  // An amicus 0.1 key is 16 hex digits (DuplicateKey), kept as the number.
  std::uint64_t key = 0;
  bool hex = duplicate_key.size() == 16;
  for (char c : duplicate_key) {
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) hex = false;
    key = key << 4 | static_cast<std::uint64_t>(d & 0xf);
  }
  if (duplicate_key.empty()) {
    ++releases_without_key_;
  } else if (hex && key != 0) {
    duplicate_keys_.Add(key);
  } else {
    other_duplicate_keys_.emplace(duplicate_key);
  }
}

std::vector<FacetValue> FacetSpy::Top(const Counts& counts, std::uint32_t limit, const NameLookup& lookup) const {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> all;  // (hash, count)
  all.reserve(counts.size());
  counts.ForEach([&](std::uint64_t key, std::uint64_t count) { all.emplace_back(key & ~(1ULL << 63), count); });
  // Most releases first; which of several names tied at the cut are shown
  // is decided by their hashes (a fixed order, the same over shards and
  // remote parts), so that only the names shown are looked up.
  auto order = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  const std::size_t n = std::min<std::size_t>(limit, all.size());
  std::partial_sort(all.begin(), all.begin() + n, all.end(), order);
  std::vector<FacetValue> named;
  named.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto old = old_names_.find(all[i].first);
    std::string name = old != old_names_.end() ? old->second : lookup(FacetNameKey(all[i].first));
    if (name.empty()) continue;  // a hash without a name: a database being written
    named.push_back({std::move(name), all[i].second});
  }
  std::sort(named.begin(), named.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  return named;
}

Facets FacetSpy::Result(std::uint32_t limit, const NameLookup& lookup) const {
  Facets f;
  f.people = Top(counts_[0], limit, lookup);
  f.organizations = Top(counts_[1], limit, lookup);
  f.legislation = Top(counts_[2], limit, lookup);
  f.locations = Top(counts_[3], limit, lookup);
  for (const auto& [month, count] : months_) {
    char name[16];
    std::snprintf(name, sizeof name, "%04u-%02u", month / 100, month % 100);
    f.published_month.push_back({name, count});
  }
  return f;
}

}  // namespace amicus::internal
