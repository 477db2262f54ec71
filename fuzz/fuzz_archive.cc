// Fuzz target: the plain-text press archive splitter
// (amicus::ReadTextArchive) on arbitrary bytes. Checks, beyond "no crash":
// every release has an id in the documented "<stem>-<NNNN>-<hash>" form and
// a title, and problems name the input.
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
  amicus::ReadTextArchive(
      in, "fuzz.txt", options,
      [](amicus::Release&& r) {
        if (r.id.rfind("fuzz-", 0) != 0 || r.title.empty()) std::abort();
        return true;
      },
      [](const amicus::IngestProblem& p) {
        if (p.file != "fuzz.txt" || p.message.empty()) std::abort();
      });
  return 0;
}
