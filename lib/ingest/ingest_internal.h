// ingest/ingest_internal.h — helpers shared by the readers of lib/ingest.
//
// Everything here is a pure function of its arguments (no state, no I/O
// except ProblemReporter, which forwards to the caller's sink), so it is
// thread-compatible and unit-tested directly by tests/ingest.
#ifndef AMICUS_LIB_INGEST_INGEST_INTERNAL_H_
#define AMICUS_LIB_INGEST_INGEST_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "amicus/ingest.h"
#include "amicus/status.h"

namespace amicus {
namespace internal {

// ---------------------------------------------------------------- UTF-8
// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlongs, surrogates and code points above U+10FFFF are ill-formed), or
// std::string_view::npos when `s` is valid.
std::size_t FindInvalidUtf8(std::string_view s);
// `s` with every ill-formed sequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view s);
// Undoes double encoding in valid UTF-8 text: UTF-8 bytes that were read as
// Latin-1 or Windows-1252 and saved again as UTF-8 ("Minnesota\u00e2\u0080\u0099s"
// or "donâ€™t" for "Minnesota’s", "don’t"). Only a run of characters whose
// bytes form one well-formed multi-byte UTF-8 sequence is replaced, so text
// in any language is left alone. Returns how many characters were repaired.
std::size_t RepairDoubleEncodedUtf8(std::string* s);

// ---------------------------------------------------------------- dates
// True when `s` is exactly "YYYY-MM-DD" and names a real calendar day.
// Otherwise false, and *why (if not null) says what is wrong, e.g.
// "February 2026 has 28 days".
bool IsValidIsoDate(std::string_view s, std::string* why);
// A date written out in full: "February 10, 2026", "Jan. 9, 2026",
// "Tuesday, Feb. 10, 2026", "10 de febrero de 2026" or "2026-02-10".
// Returns "YYYY-MM-DD", or "" when `s` is not (only) such a real date.
std::string ParseWrittenDate(std::string_view s);

// ---------------------------------------------------------------- ids
std::uint32_t Fnv1a32(std::string_view s);
// The stem of an archive's name for ids: base name without its extension,
// lower-cased, runs of other than [a-z0-9] turned into one '-'. "input" when
// nothing is left (e.g. "<stdin>" gives "stdin").
std::string ArchiveIdStem(std::string_view name);
// "<stem>-<position, 4+ digits>-<8 hex of Fnv1a32(title)>".
std::string ArchiveReleaseId(std::string_view stem, std::uint64_t position, std::string_view title);

// ---------------------------------------------------------------- archives
// What a dateline at the start of a paragraph told us.
struct Dateline {
  std::size_t length = 0;  // bytes of place, date and dash, up to the text
  std::string published;   // "YYYY-MM-DD" when the dateline carries a full date
};
// True when `line` starts with a dateline: a place (and optionally a date in
// parentheses, a written date, a wire tag) followed by a dash, e.g.
// "BUFFALO, N.Y. – ", "New York, NY—", "ALBANY, N.Y. (February 10, 2026) — ",
// "ROCHESTER, N.Y., Jan. 9, 2026 /PRNewswire/ -- ". The caller decides from
// the lines before it whether a release really starts there.
bool MatchDateline(std::string_view line, Dateline* out);
// A line that can be a release title: short, no sentence-final period, not a
// bullet, not a speaker line ("Name, Title:"), not boilerplate ("Contact:").
bool LooksLikeTitle(std::string_view line);
// A line that reads as a deck (a one-paragraph summary under the title):
// a full sentence, or long and not in Title Case.
bool LooksLikeDeck(std::string_view line);
// Lines that may sit between a title and its dateline and belong to neither:
// "Photo and video available here", "FOR IMMEDIATE RELEASE", "Media contact:
// ...", a date on its own. When the line is a date, *published gets it.
bool IsHeaderExtra(std::string_view line, std::string* published);

// ---------------------------------------------------------------- problems
// Forwards problems to the caller's sink and implements strict mode: once a
// problem is reported in strict mode, failed() is true and status() carries
// it. The sink may be empty. Not thread-safe; one per ReadReleases call.
class ProblemReporter {
 public:
  ProblemReporter(const ProblemSink& sink, bool strict) : sink_(sink), strict_(strict) {}

  // Returns true when reading may go on (always, unless strict).
  bool Report(const std::string& file, std::uint64_t line, std::string message,
              Status::Code code = Status::Code::kCorruption);

  bool failed() const { return !status_.ok(); }
  const Status& status() const { return status_; }
  bool strict() const { return strict_; }

 private:
  const ProblemSink& sink_;
  bool strict_;
  Status status_;
};

// The readers behind ReadJsonl/ReadTextArchive/ReadReleases. They return
// false when reading must stop: the release sink asked to stop (then
// reporter->failed() is false) or a strict-mode problem (then it is true).
bool ReadJsonlStream(std::istream& in, const std::string& name, const IngestOptions& options,
                     const ReleaseSink& on_release, ProblemReporter* reporter);
bool ReadTextArchiveStream(std::istream& in, const std::string& name, const IngestOptions& options,
                           const ReleaseSink& on_release, ProblemReporter* reporter);

}  // namespace internal
}  // namespace amicus

#endif  // AMICUS_LIB_INGEST_INGEST_INTERNAL_H_
