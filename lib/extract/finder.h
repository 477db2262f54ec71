// The finder interface: each entity kind is one Finder, and the Extractor
// runs a fixed table of them over a release (extractor.cc). Adding an entity
// kind is adding a Finder and a row of the table (docs/extraction.md).
//
// Every finder reads the same per-release view (the text, its tokens from
// the one scanner, their folded keys, the dateline and the release's
// context) and the byte spans the finders before it claimed, so a place
// inside an organization's name or a year inside "Local Law 58 of 2014" is
// not found twice. Internal.
//
// Thread-safety: a Finder is immutable after construction; Find may run on
// any number of threads at once.
#ifndef AMICUS_LIB_EXTRACT_FINDER_H_
#define AMICUS_LIB_EXTRACT_FINDER_H_

#include <string_view>
#include <vector>

#include "amicus/extract.h"
#include "extract/people_orgs_common.h"
#include "extract/scan.h"
#include "extract/span.h"

namespace amicus {
class KnowledgeBase;
}

namespace amicus::internal {

struct DatelineMatch;  // places.h

// One release as every finder sees it: built once per release.
struct ReleaseView {
  std::string_view text;
  std::string_view published;         // "YYYY-MM-DD" or empty: anchors relative dates
  const std::vector<Tok>* toks;       // Tokenize(text)
  const std::vector<std::string>* fold;  // FoldTokens(text, toks)
  DocContext ctx;                     // language, publisher, dateline city/region/state
  const DatelineMatch* dateline;      // nullptr when the release has none
};

// What the finders leave for the ones after them.
struct Claims {
  std::vector<TextSpan> taken;      // normalized (NormalizeSpans): every claimed mention
  std::vector<TextSpan> law_spans;  // normalized: legislation mentions (dates skip only these)

  // Adds `spans` to `taken` (and keeps it normalized).
  void Take(const std::vector<TextSpan>& spans);
};

class Finder {
 public:
  virtual ~Finder() = default;
  // Appends this finder's entities of `doc` to `out` and claims the byte
  // spans of its mentions in `claims` where later finders must skip them.
  virtual void Find(const ReleaseView& doc, Claims* claims, Entities* out) const = 0;
};

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_FINDER_H_
