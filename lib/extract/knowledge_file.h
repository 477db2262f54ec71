// Reading knowledge files (data/knowledge/*.tsv; format in docs/knowledge.md).
//
// A knowledge file is UTF-8 text: lines starting with '#' are comments (the
// first ones name the file's source and licence), blank lines are skipped,
// every other line is a record of tab-separated fields. Where the files come
// from (compiled in, or a folder given at run time) is hidden behind
// KnowledgeFiles, so each finder loads its tables the same way. Internal.
//
// Thread-safety: immutable after construction; share freely.
#ifndef AMICUS_LIB_EXTRACT_KNOWLEDGE_FILE_H_
#define AMICUS_LIB_EXTRACT_KNOWLEDGE_FILE_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "amicus/status.h"

namespace amicus::internal {

class KnowledgeFiles {
 public:
  // The files compiled into the library.
  static KnowledgeFiles Embedded();
  // Every *.tsv file of `dir`.
  static Status FromDirectory(const std::string& dir, KnowledgeFiles* out);

  // Calls `on_record(fields, line_number)` for each record of file `name`
  // ("places.tsv"). A file that does not exist is an error naming it.
  Status ForEachRecord(const std::string& name,
                       const std::function<Status(const std::vector<std::string_view>& fields,
                                                  int line)>& on_record) const;

  bool Has(const std::string& name) const { return files_.count(name) != 0; }
  // The file names, sorted.
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, std::string> files_;  // name -> content
  std::string origin_;                        // for messages: "built-in" or the folder
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_KNOWLEDGE_FILE_H_
