#include "index/copies.h"

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "index/entity_terms.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

// One release: its duplicate key as a number, where it lives.
struct KeyEntry {
  std::uint64_t key;
  std::uint32_t db;
  Xapian::docid docid;
  bool operator<(const KeyEntry& o) const {
    if (key != o.key) return key < o.key;
    if (db != o.db) return db < o.db;
    return docid < o.docid;
  }
};

// A DuplicateKey as its number; any other value (none is written today)
// by its FNV-1a hash. Two keys with one number are marked as copies, which
// costs a little and changes no hit: Xapian collapses on the whole value.
std::uint64_t KeyNumber(std::string_view value) {
  std::uint64_t n = 0;
  if (DuplicateKeyNumber(value, &n)) return n;
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : value) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::uint64_t Mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

std::string FlagValue(std::uint64_t fingerprint, std::uint64_t releases) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%016" PRIx64 " %" PRIu64, fingerprint, releases);
  return buf;
}

}  // namespace

bool CopyMarksCurrent(const Xapian::Database& db) {
  return !db.get_metadata(std::string(schema::kCopiesMetadataKey)).empty();
}

void ClearCopyMarks(Xapian::WritableDatabase* db) {
  db->set_metadata(std::string(schema::kCopiesMetadataKey), std::string());
}

void MarkCopies(const std::vector<Xapian::WritableDatabase*>& dbs) {
  std::vector<KeyEntry> entries;
  std::uint64_t releases = 0;
  for (std::uint32_t i = 0; i < dbs.size(); ++i) {
    Xapian::WritableDatabase& db = *dbs[i];
    releases += db.get_doccount();
    entries.reserve(entries.size() + db.get_value_freq(schema::kDuplicateSlot));
    for (Xapian::ValueIterator v = db.valuestream_begin(schema::kDuplicateSlot);
         v != db.valuestream_end(schema::kDuplicateSlot); ++v) {
      entries.push_back({KeyNumber(*v), i, v.get_docid()});
    }
  }
  std::sort(entries.begin(), entries.end());

  // The releases whose key another shares, in (db, docid) order; and the
  // fingerprint of every key and place, so that any change to what the
  // collection holds gives another.
  std::vector<std::pair<std::uint32_t, Xapian::docid>> copies;
  std::uint64_t fingerprint = releases;
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    while (j < entries.size() && entries[j].key == entries[i].key) ++j;
    for (std::size_t k = i; k < j; ++k) {
      fingerprint = Mix(Mix(Mix(fingerprint, entries[k].key), entries[k].db), entries[k].docid);
      if (j - i > 1) copies.emplace_back(entries[k].db, entries[k].docid);
    }
    i = j;
  }
  std::sort(copies.begin(), copies.end());
  entries.clear();
  entries.shrink_to_fit();

  for (const auto& [i, docid] : copies) {
    Xapian::Document doc = dbs[i]->get_document(docid);
    const std::string key = doc.get_value(schema::kDuplicateSlot);
    if (doc.get_value(schema::kCopySlot) == key) continue;
    doc.add_value(schema::kCopySlot, key);
    dbs[i]->replace_document(docid, doc);
  }
  // Marks whose release has no copy any more (its copies were replaced).
  for (std::uint32_t i = 0; i < dbs.size(); ++i) {
    Xapian::WritableDatabase& db = *dbs[i];
    std::vector<Xapian::docid> stale;
    for (Xapian::ValueIterator v = db.valuestream_begin(schema::kCopySlot); v != db.valuestream_end(schema::kCopySlot);
         ++v) {
      if (!std::binary_search(copies.begin(), copies.end(), std::make_pair(i, v.get_docid()))) {
        stale.push_back(v.get_docid());
      }
    }
    for (Xapian::docid docid : stale) {
      Xapian::Document doc = db.get_document(docid);
      doc.remove_value(schema::kCopySlot);
      db.replace_document(docid, doc);
    }
  }
  const std::string flag = FlagValue(fingerprint, releases);
  for (Xapian::WritableDatabase* db : dbs) db->set_metadata(std::string(schema::kCopiesMetadataKey), flag);
}

Xapian::valueno CopyCollapseSlot(const std::vector<Xapian::Database>& parts, const Xapian::Database& all) {
  std::string flag;
  for (const Xapian::Database& part : parts) {
    const std::string v = part.get_metadata(std::string(schema::kCopiesMetadataKey));
    if (v.empty() || (!flag.empty() && v != flag)) return schema::kDuplicateSlot;
    flag = v;
  }
  const std::size_t space = flag.find(' ');
  if (space == std::string::npos || flag.size() == space + 1) return schema::kDuplicateSlot;
  std::uint64_t releases = 0;
  for (std::size_t i = space + 1; i < flag.size(); ++i) {
    if (flag[i] < '0' || flag[i] > '9') return schema::kDuplicateSlot;
    releases = releases * 10 + static_cast<std::uint64_t>(flag[i] - '0');
  }
  if (releases != all.get_doccount()) return schema::kDuplicateSlot;
  return all.get_value_freq(schema::kCopySlot) == 0 ? kNoCopies : schema::kCopySlot;
}

}  // namespace amicus::internal
