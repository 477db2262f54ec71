// Byte ranges of text already claimed by one entity finder, so that the
// finders that run after it skip them (a date inside "Local Law 58 of 2014",
// a place inside "Brooklyn Immigrant Defense Project"). Internal.
#ifndef AMICUS_LIB_EXTRACT_SPAN_H_
#define AMICUS_LIB_EXTRACT_SPAN_H_

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace amicus::internal {

struct TextSpan {
  std::size_t begin = 0;  // byte offset, inclusive
  std::size_t end = 0;    // byte offset, exclusive
};

// Sorts spans by start and merges those that overlap or touch, the form
// OverlapsAny needs. The extractor keeps its "taken" list this way.
inline void NormalizeSpans(std::vector<TextSpan>* spans) {
  std::sort(spans->begin(), spans->end(), [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < spans->size(); ++i) {
    const TextSpan& s = (*spans)[i];
    if (out > 0 && s.begin <= (*spans)[out - 1].end) {
      (*spans)[out - 1].end = std::max((*spans)[out - 1].end, s.end);
    } else {
      (*spans)[out++] = s;
    }
  }
  spans->resize(out);
}

// True when [begin, end) overlaps any span. `spans` must be normalized
// (NormalizeSpans): a binary search, so a finder that asks for every
// candidate of a 20 MB release stays linear overall.
inline bool OverlapsAny(const std::vector<TextSpan>& spans, std::size_t begin, std::size_t end) {
  auto it = std::upper_bound(spans.begin(), spans.end(), begin,
                             [](std::size_t v, const TextSpan& s) { return v < s.begin; });
  if (it != spans.begin() && std::prev(it)->end > begin) return true;
  return it != spans.end() && it->begin < end;
}

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_SPAN_H_
