// Everything a release contributes to the database, computed away from the
// writer: language, entities, the Xapian document, the alias metadata and
// the synonyms it teaches (spelling words come from the terms at commit:
// index/spelling.h). A pure function of the release (and the knowledge),
// so it runs on any worker thread; the IndexWriter applies the result on
// its own thread, in input order. Internal.
//
// Thread-safety: a ReleasePreparer is not thread-safe (it holds an Analyzer,
// stemmers and a cache of name keys); use one per thread. The Extractor it
// refers to is shared.
#ifndef AMICUS_LIB_INDEX_RELEASE_PREPARER_H_
#define AMICUS_LIB_INDEX_RELEASE_PREPARER_H_

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "amicus/extract.h"
#include "amicus/index.h"
#include "amicus/release.h"
#include "amicus/status.h"
#include "amicus/text.h"
#include "index/document_builder.h"

namespace amicus::internal {

struct PreparedRelease {
  Release release;
  Status status;        // not OK: the release cannot be indexed (and why)
  std::string id_term;
  Xapian::Document doc;
  // Alias metadata: (metadata key, canonical NameKey).
  std::vector<std::pair<std::string, std::string>> aliases;
  // Display names: (entity or publisher term, name as written).
  std::vector<std::pair<std::string, std::string>> displays;
  // Names of the facet record's hashes: (metadata key, canonical name).
  std::vector<std::pair<std::string, std::string>> facet_names;
  // Synonyms for free text: (QueryParser key, entity term).
  std::vector<std::pair<std::string, std::string>> synonyms;
  // Called on the writer's thread once the release is written.
  IndexWriter::AddCallback done;
  // False until a ReleasePreparer has filled the fields above (a sharded
  // writer without analysis threads leaves that to the shard's thread).
  bool prepared = false;
};

class ReleasePreparer {
 public:
  explicit ReleasePreparer(const Extractor* extractor) : extractor_(extractor) {}
  // Fills everything in *p from p->release.
  void Prepare(PreparedRelease* p);

 private:
  void PrepareDocument(PreparedRelease* p);
  void LearnNames(const Entities& entities, PreparedRelease* p);
  std::string SynonymKey(const std::string& surface);

  // What LearnNames makes of a name as written: its NameKey (empty: none)
  // and its QueryParser synonym key (empty: not worth matching in free
  // text). Cached, because the same names come back release after release
  // and the synonym key takes an ICU tokenization; the cache is emptied
  // when it reaches kMaxCachedSurfaces names.
  struct SurfaceKeys {
    std::string alias;
    std::string synonym;
  };
  const SurfaceKeys& KeysOf(const std::string& surface);
  static constexpr std::size_t kMaxCachedSurfaces = 50000;

  const Extractor* extractor_;
  DocumentBuilder builder_;
  Analyzer analyzer_;
  std::vector<Token> tokens_;
  std::unordered_map<std::string, SurfaceKeys> surface_keys_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_RELEASE_PREPARER_H_
