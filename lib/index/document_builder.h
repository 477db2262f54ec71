// Turns a Release into the Xapian document of the schema (index/schema.h):
// positional word terms for body and title, stems, boolean filter terms, the
// publication date slot and the stored fields. Internal.
//
// Thread-safety: not thread-safe (holds an Analyzer and stemmers); use one
// per thread. Building is a pure function of the release.
#ifndef AMICUS_LIB_INDEX_DOCUMENT_BUILDER_H_
#define AMICUS_LIB_INDEX_DOCUMENT_BUILDER_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "amicus/extract.h"
#include "amicus/release.h"
#include "amicus/text.h"

namespace amicus::internal {

// What a result shows of a release, as kept in the document data: lines
// of NAME=VALUE (id, title, published, organization, url, language, then
// one person=, org=, law= or place= line per canonical entity name), an
// empty line, then the text as it is; Omega keeps its fields the same way.
// Values never hold a line break (they are written as spaces). The layout
// is read by splitting lines, with no unescaping and no JSON, and the names
// are here as well as in their facet slots, because lexing a stored JSON
// object with the whole text and reading four slots per hit were half of
// a query's time (measured in bench/). Databases written before this layout
// hold one JSON object with a "text" member and the names only in the
// slots; ParseStoredFields reads both.
struct StoredDocument {
  std::string id, title, published, organization, url, language, text;
  bool has_entities = false;  // false: the names are only in the slots
  std::vector<std::string> people, organizations, legislation, locations;
};

// Reads document data written by DocumentBuilder::StoredFields. Returns
// false when `data` is not amicus stored fields.
bool ParseStoredFields(std::string_view data, StoredDocument* out);

class DocumentBuilder {
 public:
  DocumentBuilder();

  // `language` is the release's language code ("en"/"es"), already
  // resolved; `entities` are the release's extracted entities.
  // `names`, when given, gets the canonical names the document was given
  // terms for (index/entity_terms.h EntityNames order).
  Xapian::Document Build(const Release& release, const std::string& language, const Entities& entities,
                         std::array<std::vector<std::string>, 4>* names = nullptr);

  // The document data (see StoredDocument) of `release`, with the
  // canonical entity names `names` (index/entity_terms.h order).
  static std::string StoredFields(const Release& release, const std::string& language,
                                  const std::array<std::vector<std::string>, 4>& names);

 private:
  // Adds the terms of `text` at positions from `*position` on; title text
  // goes in with the title prefix as well as unprefixed.
  void AddText(std::string_view text, bool is_title, const Xapian::Stem& stemmer,
               Xapian::Document* doc, Xapian::termpos* position);

  Analyzer analyzer_;
  std::vector<Token> tokens_;
  Xapian::Stem english_;
  Xapian::Stem spanish_;
};

// Validates "YYYY-MM-DD" (a real calendar date).
bool IsIsoDate(std::string_view s);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_DOCUMENT_BUILDER_H_
