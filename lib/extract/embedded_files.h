// The knowledge files of data/knowledge, compiled into the library by
// cmake/EmbedFiles.cmake. Internal.
#ifndef AMICUS_LIB_EXTRACT_EMBEDDED_FILES_H_
#define AMICUS_LIB_EXTRACT_EMBEDDED_FILES_H_

#include <string_view>
#include <vector>

namespace amicus::internal {

struct EmbeddedFile {
  std::string_view name;     // file name, e.g. "agencies.tsv"
  std::string_view content;  // the file's bytes
};

// In file-name order; static storage, valid for the life of the process.
const std::vector<EmbeddedFile>& EmbeddedKnowledgeFiles();

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_EMBEDDED_FILES_H_
