// amicus/release.h — one press release, the value that flows through amicus.
//
// A Release is a plain value type: copy it, move it, keep it. Readers
// (amicus/ingest.h) produce them; the extractor and the index consume them.
// Fields are UTF-8. Empty means unknown.
#ifndef AMICUS_RELEASE_H_
#define AMICUS_RELEASE_H_

#include <cstdint>
#include <string>

namespace amicus {

struct Release {
  std::string id;            // stable unique id; re-indexing the same id replaces the release
  std::string title;
  std::string published;     // "YYYY-MM-DD", or empty when the source gives no date
  std::string organization;  // the publisher
  std::string url;
  std::string language;      // "en", "es"; empty means "detect from the text"
  std::string text;          // body text, paragraphs separated by blank lines

  // Where the release came from, for messages: the input's name and the
  // 1-based line where the release starts (0 when not line-based).
  std::string source;
  std::uint64_t line = 0;
};

}  // namespace amicus

#endif  // AMICUS_RELEASE_H_
