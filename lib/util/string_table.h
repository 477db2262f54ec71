// StringTable<V>: a string-keyed hash map built once and then read by many
// threads, for the extraction knowledge tables (gazetteer keys, titles,
// organization words) that are probed for nearly every word of a release.
//
// Why not std::unordered_map<std::string, V>: a probe there hashes with
// std::hash (byte-at-a-time Murmur), divides by a prime bucket count, chases a
// node pointer and needs a std::string key. Here a 1 KB bitmap of the keys'
// (first byte, length) pairs turns most misses away before any hashing; a
// probe hashes 8 bytes at a time and masks a power-of-two slot array that
// keeps each key's hash tag beside its index (most other misses end without
// touching a key); and it takes a std::string_view, so callers look up slices
// of the text without copying.
//
// Entries live in a dense vector in insertion order: iteration is
// deterministic, and pointers to values stay valid once loading is done (not
// across inserts). Open addressing with linear probing at load factor <= 1/2.
// Not thread-safe for writes; concurrent const lookups are safe.
#ifndef AMICUS_UTIL_STRING_TABLE_H_
#define AMICUS_UTIL_STRING_TABLE_H_

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amicus::internal {

// A fast non-cryptographic 64-bit hash of a byte string: 8 bytes a step,
// the last (partial) step and short keys read with overlapping loads, so a
// word costs a few multiplications and no loop over its bytes. Not stable
// across versions; never persisted.
inline std::uint64_t HashString(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  auto load64 = [](const char* q) {
    std::uint64_t v;
    std::memcpy(&v, q, 8);
    return v;
  };
  auto load32 = [](const char* q) {
    std::uint32_t v;
    std::memcpy(&v, q, 4);
    return static_cast<std::uint64_t>(v);
  };
  auto mix = [](std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
  };
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (static_cast<std::uint64_t>(n) * 0xFF51AFD7ED558CCDull);
  if (n >= 8) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) h = mix(h, load64(p + i));
    if (i < n) h = mix(h, load64(p + n - 8));  // the tail, overlapping the last full step
  } else if (n >= 4) {
    h = mix(h, (load32(p) << 32) | load32(p + n - 4));
  } else if (n > 0) {
    const auto b = [&](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
    h = mix(h, (b(0) << 16) | (b(n >> 1) << 8) | b(n - 1));
  }
  h ^= h >> 29;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 32;
  return h;
}

template <typename V>
class StringTable {
 public:
  using Entry = std::pair<std::string, V>;

  // The value stored under `key`, or nullptr.
  const V* Find(std::string_view key) const {
    const std::uint32_t i = Lookup(key);
    return i == kNone ? nullptr : &entries_[i].second;
  }
  V* Find(std::string_view key) {
    const std::uint32_t i = Lookup(key);
    return i == kNone ? nullptr : &entries_[i].second;
  }
  bool Contains(std::string_view key) const { return Lookup(key) != kNone; }

  // Inserts (key, value) unless the key is present; returns the stored value
  // and whether it was inserted (std::unordered_map::emplace semantics).
  std::pair<V*, bool> Emplace(std::string_view key, V value) {
    if (V* v = Find(key)) return {v, false};
    return {&Append(key, std::move(value)), true};
  }
  // The value under `key`, default-constructed when new (operator[] semantics).
  V& operator[](std::string_view key) {
    if (V* v = Find(key)) return *v;
    return Append(key, V());
  }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // Entries in insertion order.
  typename std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  typename std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  struct Slot {
    std::uint32_t index = kNone;  // into entries_
    std::uint32_t tag = 0;        // high half of the key's hash
  };

  std::uint32_t Lookup(std::string_view key) const {
    if (slots_.empty()) return kNone;
    // Most probes of a word list miss: the (first byte, length) filter
    // answers many of them without hashing.
    if (key.empty() ? !has_empty_ : (first_len_[static_cast<unsigned char>(key[0])] & LengthBit(key.size())) == 0) {
      return kNone;
    }
    const std::uint64_t h = HashString(key);
    const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t pos = h & mask_;; pos = (pos + 1) & mask_) {
      const Slot& s = slots_[pos];
      if (s.index == kNone) return kNone;
      if (s.tag == tag) {
        const std::string& k = entries_[s.index].first;
        if (k.size() == key.size() && std::memcmp(k.data(), key.data(), key.size()) == 0) return s.index;
      }
    }
  }

  static std::uint32_t LengthBit(std::size_t n) { return 1u << (n < 31 ? n : 31); }

  V& Append(std::string_view key, V value) {
    if (key.empty()) {
      has_empty_ = true;
    } else {
      first_len_[static_cast<unsigned char>(key[0])] |= LengthBit(key.size());
    }
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(std::string(key), std::move(value));
    Place(static_cast<std::uint32_t>(entries_.size() - 1));
    return entries_.back().second;
  }

  void Place(std::uint32_t index) {
    const std::uint64_t h = HashString(entries_[index].first);
    std::size_t pos = h & mask_;
    while (slots_[pos].index != kNone) pos = (pos + 1) & mask_;
    slots_[pos] = Slot{index, static_cast<std::uint32_t>(h >> 32)};
  }

  void Grow() {
    std::size_t n = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(n, Slot());
    mask_ = n - 1;
    for (std::uint32_t i = 0; i < entries_.size(); ++i) Place(i);
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  // Bit min(length, 31) of first_len_[b] is set when some key of that length
  // starts with byte b.
  std::uint32_t first_len_[256] = {};
  bool has_empty_ = false;
};

// A set of strings: StringTable without values.
class StringSet {
 public:
  StringSet() = default;
  // A fixed word list: `static const StringSet kWords{"of", "for", ...};`
  StringSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) Insert(w);
  }
  bool Contains(std::string_view key) const { return table_.Contains(key); }
  // True when the key was new.
  bool Insert(std::string_view key) { return table_.Emplace(key, Empty()).second; }
  std::size_t size() const { return table_.size(); }
  bool empty() const { return table_.empty(); }

 private:
  struct Empty {};
  StringTable<Empty> table_;
};

}  // namespace amicus::internal

#endif  // AMICUS_UTIL_STRING_TABLE_H_
