// The extractor's vocabulary: every word list and word mapping that the
// finders' general rules consult ("words that end an organization name",
// "Spanish month names", "nouns that make a capitalized run an event"),
// read from the data/knowledge/words_*.tsv files through the one knowledge
// loader. Code names a class ("org.lead_noise"); the words live in data.
//
// File format (docs/extraction.md): `class <TAB> entries`, entries
// '|'-separated, each a folded word or phrase (lower case, no diacritics,
// no periods) or, for a mapping, `key=value`. A class may span several
// lines; its entries are appended. Internal.
//
// Thread-safety: immutable after Load; share freely.
#ifndef AMICUS_LIB_EXTRACT_LEXICON_H_
#define AMICUS_LIB_EXTRACT_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "amicus/status.h"
#include "extract/knowledge_file.h"
#include "util/string_table.h"

namespace amicus::internal {

class Lexicon {
 public:
  // Reads every words_*.tsv file of `files`. Fails on a malformed line,
  // naming file:line.
  Status Load(const KnowledgeFiles& files);

  // The words of class `name`. Fails (naming the class and the files) when
  // no file defines it, so a custom knowledge folder that lacks a class
  // is reported at load time rather than silently extracting less.
  // The pointer stays valid as long as the Lexicon.
  Status Words(std::string_view name, const StringSet** out) const;
  // The same class in file order (for rules that try the entries in turn).
  Status List(std::string_view name, const std::vector<std::string>** out) const;
  // A mapping class: entries `key=value`.
  Status Map(std::string_view name, const StringTable<std::string>** out) const;

 private:
  struct Class {
    std::vector<std::string> entries;  // as written, file order
    StringSet set;                     // every entry (the key side of key=value too)
    StringTable<std::string> map;      // key=value entries
  };
  Status Find(std::string_view name, const Class** out) const;
  std::map<std::string, Class, std::less<>> classes_;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_LEXICON_H_
