// Fuzz target: the HTML page reader (amicus::ReadHtml) on arbitrary bytes.
// Checks, beyond "no crash": at most one release per page, with an id, and
// problems name the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "amicus/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  amicus::IngestOptions options;
  options.default_published = "2026-03-01";
  int releases = 0;
  amicus::ReadHtml(
      in, "fuzz.html", options,
      [&releases](amicus::Release&& r) {
        if (r.id.empty() || ++releases > 1) std::abort();
        return true;
      },
      [](const amicus::IngestProblem& p) {
        if (p.file != "fuzz.html" || p.message.empty()) std::abort();
      });
  return 0;
}
