// Fuzz target: the entity extractor (amicus::Extractor::Extract). The first
// line of the input is the title, the rest the text; the first byte picks a
// language hint and whether a publication date anchors relative dates.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "amicus/extract.h"
#include "amicus/release.h"

namespace {

const amicus::Extractor& TheExtractor() {
  static std::unique_ptr<amicus::Extractor> extractor = [] {
    std::unique_ptr<amicus::Extractor> e;
    if (!amicus::Extractor::Create(&e).ok()) std::abort();
    return e;
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const amicus::Extractor& extractor = TheExtractor();
  std::string input(reinterpret_cast<const char*>(data), size);
  amicus::Release r;
  r.id = "fuzz";
  const unsigned char mode = size > 0 ? data[0] : 0;
  const std::size_t nl = input.find('\n');
  if (nl != std::string::npos) {
    r.title = input.substr(0, nl);
    r.text = input.substr(nl + 1);
  } else {
    r.text = input;
  }
  if (mode & 1) r.published = "2026-01-20";
  if (mode & 2) r.language = (mode & 4) ? "es" : "en";
  amicus::Entities entities = extractor.Extract(r);
  // Documented shapes: canonical names are never empty; a date value is
  // YYYY-MM-DD, YYYY-MM, YYYY or FYYYYY.
  for (const auto* list : {&entities.people, &entities.organizations, &entities.legislation, &entities.locations}) {
    for (const amicus::NamedEntity& e : *list) {
      if (e.name.empty()) std::abort();
    }
  }
  for (const amicus::DateMention& d : entities.dates) {
    const std::size_t n = d.value.size();
    if (n != 10 && n != 7 && n != 4 && !(n == 6 && d.value.rfind("FY", 0) == 0)) std::abort();
  }
  return 0;
}
