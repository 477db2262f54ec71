// Fuzz target: the JSONL reader (amicus::ReadJsonl) on arbitrary bytes.
// Checks, beyond "no crash": every release handed out has an id, and a
// problem always names the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "amicus/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  amicus::IngestOptions options;
  options.strict = size > 0 && (data[0] & 1);
  amicus::ReadJsonl(
      in, "fuzz.jsonl", options,
      [](amicus::Release&& r) {
        if (r.id.empty() || r.source != "fuzz.jsonl" || r.line == 0) std::abort();
        return true;
      },
      [](const amicus::IngestProblem& p) {
        if (p.file != "fuzz.jsonl" || p.message.empty()) std::abort();
      });
  return 0;
}
