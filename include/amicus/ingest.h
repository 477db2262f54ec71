// amicus/ingest.h — reading releases from files, folders and standard input.
//
// Formats (see docs/contract.md):
//   * JSONL (.jsonl, .ndjson): one release per line,
//     {"id", "meta": {"title", "published", "organization", "url"}, "text"}.
//   * Plain-text press archive (.txt): releases copied from a press page,
//     one after the other, each a title, an optional deck or "Photo and video
//     available here" line, then a dateline paragraph ("BUFFALO, N.Y. – ...").
//   * HTML (.html, .htm, .xhtml): one release per page (title, date,
//     organization, the main article's text; menus and scripts left out).
//   * Folders are walked recursively (sorted, so the order is stable);
//     "-" is standard input. A file without a known extension is sniffed.
//
// Reading streams: memory stays bounded by the largest single release, not
// the file. Releases are handed to a callback in input order.
//
// Bad input never stops the run (unless IngestOptions::strict): each problem
// is reported to the ProblemSink with the file and line, and reading goes on
// with the next release.
//
// Thread-safety: ReadReleases is reentrant; the callbacks run on the calling
// thread.
#ifndef AMICUS_INGEST_H_
#define AMICUS_INGEST_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "amicus/release.h"
#include "amicus/status.h"

namespace amicus {

enum class InputFormat {
  kAuto,         // by extension, else by content
  kJsonl,
  kTextArchive,
  kHtml,
};

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;
  // "YYYY-MM-DD" given to releases whose source has no publication date
  // (archives): anchors relative dates such as "today". Empty: leave unset.
  std::string default_published;
  // Stop at the first problem: ReadReleases then returns its Status.
  bool strict = false;
  // Names an HTML page's publisher canonically: given the name the page
  // gives its owner and the page's URL (either may be empty), returns the
  // canonical name, or "" to keep the page's own. Unset: pages keep theirs.
  // The tools set it to Extractor::CanonicalOrganization. Called from the
  // reading thread; must be thread-safe if readers run in parallel.
  std::function<std::string(std::string_view name, std::string_view url)> canonical_publisher;
};

// One skipped or doubtful piece of input. `line` is 1-based, 0 when unknown.
struct IngestProblem {
  std::string file;
  std::uint64_t line = 0;
  std::string message;  // what is wrong and what to do
  // "file:line: message"
  std::string ToString() const;
};

// Return false to stop reading early (ReadReleases then returns OK).
using ReleaseSink = std::function<bool(Release&&)>;
using ProblemSink = std::function<void(const IngestProblem&)>;

// Reads every input (file, folder or "-") in order. Returns OK unless
// options.strict and a problem was found, in which case the Status carries
// the first problem.
Status ReadReleases(const std::vector<std::string>& inputs, const IngestOptions& options,
                    const ReleaseSink& on_release, const ProblemSink& on_problem);

// Lower level: one stream of a known format. `name` is used in messages and
// to derive ids of archive releases.
Status ReadJsonl(std::istream& in, const std::string& name, const IngestOptions& options,
                 const ReleaseSink& on_release, const ProblemSink& on_problem);
Status ReadTextArchive(std::istream& in, const std::string& name, const IngestOptions& options,
                       const ReleaseSink& on_release, const ProblemSink& on_problem);
// One HTML page (at most 50 MB), one release; `name` gives the id when the
// page has no canonical URL.
Status ReadHtml(std::istream& in, const std::string& name, const IngestOptions& options,
                const ReleaseSink& on_release, const ProblemSink& on_problem);

}  // namespace amicus

#endif  // AMICUS_INGEST_H_
