// ingest/html_reader.h — internals of the HTML page reader (one release per
// page), exposed for ReadReleases and for tests/ingest/html_test.cc.
//
// The page is parsed with Gumbo (Google's HTML5 parser, Debian
// libgumbo-dev): it implements the WHATWG tree-construction algorithm, so a
// broken page (unclosed tags, stray scripts, misnested tables) yields the
// same tree a browser builds, and it decodes entities. It is a plain C
// library with no dependencies, which keeps the installed package small.
//
// Everything here is a pure function of its arguments except ReadHtmlStream,
// which reads the stream and forwards to the sinks. Thread-compatible.
#ifndef AMICUS_LIB_INGEST_HTML_READER_H_
#define AMICUS_LIB_INGEST_HTML_READER_H_

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "amicus/ingest.h"
#include "amicus/release.h"
#include "ingest/ingest_internal.h"

namespace amicus {
namespace internal {

// Pages larger than this are reported and skipped: a press release is a few
// tens of KB; anything this big is not one page of one release.
constexpr std::size_t kMaxHtmlBytes = std::size_t{50} << 20;

// Builds the release of one page (see html_reader.cc for where each field
// comes from). `name` is the page's file name, for the id when the page has
// no canonical URL and for messages. Returns "" and fills *out, or returns
// what is wrong and what to do (then *out is unspecified). What was salvaged
// on the way (double-encoded characters repaired) is added to *notes, which
// may be null.
std::string ExtractHtmlRelease(std::string_view html, const std::string& name, const IngestOptions& options,
                               Release* out, std::vector<std::string>* notes = nullptr);

// The first date written in `text`: "February 10, 2026", "Feb. 10, 2026",
// "Tuesday, March 3rd, 2026", "3 March 2026", "10 de febrero de 2026",
// "2026-02-10" (also the date part of "2026-02-10T09:00:00-05:00") or
// numerically "2/10/2026" / "02.10.2026". Numeric dates are month first (US)
// unless `day_first` or the first number cannot be a month. Returns
// "YYYY-MM-DD" or "" when there is no real calendar date.
std::string FindDateInText(std::string_view text, bool day_first);

// A stable, readable id from a page URL: scheme, "www." and the fragment
// dropped, lower-cased, runs of other than [a-z0-9] turned into '-'; longer
// than 80 characters, it is cut and ends with the FNV-1a hash of the whole
// normalized URL. "https://www.ag.ny.gov/press-release/2026/x?id=4#top" ->
// "ag-ny-gov-press-release-2026-x-id-4". "" when nothing is left.
std::string HtmlIdFromUrl(std::string_view url);

// Splits a <title> such as "Mayor Signs Bill | Press | City of X" into the
// page's own title ("Mayor Signs Bill") and the site's name ("City of X").
// When `site` is already known, only a prefix or suffix equal to it is
// removed. Either output may be null.
void SplitTitleAndSite(std::string_view title, std::string_view known_site, std::string* page_title,
                       std::string* site);

// The reader behind ReadHtml and ReadReleases: reads the whole stream (at
// most kMaxHtmlBytes), extracts the release and hands it to `on_release`.
// Returns false when reading must stop (sink asked to, or strict problem).
bool ReadHtmlStream(std::istream& in, const std::string& name, const IngestOptions& options,
                    const ReleaseSink& on_release, ProblemReporter* reporter);

}  // namespace internal
}  // namespace amicus

#endif  // AMICUS_LIB_INGEST_HTML_READER_H_
