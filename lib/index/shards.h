// Sharded databases and what remote searchers need, shared by the
// IndexWriter and the Searcher. Internal.
//
// A sharded amicus database is a folder holding N Xapian databases
// (shard-00, shard-01, ...) and a Xapian stub file XAPIANDB listing them
// ("auto shard-00" per line). Xapian 1.4 opens a folder holding XAPIANDB as
// a stub, so Xapian::Database(folder), xapian-delve and amicus-search open
// every shard as one database. A release lives in shard ShardOf(id, N), so
// indexing the same id again replaces it in place.
//
// Xapian's remote backend (xapian-tcpsrv) serves documents, terms, values
// and metadata but not the synonym or spelling tables, so the writer also
// keeps each synonym in the metadata (kSynonymMetadataPrefix) for remote
// searchers to rebuild them.
#ifndef AMICUS_LIB_INDEX_SHARDS_H_
#define AMICUS_LIB_INDEX_SHARDS_H_

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "index/schema.h"

namespace amicus::internal {

inline constexpr const char* kStubFileName = "XAPIANDB";

// The synonym metadata key and its separator live in index/schema.h.
using schema::kSynonymMetadataPrefix;
inline constexpr char kSynonymSeparator = schema::kListSeparator;

// "shard-00" ... "shard-99", then wider.
inline std::string ShardName(std::uint32_t i) {
  std::string n = std::to_string(i);
  if (n.size() < 2) n.insert(0, 2 - n.size(), '0');
  return "shard-" + n;
}

// FNV-1a (64 bits) of the id, modulo the shard count: stable across runs,
// machines and thread counts.
inline std::uint32_t ShardOf(std::string_view id, std::uint32_t shards) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return shards <= 1 ? 0 : static_cast<std::uint32_t>(h % shards);
}

// One line of a stub file: "auto PATH", "glass PATH", "remote :PORT",
// "remote HOST:PORT".
struct StubLine {
  std::string type;  // "auto", "glass", "chert", "remote", ...
  std::string arg;   // the rest of the line
};

// Reads a stub file. False when it cannot be read or a line is not of the
// form TYPE ARG (then it is probably not a stub at all).
inline bool ReadStub(const std::string& file, std::vector<StubLine>* out) {
  std::ifstream in(file);
  if (!in) return false;
  std::string line;
  out->clear();
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    std::size_t space = line.find_first_of(" \t", start);
    StubLine l;
    l.type = line.substr(start, space == std::string::npos ? std::string::npos : space - start);
    if (space != std::string::npos) {
      std::size_t arg = line.find_first_not_of(" \t", space);
      if (arg != std::string::npos) l.arg = line.substr(arg);
    }
    for (char c : l.type) {
      if (c < 'a' || c > 'z') return false;
    }
    out->push_back(std::move(l));
  }
  return true;
}

// Splits "HOST:PORT" or ":PORT" (host then empty) at its last colon. False
// when the port is not a number from 1 to 65535.
inline bool SplitHostPort(const std::string& s, std::string* host, unsigned* port) {
  std::size_t colon = s.rfind(':');
  if (colon == std::string::npos || colon + 1 >= s.size() || s.size() - colon > 6) return false;
  unsigned p = 0;
  for (std::size_t i = colon + 1; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    p = p * 10 + static_cast<unsigned>(s[i] - '0');
  }
  if (p == 0 || p > 65535) return false;
  *host = s.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') *host = host->substr(1, host->size() - 2);
  *port = p;
  return true;
}

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_SHARDS_H_
