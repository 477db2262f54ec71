#include "search/facets.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <exception>
#include <mutex>
#include <thread>

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

void FacetSpy::FlatCounter::Free::operator()(Slot* p) const { std::free(p); }

void FacetSpy::FlatCounter::Add(std::uint64_t key, std::uint64_t count) {
  if ((size_ + 1) * 2 > capacity_) Grow();
  const std::size_t mask = capacity_ - 1;
  Slot* slots = slots_.get();
  // The keys are hashes already; mixing once more spreads the low bits.
  std::size_t i = static_cast<std::size_t>((key ^ (key >> 29)) * 0x9E3779B97F4A7C15ULL >> 20) & mask;
  while (slots[i].key != 0 && slots[i].key != key) i = (i + 1) & mask;
  if (slots[i].key == 0) {
    slots[i].key = key;
    ++size_;
  }
  slots[i].count += count;
}

void FacetSpy::FlatCounter::Clear() {
  if (size_ == 0) return;
  std::memset(static_cast<void*>(slots_.get()), 0, capacity_ * sizeof(Slot));
  size_ = 0;
}

void FacetSpy::FlatCounter::Grow() {
  const std::size_t capacity = capacity_ == 0 ? initial_ : capacity_ * 2;
  std::unique_ptr<Slot, Free> fresh(static_cast<Slot*>(std::calloc(capacity, sizeof(Slot))));
  if (!fresh) throw std::bad_alloc();
  const std::size_t mask = capacity - 1;
  for (std::size_t j = 0; j < capacity_; ++j) {
    const Slot& s = slots_.get()[j];
    if (s.key == 0) continue;
    std::size_t i = static_cast<std::size_t>((s.key ^ (s.key >> 29)) * 0x9E3779B97F4A7C15ULL >> 20) & mask;
    while (fresh.get()[i].key != 0) i = (i + 1) & mask;
    fresh.get()[i] = s;
  }
  slots_ = std::move(fresh);
  capacity_ = capacity;
}

void FacetSpy::Clear() {
  names_.Clear();
  old_names_.clear();
  if (month_total_ != 0) std::fill(month_array_.begin(), month_array_.end(), 0);
  month_total_ = 0;
  months_.clear();
  duplicate_keys_.Clear();
  other_duplicate_keys_.clear();
  releases_without_key_ = 0;
}

bool FacetRecords::CurrentFor(const Xapian::Database& db) const {
  return loaded_ && revision_ == db.get_revision() && uuid_ == db.get_uuid();
}

void FacetRecords::Load(const Xapian::Database& db) {
  loaded_ = false;
  uuid_ = db.get_uuid();
  revision_ = db.get_revision();
  offsets_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  data_.clear();
  Xapian::docid next = 1;  // the first document whose start is not set yet
  for (Xapian::ValueIterator v = db.valuestream_begin(schema::kFacetSlot); v != db.valuestream_end(schema::kFacetSlot);
       ++v) {
    const Xapian::docid did = v.get_docid();
    if (did + 1 >= offsets_.size()) break;  // not in this revision's range
    for (; next <= did; ++next) offsets_[next] = data_.size();
    data_ += *v;
  }
  for (; next < offsets_.size(); ++next) offsets_[next] = data_.size();
  loaded_ = true;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (records_ != nullptr) {
    const std::string_view record = records_->Get(doc.get_docid());
    if (!record.empty() && CountRecord(record)) return;
  } else {
    const std::string record = doc.get_value(schema::kFacetSlot);
    if (!record.empty() && CountRecord(record)) return;
  }
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
  const std::uint32_t year = key / 100, month = key % 100;
  if (year >= kFirstYear && year < kFirstYear + kYears && month >= 1 && month <= 12) {
    if (month_array_.empty()) month_array_.assign(kYears * 12, 0);
    ++month_array_[(year - kFirstYear) * 12 + month - 1];
    ++month_total_;
    return;
  }
  ++months_[key];
}

void FacetSpy::CountRelease(std::string_view duplicate_key) {
  // An amicus 0.1 key is 16 hex digits (DuplicateKey), kept as the number.
  std::uint64_t key = 0;
  const bool hex = DuplicateKeyNumber(duplicate_key, &key);
  if (duplicate_key.empty()) {
    ++releases_without_key_;
  } else if (hex && key != 0) {
    duplicate_keys_.Add(key);
  } else {
    other_duplicate_keys_.emplace(duplicate_key);
  }
}

void FacetSpy::Merge(const FacetSpy& other) {
  other.names_.ForEach([&](std::uint64_t key, std::uint64_t count) { names_.Add(key, count); });
  old_names_.insert(other.old_names_.begin(), other.old_names_.end());
  if (!other.month_array_.empty()) {
    if (month_array_.empty()) month_array_.assign(kYears * 12, 0);
    for (std::size_t i = 0; i < month_array_.size(); ++i) month_array_[i] += other.month_array_[i];
    month_total_ += other.month_total_;
  }
  for (const auto& [month, count] : other.months_) months_[month] += count;
  other.duplicate_keys_.ForEach([&](std::uint64_t key, std::uint64_t count) { duplicate_keys_.Add(key, count); });
  other_duplicate_keys_.insert(other.other_duplicate_keys_.begin(), other.other_duplicate_keys_.end());
  releases_without_key_ += other.releases_without_key_;
}

void FacetSpy::Top(std::uint32_t limit, const NameLookup& lookup, std::vector<FacetValue>* out[4]) const {
  // Most releases first; which of several names tied at the cut are shown
  // is decided by their hashes (a fixed order, the same over shards and
  // remote parts), so that only the names shown are looked up. One pass
  // over the table keeps the best `limit` of each category in a heap whose
  // top is the least of them.
  using Entry = std::pair<std::uint64_t, std::uint64_t>;  // (hash, count)
  auto better = [](const Entry& a, const Entry& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  std::vector<Entry> best[4];
  if (limit > 0) {
    names_.ForEach([&](std::uint64_t key, std::uint64_t count) {
      std::vector<Entry>& heap = best[key >> 48 & 3];
      const Entry e(key & ((1ULL << 48) - 1), count);
      if (heap.size() < limit) {
        heap.push_back(e);
        std::push_heap(heap.begin(), heap.end(), better);
      } else if (better(e, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), better);
        heap.back() = e;
        std::push_heap(heap.begin(), heap.end(), better);
      }
    });
  }
  for (int category = 0; category < 4; ++category) {
    std::vector<FacetValue>& named = *out[category];
    named.clear();
    for (const Entry& e : best[category]) {
      auto old = old_names_.find(e.first);
      std::string name = old != old_names_.end() ? old->second : lookup(FacetNameKey(e.first));
      if (name.empty()) continue;  // a hash without a name: a database being written
      named.push_back({std::move(name), e.second});
    }
    std::sort(named.begin(), named.end(), [](const FacetValue& a, const FacetValue& b) {
      return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
  }
}

Facets FacetSpy::Result(std::uint32_t limit, const NameLookup& lookup) const {
  Facets f;
  std::vector<FacetValue>* lists[4] = {&f.people, &f.organizations, &f.legislation, &f.locations};
  Top(limit, lookup, lists);
  std::map<std::uint32_t, std::uint64_t> months = months_;
  for (std::size_t i = 0; i < month_array_.size(); ++i) {
    if (month_array_[i] != 0) months[(kFirstYear + static_cast<std::uint32_t>(i / 12)) * 100 + i % 12 + 1] += month_array_[i];
  }
  for (const auto& [month, count] : months) {
    char name[16];
    std::snprintf(name, sizeof name, "%04u-%02u", month / 100, month % 100);
    f.published_month.push_back({name, count});
  }
  return f;
}

namespace {

// The unweighted pass over one database, reading its records from
// `records` when given (loaded first when not current).
Xapian::doccount CountFacetsIn(const Xapian::Database& db, const Xapian::Query& query, FacetSpy* spy,
                               FacetRecords* records) {
  if (records != nullptr && !records->CurrentFor(db)) records->Load(db);
  spy->UseRecords(records);
  Xapian::Enquire all(db);
  all.set_query(query);
  all.set_weighting_scheme(Xapian::BoolWeight());
  all.set_docid_order(Xapian::Enquire::ASCENDING);
  all.add_matchspy(spy);
  const Xapian::doccount n = db.get_doccount();
  return all.get_mset(0, 0, n).get_matches_lower_bound();
}

}  // namespace

Xapian::doccount CountFacetsInParallel(const Xapian::Query& query, std::vector<Xapian::Database>& parts,
                                       unsigned threads, const std::function<void()>& meanwhile,
                                       std::vector<std::unique_ptr<FacetSpy>>* spies,
                                       std::vector<FacetRecords>* records) {
  auto records_of = [&](std::size_t i) { return records != nullptr ? &(*records)[i] : nullptr; };
  const std::size_t n = std::max<std::size_t>(1, std::min<std::size_t>(threads == 0 ? 1 : threads, parts.size()));
  while (spies->size() < n) spies->push_back(std::make_unique<FacetSpy>());
  for (auto& spy : *spies) spy->Clear();
  FacetSpy* result = (*spies)[0].get();
  if (n == 1) {
    if (meanwhile) meanwhile();
    Xapian::doccount matches = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) matches += CountFacetsIn(parts[i], query, result, records_of(i));
    return matches;
  }
  // A Xapian::Query counts its references without atomics: each thread
  // gets its own copy, rebuilt from the serialised form.
  const std::string serialised = query.serialise();
  std::atomic<std::size_t> next{0};
  std::atomic<Xapian::doccount> matches{0};
  std::mutex mu;  // guards `error`
  std::exception_ptr error;
  auto fail = [&] {
    next.store(parts.size());  // the other threads stop after the part they are in
    std::lock_guard<std::mutex> lock(mu);
    if (!error) error = std::current_exception();
  };
  auto work = [&](const Xapian::Query& q, FacetSpy* spy) {
    try {
      Xapian::doccount seen = 0;
      for (std::size_t i; (i = next.fetch_add(1)) < parts.size();) {
        seen += CountFacetsIn(parts[i], q, spy, records_of(i));
      }
      matches += seen;
    } catch (...) {
      fail();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(n - 1);
  struct Joiner {
    std::vector<std::thread>& pool;
    ~Joiner() {
      for (std::thread& t : pool) {
        if (t.joinable()) t.join();
      }
    }
  } joiner{pool};
  for (std::size_t t = 1; t < n; ++t) {
    FacetSpy* spy = (*spies)[t].get();
    pool.emplace_back([&, spy] {
      try {
        work(Xapian::Query::unserialise(serialised), spy);
      } catch (...) {
        fail();
      }
    });
  }
  if (meanwhile) {
    try {
      meanwhile();
    } catch (...) {
      next.store(parts.size());  // the joiner waits for the helpers on the way out
      throw;
    }
  }
  work(query, result);
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  for (std::size_t t = 1; t < n; ++t) result->Merge(*(*spies)[t]);
  return matches.load();
}

}  // namespace amicus::internal
