// Turns a Release into the Xapian document of the schema (index/schema.h):
// positional word terms for body and title, stems, boolean filter terms, the
// publication date slot and the stored fields. Internal.
//
// Thread-safety: not thread-safe (holds an Analyzer and stemmers); use one
// per thread. Building is a pure function of the release.
#ifndef AMICUS_LIB_INDEX_DOCUMENT_BUILDER_H_
#define AMICUS_LIB_INDEX_DOCUMENT_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "amicus/extract.h"
#include "amicus/release.h"
#include "amicus/text.h"

namespace amicus::internal {

class DocumentBuilder {
 public:
  DocumentBuilder();

  // `language` is the release's language code ("en"/"es"), already
  // resolved; `entities` are the release's extracted entities.
  Xapian::Document Build(const Release& release, const std::string& language, const Entities& entities);

  // The stored-fields JSON kept as the document data.
  static std::string StoredFields(const Release& release, const std::string& language);

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
